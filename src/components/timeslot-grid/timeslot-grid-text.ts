/**
 * Every text of the grid, formatted once per slot (or band, or model) and label context (zones, locale, hour cycle,
 * second zone's label, UI language): a selection change or a focus move formats nothing (issue 17).
 */
import {msg, str} from '@lit/localize';
import type {Temporal} from '../../core/temporal.js';
import type {Slot} from '../../core/types.js';
import {
  dateTimeFormat,
  formatDate,
  formatDateRange,
  formatTime,
  formatTimeRange,
  zoneLongName,
  zoneShortName,
  type HourCycle,
} from '../../internal/format.js';
import {LazyChunk} from '../../internal/lazy-chunk.js';
import {kitLocale} from '../../internal/localization.js';
import {bandText, reasonKey, reasonWords, type ReasonKey} from './timeslot-grid-labels.js';
import type {GridBand, GridCell, GridModel} from './timeslot-grid-model.js';

/** A cell's words. */
export interface CellLabels {
  slot: Slot;
  range: string;
  secondary?: string;
  meta?: string;
  /** The accessible name: the visible text first, in its order, the context in parentheses. */
  name: string;
  title?: string;
  reason: ReasonKey;
}

/** The texts around the slots. */
export interface Headings {
  model: GridModel;
  /** Row headings ("8:00 AM"). */
  rows: string[];
  /** Per day: short date, long date, weekday, day of the month. */
  days: string[][];
  /** "Nov 23 – 29, 2026". */
  range: string;
  /** "Times in Eastern Time · customer's time: Pacific Time". */
  zones: string;
}

export interface TextOptions {
  locale?: string;
  hourCycle?: HourCycle;
  secondaryZone?: string;
  secondaryLabel?: string;
  /** For the zones' names. */
  now: Temporal.Instant;
}

/**
 * The words of the calling rules (the jurisdictions' names and windows: "Florida: calls 8 AM–8 PM"), a chunk of its
 * own: only slots that break a calling rule need it. Until it is there such a slot reads with its reason's words
 * ("Not allowed by law"); a failed load can be tried again.
 */
export const ruleTextChunk = new LazyChunk(() => import('../../internal/calling-rule-text.js'));

export class GridText {
  #context = '';
  #options: TextOptions = {now: undefined as unknown as Temporal.Instant};
  #cells = new Map<string, CellLabels>();
  #bands = new Map<string, string>();
  #headings?: Headings;

