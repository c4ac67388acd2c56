/**
 * The grid's model: which cell goes in which row and column. Pure (no DOM, no lit) so it is easy to test and
 * fast to recompute when the zone changes.
 *
 * Rows are local wall-clock times. A wall time that occurs twice on a fall-back day gets a second row (fold 1)
 * placed right after the first occurrence's rows, so a day reads in time order; a wall time that does not exist
 * (spring forward) has no slot, hence no row.
 */
import {Temporal} from '../../core/temporal.js';
import type {Slot} from '../../core/types.js';

export interface GridCell {
  /** Epoch milliseconds of the start, as a string: stable across zones. */
  key: string;
  slot: Slot;
  start: Temporal.Instant;
  end: Temporal.Instant;
  dayIndex: number;
  rowIndex: number;
  /** The start's wall time occurs twice that day (fall back): labels must carry the offset. */
  ambiguous: boolean;
  /** The band this unavailable cell is part of (not rendered, not focusable on its own). */
  band?: GridBand;
}

/**
 * A run of two or more adjacent unavailable slots of one day with the same reason (and calling rule): shown as one
 * band ("8:00 – 11:00 AM: outside the customer's calling hours"), not as one greyed cell per slot.
 */
export interface GridBand {
  /** The first cell's key, prefixed with `band-`. */
  key: string;
  dayIndex: number;
  /** The first row it covers, and how many rows (rows of other days' slots in between included). */
  rowIndex: number;
  rowSpan: number;
  cells: GridCell[];
  start: Temporal.Instant;
  end: Temporal.Instant;
}

export interface GridRow {
  key: string;
  /** Minutes since local midnight of the wall time. */
  wall: number;
  /** 0, or 1 for the second occurrence of a repeated wall time. */
  fold: 0 | 1;
  /** One cell per day (undefined where that day has no slot at this time). */
  cells: (GridCell | undefined)[];
  ambiguous: boolean;
}

export interface GridModel {
  timeZone: string;
  dates: Temporal.PlainDate[];
  rows: GridRow[];
  /** Cells in reading order (row by row). */
  cells: GridCell[];
  byKey: Map<string, GridCell>;
  /** Available slots per day. */
  availableCounts: number[];
  /** Slots that fell outside the dates shown. */
  outside: number;
  bands: GridBand[];
  /** Cells that stand alone (not in a band), in reading order: the ones keyboard focus moves between. */
  focusable: GridCell[];
}

export interface GridModelOptions {
  /** A key (epoch ms) never folded into a band: the selected slot, so it stays visible as selected. */
  keep?: string;
  /** Slots with the same group may share a band (default: the same reason and calling rule). */
  group?: (slot: Slot) => string;
}

const defaultGroup = (slot: Slot) =>
  `${slot.reason ?? ''}|${slot.rule ? `${slot.rule.jurisdiction}|${slot.rule.start}|${slot.rule.end}|${slot.rule.holiday}` : ''}`;

interface Placed {
  slot: Slot;
  start: Temporal.Instant;
  end: Temporal.Instant;
  dayIndex: number;
  wall: number;
  fold: 0 | 1;
  ambiguous: boolean;
}

const rowKey = (wall: number, fold: number) => `${wall}:${fold}`;

/**
 * Orders row keys so each day's own sequence stays in time order (a stable topological merge of the days'
 * sequences), breaking ties by wall time then fold.
 */
function orderRows(sequences: {wall: number; fold: 0 | 1}[][]): {wall: number; fold: 0 | 1}[] {
  const nodes = new Map<string, {wall: number; fold: 0 | 1; next: Set<string>; indegree: number}>();
  for (const sequence of sequences) {
    for (const {wall, fold} of sequence) {
      const key = rowKey(wall, fold);
      if (!nodes.has(key)) nodes.set(key, {wall, fold, next: new Set(), indegree: 0});
    }
    for (let i = 1; i < sequence.length; i++) {
      const from = nodes.get(rowKey(sequence[i - 1].wall, sequence[i - 1].fold))!;
      const to = rowKey(sequence[i].wall, sequence[i].fold);
      if (to !== rowKey(from.wall, from.fold) && !from.next.has(to)) {
        from.next.add(to);
        nodes.get(to)!.indegree++;
      }
    }
  }
  const byTime = (a: {wall: number; fold: number}, b: {wall: number; fold: number}) =>
    a.wall - b.wall || a.fold - b.fold;
  const ready = [...nodes.values()].filter((n) => n.indegree === 0).sort(byTime);
  const ordered: {wall: number; fold: 0 | 1}[] = [];
  while (ready.length) {
    const node = ready.shift()!;
    ordered.push({wall: node.wall, fold: node.fold});
    for (const key of node.next) {
      const next = nodes.get(key)!;
      if (--next.indegree === 0) {
        ready.push(next);
        ready.sort(byTime);
      }
    }
  }
  if (ordered.length < nodes.size) {
    // Inconsistent input (overlapping or unsorted slots from a host): keep every row, in wall-time order.
    const seen = new Set(ordered.map((r) => rowKey(r.wall, r.fold)));
    ordered.push(...[...nodes.values()].filter((n) => !seen.has(rowKey(n.wall, n.fold))).sort(byTime));
  }
  return ordered;
}

