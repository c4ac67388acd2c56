import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {action} from 'storybook/actions';

import '../src/components/agent-session/agent-session.js';
import '../src/components/callback-list/callback-list.js';
import type {StatusFilter, TypeFilter} from '../src/components/callback-list/callback-list.js';
import {ManualClock, type Clock} from '../src/core/clock.js';
import {DEMO_AGENTS, DEMO_CONTACTS, demoCallbacks} from '../src/core/demo-data.js';
import {MemoryBackend} from '../src/core/memory-backend.js';
import {Temporal} from '../src/core/temporal.js';
import type {Callback, SchedulingPolicy} from '../src/core/types.js';
import type {CallbackCancelRequestEvent} from '../src/events/callback-cancel-request.js';

// ---------------------------------------------------------------------------------------------------------------
// Story helpers (not part of the kit)
// ---------------------------------------------------------------------------------------------------------------

/** Maria Lopez, New York, en-US: her personal callbacks and followups remind her. */
const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;

/** "Now" of most stories: Monday 2026-11-23, 09:50 in New York. */
const NOW = '2026-11-23T14:50:00Z';

const at = (iso: string, minutes: number) => Temporal.Instant.from(iso).add({minutes}).toString();

/** A few more of Maria's callbacks for a fuller day, on top of the demo data. */
function moreCallbacks(now: Temporal.Instant): Callback[] {
  const iso = now.toString();
  const base = {status: 'scheduled' as const, createdAt: at(iso, -1440), updatedAt: at(iso, -1440)};
  return [
    {
      ...base,
      id: 'cb-story-isabella',
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      contactId: 'contact-isabella',
      phone: '+12083457702',
      start: at(iso, 250),
      timeZone: 'America/Boise',
      notes: 'Prefers the home number after lunch, Mountain time.',
    },
    {
      ...base,
      id: 'cb-story-charlotte',
      kind: 'followup',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      contactId: 'contact-charlotte',
      phone: '+442079460123',
      start: at(iso, 70),
      timeZone: 'Europe/London',
      notes: 'Send the contract summary before calling.',
    },
    {
      ...base,
      id: 'cb-story-chloe',
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      contactId: 'contact-chloe',
      phone: '+61412345678',
      start: at(iso, 3 * 1440 + 600),
      timeZone: 'Australia/Sydney',
    },
  ];
}

/** A pinned clock and a seeded backend, rebuilt per story render. */
function session(
  now: string,
  options: {extra?: boolean; callbacksAt?: string; demo?: boolean; policy?: Partial<SchedulingPolicy>} = {},
) {
  const clock = new ManualClock(now);
  const seededAt = Temporal.Instant.from(options.callbacksAt ?? now);
  const backend = new MemoryBackend({
    clock,
    seed: 7,
    policy: options.policy,
    demo: options.demo ?? true,
    callbacks:
      options.demo === false
        ? []
        : () => [...demoCallbacks(seededAt), ...(options.extra ? moreCallbacks(seededAt) : [])],
  });
  return {clock, backend};
}

