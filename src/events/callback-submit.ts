import type {Callback, CallbackRequest} from '../core/types.js';
import type {Responder} from './responder.js';
import {VetoableEvent} from './vetoable-event.js';

export interface CallbackSubmitDetail extends Responder<Callback> {
  /** What the agent asked for. */
  request: CallbackRequest;
  /** `new` requests create a callback; `reschedule` ones move `callbackId`. */
  operation: 'schedule' | 'reschedule';
  /** The callback being rescheduled. */
  callbackId?: string;
  /** One key per attempt, the same on every retry of it: pass it to your backend so a retry never creates two callbacks. */
  idempotencyKey: string;
  /**
   * Refuses the submission (same as `preventDefault()` on the event) and tells the agent why, e.g. "Finish the call
   * wrap-up first.": the element shows the reason as its error and keeps the form. Ignored when you `respondWith`.
   */
  veto(reason?: string): void;
}

/**
 * The agent submitted the form. Cancelable: `detail.veto(reason)` (or `preventDefault()`) refuses it; nothing is
 * saved, the form keeps what the agent entered and shows the reason (without one, a general "not accepted" message).
 * To save it yourself (events-only integration, or to take over from the backend) call `detail.respondWith(promise)`
 * with a promise of the saved `Callback`; reject it with a `SlotUnavailableError` or `ValidationError` (from
 * `callback-kit/core`) to have the element say precisely what went wrong. `respondWith` wins over a veto. Without
 * `respondWith`, the element uses its backend. Bubbles, composed.
 */
export class CallbackSubmitEvent extends VetoableEvent {
  readonly detail: CallbackSubmitDetail;

  constructor(detail: Omit<CallbackSubmitDetail, 'veto'>) {
    super('callback-submit');
    this.detail = {...detail, veto: (reason) => this.veto(reason)};
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-submit': CallbackSubmitEvent;
  }
}