/** Builds the model of `days` days from `startDate` in `timeZone`. Slots with unreadable instants are skipped. */
export function buildGridModel(
  slots: readonly Slot[],
  timeZone: string,
  startDate: Temporal.PlainDate,
  days: number,
  {keep, group = defaultGroup}: GridModelOptions = {},
): GridModel {
  const dates = Array.from({length: days}, (_, i) => startDate.add({days: i}));
  const dayIndexOf = new Map(dates.map((d, i) => [d.toString(), i]));
  const placed: Placed[] = [];
  let outside = 0;
  for (const slot of slots) {
    let start: Temporal.Instant;
    let end: Temporal.Instant;
    try {
      start = Temporal.Instant.from(slot.start);
      end = Temporal.Instant.from(slot.end);
    } catch {
      continue;
    }
    const zoned = start.toZonedDateTimeISO(timeZone);
    const dayIndex = dayIndexOf.get(zoned.toPlainDate().toString());
    if (dayIndex === undefined) {
      outside++;
      continue;
    }
    const local = zoned.toPlainDateTime();
    const earlier = local.toZonedDateTime(timeZone, {disambiguation: 'earlier'});
    const later = local.toZonedDateTime(timeZone, {disambiguation: 'later'});
    const ambiguous = earlier.epochNanoseconds !== later.epochNanoseconds;
    const fold: 0 | 1 = ambiguous && zoned.epochNanoseconds === later.epochNanoseconds ? 1 : 0;
    placed.push({slot, start, end, dayIndex, wall: zoned.hour * 60 + zoned.minute, fold, ambiguous});
  }
  placed.sort((a, b) => Temporal.Instant.compare(a.start, b.start));

  const sequences = dates.map((_, i) => placed.filter((p) => p.dayIndex === i).map(({wall, fold}) => ({wall, fold})));
  const order = orderRows(sequences);
  const rowIndexOf = new Map(order.map((r, i) => [rowKey(r.wall, r.fold), i]));
  const rows: GridRow[] = order.map(({wall, fold}) => ({
    key: rowKey(wall, fold),
    wall,
    fold,
    cells: new Array(days).fill(undefined),
    ambiguous: false,
  }));
  const byKey = new Map<string, GridCell>();
  const availableCounts = new Array(days).fill(0);
  for (const p of placed) {
    const rowIndex = rowIndexOf.get(rowKey(p.wall, p.fold))!;
    const row = rows[rowIndex];
    const key = String(p.start.epochMilliseconds);
    if (row.cells[p.dayIndex] || byKey.has(key)) continue; // duplicate start: keep the first
    const cell: GridCell = {
      key,
      slot: p.slot,
      start: p.start,
      end: p.end,
      dayIndex: p.dayIndex,
      rowIndex,
      ambiguous: p.ambiguous,
    };
    row.cells[p.dayIndex] = cell;
    row.ambiguous ||= p.ambiguous;
    byKey.set(key, cell);
    if (p.slot.available) availableCounts[p.dayIndex]++;
  }
  const cells = rows.flatMap((r) => r.cells.filter((c): c is GridCell => c !== undefined));
  const bands = findBands(rows, days, keep, group);
  const focusable = cells.filter((c) => !c.band);
  return {timeZone, dates, rows, cells, byKey, availableCounts, outside, bands, focusable};
}

/** Runs of 2+ unavailable cells of one day, back to back in time, with one group and without `keep`. */
function findBands(rows: GridRow[], days: number, keep: string | undefined, group: (slot: Slot) => string) {
  const bands: GridBand[] = [];
  for (let day = 0; day < days; day++) {
    let run: GridCell[] = [];
    const close = () => {
      if (run.length >= 2) {
        const band: GridBand = {
          key: `band-${run[0].key}`,
          dayIndex: day,
          rowIndex: run[0].rowIndex,
          rowSpan: run.at(-1)!.rowIndex - run[0].rowIndex + 1,
          cells: run,
          start: run[0].start,
          end: run.at(-1)!.end,
        };
        for (const cell of run) cell.band = band;
        bands.push(band);
      }
      run = [];
    };
    for (const row of rows) {
      const cell = row.cells[day];
      if (!cell) continue;
      const bandable = !cell.slot.available && cell.key !== keep;
      const joins =
        bandable && run.length > 0 && run.at(-1)!.end.equals(cell.start) && group(run[0].slot) === group(cell.slot);
      if (!joins) close();
      if (bandable) run.push(cell);
    }
    close();
  }
  return bands;
}

