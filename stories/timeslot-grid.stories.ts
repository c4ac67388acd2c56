import {consume} from '@lit/context';
import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {action} from 'storybook/actions';
import {useArgs} from 'storybook/preview-api';

import '../src/components/agent-session/agent-session.js';
import '../src/components/timeslot-grid/timeslot-grid.js';
import {agentSessionContext, type AgentSession} from '../src/context/agent-session.js';
import {ManualClock} from '../src/core/clock.js';
import {DEMO_AGENTS} from '../src/core/demo-data.js';
import {MemoryBackend} from '../src/core/memory-backend.js';
import {Temporal} from '../src/core/temporal.js';
import {generateSlots, isValidTimeZone, localDayRange, type OpeningHours} from '../src/core/time.js';
import type {CallbackType, Slot} from '../src/core/types.js';
import type {RangeChangeEvent} from '../src/events/range-change.js';
import type {SlotSelectDetail, SlotSelectEvent} from '../src/events/slot-select.js';
import type {HourCycle} from '../src/internal/format.js';

// ---------------------------------------------------------------------------------------------------------------
// Story data
// ---------------------------------------------------------------------------------------------------------------

const NY = 'America/New_York';

/** The signed-in agent of every story: Maria Lopez, New York, `en-US` (handed over: a custom backend has no demo lookup). */
const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;

/** "Now" in most stories: Monday 2026-11-23, 09:00 in New York (the demo centre's zone). */
const NOW = '2026-11-23T14:00:00Z';

/** A seeded demo session per pinned instant, so switching controls never rebuilds the backend. */
const sessions = new Map<string, {clock: ManualClock; backend: MemoryBackend}>();
function demoSession(now: string, options: {latency?: {min: number; max: number}; key?: string} = {}) {
  const key = options.key ?? now;
  let session = sessions.get(key);
  if (!session) {
    const clock = new ManualClock(now);
    session = {clock, backend: new MemoryBackend({clock, seed: 7, latency: options.latency})};
    sessions.set(key, session);
  }
  return session;
}

/**
 * A week of hourly slots (Mon 2026-11-23 to Sun 2026-11-29, 08:00-18:00 New York) that shows every state a slot
 * can be in: places left (`remaining` of 3), full, past (before NOW), closed (Thanksgiving, Thursday 26),
 * outside the calling hours (08:00 is 07:00 for the customer in Chicago), too far ahead (this story's policy
 * books at most 5 days ahead: the weekend), and one unavailable slot whose backend gave no reason (Friday 17:00).
 */
function demoWeek(): Slot[] {
  const now = Temporal.Instant.from(NOW);
  const full = new Set(['2026-11-24T10', '2026-11-24T11', '2026-11-25T14', '2026-11-27T09', '2026-11-27T16']);
  return generateSlots({
    timeZone: NY,
    from: '2026-11-23',
    to: '2026-11-29',
    slotMinutes: 60,
    hours: {start: '08:00', end: '18:00'},
  }).map(({start, end}) => {
    const date = start.toPlainDate().toString();
    const at = `${date}T${String(start.hour).padStart(2, '0')}`;
    const slot: Slot = {
      start: start.toInstant().toString(),
      end: end.toInstant().toString(),
      available: true,
      capacity: 3,
    };
    const unavailable = (reason?: Slot['reason']): Slot => ({
      ...slot,
      available: false,
      remaining: 0,
      ...(reason ? {reason} : {}),
    });
    if (Temporal.Instant.compare(start.toInstant(), now) < 0) return unavailable('past');
    if (date === '2026-11-26') return unavailable('closed');
    if (date >= '2026-11-28') return unavailable('too-far-ahead');
    if (start.hour === 8) return unavailable('outside-calling-hours');
    if (full.has(at)) return unavailable('full');
    if (at === '2026-11-27T17') return {...slot, available: false};
    return {...slot, remaining: 3 - ((start.day + start.hour) % 3)};
  });
}

/**
 * Every slot of `minutes` between `hours` in `zone` on the days around `date` (three days before to three after),
 * all available: for DST stories, where the rows themselves are what to look at.
 */
function slotsAround(zone: string, date: string, hours: OpeningHours, minutes = 30): Slot[] {
  const day = Temporal.PlainDate.from(date);
  return generateSlots({
    timeZone: zone,
    from: day.subtract({days: 3}),
    to: day.add({days: 3}),
    slotMinutes: minutes,
    hours,
  }).map(({start, end}) => ({start: start.toInstant().toString(), end: end.toInstant().toString(), available: true}));
}

