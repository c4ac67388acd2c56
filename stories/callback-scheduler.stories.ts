import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {action} from 'storybook/actions';

import '../src/components/agent-session/agent-session.js';
import '../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement, SchedulerMode} from '../src/components/callback-scheduler/callback-scheduler.js';
import type {Disposition} from '../src/context/interaction.js';
import {ManualClock} from '../src/core/clock.js';
import {DEMO_AGENTS, DEMO_CONTACTS} from '../src/core/demo-data.js';
import {MemoryBackend, type MemoryBackendOptions} from '../src/core/memory-backend.js';
import type {Agent, Callback, Contact, SchedulingPolicy} from '../src/core/types.js';
import type {CallbackSubmitEvent} from '../src/events/callback-submit.js';
import {caCallingRules} from '../src/rules/ca.js';
import {usCallingRules} from '../src/rules/us.js';

// ---------------------------------------------------------------------------------------------------------------
// Story data
// ---------------------------------------------------------------------------------------------------------------

/** The signed-in agent of every story: Maria Lopez, New York, `en-US`. */
const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;

/** "Now" in every story: Monday 2026-11-23, 9:00 AM in New York (6:00 AM in San Francisco). */
const NOW = '2026-11-23T14:00:00Z';

/** A copy of a demo contact (the element never mutates it, but stories should not share objects). */
const contact = (id: string): Contact => structuredClone(DEMO_CONTACTS.find((c) => c.id === id)!);

/** Next-attempt dispositions: one closes the record, one asks for another call. */
const DISPOSITIONS: Disposition[] = [
  {id: 'sale', label: 'Sale', requiresCallback: false},
  {id: 'wrong-number', label: 'Wrong number', requiresCallback: false},
  {id: 'call-back', label: 'Customer asked to call back', requiresCallback: true},
  {id: 'no-answer', label: 'No answer', requiresCallback: true},
];

/** What a story's loader builds before the first render: a pinned clock and, unless events-only, a backend. */
interface Demo {
  clock: ManualClock;
  backend?: MemoryBackend;
  /** The customer (one object per story, so re-renders from the controls keep the form's entries). */
  contact: Contact;
  /** The callback to reschedule (Reschedule story). */
  callback?: Callback;
  /** Story switches the story's panel flips (e.g. "the scheduling service is down"). */
  flags: Record<string, boolean>;
}

interface Scenario {
  /** Demo contact id (default Sophia Nguyen, San Francisco). */
  contactId?: string;
  /** A customer of the story's own instead of a demo contact (the backend gets it too). */
  customer?: Contact;
  /** "Now" of the story (default `NOW`). */
  now?: string;
  /** The session's policy (partial: the rest keeps its defaults). */
  policy?: Partial<SchedulingPolicy>;
  /** MemoryBackend options besides the clock, or `false` for an `events-only` session without any backend. */
  backend?: Omit<MemoryBackendOptions, 'clock'> | false;
  /** Runs once on the fresh demo (e.g. books the callback to reschedule). */
  prepare?: (demo: Demo) => Promise<void>;
  /** Story switches and their initial values. */
  flags?: Record<string, boolean>;
  /** A host listener for `callback-submit`, called before the element saves. */
  onSubmit?: (event: CallbackSubmitEvent, demo: Demo) => void;
  /** Extra panel under the element (host notes, switches). */
  panel?: (demo: Demo) => TemplateResult;
}

/** `JSON.stringify` that keeps what an Error carries (name, message, code, start, reason, fieldErrors...). */
function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) =>
      v instanceof Error ? {name: v.name, message: v.message, ...Object.fromEntries(Object.entries(v))} : v,
    2,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// A small event log, for these stories only (not part of the kit)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Listens on its parent element (the story's container, which the scheduler's bubbling, composed events reach)
 * and shows the last of `events` with its `detail`, as a host would receive it. Also logs to the Actions panel.
 */
