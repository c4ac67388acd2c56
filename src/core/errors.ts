/**
 * Typed errors every backend (MemoryBackend, HttpBackend, or a host's own) throws, so elements can say
 * something precise. Each has a stable `code` that survives structured cloning and JSON.
 */
import type {CallingRuleViolation} from './types.js';

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

/** The chosen slot was taken meanwhile (or is no longer bookable). Pick another slot and retry. */
export class SlotUnavailableError extends CallbackKitError {
  readonly start: string;
  readonly reason: string;
  /** For the jurisdiction reasons (`policy.callingRules`): the rule broken, with its jurisdiction and window. */
  readonly rule?: CallingRuleViolation;

  constructor(start: string, reason: string, message?: string, rule?: CallingRuleViolation) {
    super('slot-unavailable', message ?? `The slot at ${start} is no longer available (${reason}).`);
    this.name = 'SlotUnavailableError';
    this.start = start;
    this.reason = reason;
    if (rule) this.rule = rule;
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

/** The backend could not be reached or failed. Safe to retry with the same idempotency key. */
export class BackendUnavailableError extends CallbackKitError {
  readonly retryable = true;

  constructor(message = 'The scheduling service is unavailable. Try again in a moment.', options?: {cause?: unknown}) {
    super('backend-unavailable', message, options);
    this.name = 'BackendUnavailableError';
  }
}

/** The callback (or other record) does not exist. */
export class NotFoundError extends CallbackKitError {
  constructor(what: string) {
    super('not-found', `${what} was not found.`);
    this.name = 'NotFoundError';
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
