import type {Disposition} from '../context/interaction.js';

/**
 * The agent picked a disposition in `<callback-scheduler mode="next-attempt">` (user action only). Hosts record
 * it; when it `requiresCallback`, the next-call controls appear and the saved request carries `dispositionId`.
 * Bubbles, composed.
 */
export class DispositionSelectEvent extends Event {
  readonly detail: {disposition: Disposition};

  constructor(disposition: Disposition) {
    super('disposition-select', {bubbles: true, composed: true});
    this.detail = {disposition};
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'disposition-select': DispositionSelectEvent;
  }
}
