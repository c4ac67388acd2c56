import type {Callback} from '../core/types.js';

export interface CallbackExpiredDetail {
  /** The followup, with `status: 'expired'`. */
  callback: Callback;
}

/**
 * A followup was not launched within `policy.followupExpiryMinutes` after its start and expired. Fired once per
 * start time by the element that saw it expire. Bubbles, composed; not cancelable.
 */
export class CallbackExpiredEvent extends Event {
  readonly detail: CallbackExpiredDetail;

  constructor(detail: CallbackExpiredDetail) {
    super('callback-expired', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-expired': CallbackExpiredEvent;
  }
}
