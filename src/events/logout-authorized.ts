import type {IsoInstant} from '../core/types.js';

export interface LogoutAuthorizedDetail {
  /** The agent whose logout is authorized. */
  agentId: string | undefined;
  /** Whether the logout was deferred first (the agent saw the countdown). */
  deferred: boolean;
  /** The last `notBefore` the agent was shown, when the logout was deferred. */
  notBefore?: IsoInstant;
  /** How the authorization arrived: the answer to a request, or the backend's `logout-authorized` event (or `authorize()`). */
  source: 'response' | 'backend-event';
}

/**
 * The logout is authorized: the host now ends the agent's session. Fired once per logout, on an immediate
 * authorization, on the backend's `logout-authorized` event, or when asking again after the countdown. Bubbles, composed.
 */
export class LogoutAuthorizedEvent extends Event {
  readonly detail: LogoutAuthorizedDetail;

  constructor(detail: LogoutAuthorizedDetail) {
    super('logout-authorized', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'logout-authorized': LogoutAuthorizedEvent;
  }
}
