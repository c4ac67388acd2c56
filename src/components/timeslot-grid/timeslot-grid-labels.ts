/**
 * The grid's words: times in one clock style, the reasons a slot is unavailable, and the labels of each cell,
 * computed once per slot, zone and locale (a selection change or a focus move formats nothing).
 */
import {msg, str} from '@lit/localize';
import type {Temporal} from '../../core/temporal.js';
import type {SlotUnavailableReason} from '../../core/types.js';
import {dateTimeFormat, localeHourCycle, zoneShortName, type HourCycle} from '../../internal/format.js';

/** The reasons the grid names (every `SlotUnavailableReason`, plus `unknown` for a slot without one). */
export const REASONS = [
  'full',
  'past',
  'closed',
  'outside-calling-hours',
  'outside-contact-window',
  'too-far-ahead',
  'outside-jurisdiction-hours',
  'jurisdiction-no-calls-day',
  'jurisdiction-holiday',
  'owner-off-shift',
  'unknown',
] as const satisfies readonly (SlotUnavailableReason | 'unknown')[];

export type ReasonKey = (typeof REASONS)[number];

export const reasonKey = (reason: SlotUnavailableReason | undefined): ReasonKey =>
  REASONS.includes(reason as ReasonKey) ? (reason as ReasonKey) : 'unknown';

/** A few words, in a slot's accessible name: "Full", "Outside calling hours". */
export const reasonShort = (reason: ReasonKey): string => {
  switch (reason) {
    case 'full':
      return msg('Full');
    case 'past':
      return msg('Past');
    case 'closed':
      return msg('Closed');
    case 'outside-calling-hours':
      return msg('Outside calling hours');
    case 'too-far-ahead':
      return msg('Too far ahead');
    case 'outside-contact-window':
      return msg("Outside this number's hours");
    case 'owner-off-shift':
      return msg('Owner off shift');
    case 'outside-jurisdiction-hours':
    case 'jurisdiction-no-calls-day':
    case 'jurisdiction-holiday':
      return msg('Not allowed by law');
    default:
      return msg('Unavailable');
  }
};

/** A sentence: the description (`aria-describedby`) and tooltip of an unavailable slot. */
export const reasonLong = (reason: ReasonKey): string => {
  switch (reason) {
    case 'full':
      return msg('Unavailable: no places left at this time.');
    case 'past':
      return msg('Unavailable: this time has passed.');
    case 'closed':
      return msg('Unavailable: the contact center is closed at this time.');
    case 'outside-calling-hours':
      return msg("Unavailable: outside the customer's calling hours.");
    case 'too-far-ahead':
      return msg('Unavailable: too far ahead to schedule.');
    case 'outside-contact-window':
      return msg("Unavailable: outside the hours this number's customer agreed to be called.");
    case 'owner-off-shift':
      return msg("Unavailable: the callback's owner does not work at this time.");
    case 'outside-jurisdiction-hours':
    case 'jurisdiction-no-calls-day':
    case 'jurisdiction-holiday':
      return msg("Unavailable: the law of the customer's state or province forbids calls at this time.");
    default:
      return msg('Unavailable.');
  }
};

/** The end of a band's text, after its time range: "outside the customer's calling hours". */
export const reasonPhrase = (reason: ReasonKey): string => {
  switch (reason) {
    case 'full':
      return msg('no places left');
    case 'past':
      return msg('already past');
    case 'closed':
      return msg('the contact center is closed');
    case 'outside-calling-hours':
      return msg("outside the customer's calling hours");
    case 'too-far-ahead':
      return msg('too far ahead to schedule');
    case 'outside-contact-window':
      return msg("outside this number's contact hours");
    case 'owner-off-shift':
      return msg("the callback's owner is off shift");
    case 'outside-jurisdiction-hours':
      return msg('calls not allowed by law at these hours');
    case 'jurisdiction-no-calls-day':
      return msg('calls not allowed by law on this day');
    case 'jurisdiction-holiday':
      return msg('a holiday: calls not allowed by law');
    default:
      return msg('unavailable');
  }
};

/** "8:00 – 11:00 AM: outside the customer's calling hours". */
export const bandText = (range: string, phrase: string): string => msg(str`${range}: ${phrase}`);

// ---- one clock style ------------------------------------------------------------------------------------------

const pads = new Map<string, boolean>();

/**
 * Whether the locale writes a 24-hour clock with a leading zero ("08:00" in en-GB, "8:00" in es-ES), read from
 * its own short time style. Intl's options cannot say it: `hour: '2-digit'` pads everywhere, and `formatRange`
 * follows the locale's pattern while `format` follows the options (es-ES: "08:05" beside "8:05–8:35").
 */
