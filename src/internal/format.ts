/**
 * Locale-aware formatting shared by the elements. Times are formatted through Intl.DateTimeFormat on epoch
 * milliseconds with an explicit `timeZone`, so native Temporal and the polyfill give the same text.
 */
import {Temporal} from '../core/temporal.js';

export type HourCycle = 'h12' | 'h23';

const cache = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat (creating one is the slow part of formatting). */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options); // an invalid locale tag falls back to the default
    }
    cache.set(key, format);
  }
  return format;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The time-of-day formatter for a zone, hour cycle and locale, cached by a plain string key: the grid formats
 * hundreds of cells per render, so no options object or JSON key is built per cell.
 */
function timeFormat(
  timeZone: string,
  hourCycle: HourCycle | undefined,
  zoneName: boolean,
  locale: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone}|${hourCycle ?? ''}|${zoneName ? 1 : 0}`;
  let format = timeFormats.get(key);
  if (!format) {
    // One time style per locale, its own: a 24-hour clock pads the hour when the locale's short time style does
    // (en-GB, fr-CA, pt-BR "08:00", "08 h 00"; es-ES "8:00"). A 12-hour clock never pads ("8:00 AM").
    const cycle = hourCycle ?? localeHourCycle(locale);
    format = dateTimeFormat(locale, {
      timeZone,
      hour: cycle === 'h23' && padsHour(locale) ? '2-digit' : 'numeric',
      minute: '2-digit',
      ...(hourCycle ? {hourCycle} : {}),
      ...(zoneName ? {timeZoneName: 'short'} : {}),
    });
    timeFormats.set(key, format);
  }
  return format;
}

const padding = new Map<string, boolean>();

/** Whether the locale's own short 24-hour time style writes 8 o'clock with two digits ("08:00", "08 h 00"). */
function padsHour(locale: string | undefined): boolean {
  const key = locale ?? '';
  let pads = padding.get(key);
  if (pads === undefined) {
    const parts = dateTimeFormat(locale, {timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC'}).formatToParts(
      Date.UTC(2000, 0, 1, 8),
    );
    pads = parts.find((p) => p.type === 'hour')?.value.length === 2;
    padding.set(key, pads);
  }
  return pads;
}

/**
 * A range whose times read exactly as `format` writes one time. Intl's formatRange may write the hour its own way
 * (es-ES: "8:00–8:30" from a format that writes "08:00"; fr-CA: "8 h 00 – 8 h 30" for "08 h 00"): each end's hour is
 * then written as the time alone writes it, keeping the range's separator, shared day period and zone name.
 */
function formatRangeAsTimes(format: Intl.DateTimeFormat, start: number, end: number): string {
  const parts = format.formatRangeToParts(start, end);
  const hour = (at: number) => format.formatToParts(at).find((p) => p.type === 'hour')?.value;
  const [startHour, endHour] = [hour(start), hour(end)];
  return parts
    .map((p) => (p.type !== 'hour' ? p.value : ((p.source === 'endRange' ? endHour : startHour) ?? p.value)))
    .join('');
}

/**
 * "2:00 – 2:30 PM" (with the zone's short name when `zoneName`). When the offset changes inside the range (a
 * slot across a DST transition) both ends carry their zone name: "1:00 AM EDT – 1:00 AM EST"; Intl's own
 * formatRange would collapse that to "1:00 AM EDT".
 */
export function formatTimeRange(
  start: Temporal.Instant,
  end: Temporal.Instant,
  {
    locale,
    timeZone,
    hourCycle,
    zoneName = false,
  }: {locale?: string; timeZone: string; hourCycle?: HourCycle; zoneName?: boolean},
): string {
  const from = start.toZonedDateTimeISO(timeZone);
  const to = end.toZonedDateTimeISO(timeZone);
  const offsetChanges = from.offsetNanoseconds !== to.offsetNanoseconds;
  const crossesMidnight = from.day !== to.day || from.month !== to.month || from.year !== to.year;
  if ((zoneName && offsetChanges) || crossesMidnight) {
    // Intl's formatRange would collapse a DST-crossing range ("1:00 AM EDT") or add dates to one crossing midnight.
    const format = timeFormat(timeZone, hourCycle, zoneName && offsetChanges, locale);
    const tail = zoneName && !offsetChanges ? ` ${zoneShortName(end, timeZone, locale)}` : '';
    return `${format.format(start.epochMilliseconds)} – ${format.format(end.epochMilliseconds)}${tail}`;
  }
  return formatRangeAsTimes(
    timeFormat(timeZone, hourCycle, zoneName, locale),
    start.epochMilliseconds,
    end.epochMilliseconds,
  );
}

/** "2:00 PM" (or "2:00 PM EST" with `zoneName`). */
export function formatTime(
  instant: Temporal.Instant,
  {
    locale,
    timeZone,
    hourCycle,
    zoneName = false,
  }: {locale?: string; timeZone: string; hourCycle?: HourCycle; zoneName?: boolean},
): string {
  return timeFormat(timeZone, hourCycle, zoneName, locale).format(instant.epochMilliseconds);
}

const shortNames = new Map<string, string>();

/**
 * The zone's short name at an instant: "EST", "EDT", "GMT+1", "GMT+10:30". Cached per locale, zone and UTC offset
 * (the name follows the offset), so Intl's slow formatToParts runs once per offset, not once per cell.
 */
export function zoneShortName(instant: Temporal.Instant, timeZone: string, locale?: string): string {
  let offset: number;
  try {
    offset = instant.toZonedDateTimeISO(timeZone).offsetNanoseconds;
  } catch {
    return timeZone;
  }
  const key = `${locale ?? ''}|${timeZone}|${offset}`;
  let name = shortNames.get(key);
  if (name === undefined) {
    const parts = dateTimeFormat(locale, {timeZone, timeZoneName: 'short'}).formatToParts(instant.epochMilliseconds);
    name = parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    shortNames.set(key, name);
  }
  return name;
}

/** The zone's long generic name: "Eastern Time", falling back to the IANA id. */
export function zoneLongName(timeZone: string, locale?: string, at: Temporal.Instant = Temporal.Now.instant()): string {
  try {
    const parts = dateTimeFormat(locale, {timeZone, timeZoneName: 'longGeneric'}).formatToParts(at.epochMilliseconds);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/**
 * The one name to show for a zone in a header, a legend or a slot: the locale's abbreviation when it has one for the
 * zone at that instant ("EST", "HNE" in fr-CA), else its long generic name ("hora oriental", "Horário do Leste"),
 * never an offset ("GMT-5") in one place and a name in another. (`zoneShortName` stays the offset-exact form, for
 * telling apart the two 1:00s of a fall-back night.)
 */
export function zoneLabel(instant: Temporal.Instant, timeZone: string, locale?: string): string {
  const short = zoneShortName(instant, timeZone, locale);
  return /^(GMT|UTC)([+\u2212-]\d|$)/.test(short) ? zoneLongName(timeZone, locale, instant) : short;
}

/** A local date: `style: 'short'` "Mon, Nov 23"; `'long'` "Monday, November 23". */
export function formatDate(
  date: Temporal.PlainDate,
  locale: string | undefined,
  style: 'short' | 'long' = 'short',
): string {
  // Memoized: the grid names every cell's day, so the same few dates are formatted hundreds of times per render.
  const key = `${locale ?? ''}|${style}|${date.year}-${date.month}-${date.day}`;
  let text = dates.get(key);
  if (text === undefined) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? {weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC'}
        : {weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC'};
    text = dateTimeFormat(locale, options).format(Date.UTC(date.year, date.month - 1, date.day, 12));
    if (dates.size > 5000) dates.clear();
    dates.set(key, text);
  }
  return text;
}

const dates = new Map<string, string>();

/** "Nov 23 – 29, 2026". */
export function formatDateRange(
  first: Temporal.PlainDate,
  last: Temporal.PlainDate,
  locale: string | undefined,
): string {
  return dateTimeFormat(locale, {month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC'}).formatRange(
    Date.UTC(first.year, first.month - 1, first.day, 12),
    Date.UTC(last.year, last.month - 1, last.day, 12),
  );
}

const hourCycles = new Map<string, HourCycle>();

/** The locale's default hour cycle ("h12" for en-US, "h23" for es-ES). */
export function localeHourCycle(locale: string | undefined): HourCycle {
  const key = locale ?? '';
  let cycle = hourCycles.get(key);
  if (!cycle) {
    const resolved = dateTimeFormat(locale, {hour: 'numeric'}).resolvedOptions().hourCycle;
    cycle = resolved === 'h11' || resolved === 'h12' ? 'h12' : 'h23';
    hourCycles.set(key, cycle);
  }
  return cycle;
}

/** The browser's zone, or UTC. */
export function defaultTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Isolates a name (a customer's, a campaign's) inside a sentence with FIRST STRONG ISOLATE ... POP DIRECTIONAL
 * ISOLATE, so direction controls in it (an unterminated U+202E) or its own script cannot reorder the rest of the
 * sentence. Isolate controls inside the name are dropped first, so it cannot close the isolate early. For plain
 * text: toasts, announcements, titles. In templates, `<bdi>` does the same.
 */
export function isolate(name: string): string {
  return `\u2068${name.replace(/[\u2066-\u2069]/g, '')}\u2069`;
}
