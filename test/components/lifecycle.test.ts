/**
 * Lifecycle: every element connected and removed 1,000 times leaves nothing behind. Instrumented counts, not
 * heuristics: pending timers (setTimeout/setInterval minus clears and fired timeouts), listeners on `document`
 * and `window` (add minus remove, `once` and `signal` included), backend subscriptions (a MemoryBackend that counts
 * subscribe minus unsubscribe) and clock subscriptions (a ManualClock that counts the same). Each count must return
 * to its baseline once the element is out of the page, and was above it while connected where the element needs
 * one (so the instrumentation demonstrably sees what the elements do).
 */
import {expect, fixture, html} from '@open-wc/testing';
import '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {BackendEvent} from '../../src/core/backend.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {loadPhoneTools} from '../../src/core/phone-loader.js';
import {generateSlots} from '../../src/core/time.js';
import {ignoreResizeObserverLoopErrors} from '../support/resize-observer-loop.js';
import '../support/fresh-storage.js';

const CYCLES = 1000;
const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};

// ---------------------------------------------------------------------------------------------------------
// Instrumentation

const native = {
  setTimeout: window.setTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  clearInterval: window.clearInterval.bind(window),
};
const timers = new Set<number>();

interface Registration {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}
const listeners: Registration[] = [];
const restore: Array<() => void> = [];

function instrument() {
  const w = window as unknown as Record<string, unknown>;
  w.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = native.setTimeout(
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    timers.add(id);
    return id;
  };
  w.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = native.setInterval(handler, ms, ...args);
    timers.add(id);
    return id;
  };
  w.clearTimeout = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    native.clearTimeout(id);
  };
  w.clearInterval = (id?: number) => {
    if (id !== undefined) timers.delete(id);
    native.clearInterval(id);
  };
  restore.push(() => Object.assign(window, native));

  for (const target of [document, window] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const find = (type: string, listener: EventListenerOrEventListenerObject, capture: boolean) =>
      listeners.findIndex(
        (r) => r.target === target && r.type === type && r.listener === listener && r.capture === capture,
      );
    const capture = (options?: boolean | EventListenerOptions) =>
      typeof options === 'boolean' ? options : !!options?.capture;
    target.addEventListener = function (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      add.call(this, type, listener, options);
      if (!listener) return;
      const c = capture(options);
      if (find(type, listener, c) !== -1) return; // the platform ignores duplicates too
      const registration = {target, type, listener, capture: c};
      listeners.push(registration);
      const drop = () => {
        const i = listeners.indexOf(registration);
        if (i !== -1) listeners.splice(i, 1);
      };
      if (typeof options === 'object' && options.once) add.call(this, type, drop, {once: true, capture: c});
      if (typeof options === 'object' && options.signal) options.signal.addEventListener('abort', drop);
    };
    target.removeEventListener = function (
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      remove.call(this, type, listener, options);
      if (!listener) return;
      const i = find(type, listener, capture(options));
      if (i !== -1) listeners.splice(i, 1);
    };
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
}

/** A MemoryBackend that counts live subscriptions. */
class CountingBackend extends MemoryBackend {
  subscriptions = 0;
  subscribes = 0;

  override subscribe(listener: (e: BackendEvent) => void): () => void {
    const off = super.subscribe(listener);
    this.subscriptions++;
    this.subscribes++;
    let done = false;
    return () => {
      if (!done) this.subscriptions--;
      done = true;
      off();
    };
  }
}

/** A ManualClock that counts live subscriptions. */
class CountingClock extends ManualClock {
  subscriptions = 0;
  subscribes = 0;

  override subscribe(listener: () => void): () => void {
    const off = super.subscribe(listener);
    this.subscriptions++;
    this.subscribes++;
    let done = false;
    return () => {
      if (!done) this.subscriptions--;
      done = true;
      return off();
    };
  }
}

interface Counts {
  timers: number;
  listeners: number;
  backend: number;
  clock: number;
}

/** Lets pending promise chains (aborted loads, lazy imports) settle: a few macrotasks and a frame. */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => native.setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => native.setTimeout(resolve, 0));
}

/**
 * Settles until `counts()` reads the same twice in a row (or, with `target`, equals it), and returns it. How many
 * macrotasks a load, a lazy import or a backend's simulated latency takes depends on the machine's load: waiting
 * for the counts to stop moving (a condition) replaces guessing a number of turns. A leak never converges to the
 * baseline, so it still fails (after the bound).
 */
async function steady<T>(counts: () => T, target?: T): Promise<T> {
  // Not waitUntil: its timers would be counted. A bound on a hang only, never a verdict on speed.
  const giveUp = performance.now() + 20_000;
  let last = JSON.stringify(counts());
  while (performance.now() < giveUp) {
    await settle();
    const now = JSON.stringify(counts());
    if (target === undefined ? now === last : now === JSON.stringify(target)) break;
    last = now;
  }
  return counts();
}

