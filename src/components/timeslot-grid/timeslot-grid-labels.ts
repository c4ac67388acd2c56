/**
 * The grid's words for why a slot is unavailable, and their icons: one table, built once per UI language.
 * (Times are written by `src/internal/format.ts`, in the locale's one clock style.)
 */
import {msg, str} from '@lit/localize';
import type {SlotUnavailableReason} from '../../core/types.js';
import {kitLocale} from '../../internal/localization.js';

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

/**
 * A reason's words: `[short, long, phrase]`. Short: a few words in a slot's accessible name ("Full"). Long: the
 * sentence of its description (`aria-describedby`) and tooltip. Phrase: the end of a band's text, after its range
 * ("outside the customer's calling hours").
 */
export type ReasonWords = readonly [short: string, long: string, phrase: string];

let words: {locale: string; table: Record<ReasonKey, ReasonWords>} | undefined;

/** Every reason's words in the current UI language (built once per language). */
export function reasonWords(reason: ReasonKey): ReasonWords {
  const locale = kitLocale();
  if (words?.locale !== locale) {
    const law = msg('Not allowed by law');
    const lawLong = msg("Unavailable: the law of the customer's state or province forbids calls at this time.");
    words = {
      locale,
      table: {
        full: [msg('Full'), msg('Unavailable: no places left at this time.'), msg('no places left')],
        past: [msg('Past'), msg('Unavailable: this time has passed.'), msg('already past')],
        closed: [
          msg('Closed'),
          msg('Unavailable: the contact center is closed at this time.'),
          msg('the contact center is closed'),
        ],
        'outside-calling-hours': [
          msg('Outside calling hours'),
          msg("Unavailable: outside the customer's calling hours."),
          msg("outside the customer's calling hours"),
        ],
        'too-far-ahead': [
          msg('Too far ahead'),
          msg('Unavailable: too far ahead to schedule.'),
          msg('too far ahead to schedule'),
        ],
        'outside-contact-window': [
          msg("Outside this number's hours"),
          msg("Unavailable: outside the hours this number's customer agreed to be called."),
          msg("outside this number's contact hours"),
        ],
        'owner-off-shift': [
          msg('Owner off shift'),
          msg("Unavailable: the callback's owner does not work at this time."),
          msg("the callback's owner is off shift"),
        ],
        'outside-jurisdiction-hours': [law, lawLong, msg('calls not allowed by law at these hours')],
        'jurisdiction-no-calls-day': [law, lawLong, msg('calls not allowed by law on this day')],
        'jurisdiction-holiday': [law, lawLong, msg('a holiday: calls not allowed by law')],
        unknown: [msg('Unavailable'), msg('Unavailable.'), msg('unavailable')],
      },
    };
  }
  return words.table[reason];
}

/** "8:00 – 11:00 AM: outside the customer's calling hours". */
export const bandText = (range: string, phrase: string): string => msg(str`${range}: ${phrase}`);

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
