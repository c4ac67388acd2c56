/**
 * Time zone validation, on its own: every element and `<agent-session>` check a zone, and only that, on first paint.
 * A bundler splits code shared with a lazy chunk (the demo `MemoryBackend`) by module, so keeping this apart from
 * time.ts keeps the slot and window helpers out of an element's eager files. `callback-kit/core` exports it from
 * time.ts, as before.
 */
import {Temporal} from './temporal.js';
import type {TimeZoneId} from './types.js';

/** The answers of `isValidTimeZone` so far (zone name -> valid). */
const zoneValidity = new Map<string, boolean>();

/** `true` for a time zone Temporal knows (IANA names, `UTC`, fixed offsets). */
export function isValidTimeZone(zone: unknown): zone is TimeZoneId {
  if (typeof zone !== 'string' || zone === '') return false;
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    valid = true;
  } catch {
    valid = false;
  }
  // Remembered: lists ask it for every row (10,000 rows, a handful of zones). Bounded against hostile input.
  if (zoneValidity.size >= 1000) zoneValidity.clear();
  zoneValidity.set(zone, valid);
  return valid;
}