function padsHour(locale: string | undefined, cycle: HourCycle): boolean {
  if (cycle === 'h12') return false;
  const key = locale ?? '';
  let pad = pads.get(key);
  if (pad === undefined) {
    const text = dateTimeFormat(locale, {timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC'}).format(
      Date.UTC(2026, 0, 5, 8, 5),
    );
    pad = /(^|\D)08\D/.test(text);
    pads.set(key, pad);
  }
  return pad;
}

export interface ClockOptions {
  locale?: string;
  timeZone: string;
  hourCycle?: HourCycle;
  zoneName?: boolean;
}

function clockFormat({locale, timeZone, hourCycle, zoneName}: ClockOptions): {
  format: Intl.DateTimeFormat;
  pad: boolean;
} {
  const cycle = hourCycle ?? localeHourCycle(locale);
  return {
    format: dateTimeFormat(locale, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: cycle,
      ...(zoneName ? {timeZoneName: 'short'} : {}),
    }),
    pad: padsHour(locale, cycle),
  };
}

const joinParts = (parts: Intl.DateTimeFormatPart[], pad: boolean): string =>
  parts
    .map((p) => (p.type !== 'hour' ? p.value : pad ? p.value.padStart(2, '0') : p.value.replace(/^0(\d)$/, '$1')))
    .join('');

/** "8:00 AM", "8:00" (es-ES), "08:00" (en-GB): the same hour style as `clockRange`. */
export function clockTime(instant: Temporal.Instant, options: ClockOptions): string {
  const {format, pad} = clockFormat(options);
  return joinParts(format.formatToParts(instant.epochMilliseconds), pad);
}

/**
 * "8:00 – 8:30 AM" in the hour style of `clockTime`. A range across a DST change with `zoneName` names both ends
 * ("1:00 AM EDT – 1:00 AM EST"); one across midnight shows no dates ("23:30 – 00:30").
 */
export function clockRange(start: Temporal.Instant, end: Temporal.Instant, options: ClockOptions): string {
  const {timeZone, locale, zoneName = false} = options;
  const from = start.toZonedDateTimeISO(timeZone);
  const to = end.toZonedDateTimeISO(timeZone);
  const offsetChanges = from.offsetNanoseconds !== to.offsetNanoseconds;
  const crossesMidnight = !from.toPlainDate().equals(to.toPlainDate());
  if ((zoneName && offsetChanges) || crossesMidnight) {
    const each = {...options, zoneName: zoneName && offsetChanges};
    const tail = zoneName && !offsetChanges ? ` ${zoneShortName(end, timeZone, locale)}` : '';
    return `${clockTime(start, each)} – ${clockTime(end, each)}${tail}`;
  }
  const {format, pad} = clockFormat(options);
  return joinParts(format.formatRangeToParts(start.epochMilliseconds, end.epochMilliseconds), pad);
}

// ---- icons ------------------------------------------------------------------------------------------------------

const LAW = 'M12 4v16M7 20h10M5 7h14M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z';
const CALENDAR = 'M5 4h14a2 2 0 0 1 2 2v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM3 9h18M8 2v4M16 2v4';

/**
 * One 24 x 24 stroke path per reason (drawn for the kit), inline SVG so a strict Content Security Policy (no
 * `data:` images) still shows them. Distinct shapes: the law (scales), the number's own hours (a phone, struck
 * out), full (people), past (a clock turning back), closed (a lock), too far ahead (a calendar and an arrow).
 */
export const REASON_ICONS: Readonly<Record<ReasonKey, string>> = {
  'outside-calling-hours': LAW,
  'outside-jurisdiction-hours': LAW,
  'outside-contact-window': 'M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2M3 3l18 18',
  full: 'M6 8a3 3 0 1 0 6 0a3 3 0 1 0-6 0M3 20a6 6 0 0 1 12 0M15.5 9a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M16 14.2a5 5 0 0 1 6 4.8',
  past: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 2',
  closed: 'M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM8 11V7a4 4 0 0 1 8 0v4',
  'too-far-ahead': `${CALENDAR}M9 15h6M13 12.5l2.5 2.5-2.5 2.5`,
  'owner-off-shift': 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
  'jurisdiction-no-calls-day': `${CALENDAR}M10 13l4 4M14 13l-4 4`,
  'jurisdiction-holiday': 'M5 21V4M5 4h13l-3 4.5 3 4.5H5',
  unknown: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0-18 0M5.6 5.6l12.8 12.8',
};
