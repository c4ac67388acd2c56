import type {Callback} from '../core/types.js';

export interface CallbackHandedOffDetail {
  /** The callback as it is now: `type: 'campaign'`, `handedOffFrom` = its former owner, no `ownerAgentId`. */
  callback: Callback;
  /** The agent who owned it. */
  fromAgentId: string;
}

/**
 * A personal callback went to its campaign (`policy.personalHandOffMinutes`: not launched in time, or its owner
 * off shift): the backend's `callback-handed-off`, dispatched once by `<callback-list>` for a callback in its
 * list. Bubbles, composed; not cancelable (the backend already did it).
 */
export class CallbackHandedOffEvent extends Event {
  readonly detail: CallbackHandedOffDetail;

  constructor(detail: CallbackHandedOffDetail) {
    super('callback-handed-off', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-handed-off': CallbackHandedOffEvent;
  }
}
