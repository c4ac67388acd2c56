import type {CallbackKitError} from '../core/errors.js';

/** What failed: the first request (or its Retry), asking again after the countdown, or telling the backend of a cancel. */
export type LogoutErrorOperation = 'request' | 'recheck' | 'cancel';

export interface LogoutErrorDetail {
  /** The error, typed: `BackendUnavailableError`, `ValidationError` (bad answer, no agent), `HostTimeoutError`, `NoHandlerError`... */
  error: CallbackKitError;
  operation: LogoutErrorOperation;
  agentId: string | undefined;
}

/**
 * A logout step failed. The element shows the error with a Retry and says whether the agent is still logged in;
 * this event lets the host log or report it. Bubbles, composed.
 */
export class LogoutErrorEvent extends Event {
  readonly detail: LogoutErrorDetail;

  constructor(detail: LogoutErrorDetail) {
    super('logout-error', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'logout-error': LogoutErrorEvent;
  }
}
