import type {SchedulingBackend} from '../core/backend.js';
import type {Agent} from '../core/types.js';

/**
 * The agents of a backend that can list them (`listAgents`, synchronous in `MemoryBackend`, a promise in
 * `HttpBackend`), asked once per backend. `get` answers at once with what is known (an empty list while a promise is
 * on its way) and calls `changed` when a promise brings the list; a failure (a server without the route) is an empty
 * list, never an unhandled rejection.
 */
export class AgentListCache {
  #backend?: SchedulingBackend;
  #agents: Agent[] = [];

  get(backend: SchedulingBackend | undefined, changed: () => void): Agent[] {
    if (backend === this.#backend) return this.#agents;
    this.#backend = backend;
    this.#agents = [];
    if (typeof backend?.listAgents !== 'function') return this.#agents;
    let result: Agent[] | Promise<Agent[]>;
    try {
      result = backend.listAgents();
    } catch {
      return this.#agents;
    }
    if (Array.isArray(result)) this.#agents = result;
    else if (result && typeof (result as Promise<Agent[]>).then === 'function') {
      (result as Promise<Agent[]>).then(
        (agents) => {
          if (this.#backend !== backend || !Array.isArray(agents)) return;
          this.#agents = agents;
          changed();
        },
        () => {
          /* no agent list on this backend: the session's own agent only */
        },
      );
    }
    return this.#agents;
  }
}
