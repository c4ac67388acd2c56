import {consume} from '@lit/context';
import {Task} from '@lit/task';
import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {css, html, LitElement, type PropertyValues, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';

import '../src/components/agent-session/agent-session.js';
import {agentSessionContext, type AgentSession} from '../src/context/agent-session.js';
import type {Interaction} from '../src/context/interaction.js';
import type {SchedulingBackend} from '../src/core/backend.js';
import {ManualClock, type Clock} from '../src/core/clock.js';
import {DEMO_AGENTS} from '../src/core/demo-data.js';
import {caCallingRules} from '../src/rules/ca.js';
import {usCallingRules} from '../src/rules/us.js';
import type {Agent, SchedulingPolicy} from '../src/core/types.js';

// ---------------------------------------------------------------------------------------------------------------
// A demo consumer, for these stories only: <agent-session> renders nothing itself, so the stories put this small
// inspector inside it to show what the context provides. It is not part of the kit.
// ---------------------------------------------------------------------------------------------------------------

/** Re-renders its host every second while connected, and at once when a manual or simulated clock jumps. */
class ClockTicker implements ReactiveController {
  #host: ReactiveControllerHost;
  #interval?: ReturnType<typeof setInterval>;
  #clock?: Clock;
  #unsubscribe?: () => void;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follows `clock` (subscribes to its jumps when it offers `subscribe`). */
  watch(clock: Clock | undefined): void {
    if (clock === this.#clock) return;
    this.#unsubscribe?.();
    this.#clock = clock;
    this.#unsubscribe = clock?.subscribe?.(() => this.#host.requestUpdate());
  }

  hostConnected(): void {
    this.#interval = setInterval(() => this.#host.requestUpdate(), 1000);
    const clock = this.#clock;
    this.#clock = undefined;
    this.watch(clock);
  }

  hostDisconnected(): void {
    clearInterval(this.#interval);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

const POLICY_LABELS: Record<keyof SchedulingPolicy, string> = {
  callbackTypes: 'Callback types',
  canScheduleForOthers: 'Can schedule for others',
  maxDaysAhead: 'Max days ahead',
  callingWindow: 'Calling window',
  reminderLeadMinutes: 'Reminder lead (min)',
  followupExpiryMinutes: 'Followup expiry (min)',
  slotMinutes: 'Slot length (min)',
  callingRules: 'Calling rules',
  personalHandOffMinutes: 'Personal hand-off (min)',
};

function formatPolicyValue(value: SchedulingPolicy[keyof SchedulingPolicy]): string {
  if (value === undefined) return 'none';
  if (Array.isArray(value)) return value.map((rule) => rule.jurisdiction).join(', ') || 'none';
  if (typeof value === 'object') return `${value.start}–${value.end} (customer's local time)`;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Shows the agent-session context it receives: agent, zone, live agent time, policy, backend, campaigns. */
class SessionInspector extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-inline-size: 40rem;
      padding: 1rem 1.25rem;
      border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
      border-radius: 0.5rem;
      font:
        0.875rem/1.4 system-ui,
        sans-serif;
    }
    :host([hidden]) {
      display: none;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1rem;
    }
    h3 {
      margin: 1rem 0 0.5rem;
      font-size: 0.875rem;
    }
    dl {
      display: grid;
      grid-template-columns: 12rem 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .muted {
      opacity: 0.75;
    }
  `;

  #ticker = new ClockTicker(this);

  #campaigns = new Task(this, {
    task: async ([backend, agentId], {signal}) => {
      if (!backend || !agentId) return undefined;
      const campaigns = await backend.listCampaigns({agentId}, {signal});
      return campaigns.length;
    },
    args: () => [this.session?.backend, this.session?.agent.id] as const,
  });

  @consume({context: agentSessionContext, subscribe: true})
  @state()
  private session?: AgentSession;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) this.#ticker.watch(this.session?.clock);
  }

  private renderAgentTime(session: AgentSession) {
    const {agent, clock} = session;
    try {
      const time = clock.now().toZonedDateTimeISO(agent.timeZone);
      const local = time.toLocaleString(agent.locale, {
        weekday: 'short',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      });
      return html`<time datetime=${time.toInstant().toString()}>${local}</time>
        <span class="muted">(UTC${time.offset})</span>`;
    } catch (error) {
      return html`<span role="alert">Cannot show the time in "${agent.timeZone}": ${String(error)}</span>`;
    }
  }

  private renderCampaigns(session: AgentSession) {
    if (!session.backend) return html`<span class="muted">unknown (no backend to ask)</span>`;
    return this.#campaigns.render({
      pending: () => html`<span class="muted">loading…</span>`,
      complete: (count) => html`${count}`,
      error: (error) => html`<span role="alert">${String(error)}</span>`,
    });
  }

  override render() {
    const session = this.session;
    if (!session) {
      return html`<h2>Session inspector</h2>
        <p class="muted">Waiting for an agent session…</p>`;
    }
    const {agent, policy, backend} = session;
    return html`
      <h2>Session inspector</h2>
      <dl>
        <dt>Agent</dt>
        <dd>${agent.name} <span class="muted">(${agent.id})</span></dd>
        <dt>Time zone</dt>
        <dd>${agent.timeZone}</dd>
        <dt>Locale</dt>
        <dd>${agent.locale ?? html`<span class="muted">browser default</span>`}</dd>
        <dt>Agent time</dt>
        <dd>${this.renderAgentTime(session)}</dd>
        <dt>Backend</dt>
        <dd>${backend ? 'present' : 'none'}</dd>
        <dt>Campaigns</dt>
        <dd>${this.renderCampaigns(session)}</dd>
      </dl>
      <h3>Policy</h3>
      <dl>
        ${(Object.keys(POLICY_LABELS) as (keyof SchedulingPolicy)[]).map(
          (key) =>
            html`<dt>${POLICY_LABELS[key]}</dt>
              <dd>${formatPolicyValue(policy[key])}</dd>`,
        )}
      </dl>
    `;
  }
}

if (!customElements.get('ck-session-inspector')) customElements.define('ck-session-inspector', SessionInspector);

declare global {
  interface HTMLElementTagNameMap {
    'ck-session-inspector': SessionInspector;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------------------------

interface AgentSessionArgs {
  'agent-id'?: string;
  'time-zone'?: string;
  locale?: string;
  'events-only'?: boolean;
  policy?: Partial<SchedulingPolicy>;
  // Object properties: documented from the manifest, not editable as controls.
  agent?: Agent;
  backend?: SchedulingBackend;
  clock?: Clock;
  interaction?: Interaction;
}

const meta: Meta<AgentSessionArgs> = {
  title: 'Components/agent-session',
  component: 'agent-session',
  parameters: {
    docs: {
      description: {
        component:
          '`<agent-session>` renders nothing itself: it provides the agent, policy, backend and clock to the kit ' +
          'elements inside it. These stories put a demo `<ck-session-inspector>` (defined in the story file, not ' +
          'part of the kit) inside it to show what the context holds. With no `backend` and no `events-only`, the ' +
          'session runs on the embedded `MemoryBackend` with demo data.',
      },
    },
  },
  argTypes: {
    'agent-id': {control: 'select', options: DEMO_AGENTS.map((agent) => agent.id)},
    'time-zone': {control: 'text'},
    locale: {control: 'text'},
    'events-only': {control: 'boolean'},
    policy: {control: 'object'},
    agent: {control: false},
    backend: {control: false},
    clock: {control: false},
    interaction: {control: false},
  },
  // The demo session opts in to the calling rules of the US states and of Canada (issue 19).
  args: {policy: {callingRules: [...usCallingRules, ...caCallingRules]}},
  // `.agent` and `.policy` unset are `undefined`, which the element treats as "not given".
  render: (args) => html`
    <agent-session
      agent-id=${ifDefined(args['agent-id'])}
      time-zone=${ifDefined(args['time-zone'] || undefined)}
      locale=${ifDefined(args.locale || undefined)}
      ?events-only=${args['events-only'] ?? false}
      .agent=${args.agent}
      .policy=${args.policy}
    >
      <ck-session-inspector></ck-session-inspector>
    </agent-session>
  `,
};

export default meta;

type Story = StoryObj<AgentSessionArgs>;

/** No attributes, no properties: a demo session on the embedded MemoryBackend. */
export const Default: Story = {};

/** A demo agent in Madrid whose locale is Spanish: the agent time is shown in `Europe/Madrid` and `es-ES`. */
export const SpanishAgentInMadrid: Story = {
  name: 'Spanish agent in Madrid',
  args: {'agent-id': 'agent-lucia'},
};

/** `time-zone` overrides the agent's own zone: here Newfoundland, UTC-03:30 (UTC-02:30 in summer). */
export const OverriddenZone: Story = {
  name: 'Overridden zone',
  args: {'time-zone': 'America/St_Johns'},
};

/** `.policy` is partial: the fields given win, the others keep their defaults. */
export const CustomPolicy: Story = {
  name: 'Custom policy',
  args: {policy: {callbackTypes: 'personal', callingWindow: {start: '09:00', end: '20:00'}}},
};

/**
 * `events-only`: no backend at all (not even the demo one), so the kit's elements ask the host through cancelable
 * DOM events instead. With no demo data to look the agent up in, the host hands over its own `.agent`.
 */
export const EventsOnly: Story = {
  name: 'Events only',
  args: {
    'events-only': true,
    agent: {...DEMO_AGENTS[0]},
  },
};

/**
 * A `ManualClock` pinned to 2026-03-08T06:30:00Z, 01:30 EST on the day New York springs forward: advance it
 * 30 minutes and the agent time jumps from 01:30 EST to 03:00 EDT (02:00 to 02:59 never happens that day).
 */
export const FixedClock: Story = {
  name: 'Fixed clock',
  args: {'agent-id': 'agent-maria'},
  render: (args) => {
    const clock = new ManualClock('2026-03-08T06:30:00Z');
    return html`
      <agent-session
        agent-id=${ifDefined(args['agent-id'])}
        time-zone=${ifDefined(args['time-zone'] || undefined)}
        locale=${ifDefined(args.locale || undefined)}
        ?events-only=${args['events-only'] ?? false}
        .agent=${args.agent}
        .policy=${args.policy}
        .clock=${clock}
      >
        <ck-session-inspector></ck-session-inspector>
        <p>
          <button type="button" @click=${() => clock.advance({minutes: 30})}>Advance 30 minutes</button>
          <button type="button" @click=${() => clock.set('2026-03-08T06:30:00Z')}>Reset to 01:30 EST</button>
        </p>
      </agent-session>
    `;
  },
};
