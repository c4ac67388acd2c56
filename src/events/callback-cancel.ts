/** The agent closed the scheduler without saving (Cancel button or Escape). Bubbles, composed. */
export class CallbackCancelEvent extends Event {
  constructor() {
    super('callback-cancel', {bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'callback-cancel': CallbackCancelEvent;
  }
}
