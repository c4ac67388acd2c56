/**
 * The scheduler's slots: asks the host (`availability-request` through `HostRequestController`), then the backend,
 * else offers every policy slot; one request per distinct query (a new one aborts the old); reloads when the backend
 * says seats changed in the range shown (`BackendEventsController`), or on a resync.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {AvailabilityQuery, BackendEvent, SchedulingBackend} from '../../core/backend.js';
import {Temporal} from '../../core/temporal.js';
import type {Slot} from '../../core/types.js';
import {AvailabilityRequestEvent} from '../../events/availability-request.js';
import {createResponder} from '../../events/responder.js';
import {BackendEventsController} from '../../internal/backend-events.js';
import {HostRequestController} from '../../internal/controllers/host-request.js';
import {errorMessage} from '../../internal/localization.js';
import {policySlots} from './scheduler-form-model.js';

/** The instants one fetch covers: the 7 days shown from `date` in any zone (UTC-12..+14), so a zone change relabels. */
export function rangeOf(date: Temporal.PlainDate): {from: string; to: string} {
  return {
    from: date.subtract({days: 1}).toZonedDateTime({timeZone: 'UTC'}).toInstant().toString(),
    to: date.add({days: 8}).toZonedDateTime({timeZone: 'UTC'}).toInstant().toString(),
  };
}

export interface AvailabilityOptions {
  /** The query for the slots shown now. */
  query: () => AvailabilityQuery;
  backend: () => SchedulingBackend | undefined;
  /** How long to wait for a host's `respondWith`. */
  timeout: () => number;
  /** Zone and slot length of the slots offered without any source. */
  fallback: () => {zone: string; slotMinutes: number};
  /** Runs before each request (e.g. loads the phone tools the rules need). */
  prepare: () => Promise<void>;
  /** The slots arrived. */
  loaded: () => void;
  /** Whether the grid is open (backend events reload it only then). */
  open: () => boolean;
  /** A save is on its way (its own seat changes wait for it). */
  busy: () => boolean;
}

export class AvailabilityController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: AvailabilityOptions;
  readonly #asker: HostRequestController;
  #signature?: string;
  #abort?: AbortController;
  #reloadQueued = false;
  slots: Slot[] = [];
  loading = false;
  error?: string;
  /** Seats changed by anyone, or a resync: the open grid reloads. */
  readonly events: BackendEventsController;

  constructor(host: ReactiveControllerHost & HTMLElement, options: AvailabilityOptions) {
    this.#host = host;
    this.#options = options;
    this.#asker = new HostRequestController(host);
    this.events = new BackendEventsController(host, {backend: options.backend, listener: this.#onEvent});
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#signature = undefined;
  }

  /** Asks again on the next `load()` even when the query is the same. */
  invalidate(): void {
    this.#signature = undefined;
  }

  /** Shows no slots (e.g. after a conflict, before the reload). */
  #set(patch: Partial<Pick<AvailabilityController, 'slots' | 'loading' | 'error'>>): void {
    Object.assign(this, patch);
    this.#host.requestUpdate();
  }

  /** Loads the slots of the current query (again only when it changed, or `force`). */
  async load(force = false): Promise<void> {
    const query = this.#options.query();
    const backend = this.#options.backend();
    const signature = JSON.stringify({query, backend: !!backend});
    if (!force && signature === this.#signature) return;
    this.#signature = signature;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({loading: true, error: undefined});
    try {
      await this.#options.prepare();
      if (abort.signal.aborted) return;
      const responder = createResponder<Slot[]>();
      const outcome = await this.#asker.ask<Slot[]>({
        event: new AvailabilityRequestEvent({query, respondWith: responder.respondWith}),
        responder,
        timeout: this.#options.timeout(),
        signal: abort.signal,
        fallback: () => {
          if (backend) return backend.getAvailability(query, {signal: abort.signal});
          const {zone, slotMinutes} = this.#options.fallback();
          return policySlots(query, zone, slotMinutes);
        },
      });
      if (abort.signal.aborted) return;
      this.#set({slots: outcome.refused ? [] : outcome.value});
      this.#options.loaded();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#set({slots: [], error: errorMessage(error)});
    } finally {
      if (!abort.signal.aborted) this.#set({loading: false});
    }
  }

  #onEvent = (event: BackendEvent): void => {
    let reload = event.type === 'resync';
    if (event.type === 'availability-changed' || event.type === 'callback-changed') {
      const {from, to} = this.#options.query();
      const [start, end] =
        event.type === 'availability-changed'
          ? [event.from, event.to]
          : [event.callback.start, event.callback.end ?? event.callback.start];
      try {
        reload =
          Temporal.Instant.compare(Temporal.Instant.from(start), Temporal.Instant.from(to)) < 0 &&
          Temporal.Instant.compare(Temporal.Instant.from(end), Temporal.Instant.from(from)) >= 0;
      } catch {
        reload = true; // an event we cannot place: reload rather than show stale seats
      }
    }
    // Our own save in flight changes seats too: the form keeps its pick, and reloads after it (reset, conflict).
    if (!reload || this.#reloadQueued || (this.#options.busy() && event.type !== 'resync')) return;
    this.#reloadQueued = true;
    queueMicrotask(() => {
      this.#reloadQueued = false;
      if (this.#host.isConnected && this.#options.open()) void this.load(true);
    });
  };
}
