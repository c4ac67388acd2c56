/**
 * The grid's two layouts as templates over a `GridView` (the element passes its state, cell and band renderers and
 * handlers; lit calls the handlers with the element as `this`).
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {Temporal} from '../../core/temporal.js';
import type {GridBand, GridCell, GridModel} from './timeslot-grid-model.js';
import type {Headings} from './timeslot-grid-text.js';
import {cssVars} from './timeslot-grid-vars.js';

export interface GridView {
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
  chooseDay: (index: number) => void;
  onGridKeydown: (event: KeyboardEvent) => void;
  onGridClick: (event: MouseEvent) => void;
  onGridFocusIn: (event: FocusEvent) => void;
  onStripKeydown: (event: KeyboardEvent) => void;
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
          <span part="day-count" class="day__count"
            >${v.loading ? msg('Loading…') : count === 1 ? msg('1 available') : msg(str`${count} available`)}</span
          >
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

/** One day at a time: the strip of days (a tablist) and the chosen day's slots and bands as a list. */
export function dayView(v: GridView) {
  const {model, headings, today, label, day} = v;
  const items: (GridCell | GridBand)[] = [];
  for (const row of model.rows) {
    const cell = row.cells[day];
    if (!cell) continue;
    if (!cell.band) items.push(cell);
    else if (cell.band.cells[0] === cell) items.push(cell.band);
  }
  return html`<div
      role="tablist"
      part="day-strip"
      class="days"
      aria-label=${msg('Days')}
      ${cssVars({'--days': model.dates.length})}
      @keydown=${v.onStripKeydown}
    >
      ${model.dates.map((date, i) => {
        const count = model.availableCounts[i];
        const [, , weekday, number] = headings.days[i];
        const countText = count === 1 ? msg('1 available') : msg(str`${count} available`);
        return html`<button
          type="button"
          role="tab"
          id=${`day-tab-${i}`}
          part=${i === day ? 'day-tab day-tab-selected' : 'day-tab'}
          class=${date.equals(today) ? 'days__tab days__tab--today' : 'days__tab'}
          aria-selected=${i === day ? 'true' : 'false'}
          aria-controls="day-panel"
          aria-label=${v.loading ? `${weekday} ${number}` : `${weekday} ${number}, ${countText}`}
          aria-current=${date.equals(today) ? 'date' : nothing}
          tabindex=${i === day ? 0 : -1}
          @click=${() => v.chooseDay(i)}
        >
          <span class="days__weekday">${weekday}</span><span class="days__number">${` ${number}`}</span
          ><span part="day-count" class="days__count">${v.loading ? ' …' : ` ${count}`}</span>
        </button>`;
      })}
    </div>
    <div
      role="grid"
      part="grid"
      id="day-panel"
      class=${`grid grid--day${v.loading ? ' grid--loading' : ''}`}
      tabindex="-1"
      aria-label=${`${label}, ${headings.days[day][1]}`}
      aria-describedby="range zone"
      aria-busy=${v.loading ? 'true' : 'false'}
      @keydown=${v.onGridKeydown}
      @click=${v.onGridClick}
      @focusin=${v.onGridFocusIn}
    >
      ${
        v.loading
          ? Array.from(
              {length: 4},
              () =>
                html`<div role="row" class="row">
                  <div role="gridcell" class="cell"><span class="skeleton"></span></div>
                </div>`,
            )
          : items.length
            ? items.map(
                (item) =>
                  html`<div role="row" class="row">${'cells' in item ? v.band(item, false) : v.cell(item)}</div>`,
              )
            : html`<div role="row" class="row">
                <div role="gridcell" class="cell day-empty">${msg('No times on this day.')}</div>
              </div>`
      }
    </div>`;
}
