/**
 * The scheduler's submissions: one idempotency key per attempt (reused on Retry, so nothing is ever created twice),
 * attempts whose answer was lost kept across reloads (localStorage `callback-kit:pending:<agent>:<contact>`) and
 * replayed with their own key before a different request goes out. Asks the host through `HostRequestController`
 * (`callback-submit`), then the backend.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {createIdempotencyKey, type SchedulingBackend} from '../../core/backend.js';
import {CallbackKitError, NoHandlerError} from '../../core/errors.js';
import type {Callback, CallbackRequest} from '../../core/types.js';
import {CallbackSubmitEvent} from '../../events/callback-submit.js';
import {createResponder} from '../../events/responder.js';
import {HostRequestController} from '../../internal/controllers/host-request.js';
import type {Operation} from './scheduler-form-model.js';

/** One submission: what was sent, how, and under which idempotency key. */
export interface Attempt {
  fingerprint: string;
  key: string;
  request: CallbackRequest;
  operation: Operation;
  callbackId?: string;
}

/** What came of a submission. `saved.operation` is what the agent asked for (a replay may have moved it). */
export type SubmitOutcome =
  | {status: 'saved'; callback: Callback; request: CallbackRequest; operation: Operation}
  | {status: 'vetoed'; reason?: string}
  | {status: 'failed'; error: Error; request: CallbackRequest; key: string};

export const fingerprintOf = (operation: Operation, id: string | undefined, request: CallbackRequest): string =>
  JSON.stringify({operation, id, request});

/** A kept attempt older than this is dropped: the agent has long since dealt with it. */
const PENDING_MAX_AGE_MS = 24 * 3_600_000;

function pendingStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked (sandboxed frame, privacy settings): nothing kept across reloads
  }
}

function readPending(key: string): Attempt | undefined {
  try {
    const raw = pendingStore()?.getItem(key);
    if (!raw) return undefined;
    const {attempt, savedAt} = JSON.parse(raw) as {attempt: Attempt; savedAt: number};
    const valid =
      typeof savedAt === 'number' &&
      Date.now() - savedAt < PENDING_MAX_AGE_MS &&
      typeof attempt?.key === 'string' &&
      typeof attempt.fingerprint === 'string' &&
      (attempt.operation === 'schedule' || attempt.operation === 'reschedule') &&
      typeof attempt.request?.start === 'string';
    if (!valid) pendingStore()?.removeItem(key);
    return valid ? attempt : undefined;
  } catch {
    return undefined;
  }
}

function writePending(key: string, attempt: Attempt | undefined): void {
  try {
    if (attempt) pendingStore()?.setItem(key, JSON.stringify({attempt, savedAt: Date.now()}));
    else pendingStore()?.removeItem(key);
  } catch {
    /* storage full or blocked: the in-memory attempt still protects this page */
  }
}

/** Errors after which the attempt certainly saved nothing (anything else may hide a lost answer). */
export function isDefinitive(error: unknown): boolean {
  if (error instanceof NoHandlerError) return true;
  return (
    error instanceof CallbackKitError &&
    ['slot-unavailable', 'validation', 'unauthorized', 'not-found'].includes(error.code)
  );
}

const asError = (caught: unknown): Error => (caught instanceof Error ? caught : new Error(String(caught)));

