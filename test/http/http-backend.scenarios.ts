/**
 * HttpBackend against the reference server over real loopback HTTP: the scenarios shared by the Node suite
 * (test/core/http-backend.test.ts) and the browser one (test/http/http-backend.browser.test.ts). Everything
 * goes through the server's `/__` control routes, so both environments run exactly the same checks.
 */
import {expect} from 'chai';
import {
  AuthError,
  HttpBackend,
  type HttpBackendOptions,
  type HttpConnectionState,
} from '../../src/core/http-backend.js';
import {BackendUnavailableError, NotFoundError, SlotUnavailableError, ValidationError} from '../../src/core/errors.js';
import type {BackendEvent, Callback, CallbackRequest} from '../../src/core/index.js';
import type {Fault, RecordedRequest, RouteName} from '../../server/reference-server.js';

/** The reference server's clock is stopped here: Monday 2026-06-15, 09:00 in New York. */
export const NOW = '2026-06-15T13:00:00Z';
const AGENT = 'agent-maria';

/**
 * The test servers accept any `test-` token as a supervisor (test/http/reference-server-plugin.mjs and
 * test/core/http-backend.test.ts pass `testVerifier`); the scenarios act as one.
 */
export const TEST_TOKEN = 'test-supervisor';
export const AUTH = {Authorization: `Bearer ${TEST_TOKEN}`};

/** The token verifier of the test servers: `test-...` tokens are supervisors, nothing else is valid. */
export function testVerifier(token: string): {agentId: string; role: 'supervisor'} | null {
  return token.startsWith('test-') ? {agentId: 'test-supervisor', role: 'supervisor'} : null;
}

/** A personal callback for Maria to Olivia's New York mobile, on Tuesday at `start`. */
export function personal(start = '2026-06-16T15:00:00Z', extra: Partial<CallbackRequest> = {}): CallbackRequest {
  return {
    contactId: 'contact-olivia',
    phone: '+12124561987',
    type: 'personal',
    ownerAgentId: AGENT,
    start,
    timeZone: 'America/New_York',
    kind: 'callback',
    ...extra,
  };
}

/** The reference server's `/__` control routes. */
export class ServerControl {
  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? AUTH : {...AUTH, 'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  reset(): Promise<void> {
    return this.#call('POST', '/__reset', {});
  }

  fault(...faults: Fault[]): Promise<void> {
    return this.#call('POST', '/__faults', faults);
  }

  async requests(route?: RouteName): Promise<RecordedRequest[]> {
    const all = await this.#call<RecordedRequest[]>('GET', '/__requests');
    return route ? all.filter((r) => r.route === route) : all;
  }

  async openStreams(): Promise<number> {
    return (await this.#call<{open: number}>('GET', '/__streams')).open;
  }

  async dropStreams(): Promise<number> {
    return (await this.#call<{dropped: number}>('POST', '/__streams/drop')).dropped;
  }

  startCampaign(id: string): Promise<unknown> {
    return this.#call('POST', `/__campaigns/${encodeURIComponent(id)}/start`);
  }

  reserveAgent(id: string, seconds: number): Promise<{until: string}> {
    return this.#call('POST', `/__agents/${encodeURIComponent(id)}/reserve`, {seconds});
  }

  advance(duration: Record<string, number>): Promise<{now: string}> {
    return this.#call('POST', '/__clock', {advance: duration});
  }

  /** Every event the server published (its poll form from the start of the log). */
  async events(): Promise<Array<{id: string; event: BackendEvent}>> {
    return (await this.#call<{events: Array<{id: string; event: BackendEvent}>}>('GET', '/events?after=0')).events;
  }
}

/** Polls `check` every 10 ms until it returns a truthy value or `ms` pass (a bound for a busy machine, not a speed assert). */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A `sleep` that records the delays asked for and waits only a few real ms (honouring the signal). */
export function recordingSleep(realMs = 1): {sleep: NonNullable<HttpBackendOptions['sleep']>; delays: number[]} {
  const delays: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      delays.push(ms);
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, realMs);
      signal?.addEventListener('abort', onAbort, {once: true});
    });
  return {sleep, delays};
}