/** The day before `date`, for `start-date`, so the DST day sits between two ordinary days. */
const dayBefore = (date: string) => Temporal.PlainDate.from(date).subtract({days: 1}).toString();

/** A week before `date` at noon UTC: "today" is then not one of the days shown and no slot reads as past. */
const weekBefore = (date: string) => `${Temporal.PlainDate.from(date).subtract({days: 7}).toString()}T12:00:00Z`;

// ---------------------------------------------------------------------------------------------------------------
// Live demo wrapper, for the "Live on MemoryBackend" story only (not part of the kit)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Loads the grid's slots from the session's backend (`getAvailability`), reloads on `range-change` (the grid shows
 * its skeleton meanwhile) and whenever the backend reports a change, and shows the last `slot-select` detail. Two
 * buttons drive the backend: book a campaign callback in the selected slot (its `remaining` goes down until it is
 * full, then the backend refuses) and make the next load fail (error, then Retry).
 */
class LiveTimeslotGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .panel {
      margin-block-start: 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
      border-radius: 0.5rem;
      font:
        0.875rem/1.4 system-ui,
        sans-serif;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
    }
    pre {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-size: 0.8125rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    .muted {
      opacity: 0.75;
    }
  `;

  #abort?: AbortController;
  #unsubscribe?: () => void;
  #subscribedTo?: AgentSession['backend'];

  @consume({context: agentSessionContext, subscribe: true})
  @state()
  private session?: AgentSession;

  @state() private slots: Slot[] = [];
  @state() private loading = false;
  @state() private error?: string;
  @state() private selected?: SlotSelectDetail;
  @state() private note = '';

  /** First day shown; defaults to today in the zone. Moved by the grid's `range-change`. */
  @state() private startDate?: string;

  /** The customer's number, passed to `getAvailability` for the calling-hours rules. */
  @property() phone = '+14155267890';

  /** Callback type asked for (`campaign` slots are shared by all campaigns). */
  @property({attribute: 'callback-type'}) callbackType: CallbackType = 'campaign';

  /** Passed through to the grid. */
  @property({attribute: 'time-zone'}) timeZone?: string;
  /** Passed through to the grid. */
  @property() locale?: string;
  /** Passed through to the grid. */
  @property({attribute: 'hour-cycle'}) hourCycle?: HourCycle;
  /** Passed through to the grid. */
  @property({type: Number}) days = 7;
  /** Passed through to the grid. */
  @property({attribute: 'secondary-time-zone'}) secondaryTimeZone?: string;
  /** Passed through to the grid. */
  @property({attribute: 'secondary-label'}) secondaryLabel?: string;

  get #zone(): string {
    const zone = this.timeZone || this.session?.agent.timeZone || NY;
    return isValidTimeZone(zone) ? zone : (this.session?.agent.timeZone ?? NY);
  }

  get #days(): number {
    return Number.isInteger(this.days) && this.days > 0 && this.days <= 31 ? this.days : 7;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected: subscribe again and reload on the next update.
    if (this.hasUpdated) this.requestUpdate('session');
  }

  protected override willUpdate(changed: PropertyValues): void {
    const backend = this.session?.backend;
    if (backend !== this.#subscribedTo) {
      this.#unsubscribe?.();
      this.#subscribedTo = backend;
      // A booking (here or anywhere else) changes `remaining`: refresh in place, without the skeleton.
      this.#unsubscribe = backend?.subscribe((event) => {
        if (event.type === 'callback-changed') void this.#load({quiet: true});
      });
    }
    const inputs = ['session', 'startDate', 'timeZone', 'days', 'phone', 'callbackType'];
    if (inputs.some((name) => changed.has(name))) void this.#load();
  }

  async #load({quiet = false} = {}): Promise<void> {
    const session = this.session;
    if (!session?.backend) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const zone = this.#zone;
    const start = this.startDate ?? session.clock.now().toZonedDateTimeISO(zone).toPlainDate().toString();
    const [from] = localDayRange(start, zone);
    const [, to] = localDayRange(Temporal.PlainDate.from(start).add({days: this.#days - 1}), zone);
    if (!quiet) this.loading = true;
    this.error = undefined;
    try {
      this.slots = await session.backend.getAvailability(
        {from: from.toString(), to: to.toString(), type: this.callbackType, phone: this.phone},
        {signal: abort.signal},
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = `Could not load the times: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (this.#abort === abort) this.loading = false;
    }
  }

  private handleRangeChange(event: RangeChangeEvent): void {
    action('range-change')(event.detail);
    // A new range reloads through willUpdate; Retry asks for the same range again, so load it here.
    if (event.detail.startDate === this.startDate) void this.#load();
    this.startDate = event.detail.startDate;
  }

  private handleSlotSelect(event: SlotSelectEvent): void {
    action('slot-select')(event.detail);
    this.selected = event.detail;
    this.note = '';
  }

  private async handleBook(): Promise<void> {
    const backend = this.session?.backend;
    const slot = this.selected?.slot;
    if (!backend || !slot) return;
    this.note = 'Booking…';
    try {
      const callback = await backend.scheduleCallback(
        {
          contactId: 'contact-sophia',
          phone: this.phone,
          type: 'campaign',
          campaignId: 'camp-spring-renewals',
          start: slot.start,
          timeZone: this.#zone,
          kind: 'callback',
        },
        {idempotencyKey: crypto.randomUUID()},
      );
      this.note = `Booked ${callback.id}: the slot now has one place less.`;
    } catch (error) {
      this.note = `Not booked: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private handleFailNext(): void {
    const backend = this.session?.backend;
    if (backend instanceof MemoryBackend) {
      backend.failNext('getAvailability');
      this.note = 'The next load will fail: change week (or book a slot) to see the error, then Try again.';
    }
  }

  override render() {
    const selected = this.selected;
    return html`
      <timeslot-grid
        .slots=${this.slots}
        ?loading=${this.loading}
        error=${ifDefined(this.error)}
        start-date=${ifDefined(this.startDate)}
        time-zone=${ifDefined(this.timeZone || undefined)}
        locale=${ifDefined(this.locale || undefined)}
        hour-cycle=${ifDefined(this.hourCycle || undefined)}
        days=${this.#days}
        value=${ifDefined(selected?.start)}
        secondary-time-zone=${ifDefined(this.secondaryTimeZone || undefined)}
        secondary-label=${ifDefined(this.secondaryLabel || undefined)}
        @range-change=${this.handleRangeChange}
        @slot-select=${this.handleSlotSelect}
      ></timeslot-grid>
      <section class="panel" aria-labelledby="last-select">
        <h2 id="last-select">Last <code>slot-select</code> detail</h2>
        ${
          selected
            ? html`<pre>${JSON.stringify(selected, null, 2)}</pre>`
            : html`<p class="muted">Pick an available slot (click, or arrow keys then Enter).</p>`
        }
        <div class="actions">
          <button type="button" ?disabled=${!selected} @click=${this.handleBook}>
            Book a campaign callback in this slot
          </button>
          <button type="button" @click=${this.handleFailNext}>Make the next load fail</button>
        </div>
        <p role="status">${this.note || nothing}</p>
      </section>
    `;
  }
}

if (!customElements.get('ck-live-timeslot-grid')) customElements.define('ck-live-timeslot-grid', LiveTimeslotGrid);

declare global {
  interface HTMLElementTagNameMap {
    'ck-live-timeslot-grid': LiveTimeslotGrid;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------------------------

interface TimeslotGridArgs {
  'time-zone'?: string;
  locale?: string;
  /** `h12`, `h23`, or '' (mapped from the "locale's" option) for the locale's own. */
  'hour-cycle'?: string;
  days?: number;
  'start-date'?: string;
  value?: string;
  loading?: boolean;
  error?: string;
  label?: string;
  'secondary-time-zone'?: string;
  'secondary-label'?: string;
  /** `auto` (by the width), `week` or `day`. */
  layout?: string;
  slots?: Slot[];
  /** Story-only: the instant the session's ManualClock is pinned to ("today" in the grid). */
  now?: string;
}

/** Select controls: a sentinel option (mapped to '' and so to "attribute absent") comes first. */
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/St_Johns',
  'Pacific/Honolulu',
  'Europe/London',
  'Europe/Madrid',
  'Asia/Kolkata',
  'Australia/Sydney',
  'Australia/Lord_Howe',
];
const LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'fr-CA', 'es-ES', 'de-DE', 'ja-JP', 'hi-IN', 'ar-EG'];

/** The grid inside a demo session whose clock is pinned to `args.now`. */
function renderGrid(args: TimeslotGridArgs, extra: {onRangeChange?: (event: RangeChangeEvent) => void} = {}) {
  const {clock, backend} = demoSession(args.now ?? NOW);
  return html`
    <agent-session .agent=${AGENT} .backend=${backend} .clock=${clock}>
      <timeslot-grid
        .slots=${args.slots ?? []}
        time-zone=${ifDefined(args['time-zone'] || undefined)}
        locale=${ifDefined(args.locale || undefined)}
        hour-cycle=${ifDefined(args['hour-cycle'] || undefined)}
        days=${ifDefined(args.days)}
        start-date=${ifDefined(args['start-date'] || undefined)}
        value=${ifDefined(args.value || undefined)}
        ?loading=${args.loading ?? false}
        error=${ifDefined(args.error || undefined)}
        label=${ifDefined(args.label || undefined)}
        secondary-time-zone=${ifDefined(args['secondary-time-zone'] || undefined)}
        secondary-label=${ifDefined(args['secondary-label'] || undefined)}
        layout=${ifDefined(args.layout || undefined)}
        @slot-select=${(event: SlotSelectEvent) => action('slot-select')(event.detail)}
        @range-change=${(event: RangeChangeEvent) => {
          action('range-change')(event.detail);
          extra.onRangeChange?.(event);
        }}
      ></timeslot-grid>
    </agent-session>
  `;
}

const meta: Meta<TimeslotGridArgs> = {
  title: 'Components/Timeslot Grid',
  component: 'timeslot-grid',
  parameters: {
    docs: {
      description: {
        component:
          'Days x time slots in a zone. Each story runs inside `<agent-session>` (agent Maria Lopez, New York, ' +
          '`en-US`) on a seeded `MemoryBackend` whose `ManualClock` is pinned, so "today" never moves. The slots ' +
          'of the static stories are built with `generateSlots` from `callback-kit/core`; the _Live on ' +
          'MemoryBackend_ story asks the backend for them. Switch zone, locale, hour cycle and days from the ' +
          'controls: the grid relabels the same instants at once. `slot-select` and `range-change` appear in the ' +
          'Actions panel.',
      },
    },
  },
  argTypes: {
    'time-zone': {
      control: {type: 'select', labels: {agent: "(agent's zone)"}},
      options: ['agent', ...ZONES],
      mapping: {agent: ''},
      description: 'Display zone (IANA). "(agent\'s zone)": attribute absent, the agent\'s zone (New York) applies.',
    },
    locale: {
      control: {type: 'select', labels: {agent: "(agent's locale)"}},
      options: ['agent', ...LOCALES],
      mapping: {agent: ''},
    },
    'hour-cycle': {
      control: {type: 'inline-radio', labels: {locale: "locale's", h12: '12h', h23: '24h'}},
      options: ['locale', 'h12', 'h23'],
      mapping: {locale: ''},
    },
    days: {control: {type: 'number', min: 1, max: 31, step: 1}},
    'start-date': {control: 'text'},
    value: {control: 'text'},
    loading: {control: 'boolean'},
    error: {control: 'text'},
    label: {control: 'text'},
    'secondary-time-zone': {
      control: {type: 'select', labels: {none: '(none)'}},
      options: ['none', ...ZONES],
      mapping: {none: ''},
    },
    'secondary-label': {control: 'text'},
    layout: {control: {type: 'inline-radio'}, options: ['auto', 'week', 'day']},
    slots: {control: false},
    now: {
      control: false,
      description: 'Story only: the instant the session’s `ManualClock` is pinned to.',
      table: {category: 'story'},
    },
  },
  args: {
    'time-zone': 'agent',
    locale: 'agent',
    'hour-cycle': 'locale',
    'secondary-time-zone': 'none',
    days: 7,
    'start-date': '2026-11-23',
    loading: false,
    now: NOW,
  },
  render: (args) => renderGrid(args),
};

export default meta;

type Story = StoryObj<TimeslotGridArgs>;

// --- States -----------------------------------------------------------------------------------------------------

/**
 * A week in New York with every kind of slot: places left (`remaining`), full, past, closed (Thanksgiving),
 * outside the customer's calling hours (08:00 is 07:00 in Chicago), too far ahead (the weekend) and one
 * unavailable slot without a reason. Hover an unavailable slot for the long reason.
 */
export const Default: Story = {
  args: {slots: demoWeek()},
};

/** `value` set by the host: Tuesday 1:00 PM EST is highlighted (and holds the tab stop). */
export const SelectedValue: Story = {
  name: 'Selected value',
  args: {slots: demoWeek(), value: '2026-11-24T18:00:00Z'},
};

/** `loading`: a skeleton under the day headings and `aria-busy="true"` while the host fetches slots. */
export const Loading: Story = {
  args: {slots: [], loading: true},
};

/** No slots in the range: a message and a button to the next week. */
export const Empty: Story = {
  args: {slots: []},
};

/**
 * `error` with no slots: the message and a "Try again" button that fires `range-change` for the same days. Here the
 * host answers it: loading for a second, then the week's slots.
 */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: {slots: [], error: 'Could not load the times: the scheduling service did not answer.'},
  render: function Render(args) {
    const [, updateArgs] = useArgs<TimeslotGridArgs>();
    return renderGrid(args, {
      onRangeChange: () => {
        updateArgs({error: '', loading: true});
        setTimeout(() => updateArgs({loading: false, slots: demoWeek()}), 1000);
      },
    });
  },
};

// --- Daylight saving time ---------------------------------------------------------------------------------------

const NIGHT: OpeningHours = {start: '00:00', end: '04:00'};

/** New York springs forward on Sun 8 Mar 2026: Sunday has no 2:00/2:30 AM slots and its 1:30 AM slot ends at 3:00 AM. */
export const NewYorkSpringForward: Story = {
  name: 'DST: New York spring forward',
  args: {
    'time-zone': NY,
    'start-date': dayBefore('2026-03-08'),
    days: 3,
    slots: slotsAround(NY, '2026-03-08', NIGHT),
    now: weekBefore('2026-03-08'),
  },
};

/** New York falls back on Sun 1 Nov 2026: 1:00 and 1:30 AM appear twice on Sunday, labelled EDT then EST, in time order. */
export const NewYorkFallBack: Story = {
  name: 'DST: New York fall back',
  args: {
    'time-zone': NY,
    'start-date': dayBefore('2026-11-01'),
    days: 3,
    slots: slotsAround(NY, '2026-11-01', NIGHT),
    now: weekBefore('2026-11-01'),
  },
};

/** London springs forward at 1:00 AM on Sun 29 Mar 2026: Sunday has no 01:00/01:30 rows and its 00:30 slot ends at 02:00 BST. */
export const LondonSpringForward: Story = {
  name: 'DST: London spring forward',
  args: {
    'time-zone': 'Europe/London',
    locale: 'en-GB',
    'start-date': dayBefore('2026-03-29'),
    days: 3,
    slots: slotsAround('Europe/London', '2026-03-29', NIGHT),
    now: weekBefore('2026-03-29'),
  },
};

/** London falls back on Sun 25 Oct 2026: 01:00 and 01:30 appear twice on Sunday, BST first, then GMT. */
export const LondonFallBack: Story = {
  name: 'DST: London fall back',
  args: {
    'time-zone': 'Europe/London',
    locale: 'en-GB',
    'start-date': dayBefore('2026-10-25'),
    days: 3,
    slots: slotsAround('Europe/London', '2026-10-25', NIGHT),
    now: weekBefore('2026-10-25'),
  },
};

/** Lord Howe Island moves only 30 minutes on Sun 4 Oct 2026 (UTC+10:30 to +11): just the 2:00 AM row is missing on Sunday, and 1:30 ends at 2:30. */
export const LordHoweHalfHourDst: Story = {
  name: 'DST: Lord Howe (half-hour shift)',
  args: {
    'time-zone': 'Australia/Lord_Howe',
    locale: 'en-AU',
    'start-date': dayBefore('2026-10-04'),
    days: 3,
    slots: slotsAround('Australia/Lord_Howe', '2026-10-04', {start: '01:00', end: '04:00'}),
    now: weekBefore('2026-10-04'),
  },
};

/** Newfoundland (UTC-3:30) springs forward on Sun 8 Mar 2026 like the US: no 2:00/2:30 AM slots on Sunday, and the zone name shows the half-hour offset. */
export const Newfoundland: Story = {
  name: 'DST: Newfoundland (half-hour offset)',
  args: {
    'time-zone': 'America/St_Johns',
    'start-date': dayBefore('2026-03-08'),
    days: 3,
    slots: slotsAround('America/St_Johns', '2026-03-08', NIGHT),
    now: weekBefore('2026-03-08'),
  },
};

/** Arizona keeps MST all year: on Sun 8 Mar 2026 every row is there, while the New York times beside them move from 2 to 3 hours ahead. */
export const ArizonaNoDst: Story = {
  name: 'DST: Arizona (no DST)',
  args: {
    'time-zone': 'America/Phoenix',
    'secondary-time-zone': NY,
    'secondary-label': 'the centre’s time',
    'start-date': dayBefore('2026-03-08'),
    days: 3,
    slots: slotsAround('America/Phoenix', '2026-03-08', NIGHT),
    now: weekBefore('2026-03-08'),
  },
};

// --- Formats and layout -----------------------------------------------------------------------------------------

/** `hour-cycle="h12"` wins over the locale: `en-GB` dates with 12-hour times. */
export const TwelveHour: Story = {
  name: '12-hour clock',
  args: {slots: demoWeek(), locale: 'en-GB', 'hour-cycle': 'h12'},
};

/** `hour-cycle="h23"` wins over the locale: `en-US` dates with 24-hour times. */
export const TwentyFourHour: Story = {
  name: '24-hour clock',
  args: {slots: demoWeek(), locale: 'en-US', 'hour-cycle': 'h23'},
};

/**
 * In a 320px container (below 560px, `layout="auto"`) one day at a time: a strip of days with their free slots
 * (one tab stop, arrow keys) and the chosen day's slots as a list; runs of unavailable slots are one band each.
 */
export const Narrow: Story = {
  name: 'Narrow container (320px)',
  args: {slots: demoWeek()},
  decorators: [
    (story) =>
      html`<div style="inline-size: 320px; outline: 1px dashed color-mix(in srgb, currentColor 30%, transparent)">
        ${story()}
      </div>`,
  ],
};

/** A 360px side panel, Spanish, the customer's zone beside the agent's: one clock style and one zone style. */
export const SidePanelSpanish: Story = {
  name: 'Side panel (360px), Spanish',
  args: {
    slots: demoWeek(),
    locale: 'es-ES',
    'secondary-time-zone': 'America/Chicago',
    'secondary-label': 'hora del cliente',
  },
  decorators: [
    (story) =>
      html`<div style="inline-size: 360px; outline: 1px dashed color-mix(in srgb, currentColor 30%, transparent)">
        ${story()}
      </div>`,
  ],
};

/** `--ck-grid-max-height: 18rem`: the week keeps its toolbar and scrolls its slots inside. */
export const CappedHeight: Story = {
  name: 'Capped height (--ck-grid-max-height)',
  args: {slots: demoWeek()},
  decorators: [(story) => html`<div style="--ck-grid-max-height: 18rem">${story()}</div>`],
};

/** `layout="day"` forces one day at a time in a wide container (and `layout="week"` the week in a narrow one). */
export const ForcedDayLayout: Story = {
  name: 'layout="day" in a wide container',
  args: {slots: demoWeek(), layout: 'day'},
};

/** `secondary-time-zone` + `secondary-label`: each slot also shows the customer's time in Chicago. */
export const SecondZone: Story = {
  name: 'Second zone shown',
  args: {slots: demoWeek(), 'secondary-time-zone': 'America/Chicago', 'secondary-label': "customer's time"},
};

// --- Live -------------------------------------------------------------------------------------------------------

/**
 * Slots from a seeded `MemoryBackend` (clock pinned to Monday 2026-11-23 09:00 New York, 0.4-1.2 s latency) for
 * Sophia Nguyen's San Francisco mobile, `+1 415 526 7890`: campaign slots, the ones before 11:00 New York outside her
 * calling hours. The week buttons and PageUp/PageDown reload (skeleton while pending); the last `slot-select`
 * detail shows below, where you can book the slot (its places go down) or make the next load fail.
 */
export const Live: Story = {
  name: 'Live on MemoryBackend',
  argTypes: {
    'start-date': {control: false},
    value: {control: false},
    loading: {control: false},
    error: {control: false},
  },
  render: (args) => {
    const {clock, backend} = demoSession(args.now ?? NOW, {key: 'live', latency: {min: 400, max: 1200}});
    return html`
      <agent-session .agent=${AGENT} .backend=${backend} .clock=${clock}>
        <ck-live-timeslot-grid
          time-zone=${ifDefined(args['time-zone'] || undefined)}
          locale=${ifDefined(args.locale || undefined)}
          hour-cycle=${ifDefined(args['hour-cycle'] || undefined)}
          days=${ifDefined(args.days)}
          secondary-time-zone=${ifDefined(args['secondary-time-zone'] || undefined)}
          secondary-label=${ifDefined(args['secondary-label'] || undefined)}
        ></ck-live-timeslot-grid>
      </agent-session>
    `;
  },
};
