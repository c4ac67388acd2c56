/**
 * `callback-kit/rules/us`: calling rules of the United States (federal TCPA hours) and of the states whose
 * telephone-solicitation laws are stricter, with the statute or regulator page of each.
 *
 * A maintained starting point, NOT legal advice. Most of these laws bind telephone SOLICITATIONS (sales calls) and
 * have exemptions (prior express consent, established business relationship, debt collection...) that the kit does
 * not know about; some add limits the kit does not model (call counts per day, emergencies declared by a governor,
 * holidays a governor proclaims). Whether a rule applies to your calls is for your counsel to decide: pick the rules
 * that do, add your own, and check `reviewed` against `source` before relying on one.
 *
 * ```ts
 * import {usCallingRules} from 'callback-kit/rules/us';
 * new MemoryBackend({policy: {callingRules: usCallingRules}});
 * ```
 * @packageDocumentation
 */
import type {CallingHoliday, CallingRule} from '../core/calling-rules.js';

const REVIEWED = '2026-12-03';

const ALABAMA_HOLIDAYS_SOURCE = 'http://www.archives.alabama.gov/intro/holidays.html';
/** Ala. Code § 1-3-8: a holiday on a Sunday is the following Monday, on a Saturday the preceding Friday. */
const ALABAMA_HOLIDAYS: CallingHoliday[] = [
  {name: "New Year's Day", date: '01-01', observed: 'nearest-weekday'},
  {name: "Martin Luther King Jr.'s and Robert E. Lee's Birthday", month: 1, weekday: 1, nth: 3},
  {name: "George Washington's and Thomas Jefferson's Birthday", month: 2, weekday: 1, nth: 3},
  {name: 'Confederate Memorial Day', month: 4, weekday: 1, nth: 4},
  {name: 'National Memorial Day', month: 5, weekday: 1, nth: -1},
  {name: "Jefferson Davis' Birthday", month: 6, weekday: 1, nth: 1},
  {name: 'Independence Day', date: '07-04', observed: 'nearest-weekday'},
  {name: 'Labor Day', month: 9, weekday: 1, nth: 1},
  {name: 'Columbus Day, Fraternal Day and American Indian Heritage Day', month: 10, weekday: 1, nth: 2},
  {name: "Veterans' Day", date: '11-11', observed: 'nearest-weekday'},
  {name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4},
  {name: 'Christmas Day', date: '12-25', observed: 'nearest-weekday'},
].map((holiday) => ({...holiday, source: ALABAMA_HOLIDAYS_SOURCE}) as CallingHoliday);

const LOUISIANA_HOLIDAYS_SOURCE = 'https://legis.la.gov/legis/Law.aspx?d=74097';
/**
 * La. R.S. 1:55(A)(1) legal holidays (Sundays are a no-call day of their own); R.S. 1:55(E): New Year's Day,
 * Independence Day and Christmas on a Saturday are also held on the Friday before, on a Sunday on the Monday after.
 */
const LOUISIANA_HOLIDAYS: CallingHoliday[] = [
  {name: "New Year's Day", date: '01-01', observed: 'nearest-weekday'},
  {name: 'Battle of New Orleans', date: '01-08'},
  {name: "Dr. Martin Luther King, Jr.'s Birthday", month: 1, weekday: 1, nth: 3},
  {name: "Washington's Birthday and Presidents' Day", month: 2, weekday: 1, nth: 3},
  {name: 'Mardi Gras', easterOffset: -47},
  {name: 'Good Friday', easterOffset: -2},
  {name: 'National Memorial Day', month: 5, weekday: 1, nth: -1},
  {name: 'Independence Day', date: '07-04', observed: 'nearest-weekday'},
  {name: 'Huey P. Long Day', date: '08-30'},
  {name: 'Labor Day', month: 9, weekday: 1, nth: 1},
  {name: 'Christopher Columbus Day', month: 10, weekday: 1, nth: 2},
  {name: "All Saints' Day", date: '11-01'},
  {name: "Veterans' Day", date: '11-11'},
  {name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4},
  {name: 'Christmas Day', date: '12-25', observed: 'nearest-weekday'},
].map((holiday) => ({...holiday, source: LOUISIANA_HOLIDAYS_SOURCE}) as CallingHoliday);

const UTAH_HOLIDAYS_SOURCE = 'https://codes.findlaw.com/ut/title-63g-general-government/ut-code-sect-63g-1-301.html';
/** Utah Code § 63G-1-301: fixed-date holidays on a Saturday are the Friday before, on a Sunday the Monday after. */
const UTAH_HOLIDAYS: CallingHoliday[] = [
  {name: "New Year's Day", date: '01-01', observed: 'nearest-weekday'},
  {name: 'Dr. Martin Luther King, Jr. Day', month: 1, weekday: 1, nth: 3},
  {name: "Washington and Lincoln Day (Presidents' Day)", month: 2, weekday: 1, nth: 3},
  {name: 'Memorial Day', month: 5, weekday: 1, nth: -1},
  {name: 'Juneteenth National Freedom Day', date: '06-19'},
  {name: 'Independence Day', date: '07-04', observed: 'nearest-weekday'},
  {name: 'Pioneer Day', date: '07-24', observed: 'nearest-weekday'},
  {name: 'Labor Day', month: 9, weekday: 1, nth: 1},
  {name: 'Columbus Day', month: 10, weekday: 1, nth: 2},
  {name: 'Veterans Day', date: '11-11', observed: 'nearest-weekday'},
  {name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4},
  {name: 'Christmas', date: '12-25', observed: 'nearest-weekday'},
].map((holiday) => ({...holiday, source: UTAH_HOLIDAYS_SOURCE}) as CallingHoliday);

