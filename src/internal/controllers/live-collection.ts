/**
 * A collection an element lists from its backend and keeps live: one `@lit/task` load (aborted when superseded or
 * when the element leaves the page), one `backend.subscribe` while connected (following the resolved backend), and
 * an early-event buffer so that nothing is lost between the two.
 *
 * - Load: `load({backend, hostOwned, signal})` runs when the backend, the key (e.g. the agent) or the host override
 *   change, on `run()`, on a `resync` event (events were missed) and when the element comes back to the page.
 * - Early events: backend events that arrive while a load is on its way are held and handed to `loaded(value,
 *   early)` with its result, in arrival order, so the element applies them on top of the (older) list. Until the
 *   first load for a key succeeds they are held even across failed loads (nothing to apply them to); after that a
 *   failed reload hands them to `event()`. Other events go to `event()` at once.
 * - Host override: `hostOwned()` says the host sets the items itself; `load` is told so (it lists only what the
 *   element still needs, or nothing) and the element decides what events change.
 *
 * Used by `<callback-list>` and `<campaign-list>`.
 */
import {Task, TaskStatus} from '@lit/task';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {BackendEvent, SchedulingBackend} from '../../core/backend.js';
import {BackendEventsController} from '../backend-events.js';
import {isAbort} from '../errors.js';

/** What `load` is given. */
export interface LiveLoadRequest {
  readonly backend: SchedulingBackend;
  /** The host set the items itself: list only what else the element needs. */
  readonly hostOwned: boolean;
  readonly signal: AbortSignal;
}

export interface LiveCollectionOptions<T> {
  /** The resolved backend (own property or the agent session's). */
  backend(): SchedulingBackend | undefined;
  /** What else the load depends on (e.g. the agent's id): a change loads again and starts a new buffer. */
  key(): readonly unknown[];
  /** The host sets the items itself (e.g. `.callbacks`). */
  hostOwned(): boolean;
  /** Lists the collection. Runs only with a backend. */
  load(request: LiveLoadRequest): Promise<T>;
  /** A load completed: apply `value`, then the events that arrived while it ran (`early`, in order). */
  loaded(value: T, early: BackendEvent[]): void;
  /** A load failed (never called for an abort). */
  failed?(error: unknown): void;
  /** A backend event outside a load (`resync` too, after the reload it starts). */
  event(event: BackendEvent): void;
  /** `subscribe` was called on a new backend: `error` is what it threw, or undefined. */
  subscribed?(error: unknown): void;
}

/** Add to an element: `#callbacks = new LiveCollection(this, {...})`. */
export class LiveCollection<T> implements ReactiveController {
  readonly #options: LiveCollectionOptions<T>;
  readonly #task: Task<readonly unknown[], T | undefined>;
  readonly #events: BackendEventsController;
  /** Events held while a load runs (undefined: none running, deliver at once). */
  #early?: BackendEvent[];
  /** The key (backend and `key()`) of the last successful load. */
  #loadedKey?: readonly unknown[];
  #wasConnected = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LiveCollectionOptions<T>) {
    this.#options = options;
    host.addController(this);
    this.#events = new BackendEventsController(host, {
      backend: options.backend,
      listener: (event) => this.#onEvent(event),
      onChange: (error) => options.subscribed?.(error),
    });
    this.#task = new Task(host, {
      task: async (args, {signal}) => {
        const [backend, hostOwned] = args as [SchedulingBackend | undefined, boolean];
        if (!backend) return undefined;
        if (!sameKey(args, this.#loadedKey)) this.#loadedKey = undefined;
        this.#early ??= [];
        return this.#options.load({backend, hostOwned, signal});
      },
      args: () => this.#args(),
      onComplete: (value) => this.#onComplete(value),
      onError: (error) => this.#onError(error),
    });
  }

  /** The load's status (`TaskStatus`). */
  get status(): TaskStatus {
    return this.#task.status;
  }

  /** A load is on its way. */
  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** The last load's error (when `status` is `ERROR`). */
  get error(): unknown {
    return this.#task.error;
  }

  /** Subscribes now when the backend changed (call before reading data in `willUpdate`). */
  sync(): void {
    this.#events.sync();
  }

  /** Loads again (no-op without a backend). */
  run(): Promise<void> {
    return this.#task.run();
  }

  hostConnected(): void {
    // Back in the page: events were missed while unsubscribed, so load again.
    if (this.#wasConnected && this.#options.backend()) void this.#task.run();
    this.#wasConnected = true;
  }

  hostDisconnected(): void {
    this.#task.abort();
  }

  #args(): readonly unknown[] {
    return [this.#options.backend(), this.#options.hostOwned(), ...this.#options.key()];
  }

  #onEvent(event: BackendEvent): void {
    if (event.type === 'resync') {
      void this.#task.run();
      this.#options.event(event);
      return;
    }
    if (this.#early) this.#early.push(event);
    else this.#options.event(event);
  }

  #onComplete(value: T | undefined): void {
    const early = this.#early ?? [];
    this.#early = undefined;
    if (value === undefined) {
      for (const event of early) this.#options.event(event);
      return;
    }
    this.#loadedKey = this.#args();
    this.#options.loaded(value, early);
  }

  #onError(error: unknown): void {
    if (isAbort(error)) return; // superseded or removed: the next load takes the buffer
    if (this.#loadedKey) {
      const early = this.#early ?? [];
      this.#early = undefined;
      for (const event of early) this.#options.event(event);
    }
    // Never loaded for this key: keep holding the events for the load that succeeds.
    this.#options.failed?.(error);
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[] | undefined): boolean {
  return !!b && a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