interface Case {
  tag: string;
  /** Builds the element (not connected) around a counting backend and clock. */
  create: (backend: CountingBackend, clock: CountingClock) => HTMLElement;
  /** Put the element in a state with timers, e.g. a deferred logout (runs once, connected). */
  prepare?: (el: HTMLElement) => Promise<void>;
  /** What the element holds while connected, at least. */
  whileConnected: Partial<Counts>;
}

function slots() {
  return generateSlots({
    timeZone: 'America/New_York',
    from: '2026-11-23',
    to: '2026-11-27',
    slotMinutes: 30,
    hours: {start: '09:00', end: '17:00'},
  }).map((s) => ({start: s.start.toInstant().toString(), end: s.end.toInstant().toString(), available: true}));
}

function make<T extends HTMLElement>(tag: string, props: Record<string, unknown>): T {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  return el;
}

const CASES: Case[] = [
  {
    tag: 'agent-session',
    create: (backend, clock) => make('agent-session', {agent: MARIA, backend, clock}),
    whileConnected: {},
  },
  {
    tag: 'timeslot-grid',
    create: (_backend, clock) =>
      make('timeslot-grid', {slots: slots(), timeZone: 'America/New_York', startDate: '2026-11-23', clock}),
    whileConnected: {},
  },
  {
    tag: 'callback-scheduler',
    create: (backend, clock) =>
      make('callback-scheduler', {
        agent: MARIA,
        backend,
        clock,
        contact: structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!),
        campaignId: 'camp-spring-renewals',
      }),
    whileConnected: {timers: 1, listeners: 1, clock: 1},
  },
  {
    tag: 'callback-list',
    create: (backend, clock) => make('callback-list', {agent: MARIA, backend, clock}),
    whileConnected: {timers: 1, listeners: 1, backend: 1, clock: 1},
  },
  {
    tag: 'campaign-list',
    create: (backend, clock) => make('campaign-list', {agent: MARIA, backend, clock}),
    whileConnected: {timers: 1, listeners: 1, backend: 1, clock: 1},
  },
  {
    tag: 'logout-countdown',
    create: (backend, clock) => {
      backend.reserveAgentForCall('agent-maria', 120);
      return make('logout-countdown', {agent: MARIA, backend, clock});
    },
    prepare: async (el) => {
      expect(await (el as HTMLElementTagNameMap['logout-countdown']).requestLogout()).to.equal('deferred');
    },
    whileConnected: {timers: 1, listeners: 1, backend: 1, clock: 1},
  },
];

describe(`lifecycle: connected and removed ${CYCLES} times, nothing is left behind`, function () {
  this.timeout(120_000);
  let restoreErrors: (() => void) | undefined;

  before(async () => {
    await loadPhoneTools(); // the lazy chunk once, before counting (a module import is not a leak)
    instrument();
    restoreErrors = ignoreResizeObserverLoopErrors();
  });
  after(() => {
    for (const undo of restore.splice(0)) undo();
    restoreErrors?.();
  });

  for (const c of CASES) {
    it(`<${c.tag}>`, async () => {
      const clock = new CountingClock(NOW);
      const backend = new CountingBackend({clock, seed: 1});
      const host = await fixture<HTMLDivElement>(html`<div style="block-size: 600px; overflow: auto"></div>`);
      const counts = (): Counts => ({
        timers: timers.size,
        listeners: listeners.length,
        backend: backend.subscriptions,
        clock: clock.subscriptions,
      });
      const baseline = await steady(counts);

      const el = c.create(backend, clock) as HTMLElement & {updateComplete: Promise<unknown>};
      host.append(el);
      await el.updateComplete;
      await settle();
      await c.prepare?.(el);
      await el.updateComplete;
      const connected = await steady(counts);
      for (const [key, least] of Object.entries(c.whileConnected) as Array<[keyof Counts, number]>) {
        expect(connected[key] - baseline[key], `${key} while connected`).to.be.at.least(least);
      }

      const peak = {...connected};
      for (let i = 0; i < CYCLES; i++) {
        el.remove();
        host.append(el);
        await el.updateComplete;
        const now = counts();
        for (const key of Object.keys(peak) as Array<keyof Counts>) peak[key] = Math.max(peak[key], now[key]);
      }
      el.remove();
      expect(await steady(counts, baseline), `after ${CYCLES} connects and removals`).to.deep.equal(baseline);
      // nothing accumulated while it went in and out either: at most what one connected element holds
      expect(peak, 'never more than one connected element holds').to.deep.equal(connected);
      if (c.whileConnected.backend) expect(backend.subscribes).to.be.at.least(CYCLES);
      if (c.whileConnected.clock) expect(clock.subscribes).to.be.at.least(CYCLES);
    });
  }
});
