/**
 * What agents read about a calling rule of a jurisdiction (issue 19): "Florida: calls 8 AM–8 PM",
 * "Alabama: no calls on Sundays", "Alabama: holiday (New Year's Day)". Shared by `<timeslot-grid>` and
 * `<callback-scheduler>`.
 */
import {msg, str} from '@lit/localize';
import type {Temporal} from '../core/temporal.js';
import type {CallingRuleViolation, LocalTime} from '../core/types.js';
import type {HourCycle} from './format.js';

/**
 * Intl.DateTimeFormat, falling back to the default locale on an invalid tag. (Not format.ts's cached one: the grid
 * loads this module as a chunk of its own, and importing nothing of the kit's keeps that chunk a leaf.)
 */
function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * ISO 3166-2 names of US states (and DC and territories) and Canadian provinces and territories: Intl.DisplayNames
 * names countries only. Proper names, the same in English and Spanish usage.
 */
const SUBDIVISIONS: Readonly<Record<string, string>> = {
  'US-AL': 'Alabama',
  'US-AK': 'Alaska',
  'US-AZ': 'Arizona',
  'US-AR': 'Arkansas',
  'US-CA': 'California',
  'US-CO': 'Colorado',
  'US-CT': 'Connecticut',
  'US-DE': 'Delaware',
  'US-DC': 'District of Columbia',
  'US-FL': 'Florida',
  'US-GA': 'Georgia',
  'US-HI': 'Hawaii',
  'US-ID': 'Idaho',
  'US-IL': 'Illinois',
  'US-IN': 'Indiana',
  'US-IA': 'Iowa',
  'US-KS': 'Kansas',
  'US-KY': 'Kentucky',
  'US-LA': 'Louisiana',
  'US-ME': 'Maine',
  'US-MD': 'Maryland',
  'US-MA': 'Massachusetts',
  'US-MI': 'Michigan',
  'US-MN': 'Minnesota',
  'US-MS': 'Mississippi',
  'US-MO': 'Missouri',
  'US-MT': 'Montana',
  'US-NE': 'Nebraska',
  'US-NV': 'Nevada',
  'US-NH': 'New Hampshire',
  'US-NJ': 'New Jersey',
  'US-NM': 'New Mexico',
  'US-NY': 'New York',
  'US-NC': 'North Carolina',
  'US-ND': 'North Dakota',
  'US-OH': 'Ohio',
  'US-OK': 'Oklahoma',
  'US-OR': 'Oregon',
  'US-PA': 'Pennsylvania',
  'US-RI': 'Rhode Island',
  'US-SC': 'South Carolina',
  'US-SD': 'South Dakota',
  'US-TN': 'Tennessee',
  'US-TX': 'Texas',
  'US-UT': 'Utah',
  'US-VT': 'Vermont',
  'US-VA': 'Virginia',
  'US-WA': 'Washington',
  'US-WV': 'West Virginia',
  'US-WI': 'Wisconsin',
  'US-WY': 'Wyoming',
  'US-PR': 'Puerto Rico',
  'US-GU': 'Guam',
  'US-VI': 'U.S. Virgin Islands',
  'US-AS': 'American Samoa',
  'US-MP': 'Northern Mariana Islands',
  'CA-AB': 'Alberta',
  'CA-BC': 'British Columbia',
  'CA-MB': 'Manitoba',
  'CA-NB': 'New Brunswick',
  'CA-NL': 'Newfoundland and Labrador',
  'CA-NS': 'Nova Scotia',
  'CA-NT': 'Northwest Territories',
  'CA-NU': 'Nunavut',
  'CA-ON': 'Ontario',
  'CA-PE': 'Prince Edward Island',
  'CA-QC': 'Quebec',
  'CA-SK': 'Saskatchewan',
  'CA-YT': 'Yukon',
};

/** "Florida" for `US-FL`, "Canada"/"Canadá" for `CA` (Intl.DisplayNames), else the code itself. */
export function jurisdictionName(code: string, locale?: string): string {
  const upper = code.toUpperCase();
  if (SUBDIVISIONS[upper]) return SUBDIVISIONS[upper];
  if (/^[A-Z]{2}$/.test(upper)) {
    try {
      return new Intl.DisplayNames(locale ? [locale] : undefined, {type: 'region'}).of(upper) ?? upper;
    } catch {
      return upper;
    }
  }
  return upper;
}

/** "8 AM" / "8:30 PM" in a 12-hour locale, "08:00" / "20:30" in a 24-hour one. */
function localTimeText(time: LocalTime, locale: string | undefined, hourCycle: HourCycle): string {
  const [hour, minute] = time.split(':').map(Number);
  const at = Date.UTC(2026, 0, 1, hour, minute);
  const short = hourCycle === 'h12' && minute === 0;
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    hour: 'numeric',
    ...(short ? {} : {minute: '2-digit'}),
    hourCycle,
  }).format(at);
}

/** "8 AM–8 PM" (the locale's hour cycle unless one is given). */
export function localWindowText(start: LocalTime, end: LocalTime, locale?: string, hourCycle?: HourCycle): string {
  const resolved = dateTimeFormat(locale, {hour: 'numeric'}).resolvedOptions().hourCycle;
  const cycle = hourCycle ?? (resolved === 'h11' || resolved === 'h12' ? 'h12' : 'h23');
  return `${localTimeText(start, locale, cycle)}–${localTimeText(end, locale, cycle)}`;
}

const noCallsOn = (weekday: number, name: string): string => {
  switch (weekday) {
    case 1:
      return msg(str`${name}: no calls on Mondays`);
    case 2:
      return msg(str`${name}: no calls on Tuesdays`);
    case 3:
      return msg(str`${name}: no calls on Wednesdays`);
    case 4:
      return msg(str`${name}: no calls on Thursdays`);
    case 5:
      return msg(str`${name}: no calls on Fridays`);
    case 6:
      return msg(str`${name}: no calls on Saturdays`);
    default:
      return msg(str`${name}: no calls on Sundays`);
  }
};

/**
 * The rule a time breaks, for people: "Florida: calls 8 AM–8 PM", "Alabama: no calls on Sundays",
 * "Alabama: holiday (New Year's Day)". `at` (the slot's start) gives the weekday of a no-calls day, in the rule's zone.
 */
export function callingRuleText(
  rule: CallingRuleViolation,
  at: Temporal.Instant | string,
  {locale, hourCycle, timeZone}: {locale?: string; hourCycle?: HourCycle; timeZone?: string} = {},
): string {
  const name = jurisdictionName(rule.jurisdiction, locale);
  if (rule.reason === 'jurisdiction-holiday') {
    const holiday = rule.holiday ?? '';
    return holiday ? msg(str`${name}: holiday (${holiday})`) : msg(str`${name}: no calls on this holiday`);
  }
  if (rule.reason === 'jurisdiction-no-calls-day') {
    const zone = rule.timeZone ?? timeZone ?? 'UTC';
    const instant = Date.parse(at.toString());
    if (!Number.isFinite(instant)) throw new RangeError(`Invalid instant: ${at.toString()}`);
    const weekday = dateTimeFormat('en-US', {timeZone: zone, weekday: 'short'}).format(instant);
    return noCallsOn(WEEKDAYS.indexOf(weekday) + 1, name);
  }
  if (rule.start && rule.end) {
    const window = localWindowText(rule.start, rule.end, locale, hourCycle);
    return msg(str`${name}: calls ${window}`);
  }
  return msg(str`${name}: no calls at this time`);
}
