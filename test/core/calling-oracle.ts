/**
 * The Intl-only oracle of the calling-window and calling-rule property tests: wall clocks, weekdays and offset
 * transitions from `Intl.DateTimeFormat(...).formatToParts`, never the kit's Temporal.
 */

const SUPPORTED: readonly string[] = Intl.supportedValuesOf('timeZone');

/** Zones with unusual DST: 30-minute DST, 2-hour DST, negative DST, DST at midnight, half-hour offsets. */
export const DST_ZONES: readonly string[] = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Halifax',
  'America/Havana',
  'America/Santiago',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Antarctica/Troll',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'Asia/Tehran',
  'Asia/Beirut',
].filter((zone) => SUPPORTED.includes(zone));

export interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = {Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7};
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of a zone at an instant, as Intl prints it. */
export function wallByIntl(epochMs: number, zone: string): Wall {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(epochMs)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** `"YYYY-MM-DD"` of a wall clock. */
export const wallDate = (w: Wall) => `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;

/** Minutes since local midnight (with seconds as a fraction) of the zone's wall clock at an instant. */
export function wallMinuteByIntl(epochMs: number, zone: string): number {
  const w = wallByIntl(epochMs, zone);
  return w.hour * 60 + w.minute + w.second / 60;
}

/** Whether wall minute `m` is inside `[open, close)` (minutes; a window whose close is before its open wraps). */
export function minuteInWindow(m: number, open: number, close: number): boolean {
  if (open === close) return true;
  return open < close ? m >= open && m < close : m >= open || m < close;
}

/** Whether the wall clock at an instant reads a time inside `[open, close)`. */
export function insideWindowByIntl(epochMs: number, zone: string, open: number, close: number): boolean {
  return minuteInWindow(wallMinuteByIntl(epochMs, zone), open, close);
}

/**
 * Every instant an interval `[startMs, endMs)` holds, sampled at whole minutes from `startMs` (offsets and window
 * edges are whole minutes, so the wall clock cannot leave and re-enter a window between two samples) and its last
 * millisecond.
 */
export function sampleInterval(startMs: number, endMs: number): number[] {
  const samples: number[] = [];
  for (let t = startMs; t < endMs; t += 60_000) samples.push(t);
  samples.push(Math.max(startMs, endMs - 1));
  return samples;
}

/** Whether every instant of `[startMs, endMs)` reads a wall time inside `[open, close)`. */
export function intervalInsideByIntl(startMs: number, endMs: number, zone: string, open: number, close: number) {
  return sampleInterval(startMs, endMs).every((t) => insideWindowByIntl(t, zone, open, close));
}

const offsetOf = (epochMs: number, zone: string) => {
  const w = wallByIntl(epochMs, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(epochMs / 1000) * 1000;
};

const transitionCache = new Map<string, number[]>();

/** The instants (ms) at which a zone's offset changes in a year: daily samples, then a binary search to the second. */
export function transitionsByIntl(year: number, zone: string): number[] {
  const key = `${zone} ${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: number[] = [];
  let t = Date.UTC(year, 0, 1);
  let offset = offsetOf(t, zone);
  const end = Date.UTC(year + 1, 0, 1);
  for (let next = t + 86_400_000; next <= end; t = next, next += 86_400_000) {
    const nextOffset = offsetOf(next, zone);
    if (nextOffset === offset) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetOf(mid, zone) === offset) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    offset = nextOffset;
  }
  transitionCache.set(key, found);
  return found;
}

/** `"HH:MM"` of minutes since midnight. */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
