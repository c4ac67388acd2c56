import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';

import '../src/components/agent-session/agent-session.js';
import '../src/components/campaign-list/campaign-list.js';
import {ManualClock, SimulatedClock, type Clock} from '../src/core/clock.js';
import {DEMO_AGENTS, demoCampaigns} from '../src/core/demo-data.js';
import {BackendUnavailableError} from '../src/core/errors.js';
import {MemoryBackend} from '../src/core/memory-backend.js';
import {Temporal} from '../src/core/temporal.js';
import type {Campaign} from '../src/core/types.js';
import type {PreviewRecord, PreviewRecordRequestEvent} from '../src/events/preview-record-request.js';

// ---------------------------------------------------------------------------------------------------------------
// Demo helpers for these stories only (not part of the kit).
// ---------------------------------------------------------------------------------------------------------------

/** Shows a clock's time every second and runs story actions at given minutes after it was created. */
class CampaignStoryClock extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-block-end: 0.75rem;
      font:
        0.875rem/1.4 system-ui,
        sans-serif;
      color: light-dark(#4b5563, #b6bcc4);
    }
    strong {
      color: light-dark(#1f2328, #e6e8eb);
      font-variant-numeric: tabular-nums;
    }
  `;

  /** The clock to show. */
  @property({attribute: false}) clock?: Clock;
  /** Text after the time, e.g. "60x speed". */
  @property() note = '';
  /** Actions to run once the clock has moved `minutes` past its start. */
  @property({attribute: false}) schedule: Array<{minutes: number; run: () => void}> = [];

  #interval?: ReturnType<typeof setInterval>;
  #start?: number;
  #done = new Set<number>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#interval = setInterval(() => this.#tick(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#interval);
  }

  #tick(): void {
    if (!this.clock) return;
    const now = this.clock.now().epochMilliseconds;
    this.#start ??= now;
    this.schedule.forEach((step, i) => {
      if (!this.#done.has(i) && now - this.#start! >= step.minutes * 60_000) {
        this.#done.add(i);
        step.run();
      }
    });
    this.requestUpdate();
  }

  override render() {
    if (!this.clock) return html``;
    const time = this.clock.now().toZonedDateTimeISO('America/New_York');
    return html`Simulated time in New York:
      <strong>${time.toPlainTime().toString({smallestUnit: 'second'})}</strong> ${this.note}`;
  }
}

if (!customElements.get('ck-campaign-story-clock'))
  customElements.define('ck-campaign-story-clock', CampaignStoryClock);

declare global {
  interface HTMLElementTagNameMap {
    'ck-campaign-story-clock': CampaignStoryClock;
  }
}

const [MARIA, , LUCIA] = DEMO_AGENTS;

/** Monday 2026-11-23, 8:00 AM in New York. */
const MORNING = '2026-11-23T13:00:00Z';
/** The same day, 9:30 AM in New York. */
const MID_MORNING = '2026-11-23T14:30:00Z';

const RECORDS: PreviewRecord[] = [
  {id: 'rec-1001', contactName: 'Olivia Bennett', phone: '+12124561987'},
  {id: 'rec-1002', contactName: 'Ethan Brooks', phone: '+13122584410'},
  {id: 'rec-1003', contactName: 'Sophia Nguyen', phone: '+14155267890'},
];

/** A host answering preview-record-request after a short wait: three records, then an empty list. */
function answerRecords(delayMs = 900) {
  let next = 0;
  return (event: PreviewRecordRequestEvent) => {
    event.detail.respondWith(
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(RECORDS[next++] ?? null), delayMs);
        event.detail.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(event.detail.signal.reason);
        });
      }),
    );
  };
}

const at = (iso: string, minutes: number) => Temporal.Instant.from(iso).add({minutes}).toString();

/** Every status and every dialing mode, all assigned to Maria. */
function everyStatusAndMode(now: string): Campaign[] {
  const agentIds = ['agent-maria'];
  return [
    {
      id: 's1',
      name: 'Premium Upgrade',
      status: 'started',
      dialingMode: 'predictive',
      deliveryMode: 'automatic',
      startedAt: at(now, -2),
      agentIds,
    },
    {
      id: 's2',
      name: 'Spring Renewals',
      status: 'running',
      dialingMode: 'progressive',
      deliveryMode: 'automatic',
      startedAt: at(now, -95),
      agentIds,
    },
    {
      id: 's3',
      name: 'Service Follow-up',
      status: 'running',
      dialingMode: 'preview',
      deliveryMode: 'manual',
      startedAt: at(now, -60),
      agentIds,
    },
    {
      id: 's4',
      name: 'Loyalty Rewards',
      status: 'running',
      dialingMode: 'push-preview',
      deliveryMode: 'automatic',
      startedAt: at(now, -30),
      agentIds,
    },
    {
      id: 's5',
      name: 'Customer Win-Back',
      status: 'paused',
      dialingMode: 'predictive',
      deliveryMode: 'automatic',
      startedAt: at(now, -1500),
      agentIds,
    },
    {
      id: 's6',
      name: 'Holiday Offers',
      status: 'stopped',
      dialingMode: 'push-preview',
      deliveryMode: 'automatic',
      agentIds,
    },
    {
      id: 's7',
      name: 'Winter Collections',
      status: 'completed',
      dialingMode: 'progressive',
      deliveryMode: 'automatic',
      startedAt: at(now, -4400),
      agentIds,
    },
    {
      id: 's8',
      name: 'Insurance Reviews',
      status: 'paused',
      dialingMode: 'preview',
      deliveryMode: 'manual',
      startedAt: at(now, -200),
      agentIds,
    },
  ];
}

/** `count` campaigns for Maria: a few live, most of them dormant, every mode. */
function manyCampaigns(count: number, now: string): Campaign[] {
  const statuses = [
    'paused',
    'stopped',
    'completed',
    'paused',
    'stopped',
    'completed',
    'paused',
    'stopped',
    'completed',
    'running',
  ] as const;
  const modes = ['preview', 'push-preview', 'progressive', 'predictive'] as const;
  return Array.from({length: count}, (_, i) => {
    const status = statuses[i % statuses.length];
    const dialingMode = modes[i % modes.length];
    return {
      id: `bulk-${i}`,
      name: `Campaign ${String(i + 1).padStart(5, '0')}`,
      status: i < 3 ? 'started' : status,
      dialingMode,
      deliveryMode: dialingMode === 'preview' ? 'manual' : 'automatic',
      ...(status === 'stopped' && i >= 3 ? {} : {startedAt: at(now, -i * 7)}),
      agentIds: ['agent-maria'],
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------------------------

interface CampaignListArgs {
  filter?: 'active' | 'all';
  'sort-by'?: 'name' | 'status' | 'start';
  'sort-direction'?: 'ascending' | 'descending';
  'response-timeout'?: number;
  label?: string;
  locale?: string;
}

const list = (args: CampaignListArgs) =>
  html`<campaign-list
    filter=${ifDefined(args.filter)}
    sort-by=${ifDefined(args['sort-by'])}
    sort-direction=${ifDefined(args['sort-direction'])}
    response-timeout=${ifDefined(args['response-timeout'])}
    label=${ifDefined(args.label || undefined)}
    locale=${ifDefined(args.locale || undefined)}
  ></campaign-list>`;

const meta: Meta<CampaignListArgs> = {
  title: 'Components/campaign-list',
  component: 'campaign-list',
  parameters: {
    docs: {
      description: {
        component:
          'My Campaigns: the outbound campaigns the agent is assigned to, live from the backend. A start notice ' +
          'appears when a campaign starts (one combined notice for those already running at login); each dialing ' +
          'mode has a plain-language explanation (the ? button); manual preview campaigns offer Get next record, ' +
          'answered by the host through `preview-record-request`. Every story runs inside `<agent-session>` on a ' +
          '`MemoryBackend` it builds.',
      },
    },
  },
  argTypes: {
    filter: {control: 'inline-radio', options: ['active', 'all']},
    'sort-by': {control: 'inline-radio', options: ['name', 'status', 'start']},
    'sort-direction': {control: 'inline-radio', options: ['ascending', 'descending']},
    'response-timeout': {control: 'number'},
    label: {control: 'text'},
    locale: {control: 'text'},
  },
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}
      ><div @preview-record-request=${answerRecords()}>${list(args)}</div></agent-session
    >`;
  },
};

