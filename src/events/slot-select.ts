import type {Slot} from '../core/types.js';

export interface SlotSelectDetail {
  /** The slot as given in `slots`. */
  slot: Slot;
  /** The slot's start, ISO instant (same as `slot.start`). */
  start: string;
  /** The start as an ISO ZonedDateTime string in the grid's `timeZone`, e.g. `2026-11-01T01:00:00-05:00[America/New_York]`. */
  zonedStart: string;
}

/** The agent picked an available slot (click, Enter or Space). Fired on user action only. Bubbles, composed. */
export class SlotSelectEvent extends Event {
  readonly detail: SlotSelectDetail;

  constructor(detail: SlotSelectDetail) {
    super('slot-select', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'slot-select': SlotSelectEvent;
  }
}