/**
 * Federal TCPA hours for every US number, and the stricter states. Each rule's `source` is the statute or
 * regulation it encodes; `reviewed` is when it was last checked.
 */
export const usCallingRules: CallingRule[] = [
  {
    jurisdiction: 'US',
    title: 'Telephone Consumer Protection Act: 47 CFR 64.1200(c)(1)',
    hours: {start: '08:00', end: '21:00'},
    source: 'https://www.ecfr.gov/current/title-47/chapter-I/subchapter-B/part-64/subpart-L/section-64.1200',
    reviewed: REVIEWED,
    note: "No telephone solicitation before 8 a.m. or after 9 p.m. local time at the called party's location.",
  },
  {
    jurisdiction: 'US-AL',
    title: 'Alabama PSC: Ala. Admin. Code r. 770-X-5-.17 (solicitation calls); holidays of Ala. Code § 1-3-8',
    hours: {start: '08:00', end: '20:00'},
    noCallDays: [7],
    holidays: ALABAMA_HOLIDAYS,
    source:
      'https://casetext.com/regulation/alabama-administrative-code/title-770-alabama-public-service-commission/chapter-770-x-5-telephone-rules/section-770-x-5-17-live-and-automated-solicitations-and-announcements',
    reviewed: REVIEWED,
    note:
      'No solicitation calls on Sundays or holidays; otherwise none before 8 a.m. or after 8 p.m. Holidays a ' +
      'governor proclaims (e.g. the day for public thanksgiving when it is not the fourth Thursday) are not known here.',
  },
  {
    jurisdiction: 'US-FL',
    title: 'Florida Telephone Solicitation Act: Fla. Stat. § 501.059 (as amended 2021); also § 501.616(6)(a)',
    hours: {start: '08:00', end: '20:00'},
    source: 'https://www.flsenate.gov/Laws/Statutes/2024/501.059',
    reviewed: REVIEWED,
    note: "No telephonic sales call before 8 a.m. or after 8 p.m. local time at the called party's location.",
  },
  {
    jurisdiction: 'US-LA',
    title: 'Louisiana PSC Do Not Call Program, General Order R-29617; holidays of La. R.S. 1:55',
    hours: {start: '08:00', end: '20:00'},
    noCallDays: [7],
    holidays: LOUISIANA_HOLIDAYS,
    source: 'https://lpsc.louisiana.gov/DNC_Emergency',
    reviewed: REVIEWED,
    note:
      'No telephonic solicitation on Sundays or legal holidays, otherwise 8 a.m. to 8 p.m. (as industry guides ' +
      'summarize General Order R-29617; the Order itself was not read for this review). All R.S. 1:55(A)(1) ' +
      'holidays are listed, the stricter reading. Not modeled: holidays the governor proclaims and the total ban ' +
      'during a declared state of emergency (R.S. 45:844.31).',
  },
  {
    jurisdiction: 'US-MS',
    title: 'Mississippi Telephone Solicitation Act: Miss. Code Ann. § 77-3-723',
    hours: {start: '08:00', end: '20:00'},
    noCallDays: [7],
    source: 'https://getpocketlaw.com/law/state_mississippi/section-77-3-723-rules-for-authorized-calls_57b73fa7ff73',
    reviewed: REVIEWED,
    note:
      'Calls only between 8 a.m. and 8 p.m. (the statute says Central Standard Time; checked here in the ' +
      "number's local time, which is Central all over Mississippi); no telephone solicitations on Sundays. The " +
      "PSC's legal-holiday ban was repealed in 2023-2024.",
  },
  {
    jurisdiction: 'US-OK',
    title: 'Oklahoma Telephone Solicitation Act of 2022: 15 O.S. § 775C.4 (HB 3168)',
    hours: {start: '08:00', end: '20:00'},
    source: 'https://app.legiplex.com/ok/legislature/2022/2022-r/bills/hb3168/drafts-latest',
    reviewed: REVIEWED,
    note: "Commercial telephone solicitation calls only between 8 a.m. and 8 p.m. in the called party's time zone.",
  },
  {
    jurisdiction: 'US-TX',
    title: 'Tex. Bus. & Com. Code § 301.051',
    hours: {start: '09:00', end: '21:00'},
    weekdayHours: {7: {start: '12:00', end: '21:00'}},
    source: 'https://statutes.capitol.texas.gov/Docs/BC/htm/BC.301.htm#301.051',
    reviewed: REVIEWED,
    note: 'No telephone solicitation before 9 a.m. or after 9 p.m. on a weekday or Saturday, or before noon or after 9 p.m. on a Sunday.',
  },
  {
    jurisdiction: 'US-UT',
    title: 'Utah Telephone and Facsimile Solicitation Act: Utah Code § 13-25a-103(3); holidays of § 63G-1-301',
    hours: {start: '08:00', end: '21:00'},
    noCallDays: [7],
    holidays: UTAH_HOLIDAYS,
    source: 'https://codes.findlaw.com/ut/title-13-commerce-and-trade/ut-code-sect-13-25a-103/',
    reviewed: REVIEWED,
    note:
      'Without prior express consent, no telephone solicitation between 9 p.m. and 8 a.m., on a Sunday or on a legal ' +
      "holiday. Not modeled: Juneteenth's Monday observance (only June 19 itself), Easter-related and proclaimed days.",
  },
  {
    jurisdiction: 'US-WA',
    title: 'Washington Commercial Telephone Solicitation: RCW 19.158.040(2)',
    hours: {start: '08:00', end: '20:00'},
    source: 'https://app.leg.wa.gov/RCW/default.aspx?cite=19.158.040',
    reviewed: REVIEWED,
    note: "No calls received before 8:00 a.m. or after 8:00 p.m. at the call recipient's local time.",
  },
];
