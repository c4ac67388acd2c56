import {msg, str} from '@lit/localize';
import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {classMap} from 'lit/directives/class-map.js';
import {Temporal} from '../../core/temporal.js';
import {defineElement} from '../../internal/define.js';
import {dateTimeFormat, formatDate} from '../../internal/format.js';
import {KitElement} from '../../internal/kit-element.js';
import {styles} from './month-calendar.styles.js';

/** Fired by `<ck-month-calendar>` when the agent picks a day. Bubbles, not composed (internal to its host). */
export class CalendarSelectEvent extends Event {
  readonly detail: {date: string};

  constructor(date: string) {
    super('calendar-select', {bubbles: true});
    this.detail = {date};
  }
}

/**
 * A compact month calendar (WAI-ARIA APG date picker grid): one tab stop (the month buttons are for pointers:
 * the keyboard has PageUp/PageDown); arrows move a day or a week,
 * Home/End to the week's ends, PageUp/PageDown a month, Shift+PageUp/PageDown a year, Enter/Space select.
 * Days outside `min`..`max` are disabled. Without `today`, today is read from `clock` (a KitElement: own `clock`,
 * the agent session's, or the system clock) in the agent's zone; `locale` sets the language of its dates.
 *
 * Part of `<callback-scheduler>`'s internals: loading the scheduler registers this element globally under the tag
 * `ck-month-calendar` (the `ck-` prefix keeps it clear of host tags; a page that defined that tag first keeps its own
 * and the scheduler then renders that). Hosts do not place it themselves; its parts and `--ck-month-calendar-*`
 * properties style the scheduler's calendar.
 *
 * @tagname ck-month-calendar
 * @summary Compact month calendar used inside callback-scheduler.
 * @event {CalendarSelectEvent} calendar-select - A day was picked (`detail.date`, YYYY-MM-DD).
 * @csspart nav-button - The previous/next month buttons.
 * @csspart month - The month and year heading.
 * @csspart weekday - A weekday column heading.
 * @csspart day - A day cell.
 *
 * @cssproperty --ck-month-calendar-selected-background - The selected day's background (default `--ck-color-selected`).
 * @cssproperty --ck-month-calendar-selected-color - The selected day's text (default `--ck-color-on-selected`).
 * @cssproperty --ck-month-calendar-today-color - Today's outline (default `--ck-color-accent`).
 */
export class MonthCalendarElement extends KitElement {
  static override styles = styles;

  #focusAfterRender = false;

  /** The month shown (its first day). */
  @state() private month?: Temporal.PlainDate;

  /** The day holding the tab stop. */
  @state() private focused?: Temporal.PlainDate;

  /** The selected day, `YYYY-MM-DD`. */
  @property() value?: string;

  /** Today, `YYYY-MM-DD` (in the scheduler's zone). */
  @property() today?: string;

  /** Earliest selectable day. */
  @property() min?: string;

  /** Latest selectable day. */
  @property() max?: string;