/** Sends the scheduler's callbacks; see the module's comment. */
export class SubmitController implements ReactiveController {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #asker: HostRequestController;
  readonly #backend: () => SchedulingBackend | undefined;
  readonly #timeout: () => number;
  /** The current attempt's key: the same request sent again reuses it. */
  #attempt?: {fingerprint: string; key: string};
  /** An attempt whose answer was lost (saved or not, unknown): replayed before a different request is sent. */
  #unsettled?: Attempt;
  /** The storage key the unsettled attempt was restored from and is kept under. */
  #storageKey?: string;
  /** A request is on its way. */
  submitting = false;
  /** The banner shows an attempt restored after a reload: Retry settles it alone. */
  restored = false;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    options: {backend: () => SchedulingBackend | undefined; timeout: () => number},
  ) {
    this.#host = host;
    this.#asker = new HostRequestController(host);
    this.#backend = options.backend;
    this.#timeout = options.timeout;
    host.addController(this);
  }

  hostConnected(): void {}

  /** An attempt whose outcome is unknown. */
  get unsettled(): Attempt | undefined {
    return this.#unsettled;
  }

  /**
   * Follows the storage key (agent and contact). When it changes, an attempt kept under the new key is restored
   * (returned, once) so the element can show it: Retry settles it with its own key.
   */
  follow(storageKey: string | undefined): Attempt | undefined {
    if (storageKey === this.#storageKey) return undefined;
    this.#storageKey = storageKey;
    const attempt = storageKey ? readPending(storageKey) : undefined;
    if (!attempt || this.#unsettled) return undefined;
    this.#unsettled = attempt;
    this.#attempt = {fingerprint: attempt.fingerprint, key: attempt.key};
    this.restored = true;
    return attempt;
  }

  /** A new form: the next request gets a new key (unless a restored attempt is still shown). */
  reset(): void {
    if (!this.restored) this.#attempt = undefined;
  }

  #persist(attempt: Attempt | undefined): void {
    if (this.#storageKey) writePending(this.#storageKey, attempt);
  }

  #done(): void {
    this.#attempt = undefined;
    this.#unsettled = undefined;
    this.restored = false;
    this.#persist(undefined);
  }

  /** Sends one attempt: the host's `respondWith`, else the backend; `{vetoed}` when the host refused it. */
  async #send({request, operation, callbackId, key}: Attempt): Promise<Callback | {vetoed: string | undefined}> {
    const responder = createResponder<Callback>();
    const event = new CallbackSubmitEvent({
      request,
      operation,
      callbackId,
      idempotencyKey: key,
      respondWith: responder.respondWith,
    });
    const backend = this.#backend();
    const outcome = await this.#asker.ask<Callback>({
      event,
      responder,
      timeout: this.#timeout(),
      fallback: backend
        ? () =>
            operation === 'reschedule'
              ? backend.rescheduleCallback(callbackId!, request, {idempotencyKey: key})
              : backend.scheduleCallback(request, {idempotencyKey: key})
        : undefined,
    });
    return outcome.refused ? {vetoed: event.vetoReason} : outcome.value;
  }

  /** Sends `request`: replays an unsettled attempt first (its answer was lost), then this one. */
  async submit(request: CallbackRequest, asked: Operation, id: string | undefined): Promise<SubmitOutcome> {
    let operation = asked;
    let callbackId = id;
    this.submitting = true;
    this.#host.requestUpdate();
    let sent: Attempt | undefined;
    try {
      const unsettled = this.#unsettled;
      if (unsettled && unsettled.fingerprint !== fingerprintOf(operation, callbackId, request)) {
        // An earlier attempt may have been saved although its answer was lost. Replay it with its own key first, so
        // the agent's changes update that callback instead of creating a second one.
        sent = unsettled;
        try {
          const earlier = await this.#send(unsettled);
          if ('vetoed' in earlier) return {status: 'vetoed', reason: earlier.vetoed};
          this.restored = false;
          operation = 'reschedule';
          callbackId = earlier.id;
        } catch (caught) {
          this.restored = false;
          if (!isDefinitive(caught)) throw caught; // still unknown: keep it unsettled and tell the agent
        }
        this.#unsettled = undefined;
      }
      const fingerprint = fingerprintOf(operation, callbackId, request);
      if (this.#attempt?.fingerprint !== fingerprint) this.#attempt = {fingerprint, key: createIdempotencyKey()};
      sent = {fingerprint, key: this.#attempt.key, request, operation, callbackId};
      // Kept before it goes out: a reload while it is on its way still finds it, and settles it with this key.
      this.#persist(sent);
      let callback: Callback | {vetoed: string | undefined};
      try {
        callback = await this.#send(sent);
      } catch (caught) {
        this.restored = false;
        throw caught;
      }
      if ('vetoed' in callback) {
        this.#persist(this.#unsettled);
        return {status: 'vetoed', reason: callback.vetoed};
      }
      this.#done();
      return {status: 'saved', callback, request, operation: asked};
    } catch (caught) {
      const error = asError(caught);
      // A lost answer leaves the attempt's outcome unknown: remember it until it is settled.
      if (sent && !isDefinitive(error)) this.#unsettled ??= sent;
      else if (sent && this.#unsettled?.key === sent.key) this.#unsettled = undefined;
      this.#persist(this.#unsettled);
      return {status: 'failed', error, request, key: sent?.key ?? ''};
    } finally {
      this.submitting = false;
      this.#host.requestUpdate();
    }
  }

  /** Retry of an attempt restored after a reload: sends it alone, with its own key. */
  async settle(): Promise<SubmitOutcome | undefined> {
    const attempt = this.#unsettled;
    if (!attempt || this.submitting) return undefined;
    this.submitting = true;
    this.#host.requestUpdate();
    try {
      const callback = await this.#send(attempt);
      if ('vetoed' in callback) return {status: 'vetoed', reason: callback.vetoed};
      this.#done();
      return {status: 'saved', callback, request: attempt.request, operation: attempt.operation};
    } catch (caught) {
      const error = asError(caught);
      if (isDefinitive(error)) this.#done();
      return {status: 'failed', error, request: attempt.request, key: attempt.key};
    } finally {
      this.submitting = false;
      this.#host.requestUpdate();
    }
  }
}
