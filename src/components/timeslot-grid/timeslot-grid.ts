import {consume} from '@lit/context';
import {msg, str} from '@lit/localize';
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {classMap} from 'lit/directives/class-map.js';
import {agentSessionContext, type AgentSession} from '../../context/agent-session.js';
import {Temporal} from '../../core/temporal.js';
import {isValidTimeZone} from '../../core/time.js';
import type {Slot, SlotUnavailableReason} from '../../core/types.js';
import {RangeChangeEvent, type RangeChangeDetail} from '../../events/range-change.js';
import {SlotSelectEvent} from '../../events/slot-select.js';
import {defineElement} from '../../internal/define.js';
import {styleProperties} from '../../internal/style-properties.js';
import {followKitLocale, kitLocaleLoading} from '../../internal/localization.js';
import {
  defaultTimeZone,
  formatDate,
  formatDateRange,
  formatTime,
  formatTimeRange,
  zoneLongName,
  zoneShortName,
  type HourCycle,
} from '../../internal/format.js';
import {callingRuleText} from '../../internal/calling-rule-text.js';
import {buildGridModel, nearestCell, type GridCell, type GridModel} from './timeslot-grid-model.js';
import {styles} from './timeslot-grid.styles.js';

/** The reasons with a long description in the element (referenced by `aria-describedby`). */
const REASONS = [
  'full',
  'past',
  'closed',
  'outside-calling-hours',
  'outside-contact-window',
  'too-far-ahead',
  'outside-jurisdiction-hours',
  'jurisdiction-no-calls-day',
  'jurisdiction-holiday',
  'owner-off-shift',
  'unknown',
] as const;

const reasonShort = (reason: SlotUnavailableReason | undefined): string => {
  switch (reason) {
    case 'full':
      return msg('Full');
    case 'past':
      return msg('Past');
    case 'closed':
      return msg('Closed');
    case 'outside-calling-hours':
      return msg('Outside calling hours');
    case 'too-far-ahead':
      return msg('Too far ahead');
    case 'outside-contact-window':
      return msg("Outside this number's hours");
    case 'owner-off-shift':
      return msg('Owner off shift');
    case 'outside-jurisdiction-hours':
    case 'jurisdiction-no-calls-day':
    case 'jurisdiction-holiday':
      return msg('Not allowed by law');
    default:
      return msg('Unavailable');
  }
};

const reasonLong = (reason: SlotUnavailableReason | undefined): string => {
  switch (reason) {
    case 'full':
      return msg('Unavailable: no places left at this time.');
    case 'past':
      return msg('Unavailable: this time has passed.');
    case 'closed':
      return msg('Unavailable: the contact center is closed at this time.');
    case 'outside-calling-hours':
      return msg("Unavailable: outside the customer's calling hours.");
    case 'too-far-ahead':
      return msg('Unavailable: too far ahead to schedule.');
    case 'outside-contact-window':
      return msg("Unavailable: outside the hours this number's customer agreed to be called.");
    case 'owner-off-shift':
      return msg("Unavailable: the callback's owner does not work at this time.");
    case 'outside-jurisdiction-hours':
    case 'jurisdiction-no-calls-day':
    case 'jurisdiction-holiday':
      return msg("Unavailable: the law of the customer's state or province forbids calls at this time.");
    default:
      return msg('Unavailable.');
  }
};

