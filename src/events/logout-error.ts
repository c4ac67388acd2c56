import type {CallbackKitError} from '../core/errors.js';

/**
 * What failed: the first request (or its Retry), asking again after the countdown, telling the backend of a cancel,
 * or downloading the element's panel, chip, confirmation and error box (`load`: a lazy chunk; the logout itself goes
 * on, and the element shows where it stands with a Retry).
 */
export type LogoutErrorOperation = 'request' | 'recheck' | 'cancel' | 'load';

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
