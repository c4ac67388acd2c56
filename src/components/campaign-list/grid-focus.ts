/**
 * The keyboard, focus and scrolling of `<campaign-list>`'s grid (WAI-ARIA grid pattern): one tab stop on a cell (or
 * the button in it), moved by the arrows (mirrored in right-to-left), Home/End, Ctrl+Home/End and PageUp/PageDown;
 * focus follows once the target row is rendered, also when the rows are virtualized (the virtualizer positions and
 * measures rows a frame or two after rendering them: the focused row is kept in view until it settles).
 */
import type {ReactiveControllerHost} from 'lit';
import type {Campaign} from '../../core/types.js';
import {RovingFocus, type FocusMode, type NavigationKey} from '../../internal/controllers/roving-focus.js';
import {VirtualList, type IndexRange} from '../../internal/virtual-list.js';
import {COLUMN_COUNT, HEADER} from './campaign-list-templates.js';

const LAST_COLUMN = COLUMN_COUNT - 1;

/** A cell of the grid: a row index (HEADER for the header row) and a column. */
export interface Cell {
  row: number;
  col: number;
}

type Host = ReactiveControllerHost & HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};

export class GridFocus {
  readonly #host: Host;
  readonly #options: {view(): Campaign[]};
  /** The grid's single tab stop: a cell (or the button in it); arrows move it, mirrored in right-to-left. */
  readonly roving: RovingFocus<Cell>;
  /** The rows: all of them for a short list; virtualized (the virtualizer loaded on first use) for a long one. */
  readonly rows: VirtualList<Campaign>;