class SchedulerEventLog extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-block-start: 1rem;
      padding: 0.75rem 1rem;
      border: 1px dashed color-mix(in srgb, currentColor 30%, transparent);
      border-radius: 0.5rem;
      font:
        0.8125rem/1.4 system-ui,
        sans-serif;
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 0.8125rem;
    }
    pre {
      margin: 0;
      max-block-size: 20rem;
      overflow: auto;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .muted {
      opacity: 0.75;
    }
  `;

  #target?: EventTarget;
  #count = 0;

  @state() private last?: {name: string; detail: unknown; n: number};

  /** Event names to show, comma-separated. */
  @property() events = 'callback-scheduled,callback-rescheduled,callback-schedule-error,callback-cancel';

  /** Panel heading. */
  @property() heading = 'Last event the host received';

  /** Shown before any event. */
  @property() placeholder = 'Nothing yet: submit the form (or press Cancel).';

  #names(): string[] {
    return this.events
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
  }

  #onEvent = (event: Event): void => {
    const detail = (event as CustomEvent).detail as unknown;
    action(event.type)(detail);
    this.last = {name: event.type, detail, n: ++this.#count};
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#target = this.parentElement ?? undefined;
    for (const name of this.#names()) this.#target?.addEventListener(name, this.#onEvent);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const name of this.#names()) this.#target?.removeEventListener(name, this.#onEvent);
    this.#target = undefined;
  }

  override render() {
    const last = this.last;
    return html`<section aria-label=${this.heading}>
      <h2>${this.heading}</h2>
      ${
        last
          ? html`<p>
                <code>${last.name}</code> <span class="muted">(event #${last.n})</span>${
                  last.detail === undefined ? html` <span class="muted">no detail</span>` : nothing
                }
              </p>
              ${last.detail === undefined ? nothing : html`<pre>${toJson(last.detail)}</pre>`}`
          : html`<p class="muted">${this.placeholder}</p>`
      }
    </section>`;
  }
}

if (!customElements.get('ck-scheduler-event-log')) customElements.define('ck-scheduler-event-log', SchedulerEventLog);

declare global {
  interface HTMLElementTagNameMap {
    'ck-scheduler-event-log': SchedulerEventLog;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------------------------

interface SchedulerArgs {
  mode?: SchedulerMode;
  phone?: string;
  'campaign-id'?: string;
  'notes-max-length'?: number;
  'response-timeout'?: number;
  'heading-level'?: number;
  // Object properties: set by each story, not editable as controls.
  contact?: Contact;
  callback?: Callback;
  dispositions?: Disposition[];
  agents?: Agent[];
}

type Story = StoryObj<SchedulerArgs>;

const panelStyles = 'margin-block-start: 1rem; font: 0.875rem/1.4 system-ui, sans-serif; max-inline-size: 60rem;';

/** Loader + render of one story: a fresh pinned clock and seeded MemoryBackend (or none) per story. */
function scenario(setup: Scenario = {}): Pick<Story, 'loaders' | 'render'> {
  return {
    loaders: [
      async () => {
        const clock = new ManualClock(setup.now ?? NOW);
        const contacts = setup.customer ? {contacts: [...DEMO_CONTACTS, setup.customer]} : {};
        const demo: Demo = {
          clock,
          backend:
            setup.backend === false ? undefined : new MemoryBackend({seed: 7, ...contacts, ...setup.backend, clock}),
          contact: setup.customer ? structuredClone(setup.customer) : contact(setup.contactId ?? 'contact-sophia'),
          flags: {...setup.flags},
        };
        await setup.prepare?.(demo);
        return {demo};
      },
    ],
    render: (args: SchedulerArgs, {loaded}: StoryContext<SchedulerArgs>) => {
      const demo = loaded.demo as Demo;
      const scheduler = html`<callback-scheduler
        mode=${args.mode ?? 'new'}
        phone=${ifDefined(args.phone || undefined)}
        campaign-id=${ifDefined(args['campaign-id'] || undefined)}
        notes-max-length=${ifDefined(args['notes-max-length'])}
        response-timeout=${ifDefined(args['response-timeout'])}
        heading-level=${ifDefined(args['heading-level'])}
        .contact=${args.contact ?? demo.contact}
        .callback=${args.callback ?? demo.callback}
        .dispositions=${args.dispositions ?? []}
        .agents=${args.agents}
      ></callback-scheduler>`;
      const session = demo.backend
        ? html`<agent-session .agent=${AGENT} .backend=${demo.backend} .clock=${demo.clock} .policy=${setup.policy}
            >${scheduler}</agent-session
          >`
        : html`<agent-session events-only .agent=${AGENT} .clock=${demo.clock} .policy=${setup.policy}
            >${scheduler}</agent-session
          >`;
      return html`<div
        @callback-submit=${(event: CallbackSubmitEvent) => {
          action('callback-submit')(event.detail);
          setup.onSubmit?.(event, demo);
        }}
      >
        ${session} ${setup.panel?.(demo) ?? nothing}
        <ck-scheduler-event-log></ck-scheduler-event-log>
      </div>`;
    },
  };
}

/** Waits for the scheduler's "Customer's zone" option (enabled once the number's zones are known) and picks it. */
async function showCustomerZone(canvasElement: HTMLElement): Promise<void> {
  const el = canvasElement.querySelector<CallbackSchedulerElement>('callback-scheduler');
  for (let i = 0; i < 100 && el; i++) {
    await el.updateComplete;
    const radio = el.shadowRoot?.querySelector<HTMLInputElement>('input[name="zone"][value="customer"]');
    if (radio && !radio.disabled) {
      radio.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const meta: Meta<SchedulerArgs> = {
  title: 'Components/Callback Scheduler',
  component: 'callback-scheduler',
  parameters: {
    docs: {
      description: {
        component:
          'New callback, reschedule, next attempt, followup or web callback. Every story runs inside ' +
          '`<agent-session>` (agent Maria Lopez, New York, `en-US`) whose `ManualClock` is pinned to Monday ' +
          '2026-11-23, 9:00 AM New York, on a seeded `MemoryBackend` of its own (the _Host-handled submit_ story ' +
          'has no backend: `events-only`). Under each story a dashed panel (story-only, not part of the kit) shows ' +
          'the last `callback-scheduled`, `callback-rescheduled`, `callback-schedule-error` or `callback-cancel` ' +
          'event and its `detail`, exactly what a host receives; the Actions panel logs them too, with ' +
          '`callback-submit`.',
      },
    },
  },
  argTypes: {
    mode: {
      control: 'select',
      options: ['new', 'reschedule', 'next-attempt', 'followup', 'web-callback'],
    },
    phone: {control: 'text'},
    'campaign-id': {
      control: 'select',
      options: ['camp-spring-renewals', 'camp-service-followup', 'camp-winback', 'camp-holiday-offers'],
    },
    'notes-max-length': {control: {type: 'number', min: 1, step: 10}},
    'response-timeout': {control: {type: 'number', min: 100, step: 1000}},
    'heading-level': {control: {type: 'number', min: 1, max: 6, step: 1}},
    contact: {control: false},
    callback: {control: false},
    dispositions: {control: false},
    agents: {control: false},
  },
  args: {
    mode: 'new',
    'campaign-id': 'camp-spring-renewals',
  },
};

export default meta;

// --- Modes ------------------------------------------------------------------------------------------------------

/**
 * A new callback for Sophia Nguyen (San Francisco mobile). Times show in the agent's zone; the default slot is the
 * first one the law allows at least 30 minutes from now: 11:00 AM New York, 8:00 AM for the customer (earlier slots
 * are greyed: outside the customer's calling hours).
 */
export const New: Story = {
  args: {mode: 'new'},
  ...scenario(),
};

/**
 * `.callback` set: a campaign callback booked on the backend first (Sophia's work number, Tue 11:00 AM Los Angeles,
 * notes "Billing question"). The form is prefilled with it, in its own zone, and saves with `rescheduleCallback`
 * (same id: `callback-rescheduled`).
 */
export const Reschedule: Story = {
  args: {mode: 'reschedule'},
  ...scenario({
    prepare: async (demo) => {
      demo.callback = await demo.backend!.scheduleCallback(
        {
          contactId: 'contact-sophia',
          phone: '+12132471856',
          type: 'campaign',
          campaignId: 'camp-spring-renewals',
          start: '2026-11-24T19:00:00Z',
          timeZone: 'America/Los_Angeles',
          kind: 'callback',
          notes: 'Billing question',
        },
        {idempotencyKey: 'story-reschedule-original'},
      );
    },
  }),
};

/**
 * `.dispositions` after a call: "Sale" and "Wrong number" need no further call (no next-call controls);
 * "Customer asked to call back" and "No answer" reveal them, and the request carries `dispositionId`.
 */
export const NextAttempt: Story = {
  name: 'Next attempt',
  args: {mode: 'next-attempt', dispositions: DISPOSITIONS},
  ...scenario(),
};

/** A followup: always personal and the agent's own, with the policy's expiry stated (5 minutes after its start). */
export const Followup: Story = {
  args: {mode: 'followup'},
  ...scenario(),
};

/** A web callback: an "On" date and a From/Till interval instead of a slot, checked against the calling hours. */
export const WebCallback: Story = {
  name: 'Web callback',
  args: {mode: 'web-callback'},
  ...scenario(),
};

// --- Policies ---------------------------------------------------------------------------------------------------

/** `policy.callbackTypes: 'personal'`: no type choice, the forced type is stated. */
export const ForcedPersonal: Story = {
  name: 'Policy: forced personal',
  ...scenario({policy: {callbackTypes: 'personal'}}),
};

/** `policy.callbackTypes: 'campaign'`: no type choice; any agent of the campaign can make the call (no owner). */
export const ForcedCampaign: Story = {
  name: 'Policy: forced campaign',
  ...scenario({policy: {callbackTypes: 'campaign'}}),
};

/**
 * `policy.canScheduleForOthers: true`: a personal callback gets an Owner picker (the backend's `listAgents()`); the
 * slots are the chosen owner's.
 */
export const ScheduleForOthers: Story = {
  name: 'Policy: can schedule for others',
  ...scenario({policy: {canScheduleForOthers: true}}),
};

// --- Customers and zones ----------------------------------------------------------------------------------------

/**
 * Isabella Rossi's Idaho number (208) can be Pacific or Mountain time: the customer clock shows both, and the
 * calling hours are checked in both. The story switches to "Customer's zone", which asks which zone she is in.
 */
export const AmbiguousAreaCode: Story = {
  name: 'Ambiguous area code',
  ...scenario({contactId: 'contact-isabella'}),
  play: async ({canvasElement}) => showCustomerZone(canvasElement),
};

/**
 * Liam O'Connor in Newfoundland (`America/St_Johns`, UTC-3:30): the customer clock is 1 h 30 min ahead of New York.
 * His mobile may only be called 12:00 to 20:00 his time.
 */
export const Newfoundland: Story = {
  name: 'Customer in Newfoundland',
  ...scenario({contactId: 'contact-liam'}),
};

// --- Calling rules and owner shifts (issue 19) ------------------------------------------------------------------

const RULES: Partial<SchedulingPolicy> = {callingRules: [...usCallingRules, ...caCallingRules]};
/** A centre open 08:00-22:00 every day, so that evening and Sunday slots exist and the law decides. */
const LONG_HOURS = {openingHours: {start: '08:00', end: '22:00'}};

/**
 * Rosa Díaz on a Miami mobile (+1 305) at dusk: 6:40 PM in New York and Florida. `policy.callingRules` has
 * `usCallingRules` and `caCallingRules`; Florida allows solicitation calls 8 AM to 8 PM only, so the 8:00 PM and
 * later slots read "Florida: calls 8 AM–8 PM" (the federal window would allow them until 9 PM). A web callback
 * From/Till past 8 PM is refused at From, naming the rule.
 */
export const FloridaAtDusk: Story = {
  name: 'Rules: a Florida customer at dusk',
  ...scenario({
    now: '2026-11-23T23:40:00Z',
    customer: {id: 'contact-rosa', name: 'Rosa Díaz', phones: [{number: '+13055550123', type: 'mobile'}]},
    policy: RULES,
    backend: LONG_HOURS,
  }),
};

/**
 * Ana Brooks on a Birmingham, Alabama number (+1 205), on Saturday: Alabama allows no solicitation calls on
 * Sundays, so Sunday's slots read "Alabama: no calls on Sundays"; its legal holidays read "Alabama: holiday (…)".
 */
export const AlabamaSunday: Story = {
  name: 'Rules: an Alabama Sunday',
  ...scenario({
    now: '2026-11-28T15:00:00Z',
    customer: {id: 'contact-ana', name: 'Ana Brooks', phones: [{number: '+12055550148', type: 'mobile'}]},
    policy: RULES,
    backend: LONG_HOURS,
  }),
};

/**
 * Wednesday, `canScheduleForOthers`: a personal callback shows its owner's hours ("Maria Lopez works 8:00 AM –
 * 8:00 PM today", from `getAgentShifts`). Pick James Carter as the owner: he is off on Wednesdays, so every slot reads
 * "Owner off shift" and the backend would refuse them (`owner-off-shift`).
 */
export const OwnerOffShift: Story = {
  name: 'Shifts: an owner off shift',
  ...scenario({now: '2026-11-25T14:00:00Z', policy: {callbackTypes: 'personal', canScheduleForOthers: true}}),
};

// --- Backend behaviour ------------------------------------------------------------------------------------------

/** `MemoryBackend({latency: 1500})`: the grid's skeleton while slots load, then "Saving…" on submit. */
export const SlowBackend: Story = {
  name: 'Backend slow',
  ...scenario({backend: {latency: 1500}}),
};

/**
 * Every submit fails with `BackendUnavailableError` while the switch below is on (the story calls
 * `backend.failNext('scheduleCallback')` from a `callback-submit` listener): the form keeps its data and offers
 * Retry, which reuses the idempotency key. Turn the switch off and press Retry: exactly one callback is created.
 */
export const FailingBackend: Story = {
  name: 'Backend failing',
  ...scenario({
    flags: {down: true},
    onSubmit: (_event, demo) => {
      if (demo.flags.down) demo.backend?.failNext('scheduleCallback');
    },
    panel: (demo) =>
      html`<p style=${panelStyles}>
        <label
          ><input
            type="checkbox"
            .checked=${demo.flags.down}
            @change=${(event: Event) => (demo.flags.down = (event.target as HTMLInputElement).checked)}
          />
          The scheduling service is down (every save fails)</label
        >
      </p>`,
  }),
};

/**
 * The first submit hits a conflict: a `callback-submit` listener books the chosen time for the same owner (another
 * agent's screen, as it were) just before the element saves, so the save fails with `SlotUnavailableError`. The
 * element says "That time was just taken", refreshes the slots (the time is now greyed) and keeps every other field.
 */
export const Conflict: Story = {
  name: 'Backend conflict (slot just taken)',
  ...scenario({
    flags: {takeNext: true},
    onSubmit: (event, demo) => {
      if (!demo.flags.takeNext || !demo.backend) return;
      demo.flags.takeNext = false;
      const {request} = event.detail;
      // Personal: one callback per owner and slot. Campaign: the slot's places (3) are shared, so take them all.
      const takes = request.type === 'personal' ? 1 : 3;
      for (let i = 0; i < takes; i++) {
        demo.backend
          .scheduleCallback(
            {
              contactId: 'contact-olivia',
              phone: '+12124561987',
              type: request.type,
              ownerAgentId: request.ownerAgentId,
              campaignId: request.campaignId,
              start: request.start,
              timeZone: 'America/New_York',
              kind: 'callback',
            },
            {idempotencyKey: `other-agent-screen-${request.start}-${i}`},
          )
          .catch(() => undefined); // already full: fine, the point is that it is taken
      }
    },
    panel: (demo) =>
      html`<p style=${panelStyles}>
        The first submit finds its time just taken by another screen.
        <button type="button" @click=${() => (demo.flags.takeNext = true)}>
          Take the chosen time on the next submit
        </button>
      </p>`,
  }),
};

// --- Events only --------------------------------------------------------------------------------------------------

/**
 * No backend: `<agent-session events-only>`. The host answers `callback-submit` with
 * `detail.respondWith(promise)`, here saving in 800 ms and handing back the callback with its own id. The slots
 * are the policy's (every 30 minutes), checked by the element against the calling hours. The upper panel shows the
 * request the host received; the lower one the `callback-scheduled` that followed.
 */
export const HostHandled: Story = {
  name: 'Host-handled submit (events only)',
  ...scenario({
    backend: false,
    onSubmit: (event, demo) => {
      const {request} = event.detail;
      const saved = new Promise<Callback>((resolve) =>
        setTimeout(() => {
          const now = demo.clock.now().toString();
          resolve({
            ...request,
            id: `crm-${event.detail.idempotencyKey.slice(0, 8)}`,
            status: 'scheduled',
            createdAt: now,
            updatedAt: now,
          });
        }, 800),
      );
      event.detail.respondWith(saved);
    },
    panel: () =>
      html`<ck-scheduler-event-log
        events="callback-submit"
        heading="Last callback-submit the host answered (request, operation, idempotencyKey)"
        placeholder="Nothing submitted yet."
      ></ck-scheduler-event-log>`,
  }),
};

// --- Host layouts (issue 15) ------------------------------------------------------------------------------------

/**
 * In a 360 px side panel: the scheduler follows its own width (container queries, not the viewport): one column,
 * the week capped in height with its own scrolling, Save right under the slots.
 */
export const InSidePanel: Story = {
  name: 'Host layout: 360 px side panel',
  args: {mode: 'new'},
  ...scenario(),
  decorators: [
    (story) =>
      html`<div style="display:flex;gap:16px">
        <div style="flex:1;min-inline-size:0">Host page</div>
        <aside style="inline-size:360px;flex:none;border-inline-start:1px solid #8888;padding-inline-start:8px">
          ${story()}
        </aside>
      </div>`,
  ],
};

/** In one column of a two-column host grid: the fields two by two above the week, no blank space above Save. */
export const InTwoColumnGrid: Story = {
  name: 'Host layout: two-column grid',
  args: {mode: 'new'},
  ...scenario(),
  decorators: [
    (story) =>
      html`<main style="display:grid;grid-template-columns:1fr 1fr;gap:16px">
        <section style="min-inline-size:0">${story()}</section>
        <aside>Other panel</aside>
      </main>`,
  ],
};

/** Wide (a full-width host): the fields in a column beside the week, notes and actions under the week. */
export const Wide: Story = {
  name: 'Host layout: full width',
  args: {mode: 'new'},
  ...scenario(),
};
