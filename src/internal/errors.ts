/**
 * How elements look at a thrown value: `toKitError` makes any failure a typed kit error (what the agent is shown and
 * the `*-error` events carry), `isAbort` recognises a cancelled operation (superseded, or the element removed),
 * which is never shown.
 */
import {msg} from '@lit/localize';
import {BackendUnavailableError, CallbackKitError} from '../core/errors.js';

/**
 * A thrown value as the kit's typed error: a `CallbackKitError` as it is; anything else as a
 * `BackendUnavailableError` with the original as `cause`, keeping its message (when it has one) unless
 * `keepMessage` is false (the logout countdown shows the general message: a raw host error means nothing to an agent
 * about to log out).
 */
export function toKitError(error: unknown, {keepMessage = true}: {keepMessage?: boolean} = {}): CallbackKitError {
  if (error instanceof CallbackKitError) return error;
  const message = keepMessage && error instanceof Error && error.message ? error.message : undefined;
  return new BackendUnavailableError(message ?? msg('The scheduling service is unavailable. Try again in a moment.'), {
    cause: error,
  });
}

/** Whether a thrown value is an abort (`AbortError` from a signal, a fetch, or a `DOMException`). */
export function isAbort(error: unknown): boolean {
  return (error as {name?: unknown} | null | undefined)?.name === 'AbortError';
}
