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

function timeOptions(
  timeZone: string,
  hourCycle: HourCycle | undefined,
  zoneName: boolean,
  locale: string | undefined,
): Intl.DateTimeFormatOptions {
  // A 24-hour clock reads "09:00", not "9:00" (en-GB's numeric hour drops the zero its ranges keep).
  const cycle = hourCycle ?? localeHourCycle(locale);
  return {
    timeZone,
    hour: cycle === 'h23' ? '2-digit' : 'numeric',
    minute: '2-digit',
    ...(hourCycle ? {hourCycle} : {}),
    ...(zoneName ? {timeZoneName: 'short'} : {}),
  };
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
  const offsetChanges = zoneShortName(start, timeZone, locale) !== zoneShortName(end, timeZone, locale);
  const crossesMidnight = !start
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .equals(end.toZonedDateTimeISO(timeZone).toPlainDate());
  if ((zoneName && offsetChanges) || crossesMidnight) {
    // Intl's formatRange would collapse a DST-crossing range ("1:00 AM EDT") or add dates to one crossing midnight.
    const format = dateTimeFormat(locale, timeOptions(timeZone, hourCycle, zoneName && offsetChanges, locale));
    const tail = zoneName && !offsetChanges ? ` ${zoneShortName(end, timeZone, locale)}` : '';
    return `${format.format(start.epochMilliseconds)} – ${format.format(end.epochMilliseconds)}${tail}`;
  }
  return dateTimeFormat(locale, timeOptions(timeZone, hourCycle, zoneName, locale)).formatRange(
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
  return dateTimeFormat(locale, timeOptions(timeZone, hourCycle, zoneName, locale)).format(instant.epochMilliseconds);
}

/** The zone's short name at an instant: "EST", "EDT", "GMT+1", "GMT+10:30". */
export function zoneShortName(instant: Temporal.Instant, timeZone: string, locale?: string): string {
  const parts = dateTimeFormat(locale, {timeZone, timeZoneName: 'short'}).formatToParts(instant.epochMilliseconds);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
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

/** A local date: `style: 'short'` "Mon, Nov 23"; `'long'` "Monday, November 23". */
export function formatDate(
  date: Temporal.PlainDate,
  locale: string | undefined,
  style: 'short' | 'long' = 'short',
): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? {weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC'}
      : {weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC'};
  return dateTimeFormat(locale, options).format(Date.UTC(date.year, date.month - 1, date.day, 12));
}

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

/** The locale's default hour cycle ("h12" for en-US, "h23" for es-ES). */
export function localeHourCycle(locale: string | undefined): HourCycle {
  const cycle = dateTimeFormat(locale, {hour: 'numeric'}).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/** The browser's zone, or UTC. */
export function defaultTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
