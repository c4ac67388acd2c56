import type {CallbackKitError} from '../core/errors.js';

/** Fired by `<agent-session>` when an attribute or property is invalid (e.g. an unknown `time-zone`). Bubbles, composed. */
export class SessionErrorEvent extends Event {
  readonly detail: {error: CallbackKitError};

  constructor(error: CallbackKitError) {
    super('session-error', {bubbles: true, composed: true});
    this.detail = {error};
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'session-error': SessionErrorEvent;
  }
}
