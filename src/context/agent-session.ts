import {createContext} from '@lit/context';
import type {SchedulingBackend} from '../core/backend.js';
import type {Clock} from '../core/clock.js';
import type {Agent, SchedulingPolicy} from '../core/types.js';

/**
 * What `<agent-session>` (or any Lit host with `@provide`) gives every element below it.
 * Elements' own properties win over it; every element also works with no provider at all.
 */
export interface AgentSession {
  /** The signed-in agent; `agent.timeZone` is the default display zone. */
  agent: Agent;
  /** Where elements load and save; absent in events-only integration (elements then ask the host by events). */
  backend?: SchedulingBackend;
  /** Where elements read the time: inject a ManualClock or SimulatedClock to control it. */
  clock: Clock;
  /** The scheduling rules, every field filled (see `DEFAULT_POLICY`). */
  policy: SchedulingPolicy;
}

/** The agent-session context key. `Symbol.for` so two copies of the kit on one page still meet. */
export const agentSessionContext = createContext<AgentSession>(Symbol.for('callback-kit/agent-session'));
