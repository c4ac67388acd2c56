/**
 * Zoned time helpers and DST-aware slot generation. Every function takes and returns Temporal values or the
 * ISO strings of types.ts; none reads the system zone or the system clock.
 */
import {Temporal} from './temporal.js';
import {isValidTimeZone} from './time-zone.js';
import type {IsoInstant, LocalTime, LocalTimeWindow, TimeZoneId} from './types.js';

// In its own module so an element that only validates a zone does not download the slot and window helpers (a
// bundler splits shared code by module): re-exported here, where it has always been.
export {isValidTimeZone};

const LOCAL_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Parses an instant given as an ISO string (offset or `Z` required) or returns the Instant itself. */
export function toInstant(value: IsoInstant | Temporal.Instant | Temporal.ZonedDateTime): Temporal.Instant {
  if (typeof value === 'string') return Temporal.Instant.from(value);
  return 'toInstant' in value ? value.toInstant() : value;
}

/** The instant seen in a zone. */
export function toZoned(instant: IsoInstant | Temporal.Instant, zone: TimeZoneId): Temporal.ZonedDateTime {
  return toInstant(instant).toZonedDateTimeISO(zone);
}

/**
 * Minutes since local midnight of a `"HH:MM"` string; `"24:00"` is 1440 (end of day).
 * @throws RangeError on anything else.
 */
export function localTimeToMinutes(time: LocalTime): number {
  const match = LOCAL_TIME.exec(time);
  if (!match) throw new RangeError(`Invalid local time "${time}": expected "HH:MM" (00:00 to 24:00).`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 1440) throw new RangeError(`Invalid local time "${time}": past 24:00.`);
  return minutes;
}

