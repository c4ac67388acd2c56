import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {BackendEvent, SchedulingBackend} from '../core/backend.js';

/**
 * Keeps one `backend.subscribe(listener)` while the host element is connected, following its resolved backend (own
 * property or the agent session's): subscribes on connect and when the backend changes, unsubscribes from the old
 * one and on disconnect. `sync()` may also be called by the host at any time (e.g. in `willUpdate`, before it reads
 * data). `onChange(error)` is told after every (re)subscription: `undefined`, or what `subscribe` threw.
 */
export class BackendEventsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #backend: () => SchedulingBackend | undefined;
  readonly #listener: (event: BackendEvent) => void;
  readonly #onChange?: (error: unknown) => void;
  #subscribedTo?: SchedulingBackend;
  #unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: {
      backend: () => SchedulingBackend | undefined;
      listener: (event: BackendEvent) => void;
      onChange?: (error: unknown) => void;
    },
  ) {
    this.#host = host;
    this.#backend = options.backend;
    this.#listener = options.listener;
    this.#onChange = options.onChange;
    host.addController(this);
  }

  /** The backend subscribed to now (undefined while disconnected or without one). */
  get backend(): SchedulingBackend | undefined {
    return this.#subscribedTo;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.sync();
  }

  sync(): void {
    const backend = this.#host.isConnected ? this.#backend() : undefined;
    if (backend === this.#subscribedTo) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = backend;
    if (!backend) return;
    let error: unknown;
    try {
      this.#unsubscribe = backend.subscribe(this.#listener);
    } catch (caught) {
      error = caught;
    }
    this.#onChange?.(error);
  }
}
