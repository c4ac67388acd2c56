import type {Callback, CallbackRequest} from '../core/types.js';

export interface CallbackSavedDetail {
  /** The callback as saved. */
  callback: Callback;
  /** What the agent asked for. */
  request: CallbackRequest;
}

/** A new callback (or followup, web callback, next attempt) was saved. Bubbles, composed. */
export class CallbackScheduledEvent extends Event {
  readonly detail: CallbackSavedDetail;

  constructor(detail: CallbackSavedDetail) {
    super('callback-scheduled', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

/** An existing callback was moved to a new time (same id). Bubbles, composed. */
export class CallbackRescheduledEvent extends Event {
  readonly detail: CallbackSavedDetail;

  constructor(detail: CallbackSavedDetail) {
    super('callback-rescheduled', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-scheduled': CallbackScheduledEvent;
    'callback-rescheduled': CallbackRescheduledEvent;
  }
}