  constructor(host: Host, options: {view(): Campaign[]}) {
    this.#host = host;
    this.#options = options;
    this.roving = new RovingFocus<Cell>(this.#host, {
      element: (cell) => this.target(cell),
      positionOf: (node) => this.positionOf(node),
      move: (cell, key, event) => this.#cellAfter(cell, key, event),
      reveal: (cell) => {
        if (cell.row !== HEADER) this.scrollToRow(cell.row);
      },
      equals: (a, b) => a.row === b.row && a.col === b.col,
      focused: (target, mode) => {
        if (mode === 'scroll' && target.closest('.row--campaign')) this.#reveal(target);
      },
    });
    this.rows = new VirtualList<Campaign>(this.#host, {
      container: () => this.#host.renderRoot.querySelector<HTMLElement>('.rows'),
      rangeChanged: (range) => this.handleRangeChanged(range),
      beforeSwitch: () => this.#keepFocusAcrossSwitch(),
    });
  }

  /** The tab stop's cell. */
  get active(): Cell {
    return this.roving.active ?? {row: 0, col: 0};
  }

  /** Rows moved by PageUp/PageDown: the rows in view, less one (the last known). */
  #pageSize = 10;
  /** A row being scrolled to by the keyboard: the range is not clamped to the view until it arrives. */
  #scrollTarget?: number;
  #scrollAttempts = 0;
  rowsFocused(): boolean {
    const active = (this.#host.renderRoot as ShadowRoot | undefined)?.activeElement;
    return !!active?.closest('.row--campaign');
  }

  #rowElement(row: number): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`.row--campaign[data-index="${row}"]`);
  }

  /** The element holding the tab stop at a cell: the cell, or the single button in it. */
  target({row, col}: Cell): HTMLElement | null {
    const rowElement =
      row === HEADER ? this.#host.renderRoot.querySelector<HTMLElement>('.row--header') : this.#rowElement(row);
    const cell = rowElement?.querySelector<HTMLElement>(`[data-col="${col}"]`);
    return cell?.querySelector<HTMLElement>('[data-widget]') ?? cell ?? null;
  }

  /**
   * The virtualizer positions a row it just rendered a frame or two later, and corrects its estimates of the rows
   * around it as it measures them: keep the focused row inside the scroller until it has stayed there for three
   * frames (at most a dozen frames; none once it is no longer the tab stop or is gone).
   */
  #reveal(target: HTMLElement, frames = 12, stable = 0): void {
    requestAnimationFrame(() => {
      const scroller = this.#host.renderRoot.querySelector<HTMLElement>('.scroller');
      if (!scroller || !target.isConnected || this.target(this.active) !== target) return;
      const box = target.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      let delta = 0;
      if (box.top < view.top) delta = box.top - view.top;
      else if (box.bottom > view.bottom) delta = Math.min(box.bottom - view.bottom, box.top - view.top);
      if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
      const settled = Math.abs(delta) < 1 ? stable + 1 : 0;
      if (settled < 3 && frames > 1) this.#reveal(target, frames - 1, settled);
    });
  }

  /**
   * Scrolls an unrendered row into the middle of the scroller, from the average row height (the virtualizer
   * measures rows as they render); `handleRangeChanged` corrects the estimate until the row is rendered.
   */
  scrollToRow(row: number, attempt = 0): void {
    if (!this.rows.virtualized) {
      // Only the first rows are rendered while the virtualizer loads: scroll once it is there (handleRangeChanged).
      this.#scrollTarget = row;
      this.#scrollAttempts = 0;
      return;
    }
    const scroller = this.#host.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller || !this.#options.view().length) return;
    this.#scrollTarget = row;
    this.#scrollAttempts = attempt;
    const perRow = scroller.scrollHeight / this.#options.view().length;
    scroller.scrollTop = Math.max(0, row * perRow - (scroller.clientHeight - perRow) / 2);
  }

  /** Where an element of the grid is: row index (HEADER for the header) and column. */
  positionOf(element: Element | null): Cell | undefined {
    const cell = element?.closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[role="row"]');
    if (!cell || !row) return undefined;
    return {row: row.dataset.index === undefined ? HEADER : Number(row.dataset.index), col: Number(cell.dataset.col)};
  }

  /** Header cells hidden by the narrow layout are skipped by the arrows. */
  #headerColumnShown(col: number): boolean {
    const cell = this.#host.renderRoot.querySelector<HTMLElement>(`.row--header [data-col="${col}"]`);
    return !!cell && cell.getClientRects().length > 0;
  }

  #stepColumn(row: number, col: number, step: 1 | -1): number {
    for (let c = col + step; c >= 0 && c <= LAST_COLUMN; c += step) {
      if (row !== HEADER || this.#headerColumnShown(c)) return c;
    }
    return col;
  }

  #edgeColumn(row: number, last: boolean): number {
    return this.#stepColumn(row, last ? COLUMN_COUNT : -1, last ? -1 : 1);
  }

  /**
   * The APG grid keys: arrows between cells (the header's sort buttons included; previous/next already mirrored in
   * right-to-left), Home/End to the row's ends, Ctrl+Home/End to the grid's first/last cell, PageUp/PageDown by a page.
   */
  #cellAfter({row, col}: Cell, key: NavigationKey, event: KeyboardEvent): Cell {
    const last = this.#options.view().length - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    switch (key) {
      case 'down':
        return {row: Math.min(row + 1, last), col};
      case 'up': {
        const up = Math.max(row - 1, HEADER);
        return {row: up, col: up === HEADER && !this.#headerColumnShown(col) ? this.#edgeColumn(HEADER, false) : col};
      }
      case 'next':
        return {row, col: this.#stepColumn(row, col, 1)};
      case 'previous':
        return {row, col: this.#stepColumn(row, col, -1)};
      case 'home':
        return ctrl ? {row: HEADER, col: this.#edgeColumn(HEADER, false)} : {row, col: this.#edgeColumn(row, false)};
      case 'end':
        return ctrl ? {row: last, col: LAST_COLUMN} : {row, col: this.#edgeColumn(row, true)};
      case 'page-down':
        return {row: Math.min(Math.max(row, 0) + this.#page(), last), col};
      case 'page-up':
        return {row: row === HEADER ? HEADER : Math.max(row - this.#page(), 0), col};
    }
  }

  /** The rows in view, less one (the virtualizer's count, or measured when every row is rendered). */
  #page(): number {
    const visible = this.rows.visibleRange();
    if (visible && visible.first >= 0 && visible.last >= visible.first) {
      this.#pageSize = Math.max(1, visible.last - visible.first);
    }
    return this.#pageSize;
  }

  /** The rows are rendered anew (the grid switched to virtualization): focus in a row comes back to it. */
  #keepFocusAcrossSwitch(): void {
    const active = this.active;
    if (!this.roving.pending && active.row !== HEADER && this.rowsFocused()) {
      this.roving.focusAfterUpdate(active, 'quiet');
    }
  }

  focusSoon(cell: Cell, mode: FocusMode): void {
    this.roving.focusAfterUpdate(cell, mode);
  }

  handleRangeChanged(range: IndexRange): void {
    const target = this.#scrollTarget;
    const active = this.active;
    if (target !== undefined && (target < range.first || target > range.last) && this.#scrollAttempts < 5) {
      // Not there yet (the estimate was off, or the scroll is still on its way): estimate again.
      queueMicrotask(() => this.scrollToRow(target, this.#scrollAttempts + 1));
    } else if (target !== undefined) {
      this.#scrollTarget = undefined;
    } else if (
      // A row waiting for focus (e.g. after the grid switched to virtualization) is on its way, not scrolled away.
      !this.roving.pending &&
      active.row !== HEADER &&
      range.first >= 0 &&
      this.#options.view().length > 0 &&
      (active.row < range.first || active.row > range.last)
    ) {
      // The tab stop's row is about to be recycled (the agent scrolled away): keep a tab stop in what is
      // rendered, and keep focus in the grid if it was there. This listener runs before the virtualizer re-renders.
      const cell = {row: Math.min(Math.max(active.row, range.first), range.last), col: active.col};
      if (this.rowsFocused()) this.focusSoon(cell, 'quiet');
      else this.roving.active = cell;
      this.#host.requestUpdate();
    }
    queueMicrotask(() => this.roving.retry());
  }
}
