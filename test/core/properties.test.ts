/**
 * Property-based tests (fast-check) of slot generation and zone conversion across random IANA zones and dates
 * (1970-2037), checked against an independent oracle: `Intl.DateTimeFormat(...).formatToParts` only, never the
 * kit's Temporal. Runs in Node (temporal-polyfill) and in the browsers (native Temporal, and the polyfill forced).
 *
 * A failure prints the seed and the shrunk counterexample; replay it with `fc.assert(..., {seed, path})`.
 */
import {expect} from 'chai';
import fc from 'fast-check';
import {callingWindowViolation} from '../../src/core/calling-window.js';
import {Temporal} from '../../src/core/temporal.js';
import {generateSlots, type ZonedSlot} from '../../src/core/time.js';

const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');
/** Zones whose rules are unusual: 30-minute DST, 2-hour DST, DST at midnight, a skipped day, negative DST... */
const INTERESTING = [
  'America/New_York',
  'Europe/London',
  'Europe/Dublin',
  'Australia/Lord_Howe',
  'Antarctica/Troll',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Asia/Tehran',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'Pacific/Apia',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Africa/Monrovia',
].filter((zone) => ZONES.includes(zone));

const zoneArb = fc.oneof(fc.constantFrom(...INTERESTING), fc.constantFrom(...ZONES));
const dateArb = fc
  .record({year: fc.integer({min: 1970, max: 2037}), dayOfYear: fc.integer({min: 0, max: 364})})
  .map(({year, dayOfYear}) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10));

const RUNS = {numRuns: 40};

