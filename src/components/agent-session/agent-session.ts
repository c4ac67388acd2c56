import {provide} from '@lit/context';
import {msg, str, updateWhenLocaleChanges} from '@lit/localize';
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {agentSessionContext, type AgentSession} from '../../context/agent-session.js';
import {interactionContext, type Interaction} from '../../context/interaction.js';
import type {SchedulingBackend} from '../../core/backend.js';
import {systemClock, type Clock} from '../../core/clock.js';
import {ValidationError} from '../../core/base-errors.js';
import {isValidTimeZone} from '../../core/time-zone.js';
import {resolvePolicy, type Agent, type SchedulingPolicy} from '../../core/types.js';
import {SessionErrorEvent} from '../../events/session-error.js';
import {defineElement} from '../../internal/define.js';
import {setKitLocale} from '../../internal/localization.js';
import {styles} from './agent-session.styles.js';
import {AgentListCache} from '../../internal/agent-list.js';

/** `<agent-session theme>`: `auto` follows the page; `light` and `dark` force a colour scheme. */
export type SessionTheme = 'auto' | 'light' | 'dark';

type DemoModule = {
  backend: SchedulingBackend & {dispose?: () => void};
  agents: readonly Agent[];
};

function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Provides the agent, the scheduling policy, the backend and the clock to every callback-kit element inside it.
 *
 * Alone (`<agent-session></agent-session>`) it is a working demo session: the embedded `MemoryBackend` with its
 * demo data, loaded on first use (a page that passes its own `.backend` never downloads it). Set `events-only`
 * for hosts that keep their own data layer: no backend is provided and elements ask the host through events.
 *
 * @tagname agent-session
 * @summary Provides agent, policy, backend and clock to the callback-kit elements inside it.
 *
 * @slot - The elements of the agent's screen (any markup; callback-kit elements at any depth get the session).
 *
 * @event {SessionErrorEvent} session-error - An attribute or property is invalid (e.g. an unknown `time-zone`); `detail.error` is a `ValidationError`. The session keeps working with the previous or default value.
 *
 * @csspart error - The message shown when an attribute or property is invalid.
 *
 * @cssproperty --ck-color-scheme - The kit's colour scheme (`light`, `dark`, `light dark`); `theme="light|dark"` sets it. Unset: the page's `color-scheme`.
 * @cssproperty --ck-agent-session-background - The session's background under a forced `theme` (default `--ck-color-surface`).
 * @cssproperty --ck-agent-session-color - The session's text colour under a forced `theme` (default `--ck-color-text`).
 */
export class AgentSessionElement extends LitElement {
  static override styles = styles;

  #demo?: DemoModule;
  #demoLoading?: Promise<void>;
  #demoClock?: Clock;
  /** A host backend's agents (for `agent-id`), asked once per backend. */
  #hostAgents = new AgentListCache();
  /** What the shown problem is about (not its text, which follows the UI language): an event fires once per problem. */
  #problemKey?: string;
  /** The locale last given to `setKitLocale`. */
  #kitLocale?: string;

  /** The context value given to descendants (a new object whenever anything in it changes). */
  @provide({context: agentSessionContext})
  @state()
  protected session!: AgentSession;

  /** The interaction context value given to descendants. */
  @provide({context: interactionContext})
  @state()
  protected providedInteraction: Interaction = {};

  @state() private problem?: string;

  /** Id of the signed-in agent. Without `.agent`, a demo agent of that id (or a plain agent named by it) is used. */
  @property({attribute: 'agent-id', reflect: true}) agentId?: string;

  /** IANA zone that overrides the agent's own (e.g. an agent working away from home). */
  @property({attribute: 'time-zone', reflect: true}) timeZone?: string;

  /**
   * BCP 47 locale that overrides the agent's own; defaults to the agent's, then the browser's. It sets the kit's UI
   * language (page-global: Spanish for any `es` tag, else English) whenever it changes, and the date and time formats
   * of the elements inside (an element's own `locale`/`lang` still wins for its dates and times).
   */
  @property({reflect: true}) locale?: string;

  /** No backend at all: elements dispatch cancelable request events for the host to answer. */
  @property({type: Boolean, attribute: 'events-only', reflect: true}) eventsOnly = false;

  /**
   * Colour scheme of everything inside: `light` or `dark` force it (and the session paints its surface);
   * `auto` follows the page's `color-scheme` (or a `--ck-color-scheme` set on an ancestor). See docs/theming.md.
   */
  @property({reflect: true}) theme: SessionTheme = 'auto';