  /** Accessible name of the grid. */
  @property() label?: string;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || !this.focused) {
      const anchor = this.#parse(this.value) ?? this.#parse(this.today) ?? this.#clockToday();
      this.focused = anchor;
      this.month = anchor.with({day: 1});
    }
  }

  override updated(): void {
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      this.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    }
  }

  /** Today by the element's clock (own `clock`, the session's, or the system's) in the agent's zone. */
  #clockToday(): Temporal.PlainDate {
    return this.resolvedClock.now().toZonedDateTimeISO(this.agentTimeZone).toPlainDate();
  }

  #parse(value: string | undefined): Temporal.PlainDate | undefined {
    if (!value) return undefined;
    try {
      return Temporal.PlainDate.from(value);
    } catch {
      return undefined;
    }
  }

  #disabled(date: Temporal.PlainDate): boolean {
    const min = this.#parse(this.min);
    const max = this.#parse(this.max);
    return (!!min && Temporal.PlainDate.compare(date, min) < 0) || (!!max && Temporal.PlainDate.compare(date, max) > 0);
  }

  #moveFocus(date: Temporal.PlainDate): void {
    this.focused = date;
    this.month = date.with({day: 1});
    this.#focusAfterRender = true;
  }

  #select(date: Temporal.PlainDate): void {
    if (this.#disabled(date)) return;
    this.value = date.toString();
    this.dispatchEvent(new CalendarSelectEvent(this.value));
  }

  private handleKeydown(event: KeyboardEvent): void {
    const day = this.focused!;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let next: Temporal.PlainDate | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = day.add({days: rtl ? -1 : 1});
        break;
      case 'ArrowLeft':
        next = day.add({days: rtl ? 1 : -1});
        break;
      case 'ArrowDown':
        next = day.add({days: 7});
        break;
      case 'ArrowUp':
        next = day.add({days: -7});
        break;
      case 'Home':
        next = day.subtract({days: day.dayOfWeek - 1});
        break;
      case 'End':
        next = day.add({days: 7 - day.dayOfWeek});
        break;
      case 'PageUp':
        next = event.shiftKey ? day.subtract({years: 1}) : day.subtract({months: 1});
        break;
      case 'PageDown':
        next = event.shiftKey ? day.add({years: 1}) : day.add({months: 1});
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#select(day);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.#moveFocus(next);
  }

  override render() {
    const month = this.month!;
    const focused = this.focused!;
    const locale = this.resolvedLocale;
    const selected = this.#parse(this.value);
    const today = this.#parse(this.today) ?? this.#clockToday();
    const first = month.subtract({days: month.dayOfWeek - 1}); // weeks start on Monday
    const weeks = Array.from({length: 6}, (_, w) => Array.from({length: 7}, (_, d) => first.add({days: w * 7 + d})));
    const monthName = dateTimeFormat(locale, {month: 'long', year: 'numeric', timeZone: 'UTC'}).format(
      Date.UTC(month.year, month.month - 1, 15),
    );
    const weekday = dateTimeFormat(locale, {weekday: 'short', timeZone: 'UTC'});
    const weekdayLong = dateTimeFormat(locale, {weekday: 'long', timeZone: 'UTC'});
    return html`
      <div class="head">
        <button
          class="nav"
          part="nav-button"
          type="button"
          tabindex="-1"
          aria-label=${msg('Previous month')}
          aria-keyshortcuts="PageUp"
          @click=${() => this.#moveFocus(focused.subtract({months: 1}))}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <span class="month" part="month" id="month" aria-live="polite">${monthName}</span>
        <button
          class="nav"
          part="nav-button"
          type="button"
          tabindex="-1"
          aria-label=${msg('Next month')}
          aria-keyshortcuts="PageDown"
          @click=${() => this.#moveFocus(focused.add({months: 1}))}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <table role="grid" aria-labelledby="month" aria-label=${this.label ?? nothing} @keydown=${this.handleKeydown}>
        <thead>
          <tr>
            ${weeks[0].map(
              (d) =>
                html`<th
                  scope="col"
                  part="weekday"
                  abbr=${weekdayLong.format(Date.UTC(d.year, d.month - 1, d.day, 12))}
                >
                  ${weekday.format(Date.UTC(d.year, d.month - 1, d.day, 12))}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>
                ${week.map((d) => {
                  const disabled = this.#disabled(d);
                  const isSelected = !!selected && d.equals(selected);
                  return html`<td
                    part="day"
                    class=${classMap({
                      day: true,
                      'day--other': d.month !== month.month,
                      'day--today': !!today && d.equals(today),
                    })}
                    tabindex=${d.equals(focused) ? 0 : -1}
                    aria-label=${today && d.equals(today) ? msg(str`${formatDate(d, locale, 'long')}, today`) : formatDate(d, locale, 'long')}
                    aria-selected=${isSelected ? 'true' : 'false'}
                    aria-disabled=${disabled ? 'true' : 'false'}
                    aria-current=${today && d.equals(today) ? 'date' : nothing}
                    data-date=${d.toString()}
                    @click=${() => {
                      this.focused = d;
                      this.#select(d);
                    }}
                  >
                    ${d.day}
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

defineElement('ck-month-calendar', MonthCalendarElement);

declare global {
  interface HTMLElementTagNameMap {
    'ck-month-calendar': MonthCalendarElement;
  }
  interface HTMLElementEventMap {
    'calendar-select': CalendarSelectEvent;
  }
}