/** The focusable cell nearest to a lost one: same day nearest wall time, else nearest in time. */
export function nearestCell(
  model: GridModel,
  target: {dayIndex: number; wall: number; start?: Temporal.Instant},
): GridCell | undefined {
  const cells = model.focusable;
  if (!cells.length) return undefined;
  const distance = (cell: GridCell) =>
    Math.abs(cell.dayIndex - target.dayIndex) * 1440 + Math.abs(model.rows[cell.rowIndex].wall - target.wall);
  return cells.reduce((best, c) => (distance(c) < distance(best) ? c : best));
}

/** The standalone cell at a row and day (not one folded into a band). */
function at(model: GridModel, row: number, day: number): GridCell | undefined {
  const cell = model.rows[row]?.cells[day];
  return cell && !cell.band ? cell : undefined;
}

/**
 * Where an arrow, Home or End key moves focus from `current` (APG grid): left/right along the row (in the day
 * layout: to the nearest slot of the next day with slots), mirrored in right-to-left; up/down in the column; Home/End
 * to the row's (day's) ends, with Ctrl to the grid's. `undefined`: nowhere to go (an edge); `null`: not a key of it.
 */
export function keyTarget(
  model: GridModel,
  current: GridCell,
  {key, ctrl, rtl, dayLayout}: {key: string; ctrl: boolean; rtl: boolean; dayLayout: boolean},
): GridCell | undefined | null {
  const wall = model.rows[current.rowIndex].wall;
  const inDay = (day: number) => model.focusable.filter((c) => c.dayIndex === day);
  const across = (dir: 1 | -1) => {
    for (let d = current.dayIndex + dir; d >= 0 && d < model.dates.length; d += dir) {
      const cells = dayLayout ? inDay(d) : [at(model, current.rowIndex, d)].filter((c) => c !== undefined);
      if (cells.length) return nearestCell({...model, focusable: cells}, {dayIndex: d, wall});
    }
    return undefined;
  };
  const down = (dir: 1 | -1) => {
    for (let r = current.rowIndex + dir; r >= 0 && r < model.rows.length; r += dir) {
      const cell = at(model, r, current.dayIndex);
      if (cell) return cell;
    }
    return undefined;
  };
  const line = dayLayout
    ? inDay(current.dayIndex)
    : model.rows[current.rowIndex].cells.filter((c): c is GridCell => c !== undefined && !c.band);
  switch (key) {
    case 'ArrowRight':
      return across(rtl ? -1 : 1);
    case 'ArrowLeft':
      return across(rtl ? 1 : -1);
    case 'ArrowDown':
      return down(1);
    case 'ArrowUp':
      return down(-1);
    case 'Home':
      return ctrl ? model.focusable[0] : line[0];
    case 'End':
      return ctrl ? model.focusable.at(-1) : line.at(-1);
    default:
      return null;
  }
}

/**
 * The first date shown: `startDate` when it reads as a date; else today, or the first slot's day when no slot falls
 * in the `days` from today.
 */
export function firstDate(
  slots: readonly Slot[],
  zone: string,
  startDate: string | undefined,
  days: number,
  today: Temporal.PlainDate,
): Temporal.PlainDate {
  if (startDate) {
    try {
      return Temporal.PlainDate.from(startDate);
    } catch {
      /* fall through to the default: the element reports the problem in its UI */
    }
  }
  const instants = slots.flatMap((s) => {
    try {
      return [Temporal.Instant.from(s.start)];
    } catch {
      return [];
    }
  });
  const end = today.add({days});
  const inRange = instants.some((i) => {
    const d = i.toZonedDateTimeISO(zone).toPlainDate();
    return Temporal.PlainDate.compare(d, today) >= 0 && Temporal.PlainDate.compare(d, end) < 0;
  });
  if (inRange || !instants.length) return today;
  const first = instants.reduce((a, b) => (Temporal.Instant.compare(a, b) <= 0 ? a : b));
  return first.toZonedDateTimeISO(zone).toPlainDate();
}
