export interface ZoneChangeDetail {
  /** The IANA id picked, e.g. `America/Denver`. */
  timeZone: string;
}

/**
 * Fired by `<ck-zone-picker>` when the agent picks a zone other than the current one (Enter, Alt+Up or a click on
 * an option). Fired on user action only, never when `value` is set. Bubbles; not composed: the picker is internal to
 * the element that renders it (`<callback-scheduler>`), which listens on the picker itself.
 */
export class ZoneChangeEvent extends Event {
  readonly detail: ZoneChangeDetail;

  constructor(detail: ZoneChangeDetail) {
    super('zone-change', {bubbles: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zone-change': ZoneChangeEvent;
  }
}
