/**
 * The kit's error base class, validation errors and the errors of asking a host by event: what the elements raise
 * themselves, on first paint included (`<agent-session>` reports an invalid zone as a `ValidationError`). The
 * errors a backend throws (`SlotUnavailableError`, `BackendUnavailableError`, `NotFoundError`) are errors.ts, which
 * re-exports these: a bundler splits code shared with a lazy chunk (the demo `MemoryBackend`) by module.
 * Import them from errors.ts (or `callback-kit/core`); this module is internal.
 */

/** The stable `code` of every kit error (survives structured cloning and JSON). */
export type CallbackKitErrorCode =
  'slot-unavailable' | 'validation' | 'backend-unavailable' | 'not-found' | 'unauthorized';

/** Base class of the kit's errors. Each class sets a literal `name` (minifiers rename classes). */
export class CallbackKitError extends Error {
  readonly code: CallbackKitErrorCode;

  constructor(code: CallbackKitErrorCode, message: string, options?: {cause?: unknown}) {
    super(message, options);
    this.code = code;
    this.name = 'CallbackKitError';
  }
}

/** One invalid field of a request: `field` is the request property, `message` is for the agent. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The request is invalid; `fieldErrors` says which fields and why. Retrying unchanged will fail again. */
export class ValidationError extends CallbackKitError {
  readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[], message?: string) {
    super('validation', message ?? fieldErrors.map((e) => e.message).join(' '));
    this.name = 'ValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** "1 second", "30 seconds", "250 ms" (never "0 seconds"). */
function describeWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** The host did not answer a request event in time (it called `respondWith` but the promise did not settle). */
export class HostTimeoutError extends CallbackKitError {
  /** The request event's name, e.g. `callback-submit`. */
  readonly event: string;

  constructor(event: string, ms: number) {
    super('backend-unavailable', `No answer to ${event} within ${describeWait(ms)}. Try again.`);
    this.name = 'HostTimeoutError';
    this.event = event;
  }
}

/** The host could not be asked: no backend and nobody answered the request event. */
export class NoHandlerError extends CallbackKitError {
  /** The request event's name, e.g. `callback-submit`. */
  readonly event: string;

  constructor(event: string) {
    super(
      'backend-unavailable',
      `Nothing handled ${event}: give the element a backend or answer the event with detail.respondWith(promise).`,
    );
    this.name = 'NoHandlerError';
    this.event = event;
  }
}
