import type {Callback} from '../core/types.js';

export interface CallbackRescheduleRequestDetail {
  /** The callback the agent wants to move. */
  callback: Callback;
}

/**
 * The agent asked to reschedule a callback: the host opens its scheduler (e.g. `<callback-scheduler
 * mode="reschedule" .callback=${detail.callback}>`). Cancelable: with `inline-reschedule`, `preventDefault()` stops
 * `<callback-list>` from opening the scheduler itself. Bubbles, composed.
 */
export class CallbackRescheduleRequestEvent extends Event {
  readonly detail: CallbackRescheduleRequestDetail;

  constructor(detail: CallbackRescheduleRequestDetail) {
    super('callback-reschedule-request', {bubbles: true, composed: true, cancelable: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-reschedule-request': CallbackRescheduleRequestEvent;
  }
}
