export interface RangeChangeDetail {
  /** First local date shown, `YYYY-MM-DD`. */
  startDate: string;
  /** Last local date shown (inclusive), `YYYY-MM-DD`. */
  endDate: string;
  /** Start of `startDate` in the grid's zone, ISO instant: pass it to `getAvailability` as `from`. */
  from: string;
  /** Start of the day after `endDate` in the grid's zone, ISO instant: pass it as `to` (exclusive). */
  to: string;
  /** The zone the dates are in. */
  timeZone: string;
}

/**
 * The grid wants another range of days (PageUp/PageDown, the week buttons, or Retry after an error): load its
 * slots and set them. Fired on user action only. Bubbles, composed.
 */
export class RangeChangeEvent extends Event {
  readonly detail: RangeChangeDetail;

  constructor(detail: RangeChangeDetail) {
    super('range-change', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'range-change': RangeChangeEvent;
  }
}
