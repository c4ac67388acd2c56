/**
 * Fault soak: the real <callback-scheduler> submits many callbacks while a seeded PRNG injects faults (5xx,
 * 409, answers lost after the commit, timeouts, late commits, offline) into MemoryBackend and into HttpBackend
 * talking to the reference server over loopback. Every failure must be shown to the agent with the form's data
 * kept; the agent retries (or picks another time after a 409). At the end the backend holds every callback the
 * element reported as scheduled exactly once, nothing it did not report, nothing from an abandoned attempt, and
 * no two callbacks for the same contact and start. Reproducible: change SEED to explore other sequences.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import type {SchedulingBackend} from '../../src/core/backend.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {BackendUnavailableError, SlotUnavailableError} from '../../src/core/errors.js';
import {HttpBackend} from '../../src/core/http-backend.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Callback, Contact} from '../../src/core/types.js';
import type {CallbackScheduledEvent} from '../../src/events/callback-scheduled.js';
import '../support/fresh-storage.js';
import {referenceServerUrl} from '../support/reference-server.js';
import {AUTH} from '../http/http-backend.scenarios.js';

const SEED = 20261123;
const ATTEMPTS = 40;
const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const SOPHIA: Contact = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);
/**
 * HttpBackend's per-attempt timeout for the saves that meet a `timeout` or `late` fault, and the server's delay of
 * a commit that lands after it. Only those saves go through the short timeout (a loaded machine can take longer
 * than 400 ms for any request): every other request has HttpBackend's default 10 s, so no timeout happens that
 * the soak did not inject (see the HttpBackend harness).
 */
const CLIENT_TIMEOUT_MS = 400;
const LATE_COMMIT_MS = 600;

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The faults of the soak. `conflict` (a 409: the time was taken) is only injected on a first try: a real
 * backend answers a replayed key with the stored callback, never with a 409. `lost` and `late` commit the
 * callback although the element sees a failure; the others never commit.
 */
type Fault = 'none' | 'unavailable' | 'server-error' | 'conflict' | 'lost' | 'timeout' | 'late' | 'offline';
const COMMITTING: readonly Fault[] = ['lost', 'late'];

interface Harness {
  readonly name: string;
  readonly backend: SchedulingBackend;
  readonly faults: readonly Fault[];
  /** Arms `fault` for the next save (`times`: how many consecutive requests get it, for HttpBackend's own retries). */
  arm(fault: Fault, times: number): Promise<void>;
  /** Waits until every commit still in flight on the server has landed. */
  quiesce(): Promise<void>;
  /** After a save that met `fault` (the attempt's notes): waits for what that fault still does on its own. */
  settled?(fault: Fault, notes: string): Promise<void>;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const grid = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid')!;
const alert = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<HTMLElement>('[role="alert"]');
const summary = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="summary"]');
const notesField = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector('textarea')!;
const phoneField = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector('select')!;
const button = (root: ParentNode, label: string) =>
  [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => norm(b.textContent) === label);

/**
 * Waits until the availability has loaded and everything rendered. A slot list that failed to load (a loaded
 * machine can exceed the soak's short HTTP timeout) is retried with the grid's own Retry, as an agent would.
 */
async function settle(el: CallbackSchedulerElement) {
  for (let tries = 0; ; tries++) {
    await el.updateComplete;
    await waitUntil(
      () => {
        const root = grid(el)?.shadowRoot;
        return (
          root && !grid(el).loading && (root.querySelector('[role="alert"] button') || root.querySelector('[data-key]'))
        );
      },
      'slots did not load',
      {timeout: 5000},
    );
    const retry = grid(el).shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button');
    if (!retry) break;
    expect(tries, 'the slots load after a retry').to.be.lessThan(3);
    retry.click();
    // the grid takes the Retry (its alert goes, or it loads again) before the next look; a reload that failed again
    // before this saw it is the next round's alert, so not seeing the change is no failure
    await waitUntil(() => !retry.isConnected || grid(el).loading, undefined, {timeout: 2_000}).catch(() => undefined);
  }
  await el.updateComplete;
  await grid(el).updateComplete;
}

