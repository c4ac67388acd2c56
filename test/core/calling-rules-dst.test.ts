/**
 * Property tests (fast-check) of the calling-rules engine next to DST transitions, in half-hour and 30-minute-DST
 * zones, against an oracle that uses Intl only: the wall clock, date and weekday of each instant as
 * `Intl.DateTimeFormat` prints them, holidays computed with `Date.UTC` arithmetic. A call is refused when, in any
 * candidate zone, its local date is a holiday (first) or a no-call day (second), or an instant of it lies outside
 * the window of the start's local date (third).
 */
import {expect} from 'chai';
import fc from 'fast-check';
import {callingRuleViolation, slotCallingRuleViolation, type CallingRule} from '../../src/core/calling-rules.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Weekday} from '../../src/core/time.js';
import {
  DST_ZONES,
  hhmm,
  minuteInWindow,
  sampleInterval,
  transitionsByIntl,
  wallByIntl,
  wallDate,
} from './calling-oracle.js';

const DAY_MS = 86_400_000;
/** ISO weekday of a `"YYYY-MM-DD"`, from Date.UTC. */
const weekdayOf = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The dates a fixed-date holiday with the nearest-weekday observance takes, around a date's year. */
function holidayDatesByOracle(monthDay: string, year: number): string[] {
  const dates: string[] = [];
  for (const y of [year - 1, year, year + 1]) {
    const date = `${y}-${monthDay}`;
    dates.push(date);
    const weekday = weekdayOf(date);
    if (weekday === 6) dates.push(shift(date, -1));
    if (weekday === 7) dates.push(shift(date, 1));
  }
  return dates;
}

type Reason = 'jurisdiction-holiday' | 'jurisdiction-no-calls-day' | 'outside-jurisdiction-hours';
const SEVERITY: Reason[] = ['jurisdiction-holiday', 'jurisdiction-no-calls-day', 'outside-jurisdiction-hours'];

/** The reason the oracle refuses `[startMs, endMs)` (an instant when equal) in one zone, or null. */
function oracle(rule: CallingRule, zone: string, startMs: number, endMs: number, holiday: string): Reason | null {
  const samples = endMs > startMs ? sampleInterval(startMs, endMs) : [startMs];
  const walls = samples.map((t) => wallByIntl(t, zone));
  const dates = [...new Set(walls.map(wallDate))];
  if (dates.some((d) => holidayDatesByOracle(holiday, Number(d.slice(0, 4))).includes(d))) {
    return 'jurisdiction-holiday';
  }
  if (dates.some((d) => rule.noCallDays?.includes(weekdayOf(d) as Weekday))) return 'jurisdiction-no-calls-day';
  const startDate = wallDate(walls[0]);
  const window = rule.weekdayHours?.[weekdayOf(startDate) as Weekday] ?? rule.hours;
  if (!window) return null;
  const [open, close] = [window.start, window.end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
  const inside = walls.every(
    (w) => wallDate(w) === startDate && minuteInWindow(w.hour * 60 + w.minute + w.second / 60, open, close),
  );
  return inside ? null : 'outside-jurisdiction-hours';
}

/** A random rule around a transition: a window near the transition's wall time, maybe another on one weekday,
 * maybe no-call days, and a holiday on the transition's local date or a day next to it. */
const ruleArb = (edgeMinute: number, transitionDate: string) =>
  fc
    .record({
      startStep: fc.integer({min: -8, max: 8}),
      lengthSteps: fc.integer({min: 1, max: 24}),
      withHours: fc.boolean(),
      weekday: fc.integer({min: 1, max: 7}),
      weekdayStart: fc.integer({min: 0, max: 80}),
      noCallDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], {maxLength: 2}),
      holidayOffset: fc.integer({min: -3, max: 3}),
      withHoliday: fc.boolean(),
    })
    .map((r) => {
      const open = Math.min(1425, Math.max(0, Math.floor(edgeMinute / 15) * 15 + r.startStep * 15));
      const close = Math.min(1440, open + r.lengthSteps * 15);
      const weekdayOpen = r.weekdayStart * 15;
      const rule: CallingRule = {
        jurisdiction: 'US-TX',
        hours: r.withHours ? {start: hhmm(open), end: hhmm(close)} : undefined,
        weekdayHours: {[r.weekday]: {start: hhmm(weekdayOpen), end: hhmm(Math.min(1440, weekdayOpen + 120))}},
        noCallDays: r.noCallDays as Weekday[],
        holidays: r.withHoliday
          ? [{name: 'Holiday', date: shift(transitionDate, r.holidayOffset).slice(5), observed: 'nearest-weekday'}]
          : [],
        source: 'https://example.org/rule',
        reviewed: '2026-12-03',
      };
      return rule;
    });

describe('calling rules on DST days (fast-check against Intl)', function () {
  this.timeout(60_000);

  it("an instant or a slot near a transition is refused exactly when Intl says so, with the oracle's reason", () => {
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom(...DST_ZONES),
        fc.constantFrom(...DST_ZONES),
        fc.integer({min: 2000, max: 2037}),
        fc.nat(),
        // minutes from the transition: within 3 hours, or within 36 hours (to reach observed holidays)
        fc.oneof(
          fc.integer({min: -180, max: 180}),
          fc.integer({min: -144, max: 144}).map((q) => q * 15),
        ),
        fc.constantFrom(0, 15, 30, 45, 60, 90),
        fc.nat(),
        (zone, otherZone, year, pick, offsetMinutes, slotMinutes, seed) => {
          const found = transitionsByIntl(year, zone);
          fc.pre(found.length > 0);
          const at = found[pick % found.length];
          const edge = wallByIntl(at - 1000, zone);
          const transitionDate = wallDate(edge);
          const [rule] = fc.sample(ruleArb(edge.hour * 60 + edge.minute, transitionDate), {seed, numRuns: 1});
          const zones = seed % 3 === 0 ? [zone, otherZone] : [zone];
          const startMs = at + offsetMinutes * 60_000;
          const endMs = startMs + slotMinutes * 60_000;
          const holiday = rule.holidays?.length ? (rule.holidays[0] as {date: string}).date : '13-01'; // never
          const expected = zones
            .map((z) => oracle(rule, z, startMs, endMs, holiday))
            .filter((r): r is Reason => r !== null)
            .sort((a, b) => SEVERITY.indexOf(a) - SEVERITY.indexOf(b))[0];
          const start = Temporal.Instant.fromEpochMilliseconds(startMs);
          const target = {zones, regions: ['US-TX']};
          const got =
            slotMinutes === 0
              ? callingRuleViolation(start, target, [rule])
              : slotCallingRuleViolation(start, Temporal.Instant.fromEpochMilliseconds(endMs), target, [rule]);
          const what = `[${new Date(startMs).toISOString()}, +${slotMinutes} min) in ${zones.join(', ')}, rule ${JSON.stringify(rule)}`;
          expect(got?.reason ?? null, what).to.equal(expected ?? null);
          if (got) {
            expect(got.jurisdiction).to.equal('US-TX');
            expect(zones, what).to.include(got.timeZone);
          }
          reasons.set(got?.reason ?? 'allowed', (reasons.get(got?.reason ?? 'allowed') ?? 0) + 1);
        },
      ),
      {numRuns: 500},
    );
    for (const outcome of ['allowed', ...SEVERITY]) {
      expect(reasons.get(outcome) ?? 0, `${outcome} was exercised`).to.be.greaterThan(10);
    }
  });
});