/**
 * A week (or any number of days) of time slots in a chosen time zone: one column per day, one row per time of
 * day. Available slots show their time range (and how many places are left); unavailable ones are greyed and
 * say why. DST-correct: a spring-forward day has no row for the missing hour; on a fall-back day the repeated
 * hour appears twice and each label carries its zone abbreviation.
 *
 * Keyboard (WAI-ARIA grid pattern): one tab stop; arrow keys move between slots; Home/End to the first/last
 * slot of the row, Ctrl+Home/End of the grid; PageUp/PageDown move a week (`range-change`); Enter or Space
 * selects an available slot (`slot-select`).
 *
 * Works alone or inside `<agent-session>` (zone and locale default to the agent's).
 * Narrower than 36rem (a container query on the element), the days stack vertically, each with its own slots.
 *
 * @tagname timeslot-grid
 * @summary Days x time slots in a zone; pick one with mouse or keyboard.
 *
 * @event {SlotSelectEvent} slot-select - The agent picked an available slot. `detail: {slot, start, zonedStart}`.
 * @event {RangeChangeEvent} range-change - The agent moved to other days (PageUp/PageDown, week buttons) or asked to retry after an error: load slots for `detail: {startDate, endDate, from, to, timeZone}`.
 *
 * @csspart toolbar - The bar with the week buttons, the range and the zone.
 * @csspart nav-button - The previous/next week buttons.
 * @csspart grid - The grid of days and times.
 * @csspart day - A day's column heading cell.
 * @csspart day-heading - The date in a day's heading.
 * @csspart day-count - The number of available slots in a day's heading.
 * @csspart time - A row heading (time of day).
 * @csspart slot - Every slot cell.
 * @csspart slot-available - An available slot.
 * @csspart slot-unavailable - An unavailable slot.
 * @csspart slot-selected - The selected slot.
 * @csspart message - The empty and error messages.
 *
 * @cssproperty --ck-timeslot-grid-available-background - Available slot background (default `--ck-color-available-surface`).
 * @cssproperty --ck-timeslot-grid-available-color - Available slot text colour (default `--ck-color-available`).
 * @cssproperty --ck-timeslot-grid-unavailable-background - Unavailable slot background (default `--ck-color-unavailable-surface`).
 * @cssproperty --ck-timeslot-grid-unavailable-color - Unavailable slot text colour (default `--ck-color-unavailable`).
 * @cssproperty --ck-timeslot-grid-selected-background - Selected slot background (default `--ck-color-selected`).
 * @cssproperty --ck-timeslot-grid-selected-color - Selected slot text colour (default `--ck-color-on-selected`).
 * @cssproperty --ck-timeslot-grid-cell-min-width - Minimum width of a day column (default 7rem).
 * @cssproperty --ck-timeslot-grid-gap - Space between cells (default 0.25rem).
 * @cssproperty --ck-timeslot-grid-color - Text colour (default `--ck-color-text`).
 * @cssproperty --ck-timeslot-grid-today-color - Today's date in its column heading (default `--ck-color-accent`).
 * @cssproperty --ck-timeslot-grid-radius - Corner radius of slots and buttons (default `--ck-radius`).
 */
export class TimeslotGridElement extends LitElement {
  static override styles = styles;

  #model?: GridModel;
  /** Where focus should go after the next render: a slot key, or a position to find the nearest slot. */
  #pendingFocus?: {key?: string; dayIndex: number; wall: number};
  #lastStatus = '';

  @consume({context: agentSessionContext, subscribe: true})
  @state()
  private session?: AgentSession;

  /** Key (epoch ms) of the cell holding the single tab stop. */
  @state() private activeKey?: string;

  /** Polite announcement (new week loaded...). */
  @state() private status = '';

  /** The slots to show (the `Slot` type of `callback-kit/core`): instants, availability, capacity, reason. */
  @property({attribute: false}) slots: Slot[] = [];

  /** Display zone (IANA). Defaults to the agent's zone, then the browser's. Changing it relabels at once. */
  @property({attribute: 'time-zone', reflect: true}) timeZone?: string;

  /** A second zone (e.g. the customer's): each slot also shows its time there. */
  @property({attribute: 'secondary-time-zone', reflect: true}) secondaryTimeZone?: string;

  /** How the second zone is named to screen readers and in the toolbar, e.g. "customer's time". */
  @property({attribute: 'secondary-label'}) secondaryLabel?: string;

  /**
   * BCP 47 locale for dates and times. Defaults to `lang`, then the agent's locale, then the browser's. Outside an
   * `<agent-session>`, it (or `lang`) also sets the kit's UI language (page-global: Spanish for `es*`, else English).
   */
  @property({reflect: true}) locale?: string;

  /** `h12` or `h23`; defaults to the locale's. */
  @property({attribute: 'hour-cycle', reflect: true}) hourCycle?: HourCycle;

  /** The selected slot's start (ISO instant). Set by the agent's choice or by the host. */
  @property({reflect: true}) value?: string;

  /** First day shown (`YYYY-MM-DD`, in `timeZone`). Defaults to today, or the first slot's day when today has none. */
  @property({attribute: 'start-date', reflect: true}) startDate?: string;

  /** Number of days shown (and moved by PageUp/PageDown). */
  @property({type: Number, reflect: true}) days = 7;

  /** Shows a skeleton and sets `aria-busy` while the host loads slots. */
  @property({type: Boolean, reflect: true}) loading = false;

  /** An error message to show (with a Retry button that fires `range-change` again). */
  @property() error?: string;

