/**
 * Pure helpers of `<logout-countdown>`: the visible mm:ss text, the spoken duration, and the announcement marks.
 */
import {dateTimeFormat} from '../../internal/format.js';

/** Whole seconds left, rounded up (8.2 s left shows 00:09; the display reaches 00:00 at the deadline itself). */
export function secondsLeft(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs / 1000));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "02:05" (minutes and seconds), or "1:02:05" from an hour up. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${pad(minutes)}:${pad(s % 60)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function unit(locale: string | undefined, name: 'hour' | 'minute' | 'second', value: number): string {
  const key = `${locale ?? ''}|${name}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions = {style: 'unit', unit: name, unitDisplay: 'long'};
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat(undefined, options);
    }
    numberFormats.set(key, format);
  }
  return format.format(value);
}

function list(locale: string | undefined, items: string[]): string {
  const key = locale ?? '';
  let format = listFormats.get(key);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, {type: 'unit', style: 'long'});
    } catch {
      format = new Intl.ListFormat(undefined, {type: 'unit', style: 'long'});
    }
    listFormats.set(key, format);
  }
  return format.format(items);
}

/** A duration as words for screen readers and tooltips, in the locale: "2 minutes, 5 seconds", "10 seconds". */
export function spokenDuration(seconds: number, locale?: string): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  const parts: string[] = [];
  if (hours) parts.push(unit(locale, 'hour', hours));
  if (minutes) parts.push(unit(locale, 'minute', minutes));
  if (rest || !parts.length) parts.push(unit(locale, 'second', rest));
  return list(locale, parts);
}

/** Screen readers hear the time left at every whole minute and at this many milliseconds left. */
export const FINAL_MARK_MS = 10_000;

/**
 * The next announcement mark strictly below `remainingMs`: the whole minute under it, then 10 seconds, then none.
 * 125 s -> 120 s; 120 s -> 60 s; 60 s -> 10 s; 10 s -> none.
 */
export function markBelow(remainingMs: number): number | undefined {
  if (remainingMs > 60_000) return (Math.ceil(remainingMs / 60_000) - 1) * 60_000;
  if (remainingMs > FINAL_MARK_MS) return FINAL_MARK_MS;
  return undefined;
}

/** The wall-clock time with seconds ("2:05:30 PM") at which a deferred logout is expected. */
export function timeFormat(locale: string | undefined, timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat(locale, {timeZone, hour: 'numeric', minute: '2-digit', second: '2-digit'});
}
