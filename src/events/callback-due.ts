import type {Callback, Contact} from '../core/types.js';

export interface CallbackDueDetail {
  /** The callback whose reminder is due (`policy.reminderLeadMinutes` before its start). */
  callback: Callback;
  /** The customer, when `<callback-list>` knows the contact. */
  contact?: Contact;
  /** `true` when the reminder comes back after a snooze; `false` for the first reminder of this start time. */
  repeat: boolean;
}

/**
 * A callback's reminder is due: `policy.reminderLeadMinutes` before its start (once per start time), or again when a
 * snooze ends. A host can open its callback panel or badge its own "Callback" button. Bubbles, composed; not
 * cancelable.
 */
export class CallbackDueEvent extends Event {
  readonly detail: CallbackDueDetail;

  constructor(detail: CallbackDueDetail) {
    super('callback-due', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-due': CallbackDueEvent;
  }
}
