/**
 * The grid's week layout as a template over a `GridView` (the element passes its state, cell and band renderers and
 * handlers; lit calls the handlers with the element as `this`). The day layout is a lazy chunk: timeslot-grid-day.ts.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {Temporal} from '../../core/temporal.js';
import type {GridBand, GridCell, GridModel} from './timeslot-grid-model.js';
import {REASON_ICONS, type ReasonKey} from './timeslot-grid-labels.js';
import type {CellLabels, Headings} from './timeslot-grid-text.js';
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

/** The toolbar: previous and next days around the range shown, and the zones. */
export function toolbar(headings: Headings, nav: (days: number) => void) {
  return html`<div class="toolbar" part="toolbar">
    <button part="nav-button" class="nav" type="button" aria-label=${msg('Previous days')} @click=${() => nav(-1)}>
      <span aria-hidden="true">‹</span>
    </button>
    <span class="range" id="range">${headings.range}</span>
    <button part="nav-button" class="nav" type="button" aria-label=${msg('Next days')} @click=${() => nav(1)}>
      <span aria-hidden="true">›</span>
    </button>
    <span class="zone" id="zone">${headings.zones}</span>
  </div>`;
}

function icon(reason: ReasonKey) {
  // prettier-ignore
  return html`<svg part="reason-icon" class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${REASON_ICONS[reason]}></path></svg>`;
}

/** A slot's cell: its range, the time in the second zone and the places left (an unavailable one: its reason's icon). */
export function slotCell(cell: GridCell, labels: CellLabels, selected: boolean, active: boolean): TemplateResult {
  const available = cell.slot.available;
  const state = available ? 'available' : 'unavailable';
  // No white space between the tags: every text node counts (<= 10 nodes a cell, issue 17).
  // prettier-ignore
  return html`<div
    role="gridcell"
    part=${`slot slot-${state}${selected ? ' slot-selected' : ''}`}
    class=${`cell slot slot--${state}${selected ? ' slot--selected' : ''}`}
    data-key=${cell.key}
    data-day=${cell.dayIndex}
    tabindex=${active ? 0 : -1}
    aria-selected=${selected ? 'true' : 'false'}
    aria-disabled=${available ? nothing : 'true'}
    aria-label=${labels.name}
    aria-describedby=${available ? nothing : `reason-${labels.reason}`}
    title=${labels.title ?? nothing}
  >${available ? nothing : icon(labels.reason)}<span class="slot__time">${labels.range}</span>${
    labels.secondary ? html`<span class="slot__secondary">${` ${labels.secondary}`}</span>` : nothing
  }${labels.meta ? html`<span class="slot__meta">${` ${labels.meta}`}</span>` : nothing}</div>`;
}

/** Unavailable slots in a row of a day, merged into one band (its reason's icon and words). */
export function bandCell(band: GridBand, text: string, title: string, reason: ReasonKey, rowSpan: boolean) {
  return html`<div
    role="gridcell"
    part="band slot-unavailable"
    class="cell band"
    data-band=${band.key}
    data-keys=${band.cells.map((c) => c.key).join(' ')}
    aria-disabled="true"
    data-day=${band.dayIndex}
    aria-rowspan=${rowSpan ? band.rowSpan : nothing}
    aria-describedby=${`reason-${reason}`}
    title=${title}
    ${cssVars({'--span': rowSpan ? band.rowSpan : 1})}
  >
    ${icon(reason)}<span class="band__text">${text}</span>
  </div>`;
}
