/**
 * Calling rules of jurisdictions (issue 19): the hours, days and holidays on which a state, province or country
 * lets a number in it be called, checked in the customer's local time in EVERY zone the number may be in, for every
 * region it may be in. DOM-free; rule sets live in `callback-kit/rules/us` and `callback-kit/rules/ca`.
 */
import {Temporal} from './temporal.js';
import {
  isValidTimeZone,
  localTimeToMinutes,
  toInstant,
  wallClockPieces,
  wallPiecesInWindow,
  type WallPiece,
  type Weekday,
} from './time.js';
import type {CallingRuleViolation, IsoDate, IsoInstant, LocalTimeWindow, TimeZoneId} from './types.js';

/**
 * How a holiday that falls on a weekend is also observed on a weekday:
 * - `nearest-weekday`: Saturday also on the Friday before, Sunday also on the Monday after (US federal style);
 * - `sunday-to-monday`: Sunday also on the Monday after.
 * The holiday's own date always counts too (the stricter reading).
 */
export type HolidayObservance = 'nearest-weekday' | 'sunday-to-monday';

/** A holiday on a fixed date, e.g. `{name: "Christmas Day", date: "12-25", observed: "nearest-weekday"}`. */
export interface FixedDateHoliday {
  name: string;
  /** `"MM-DD"`. */
  date: string;
  observed?: HolidayObservance;
  /** The statute or page that makes it a holiday. */
  source?: string;
}

/** A holiday on the nth weekday of a month, e.g. Thanksgiving: `{month: 11, weekday: 4, nth: 4}`. */
export interface NthWeekdayHoliday {
  name: string;
  /** 1 = January ... 12 = December. */
  month: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: Weekday;
  /** 1 to 5, or -1 for the last one of the month. */
  nth: 1 | 2 | 3 | 4 | 5 | -1;
  source?: string;
}

/** A holiday a number of days from Western Easter Sunday, e.g. Good Friday `{easterOffset: -2}`. */
export interface EasterHoliday {
  name: string;
  easterOffset: number;
  source?: string;
}

export type CallingHoliday = FixedDateHoliday | NthWeekdayHoliday | EasterHoliday;

/**
 * When calls may be placed to numbers in a jurisdiction, in the called party's local time.
 *
 * ```ts
 * const texas: CallingRule = {
 *   jurisdiction: 'US-TX',
 *   hours: {start: '09:00', end: '21:00'},
 *   weekdayHours: {7: {start: '12:00', end: '21:00'}}, // Sundays from noon
 *   source: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.301.htm#301.051',
 *   reviewed: '2026-12-03',
 * };
 * ```
 */
export interface CallingRule {
  /** ISO 3166-1 (`"US"`, `"CA"`) or ISO 3166-2 (`"US-FL"`, `"CA-ON"`) code. A country's rule binds all its regions. */
  jurisdiction: string;
  /** The allowed window every day (start inclusive, end exclusive, not past midnight). Absent: any hour. */
  hours?: LocalTimeWindow;
  /** Windows of particular ISO weekdays (1 = Monday ... 7 = Sunday), replacing `hours` on those days. */
  weekdayHours?: Partial<Record<Weekday, LocalTimeWindow>>;
  /** ISO weekdays with no calls at all, e.g. `[7]` for Sundays. */
  noCallDays?: Weekday[];
  /** Days with no calls at all. */
  holidays?: CallingHoliday[];
  /** What the rule is, for people: `"Florida Telephone Solicitation Act"`. */
  title?: string;
  /** The statute or regulator page the rule comes from (URL). */
  source: string;
  /** When the rule was last checked against its source, `"YYYY-MM-DD"`. */
  reviewed: IsoDate;
  /** Scope and caveats, e.g. which calls the law covers. */
  note?: string;
}

