import type {CallbackKitError} from '../core/errors.js';
import type {Callback} from '../core/types.js';

/** What `<callback-list>` was doing when it failed. */
export type CallbackListOperation = 'load' | 'cancel' | 'data' | 'status';

export interface CallbackListErrorDetail {
  /**
   * `load`: listing callbacks failed; `cancel`: a cancellation failed; `data`: callbacks given were invalid;
   * `status`: persisting a launch (`in-progress`) or a followup expiry (`expired`) failed (shown in the row, retried
   * with the same idempotency key).
   */
  operation: CallbackListOperation;
  /** The typed error (its message is also shown to the agent). */
  error: CallbackKitError;
  /** The callback concerned, for `cancel` and `status`. */
  callback?: Callback;
}

/** `<callback-list>` could not load, cancel, or show callbacks; the agent sees the same message. Bubbles, composed. */
export class CallbackListErrorEvent extends Event {
  readonly detail: CallbackListErrorDetail;

  constructor(detail: CallbackListErrorDetail) {
    super('callback-list-error', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-list-error': CallbackListErrorEvent;
  }
}
