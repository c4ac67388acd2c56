import type {CallbackRequest} from '../core/types.js';

export interface CallbackScheduleErrorDetail {
  /** What the agent asked for (kept in the form: nothing is lost). */
  request: CallbackRequest;
  /** The typed error: `SlotUnavailableError`, `ValidationError`, `BackendUnavailableError`, `HostTimeoutError`... */
  error: Error;
  /** The idempotency key of the attempt; a retry reuses it. */
  idempotencyKey: string;
}

/** Saving failed; the form keeps its data and says why. Bubbles, composed. */
export class CallbackScheduleErrorEvent extends Event {
  readonly detail: CallbackScheduleErrorDetail;

  constructor(detail: CallbackScheduleErrorDetail) {
    super('callback-schedule-error', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-schedule-error': CallbackScheduleErrorEvent;
  }
}
