import {consume} from '@lit/context';
import {LitElement} from 'lit';
import {property, state} from 'lit/decorators.js';
import {agentSessionContext, type AgentSession} from '../context/agent-session.js';
import type {SchedulingBackend} from '../core/backend.js';
import {systemClock, type Clock} from '../core/clock.js';
import {isValidTimeZone} from '../core/time.js';
import {resolvePolicy, type Agent, type SchedulingPolicy} from '../core/types.js';
import {defaultTimeZone} from './format.js';

/**
 * Base of the elements that talk to a backend: consumes the agent session and resolves every setting with
 * the element's own property first, then the session, then a default. Every element works with no provider.
 */
export class KitElement extends LitElement {
  /** The agent session from the nearest `<agent-session>` (or any `@provide` host). */
  @consume({context: agentSessionContext, subscribe: true})
  @state()
  protected session?: AgentSession;

  /** The backend to use; wins over the session's. Without either, the element asks the host through events. */
  @property({attribute: false}) backend?: SchedulingBackend;

  /** The clock to read; wins over the session's (default: the system clock). */
  @property({attribute: false}) clock?: Clock;

  /** Scheduling rules; wins over the session's (missing fields: `DEFAULT_POLICY`). */
  @property({attribute: false}) policy?: Partial<SchedulingPolicy>;

  /** The signed-in agent; wins over the session's. */
  @property({attribute: false}) agent?: Agent;

  /** BCP 47 locale; defaults to `lang`, then the agent's locale, then the browser's. */
  @property({reflect: true}) locale?: string;

  /** The resolved backend, or undefined in events-only integration. */
  protected get resolvedBackend(): SchedulingBackend | undefined {
    return this.backend ?? this.session?.backend;
  }

  protected get resolvedClock(): Clock {
    return this.clock ?? this.session?.clock ?? systemClock;
  }

  protected get resolvedPolicy(): SchedulingPolicy {
    return this.policy
      ? resolvePolicy({...this.session?.policy, ...this.policy})
      : (this.session?.policy ?? resolvePolicy());
  }

  protected get resolvedAgent(): Agent | undefined {
    return this.agent ?? this.session?.agent;
  }

  /** The agent's zone (valid), else the browser's. */
  protected get agentTimeZone(): string {
    const zone = this.resolvedAgent?.timeZone;
    return zone && isValidTimeZone(zone) ? zone : defaultTimeZone();
  }

  protected get resolvedLocale(): string | undefined {
    return this.locale || this.lang || this.resolvedAgent?.locale || undefined;
  }
}
