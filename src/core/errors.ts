/**
 * Typed errors every backend (MemoryBackend, HttpBackend, or a host's own) throws, so elements can say
 * something precise. Each has a stable `code` that survives structured cloning and JSON.
 */
import {CallbackKitError} from './base-errors.js';
import type {CallingRuleViolation} from './types.js';

export * from './base-errors.js';

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
