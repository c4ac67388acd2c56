/**
 * The day layout (a strip of days, then the chosen day's slots and bands as a list): a chunk of its own, loaded the
 * first time a grid shows one day at a time (narrower than 560px, or `layout="day"`), so a grid shown as a week
 * never downloads it. Its styles come with it (adopted into the element's shadow root when it loads).
 *
 * A leaf: it imports types only and gets lit's tags and its words from the element (`GridView`), so a bundler
 * needs no chunk shared between the element and this one (each extra eager file costs its own gzip overhead).
 */
import type {css as litCss} from 'lit';
import type {GridBand, GridCell} from './timeslot-grid-model.js';
import type {GridView} from './timeslot-grid-templates.js';

/** The strip's keys: arrows (mirrored in right-to-left) to the day before or after, Home/End to the first/last. */
function stripKeydown(v: GridView, event: KeyboardEvent): void {
  const {day} = v;
  const rtl = v.rtl() ? -1 : 1;
  const last = v.model.dates.length - 1;
  const next = {ArrowRight: day + rtl, ArrowLeft: day - rtl, Home: 0, End: last}[event.key];
  if (next === undefined) return;
  event.preventDefault();
  v.chooseDay(Math.max(0, Math.min(last, next)), true);
}

/** One day at a time: the strip of days (a tablist) and the chosen day's slots and bands as a list. */
export function dayView(v: GridView) {
  const {model, headings, today, label, day, words} = v;
  const {html, nothing, cssVars} = v.lit;
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
      aria-label=${words.days}
      ${cssVars({'--days': model.dates.length})}
      @keydown=${(event: KeyboardEvent) => stripKeydown(v, event)}
    >
      ${model.dates.map((date, i) => {
        const count = model.availableCounts[i];
        const [, , weekday, number] = headings.days[i];
        const countText = words.available(count);
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
          @click=${() => v.chooseDay(i, false)}
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
                <div role="gridcell" class="cell day-empty">${words.noTimes}</div>
              </div>`
      }
    </div>`;
}

/** The day layout's rules, after the element's own (`css` is lit's tag). */
export const dayStyles = (css: typeof litCss) => css`
  .grid--day {
    display: flex;
    flex-direction: column;
  }

  .days {
    display: grid;
    grid-template-columns: repeat(var(--days), minmax(2.25rem, 1fr));
    gap: var(--_gap);
    overflow-x: auto;
    margin-block-end: var(--_ck-space-2);
    padding: 3px;
  }

  .days__tab {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0;
    padding: 0.25rem 0.125rem;
    line-height: 1.2;
    min-inline-size: 0;
  }

  .days__weekday {
    font-size: 0.75em;
    color: var(--_muted);
  }

  .days__number {
    font-weight: 600;
    font-size: 1.1em;
  }

  .days__count {
    font-size: 0.72em;
    min-inline-size: 1.4em;
    padding-inline: 0.3em;
    border-radius: 999px;
    background: var(--_available-bg);
    color: var(--_available-fg);
  }

  .days__tab--today .days__number {
    color: var(--_today);
  }

  .days__tab[aria-selected='true'] {
    background: var(--_selected-bg);
    border-color: var(--_selected-bg);
    color: var(--_selected-fg);
  }

  .days__tab[aria-selected='true'] .days__weekday,
  .days__tab[aria-selected='true'] .days__number {
    color: inherit;
  }

  .grid--day .slot {
    min-block-size: 2.25rem;
    padding-inline: 0.75rem;
  }

  .day-empty {
    padding: var(--_ck-space-3);
    color: var(--_muted);
    text-align: center;
  }

  @media (forced-colors: active) {
    .days__tab[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
