/**
 * Calling-hours law and customer contact windows, checked when slots are offered (not only when the dialer
 * dials): a call must be inside the legal window in EVERY zone the number may be in.
 */
import {Temporal} from './temporal.js';
import {isIntervalInLocalWindow, isValidTimeZone, toInstant} from './time.js';
import type {IsoInstant, LocalTimeWindow, Phone, SchedulingPolicy, TimeZoneId} from './types.js';

/**
 * Why a call may not be placed at a time:
 * - `outside-calling-hours`: before `policy.callingWindow.start` or at/after its end in at least one candidate zone;
 * - `outside-contact-window`: outside the phone's own `contactFrom`/`contactUntil` in at least one candidate zone;
 * - `unknown-time-zone`: no valid candidate zone was given, so the law cannot be checked (never treated as allowed).
 */
export type CallingWindowViolation = 'outside-calling-hours' | 'outside-contact-window' | 'unknown-time-zone';

export interface CallingWindowOptions {
  /** End of the call or slot: when given, the whole `[start, end)` must be inside the windows. */
  end?: IsoInstant | Temporal.Instant;
}

/**
 * `null` when a call at `start` is inside the legal calling window (default 08:00 to 21:00, end exclusive) in
 * every candidate zone and inside the phone's own contact window; otherwise the first rule it breaks.
 *
 * @param start the call's start (ISO instant or Temporal.Instant)
 * @param phone the number's contact window, if any (`null` to check the calling window only)
 * @param zones candidate IANA zones of the customer, e.g. from `timeZonesForPhone` or the contact's zone
 * @param policy the policy's `callingWindow` (defaults to 08:00 to 21:00)
 */
export function callingWindowViolation(
  start: IsoInstant | Temporal.Instant,
  phone: Pick<Phone, 'contactFrom' | 'contactUntil'> | null | undefined,
  zones: readonly TimeZoneId[],
  policy: Partial<Pick<SchedulingPolicy, 'callingWindow'>> = {},
  options: CallingWindowOptions = {},
): CallingWindowViolation | null {
  const from = toInstant(start);
  const to = options.end === undefined ? from : toInstant(options.end);
  const candidates = zones.filter(isValidTimeZone);
  if (candidates.length === 0) return 'unknown-time-zone';
  const legal: LocalTimeWindow = policy.callingWindow ?? {start: '08:00', end: '21:00'};
  // A zero-length interval is checked as the instant itself: [t, t] must lie in [open, close).
  const inside = (window: LocalTimeWindow, zone: TimeZoneId) =>
    to.epochNanoseconds === from.epochNanoseconds
      ? isIntervalInLocalWindow(from, from.add({nanoseconds: 1}), window, zone)
      : isIntervalInLocalWindow(from, to, window, zone);
  if (!candidates.every((zone) => inside(legal, zone))) return 'outside-calling-hours';
  if (phone && (phone.contactFrom || phone.contactUntil)) {
    const contact: LocalTimeWindow = {start: phone.contactFrom ?? '00:00', end: phone.contactUntil ?? '24:00'};
    if (!candidates.every((zone) => inside(contact, zone))) return 'outside-contact-window';
  }
  return null;
}
