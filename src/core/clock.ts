import {Temporal} from './temporal.js';

/**
 * Where the kit reads the time. Injectable (through the agent-session context or an element's `clock`
 * property) so stories and tests control time. `subscribe` is optional: a clock that can jump (a manual
 * or simulated clock) offers it so timers can be recomputed at once; real clocks need not.
 */
export interface Clock {
  now(): Temporal.Instant;
  /** Called whenever the clock is set or advanced by other means than the passing of real time. */
  subscribe?(listener: () => void): () => void;
  /** How fast the clock runs against real time (a simulated day at 60x has 60); timers divide their delays by it. Default 1. */
  readonly rate?: number;
}

/** The real clock. */
export const systemClock: Clock = Object.freeze({
  now: () => Temporal.Now.instant(),
});

/**
 * A clock that only moves when told to: for tests and deterministic stories.
 *
 * ```ts
 * const clock = new ManualClock('2026-03-08T06:00:00Z');
 * clock.advance({minutes: 30});
 * ```
 */
export class ManualClock implements Clock {
  /** Vue's `markRaw` flag: Vue's reactivity leaves this object unwrapped (a Proxy cannot reach its #private fields). */
  get __v_skip(): true {
    return true;
  }

  #now: Temporal.Instant;
  #listeners = new Set<() => void>();

  constructor(start: Temporal.Instant | string) {
    this.#now = Temporal.Instant.from(start);
  }

  now(): Temporal.Instant {
    return this.#now;
  }

  /** Moves the clock to `instant` (forwards or backwards) and notifies subscribers. */
  set(instant: Temporal.Instant | string): void {
    this.#now = Temporal.Instant.from(instant);
    for (const listener of [...this.#listeners]) listener();
  }

  /** Moves the clock forward by a duration of exact time (hours, minutes, seconds...). */
  advance(duration: Temporal.DurationLike): void {
    this.set(this.#now.add(duration));
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/**
 * A clock that runs from a chosen start at real speed times `rate` (a simulated working day in a
 * story runs at `rate: 60`, one minute a second). Pure: it reads the real clock and scales the elapsed time.
 */
export class SimulatedClock implements Clock {
  /** Vue's `markRaw` flag: Vue's reactivity leaves this object unwrapped (a Proxy cannot reach its #private fields). */
  get __v_skip(): true {
    return true;
  }

  #origin: Temporal.Instant;
  #realOrigin: number;
  #rate: number;
  #listeners = new Set<() => void>();

  constructor(start: Temporal.Instant | string, {rate = 1}: {rate?: number} = {}) {
    this.#origin = Temporal.Instant.from(start);
    this.#realOrigin = Date.now();
    this.#rate = rate;
  }

  /** Clock milliseconds per real millisecond. */
  get rate(): number {
    return this.#rate;
  }

  now(): Temporal.Instant {
    const elapsed = Math.round((Date.now() - this.#realOrigin) * this.#rate);
    return this.#origin.add({milliseconds: elapsed});
  }

  /** Jumps to `instant` and keeps running from there. */
  set(instant: Temporal.Instant | string): void {
    this.#origin = Temporal.Instant.from(instant);
    this.#realOrigin = Date.now();
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