  /** The signed-in agent. Wins over `agent-id`. */
  @property({attribute: false}) agent?: Agent;

  /** Scheduling rules; missing fields take the defaults of `DEFAULT_POLICY`. */
  @property({attribute: false}) policy?: Partial<SchedulingPolicy>;

  /** The backend elements talk to. Without one (and without `events-only`), the demo `MemoryBackend`. */
  @property({attribute: false}) backend?: SchedulingBackend;

  /** The clock elements read; defaults to the system clock. */
  @property({attribute: false}) clock?: Clock;

  /** The contact and call in front of the agent, provided as the interaction context. */
  @property({attribute: false}) interaction?: Interaction;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.session = this.#resolve();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('interaction')) this.providedInteraction = {...(this.interaction ?? {})};
    const needsDemo = !this.backend && !this.eventsOnly;
    if (needsDemo && (!this.#demo || this.#demoClock !== this.clock)) this.#loadDemo();
    this.session = this.#resolve();
    const locale = this.session.agent.locale;
    if (locale && locale !== this.#kitLocale) {
      this.#kitLocale = locale;
      void setKitLocale(locale);
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#demoLoading) {
      await this.#demoLoading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #loadDemo(): void {
    const clock = this.clock;
    const loading = import('../../core/memory-backend.js').then(
      async ({MemoryBackend}) => {
        const {DEMO_AGENTS} = await import('../../core/demo-data.js');
        if (this.#demoLoading !== loading) return; // superseded by a newer load
        this.#demo?.backend.dispose?.();
        this.#demo = {
          backend: new MemoryBackend({clock: clock ?? systemClock, simulateDialer: true}),
          agents: DEMO_AGENTS,
        };
        this.#demoClock = clock;
        this.#demoLoading = undefined;
        this.requestUpdate();
      },
      (error: unknown) => {
        this.#demoLoading = undefined;
        this.#problemKey = 'demo';
        this.problem = msg(str`The demo backend could not be loaded: ${String(error)}`);
      },
    );
    this.#demoLoading = loading;
  }

  #resolve(): AgentSession {
    const usingDemo = !this.backend && !this.eventsOnly;
    // The demo backend's agents, or those of a host backend that can list them (MemoryBackend's listAgents() at once,
    // HttpBackend's when its answer arrives).
    const demoAgents = usingDemo
      ? (this.#demo?.agents ?? [])
      : !this.eventsOnly
        ? this.#hostAgents.get(this.backend, () => this.requestUpdate())
        : [];
    const id = this.agent?.id ?? this.agentId;
    const base: Agent =
      this.agent ??
      demoAgents.find((a) => a.id === id) ??
      (id === undefined && demoAgents[0]
        ? demoAgents[0]
        : {id: id ?? 'agent', name: id ?? 'Agent', timeZone: browserTimeZone()});

    let timeZone = base.timeZone;
    let problem: string | undefined;
    let problemKey: string | undefined;
    if (this.timeZone) {
      if (isValidTimeZone(this.timeZone)) timeZone = this.timeZone;
      else {
        problem = msg(str`Unknown time zone "${this.timeZone}": using ${timeZone}.`);
        problemKey = `zone|${this.timeZone}|${timeZone}`;
      }
    }
    if (!isValidTimeZone(timeZone)) {
      problem = msg(str`The agent's time zone "${timeZone}" is unknown: using UTC.`);
      problemKey = `agent-zone|${timeZone}`;
      timeZone = 'UTC';
    }
    const locale =
      this.locale ?? base.locale ?? (typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US');
    if (problemKey !== this.#problemKey) {
      this.#problemKey = problemKey;
      this.problem = problem;
      if (problem)
        this.dispatchEvent(
          new SessionErrorEvent(
            new ValidationError([{field: 'timeZone', code: 'invalid-time-zone', message: problem}]),
          ),
        );
    } else this.problem = problem; // same problem, in the current UI language
    return {
      agent: {...base, timeZone, locale},
      backend: this.eventsOnly ? undefined : (this.backend ?? this.#demo?.backend),
      clock: this.clock ?? systemClock,
      policy: resolvePolicy(this.policy),
    };
  }

  override render() {
    return html`${
        this.problem
          ? html`<div class="error message message--error" part="error" role="alert">
              <span class="message__text" title=${this.problem}>${this.problem}</span>
            </div>`
          : nothing
      }<slot></slot>`;
  }
}

defineElement('agent-session', AgentSessionElement);

declare global {
  interface HTMLElementTagNameMap {
    'agent-session': AgentSessionElement;
  }
}
