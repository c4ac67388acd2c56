import type {Callback, Contact} from '../core/types.js';

export interface CallbackLaunchDetail {
  /** The callback to dial (`phone` is the number, E.164). */
  callback: Callback;
  /** The customer, when known. */
  contact?: Contact;
}

/**
 * The agent asked to launch (dial) a callback. The host dials. Cancelable: `preventDefault()` leaves the callback as
 * it was (e.g. the agent is on another call); otherwise the element marks it in progress. Bubbles, composed.
 */
export class CallbackLaunchEvent extends Event {
  readonly detail: CallbackLaunchDetail;

  constructor(detail: CallbackLaunchDetail) {
    super('callback-launch', {bubbles: true, composed: true, cancelable: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-launch': CallbackLaunchEvent;
  }
}
