import {msg, str} from '@lit/localize';
import {css, html, nothing, type CSSResult, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {Temporal} from '../../core/temporal.js';
import {isValidTimeZone} from '../../core/time.js';
import type {Slot} from '../../core/types.js';
import {RangeChangeEvent, type RangeChangeDetail} from '../../events/range-change.js';
import {SlotSelectEvent} from '../../events/slot-select.js';
import {defineElement} from '../../internal/define.js';
import {formatDateRange, type HourCycle} from '../../internal/format.js';
import {KitElement} from '../../internal/kit-element.js';
import {LazyChunk} from '../../internal/lazy-chunk.js';
import {reasonKey, REASONS, reasonWords} from './timeslot-grid-labels.js';
import {availableText, bandCell, slotCell, toolbar, weekGrid, type GridView} from './timeslot-grid-templates.js';
import {GridText, ruleTextChunk, type CellLabels, type Headings} from './timeslot-grid-text.js';
import {
  buildGridModel,
  firstDate,
  keyTarget,
  nearestCell,
  type GridBand,
  type GridCell,
  type GridModel,
} from './timeslot-grid-model.js';
import {cssVars} from './timeslot-grid-vars.js';
import {styles} from './timeslot-grid.styles.js';

/** `week`: a column per day. `day`: one day at a time, picked in a strip of days. `auto`: by the width. */
export type TimeslotGridLayout = 'auto' | 'week' | 'day';

/** Below this width (px) `layout="auto"` always shows one day at a time. */
export const DAY_LAYOUT_BELOW = 560;

/** Room of the time column and gaps beside the day columns, in px (for the auto layout's threshold). */
const TIME_COLUMN = 80;

/** Per position of the week layout: a band starts here, a band covers it, or nothing special. */
type Coverage = (GridBand | true | undefined)[][];

/** The day layout (timeslot-grid-day.ts), downloaded the first time a grid shows one day at a time. */
const dayChunk = new LazyChunk(() => import('./timeslot-grid-day.js'));
let dayStyles: CSSResult | undefined;

/**
 * A week (or any number of days) of time slots in a chosen time zone. Wide containers show a column per day and a
 * row per time of day; narrower ones (`layout="auto"`: below 560px, or where a day column would be narrower than
 * `--ck-timeslot-grid-cell-min-width`; measured with a ResizeObserver, while CSS container queries on an inner
 * wrapper restyle it) one day at a time: a strip of days (with their free slots) and the chosen day's
 * slots as a compact list. Available slots show their time range, the time in the second zone and the places left;
 * an unavailable slot shows its range and an icon for its reason (the reason in its accessible name, description and
 * tooltip), and two or more unavailable slots in a row with one reason fold into one band ("8:00 – 11:00 AM:
 * outside the customer's calling hours"), readable but not a stop for the keyboard. DST-correct: a spring-forward
 * day has no row for the missing hour; on a fall-back day the repeated hour appears twice, each labelled with its
 * zone abbreviation. Times follow the locale's clock (hour cycle and leading zero) everywhere.
 *
 * Loaded on first use, each a chunk of its own: the day layout (when the grid first shows one day at a time; a
 * placeholder of its height holds its place meanwhile) and the words of calling rules (when a slot breaks one; until
 * then it reads with its reason's words). `updateComplete` waits for them. When one cannot be downloaded the element
 * says so ("Something went wrong.", role="alert") with Try again, and everything else keeps working (the week
 * layout stands in for the day layout).
 *
 * Keyboard (WAI-ARIA grid pattern): one tab stop; arrow keys move between slots (left and right mirrored in
 * right-to-left pages; in the day layout they change the day); Home/End to the first/last slot of the row (of the
 * day), Ctrl+Home/End of the grid; PageUp/PageDown move a week (`range-change`) and focus stays in the grid; Enter
 * or Space selects an available slot (`slot-select`). The strip of days is one tab stop with arrow keys too.
 *
 * Works alone or inside `<agent-session>` (zone, locale and clock default to the session's). A host such as
 * `<callback-scheduler>` passes its own `clock` so "today" follows it.
 *
 * @tagname timeslot-grid
 * @summary Days x time slots in a zone; pick one with mouse or keyboard.
 *
 * @event {SlotSelectEvent} slot-select - The agent picked an available slot. `detail: {slot, start, zonedStart}`.
 * @event {RangeChangeEvent} range-change - The agent moved to other days (PageUp/PageDown, week buttons) or asked to retry after an error: load slots for `detail: {startDate, endDate, from, to, timeZone}`.
 *
 * @csspart toolbar - The bar with the week buttons, the range and the zone.
 * @csspart nav-button - The previous/next week buttons.
 * @csspart scroller - The box around the slots that scrolls when `--ck-grid-max-height` caps it.
 * @csspart grid - The grid of days and times.
 * @csspart day - A day's column heading cell (week layout).
 * @csspart day-heading - The date in a day's heading.
 * @csspart day-count - The number of available slots in a day's heading or day button.
 * @csspart day-strip - The strip of day buttons (day layout).
 * @csspart day-tab - A day button of the strip; `day-tab-selected` on the chosen one.
 * @csspart time - A row heading (time of day).
 * @csspart slot - Every slot cell.
 * @csspart slot-available - An available slot.
 * @csspart slot-unavailable - An unavailable slot.
 * @csspart slot-selected - The selected slot.
 * @csspart band - A run of unavailable slots with one reason, shown as one band (also `slot-unavailable`; `data-keys` lists its slots' keys).
 * @csspart reason-icon - The icon of an unavailable slot's or band's reason.
 * @csspart message - The empty and error messages.
 *
 * @cssproperty --ck-timeslot-grid-available-background - Available slot background (default `--ck-color-available-surface`).
 * @cssproperty --ck-timeslot-grid-available-color - Available slot text colour (default `--ck-color-available`).
 * @cssproperty --ck-timeslot-grid-unavailable-background - Unavailable slot background (default `--ck-color-unavailable-surface`).
 * @cssproperty --ck-timeslot-grid-unavailable-color - Unavailable slot text colour (default `--ck-color-unavailable`).
 * @cssproperty --ck-timeslot-grid-selected-background - Selected slot background (default `--ck-color-selected`).
 * @cssproperty --ck-timeslot-grid-selected-color - Selected slot text colour (default `--ck-color-on-selected`).
 * @cssproperty --ck-timeslot-grid-cell-min-width - Minimum width of a day column in the week layout (default 4.25rem: a 7-day week from 560px); `layout="auto"` shows one day at a time where the week's columns would be narrower (7.5rem: two-line slots, the week from about 920px). A forced week shrinks its columns to fit.
 * @cssproperty --ck-timeslot-grid-gap - Space between cells (default 0.25rem).
 * @cssproperty --ck-timeslot-grid-color - Text colour (default `--ck-color-text`).
 * @cssproperty --ck-timeslot-grid-today-color - Today's date in its column heading (default `--ck-color-accent`).
 * @cssproperty --ck-timeslot-grid-radius - Corner radius of slots and buttons (default `--ck-radius`).
 */
export class TimeslotGridElement extends KitElement {
  static override styles = styles;

  #model?: GridModel;
  #modelInputs: unknown[] = [];
  #coverage: Coverage = [];
  #start?: {inputs: unknown[]; date: Temporal.PlainDate};
  /** Every text, formatted once per slot, band or model and label context. */
  #text = new GridText();
  /** The last template of each cell, reused while nothing it shows changed (lit then touches nothing). */
  #cellTemplates = new Map<string, {labels: CellLabels; flags: string; result: TemplateResult}>();
  /** Where focus should go after the next render: a slot key, or a position to find the nearest slot. */
  #pendingFocus?: {key?: string; dayIndex: number; wall: number};
  #focusDayTab = false;
  #hadFocus = false;
  #lastStatus = '';
  #resize?: ResizeObserver;
  /** A lazy chunk (the day layout, the calling rules' words) failed to load: shown as an error with Try again. */
  #loadFailed = false;

  /** Key (epoch ms) of the cell holding the single tab stop. */
  @state() private activeKey?: string;

  /** Polite announcement (new week loaded...). */
  @state() private status = '';

  /** The layout `layout="auto"` picked from the measured width. */
  @state() private measuredLayout: 'week' | 'day' = 'week';

  /** The day shown in the day layout (index into the days shown); undefined: the selected slot's, else the first with free slots. */
  @state() private dayIndex?: number;

  /** The slots to show (the `Slot` type of `callback-kit/core`): instants, availability, capacity, reason. */
  @property({attribute: false}) slots: Slot[] = [];

  /** Display zone (IANA). Defaults to the agent's zone, then the browser's. Changing it relabels at once. */
  @property({attribute: 'time-zone', reflect: true}) timeZone?: string;

  /** A second zone (e.g. the customer's): each slot also shows its start time there. */
  @property({attribute: 'secondary-time-zone', reflect: true}) secondaryTimeZone?: string;

  /** How the second zone is named to screen readers and in the toolbar, e.g. "customer's time". */
  @property({attribute: 'secondary-label'}) secondaryLabel?: string;

  /** `h12` or `h23`; defaults to the locale's. */
  @property({attribute: 'hour-cycle', reflect: true}) hourCycle?: HourCycle;

  /** The selected slot's start (ISO instant). Set by the agent's choice or by the host. */
  @property({reflect: true}) value?: string;

  /** First day shown (`YYYY-MM-DD`, in `timeZone`). Defaults to today, or the first slot's day when today has none. */
  @property({attribute: 'start-date', reflect: true}) startDate?: string;

  /** Number of days shown (and moved by PageUp/PageDown). */
  @property({type: Number, reflect: true}) days = 7;

  /**
   * `auto` (default): the week when the element is at least 560px wide and every day column gets
   * `--ck-timeslot-grid-cell-min-width`, else one day at a time (measured with a ResizeObserver).
   * `week` or `day` force one.
   */
  @property({reflect: true}) layout: TimeslotGridLayout = 'auto';

  /** Shows a skeleton and sets `aria-busy` while the host loads slots. */
  @property({type: Boolean, reflect: true}) loading = false;

  /** An error message to show (with a Retry button that fires `range-change` again). */
  @property() error?: string;

  /** Accessible name of the grid. */
  @property() label?: string;

  /** Downloads a lazy chunk (not after a failure, until Try again), and renders again when it is there or failed. */
  #load(chunk: LazyChunk<unknown>): void {
    if (this.#loadFailed) return;
    void this.loadChunk(chunk, (error) => {
      this.#loadFailed = true;
      console.error('<timeslot-grid>: a part of the grid could not be loaded.', error);
    });
  }

  private handleLoadRetry(): void {
    this.#loadFailed = false;
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(([entry]) => {
      const width = entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
      const layout = this.#layoutFor(width);
      // In the next frame: switching now would resize the element inside this very observation (a loop error).
      if (width > 0 && layout !== this.measuredLayout) requestAnimationFrame(() => (this.measuredLayout = layout));
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  /**
   * The auto layout for a width: the week when every day column gets `--ck-timeslot-grid-cell-min-width` (default
   * 4.25rem) and the element is at least 560px wide; otherwise one day at a time. With the default a 7-day week
   * shows from 560px; 7.5rem keeps each slot to two lines and the week from about 920px.
   */
  #layoutFor(width: number): 'week' | 'day' {
    const token = getComputedStyle(this).getPropertyValue('--ck-timeslot-grid-cell-min-width').trim();
    const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const value = parseFloat(token);
    const cell = !Number.isFinite(value)
      ? 4.25 * root
      : token.endsWith('rem')
        ? value * root
        : token.endsWith('em')
          ? value * (parseFloat(getComputedStyle(this).fontSize) || root)
          : value;
    return width < Math.max(DAY_LAYOUT_BELOW, this.#days * cell + TIME_COLUMN) ? 'day' : 'week';
  }

  get #zone(): string {
    const wanted = this.timeZone ?? this.resolvedAgent?.timeZone;
    return wanted && isValidTimeZone(wanted) ? wanted : this.agentTimeZone;
  }

  get #secondaryZone(): string | undefined {
    return this.secondaryTimeZone && isValidTimeZone(this.secondaryTimeZone) ? this.secondaryTimeZone : undefined;
  }

  get #now(): Temporal.Instant {
    return this.resolvedClock.now();
  }

  get #days(): number {
    return Number.isInteger(this.days) && this.days > 0 && this.days <= 31 ? this.days : 7;
  }

  get #layout(): 'week' | 'day' {
    const layout = this.layout === 'week' || this.layout === 'day' ? this.layout : this.measuredLayout;
    // The day layout could not be downloaded: the week (it shrinks its columns to fit) until Try again.
    return layout === 'day' && !dayChunk.module && this.#loadFailed ? 'week' : layout;
  }

  /** The first date shown (remembered until the slots, zone, start date, days or today change). */
  #firstDate(zone: string): Temporal.PlainDate {
    const today = this.#now.toZonedDateTimeISO(zone).toPlainDate();
    const inputs = [this.slots, zone, this.startDate, this.#days, today.toString()];
    if (this.#start && inputs.every((v, i) => v === this.#start!.inputs[i])) return this.#start.date;
    const date = firstDate(this.slots ?? [], zone, this.startDate, this.#days, today);
    this.#start = {inputs, date};
    return date;
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

  /** The selected slot's key when that slot is unavailable (it then stays a cell of its own, out of any band). */
  #keepKey(): string | undefined {
    if (!this.value) return undefined;
    const ms = Date.parse(this.value);
    const slot = this.slots?.find((s) => s.start === this.value) ?? this.slots?.find((s) => Date.parse(s.start) === ms);
    return slot && !slot.available && Number.isFinite(ms) ? String(ms) : undefined;
  }

  /** The model, rebuilt only when what it shows changed (not on a selection or focus change). */
  #buildModel(): GridModel {
    const zone = this.#zone;
    const start = this.#firstDate(zone);
    const inputs = [this.slots, zone, start.toString(), this.#days, this.#keepKey()];
    if (this.#model && inputs.every((v, i) => v === this.#modelInputs[i])) return this.#model;
    this.#modelInputs = inputs;
    const model = buildGridModel(this.slots ?? [], zone, start, this.#days, {keep: inputs[4] as string | undefined});
    this.#coverage = model.rows.map(() => new Array(model.dates.length).fill(undefined));
    for (const band of model.bands) {
      this.#coverage[band.rowIndex][band.dayIndex] = band;
      for (let r = 1; r < band.rowSpan; r++) this.#coverage[band.rowIndex + r][band.dayIndex] = true;
    }
    this.#cellTemplates.clear();
    return model;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#hadFocus = this.#hasFocus();
    if (!this.hasUpdated && this.layout === 'auto') {
      const width = this.getBoundingClientRect().width;
      if (width > 0) this.measuredLayout = this.#layoutFor(width);
    }
    const previous = this.#model;
    const model = (this.#model = this.#buildModel());
    if (this.#layout === 'day') {
      const dayModule = dayChunk.module;
      if (!dayModule) this.#load(dayChunk);
      else {
        // The day layout's rules, once per shadow root, after the element's own.
        const root = this.renderRoot as ShadowRoot;
        const sheet = (dayStyles ??= dayModule.dayStyles(css)).styleSheet;
        if (sheet && !root.adoptedStyleSheets.includes(sheet))
          root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
    }
    if (!ruleTextChunk.module && model.cells.some((c) => c.slot.rule)) this.#load(ruleTextChunk);
    const focusable = (key: string | undefined) => !!key && !!model.byKey.get(key) && !model.byKey.get(key)!.band;
    if (this.activeKey && !focusable(this.activeKey)) {
      // The focused slot is gone (slots replaced): keep the agent where they were, on the nearest slot.
      const old = previous?.byKey.get(this.activeKey);
      const target =
        this.#pendingFocus ?? (old ? {dayIndex: old.dayIndex, wall: previous!.rows[old.rowIndex].wall} : undefined);
      const next = target ? nearestCell(model, target) : undefined;
      if (next && this.#hadFocus) this.#pendingFocus = {key: next.key, dayIndex: next.dayIndex, wall: 0};
      this.activeKey = next?.key;
    } else if (this.#pendingFocus && !this.#pendingFocus.key && changed.has('slots')) {
      const next = nearestCell(model, this.#pendingFocus);
      this.#pendingFocus = next ? {key: next.key, dayIndex: next.dayIndex, wall: 0} : this.#pendingFocus;
      this.activeKey = next?.key ?? this.activeKey;
    }
    if (!focusable(this.activeKey)) {
      const selected = this.#selectedKey(model);
      this.activeKey = focusable(selected)
        ? selected
        : (model.focusable.find((c) => c.slot.available)?.key ?? model.focusable[0]?.key);
    }
    if (this.#layout === 'day') {
      // The tab stop is on the day shown.
      const day = this.#day(model);
      const active = this.activeKey ? model.byKey.get(this.activeKey) : undefined;
      if (active && active.dayIndex !== day) {
        const inDay = model.focusable.filter((c) => c.dayIndex === day);
        const selected = this.#selectedKey(model);
        this.activeKey = (
          inDay.find((c) => c.key === selected) ??
          inDay.find((c) => c.slot.available) ??
          inDay[0] ??
          active
        ).key;
      }
    }
    if (changed.has('slots') && previous && !this.loading) {
      const available = model.cells.filter((c) => c.slot.available).length;
      const range = formatDateRange(model.dates[0], model.dates.at(-1)!, this.resolvedLocale);
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
    if (this.#focusDayTab) {
      this.#focusDayTab = false;
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    }
    // The focused node went away (a new week, loading, an error): focus never falls to <body>.
    if (this.#hadFocus && !this.#hasFocus()) {
      const root = this.renderRoot;
      const fallback =
        root.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]') ??
        root.querySelector<HTMLElement>('[role="grid"]') ??
        root.querySelector<HTMLElement>('.day-placeholder') ??
        root.querySelector<HTMLElement>('.message button') ??
        root.querySelector<HTMLElement>('[part~="nav-button"]');
      fallback?.focus();
    }
  }

  #hasFocus(): boolean {
    return this.matches(':focus-within');
  }

  /** The day shown in the day layout. */
  #day(model: GridModel): number {
    const last = model.dates.length - 1;
    if (this.dayIndex !== undefined) return Math.max(0, Math.min(last, this.dayIndex));
    const selected = this.#selectedKey(model);
    const cell = selected ? model.byKey.get(selected) : undefined;
    if (cell) return cell.dayIndex;
    const free = model.availableCounts.findIndex((n) => n > 0);
    return free >= 0 ? free : 0;
  }

  /** How many rows the day layout shows for the day (its placeholder takes their height while the layout loads). */
  #dayRows(model: GridModel): number {
    const day = this.#day(model);
    return model.rows.filter((row) => {
      const cell = row.cells[day];
      return cell && (!cell.band || cell.band.cells[0] === cell);
    }).length;
  }

  #selectedKey(model: GridModel): string | undefined {
    if (!this.value) return undefined;
    const key = String(Date.parse(this.value));
    return model.byKey.has(key) ? key : undefined;
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
    const start = this.#firstDate(this.#zone).add({days: this.#days * weeks});
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
    if (this.#layout === 'day') this.dayIndex = cell.dayIndex;
    this.#pendingFocus = {key: cell.key, dayIndex: cell.dayIndex, wall: 0};
    this.requestUpdate();
  }

  #chooseDay(index: number, focusTab: boolean): void {
    this.dayIndex = index;
    this.#focusDayTab = focusTab;
  }

  private handleGridClick(event: MouseEvent): void {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-key]');
    const cell = target && this.#model?.byKey.get(target.dataset.key!);
    if (!cell || cell.band) return;
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
    switch (event.key) {
      case 'PageDown':
      case 'PageUp':
        event.preventDefault();
        this.#moveRange(event.key === 'PageDown' ? 1 : -1, {
          dayIndex: current.dayIndex,
          wall: model.rows[current.rowIndex].wall,
        });
        return;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.#select(current);
        return;
    }
    const next = keyTarget(model, current, {
      key: event.key,
      ctrl: event.ctrlKey || event.metaKey,
      rtl: getComputedStyle(this).direction === 'rtl',
      dayLayout: this.#layout === 'day',
    });
    if (next === null) return;
    event.preventDefault();
    if (next) this.#focusCell(next);
  }

  private handleRetry(): void {
    if (this.#hasFocus()) this.#pendingFocus = {dayIndex: 0, wall: 0};
    this.dispatchEvent(new RangeChangeEvent(this.#range(this.#firstDate(this.#zone))));
  }

  private handleNavClick(weeks: number, event?: Event): void {
    // From the empty message's button (which goes away with the new slots): focus a slot once they arrive.
    if (event && (event.currentTarget as HTMLElement).closest('.message')) this.#pendingFocus = {dayIndex: 0, wall: 0};
    this.#moveRange(weeks);
  }

  // ---- templates ---------------------------------------------------------------------------------------------------

  #renderCell(cell: GridCell, model: GridModel, selectedKey: string | undefined): TemplateResult {
    const labels = this.#text.cell(cell, model);
    const selected = cell.key === selectedKey;
    const active = cell.key === this.activeKey;
    const flags = `${selected}|${active}|${cell.dayIndex}`;
    const memo = this.#cellTemplates.get(cell.key);
    if (memo && memo.labels === labels && memo.flags === flags) return memo.result;
    const result = slotCell(cell, labels, selected, active);
    this.#cellTemplates.set(cell.key, {labels, flags, result});
    return result;
  }

  #renderBand(band: GridBand, model: GridModel, rowSpan: boolean) {
    const reason = reasonKey(band.cells[0].slot.reason);
    const title = this.#text.ruleText(band.cells[0].slot, band.start) ?? reasonWords(reason)[1];
    return bandCell(band, this.#text.band(band, model), title, reason, rowSpan);
  }

  /** What the week and day templates (timeslot-grid-templates.ts) need from the element. */
  #view(model: GridModel, headings: Headings): GridView {
    const selectedKey = this.#selectedKey(model);
    return {
      lit: {html, nothing, cssVars},
      words: {days: msg('Days'), noTimes: msg('No times on this day.'), available: availableText},
      model,
      headings,
      today: this.#now.toZonedDateTimeISO(model.timeZone).toPlainDate(),
      loading: this.loading,
      label: this.label ?? msg('Available times'),
      day: this.#day(model),
      coverage: this.#coverage,
      cell: (cell) => this.#renderCell(cell, model, selectedKey),
      band: (band, rowSpan) => this.#renderBand(band, model, rowSpan),
      chooseDay: (index, focusTab) => this.#chooseDay(index, focusTab),
      rtl: () => getComputedStyle(this).direction === 'rtl',
      onGridKeydown: this.handleGridKeydown,
      onGridClick: this.handleGridClick,
      onGridFocusIn: this.handleGridFocusIn,
    };
  }

  override render() {
    const model = this.#model!;
    const changed = this.#text.use(model.timeZone, {
      locale: this.resolvedLocale,
      hourCycle: this.hourCycle,
      secondaryZone: this.#secondaryZone,
      secondaryLabel: this.secondaryLabel,
      now: this.#now,
    });
    if (changed) this.#cellTemplates.clear();
    const headings = this.#text.headings(model);
    const problems = this.#problems;
    const hasCells = model.cells.length > 0;
    const empty = !this.loading && !this.error && !hasCells;
    const layout = this.#layout;
    return html`<div class=${`wrapper wrapper--${layout}`}>
      ${toolbar(headings, (weeks) => this.handleNavClick(weeks))}
      ${problems.map((p) => html`<div class="message message--error" part="message" role="alert">${p}</div>`)}
      ${
        this.#loadFailed
          ? html`<div class="message message--error" part="message" role="alert">
              <span>${msg('Something went wrong.')}</span>
              <button type="button" class="action" @click=${this.handleLoadRetry}>${msg('Try again')}</button>
            </div>`
          : nothing
      }
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
              <button type="button" class="action" @click=${(e: Event) => this.handleNavClick(1, e)}>
                ${this.#days === 7 ? msg('Next week') : msg('Next days')}
              </button>
            </div>`
          : this.error && !hasCells
            ? nothing
            : html`<div class="scroller" part="scroller" tabindex="-1">
                ${
                  layout === 'week'
                    ? weekGrid(this.#view(model, headings))
                    : dayChunk.module
                      ? dayChunk.module.dayView(this.#view(model, headings))
                      : html`<div
                          class="skeleton day-placeholder"
                          tabindex="-1"
                          ${cssVars({'--rows': this.#dayRows(model)})}
                        ></div>`
                }
              </div>`
      }
      <div hidden>
        ${REASONS.map((reason) => html`<span id=${`reason-${reason}`}>${reasonWords(reason)[1]}</span>`)}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
    </div>`;
  }
}

defineElement('timeslot-grid', TimeslotGridElement);

declare global {
  interface HTMLElementTagNameMap {
    'timeslot-grid': TimeslotGridElement;
  }
}
