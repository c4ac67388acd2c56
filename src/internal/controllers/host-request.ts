/**
 * The one implementation of the kit's "ask the host" protocol, used by every element that dispatches a request
 * event (`callback-submit`, `availability-request`, `callback-cancel-request`, `preview-record-request`,
 * `logout-request`):
 *
 * 1. the element dispatches the request event, whose detail carries a responder (`respondWith`);
 * 2. the host's `respondWith(promise)` answers it: the element waits for that promise, with a timeout while it is on
 *    the page (once removed, it keeps waiting without a timer: the answer is not lost);
 * 3. otherwise `preventDefault()` / `veto(reason)` refuses it (the outcome says so: the element decides what that
 *    means for it);
 * 4. otherwise the fallback runs (the backend's call, or the element's own default);
 * 5. otherwise nothing can answer: `NoHandlerError`.
 *
 * An abort signal stops the wait for the host's answer (the promise rejects with the signal's reason).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {HostTimeoutError, NoHandlerError} from '../../core/errors.js';

/** One request to the host. */
export interface HostRequest<T> {
  /** The request event, dispatched on the element. Its detail's responder is `responder`. */
  readonly event: Event;
  /** Reads back what the host answered through `respondWith` (see `createResponder`). */
  readonly responder: {readonly response: Promise<T> | undefined};
  /** The event's name, for `HostTimeoutError` and `NoHandlerError`. Defaults to `event.type`. */
  readonly name?: string;
  /** Milliseconds to wait for the host's answer (0 or not finite: no limit). Never applied to the fallback. */
  readonly timeout: number;
  /** What answers when the host did not: usually the backend's call. Undefined when nothing can. */
  readonly fallback?: (() => Promise<T> | T) | undefined;
  /**
   * When `preventDefault()` refuses the request: `'unanswered'` (default) only when the host did not also call
   * `respondWith` (an answer wins over a refusal); `'always'` whenever the event was canceled.
   */
  readonly refusal?: 'unanswered' | 'always';
  /** Stops waiting for the host's answer: the ask rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** What came of a request: refused by the host, or answered (by the host or by the fallback). */
export type HostOutcome<T> =
  | {readonly refused: true; readonly event: Event}
  | {readonly refused: false; readonly value: T; readonly answeredBy: 'host' | 'fallback'};

/** Waits for a promise, rejecting with `HostTimeoutError` after `ms` (and never leaving a timer behind). */
export function withTimeout<T>(promise: Promise<T>, ms: number, event: string): Promise<T> {
  if (!Number.isFinite(ms) || ms <= 0) return promise;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HostTimeoutError(event, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Rejects with the signal's reason when it aborts (never settles otherwise). */
function abortion(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), {once: true});
  });
}

const DETACHED = Symbol('detached');

/**
 * Asks the host: add it to an element (`#host = new HostRequestController(this)`) and call `ask()`. Its timers run
 * only while the element is connected.
 */
export class HostRequestController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #detachers = new Set<() => void>();
  #connected = false;

  constructor(host: ReactiveControllerHost & EventTarget) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    for (const detach of [...this.#detachers]) detach();
  }

  /** Dispatches `request.event` and resolves with what came of it (see the module's comment for the order). */
  async ask<T>(request: HostRequest<T>): Promise<HostOutcome<T>> {
    const {event, responder} = request;
    const name = request.name ?? event.type;
    const proceed = this.#host.dispatchEvent(event);
    const response = responder.response;
    if (!proceed && (request.refusal === 'always' || !response)) return {refused: true, event};
    if (response) return {refused: false, value: await this.#wait(response, request, name), answeredBy: 'host'};
    if (request.fallback) return {refused: false, value: await request.fallback(), answeredBy: 'fallback'};
    throw new NoHandlerError(name);
  }

  /** The host's answer, with the timeout while connected and the abort signal. */
  async #wait<T>(response: Promise<T>, request: HostRequest<T>, name: string): Promise<T> {
    const answer = request.signal ? Promise.race([response, abortion(request.signal)]) : response;
    if (!this.#connected) return answer;
    let detach!: () => void;
    const detached = new Promise<never>((_, reject) => {
      detach = () => reject(DETACHED);
    });
    this.#detachers.add(detach);
    try {
      return await withTimeout(Promise.race([answer, detached]), request.timeout, name);
    } catch (error) {
      if (error === DETACHED) return answer;
      throw error;
    } finally {
      this.#detachers.delete(detach);
    }
  }
}