/** Who is called: the candidate zones and regions of the number (and the contact). */
export interface CallingRuleTarget {
  /** Candidate IANA zones, e.g. from `timeZonesForPhone` or the contact's zone. */
  zones: readonly TimeZoneId[];
  /** Candidate regions, e.g. from `regionsForPhone` and `contact.region`. A bare country means any of its regions. */
  regions: readonly string[];
}

const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validated = new WeakSet<readonly CallingRule[]>();
const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7];
const OBSERVANCES: readonly string[] = ['nearest-weekday', 'sunday-to-monday'];

/**
 * Checks rules once per array (then remembered): a bad rule is a configuration error, reported precisely.
 * @throws RangeError naming the rule and the field.
 */
export function validateCallingRules(rules: readonly CallingRule[]): void {
  if (validated.has(rules)) return;
  if (!Array.isArray(rules)) throw new RangeError('Calling rules must be an array.');
  rules.forEach((rule, i) => {
    const fail = (what: string): never => {
      throw new RangeError(`Calling rule ${i} (${String(rule?.jurisdiction)}): ${what}`);
    };
    if (!rule || typeof rule !== 'object') fail('not an object.');
    if (!JURISDICTION.test(String(rule.jurisdiction))) fail('jurisdiction must be an ISO 3166 code ("US", "US-FL").');
    if (!/^https?:\/\//.test(String(rule.source))) fail('source must be the URL of the statute or regulator page.');
    if (!ISO_DATE.test(String(rule.reviewed))) fail('reviewed must be a date "YYYY-MM-DD".');
    for (const [day, window] of [['', rule.hours], ...Object.entries(rule.weekdayHours ?? {})] as const) {
      if (day && !WEEKDAYS.includes(Number(day))) fail('weekdayHours keys must be ISO weekdays 1 to 7.');
      if (window && localTimeToMinutes(window.start) >= localTimeToMinutes(window.end)) {
        fail(`window ${window.start}-${window.end} must end after it starts, by midnight.`);
      }
    }
    const noCallDays: readonly number[] = rule.noCallDays ?? [];
    if (!noCallDays.every((day) => WEEKDAYS.includes(day))) fail('noCallDays must be ISO weekdays 1 to 7.');
    for (const holiday of rule.holidays ?? []) {
      const name = `holiday ${JSON.stringify(holiday?.name)}`;
      if (!holiday?.name) fail('a holiday needs a name.');
      else if ('date' in holiday) {
        if (!MONTH_DAY.test(holiday.date)) fail(`${name}: date must be "MM-DD".`);
        if (holiday.observed && !OBSERVANCES.includes(holiday.observed)) fail(`${name}: unknown observance.`);
      } else if ('month' in holiday) {
        if (!(holiday.month >= 1 && holiday.month <= 12)) fail(`${name}: month must be 1 to 12.`);
        if (!WEEKDAYS.includes(holiday.weekday)) fail(`${name}: weekday must be an ISO weekday 1 to 7.`);
        if (![1, 2, 3, 4, 5, -1].includes(holiday.nth)) fail(`${name}: nth must be 1 to 5 or -1 (last).`);
      } else if (!Number.isInteger((holiday as EasterHoliday).easterOffset)) {
        fail(`${name}: give a date ("MM-DD"), a month/weekday/nth, or an easterOffset.`);
      }
    }
  });
  validated.add(rules);
}

/** Western (Gregorian) Easter Sunday of a year: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({year, month, day});
}

/**
 * The dates a holiday takes in a year: its own date and, for a fixed date on a weekend with an observance, the
 * weekday it is observed on (which may fall in the year before: New Year's Day on a Saturday is observed on the
 * Friday, December 31).
 */
export function holidayDates(holiday: CallingHoliday, year: number): Temporal.PlainDate[] {
  if ('date' in holiday) {
    const [month, day] = holiday.date.split('-').map(Number);
    const date = Temporal.PlainDate.from({year, month, day}, {overflow: 'reject'});
    const dates = [date];
    if (date.dayOfWeek === 6 && holiday.observed === 'nearest-weekday') dates.push(date.subtract({days: 1}));
    if (date.dayOfWeek === 7 && holiday.observed) dates.push(date.add({days: 1}));
    return dates;
  }
  if ('month' in holiday) {
    const first = Temporal.PlainDate.from({year, month: holiday.month, day: 1});
    if (holiday.nth === -1) {
      const last = first.add({months: 1}).subtract({days: 1});
      return [last.subtract({days: (last.dayOfWeek - holiday.weekday + 7) % 7})];
    }
    const date = first.add({days: ((holiday.weekday - first.dayOfWeek + 7) % 7) + (holiday.nth - 1) * 7});
    return date.month === holiday.month ? [date] : [];
  }
  return [easterSunday(year).add({days: holiday.easterOffset})];
}

const holidayCache = new WeakMap<CallingRule, Map<number, Map<string, CallingHoliday>>>();

/** The holiday of a rule on a local date, if any (Feb 29 holidays only in leap years). Cached per rule and year. */
function holidayOn(rule: CallingRule, date: Temporal.PlainDate): CallingHoliday | undefined {
  if (!rule.holidays?.length) return undefined;
  let years = holidayCache.get(rule);
  if (!years) holidayCache.set(rule, (years = new Map()));
  let byDate = years.get(date.year);
  if (!byDate) {
    byDate = new Map();
    for (const holiday of rule.holidays) {
      for (const year of [date.year - 1, date.year, date.year + 1]) {
        let dates: Temporal.PlainDate[] = [];
        try {
          dates = holidayDates(holiday, year);
        } catch {
          // "02-29" in a common year
        }
        for (const d of dates) if (d.year === date.year && !byDate.has(d.toString())) byDate.set(d.toString(), holiday);
      }
    }
    years.set(date.year, byDate);
  }
  return byDate.get(date.toString());
}

/** Whether a rule of `jurisdiction` binds a number that may be in `region`. */
export function ruleAppliesTo(jurisdiction: string, region: string): boolean {
  const j = jurisdiction.toUpperCase();
  const r = region.toUpperCase();
  // same code; a country's rule for its regions; a bare country candidate ("somewhere in the US") for each region
  return r === j || r.startsWith(`${j}-`) || j.startsWith(`${r}-`);
}

/** The rules that bind a set of candidate regions, in their order. */
export function applicableCallingRules(rules: readonly CallingRule[], regions: readonly string[]): CallingRule[] {
  return rules.filter((rule) =>
    regions.some((region) => typeof region === 'string' && ruleAppliesTo(rule.jurisdiction, region)),
  );
}

const SEVERITY: Record<CallingRuleViolation['reason'], number> = {
  'jurisdiction-holiday': 0,
  'jurisdiction-no-calls-day': 1,
  'outside-jurisdiction-hours': 2,
};

const DAY_NS = 86_400_000_000_000n;
const dayOf = (wallNs: bigint) => (wallNs >= 0n ? wallNs / DAY_NS : -((-wallNs + DAY_NS - 1n) / DAY_NS));
const EPOCH = '1970-01-01';

/**
 * The local dates the wall-clock stretches of a call show: every date from the earliest to the latest (a
 * clocks-back change at midnight shows a date again after the next one, as in St. John's until 2011).
 */
function localDates(pieces: readonly WallPiece[]): Temporal.PlainDate[] {
  const days = pieces.flatMap(([from, to]) => [dayOf(from), dayOf(to - 1n)]);
  const min = days.reduce((a, b) => (b < a ? b : a));
  const max = days.reduce((a, b) => (b > a ? b : a));
  const epoch = Temporal.PlainDate.from(EPOCH);
  const dates: Temporal.PlainDate[] = [];
  for (let day = min; day <= max; day++) dates.push(epoch.add({days: Number(day)}));
  return dates;
}

/** The first rule a call with these wall-clock stretches breaks in one zone, or null. */
function violationIn(rule: CallingRule, zone: TimeZoneId, pieces: readonly WallPiece[], dates: Temporal.PlainDate[]) {
  const base = {jurisdiction: rule.jurisdiction, timeZone: zone};
  // over all the local dates of the call: a holiday first, then a no-call day
  for (const date of dates) {
    const holiday = holidayOn(rule, date);
    if (holiday) return {...base, reason: 'jurisdiction-holiday' as const, holiday: holiday.name};
  }
  if (dates.some((date) => rule.noCallDays?.includes(date.dayOfWeek as Weekday))) {
    return {...base, reason: 'jurisdiction-no-calls-day' as const};
  }
  // the window of the start's local date; rule windows end by midnight, so a call into another date is outside
  const startDate = Temporal.PlainDate.from(EPOCH).add({days: Number(dayOf(pieces[0][0]))});
  const window = rule.weekdayHours?.[startDate.dayOfWeek as Weekday] ?? rule.hours;
  if (window && !wallPiecesInWindow(pieces, window)) {
    return {...base, reason: 'outside-jurisdiction-hours' as const, start: window.start, end: window.end};
  }
  return null;
}

function evaluate(
  start: IsoInstant | Temporal.Instant,
  end: IsoInstant | Temporal.Instant | undefined,
  target: CallingRuleTarget,
  rules: readonly CallingRule[] | undefined,
): CallingRuleViolation | null {
  if (!rules?.length) return null;
  validateCallingRules(rules);
  const from = toInstant(start);
  const to = end === undefined ? from : toInstant(end);
  const applicable = applicableCallingRules(rules, target?.regions ?? []);
  if (applicable.length === 0) return null;
  const zones = (target.zones ?? []).filter(isValidTimeZone);
  // The law cannot be checked without a zone: never treated as allowed.
  if (zones.length === 0) return {reason: 'outside-jurisdiction-hours', jurisdiction: applicable[0].jurisdiction};
  let worst: CallingRuleViolation | null = null;
  for (const zone of zones) {
    const pieces = wallClockPieces(from, to, zone);
    const dates = localDates(pieces);
    for (const rule of applicable) {
      const found = violationIn(rule, zone, pieces, dates);
      if (found && (!worst || SEVERITY[found.reason] < SEVERITY[worst.reason])) worst = found;
    }
  }
  return worst;
}

/**
 * `null` when a call at `start` is allowed by every rule that binds one of the target's regions, in every candidate
 * zone (the most restrictive wins); otherwise the violation, a holiday before a no-calls day before hours, with the
 * jurisdiction, the zone and, for hours, that day's window. With applicable rules but no valid zone the call is
 * refused (`outside-jurisdiction-hours` without a zone): the law cannot be checked.
 *
 * ```ts
 * callingRuleViolation('2026-12-04T01:30:00Z', {zones: ['America/New_York'], regions: ['US-FL']}, usCallingRules)
 * // {reason: 'outside-jurisdiction-hours', jurisdiction: 'US-FL', start: '08:00', end: '20:00', timeZone: 'America/New_York'}
 * ```
 * @throws RangeError on an invalid rule (see `validateCallingRules`) or an instant without an offset.
 */
export function callingRuleViolation(
  start: IsoInstant | Temporal.Instant,
  target: CallingRuleTarget,
  rules: readonly CallingRule[] | undefined,
): CallingRuleViolation | null {
  return evaluate(start, undefined, target, rules);
}

/**
 * Like `callingRuleViolation` for a whole slot `[start, end)`: every instant of it must be allowed (a slot from
 * 19:45 to 20:15 breaks an 8 p.m. limit; a slot running into a Sunday breaks a no-Sunday rule).
 */
export function slotCallingRuleViolation(
  start: IsoInstant | Temporal.Instant,
  end: IsoInstant | Temporal.Instant,
  target: CallingRuleTarget,
  rules: readonly CallingRule[] | undefined,
): CallingRuleViolation | null {
  return evaluate(start, end, target, rules);
}
