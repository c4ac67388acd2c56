import type {Callback} from '../core/types.js';

export interface CallbackCanceledDetail {
  /** The callback as it was, with `status: 'canceled'`. */
  callback: Callback;
}

/** A callback was canceled by the agent (after confirmation) and the cancellation succeeded. Bubbles, composed. */
export class CallbackCanceledEvent extends Event {
  readonly detail: CallbackCanceledDetail;

  constructor(detail: CallbackCanceledDetail) {
    super('callback-canceled', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-canceled': CallbackCanceledEvent;
  }
}