export default meta;

type Story = StoryObj<CampaignListArgs>;

/** Maria's campaigns at 9:30 AM on the demo backend: two running since before she logged in. */
export const Default: Story = {};

/**
 * An agent's morning: Maria logs in at 8:00 AM (a `SimulatedClock` at 60x speed, one minute a second) with two
 * campaigns already running (one combined notice). The simulated dialer starts Customer Win-Back two minutes later
 * and Holiday Offers at 8:05; the story starts two more at 8:08 and 8:12. Each start gives one notice; "Started"
 * campaigns turn "Running" 30 seconds later. Service Follow-up is a manual preview campaign: Get next record.
 */
export const AnAgentsMorning: Story = {
  name: "An agent's morning",
  render: (args) => {
    const clock = new SimulatedClock(MORNING, {rate: 60});
    const now = clock.now().toString();
    const campaigns: Campaign[] = [
      ...demoCampaigns(now),
      {
        id: 'camp-card-activation',
        name: 'Card Activation',
        status: 'stopped',
        dialingMode: 'progressive',
        deliveryMode: 'automatic',
        agentIds: ['agent-maria'],
      },
      {
        id: 'camp-insurance',
        name: 'Insurance Reviews',
        status: 'paused',
        dialingMode: 'preview',
        deliveryMode: 'manual',
        agentIds: ['agent-maria'],
      },
    ];
    const backend = new MemoryBackend({clock, seed: 7, campaigns, simulateDialer: true});
    const schedule = [
      {minutes: 8, run: () => backend.startCampaign('camp-card-activation')},
      {minutes: 12, run: () => backend.startCampaign('camp-insurance')},
    ];
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}>
      <ck-campaign-story-clock .clock=${clock} .schedule=${schedule} note="(60x speed)"></ck-campaign-story-clock>
      <div @preview-record-request=${answerRecords()}>${list(args)}</div>
    </agent-session>`;
  },
};

/** Every status (Started, Running, Paused, Stopped, Completed) and every dialing and delivery mode, with `filter="all"`. */
export const EveryStatusAndMode: Story = {
  name: 'Every status and mode',
  args: {filter: 'all'},
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7, campaigns: everyStatusAndMode(MID_MORNING)});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}
      ><div @preview-record-request=${answerRecords()}>${list(args)}</div></agent-session
    >`;
  },
};

