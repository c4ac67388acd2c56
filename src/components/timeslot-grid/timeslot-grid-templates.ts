/**
 * The grid's week layout as a template over a `GridView` (the element passes its state, cell and band renderers and
 * handlers; lit calls the handlers with the element as `this`). The day layout is a lazy chunk: timeslot-grid-day.ts.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {Temporal} from '../../core/temporal.js';
import type {GridBand, GridCell, GridModel} from './timeslot-grid-model.js';
import type {Headings} from './timeslot-grid-text.js';
import {cssVars} from './timeslot-grid-vars.js';

/** Lit's parts the lazy day layout uses (it imports none itself: timeslot-grid-day.ts). */
export interface GridLit {
  html: typeof html;
  nothing: typeof nothing;
  cssVars: typeof cssVars;
}

/** "1 available", "5 available". */
export const availableText = (count: number): string =>
  count === 1 ? msg('1 available') : msg(str`${count} available`);

export interface GridView {
  lit: GridLit;
  /** Words of the day layout. */
  words: {days: string; noTimes: string; available: (count: number) => string};
  model: GridModel;
  headings: Headings;
  today: Temporal.PlainDate;
  loading: boolean;
  /** The grid's accessible name. */
  label: string;
  /** The day shown in the day layout. */
  day: number;
  /** Per row and day: the band that starts there, `true` where a band covers it. */
  coverage: (GridBand | true | undefined)[][];
  cell: (cell: GridCell) => TemplateResult;
  band: (band: GridBand, rowSpan: boolean) => TemplateResult;
  /** Shows another day (the day layout); `focusTab`: then focus its button in the strip. */
  chooseDay: (index: number, focusTab: boolean) => void;
  /** Whether the element is laid out right to left (arrow keys mirror). */
  rtl: () => boolean;
  onGridKeydown: (event: KeyboardEvent) => void;
  onGridClick: (event: MouseEvent) => void;
  onGridFocusIn: (event: FocusEvent) => void;
}

/** The week: a column per day, a row per time of day; bands span their rows. */
export function weekGrid(v: GridView) {
  const {model, headings, today, label} = v;
  const days = model.dates.length;
  return html`<div
    role="grid"
    part="grid"
    class=${`grid grid--week${v.loading ? ' grid--loading' : ''}`}
    tabindex="-1"
    aria-label=${label}
    aria-describedby="range zone"
    aria-busy=${v.loading ? 'true' : 'false'}
    ${cssVars({'--days': days})}
    @keydown=${v.onGridKeydown}
    @click=${v.onGridClick}
    @focusin=${v.onGridFocusIn}
  >
    <div role="row" class="row row--head">
      <div role="columnheader" class="corner"><span class="visually-hidden">${msg('Time')}</span></div>
      ${model.dates.map((date, i) => {
        const count = model.availableCounts[i];
        const isToday = date.equals(today);
        return html`<div
          role="columnheader"
          part="day"
          class=${isToday ? 'day day--today' : 'day'}
          aria-current=${isToday ? 'date' : nothing}
        >
          <span part="day-heading" class="day__date">${headings.days[i][0]}</span>
          <span part="day-count" class="day__count">${v.loading ? msg('Loading…') : availableText(count)}</span>
        </div>`;
      })}
    </div>
    ${
      v.loading
        ? Array.from(
            {length: 6},
            () =>
              html`<div role="row" class="row">
                <div role="rowheader" class="time">
                  <span class="skeleton"></span><span class="visually-hidden">${msg('Loading')}</span>
                </div>
                ${model.dates.map(() => html`<div role="gridcell" class="cell"><span class="skeleton"></span></div>`)}
              </div>`,
          )
        : model.rows.map(
            (row, r) =>
              html`<div role="row" class="row">
                <div role="rowheader" part="time" class="time">${headings.rows[r]}</div>
                ${row.cells.map((cell, d) => {
                  const covered = v.coverage[r][d];
                  if (covered === true) return nothing;
                  if (covered) return v.band(covered, true);
                  return cell ? v.cell(cell) : html`<div role="gridcell" class="cell cell--empty"></div>`;
                })}
              </div>`,
          )
    }
  </div>`;
}