/** Clicks `target` (the submit or Retry button) and waits until the save settled. */
async function press(el: CallbackSchedulerElement, target: HTMLButtonElement) {
  target.click();
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('form[aria-busy="true"]'), 'submit did not settle', {
    timeout: 5000,
  });
  await el.updateComplete;
}

/** Chooses a random bookable slot in the grid; returns its start. */
async function pickSlot(el: CallbackSchedulerElement, random: () => number): Promise<string> {
  const cells = [
    ...grid(el).shadowRoot!.querySelectorAll<HTMLElement>('[data-key]:not([aria-disabled="true"])'),
  ].filter((cell) => Number(cell.dataset.key) > Date.parse(NOW));
  expect(cells.length, 'bookable slots left').to.be.greaterThan(0);
  const cell = cells[Math.floor(random() * cells.length)];
  cell.click();
  await el.updateComplete;
  const start = grid(el).value!;
  expect(Date.parse(start)).to.equal(Number(cell.dataset.key));
  return start;
}

async function soak(harness: Harness) {
  const random = prng(SEED ^ harness.name.length);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const session = await fixture<AgentSessionElement>(html`
    <agent-session .agent=${MARIA} .backend=${harness.backend} .clock=${new ManualClock(NOW)}>
      <callback-scheduler mode="new" .contact=${SOPHIA} campaign-id="camp-spring-renewals"></callback-scheduler>
    </agent-session>
  `);
  const el = session.querySelector('callback-scheduler')!;
  await settle(el);
  const reported: Callback[] = [];
  let errorEvents = 0;
  el.addEventListener('callback-scheduled', (e: CallbackScheduledEvent) => reported.push(e.detail.callback));
  el.addEventListener('callback-schedule-error', () => errorEvents++);
  const prefix = `soak-${harness.name}-${SEED}`;
  const saved = new Set<string>();
  const abandoned = new Set<string>();
  const tally = new Map<Fault, number>();
  let checkedA11y = false;
  let retries = 0;

  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const notes = `${prefix} #${attempt}`;
    let start = await pickSlot(el, random);
    const field = notesField(el);
    field.value = notes;
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const phone = phoneField(el).value;
    let fault = pick(harness.faults);
    let maybeCommitted = false;
    let outcome: 'saved' | 'abandoned' | undefined;
    for (let tryNo = 0; tryNo < 6 && !outcome; tryNo++) {
      tally.set(fault, (tally.get(fault) ?? 0) + 1);
      if (COMMITTING.includes(fault)) maybeCommitted = true;
      await harness.arm(fault, random() < 0.5 ? 1 : 2);
      const errorsBefore = errorEvents;
      const target =
        tryNo === 0 || !alert(el)
          ? el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!
          : (button(alert(el)!, 'Retry') ?? el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!);
      await press(el, target);
      await harness.settled?.(fault, notes);
      if (summary(el)) {
        outcome = 'saved';
        break;
      }
      // Rejected: the agent is told, and nothing they entered is lost.
      const context = `${harness.name} attempt ${attempt} try ${tryNo} (${fault})`;
      const banner = alert(el);
      expect(banner, `${context}: an error is shown`).to.not.equal(null);
      expect(errorEvents, `${context}: callback-schedule-error`).to.equal(errorsBefore + 1);
      expect(notesField(el).value, `${context}: notes kept`).to.equal(notes);
      expect(phoneField(el).value, `${context}: number kept`).to.equal(phone);
      retries++;
      if (norm(banner!.textContent).includes('That time was just taken')) {
        expect(grid(el).value, `${context}: the taken time is cleared`).to.equal(undefined);
        await settle(el);
        if (!checkedA11y) await expect(el).to.be.accessible();
        start = await pickSlot(el, random);
      } else {
        expect(norm(banner!.textContent), context).to.contain('Your entries are kept.');
        expect(grid(el).value, `${context}: chosen time kept`).to.equal(start);
        expect(button(banner!, 'Retry'), `${context}: Retry offered`).to.not.equal(undefined);
        if (!checkedA11y) {
          await expect(el).to.be.accessible();
          checkedA11y = true;
        }
        // Sometimes the agent gives up, but never after a failure that may have saved it (they would retry).
        if (!maybeCommitted && random() < 0.15) outcome = 'abandoned';
      }
      // Retries meet transient faults only (a replayed key is never a 409), and the last try none.
      fault = tryNo >= 3 ? 'none' : pick(harness.faults.filter((f) => f !== 'conflict'));
    }
    expect(outcome, `${harness.name} attempt ${attempt} ended`).to.not.equal(undefined);
    if (outcome === 'saved') {
      saved.add(notes);
      expect(reported.at(-1)!.notes).to.equal(notes);
      expect(reported.at(-1)!.start).to.equal(start);
      button(summary(el)!, 'Schedule another')!.click();
    } else {
      abandoned.add(notes);
      el.reset();
    }
    await settle(el);
    expect(notesField(el).value, 'a fresh form').to.equal('');
  }

  await harness.quiesce();
  const all = await harness.backend.listCallbacks({agentId: MARIA.id});
  const mine = all.filter((c) => c.notes?.startsWith(prefix));
  // every accepted callback exists exactly once
  for (const callback of reported) {
    expect(
      mine.filter((c) => c.id === callback.id),
      `${callback.notes} (${callback.id})`,
    ).to.have.length(1);
  }
  expect(new Set(reported.map((c) => c.id)).size, 'one event per callback').to.equal(reported.length);
  // nothing exists that the element did not report, nothing from an abandoned attempt
  expect(mine.map((c) => c.id).sort()).to.deep.equal(reported.map((c) => c.id).sort());
  expect(mine.filter((c) => abandoned.has(c.notes!))).to.deep.equal([]);
  expect(new Set(mine.map((c) => c.notes))).to.deep.equal(saved);
  // no duplicates by contact and start
  const active = all.filter((c) => c.status !== 'canceled');
  const keys = active.map((c) => `${c.contactId}@${Date.parse(c.start)}`);
  expect(new Set(keys).size, 'no two callbacks for one contact and start').to.equal(keys.length);
  // the soak really exercised the faults it claims
  expect(saved.size + abandoned.size).to.equal(ATTEMPTS);
  expect(retries).to.be.greaterThan(ATTEMPTS / 2);
  for (const fault of harness.faults) expect(tally.get(fault) ?? 0, `${fault} injected`).to.be.greaterThan(0);
}

