/**
 * The events-only integration pattern: an element dispatches a cancelable request event whose
 * `detail.respondWith(promise)` lets the host do the work (save a callback, authorize a logout...) and hand the
 * result back. The element waits for the promise, with a timeout, and shows the result or the error.
 */
import {CallbackKitError} from '../core/errors.js';

/** "1 second", "30 seconds", "250 ms" (never "0 seconds"). */
function describeWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** The host did not answer a request event in time (it called neither `respondWith` nor settled the promise). */
export class HostTimeoutError extends CallbackKitError {
  readonly event: string;

  constructor(event: string, ms: number) {
    super('backend-unavailable', `No answer to ${event} within ${describeWait(ms)}. Try again.`);
    this.name = 'HostTimeoutError';
    this.event = event;
  }
}

/** The host could not be asked: no backend and nobody answered the request event. */
export class NoHandlerError extends CallbackKitError {
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

/** The `respondWith` half of a request event's detail. */
export interface Responder<T> {
  /**
   * Hand the element a promise of the result. Call it synchronously inside your listener. The element shows a
   * busy state until it settles, then the result, or the error (a `CallbackKitError` is shown precisely).
   */
  respondWith(response: Promise<T> | T): void;
}

/** Creates the responder of one request event and reads back what the host did. */
export function createResponder<T>(): Responder<T> & {readonly response: Promise<T> | undefined} {
  let response: Promise<T> | undefined;
  return {
    respondWith(value: Promise<T> | T) {
      if (response) throw new Error('respondWith() was already called for this event.');
      response = Promise.resolve(value);
    },
    get response() {
      return response;
    },
  };
}

/** Waits for a promise, rejecting with `HostTimeoutError` after `ms` (and never leaving a timer behind). */
export function withTimeout<T>(promise: Promise<T>, ms: number, event: string): Promise<T> {
  if (!Number.isFinite(ms) || ms <= 0) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostTimeoutError(event, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
