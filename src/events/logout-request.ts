import type {LogoutDecision} from '../core/backend.js';
import {createResponder, type Responder} from './responder.js';
import {VetoableEvent} from './vetoable-event.js';

/** Why `<logout-countdown>` asks: the agent's request, a Retry after an error, or the countdown reaching `notBefore`. */
export type LogoutRequestTrigger = 'request' | 'retry' | 'recheck';

export interface LogoutRequestDetail extends Responder<LogoutDecision> {
  /** The agent who wants to log out (undefined when neither the element nor the session has an agent). */
  readonly agentId: string | undefined;
  /**
   * `request`: the Logout button or `requestLogout()`; `retry`: Retry after a failed request; `recheck`: the
   * countdown reached `notBefore` without an authorization, so the element asks again.
   */
  readonly trigger: LogoutRequestTrigger;
  /** Whether the element will ask its backend when nobody calls `respondWith` (false: the host must answer). */
  readonly hasBackend: boolean;
}

/**
 * The agent asks to log out (or the element asks again, see `detail.trigger`). Cancelable: the host may veto with
 * `preventDefault()` or `veto(reason)` (e.g. unsaved notes), and nothing is asked. With no backend, the host
 * answers with `detail.respondWith(promise of LogoutDecision)`; a host that answers while a backend is set is
 * asked instead of the backend. Bubbles, composed.
 */
export class LogoutRequestEvent extends VetoableEvent {
  readonly detail: LogoutRequestDetail & {readonly response: Promise<LogoutDecision> | undefined};

  constructor(init: {agentId: string | undefined; trigger: LogoutRequestTrigger; hasBackend: boolean}) {
    super('logout-request');
    const responder = createResponder<LogoutDecision>();
    this.detail = {
      agentId: init.agentId,
      trigger: init.trigger,
      hasBackend: init.hasBackend,
      respondWith: (response) => responder.respondWith(response),
      get response() {
        return responder.response;
      },
    };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'logout-request': LogoutRequestEvent;
  }
}
