import type {IsoInstant} from '../core/types.js';

export interface LogoutCanceledDetail {
  /** The agent who stays logged in. */
  agentId: string | undefined;
  /** The `notBefore` of the deferral that was canceled (undefined when canceled before the backend answered). */
  notBefore?: IsoInstant;
}

/**
 * The agent canceled a pending logout (Cancel logout, or the host called `cancelLogout()`): they stay logged in
 * and the element will not fire `logout-authorized` for it. Hosts without a backend forward this to their own
 * backend; a backend with a `cancelLogout({agentId})` method is told by the element. Bubbles, composed.
 */
export class LogoutCanceledEvent extends Event {
  readonly detail: LogoutCanceledDetail;

  constructor(detail: LogoutCanceledDetail) {
    super('logout-canceled', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'logout-canceled': LogoutCanceledEvent;
  }
}