/** A `sleep` that waits until `open()` is called (or the signal aborts): holds reconnections. */
export function gatedSleep(): {
  sleep: NonNullable<HttpBackendOptions['sleep']>;
  open: () => void;
  waiting: () => number;
} {
  let waiters: Array<() => void> = [];
  let isOpen = false;
  const sleep = (_ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (isOpen) return void setTimeout(resolve, 1);
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, {once: true});
      waiters.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  return {
    sleep,
    open: () => {
      isOpen = true;
      waiters.forEach((resolve) => resolve());
      waiters = [];
    },
    waiting: () => waiters.length,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the call to fail.');
}

/**
 * Defines the shared suite. `url()` gives the reference server's URL once the caller's `before` has it.
 */
export function describeHttpBackendScenarios(url: () => string): void {
  let control: ServerControl;
  let backends: HttpBackend[] = [];

  /** An HttpBackend on the server with fast, recorded sleeps; closed after the test. */
  function backend(options: Partial<HttpBackendOptions> = {}): HttpBackend {
    const created = new HttpBackend({baseUrl: url(), sleep: recordingSleep().sleep, headers: () => AUTH, ...options});
    backends.push(created);
    return created;
  }

  beforeEach(async () => {
    control = new ServerControl(url());
    await control.reset();
  });

  afterEach(() => {
    backends.forEach((b) => b.close());
    backends = [];
  });

  async function callbacksAt(start: string): Promise<Callback[]> {
    const all = await new HttpBackend({baseUrl: url(), headers: () => AUTH}).listCallbacks({agentId: AGENT});
    return all.filter((c) => c.start === start && c.contactId === 'contact-olivia');
  }

  describe('calls', () => {
    it('getAvailability sends every query field (phone URL-encoded) and returns the slots', async () => {
      const slots = await backend().getAvailability({
        from: '2026-06-16T12:00:00Z',
        to: '2026-06-16T16:00:00Z',
        type: 'personal',
        agentId: AGENT,
        phone: '+12124561987',
        contactId: 'contact-olivia',
      });
      expect(slots.map((s) => s.start)).to.deep.equal([
        '2026-06-16T12:00:00Z',
        '2026-06-16T12:30:00Z',
        '2026-06-16T13:00:00Z',
        '2026-06-16T13:30:00Z',
        '2026-06-16T14:00:00Z',
        '2026-06-16T14:30:00Z',
        '2026-06-16T15:00:00Z',
        '2026-06-16T15:30:00Z',
      ]);
      expect(slots.every((s) => s.available)).to.equal(true);
      const [request] = await control.requests('getAvailability');
      expect(request.url).to.include('phone=%2B12124561987').and.include('agentId=agent-maria');
      expect(request.url).to.include('contactId=contact-olivia').and.include('type=personal');
    });

    it('schedules, lists, reschedules and cancels a callback', async () => {
      const http = backend();
      const created = await http.scheduleCallback(personal(), {idempotencyKey: 'k-crud'});
      expect(created).to.include({status: 'scheduled', start: '2026-06-16T15:00:00Z', ownerAgentId: AGENT});
      expect(created.id).to.match(/^cb-/);
      expect((await http.listCallbacks({agentId: AGENT})).map((c) => c.id)).to.include(created.id);

      const moved = await http.rescheduleCallback(created.id, personal('2026-06-16T16:00:00Z'), {
        idempotencyKey: 'k-move',
      });
      expect(moved).to.include({id: created.id, start: '2026-06-16T16:00:00Z', createdAt: created.createdAt});

      await http.cancelCallback(created.id);
      expect((await http.listCallbacks({agentId: AGENT})).map((c) => c.id)).not.to.include(created.id);
      const withCanceled = await http.listCallbacks({agentId: AGENT, includeCanceled: true});
      expect(withCanceled.find((c) => c.id === created.id)?.status).to.equal('canceled');
      const keys = (await control.requests()).map((r) => r.idempotencyKey);
      expect(keys.filter(Boolean)).to.deep.equal(['k-crud', 'k-move']);
    });

    it('lists campaigns and negotiates logout (authorized, then deferred while a call is set up)', async () => {
      const http = backend();
      const campaigns = await http.listCampaigns({agentId: AGENT});
      expect(campaigns.map((c) => c.id)).to.include('camp-spring-renewals');
      expect(await http.requestLogout({agentId: AGENT})).to.deep.equal({authorized: true});
      const {until} = await control.reserveAgent(AGENT, 20);
      const deferred = await http.requestLogout({agentId: AGENT});
      expect(deferred).to.include({authorized: false, notBefore: until});
      expect(deferred.authorized === false && deferred.reason).to.match(/call is being set up/);
      const keys = (await control.requests('requestLogout')).map((r) => r.idempotencyKey);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.be.a('string').and.not.equal(keys[1]);
    });

    it('cancelLogout gives up a deferred logout: no logout-authorized follows for it', async () => {
      const http = backend();
      await control.reserveAgent(AGENT, 20);
      await control.reserveAgent('agent-james', 20);
      expect((await http.requestLogout({agentId: AGENT})).authorized).to.equal(false);
      expect((await http.requestLogout({agentId: 'agent-james'})).authorized).to.equal(false);
      await http.cancelLogout({agentId: AGENT});
      await control.advance({seconds: 30});
      const authorized = (await control.events()).map((e) => e.event);
      expect(authorized).to.deep.equal([{type: 'logout-authorized', agentId: 'agent-james'}]);
      expect((await control.requests('cancelLogout')).map((r) => [r.method, r.url])).to.deep.equal([
        ['DELETE', '/logout-requests/agent-maria'],
      ]);
    });
  });

  describe('error mapping (never retried)', () => {
    it('409 from a slot taken meanwhile -> SlotUnavailableError with the start and reason', async () => {
      const http = backend();
      await http.scheduleCallback(personal(), {idempotencyKey: 'k-first'});
      const error = await rejection(http.scheduleCallback(personal(), {idempotencyKey: 'k-second'}));
      expect(error).to.be.instanceOf(SlotUnavailableError);
      expect(error).to.include({start: '2026-06-16T15:00:00Z', reason: 'full', code: 'slot-unavailable'});
      expect(error.message).to.equal('This slot was taken meanwhile.');
      expect(await control.requests('scheduleCallback')).to.have.length(2);
    });

    it('an injected 409 is not retried and takes start/reason from the body', async () => {
      await control.fault({route: 'scheduleCallback', kind: '409', times: 3});
      const error = await rejection(backend().scheduleCallback(personal(), {idempotencyKey: 'k'}));
      expect(error).to.be.instanceOf(SlotUnavailableError).and.include({start: '2026-06-16T15:00:00Z', reason: 'full'});
      expect(await control.requests('scheduleCallback')).to.have.length(1);
      expect(await callbacksAt('2026-06-16T15:00:00Z')).to.have.length(0);
    });

    it('422 -> ValidationError with the field errors of the server', async () => {
      const error = await rejection(
        backend().scheduleCallback(personal(undefined, {contactId: 'nobody', timeZone: 'Mars/Olympus'}), {
          idempotencyKey: 'k',
        }),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.map((e) => [e.field, e.code])).to.deep.equal([
        ['contactId', 'unknown-contact'],
        ['timeZone', 'invalid-time-zone'],
      ]);
      expect(await control.requests('scheduleCallback')).to.have.length(1);
    });

    it('400 -> ValidationError, not retried; a missing idempotency key fails before any request', async () => {
      await control.fault({route: 'listCallbacks', kind: '400', times: 3});
      const error = await rejection(backend().listCallbacks({agentId: AGENT}));
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).to.deep.equal([
        {field: 'request', code: 'injected', message: 'Injected validation failure.'},
      ]);
      expect(await control.requests('listCallbacks')).to.have.length(1);

      const missing = await rejection(backend().scheduleCallback(personal(), {idempotencyKey: ''}));
      expect(missing).to.be.instanceOf(ValidationError);
      expect((missing as ValidationError).fieldErrors[0]).to.include({field: 'idempotencyKey', code: 'required'});
      expect(await control.requests('scheduleCallback')).to.have.length(0);
    });

    it('401 and 403 -> AuthError (status kept), handed to onAuthError, not retried', async () => {
      const seen: AuthError[] = [];
      const http = backend({onAuthError: (e) => void seen.push(e)});
      await control.fault({route: 'listCampaigns', kind: '401'}, {route: 'cancelCallback', kind: '403'});
      const expired = await rejection(http.listCampaigns({agentId: AGENT}));
      expect(expired).to.be.instanceOf(AuthError).and.include({status: 401, code: 'unauthorized'});
      expect(expired.message).to.equal('The session has expired.');
      const forbidden = await rejection(http.cancelCallback('cb-demo-today'));
      expect(forbidden).to.be.instanceOf(AuthError).and.include({status: 403});
      expect(seen).to.deep.equal([expired, forbidden]);
      expect(await control.requests()).to.have.length(2);
    });

    it('onAuthError resolving true retries once with fresh headers', async () => {
      let token = 'test-old';
      const http = backend({
        headers: () => ({Authorization: `Bearer ${token}`}),
        onAuthError: () => {
          token = 'test-new';
          return true;
        },
      });
      await control.fault({route: 'listCampaigns', kind: '401'});
      expect(await http.listCampaigns({agentId: AGENT})).to.have.length.greaterThan(0);
      expect((await control.requests()).map((r) => r.authorization)).to.deep.equal([
        'Bearer test-old',
        'Bearer test-new',
      ]);

      await control.fault({route: 'listCampaigns', kind: '401', times: 2});
      expect(await rejection(http.listCampaigns({agentId: AGENT}))).to.be.instanceOf(AuthError);
      expect(await control.requests('listCampaigns')).to.have.length(4);
    });

    it('404 -> NotFoundError with the server message', async () => {
      const http = backend();
      const error = await rejection(http.cancelCallback('cb-missing'));
      expect(error).to.be.instanceOf(NotFoundError).and.include({code: 'not-found'});
      expect(error.message).to.equal('Callback "cb-missing" was not found.');
      const moved = await rejection(http.rescheduleCallback('cb-missing', personal(), {idempotencyKey: 'k'}));
      expect(moved).to.be.instanceOf(NotFoundError);
      expect(await control.requests()).to.have.length(2);
    });

    it('5xx after the retries -> BackendUnavailableError with the server message', async () => {
      await control.fault({route: 'getAvailability', kind: '500', times: 4});
      const {sleep, delays} = recordingSleep();
      const error = await rejection(
        backend({sleep, random: () => 0.5}).getAvailability({from: NOW, to: NOW, type: 'campaign'}),
      );
      expect(error).to.be.instanceOf(BackendUnavailableError).and.include({retryable: true});
      expect(error.message).to.equal('Injected HTTP 500.');
      expect(await control.requests('getAvailability')).to.have.length(4);
      expect(delays).to.deep.equal([125, 250, 500]);
    });
  });

  describe('timeouts, aborts and retries', () => {
    it('a call that outlives timeoutMs fails with BackendUnavailableError', async () => {
      await control.fault({route: 'listCampaigns', kind: 'timeout'});
      const error = await rejection(backend({timeoutMs: 200, retries: 0}).listCampaigns({agentId: AGENT}));
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(error.message).to.equal('The scheduling service did not answer within 0.2 s.');
    });

    it('aborting rejects with the AbortError at once and never retries', async () => {
      await control.fault({route: 'scheduleCallback', kind: 'timeout'});
      const http = backend();
      const controller = new AbortController();
      const call = http.scheduleCallback(personal(), {idempotencyKey: 'k', signal: controller.signal});
      await waitFor(async () => (await control.requests('scheduleCallback')).length === 1, 'the request');
      controller.abort();
      const error = await rejection(call);
      expect(error.name).to.equal('AbortError');
      expect(error).not.to.be.instanceOf(BackendUnavailableError);

      const already = await rejection(
        http.listCampaigns({agentId: AGENT}, {signal: AbortSignal.abort(new Error('superseded'))}),
      );
      expect(already.message).to.equal('superseded');
      expect(await control.requests()).to.have.length(1);
    });

    it('aborting during the backoff between retries stops the call', async () => {
      await control.fault({route: 'listCampaigns', kind: '503', times: 5});
      const gate = gatedSleep();
      const controller = new AbortController();
      const call = backend({sleep: gate.sleep}).listCampaigns({agentId: AGENT}, {signal: controller.signal});
      await waitFor(() => gate.waiting() === 1, 'the backoff');
      controller.abort();
      expect((await rejection(call)).name).to.equal('AbortError');
      expect(await control.requests('listCampaigns')).to.have.length(1);
    });

    it('a timeout is retried with the same idempotency key and books exactly one callback', async () => {
      await control.fault({route: 'scheduleCallback', kind: 'timeout'});
      const created = await backend({timeoutMs: 200}).scheduleCallback(personal(), {idempotencyKey: 'k-timeout'});
      const requests = await control.requests('scheduleCallback');
      expect(requests.map((r) => r.idempotencyKey)).to.deep.equal(['k-timeout', 'k-timeout']);
      expect((await callbacksAt(created.start)).map((c) => c.id)).to.deep.equal([created.id]);
    });

    it('a slow write answered after the timeout still books exactly one callback', async () => {
      await control.fault({route: 'scheduleCallback', kind: 'slow', delayMs: 400});
      const created = await backend({timeoutMs: 150}).scheduleCallback(personal(), {idempotencyKey: 'k-slow'});
      // The slow first attempt commits after the client gave up on it: wait until the server has answered both.
      await waitFor(async () => {
        // Under load the retry may time out too: every attempt the server received must be answered.
        const attempts = await control.requests('scheduleCallback');
        return attempts.length >= 2 && attempts.every((r) => r.answered);
      }, 'the slow first attempt to be answered');
      expect((await callbacksAt(created.start)).map((c) => c.id)).to.deep.equal([created.id]);
      const changes = (await control.events()).filter((e) => e.event.type === 'callback-changed');
      expect(changes).to.have.length(1);
    });

    it('a connection dropped AFTER the server committed: the retry returns the same callback, one is booked', async () => {
      await control.fault({route: 'scheduleCallback', kind: 'drop'});
      const created = await backend().scheduleCallback(personal(), {idempotencyKey: 'k-drop'});
      const requests = await control.requests('scheduleCallback');
      expect(requests.map((r) => [r.fault, r.idempotencyKey])).to.deep.equal([
        ['drop', 'k-drop'],
        [undefined, 'k-drop'],
      ]);
      expect((await callbacksAt(created.start)).map((c) => c.id)).to.deep.equal([created.id]);
      const changes = (await control.events()).filter((e) => e.event.type === 'callback-changed');
      expect(changes.map((e) => e.event.type === 'callback-changed' && e.event.callback.id)).to.deep.equal([
        created.id,
      ]);
    });

    it('500 twice then success: the same key every time, exponential backoff with full jitter', async () => {
      await control.fault({route: 'rescheduleCallback', kind: '500', times: 2});
      const {sleep, delays} = recordingSleep();
      const moved = await backend({sleep, random: () => 0.25}).rescheduleCallback(
        'cb-demo-today',
        personal('2026-06-16T17:00:00Z'),
        {idempotencyKey: 'k-retry'},
      );
      expect(moved).to.include({id: 'cb-demo-today', start: '2026-06-16T17:00:00Z'});
      expect(delays).to.deep.equal([0.25 * 250, 0.25 * 500]);
      const keys = (await control.requests('rescheduleCallback')).map((r) => r.idempotencyKey);
      expect(keys).to.deep.equal(['k-retry', 'k-retry', 'k-retry']);
    });

    it('DELETE and requestLogout are retried after a dropped answer (logout with the same key)', async () => {
      await control.fault({route: 'cancelCallback', kind: 'drop'}, {route: 'requestLogout', kind: 'drop'});
      const http = backend();
      await http.cancelCallback('cb-demo-today');
      expect(await http.requestLogout({agentId: AGENT})).to.deep.equal({authorized: true});
      expect(await control.requests('cancelCallback')).to.have.length(2);
      const keys = (await control.requests('requestLogout')).map((r) => r.idempotencyKey);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });

    // 408 is checked in Node only: Chromium re-sends a request answered 408 on a reused connection by itself.
    it('honours Retry-After on 503 and 429; a Retry-After beyond maxRetryAfterMs fails at once', async () => {
      await control.fault(
        {route: 'listCallbacks', kind: '503', retryAfter: 2},
        {route: 'listCallbacks', kind: '429', retryAfter: '1'},
        {route: 'listCallbacks', kind: '502'},
      );
      const {sleep, delays} = recordingSleep();
      const list = await backend({sleep, random: () => 0.5}).listCallbacks({agentId: AGENT});
      expect(list.length).to.be.greaterThan(0);
      expect(delays).to.deep.equal([2000, 1000, 0.5 * 1000]);

      await control.fault({route: 'listCallbacks', kind: '503', retryAfter: 120});
      const error = await rejection(backend({sleep}).listCallbacks({agentId: AGENT}));
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(await control.requests('listCallbacks')).to.have.length(5);
    });

    it('asks the headers callback before every request, retries included', async () => {
      let n = 0;
      const http = backend({headers: async () => ({Authorization: `Bearer test-t${++n}`, 'X-Tenant': 'acme'})});
      await control.fault({route: 'scheduleCallback', kind: '502'});
      await http.scheduleCallback(personal(), {idempotencyKey: 'k-h'});
      await http.listCampaigns({agentId: AGENT});
      const auth = (await control.requests()).map((r) => `${r.route} ${r.authorization}`);
      expect(auth).to.deep.equal([
        'scheduleCallback Bearer test-t1',
        'scheduleCallback Bearer test-t2',
        'listCampaigns Bearer test-t3',
      ]);
    });
  });

  describe('subscribe', () => {
    function collector() {
      const events: BackendEvent[] = [];
      // The 0.1 events only: availability-changed and resync (0.2) are tested in test/core/http-backend.test.ts.
      const later = ['availability-changed', 'resync'];
      return {events, listener: (e: BackendEvent) => void (later.includes(e.type) || events.push(e))};
    }

    function states(http: HttpBackend, list: HttpConnectionState[]) {
      return () => list.includes(http.connectionState);
    }

    it('receives callback-changed after a schedule and campaign-started after a campaign starts', async () => {
      const http = backend();
      const {events, listener} = collector();
      const unsubscribe = http.subscribe(listener);
      await waitFor(states(http, ['open']), 'the stream');
      const created = await http.scheduleCallback(personal(), {idempotencyKey: 'k-ev'});
      await control.startCampaign('camp-winback');
      await waitFor(() => events.length === 2, 'two events');
      expect(events[0]).to.deep.equal({type: 'callback-changed', callback: created});
      expect(events[1].type).to.equal('campaign-started');
      expect(events[1].type === 'campaign-started' && events[1].campaign).to.include({
        id: 'camp-winback',
        status: 'started',
        startedAt: NOW,
      });
      unsubscribe();
      expect(http.connectionState).to.equal('closed');
    });

    it('shares one connection between listeners and closes it when the last one leaves', async () => {
      const changes: HttpConnectionState[] = [];
      const http = backend({onConnectionChange: (state) => changes.push(state)});
      const a = collector();
      const b = collector();
      const offA = http.subscribe(a.listener);
      const offB = http.subscribe(b.listener);
      await waitFor(states(http, ['open']), 'the stream');
      await http.scheduleCallback(personal(), {idempotencyKey: 'k-share'});
      await waitFor(() => a.events.length === 1 && b.events.length === 1, 'both listeners');
      expect(await control.requests('streamEvents')).to.have.length(1);
      offA();
      expect(await control.openStreams()).to.equal(1);
      offB();
      await waitFor(async () => (await control.openStreams()) === 0, 'the stream to close');
      expect(changes).to.deep.equal(['connecting', 'open', 'closed']);
    });

    it('reconnects after the server drops the stream and resumes with Last-Event-ID: nothing lost or doubled', async () => {
      const gate = gatedSleep();
      const http = backend({sleep: gate.sleep});
      const {events, listener} = collector();
      http.subscribe(listener);
      await waitFor(states(http, ['open']), 'the stream');
      const a = await http.scheduleCallback(personal('2026-06-16T15:00:00Z'), {idempotencyKey: 'k-a'});
      await waitFor(() => events.length === 1, 'event A');

      expect(await control.dropStreams()).to.equal(1);
      await waitFor(() => gate.waiting() === 1, 'the client to wait before reconnecting');
      expect(http.connectionState).to.equal('reconnecting');
      const b = await http.scheduleCallback(personal('2026-06-16T15:30:00Z'), {idempotencyKey: 'k-b'});
      gate.open();
      await waitFor(() => events.length === 2, 'event B, replayed');
      await waitFor(states(http, ['open']), 'the stream again');
      const c = await http.scheduleCallback(personal('2026-06-16T16:00:00Z'), {idempotencyKey: 'k-c'});
      await waitFor(() => events.length === 3, 'event C');
      // A barrier instead of a sleep: the stream is ordered, so a doubled A, B or C would arrive before D.
      const d = await http.scheduleCallback(personal('2026-06-16T16:30:00Z'), {idempotencyKey: 'k-d'});
      await waitFor(() => events.length >= 4, 'event D');

      const ids = events.map((e) => e.type === 'callback-changed' && e.callback.id);
      expect(ids).to.deep.equal([a.id, b.id, c.id, d.id]);
      // A's booking published callback-changed then availability-changed; the drop may come between them.
      const [first, second] = await control.events();
      expect(second.event).to.include({type: 'availability-changed', agentId: AGENT});
      const streams = await control.requests('streamEvents');
      expect(streams).to.have.length(2);
      expect(streams[0].lastEventId).to.equal(undefined);
      expect([first.id, second.id]).to.include(streams[1].lastEventId);
    });

    it('falls back to polling after failed stream attempts, resuming after the last event received', async () => {
      const {sleep} = recordingSleep(5);
      const http = backend({sleep, sseFailuresBeforePolling: 2, pollIntervalMs: 20});
      const {events, listener} = collector();
      http.subscribe(listener);
      await waitFor(states(http, ['open']), 'the stream');
      const a = await http.scheduleCallback(personal('2026-06-16T15:00:00Z'), {idempotencyKey: 'k-a'});
      await waitFor(() => events.length === 1, 'event A');

      await control.fault({route: 'streamEvents', kind: '500', times: 2});
      await control.dropStreams();
      const b = await http.scheduleCallback(personal('2026-06-16T15:30:00Z'), {idempotencyKey: 'k-b'});
      await waitFor(states(http, ['polling']), 'polling');
      await waitFor(() => events.length === 2, 'event B, by polling');
      const c = await http.scheduleCallback(personal('2026-06-16T16:00:00Z'), {idempotencyKey: 'k-c'});
      await waitFor(() => events.length === 3, 'event C, by polling');
      // A barrier instead of a sleep: polls resume after the last event, so a doubled A, B or C would come before D.
      const d = await http.scheduleCallback(personal('2026-06-16T16:30:00Z'), {idempotencyKey: 'k-d'});
      await waitFor(() => events.length >= 4, 'event D, by polling');

      expect(events.map((e) => e.type === 'callback-changed' && e.callback.id)).to.deep.equal([a.id, b.id, c.id, d.id]);
      expect(await control.requests('streamEvents')).to.have.length(3);
      const polls = await control.requests('pollEvents');
      // A's booking published callback-changed then availability-changed; the drop may come between them.
      const [first, second] = await control.events();
      expect([`/events?after=${first.id}`, `/events?after=${second.id}`]).to.include(polls[0].url);
    });

    it("transport 'poll' never streams", async () => {
      const {sleep} = recordingSleep(5);
      const http = backend({sleep, transport: 'poll', pollIntervalMs: 20});
      const {events, listener} = collector();
      const off = http.subscribe(listener);
      await waitFor(states(http, ['polling']), 'polling');
      const created = await http.scheduleCallback(personal(), {idempotencyKey: 'k-poll'});
      await waitFor(() => events.length === 1, 'the event');
      expect(events[0]).to.deep.equal({type: 'callback-changed', callback: created});
      off();
      expect(await control.requests('streamEvents')).to.have.length(0);
      expect((await control.requests('pollEvents'))[0].url).to.equal('/events?after=');
    });

    it("transport 'sse' keeps reconnecting instead of polling; an auth failure reaches onAuthError", async () => {
      const {sleep} = recordingSleep(5);
      const auth: number[] = [];
      const http = backend({sleep, transport: 'sse', onAuthError: (e) => void auth.push(e.status)});
      await control.fault({route: 'streamEvents', kind: '503', times: 4}, {route: 'streamEvents', kind: '401'});
      const {events, listener} = collector();
      http.subscribe(listener);
      await waitFor(states(http, ['open']), 'the stream after 5 failures');
      const created = await http.scheduleCallback(personal(), {idempotencyKey: 'k-sse'});
      await waitFor(() => events.length === 1, 'the event');
      expect(events[0]).to.deep.equal({type: 'callback-changed', callback: created});
      expect(auth).to.deep.equal([401]);
      expect(await control.requests('streamEvents')).to.have.length(6);
      expect(await control.requests('pollEvents')).to.have.length(0);
    });
  });
}