/** An agent assigned to no campaign at all. */
export const Empty: Story = {
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7, campaigns: []});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}>${list(args)}</agent-session>`;
  },
};

/** Campaigns, but none active or running: the default filter says so and offers to show them all. */
export const NothingActive: Story = {
  name: 'Nothing active',
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const campaigns = everyStatusAndMode(MID_MORNING).filter((c) => c.status !== 'started' && c.status !== 'running');
    const backend = new MemoryBackend({clock, seed: 7, campaigns});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}>${list(args)}</agent-session>`;
  },
};

/** The backend fails the first `listCampaigns`: the error says what happened, and Try again loads. */
export const LoadError: Story = {
  name: 'Error',
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7});
    backend.failNext('listCampaigns', new BackendUnavailableError('The campaign service did not answer (HTTP 503).'));
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}>${list(args)}</agent-session>`;
  },
};

/** A slow backend (10 minutes): the loading state. */
export const Loading: Story = {
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7, latency: 600_000});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}>${list(args)}</agent-session>`;
  },
};

/**
 * 10,000 campaigns: only the rows in view are rendered (scroll, or Ctrl+End in the grid); the grid still tells
 * screen readers the true row count and position.
 */
export const TenThousandCampaigns: Story = {
  name: '10,000 campaigns',
  args: {filter: 'all', 'sort-by': 'name'},
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7, campaigns: manyCampaigns(10_000, MID_MORNING)});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}
      ><div @preview-record-request=${answerRecords()}>${list(args)}</div></agent-session
    >`;
  },
};

/**
 * Events only: the host gives `.campaigns` and answers `preview-record-request` itself (three records, then an
 * empty calling list). The second preview campaign's host never answers: after `response-timeout` (3 s here) the
 * button says so.
 */
export const HostCampaignsAndRecords: Story = {
  name: 'Host campaigns and records (events only)',
  args: {'response-timeout': 3000},
  render: (args) => {
    const campaigns = everyStatusAndMode(MID_MORNING).map((c) =>
      c.id === 's8' ? {...c, status: 'running' as const, name: 'Insurance Reviews (host never answers)'} : c,
    );
    const answer = answerRecords(1200);
    const onRequest = (event: PreviewRecordRequestEvent) => {
      if (event.detail.campaign.id === 's8') event.detail.respondWith(new Promise(() => {}));
      else answer(event);
    };
    return html`<agent-session events-only .agent=${MARIA} .clock=${new ManualClock(MID_MORNING)}>
      <div @preview-record-request=${onRequest}>
        <campaign-list
          .campaigns=${campaigns}
          response-timeout=${ifDefined(args['response-timeout'])}
          filter=${ifDefined(args.filter)}
          sort-by=${ifDefined(args['sort-by'])}
          locale=${ifDefined(args.locale || undefined)}
        ></campaign-list>
      </div>
    </agent-session>`;
  },
};

/** In a narrow CRM side panel (22rem): each campaign becomes a small card; the header keeps the sort buttons. */
export const NarrowPanel: Story = {
  name: 'Narrow panel',
  args: {filter: 'all'},
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7, campaigns: everyStatusAndMode(MID_MORNING)});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${MARIA}
      ><div style="inline-size: 22rem" @preview-record-request=${answerRecords()}>${list(args)}</div></agent-session
    >`;
  },
};

/** Lucía works from Madrid in Spanish: start times in Central European Time, 24-hour clock. */
export const SpanishAgentInMadrid: Story = {
  name: 'Spanish agent in Madrid',
  args: {filter: 'all'},
  render: (args) => {
    const clock = new ManualClock(MID_MORNING);
    const backend = new MemoryBackend({clock, seed: 7});
    return html`<agent-session .backend=${backend} .clock=${clock} .agent=${LUCIA}
      ><div @preview-record-request=${answerRecords()}>${list(args)}</div></agent-session
    >`;
  },
};
