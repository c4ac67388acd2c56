import type {Callback, CallbackRequest} from '../core/types.js';
import type {Responder} from '../internal/host-request.js';

export interface CallbackSubmitDetail extends Responder<Callback> {
  /** What the agent asked for. */
  request: CallbackRequest;
  /** `new` requests create a callback; `reschedule` ones move `callbackId`. */
  operation: 'schedule' | 'reschedule';
  /** The callback being rescheduled. */
  callbackId?: string;
  /** One key per attempt, the same on every retry of it: pass it to your backend so a retry never creates two callbacks. */
  idempotencyKey: string;
}

/**
 * The agent submitted the form. Cancelable: `preventDefault()` stops the submission. To save it yourself (events-only
 * integration, or to take over from the backend) call `detail.respondWith(promise)` with a promise of the saved
 * `Callback`; reject it with a `SlotUnavailableError` or `ValidationError` (from `callback-kit/core`) to have the
 * element say precisely what went wrong. Without `respondWith`, the element uses its backend. Bubbles, composed.
 */
export class CallbackSubmitEvent extends Event {
  readonly detail: CallbackSubmitDetail;

  constructor(detail: CallbackSubmitDetail) {
    super('callback-submit', {bubbles: true, composed: true, cancelable: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-submit': CallbackSubmitEvent;
  }
}