/** `"HH:MM"` of a number of minutes since local midnight (1440 gives `"24:00"`). */
export function minutesToLocalTime(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Every instant at which a zone's clocks show `time` on `date`: none in a spring-forward gap, two in a
 * fall-back overlap (earlier first), otherwise one.
 */
export function wallClockInstants(
  date: Temporal.PlainDate | string,
  time: Temporal.PlainTime | string,
  zone: TimeZoneId,
): Temporal.ZonedDateTime[] {
  const local = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const earlier = local.toZonedDateTime(zone, {disambiguation: 'earlier'});
  if (!earlier.toPlainDateTime().equals(local)) return [];
  const later = local.toZonedDateTime(zone, {disambiguation: 'later'});
  return earlier.epochNanoseconds === later.epochNanoseconds ? [earlier] : [earlier, later];
}

/** The first instant of a local day in a zone (not always 00:00: some zones skip midnight). */
export function startOfLocalDay(date: Temporal.PlainDate | string, zone: TimeZoneId): Temporal.ZonedDateTime {
  return Temporal.PlainDate.from(date).toZonedDateTime({timeZone: zone});
}

/** `[start, end)` of a local day in a zone, as instants: 23, 24 or 25 hours (or 23.5/24.5 on Lord Howe Island). */
export function localDayRange(
  date: Temporal.PlainDate | string,
  zone: TimeZoneId,
): [Temporal.Instant, Temporal.Instant] {
  const day = Temporal.PlainDate.from(date);
  return [startOfLocalDay(day, zone).toInstant(), startOfLocalDay(day.add({days: 1}), zone).toInstant()];
}

/** The instant of a local date and wall time, the earlier one in an overlap and shifted forward in a gap. */
export function zonedFromLocal(
  date: Temporal.PlainDate | string,
  time: LocalTime,
  zone: TimeZoneId,
): Temporal.ZonedDateTime {
  return zonedFromMinutes(Temporal.PlainDate.from(date), localTimeToMinutes(time), zone);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * Opening hours in local time: one window for every day, or per ISO weekday (1 = Monday) one window,
 * several windows, or `null`/absent for closed.
 */
export type OpeningHours = LocalTimeWindow | Partial<Record<Weekday, LocalTimeWindow | LocalTimeWindow[] | null>>;

/** Windows of a local date under some opening hours. */
export function openingWindows(hours: OpeningHours, date: Temporal.PlainDate): LocalTimeWindow[] {
  if ('start' in hours && 'end' in hours) return [hours as LocalTimeWindow];
  const day = (hours as Partial<Record<Weekday, LocalTimeWindow | LocalTimeWindow[] | null>>)[
    date.dayOfWeek as Weekday
  ];
  if (!day) return [];
  return Array.isArray(day) ? day : [day];
}

export interface SlotGenerationOptions {
  /** The zone the opening hours are in. */
  timeZone: TimeZoneId;
  /** First local date. */
  from: Temporal.PlainDate | string;
  /** Last local date (inclusive). */
  to: Temporal.PlainDate | string;
  /** Slot length in minutes (exact time). */
  slotMinutes: number;
  /** Local opening hours; slots start at the opening time and repeat every `slotMinutes` of wall-clock time. */
  hours: OpeningHours;
}

/** A generated slot: zoned start and end (end = start + slotMinutes of exact time). */
export interface ZonedSlot {
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

/**
 * Slots of `slotMinutes` between local opening hours in a zone over a date range, in time order.
 *
 * Slots start at wall-clock times `open, open + N, ...` while `wall start + N <= close`. A wall time that
 * does not exist (spring forward) gives no slot; one that occurs twice (fall back) gives two distinct slots,
 * one per offset. Each slot lasts `slotMinutes` of real time, so a slot that spans a transition ends at a
 * wall time other than `start + N` (e.g. 01:30 EST + 30 min = 03:00 EDT).
 */
export function generateSlots({timeZone, from, to, slotMinutes, hours}: SlotGenerationOptions): ZonedSlot[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0 || slotMinutes > 1440) {
    throw new RangeError(`slotMinutes must be a whole number of minutes between 1 and 1440, got ${slotMinutes}.`);
  }
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${String(timeZone)}".`);
  const first = Temporal.PlainDate.from(from);
  const last = Temporal.PlainDate.from(to);
  const slots: ZonedSlot[] = [];
  for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({days: 1})) {
    for (const window of openingWindows(hours, date)) {
      const open = localTimeToMinutes(window.start);
      const close = localTimeToMinutes(window.end);
      for (let wall = open; wall + slotMinutes <= close; wall += slotMinutes) {
        const day = date.add({days: Math.floor(wall / 1440)});
        const time = Temporal.PlainTime.from({hour: Math.floor((wall % 1440) / 60), minute: wall % 60});
        for (const start of wallClockInstants(day, time, timeZone)) {
          slots.push({start, end: start.add({minutes: slotMinutes})});
        }
      }
    }
  }
  return slots.sort((a, b) => Temporal.Instant.compare(a.start.toInstant(), b.start.toInstant()));
}

/** Whether `time` (minutes since midnight) falls in `[start, end)`, handling windows that wrap past midnight. */
export function isInLocalWindow(minutes: number, window: LocalTimeWindow): boolean {
  const start = localTimeToMinutes(window.start);
  const end = localTimeToMinutes(window.end);
  if (start === end) return true; // a 24-hour window
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/**
 * Whether every instant of `[start, end)` reads, on the zone's wall clocks, a time inside the local window
 * `[window.start, window.end)`; a window whose end is before its start wraps past midnight. Wall times come from
 * the zone's real offsets, so on a clocks-back day a window of 01:30-02:30 holds the first 01:30-02:00 (EDT) and
 * the second 01:30-02:30 (EST) but not the second 01:00-01:30, and on a clocks-forward day an edge inside the gap
 * closes (or opens) the window at the transition. An empty interval (`end <= start`) is checked as the instant
 * `start`.
 */
export function isIntervalInLocalWindow(
  start: Temporal.Instant,
  end: Temporal.Instant,
  window: LocalTimeWindow,
  zone: TimeZoneId,
): boolean {
  return wallPiecesInWindow(wallClockPieces(start, end, zone), window);
}

/** A stretch of wall-clock time, `[from, to)` in nanoseconds of wall time since 1970-01-01T00:00 (no zone). */
export type WallPiece = readonly [from: bigint, to: bigint];

/**
 * The wall-clock stretches the interval `[start, end)` (the instant `start` when empty) shows in a zone: one per
 * run between offset transitions, in which the wall clock runs with real time. Lets several windows be checked
 * against one interval without converting it again (`wallPiecesInWindow`). Looking transitions up is slow with
 * the polyfill, so an interval of up to 12 hours that starts and ends on the same offset is taken as one piece: no
 * zone changes its offset twice within 12 hours.
 * @internal Low-level helper of the calling window and calling rules.
 */
export function wallClockPieces(start: Temporal.Instant, end: Temporal.Instant, zone: TimeZoneId): WallPiece[] {
  let from = start.epochNanoseconds;
  const to = end.epochNanoseconds > from ? end.epochNanoseconds : from + 1n;
  const at = (ns: bigint) => Temporal.Instant.fromEpochNanoseconds(ns).toZonedDateTimeISO(zone);
  const quiet = to - from <= 720n * NS_PER_MINUTE && at(from).offsetNanoseconds === at(to - 1n).offsetNanoseconds;
  const pieces: WallPiece[] = [];
  while (from < to) {
    const zoned = at(from);
    const transition = quiet ? undefined : zoned.getTimeZoneTransition('next')?.epochNanoseconds;
    const pieceEnd = transition !== undefined && transition < to ? transition : to;
    const offset = BigInt(zoned.offsetNanoseconds);
    pieces.push([from + offset, pieceEnd + offset]);
    from = pieceEnd;
  }
  return pieces;
}

/**
 * Whether every wall-clock stretch lies inside one occurrence of a local window (start inclusive, end exclusive;
 * a window whose end is before its start wraps past midnight; `00:00`-`24:00` and equal edges are all day).
 * Occurrences never touch (each is under 24 hours), so a stretch cannot straddle two.
 * @internal Low-level helper of the calling window and calling rules.
 */
export function wallPiecesInWindow(pieces: readonly WallPiece[], window: LocalTimeWindow): boolean {
  const openMinutes = localTimeToMinutes(window.start);
  let closeMinutes = localTimeToMinutes(window.end);
  if (openMinutes === closeMinutes || closeMinutes - openMinutes === 1440) return true; // all day
  if (closeMinutes < openMinutes) closeMinutes += 1440;
  const open = BigInt(openMinutes) * NS_PER_MINUTE;
  const close = BigInt(closeMinutes) * NS_PER_MINUTE;
  return pieces.every(([wallFrom, wallTo]) => {
    const dayStart = floorDiv(wallFrom, NS_PER_DAY) * NS_PER_DAY;
    return [dayStart - NS_PER_DAY, dayStart].some((day) => wallFrom >= day + open && wallTo <= day + close);
  });
}

const NS_PER_MINUTE = 60_000_000_000n;
const NS_PER_DAY = 1440n * NS_PER_MINUTE;
const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** The instant `minutes` of wall-clock time after local midnight of `date` (may run into following days). */
export function zonedFromMinutes(date: Temporal.PlainDate, minutes: number, zone: TimeZoneId): Temporal.ZonedDateTime {
  const day = date.add({days: Math.floor(minutes / 1440)});
  const wall = Temporal.PlainTime.from({hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60});
  return day.toPlainDateTime(wall).toZonedDateTime(zone, {disambiguation: 'compatible'});
}