  /** Sets the label context; true when it changed (every text is formatted again). */
  use(zone: string, options: TextOptions): boolean {
    this.#options = options;
    const {secondaryZone, locale, hourCycle, secondaryLabel} = options;
    const context = [zone, secondaryZone, locale, hourCycle, secondaryLabel, kitLocale(), !!ruleTextChunk.module].join(
      '|',
    );
    if (context === this.#context) return false;
    this.#context = context;
    this.#cells.clear();
    this.#bands.clear();
    this.#headings = undefined;
    return true;
  }

  /**
   * The calling rule of an unavailable slot, for people, or undefined (no rule, one that cannot be read, or its
   * words not loaded yet: `ruleTextChunk`).
   */
  ruleText(slot: Slot, start: Temporal.Instant): string | undefined {
    const rule = slot.rule;
    const ruleTextModule = ruleTextChunk.module;
    if (!rule || typeof rule.jurisdiction !== 'string' || !ruleTextModule) return undefined;
    try {
      return ruleTextModule.callingRuleText(rule, start, {
        locale: this.#options.locale,
        hourCycle: this.#options.hourCycle,
      });
    } catch {
      return undefined;
    }
  }

  cell(cell: GridCell, model: GridModel): CellLabels {
    const cached = this.#cells.get(cell.key);
    if (cached?.slot === cell.slot) return cached;
    const {locale, hourCycle, secondaryZone: other, secondaryLabel} = this.#options;
    const zone = model.timeZone;
    const {slot, start, end} = cell;
    const range = formatTimeRange(start, end, {locale, timeZone: zone, hourCycle, zoneName: cell.ambiguous});
    const day = formatDate(start.toZonedDateTimeISO(zone).toPlainDate(), locale, 'long');
    const reason = reasonKey(slot.reason);
    const meta =
      !slot.available || slot.remaining === undefined
        ? undefined
        : slot.remaining === 1
          ? msg('1 left')
          : msg(str`${slot.remaining} left`);
    const rule = slot.available ? undefined : this.ruleText(slot, start);
    // The name starts with the visible text, in its order (WCAG 2.5.3, label in name: "click 9:00"); the context
    // the eye gets from the headings and the toolbar goes in parentheses.
    const zoneHint = cell.ambiguous ? '' : `${zoneShortName(start, zone, locale)}, `;
    let name = `${range} (${zoneHint}${day})`;
    let secondary: string | undefined;
    if (other) {
      secondary = formatTime(start, {locale, timeZone: other, hourCycle});
      name += `, ${secondary} (${zoneShortName(start, other, locale)}, ${secondaryLabel ?? msg('in the second zone')})`;
    }
    if (meta) name += `, ${meta}`;
    if (!slot.available) name += `, ${rule ?? reasonWords(reason)[0]}`;
    const title = slot.available ? undefined : (rule ?? reasonWords(reason)[1]);
    const labels: CellLabels = {slot, range, secondary, meta, name, title, reason};
    this.#cells.set(cell.key, labels);
    return labels;
  }

  /** "8:00 – 11:00 AM: outside the customer's calling hours" (or the calling rule the run breaks). */
  band(band: GridBand, model: GridModel): string {
    const key = `${band.key}|${band.cells.length}|${band.cells[0].slot.reason}`;
    let text = this.#bands.get(key);
    if (text === undefined) {
      const {start, end} = band;
      const range = formatTimeRange(start, end, {
        locale: this.#options.locale,
        timeZone: model.timeZone,
        hourCycle: this.#options.hourCycle,
        zoneName: band.cells.some((c) => c.ambiguous),
      });
      const slot = band.cells[0].slot;
      text = bandText(range, this.ruleText(slot, start) ?? reasonWords(reasonKey(slot.reason))[2]);
      this.#bands.set(key, text);
    }
    return text;
  }

  /** Row headings ("8:00 AM"), day headings, the range and the zones. */
  headings(model: GridModel): Headings {
    if (this.#headings?.model === model) return this.#headings;
    const {locale, hourCycle, secondaryZone: other, secondaryLabel, now} = this.#options;
    const rows = model.rows.map((row) => {
      const present = row.cells.filter((c): c is GridCell => c !== undefined);
      const first = present.find((c) => c.ambiguous) ?? present[0];
      // Name the zone only when it tells rows apart and every cell of the row shares it: after a fall-back day,
      // the days that follow sit in the first row with the later offset.
      const zones = new Set(present.map((c) => zoneShortName(c.start, model.timeZone, locale)));
      const zoneName = row.ambiguous && zones.size === 1;
      return formatTime(first.start, {locale, timeZone: model.timeZone, hourCycle, zoneName});
    });
    const weekday = dateTimeFormat(locale, {weekday: 'short', timeZone: 'UTC'});
    const dayNumber = dateTimeFormat(locale, {day: 'numeric', timeZone: 'UTC'});
    const days = model.dates.map((date) => {
      const noon = Date.UTC(date.year, date.month - 1, date.day, 12);
      return [formatDate(date, locale), formatDate(date, locale, 'long'), weekday.format(noon), dayNumber.format(noon)];
    });
    const name = (zone: string) => zoneLongName(zone, locale, now);
    const zones = other
      ? secondaryLabel
        ? msg(str`Times in ${name(model.timeZone)} · ${secondaryLabel}: ${name(other)}`)
        : msg(str`Times in ${name(model.timeZone)} · second zone: ${name(other)}`)
      : msg(str`Times in ${name(model.timeZone)}`);
    const range = formatDateRange(model.dates[0], model.dates.at(-1)!, locale);
    return (this.#headings = {model, rows, days, range, zones});
  }
}
