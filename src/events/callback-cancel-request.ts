import type {Callback} from '../core/types.js';
import type {Responder} from './responder.js';

export interface CallbackCancelRequestDetail extends Responder<void> {
  /** The callback the agent confirmed to cancel. */
  callback: Callback;
}

/**
 * The agent confirmed canceling a callback. Fired before anything is canceled, with or without a backend:
 * - call `detail.respondWith(promise)` to cancel it yourself (events-only integration): the element waits for the
 *   promise, then removes the row and fires `callback-canceled`, or shows the error and keeps the row;
 * - call `preventDefault()` (without `respondWith`) to refuse: nothing is canceled and the row stays;
 * - do nothing and the element calls `backend.cancelCallback` (without a backend it reports that nobody handled it).
 * Bubbles, composed, cancelable.
 */
export class CallbackCancelRequestEvent extends Event {
  readonly detail: CallbackCancelRequestDetail;

  constructor(detail: CallbackCancelRequestDetail) {
    super('callback-cancel-request', {bubbles: true, composed: true, cancelable: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-cancel-request': CallbackCancelRequestEvent;
  }
}