/** Shows the story clock's time and moves it: the list reacts at once (one timer, recomputed on jumps). */
class StoryClock extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-block-end: 0.75rem;
      font:
        0.875rem/1.4 system-ui,
        sans-serif;
    }
    output {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      min-inline-size: 14rem;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
  `;

  @property({attribute: false}) clock?: ManualClock;
  @property({attribute: 'time-zone'}) timeZone = 'America/New_York';

  #unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = this.clock?.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  override render() {
    const now = this.clock?.now();
    const text = now
      ? new Intl.DateTimeFormat('en-US', {
          weekday: 'short',
          hour: 'numeric',
          minute: '2-digit',
          second: '2-digit',
          timeZone: this.timeZone,
          timeZoneName: 'short',
        }).format(now.epochMilliseconds)
      : '';
    return html`<span>Story clock:</span>
      <output aria-live="off">${text}</output>
      <button type="button" @click=${() => this.clock?.advance({minutes: 1})}>+1 minute</button>
      <button type="button" @click=${() => this.clock?.advance({minutes: 5})}>+5 minutes</button>
      <button type="button" @click=${() => this.clock?.advance({hours: 1})}>+1 hour</button>`;
  }
}
if (!customElements.get('ck-story-clock')) customElements.define('ck-story-clock', StoryClock);

declare global {
  interface HTMLElementTagNameMap {
    'ck-story-clock': StoryClock;
  }
}

interface CallbackListArgs {
  'filter-type': TypeFilter;
  'filter-status': StatusFilter;
  'remind-campaign': boolean;
  'inline-reschedule': boolean;
  'heading-level': number;
  label?: string;
  policy?: Partial<SchedulingPolicy>;
}

const logged = {
  due: action('callback-due'),
  expired: action('callback-expired'),
  launch: action('callback-launch'),
  reschedule: action('callback-reschedule-request'),
  cancelRequest: action('callback-cancel-request'),
  canceled: action('callback-canceled'),
  error: action('callback-list-error'),
  handedOff: action('callback-handed-off'),
};

/** The list inside an `<agent-session>` on a given backend and clock, with the story clock above it. */
function renderList(
  args: CallbackListArgs,
  {clock, backend, callbacks}: {clock: Clock; backend?: MemoryBackend; callbacks?: Callback[]},
) {
  return html`
    <agent-session .agent=${AGENT} .backend=${backend} .clock=${clock} .policy=${args.policy} ?events-only=${!backend}>
      ${clock instanceof ManualClock ? html`<ck-story-clock .clock=${clock}></ck-story-clock>` : ''}
      <callback-list
        filter-type=${args['filter-type']}
        filter-status=${args['filter-status']}
        heading-level=${args['heading-level']}
        label=${ifDefined(args.label || undefined)}
        ?remind-campaign=${args['remind-campaign']}
        ?inline-reschedule=${args['inline-reschedule']}
        .callbacks=${callbacks}
        .contacts=${backend ? undefined : [...DEMO_CONTACTS]}
        @callback-due=${logged.due}
        @callback-expired=${logged.expired}
        @callback-launch=${logged.launch}
        @callback-reschedule-request=${logged.reschedule}
        @callback-cancel-request=${logged.cancelRequest}
        @callback-canceled=${logged.canceled}
        @callback-list-error=${logged.error}
        @callback-handed-off=${logged.handedOff}
      ></callback-list>
    </agent-session>
  `;
}

const meta: Meta<CallbackListArgs> = {
  title: 'Components/Callback List',
  component: 'callback-list',
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          "The agent's callbacks and followups, grouped by day in the agent's zone, live from the backend. " +
          'Every story pins a `ManualClock` (Monday 23 November 2026 in New York) that the buttons above the list move: ' +
          'reminders fire `policy.reminderLeadMinutes` before a personal callback or followup starts, followups ' +
          'expire `policy.followupExpiryMinutes` after, overdue callbacks stay in Overdue. The reminder toast is ' +
          'fixed at the bottom right of the viewport (`--ck-callback-list-toast-position`). Events are logged in ' +
          'the Actions panel.',
      },
    },
  },
  argTypes: {
    'filter-type': {control: 'select', options: ['all', 'personal', 'campaign', 'followup', 'web']},
    'filter-status': {
      control: 'select',
      options: ['active', 'all', 'scheduled', 'due', 'in-progress', 'expired', 'completed'],
    },
    'remind-campaign': {control: 'boolean'},
    'inline-reschedule': {control: 'boolean'},
    'heading-level': {control: {type: 'number', min: 1, max: 6}},
    label: {control: 'text'},
    policy: {control: 'object'},
  },
  args: {
    'filter-type': 'all',
    'filter-status': 'active',
    'remind-campaign': false,
    'inline-reschedule': false,
    'heading-level': 3,
  },
};

export default meta;

type Story = StoryObj<CallbackListArgs>;

/** Monday 09:50 in New York: one overdue campaign callback, a followup at 10:00, Olivia at 11:00, tomorrow and later. */
export const NormalDay: Story = {
  name: 'A normal day',
  render: (args) => renderList(args, session(NOW, {extra: true})),
};

/**
 * 09:55: the 10:00 followup with Ethan is due now. The row is highlighted, the toast (a polite live region) offers
 * Launch, Snooze 5 min and Dismiss, `due-count` is 1, and `callback-due` was logged. Advance the clock: Olivia's
 * 11:00 callback reminds at 10:55.
 */
export const ReminderFiring: Story = {
  name: 'A reminder firing',
  render: (args) => renderList(args, session('2026-11-23T14:55:00Z', {callbacksAt: NOW})),
};

/**
 * 10:04: the followup with Ethan started at 10:00 and was not launched: it is overdue and expires at 10:05
 * (`policy.followupExpiryMinutes`). Press "+1 minute" to watch it expire (`callback-expired`).
 */
export const ExpiringFollowup: Story = {
  name: 'An expiring followup',
  render: (args) => renderList(args, session('2026-11-23T15:04:00Z', {callbacksAt: NOW})),
};

/**
 * 14:00 and the agent was away since 09:50: the campaign callback of 08:30 and Olivia's 11:00 callback are still
 * Overdue (with their reminders showing), the 10:00 followup expired at 10:05 and sits in Today.
 */
export const OverdueItems: Story = {
  name: 'Overdue items',
  render: (args) => renderList(args, session('2026-11-23T19:00:00Z', {callbacksAt: NOW, extra: true})),
};

/**
 * `policy.personalHandOffMinutes: 10` (issue 19): at 11:03 Olivia's personal 11:00 callback was not launched. Its
 * row counts down "Goes to the campaign in 6:57" (the kit clock, one timer). Press "+5 minutes" twice: at 11:10 the
 * backend hands it to its campaign (`callback-handed-off`, logged), and the row says "Handed to the campaign".
 */
export const HandOffCountdown: Story = {
  name: 'A hand-off countdown',
  args: {policy: {personalHandOffMinutes: 10}},
  render: (args) =>
    renderList(args, session('2026-11-23T16:03:00Z', {callbacksAt: NOW, policy: {personalHandOffMinutes: 10}})),
};

/** 10,000 callbacks over the next weeks: only the rows in view are in the DOM; End/Home jump through them by keyboard. */
export const TenThousand: Story = {
  name: '10,000 callbacks',
  render: (args) => {
    const clock = new ManualClock(NOW);
    const contacts = DEMO_CONTACTS;
    const callbacks: Callback[] = Array.from({length: 10_000}, (_, i) => {
      const contact = contacts[i % contacts.length];
      const kinds = ['callback', 'callback', 'followup', 'web-callback'] as const;
      const kind = kinds[i % kinds.length];
      const start = at('2026-11-23T15:30:00Z', 20 + i * 7);
      return {
        id: `cb-bulk-${i}`,
        kind,
        type: kind === 'web-callback' || i % 5 === 0 ? 'campaign' : 'personal',
        ownerAgentId: 'agent-maria',
        campaignId: 'camp-spring-renewals',
        contactId: contact.id,
        phone: contact.phones[0].number,
        start,
        end: kind === 'web-callback' ? at(start, 60) : undefined,
        timeZone: contact.timeZone ?? 'America/New_York',
        notes: i % 3 ? undefined : `Bulk callback ${i + 1}: confirm the renewal details.`,
        status: 'scheduled',
        createdAt: NOW,
        updatedAt: NOW,
      };
    });
    const backend = new MemoryBackend({clock, seed: 7, callbacks});
    return renderList(args, {clock, backend});
  },
};

/**
 * The backend fails the first time: the list says so with Try again (which works). Canceling fails once too: the
 * error shows in the confirmation dialog and the row stays; the second attempt succeeds.
 */
export const Errors: Story = {
  name: 'Errors',
  render: (args) => {
    const {clock, backend} = session(NOW);
    backend.failNext('listCallbacks');
    backend.failNext('cancelCallback');
    return renderList(args, {clock, backend});
  },
};

/** A new agent with no callbacks: the empty state says what will appear here. */
export const Empty: Story = {
  name: 'Empty',
  render: (args) => renderList(args, session(NOW, {demo: false})),
};

/**
 * Events only: no backend. The host hands `.callbacks` and `.contacts`, and answers `callback-cancel-request` with
 * `detail.respondWith(promise)` (here a 600 ms fake request) before the row goes.
 */
export const EventsOnly: Story = {
  name: 'Events only',
  render: (args) => {
    const clock = new ManualClock(NOW);
    const callbacks = demoCallbacks(Temporal.Instant.from(NOW)).filter(
      (c) => c.ownerAgentId === 'agent-maria' || c.type === 'campaign',
    );
    const answer = (event: CallbackCancelRequestEvent) =>
      event.detail.respondWith(new Promise<void>((resolve) => setTimeout(resolve, 600)));
    return html`<div @callback-cancel-request=${answer}>${renderList(args, {clock, callbacks})}</div>`;
  },
};