describe('fault soak: <callback-scheduler> under randomized faults', () => {
  it('MemoryBackend: every saved callback exists once, every failure is shown with the data kept', async function () {
    this.timeout(300_000); // a bound on a hang: 40 saves on a loaded machine take minutes
    const backend = new MemoryBackend({clock: new ManualClock(NOW), seed: 11, latency: {min: 0, max: 15}});
    const errors: Record<Exclude<Fault, 'none' | 'lost' | 'late'>, () => Error> = {
      unavailable: () => new BackendUnavailableError('The scheduling service is unavailable.'),
      'server-error': () => new Error('Internal error'),
      conflict: () => new SlotUnavailableError('2026-11-23T16:00:00Z', 'taken'),
      timeout: () => new BackendUnavailableError('The scheduling service did not answer within 10 s.'),
      offline: () => new TypeError('Failed to fetch'),
    };
    await soak({
      name: 'memory',
      backend,
      faults: ['none', 'unavailable', 'server-error', 'conflict', 'lost', 'timeout', 'offline'],
      async arm(fault) {
        if (fault === 'none') return;
        if (fault === 'lost' || fault === 'late') {
          backend.failNext('scheduleCallback', new BackendUnavailableError('The connection was lost.'), {
            afterCommit: true,
          });
        } else backend.failNext('scheduleCallback', errors[fault]());
      },
      async quiesce() {},
    });
  });

  describe('HttpBackend against the reference server', () => {
    let url = '';
    const control = async (path: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', ...AUTH},
        body: JSON.stringify(body ?? {}),
      });
      expect(response.ok, `${path}: ${response.status}`).to.equal(true);
    };

    before(async function () {
      this.timeout(180_000); // the server may still be starting (PGlite): referenceServerUrl asks until it answers
      url = await referenceServerUrl();
      await control('/__reset', {now: NOW});
      // warm the server up (first requests compile its code paths) with the default timeout
      await new HttpBackend({baseUrl: url, headers: () => AUTH}).getAvailability({
        agentId: MARIA.id,
        from: NOW,
        to: '2026-11-30T14:00:00Z',
        type: 'personal',
        phone: SOPHIA.phones[0].number,
        contactId: SOPHIA.id,
      });
    });

    after(async () => {
      await control('/__reset'); // the server's own start time again, for the files that follow
    });

    it('HttpBackend: every saved callback exists once, every failure is shown with the data kept', async function () {
      this.timeout(300_000); // a bound on a hang: 40 saves on a loaded machine take minutes
      let offline = 0;
      const options = {
        baseUrl: url,
        headers: () => AUTH,
        retries: 1, // a fault armed once is absorbed by HttpBackend's own retry, one armed twice reaches the agent
        retryBaseMs: 5,
        retryMaxMs: 20,
        transport: 'poll' as const,
        pollIntervalMs: 60_000,
        fetch: (input: string, init: RequestInit) => {
          if (offline > 0 && init.method === 'POST' && new URL(input).pathname.endsWith('/callbacks')) {
            offline--;
            return Promise.reject(new TypeError('Failed to fetch'));
          }
          return fetch(input, init);
        },
      };
      // Wall-clock timeouts only where the soak injects them: the save that meets a `timeout` (the server holds
      // the request) or a `late` fault (it commits after LATE_COMMIT_MS) goes through `impatient` (no own retry:
      // that one hang reaches the agent); everything else through `patient`, with the default timeout.
      const patient = new HttpBackend(options);
      const impatient = new HttpBackend({...options, timeoutMs: CLIENT_TIMEOUT_MS, retries: 0});
      let timing = false;
      const backend = new Proxy(patient, {
        get(target, property) {
          const source = property === 'scheduleCallback' && timing ? impatient : target;
          const value = Reflect.get(source, property, source);
          return typeof value === 'function' ? value.bind(source) : value;
        },
      });
      const kinds: Record<Exclude<Fault, 'none' | 'offline'>, Record<string, unknown>> = {
        unavailable: {kind: '503'},
        'server-error': {kind: '500'},
        conflict: {kind: '409'},
        lost: {kind: 'drop'},
        timeout: {kind: 'timeout'},
        late: {kind: 'slow', delayMs: LATE_COMMIT_MS},
      };
      await soak({
        name: 'http',
        backend,
        faults: ['none', 'unavailable', 'server-error', 'conflict', 'lost', 'timeout', 'late', 'offline'],
        async arm(fault, times) {
          timing = fault === 'timeout' || fault === 'late';
          if (fault === 'none') return;
          if (fault === 'offline') offline = times;
          // a timing fault meets exactly the one save that goes through `impatient`
          else await control('/__faults', {route: 'scheduleCallback', times: timing ? 1 : times, ...kinds[fault]});
        },
        async settled(fault, notes) {
          timing = false;
          // The late commit lands before the agent acts again (a condition, not a guess of how long it takes).
          if (fault !== 'late') return;
          await waitUntil(
            async () => (await patient.listCallbacks({agentId: MARIA.id})).some((c) => c.notes === notes),
            `the late commit of "${notes}" did not land`,
            {timeout: 20_000, interval: 50},
          );
        },
        async quiesce() {
          offline = 0;
          // nothing is in flight: every late commit landed in settled(); held (`timeout`) requests never commit
          await fetch(`${url}/__faults`, {method: 'DELETE', headers: AUTH});
        },
      });
    });
  });
});
