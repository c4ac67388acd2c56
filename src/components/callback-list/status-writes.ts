/**
 * The lifecycle steps `<callback-list>` persists: `in-progress` on launch and `expired` on a followup's expiry,
 * through `backend.updateCallbackStatus`, so a reload (another element over the same backend) shows them and never
 * fires `callback-expired` again. One idempotency key per intent: a failure is kept (the row shows it with Try
 * again) and sent again with the same key, never as a second change. Without a backend (or one without the method)
 * the host persists them from `callback-launch`/`callback-expired`.
 */
import {createIdempotencyKey, type SchedulingBackend} from '../../core/backend.js';
import type {CallbackKitError} from '../../core/errors.js';
import type {Callback, CallbackStatusUpdate} from '../../core/types.js';
import {isAbort, toKitError} from '../../internal/errors.js';
import {errorMessage} from '../../internal/localization.js';

/** A status write the list owes the backend, kept to retry with the same key. */
export interface StatusWrite {
  status: CallbackStatusUpdate;
  /** The callback's start when the write was decided: a moved callback starts a new intent (new key). */
  start: string;
  key: string;
  busy: boolean;
  /** The failure's message, shown in the row. */
  error?: string;
}

export interface StatusWritesOptions {
  backend(): SchedulingBackend | undefined;
  /** Aborted when the element leaves the page (writes cut off are sent again later). */
  signal(): AbortSignal;
  /** The callback as the list has it now (undefined: gone). */
  current(id: string): Callback | undefined;
  /** The backend saved a write: its answer. */
  saved(callback: Callback): void;
  failed(error: CallbackKitError, callback: Callback): void;
  /** Something to show changed. */
  changed(): void;
}

export class StatusWrites {
  readonly #writes = new Map<string, StatusWrite>();
  readonly #options: StatusWritesOptions;

  constructor(options: StatusWritesOptions) {
    this.#options = options;
  }

  /** The write not yet confirmed for a callback. */
  get(id: string): StatusWrite | undefined {
    return this.#writes.get(id);
  }

  /** Persists `status` for a callback (the same key as a failed write of the same intent). */
  persist(callback: Callback, status: CallbackStatusUpdate): void {
    const backend = this.#options.backend();
    if (!backend || typeof backend.updateCallbackStatus !== 'function') return;
    const previous = this.#writes.get(callback.id);
    const write: StatusWrite =
      previous && previous.status === status && previous.start === callback.start
        ? previous
        : {status, start: callback.start, key: createIdempotencyKey(), busy: false};
    if (write.busy) return;
    write.busy = true;
    write.error = undefined;
    this.#writes.set(callback.id, write);
    const signal = this.#options.signal();
    backend.updateCallbackStatus(callback.id, status, {idempotencyKey: write.key, signal}).then(
      (saved) => {
        write.busy = false;
        if (this.#writes.get(callback.id) === write) this.#writes.delete(callback.id);
        if (saved && typeof saved.id === 'string') this.#options.saved(saved);
        this.#options.changed();
      },
      (error: unknown) => {
        write.busy = false;
        if (signal.aborted || isAbort(error)) return; // reconnected later: a resync or Try again sends it again
        const kitError = toKitError(error);
        write.error = errorMessage(kitError);
        this.#options.failed(kitError, callback);
        this.#options.changed();
      },
    );
  }

  /**
   * Sends a write again with its key, unless it no longer applies: the callback is gone, was moved to another time
   * (a new intent), or already has that status.
   */
  retry(id: string): void {
    const write = this.#writes.get(id);
    if (!write || write.busy) return;
    const callback = this.#options.current(id);
    if (!callback || callback.start !== write.start || callback.status === write.status) {
      this.#writes.delete(id);
      this.#options.changed();
      return;
    }
    this.persist(callback, write.status);
  }

  /** Sends again (same keys) the writes that failed or were cut off. */
  retryAll(): void {
    for (const id of [...this.#writes.keys()]) this.retry(id);
  }
}
