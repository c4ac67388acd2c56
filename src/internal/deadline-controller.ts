import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Clock} from '../core/clock.js';
import type {Temporal} from '../core/temporal.js';

/** Longest a single setTimeout may wait (browsers overflow past 2^31-1 ms). */
const MAX_DELAY = 2_147_483_647;

export interface DeadlineControllerOptions {
  /** The clock to read (read on every evaluation, so an injected clock drives everything). */
  clock: () => Clock;
  /** The next moment something must happen, or undefined when nothing is pending. */
  next: () => Temporal.Instant | undefined;
  /** Called when `clock.now()` has reached the deadline (possibly late, e.g. after the tab slept). */
  run: (now: Temporal.Instant) => void;
  /** Keep running while the page is hidden (default true; countdown displays pass false). */
  whileHidden?: boolean;
}

/**
 * One timer for the next deadline of an element, never one per item:
 * - computed from `clock.now()` each time, never by counting ticks, so there is no drift;
 * - none while the host is disconnected;
 * - recomputed when the page becomes visible again (a sleeping tab catches up at once) and when an injected
 *   clock jumps (`clock.subscribe`), so tests drive time with a ManualClock and no real waiting.
 * Call `update()` whenever the data behind `next()` changes.
 */
export class DeadlineController implements ReactiveController {
  #host: ReactiveControllerHost;
  #options: DeadlineControllerOptions;
  #timer?: ReturnType<typeof setTimeout>;
  #unsubscribeClock?: () => void;
  #subscribedClock?: Clock;
  #connected = false;
  #running = false;

  constructor(host: ReactiveControllerHost, options: DeadlineControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether a timer is currently set (for tests and diagnostics). */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.update();
  }

  /** The host's clock may arrive later (context): follow it. */
  hostUpdated(): void {
    if (this.#connected && this.#options.clock() !== this.#subscribedClock) this.update();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clear();
    this.#unsubscribeClock?.();
    this.#unsubscribeClock = this.#subscribedClock = undefined;
  }

  /** Re-evaluates: runs what is due now and sets one timer for the next deadline. */
  update(): void {
    if (!this.#connected || this.#running) return;
    this.#clear();
    const clock = this.#options.clock();
    if (clock !== this.#subscribedClock) {
      this.#unsubscribeClock?.();
      this.#subscribedClock = clock;
      this.#unsubscribeClock = clock.subscribe?.(() => this.update());
    }
    this.#running = true;
    try {
      // Run every deadline already reached (bounded, in case `run` does not move the deadline forward).
      for (let i = 0; i < 1000; i++) {
        const next = this.#options.next();
        const now = clock.now();
        if (!next || next.epochNanoseconds > now.epochNanoseconds) break;
        this.#options.run(now);
      }
    } finally {
      this.#running = false;
    }
    const next = this.#options.next();
    if (!next) return;
    if (this.#options.whileHidden === false && document.visibilityState === 'hidden') return;
    // Clock time to real time: a simulated clock running at 60x reaches a deadline 60 times sooner.
    const rate = clock.rate && clock.rate > 0 ? clock.rate : 1;
    const delay = Math.min(
      MAX_DELAY,
      Math.max(0, Math.ceil(Number(next.epochMilliseconds - clock.now().epochMilliseconds) / rate)),
    );
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.update();
      this.#host.requestUpdate();
    }, delay);
  }

  #onVisibility = (): void => {
    this.update();
    this.#host.requestUpdate();
  };

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