// ---------------------------------------------------------------------------------------------------------
// The oracle: wall times and offsets from Intl alone.

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function wallOf(epochMs: number, zone: string): Wall {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(epochMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** A wall time as if it were UTC, in ms: offset = wallMs - epochMs. */
const wallMs = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
const offsetOf = (epochMs: number, zone: string) => wallMs(wallOf(epochMs, zone)) - epochMs;
const wallKey = (w: Wall) =>
  `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}T${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}:${String(w.second).padStart(2, '0')}`;
/** `"2026-03-08"` + minutes since midnight -> the wall key Intl would print. */
const requestedKey = (date: string, minutes: number) => {
  const ms = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  return new Date(ms).toISOString().slice(0, 19);
};

/** Every offset the zone uses from a day before `date` to two days after it (hourly samples). */
function offsetsAround(date: string, zone: string): Set<number> {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const offsets = new Set<number>();
  for (let h = -30; h <= 78; h++) offsets.add(offsetOf(midnight + h * 3_600_000, zone));
  return offsets;
}

/** The instants at which the zone's clocks read `key` (a wall time), from Intl alone: 0, 1 or 2 of them. */
function oracleInstants(key: string, zone: string, offsets: Set<number>): number[] {
  const asUtc = Date.parse(`${key}Z`);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = asUtc - offset;
    if (wallKey(wallOf(candidate, zone)) === key) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

/** The zone's offset transitions in a year, found by daily samples and a binary search to the second. */
function transitions(year: number, zone: string): Array<{at: number; before: number; after: number}> {
  const found: Array<{at: number; before: number; after: number}> = [];
  let t = Date.UTC(year, 0, 1);
  let offset = offsetOf(t, zone);
  const end = Date.UTC(year + 1, 0, 1);
  for (let next = t + 86_400_000; next <= end; t = next, next += 86_400_000) {
    const nextOffset = offsetOf(next, zone);
    if (nextOffset === offset) continue;
    let lo = t; // offset here is `offset`
    let hi = next; // offset here is `nextOffset`
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetOf(mid, zone) === offset) lo = mid;
      else hi = mid;
    }
    found.push({at: hi, before: offsetOf(lo, zone), after: offsetOf(hi, zone)});
    offset = nextOffset;
  }
  return found;
}

const ms = (slot: ZonedSlot) => slot.start.epochMilliseconds;

/** The requested wall times of generateSlots' contract: open, open + N... while wall + N <= close, every day. */
function requestedWalls(from: string, days: number, open: number, close: number, slotMinutes: number): string[] {
  const keys: string[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
    for (let wall = open; wall + slotMinutes <= close; wall += slotMinutes) keys.push(requestedKey(date, wall));
  }
  return keys;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const addDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({days}).toString();

/** Checks generated slots against the oracle; returns the per-wall slot counts for further assertions. */
function checkSlots(
  slots: ZonedSlot[],
  zone: string,
  requested: string[],
  slotMinutes: number,
  from: string,
  days: number,
): Map<string, number[]> {
  // sorted, no two slots share an instant, each exactly slotMinutes long
  for (let i = 1; i < slots.length; i++) {
    expect(ms(slots[i]), `slot ${i} after slot ${i - 1}`).to.be.greaterThan(ms(slots[i - 1]));
  }
  for (const slot of slots) expect(slot.end.epochMilliseconds - ms(slot)).to.equal(slotMinutes * 60_000);

  // every slot's wall time (Intl, in the zone) is a requested wall time
  const requestedSet = new Set(requested);
  const byWall = new Map<string, number[]>();
  for (const slot of slots) {
    const key = wallKey(wallOf(ms(slot), zone));
    expect(requestedSet.has(key), `slot at ${new Date(ms(slot)).toISOString()} shows ${key} in ${zone}`).to.equal(true);
    byWall.set(key, [...(byWall.get(key) ?? []), ms(slot)]);
  }

  // every requested wall time gives exactly the instants at which it occurs: none in a gap, two in an overlap
  const offsetsByDay = new Map<string, Set<number>>();
  for (let d = -1; d <= days; d++) {
    const date = addDays(from, d);
    offsetsByDay.set(date, offsetsAround(date, zone));
  }
  for (const key of requested) {
    const expected = oracleInstants(key, zone, offsetsByDay.get(key.slice(0, 10))!);
    expect(byWall.get(key) ?? [], `instants showing ${key} in ${zone}`).to.deep.equal(expected);
  }
  return byWall;
}

describe('properties (fast-check, checked against Intl.DateTimeFormat)', function () {
  this.timeout(60_000);

  it('generateSlots: every slot shows a requested wall time, instants are unique and sorted, gaps skipped and overlaps doubled', () => {
    fc.assert(
      fc.property(
        zoneArb,
        dateArb,
        fc.integer({min: 1, max: 3}),
        fc.constantFrom(15, 20, 30, 45, 60, 90),
        fc.integer({min: 0, max: 287}),
        fc.integer({min: 1, max: 288}),
        (zone, from, days, slotMinutes, openStep, lengthSteps) => {
          const open = openStep * 5;
          const close = Math.min(1440, open + lengthSteps * 5);
          const to = addDays(from, days - 1);
          const slots = generateSlots({
            timeZone: zone,
            from,
            to,
            slotMinutes,
            hours: {start: hhmm(open), end: hhmm(close)},
          });
          const requested = requestedWalls(from, days, open, close, slotMinutes);
          checkSlots(slots, zone, requested, slotMinutes, from, days);
        },
      ),
      RUNS,
    );
  });

  it('around a real DST transition: a spring-forward wall time never appears, a fall-back one twice with two offsets', () => {
    let gaps = 0;
    let overlaps = 0;
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({min: 1970, max: 2037}),
        fc.nat(),
        fc.constantFrom(15, 30),
        (zone, year, pick, slotMinutes) => {
          const found = transitions(year, zone);
          fc.pre(found.length > 0);
          const {at, before, after} = found[pick % found.length];
          // the local date of the last wall time before the change; one day either side covers a change at midnight
          const date = new Date(at - 1000 + before).toISOString().slice(0, 10);
          const from = addDays(date, -1);
          const slots = generateSlots({
            timeZone: zone,
            from,
            to: addDays(date, 1),
            slotMinutes,
            hours: {start: '00:00', end: '24:00'},
          });
          const requested = requestedWalls(from, 3, 0, 1440, slotMinutes);
          const byWall = checkSlots(slots, zone, requested, slotMinutes, from, 3);

          // wall times in the changed interval, computed from the transition alone
          const lo = Math.min(at + before, at + after);
          const hi = Math.max(at + before, at + after);
          const inside = requested.filter((key) => {
            const w = Date.parse(`${key}Z`);
            return w >= lo && w < hi;
          });
          for (const key of inside) {
            const instants = byWall.get(key) ?? [];
            if (after > before) {
              expect(instants, `${key} is skipped in ${zone}`).to.deep.equal([]);
              gaps++;
            } else {
              expect(instants, `${key} occurs twice in ${zone}`).to.have.length(2);
              const offsets = instants.map((t) => offsetOf(t, zone));
              expect(offsets[0], 'two different offsets').to.not.equal(offsets[1]);
              expect(offsets).to.have.members([before, after]);
              const labels = instants.map((t) => slots.find((s) => ms(s) === t)!.start.offset);
              expect(labels[0]).to.not.equal(labels[1]);
              overlaps++;
            }
          }
        },
      ),
      {...RUNS, numRuns: 30},
    );
    expect(gaps, 'spring-forward wall times were exercised').to.be.greaterThan(0);
    expect(overlaps, 'fall-back wall times were exercised').to.be.greaterThan(0);
  });

  it('zone conversion: an instant seen in a zone reads the same wall time and offset as Intl', () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(2037, 11, 31) / 1000}),
        (zone, seconds) => {
          const epochMs = seconds * 1000;
          const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
          const wall = wallOf(epochMs, zone);
          expect(zoned.toPlainDateTime().toString(), zone).to.equal(wallKey(wall));
          expect(zoned.offsetNanoseconds / 1e6, zone).to.equal(offsetOf(epochMs, zone));
        },
      ),
      {numRuns: 200},
    );
  });

  it('callingWindowViolation agrees with Intl next to DST transitions, with window edges in gaps and overlaps', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...INTERESTING),
        fc.integer({min: 1970, max: 2037}),
        fc.nat(),
        fc.integer({min: -24, max: 24}), // the instant: transition +- 2 hours, in 5-minute steps
        fc.integer({min: -8, max: 8}), // a window edge: the wall time of the transition +- 2 hours, in 15-minute steps
        fc.constantFrom('start', 'end', 'both'),
        (zone, year, pick, instantStep, edgeStep, which) => {
          const found = transitions(year, zone);
          fc.pre(found.length > 0);
          const {at} = found[pick % found.length];
          const epochMs = at + instantStep * 5 * 60_000;
          const before = wallOf(at - 1000, zone);
          const edge = (((before.hour * 60 + before.minute + 1 + edgeStep * 15) % 1440) + 1440) % 1440;
          const window =
            which === 'start'
              ? {start: edge, end: 1440}
              : which === 'end'
                ? {start: 0, end: Math.max(edge, 15)}
                : {start: edge, end: Math.min(1440, edge + 60)};
          fc.pre(window.start < window.end);
          const wall = wallOf(epochMs, zone);
          const date = wallKey(wall).slice(0, 10);
          fc.pre(oracleInstants(wallKey(wall), zone, offsetsAround(date, zone)).length === 1);
          // an edge that occurs twice (in an overlap) is ambiguous for the instants between its two occurrences
          const edgeDate = wallKey(wall).slice(0, 10);
          for (const minutes of [window.start, window.end]) {
            if (minutes === 1440) continue;
            const occurrences = oracleInstants(requestedKey(edgeDate, minutes), zone, offsetsAround(edgeDate, zone));
            fc.pre(!(occurrences.length === 2 && epochMs >= occurrences[0] && epochMs < occurrences[1]));
          }
          const minute = wall.hour * 60 + wall.minute + wall.second / 60;
          const inside = minute >= window.start && minute < window.end;
          const violation = callingWindowViolation(Temporal.Instant.fromEpochMilliseconds(epochMs), null, [zone], {
            callingWindow: {start: hhmm(window.start), end: hhmm(window.end)},
          });
          expect(
            violation,
            `${new Date(epochMs).toISOString()} is ${wallKey(wall)} in ${zone}; window ${hhmm(window.start)}-${hhmm(window.end)}`,
          ).to.equal(inside ? null : 'outside-calling-hours');
          checked++;
        },
      ),
      {numRuns: 100},
    );
    expect(checked).to.equal(100);
  });

  it('callingWindowViolation agrees with the local hour Intl computes', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({min: Date.UTC(1970, 0, 2) / 1000, max: Date.UTC(2037, 11, 30) / 1000}),
        fc.oneof(
          fc.constant({start: 480, end: 1260}), // the default 08:00-21:00
          fc
            .record({start: fc.integer({min: 0, max: 1380}), length: fc.integer({min: 30, max: 1000})})
            .map(({start, length}) => ({start, end: Math.min(1440, start + length)})),
        ),
        (zone, seconds, window) => {
          const epochMs = seconds * 1000;
          // A wall time that occurs twice (fall back) is ambiguous: "before 21:00" has two answers there, so skip it.
          const wall = wallOf(epochMs, zone);
          const date = wallKey(wall).slice(0, 10);
          fc.pre(oracleInstants(wallKey(wall), zone, offsetsAround(date, zone)).length === 1);
          const minute = wall.hour * 60 + wall.minute + wall.second / 60;
          const inside = minute >= window.start && minute < window.end;
          const violation = callingWindowViolation(Temporal.Instant.fromEpochMilliseconds(epochMs), null, [zone], {
            callingWindow: {start: hhmm(window.start), end: hhmm(window.end)},
          });
          expect(violation, `${new Date(epochMs).toISOString()} is ${wallKey(wall)} in ${zone}`).to.equal(
            inside ? null : 'outside-calling-hours',
          );
          checked++;
        },
      ),
      {numRuns: 150},
    );
    expect(checked).to.equal(150);
  });
});
