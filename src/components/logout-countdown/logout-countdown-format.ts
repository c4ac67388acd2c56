/**
 * Helpers of `<logout-countdown>` that need no element: the spoken duration (announcements, the chip's tooltip) and
 * the check of an answer (from a backend or a host) before the negotiation takes it. The visible mm:ss text and the
 * wall-clock time are in the lazy surfaces (logout-countdown.view.ts).
 */
import {msg, str} from '@lit/localize';
import type {LogoutDecision} from '../../core/backend.js';
import {ValidationError} from '../../core/errors.js';
import type {CheckedLogoutDecision} from '../../core/logout-negotiation.js';
import {Temporal} from '../../core/temporal.js';

export {secondsLeft, markBelow, FINAL_MARK_MS} from '../../core/logout-negotiation.js';

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

/** Checks an answer from a backend or a host: a refusal needs a valid `notBefore`. Throws `ValidationError`. */
export function checkDecision(value: unknown): CheckedLogoutDecision {
  const answer = value as Partial<LogoutDecision> | null | undefined;
  if (!answer || typeof answer !== 'object' || typeof answer.authorized !== 'boolean') {
    throw new ValidationError(
      [{field: 'authorized', code: 'invalid', message: msg('The logout answer says neither authorized nor deferred.')}],
      msg('The logout answer is not valid: it says neither authorized nor deferred.'),
    );
  }
  if (answer.authorized) return {authorized: true};
  const refusal = answer as {notBefore?: unknown; reason?: unknown};
  let notBefore: Temporal.Instant | undefined;
  try {
    notBefore = typeof refusal.notBefore === 'string' ? Temporal.Instant.from(refusal.notBefore) : undefined;
  } catch {
    notBefore = undefined;
  }
  if (!notBefore) {
    const value = JSON.stringify(refusal.notBefore ?? null);
    throw new ValidationError(
      [
        {
          field: 'notBefore',
          code: 'invalid-instant',
          message: msg('The deferred logout has no valid notBefore instant.'),
        },
      ],
      msg(str`The logout answer is not valid: notBefore ${value} is not an ISO instant.`),
    );
  }
  const reason = typeof refusal.reason === 'string' ? refusal.reason.trim() : '';
  return {authorized: false, notBefore, reason};
}