  /** Accessible name of the grid. */
  @property() label?: string;

  constructor() {
    super();
    followKitLocale(this, {ownLocale: () => this.locale || this.lang || undefined, inSession: () => !!this.session});
  }

  /** While the UI strings of a newly set language load, the update waits for them. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = kitLocaleLoading();
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  get #zone(): string {
    const wanted = this.timeZone ?? this.session?.agent.timeZone;
    return wanted && isValidTimeZone(wanted) ? wanted : (this.session?.agent.timeZone ?? defaultTimeZone());
  }

  get #secondaryZone(): string | undefined {
    return this.secondaryTimeZone && isValidTimeZone(this.secondaryTimeZone) ? this.secondaryTimeZone : undefined;
  }

  get #locale(): string | undefined {
    return this.locale || this.lang || this.session?.agent.locale || undefined;
  }

  get #now(): Temporal.Instant {
    return this.session?.clock.now() ?? Temporal.Now.instant();
  }

  get #days(): number {
    return Number.isInteger(this.days) && this.days > 0 && this.days <= 31 ? this.days : 7;
  }

  /** The first date shown. */
  get #start(): Temporal.PlainDate {
    if (this.startDate) {
      try {
        return Temporal.PlainDate.from(this.startDate);
      } catch {
        /* fall through to the default: the problem is reported in the UI */
      }
    }
    const zone = this.#zone;
    const today = this.#now.toZonedDateTimeISO(zone).toPlainDate();
    const instants = this.slots.flatMap((s) => {
      try {
        return [Temporal.Instant.from(s.start)];
      } catch {
        return [];
      }
    });
    const end = today.add({days: this.#days});
    const inRange = instants.some((i) => {
      const d = i.toZonedDateTimeISO(zone).toPlainDate();
      return Temporal.PlainDate.compare(d, today) >= 0 && Temporal.PlainDate.compare(d, end) < 0;
    });
    if (inRange || !instants.length) return today;
    const first = instants.reduce((a, b) => (Temporal.Instant.compare(a, b) <= 0 ? a : b));
    return first.toZonedDateTimeISO(zone).toPlainDate();
  }

  /** Problems with the element's own attributes, shown in its UI. */
  get #problems(): string[] {
    const problems: string[] = [];
    if (this.timeZone && !isValidTimeZone(this.timeZone)) {
      problems.push(msg(str`Unknown time zone "${this.timeZone}": showing ${this.#zone}.`));
    }
    if (this.secondaryTimeZone && !isValidTimeZone(this.secondaryTimeZone)) {
      problems.push(msg(str`Unknown second time zone "${this.secondaryTimeZone}".`));
    }
    if (this.startDate) {
      try {
        Temporal.PlainDate.from(this.startDate);
      } catch {
        problems.push(msg(str`Invalid start date "${this.startDate}": expected YYYY-MM-DD.`));
      }
    }
    return problems;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const previous = this.#model;
    this.#model = buildGridModel(this.slots ?? [], this.#zone, this.#start, this.#days);
    const model = this.#model;
    if (this.activeKey && !model.byKey.has(this.activeKey)) {
      // The focused slot is gone (slots replaced): keep the agent where they were, on the nearest slot.
      const old = previous?.byKey.get(this.activeKey);
      const target =
        this.#pendingFocus ?? (old ? {dayIndex: old.dayIndex, wall: previous!.rows[old.rowIndex].wall} : undefined);
      const next = target ? nearestCell(model, target) : undefined;
      if (next && this.#hasFocus()) this.#pendingFocus = {key: next.key, dayIndex: next.dayIndex, wall: 0};
      this.activeKey = next?.key;
    } else if (this.#pendingFocus && !this.#pendingFocus.key && changed.has('slots')) {
      const next = nearestCell(model, this.#pendingFocus);
      this.#pendingFocus = next ? {key: next.key, dayIndex: next.dayIndex, wall: 0} : this.#pendingFocus;
      this.activeKey = next?.key ?? this.activeKey;
    }
    if (!this.activeKey || !model.byKey.has(this.activeKey)) {
      const selected = this.#selectedKey(model);
      this.activeKey = selected ?? model.cells.find((c) => c.slot.available)?.key ?? model.cells[0]?.key;
    }
    if (changed.has('slots') && previous && !this.loading) {
      const available = model.cells.filter((c) => c.slot.available).length;
      const range = formatDateRange(model.dates[0], model.dates.at(-1)!, this.#locale);
      const status =
        available === 1 ? msg(str`${range}: 1 available time.`) : msg(str`${range}: ${available} available times.`);
      if (status !== this.#lastStatus) this.status = this.#lastStatus = status;
    }
  }

  override updated(): void {
    const pending = this.#pendingFocus;
    if (pending?.key) {
      const cell = this.#cellElement(pending.key);
      if (cell) {
        this.#pendingFocus = undefined;
        cell.focus();
      }
    }
  }

  #hasFocus(): boolean {
    return this.matches(':focus-within');
  }

  #selectedKey(model: GridModel): string | undefined {
    if (!this.value) return undefined;
    try {
      const key = String(Temporal.Instant.from(this.value).epochMilliseconds);
      return model.byKey.has(key) ? key : undefined;
    } catch {
      return undefined;
    }
  }

  #cellElement(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-key="${key}"]`);
  }

  #range(start: Temporal.PlainDate): RangeChangeDetail {
    const zone = this.#zone;
    const end = start.add({days: this.#days - 1});
    return {
      startDate: start.toString(),
      endDate: end.toString(),
      from: start.toZonedDateTime({timeZone: zone}).toInstant().toString(),
      to: end.add({days: 1}).toZonedDateTime({timeZone: zone}).toInstant().toString(),
      timeZone: zone,
    };
  }

  #moveRange(weeks: number, focus?: {dayIndex: number; wall: number}): void {
    const start = this.#start.add({days: this.#days * weeks});
    this.startDate = start.toString();
    if (focus) this.#pendingFocus = focus;
    this.dispatchEvent(new RangeChangeEvent(this.#range(start)));
  }

  #select(cell: GridCell): void {
    if (!cell.slot.available) return;
    this.value = cell.slot.start;
    this.activeKey = cell.key;
    this.dispatchEvent(
      new SlotSelectEvent({
        slot: cell.slot,
        start: cell.slot.start,
        zonedStart: cell.start.toZonedDateTimeISO(this.#zone).toString(),
      }),
    );
  }

  #focusCell(cell: GridCell | undefined): void {
    if (!cell) return;
    this.activeKey = cell.key;
    this.#pendingFocus = {key: cell.key, dayIndex: cell.dayIndex, wall: 0};
    this.requestUpdate();
  }

  private handleGridClick(event: MouseEvent): void {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
    const cell = target && this.#model?.byKey.get(target.dataset.key!);
    if (!cell) return;
    this.activeKey = cell.key;
    this.#select(cell);
  }

  private handleGridFocusIn(event: FocusEvent): void {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
    if (target?.dataset.key) this.activeKey = target.dataset.key;
  }

  private handleGridKeydown(event: KeyboardEvent): void {
    const model = this.#model;
    const current = this.activeKey ? model?.byKey.get(this.activeKey) : undefined;
    if (!model || !current) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const row = model.rows[current.rowIndex];
    const inRow = (dir: 1 | -1) => {
      for (let d = current.dayIndex + dir; d >= 0 && d < model.dates.length; d += dir) {
        if (row.cells[d]) return row.cells[d];
      }
      return undefined;
    };
    const inColumn = (dir: 1 | -1) => {
      for (let r = current.rowIndex + dir; r >= 0 && r < model.rows.length; r += dir) {
        const cell = model.rows[r].cells[current.dayIndex];
        if (cell) return cell;
      }
      return undefined;
    };
    const rowCells = row.cells.filter((c): c is GridCell => c !== undefined);
    let next: GridCell | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = inRow(rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = inRow(rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        next = inColumn(1);
        break;
      case 'ArrowUp':
        next = inColumn(-1);
        break;
      case 'Home':
        next = event.ctrlKey || event.metaKey ? model.cells[0] : rowCells[0];
        break;
      case 'End':
        next = event.ctrlKey || event.metaKey ? model.cells.at(-1) : rowCells.at(-1);
        break;
      case 'PageDown':
      case 'PageUp':
        event.preventDefault();
        this.#moveRange(event.key === 'PageDown' ? 1 : -1, {dayIndex: current.dayIndex, wall: row.wall});
        return;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#select(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.#focusCell(next);
  }

  private handleRetry(): void {
    this.dispatchEvent(new RangeChangeEvent(this.#range(this.#start)));
  }

  private handleNavClick(weeks: number): void {
    this.#moveRange(weeks);
  }

  /** The calling rule of an unavailable slot, for people, or undefined (no rule, or one that cannot be read). */
  #ruleText(cell: GridCell): string | undefined {
    const rule = cell.slot.rule;
    if (!rule || typeof rule.jurisdiction !== 'string') return undefined;
    try {
      return callingRuleText(rule, cell.start, {locale: this.#locale, hourCycle: this.hourCycle});
    } catch {
      return undefined;
    }
  }

  #renderCell(cell: GridCell | undefined, model: GridModel, dayIndex: number) {
    if (!cell) return html`<div role="gridcell" class="cell cell--empty" data-day=${dayIndex}></div>`;
    const locale = this.#locale;
    const zone = model.timeZone;
    const hourCycle = this.hourCycle;
    const selected = cell.key === this.#selectedKey(model);
    const available = cell.slot.available;
    // The accessible name is the cell's text: the visible range, then (hidden) its zone and day, the second
    // zone, and places left or the short reason. The long reason is the description.
    const range = formatTimeRange(cell.start, cell.end, {locale, timeZone: zone, hourCycle, zoneName: cell.ambiguous});
    const zoneHint = cell.ambiguous ? '' : ` ${zoneShortName(cell.start, zone, locale)}`;
    const secondaryZone = this.#secondaryZone;
    const parts = `slot ${available ? 'slot-available' : 'slot-unavailable'}${selected ? ' slot-selected' : ''}`;
    // A calling rule says which jurisdiction and window: "Florida: calls 8 AM–8 PM".
    const rule = available ? undefined : this.#ruleText(cell);
    const reasonKey = REASONS.includes(cell.slot.reason as (typeof REASONS)[number]) ? cell.slot.reason : 'unknown';
    return html`<div
      role="gridcell"
      part=${parts}
      class=${classMap({cell: true, slot: true, 'slot--available': available, 'slot--unavailable': !available, 'slot--selected': selected})}
      data-key=${cell.key}
      data-day=${dayIndex}
      tabindex=${cell.key === this.activeKey ? 0 : -1}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${available ? nothing : 'true'}
      aria-describedby=${available ? nothing : `reason-${reasonKey}`}
      title=${available ? nothing : (rule ?? reasonLong(cell.slot.reason))}
      ${styleProperties({'--order': dayIndex * 10000 + cell.rowIndex + 1})}
    >
      <span class="slot__time">${range}</span
      ><span class="visually-hidden"
        >${zoneHint}, ${formatDate(model.dates[dayIndex], locale, 'long')}${secondaryZone ? ',' : ''}</span
      >
      ${
        secondaryZone
          ? html`<span class="slot__secondary"
              >${formatTimeRange(cell.start, cell.end, {locale, timeZone: secondaryZone, hourCycle, zoneName: true})}<span
                class="visually-hidden"
              >
                ${this.secondaryLabel ?? msg('in the second zone')}</span
              ></span
            >`
          : nothing
      }
      ${
        available
          ? cell.slot.remaining !== undefined
            ? html`<span class="slot__meta"
                ><span class="visually-hidden">, </span
                >${cell.slot.remaining === 1 ? msg('1 left') : msg(str`${cell.slot.remaining} left`)}</span
              >`
            : nothing
          : html`<span class="slot__reason"
              ><span class="visually-hidden">, </span>${rule ?? reasonShort(cell.slot.reason)}</span
            >`
      }
    </div>`;
  }

  #renderGrid(model: GridModel) {
    const locale = this.#locale;
    const today = this.#now.toZonedDateTimeISO(model.timeZone).toPlainDate();
    // tabindex -1: the grid scrolls sideways in a narrow host, and Firefox puts a scrolling box in the tab order even
    // with focusable slots inside (an extra stop before the slots); the grid keeps its one tab stop, on a slot.
    return html`<div
      role="grid"
      part="grid"
      class=${classMap({grid: true, 'grid--loading': this.loading})}
      tabindex="-1"
      aria-label=${this.label ?? msg('Available times')}
      aria-describedby="range zone"
      aria-busy=${this.loading ? 'true' : 'false'}
      ${styleProperties({'--days': model.dates.length})}
      @keydown=${this.handleGridKeydown}
      @click=${this.handleGridClick}
      @focusin=${this.handleGridFocusIn}
    >
      <div role="row" class="row row--head">
        <div role="columnheader" class="corner"><span class="visually-hidden">${msg('Time')}</span></div>
        ${model.dates.map((date, i) => {
          const count = model.availableCounts[i];
          return html`<div
            role="columnheader"
            part="day"
            class=${classMap({day: true, 'day--today': date.equals(today)})}
            aria-current=${date.equals(today) ? 'date' : nothing}
            ${styleProperties({'--order': i * 10000})}
          >
            <span part="day-heading" class="day__date">${formatDate(date, locale)}</span>
            <span part="day-count" class="day__count"
              >${this.loading ? msg('Loading…') : count === 1 ? msg('1 available') : msg(str`${count} available`)}</span
            >
          </div>`;
        })}
      </div>
      ${
        this.loading
          ? Array.from(
              {length: 6},
              () =>
                html`<div role="row" class="row">
                  <div role="rowheader" class="time">
                    <span class="skeleton"></span><span class="visually-hidden">${msg('Loading')}</span>
                  </div>
                  ${model.dates.map((_, i) => html`<div role="gridcell" class="cell" ${styleProperties({'--order': i * 10000 + 1})}><span class="skeleton"></span></div>`)}
                </div>`,
            )
          : model.rows.map((row) => {
              const present = row.cells.filter((c): c is GridCell => c !== undefined);
              const first = present.find((c) => c.ambiguous) ?? present[0];
              // Name the zone only when it tells rows apart and every cell of the row shares it: after a fall-back
              // day, the days that follow sit in the first row with the later offset.
              const zones = new Set(present.map((c) => zoneShortName(c.start, model.timeZone, locale)));
              const zoneName = row.ambiguous && zones.size === 1;
              return html`<div role="row" class="row">
                <div role="rowheader" part="time" class="time">
                  ${formatTime(first.start, {locale, timeZone: model.timeZone, hourCycle: this.hourCycle, zoneName})}
                </div>
                ${row.cells.map((cell, dayIndex) => this.#renderCell(cell, model, dayIndex))}
              </div>`;
            })
      }
    </div>`;
  }

  override render() {
    const model = this.#model!;
    const locale = this.#locale;
    const problems = this.#problems;
    const hasCells = model.cells.length > 0;
    const empty = !this.loading && !this.error && !hasCells;
    return html`
      <div class="toolbar" part="toolbar">
        <button
          part="nav-button"
          class="nav"
          type="button"
          aria-label=${msg('Previous days')}
          @click=${() => this.handleNavClick(-1)}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <span class="range" id="range">${formatDateRange(model.dates[0], model.dates.at(-1)!, locale)}</span>
        <button
          part="nav-button"
          class="nav"
          type="button"
          aria-label=${msg('Next days')}
          @click=${() => this.handleNavClick(1)}
        >
          <span aria-hidden="true">›</span>
        </button>
        <span class="zone" id="zone"
          >${
            this.#secondaryZone
              ? this.secondaryLabel
                ? msg(
                    str`Times in ${zoneLongName(model.timeZone, locale, this.#now)} · ${this.secondaryLabel}: ${zoneLongName(this.#secondaryZone, locale, this.#now)}`,
                  )
                : msg(
                    str`Times in ${zoneLongName(model.timeZone, locale, this.#now)} · second zone: ${zoneLongName(this.#secondaryZone, locale, this.#now)}`,
                  )
              : msg(str`Times in ${zoneLongName(model.timeZone, locale, this.#now)}`)
          }</span
        >
      </div>
      ${problems.map((p) => html`<div class="message message--error" part="message" role="alert">${p}</div>`)}
      ${
        this.error
          ? html`<div class="message message--error" part="message" role="alert">
              <span title=${this.error}>${this.error}</span>
              <button type="button" class="action" @click=${this.handleRetry}>${msg('Try again')}</button>
            </div>`
          : nothing
      }
      ${
        empty
          ? html`<div class="message" part="message">
              <span
                >${this.#days === 7 ? msg('No times available this week.') : msg('No times available on these days.')}</span
              >
              <button type="button" class="action" @click=${() => this.handleNavClick(1)}>
                ${this.#days === 7 ? msg('Next week') : msg('Next days')}
              </button>
            </div>`
          : this.error && !hasCells
            ? nothing
            : this.#renderGrid(model)
      }
      <div hidden>
        ${REASONS.map(
          (reason) =>
            html`<span id=${`reason-${reason}`}>${reasonLong(reason === 'unknown' ? undefined : reason)}</span>`,
        )}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    `;
  }
}

defineElement('timeslot-grid', TimeslotGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'timeslot-grid': TimeslotGridElement;
  }
}
