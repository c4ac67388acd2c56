/**
 * HttpBackend in Node (mocha, `npx mocha test/core/http-backend.test.ts`): the shared scenarios against the
 * reference server started in-process on a random loopback port, then Node-only checks (in-process fault and
 * backend access, a scripted `fetch` for the stream parser and edge cases, the OpenAPI document against the
 * types and the server's real answers). The browser runs the shared scenarios in test/http/; the core groups
 * of web-test-runner also load this file and skip it (it needs node:http).
 */
import {expect} from 'chai';
import {
  AuthError,
  HttpBackend,
  UnsupportedOperationError,
  type HttpConnectionState,
} from '../../src/core/http-backend.js';
import {BackendUnavailableError, NotFoundError, ValidationError} from '../../src/core/errors.js';
import type {BackendEvent, Callback} from '../../src/core/index.js';
import type {ManualClock} from '../../src/core/clock.js';
import type {Identifier, InterfaceDeclaration, PropertySignature} from 'typescript';
import type {ReferenceServer} from '../../server/reference-server.js';
import {
  AUTH,
  NOW,
  describeHttpBackendScenarios,
  personal,
  recordingSleep,
  testVerifier,
  waitFor,
} from '../http/http-backend.scenarios.js';

const inNode = typeof window === 'undefined';
const AGENT = 'agent-maria';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the call to fail.');
}

/** A scripted `fetch`: answers each call with the next responder and records the calls. */
function scriptedFetch(...responders: Array<(init: RequestInit) => Response | Promise<Response>>) {
  const calls: Array<{url: string; init: RequestInit; headers: Headers}> = [];
  const fetch = async (url: string, init: RequestInit) => {
    calls.push({url, init, headers: new Headers(init.headers)});
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)];
    return responder(init);
  };
  return {fetch, calls};
}

/** A `text/event-stream` response whose chunks the test pushes; it errors when the request is aborted. */
function eventStream(init: RequestInit) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({start: (c) => void (controller = c)});
  init.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
  const encoder = new TextEncoder();
  return {
    response: new Response(body, {status: 200, headers: {'Content-Type': 'text/event-stream'}}),
    push: (chunk: string | Uint8Array) => controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
    close: () => controller.close(),
  };
}

/** Runs `body` with uncaught exceptions collected instead of failing the test (listeners rethrow in a microtask). */
async function collectingUncaught(body: () => Promise<void>): Promise<unknown[]> {
  const caught: unknown[] = [];
  const previous = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  const collect = (error: unknown) => caught.push(error);
  process.on('uncaughtException', collect);
  try {
    await body();
    await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    process.off('uncaughtException', collect);
    previous.forEach((listener) => process.on('uncaughtException', listener));
  }
  return caught;
}

(inNode ? describe : describe.skip)('core/HttpBackend (Node, reference server over loopback)', () => {
  let server: ReferenceServer;

  before(async function () {
    this.timeout(60_000); // PGlite (PostgreSQL in WebAssembly) takes seconds to start on a busy machine
    const {startReferenceServer} = await import('../../server/reference-server.js');
    server = await startReferenceServer({port: 0, now: NOW, testRoutes: true, verifyToken: testVerifier});
  });

  after(async () => {
    await server?.close();
  });

  describeHttpBackendScenarios(() => server.url);

  describe('in-process server', () => {
    beforeEach(() => server.reset());

    it('a dropped answer after commit: the backend itself holds exactly one callback', async () => {
      server.faults.add({route: 'scheduleCallback', kind: 'drop', times: 2});
      const created = await new HttpBackend({
        headers: () => AUTH,
        baseUrl: server.url,
        sleep: recordingSleep().sleep,
      }).scheduleCallback(personal(), {idempotencyKey: 'k-in-process'});
      const mine = (await server.backend.listCallbacks({agentId: AGENT})).filter(
        (c) => c.start === created.start && c.contactId === created.contactId,
      );
      expect(mine.map((c) => c.id)).to.deep.equal([created.id]);
      expect(server.requests.map((r) => r.fault)).to.deep.equal(['drop', 'drop', undefined]);
    });

    it('a socket reset before the server did anything is a network error, retried', async () => {
      server.faults.add({route: 'listCampaigns', kind: 'reset'});
      const campaigns = await new HttpBackend({
        headers: () => AUTH,
        baseUrl: server.url,
        sleep: recordingSleep().sleep,
      }).listCampaigns({
        agentId: AGENT,
      });
      expect(campaigns.length).to.be.greaterThan(0);
      expect(server.requests.map((r) => r.fault)).to.deep.equal(['reset', undefined]);

      server.faults.add({route: 'listCampaigns', kind: 'reset'});
      const error = await rejection(
        new HttpBackend({headers: () => AUTH, baseUrl: server.url, retries: 0}).listCampaigns({agentId: AGENT}),
      );
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(error.message).to.equal('The scheduling service cannot be reached. Check the connection and try again.');
    });

    it('408 is retried after its Retry-After (browsers may re-send it themselves, hence Node only)', async () => {
      server.faults.add({route: 'listCampaigns', kind: '408', retryAfter: 1});
      const {sleep, delays} = recordingSleep();
      const campaigns = await new HttpBackend({headers: () => AUTH, baseUrl: server.url, sleep}).listCampaigns({
        agentId: AGENT,
      });
      expect(campaigns.length).to.be.greaterThan(0);
      expect(delays).to.deep.equal([1000]);
      expect(server.requests.map((r) => r.fault)).to.deep.equal(['408', undefined]);
    });

    it('a base URL with a path prefix keeps it; the control routes validate faults', async () => {
      const http = new HttpBackend({baseUrl: `${server.url}/api/v1`, headers: () => AUTH});
      expect(http.baseUrl).to.equal(`${server.url}/api/v1/`);
      expect(() => server.faults.add({route: 'nope' as 'listCampaigns', kind: '500'})).to.throw(TypeError);
      expect(() => server.faults.add({route: 'listCampaigns', kind: 'melt' as '500'})).to.throw(TypeError);
      const response = await fetch(`${server.url}/__faults`, {
        method: 'POST',
        headers: AUTH,
        body: '{"route":"x","kind":"500"}',
      });
      expect(response.status).to.equal(400);
    });

    it('emits every BackendEvent type over the stream: started, changed, callback-changed, logout-authorized', async () => {
      const http = new HttpBackend({headers: () => AUTH, baseUrl: server.url});
      const events: BackendEvent[] = [];
      const off = http.subscribe((e) => void (e.type === 'availability-changed' || events.push(e)));
      try {
        await waitFor(() => http.connectionState === 'open', 'the stream');
        server.backend.startCampaign('camp-winback');
        server.backend.reserveAgentForCall(AGENT, 20);
        const decision = await http.requestLogout({agentId: AGENT});
        expect(decision.authorized).to.equal(false);
        (server.clock as ManualClock).advance({seconds: 30});
        await http.cancelCallback('cb-demo-today');
        await waitFor(() => events.length === 4, 'four events');
        expect(events.map((e) => e.type)).to.deep.equal([
          'campaign-started',
          'campaign-changed',
          'logout-authorized',
          'callback-changed',
        ]);
      } finally {
        off();
      }
    });
  });

  describe('scripted fetch', () => {
    let created: HttpBackend[] = [];
    /** An HttpBackend on a scripted fetch, closed after the test (even a failed one). */
    const make = (options: ConstructorParameters<typeof HttpBackend>[0]) => {
      const http = new HttpBackend(options);
      created.push(http);
      return http;
    };

    afterEach(() => {
      created.forEach((http) => http.close());
      created = [];
    });

    it('parses the event stream across chunk boundaries (CRLF, CR, split UTF-8, BOM, comments, multi-line data)', async () => {
      const streams: Array<ReturnType<typeof eventStream>> = [];
      const {fetch, calls} = scriptedFetch((init) => {
        const stream = eventStream(init);
        streams.push(stream);
        return stream.response;
      });
      const {sleep, delays} = recordingSleep();
      const http = make({baseUrl: 'http://api.test/', fetch, sleep, random: () => 1});
      const events: BackendEvent[] = [];
      http.subscribe((e) => events.push(e));
      await waitFor(() => streams.length === 1, 'the stream');
      const [first] = streams;
      const cafe = new TextEncoder().encode('café');
      first.push(new Uint8Array([0xef, 0xbb, 0xbf]));
      first.push('retry: 1500\r');
      first.push('\n: a comment\r\nid: 7\r\nevent: callback-changed\r\ndata: {"type":"callback-changed","callback":');
      first.push('{"id":"cb-1","notes":"');
      first.push(cafe.slice(0, 4)); // "caf" and the first byte of "é"
      first.push(cafe.slice(4));
      first.push('"}}\r\n\r');
      first.push('\ndata: {"type":"logout-authorized",\ndata: "agentId":"a1"}\n\n');
      first.push('data: {"type":"something-new"}\n\ndata: not json\n\nid: 9\n\n');
      first.push('id: 10\rdata: {"type":"logout-authorized","agentId":"a2"}\r\r');
      await waitFor(() => events.length === 3, 'three events');
      expect(events).to.deep.equal([
        {type: 'callback-changed', callback: {id: 'cb-1', notes: 'café'} as unknown as Callback},
        {type: 'logout-authorized', agentId: 'a1'},
        {type: 'logout-authorized', agentId: 'a2'},
      ]);
      expect(calls[0].headers.get('Last-Event-ID')).to.equal(null);
      expect(calls[0].headers.get('Accept')).to.equal('text/event-stream');

      first.close();
      await waitFor(() => streams.length === 2, 'the reconnection');
      expect(delays).to.deep.equal([1500]); // the server's retry: hint, times the jitter (1)
      expect(calls[1].headers.get('Last-Event-ID')).to.equal('10');
      streams[1].push('id: 7\ndata: {"type":"logout-authorized","agentId":"again"}\n\n'); // a replayed id: dropped
      streams[1].push('id: 11\ndata: {"type":"logout-authorized","agentId":"a3"}\n\n');
      await waitFor(() => events.length === 5, 'the fourth event');
      // a replay after a reconnection is not proof that nothing was missed: one resync first
      expect(events.slice(3)).to.deep.equal([{type: 'resync'}, {type: 'logout-authorized', agentId: 'a3'}]);
      http.close();
    });

    it('reconnects a stream that stays silent longer than heartbeatTimeoutMs', async () => {
      const streams: Array<ReturnType<typeof eventStream>> = [];
      const {fetch} = scriptedFetch((init) => {
        const stream = eventStream(init);
        streams.push(stream);
        stream.push(': connected\n\n');
        return stream.response;
      });
      const changes: Array<[HttpConnectionState, string | undefined]> = [];
      const http = make({
        baseUrl: 'http://api.test/',
        fetch,
        sleep: recordingSleep().sleep,
        heartbeatTimeoutMs: 60,
        onConnectionChange: (state, error) => changes.push([state, (error as Error | undefined)?.message]),
      });
      const off = http.subscribe(() => undefined);
      await waitFor(() => streams.length === 2, 'a reconnection after silence');
      off();
      expect(changes.slice(0, 3)).to.deep.equal([
        ['connecting', undefined],
        ['open', undefined],
        ['reconnecting', 'The event stream was silent for 0.1 s.'],
      ]);
    });

    it('isolates a throwing listener: the others still get the event', async () => {
      let stream!: ReturnType<typeof eventStream>;
      const {fetch} = scriptedFetch((init) => (stream = eventStream(init)).response);
      const http = make({baseUrl: 'http://api.test/', fetch});
      const received: string[] = [];
      const caught = await collectingUncaught(async () => {
        http.subscribe(() => {
          throw new Error('listener bug');
        });
        http.subscribe((e) => received.push(e.type));
        await waitFor(() => stream, 'the stream');
        stream.push('id: 1\ndata: {"type":"logout-authorized","agentId":"a1"}\n\n');
        await waitFor(() => received.length === 1, 'the event');
      });
      http.close();
      expect(received).to.deep.equal(['logout-authorized']);
      expect(caught.map((e) => (e as Error).message)).to.deep.equal(['listener bug']);
    });

    it('a 200 that is not JSON is a BackendUnavailableError, not retried', async () => {
      const {fetch, calls} = scriptedFetch(() => new Response('<html>proxy login</html>', {status: 200}));
      const error = await rejection(
        new HttpBackend({baseUrl: 'http://api.test/', fetch}).listCampaigns({agentId: AGENT}),
      );
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(error.message).to.equal('The scheduling service sent an unreadable answer.');
      expect(calls).to.have.length(1);
    });

    it('a network failure is retried, then a BackendUnavailableError with the cause', async () => {
      const failure = new TypeError('fetch failed');
      const {fetch, calls} = scriptedFetch(() => Promise.reject(failure));
      const http = make({baseUrl: 'http://api.test/', fetch, retries: 2, sleep: recordingSleep().sleep});
      const error = await rejection(http.listCallbacks({agentId: AGENT}));
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(error.cause).to.equal(failure);
      expect(calls).to.have.length(3);
    });

    it('reads Retry-After as an HTTP date too', async () => {
      const at = new Date(Date.now() + 3000).toUTCString();
      const {fetch} = scriptedFetch(
        () =>
          new Response('{"code":"rate-limited","message":"Slow down."}', {status: 429, headers: {'Retry-After': at}}),
        () => new Response('[]', {status: 200}),
      );
      const {sleep, delays} = recordingSleep();
      expect(
        await new HttpBackend({baseUrl: 'http://api.test/', fetch, sleep}).listCampaigns({agentId: AGENT}),
      ).to.deep.equal([]);
      expect(delays).to.have.length(1);
      expect(delays[0]).to.be.within(1000, 3000);
    });

    it('an unexpected status (405) is a BackendUnavailableError, not retried; an AuthError has a default message', async () => {
      const {fetch, calls} = scriptedFetch(() => new Response('', {status: 405}));
      const error = await rejection(
        new HttpBackend({baseUrl: 'http://api.test/', fetch}).listCampaigns({agentId: AGENT}),
      );
      expect(error).to.be.instanceOf(BackendUnavailableError);
      expect(error.message).to.equal('The scheduling service answered HTTP 405.');
      expect(calls).to.have.length(1);
      expect(new AuthError(401).message).to.equal('Your session has expired. Sign in again.');
      expect(new AuthError(403)).to.include({code: 'unauthorized', status: 403, name: 'AuthError'});
    });

    it('needs an absolute base URL outside a page', () => {
      expect(() => new HttpBackend({baseUrl: '/api/'})).to.throw(TypeError);
    });
  });

  describe('api/openapi.yaml', () => {
    type Schema = Record<string, unknown>;
    let spec: {paths: Record<string, Record<string, Schema>>; components: Record<string, Record<string, Schema>>};
    let ts: typeof import('typescript');

    // Loading TypeScript (about 9 MB of JavaScript) is the slow part: once, here, with room for a busy machine
    // (it took over 10 s inside a test with a CPU hog beside the suite), not inside each test's 10 s.
    before(async function () {
      this.timeout(120_000);
      ts = (await import('typescript')).default;
    });

    before(async () => {
      const {readFile} = await import('node:fs/promises');
      const yamlModule = 'js-yaml'; // present through eslint; parse the file as real YAML
      const yaml = (await import(yamlModule)) as {
        load?: (text: string) => unknown;
        default?: {load: (t: string) => unknown};
      };
      const load = yaml.load ?? yaml.default!.load;
      spec = load(await readFile(new URL('../../api/openapi.yaml', import.meta.url), 'utf8')) as typeof spec;
    });

    const deref = (schema: Schema): Schema => {
      let current = schema;
      while (typeof current.$ref === 'string') {
        const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(current.$ref) ?? [];
        const target = spec.components[section]?.[name];
        if (!target) throw new Error(`Unresolved $ref ${current.$ref}`);
        current = target;
      }
      return current;
    };

    /** The properties a schema declares, through $ref and allOf. */
    const declared = (schema: Schema): Set<string> => {
      const s = deref(schema);
      const names = new Set(Object.keys((s.properties as Schema) ?? {}));
      for (const sub of (s.allOf as Schema[]) ?? []) declared(sub).forEach((n) => names.add(n));
      return names;
    };

    const requiredOf = (schema: Schema): Set<string> => {
      const s = deref(schema);
      const names = new Set((s.required as string[]) ?? []);
      for (const sub of (s.allOf as Schema[]) ?? []) requiredOf(sub).forEach((n) => names.add(n));
      return names;
    };

    /** A small JSON Schema validator for the keywords the document uses; extra object properties are errors. */
    const validate = (schema: Schema, value: unknown, path = '$', strict = true): string[] => {
      const s = deref(schema);
      const errors: string[] = [];
      for (const sub of (s.allOf as Schema[]) ?? []) errors.push(...validate(sub, value, path, false));
      if (s.oneOf) {
        const matches = (s.oneOf as Schema[]).filter((sub) => validate(sub, value, path).length === 0).length;
        if (matches !== 1) errors.push(`${path}: matches ${matches} of oneOf`);
      }
      if ('const' in s && value !== s.const) errors.push(`${path}: ${JSON.stringify(value)} is not ${s.const}`);
      if (s.enum && !(s.enum as unknown[]).includes(value))
        errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
      const type = s.type as string | undefined;
      const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
      if (type === 'integer' ? !Number.isInteger(value) : type && type !== actual) {
        errors.push(`${path}: ${actual} is not ${type}`);
      }
      if (typeof value === 'string') {
        if (s.pattern && !new RegExp(s.pattern as string, 'u').test(value))
          errors.push(`${path}: "${value}" !~ pattern`);
        if (typeof s.maxLength === 'number' && value.length > s.maxLength) errors.push(`${path}: too long`);
      }
      if (typeof value === 'number' && typeof s.minimum === 'number' && value < s.minimum)
        errors.push(`${path}: < min`);
      if (Array.isArray(value) && s.items)
        value.forEach((v, i) => errors.push(...validate(s.items as Schema, v, `${path}[${i}]`)));
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const object = value as Record<string, unknown>;
        for (const [name, sub] of Object.entries((s.properties as Record<string, Schema>) ?? {})) {
          if (name in object) errors.push(...validate(sub, object[name], `${path}.${name}`));
        }
        for (const name of (s.required as string[]) ?? [])
          if (!(name in object)) errors.push(`${path}.${name}: missing`);
        if (strict && (s.properties || s.allOf)) {
          const known = declared(s);
          for (const name of Object.keys(object))
            if (!known.has(name)) errors.push(`${path}.${name}: not in the schema`);
        }
      }
      return errors;
    };

    const responseSchema = (path: string, method: string, status: number, type = 'application/json'): Schema => {
      const responses = spec.paths[path][method].responses as Record<string, Schema>;
      const response = deref(responses[String(status)] ?? responses[`${String(status)[0]}XX`]);
      const content = response.content as Record<string, {schema: Schema}> | undefined;
      if (!content?.[type]) throw new Error(`No ${type} schema for ${method} ${path} ${status}`);
      return content[type].schema;
    };

    it('has every SchedulingBackend operation, Idempotency-Key on the writes, and the event stream', async () => {
      const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => ['get', 'post', 'put', 'delete'].includes(method))
          .map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId as string}`),
      );
      expect(operations).to.have.members([
        'GET /availability getAvailability',
        'GET /callbacks listCallbacks',
        'POST /callbacks scheduleCallback',
        'PUT /callbacks/{id} rescheduleCallback',
        'DELETE /callbacks/{id} cancelCallback',
        'POST /callbacks/{id}/status updateCallbackStatus',
        'GET /contacts listContacts',
        'GET /contacts/{id} getContact',
        'GET /agents listAgents',
        'GET /agents/{id}/shifts getAgentShifts',
        'GET /campaigns listCampaigns',
        'POST /logout-requests requestLogout',
        'DELETE /logout-requests/{agentId} cancelLogout',
        'GET /events getEvents',
      ]);
      const {readFile} = await import('node:fs/promises');
      const backendSource = await readFile(new URL('../../src/core/backend.ts', import.meta.url), 'utf8');
      const file = ts.createSourceFile('backend.ts', backendSource, ts.ScriptTarget.Latest, true);
      const contract = file.statements.find(
        (s): s is InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'SchedulingBackend',
      )!;
      const methods = contract.members.map((m) => (m.name as Identifier).text);
      const ids = operations.map((o) => o.split(' ')[2]);
      expect(methods.filter((m) => m !== 'subscribe')).to.have.members(ids.filter((id) => id !== 'getEvents'));

      const key = (path: string, method: string) =>
        ((spec.paths[path][method].parameters as Schema[]) ?? []).map(deref).find((p) => p.name === 'Idempotency-Key');
      expect(key('/callbacks', 'post')).to.include({in: 'header', required: true});
      expect(key('/callbacks/{id}', 'put')).to.include({in: 'header', required: true});
      expect(key('/callbacks/{id}/status', 'post')).to.include({in: 'header', required: true});
      expect(key('/logout-requests', 'post')).to.include({in: 'header', required: false});
      const events = spec.paths['/events'].get;
      const eventParams = (events.parameters as Schema[]).map((p) => `${p.in as string} ${p.name as string}`);
      expect(eventParams).to.have.members(['header Last-Event-ID', 'query after']);
      const content = Object.keys(deref((events.responses as Record<string, Schema>)['200']).content as Schema);
      expect(content).to.have.members(['text/event-stream', 'application/json']);
    });

    it('declares every status the client maps, with the error body', () => {
      for (const [path, item] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (method === 'parameters') continue;
          const statuses = Object.keys(op.responses as Schema);
          expect(statuses, `${method} ${path}`).to.include.members(['401', '403', '408', '429', '5XX']);
          for (const status of statuses.filter((s) => /^[45]/.test(s))) {
            const schema = responseSchema(path, method, status === '5XX' ? 500 : Number(status));
            expect([...requiredOf(schema)], `${method} ${path} ${status}`).to.include.members(['code', 'message']);
          }
        }
      }
      expect(spec.paths['/callbacks'].post.responses).to.include.keys('400', '409', '422');
      expect(spec.paths['/callbacks/{id}'].put.responses).to.include.keys('400', '404', '409', '422');
      expect(spec.paths['/callbacks/{id}'].delete.responses).to.include.keys('404');
      expect([...declared(spec.components.schemas.Error)]).to.have.members([
        'code',
        'message',
        'fieldErrors',
        'start',
        'reason',
      ]);
    });

    it('has a schema for every type of src/core/types.ts, property for property (drift check)', async () => {
      const {readFile} = await import('node:fs/promises');
      const interfaces = new Map<string, Map<string, boolean>>();
      const unions = new Map<string, string[]>();
      for (const name of ['types.ts', 'backend.ts', 'base-errors.ts', 'errors.ts']) {
        const text = await readFile(new URL(`../../src/core/${name}`, import.meta.url), 'utf8');
        const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
        for (const statement of file.statements) {
          if (ts.isInterfaceDeclaration(statement)) {
            const props = new Map<string, boolean>();
            for (const clause of statement.heritageClauses ?? []) {
              for (const type of clause.types) {
                interfaces.get(type.expression.getText())?.forEach((optional, prop) => props.set(prop, optional));
              }
            }
            for (const member of statement.members) {
              if (ts.isPropertySignature(member)) props.set(member.name.getText(), !!member.questionToken);
            }
            interfaces.set(statement.name.text, props);
          } else if (ts.isTypeAliasDeclaration(statement) && ts.isUnionTypeNode(statement.type)) {
            const literals = statement.type.types.map((t) =>
              ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)
                ? t.literal.text
                : ts.isTypeLiteralNode(t)
                  ? (t.members.find((m) => m.name?.getText() === 'type') as PropertySignature)?.type
                      ?.getText()
                      .replace(/'/g, '')
                  : undefined,
            );
            unions.set(
              statement.name.text,
              literals.filter((l): l is string => !!l),
            );
          }
        }
      }
      const schemas = spec.components.schemas;
      const objects = ['Agent', 'Phone', 'Contact', 'Slot', 'CallbackRequest', 'Callback', 'Campaign', 'FieldError'];
      for (const name of objects) {
        const props = interfaces.get(name)!;
        expect([...declared(schemas[name])], name).to.have.members([...props.keys()]);
        const required = [...props].filter(([, optional]) => !optional).map(([prop]) => prop);
        expect([...requiredOf(schemas[name])], `${name} required`).to.have.members(required);
      }
      expect([...declared(schemas.CallbackRequest)]).to.include.members(['newPhone', 'dispositionId']);
      const enums = [
        'PhoneType',
        'SlotUnavailableReason',
        'CallbackType',
        'CallbackKind',
        'CallbackStatus',
        'CampaignStatus',
        'DialingMode',
        'DeliveryMode',
      ];
      for (const name of enums) expect(schemas[name].enum, name).to.deep.equal(unions.get(name));
      const eventTypes = (schemas.BackendEvent.oneOf as Schema[]).map((s) => (s.properties as Schema).type as Schema);
      expect(eventTypes.map((t) => t.const)).to.deep.equal(unions.get('BackendEvent'));
      expect(schemas.LogoutDecision.oneOf).to.have.length(2);
      const query = interfaces.get('AvailabilityQuery')!;
      const params = (spec.paths['/availability'].get.parameters as Schema[]).map((p) => [p.name, p.required]);
      expect(params).to.have.deep.members([...query].map(([prop, optional]) => [prop, !optional]));
    });

    it("the reference server's real answers conform to the document", async () => {
      await server.reset();
      const base = server.url;
      const json = async (path: string, init: RequestInit = {}) => {
        const response = await fetch(`${base}${path}`, {
          ...init,
          headers: {...AUTH, 'Content-Type': 'application/json', Accept: 'application/json', ...init.headers},
        });
        return {status: response.status, body: response.status === 204 ? undefined : await response.json()};
      };
      const check = (path: string, method: string, answer: {status: number; body: unknown}, expected: number) => {
        expect(answer.status, `${method} ${path}`).to.equal(expected);
        expect(validate(responseSchema(path, method, expected), answer.body), `${method} ${path}`).to.deep.equal([]);
      };
      const request = personal('2026-06-16T15:00:00Z', {
        phone: '+12124567788',
        newPhone: {number: '+12124567788', type: 'work', contactFrom: '09:00', contactUntil: '17:00'},
        dispositionId: 'disp-callback',
        notes: 'Call about the renewal.',
      });
      const post = (body: unknown, key = 'k-conform') =>
        json('/callbacks', {method: 'POST', body: JSON.stringify(body), headers: {'Idempotency-Key': key}});

      const created = await post(request);
      check('/callbacks', 'post', created, 201);
      expect(created.body).to.include({dispositionId: 'disp-callback'});
      expect((created.body as Callback).newPhone).to.deep.equal(request.newPhone);
      const id = (created.body as Callback).id;
      check(
        '/availability',
        'get',
        await json(
          `/availability?from=${NOW}&to=2026-06-17T00:00:00Z&type=personal&agentId=${AGENT}&phone=%2B12124561987`,
        ),
        200,
      );
      check('/callbacks', 'get', await json(`/callbacks?agentId=${AGENT}&includeCanceled=true`), 200);
      check('/campaigns', 'get', await json(`/campaigns?agentId=${AGENT}`), 200);
      const moved = await json(`/callbacks/${id}`, {
        method: 'PUT',
        body: JSON.stringify({...request, start: '2026-06-16T16:00:00Z'}),
        headers: {'Idempotency-Key': 'k-conform-2'},
      });
      check('/callbacks/{id}', 'put', moved, 200);
      expect((await json(`/callbacks/${id}`, {method: 'DELETE'})).status).to.equal(204);
      const logout = (agentId: string) =>
        json('/logout-requests', {
          method: 'POST',
          body: JSON.stringify({agentId}),
          headers: {'Idempotency-Key': agentId},
        });
      check('/logout-requests', 'post', await logout(AGENT), 200);
      server.backend.reserveAgentForCall('agent-james', 20);
      check('/logout-requests', 'post', await logout('agent-james'), 200);
      await server.backend.startCampaign('camp-winback');
      (server.clock as ManualClock).advance({seconds: 30});
      await server.backend.tick();
      const page = await json('/events?after=0');
      check('/events', 'get', page, 200);
      const types = (page.body as {events: Array<{event: BackendEvent}>}).events.map((e) => e.event.type);
      expect(new Set(types)).to.deep.equal(
        new Set([
          'callback-changed',
          'availability-changed',
          'campaign-started',
          'campaign-changed',
          'logout-authorized',
        ]),
      );
      const firstId = Number((page.body as {events: Array<{id: string}>}).events[0].id);

      // Maria already has a personal callback at 14:00 today (cb-demo-today).
      check('/callbacks', 'post', await post({...request, start: '2026-06-15T14:00:00Z'}, 'k-again'), 409);
      check('/callbacks', 'post', await post({...request, contactId: 'nobody'}, 'k-bad'), 422);
      const noKey = await json('/callbacks', {method: 'POST', body: JSON.stringify(request)});
      check('/callbacks', 'post', noKey, 400);
      check('/callbacks/{id}', 'delete', await json('/callbacks/cb-missing', {method: 'DELETE'}), 404);
      check('/campaigns', 'get', await json('/campaigns'), 400);
      for (const kind of ['401', '403', '408', '429', '500', '503'] as const) {
        server.faults.add({route: 'listCampaigns', kind});
        check('/campaigns', 'get', await json(`/campaigns?agentId=${AGENT}`), Number(kind));
      }
      server.faults.add({route: 'scheduleCallback', kind: '409'});
      check('/callbacks', 'post', await post(request, 'k-409'), 409);

      // The stream form: every data line is a BackendEvent.
      const controller = new AbortController();
      const stream = await fetch(`${base}/events`, {
        // resume from just before the first event since the reset (an older id would get a resync)
        headers: {...AUTH, Accept: 'text/event-stream', 'Last-Event-ID': String(firstId - 1)},
        signal: controller.signal,
      });
      expect(stream.headers.get('content-type')).to.match(/^text\/event-stream/);
      const reader = stream.body!.getReader();
      let text = '';
      while ((text.match(/\n\n/g) ?? []).length < types.length + 1)
        text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      const data = text.split('\n').filter((line) => line.startsWith('data: '));
      expect(data).to.have.length(types.length);
      for (const line of data) {
        expect(validate(spec.components.schemas.BackendEvent, JSON.parse(line.slice(6)))).to.deep.equal([]);
      }
    });
  });
});

/** Releases the reconnection and poll delays of an HttpBackend one step at a time (nothing waits for real). */
function heldSleep() {
  let waiters: Array<() => void> = [];
  const sleep = (_ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        waiters = waiters.filter((w) => w !== wake);
        reject(signal!.reason);
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, {once: true});
      waiters.push(wake);
    });
  return {
    sleep,
    waiting: () => waiters.length,
    release: () => {
      const woken = waiters;
      waiters = [];
      woken.forEach((wake) => wake());
    },
  };
}

interface FakeRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A fake API server on loopback (node:http) that implements the 0.2 event protocol: `GET /api/events` streams (the
 * replay after `Last-Event-ID`, or `event: resync` when it is older than the `retain` newest events, then the
 * id-only message `id: <newest>`, then live events); `GET /api/events?after=` answers `{events, lastEventId,
 * truncated?}`. Other routes go to `handle`, else 404 with the code `route-not-found`. Records every request.
 */
async function fakeServer(handle?: (req: FakeRequest, res: import('node:http').ServerResponse) => boolean | void) {
  const http = await import('node:http');
  const log: Array<{id: number; event: BackendEvent}> = [];
  const streams = new Set<import('node:http').ServerResponse>();
  const requests: FakeRequest[] = [];
  const state = {next: 1, retain: 1000, streamFailures: 0, pollFailures: 0};
  const newest = () => state.next - 1;
  const frame = (e: {id: number; event: BackendEvent}) =>
    `id: ${e.id}\nevent: ${e.event.type}\ndata: ${JSON.stringify(e.event)}\n\n`;
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {'Content-Type': 'application/json'});
    res.end(JSON.stringify(body));
  };
  const gap = (cursor: number) => cursor < newest() && (log.length === 0 || log[0].id > cursor + 1);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request: FakeRequest = {method: req.method ?? 'GET', path: req.url ?? '', headers: req.headers, body};
      requests.push(request);
      const url = new URL(request.path, 'http://fake');
      if (url.pathname === '/api/events' && url.searchParams.has('after')) {
        if (state.pollFailures > 0) {
          state.pollFailures--;
          return json(res, 503, {code: 'backend-unavailable', message: 'Down for a moment.'});
        }
        const after = url.searchParams.get('after')!;
        if (after === '') return json(res, 200, {events: [], lastEventId: String(newest())});
        const cursor = Number(after);
        const events = log.filter((e) => e.id > cursor).map((e) => ({id: String(e.id), event: e.event}));
        const lastEventId = events.at(-1)?.id ?? String(newest());
        return json(res, 200, {events, lastEventId, ...(gap(cursor) ? {truncated: true} : {})});
      }
      if (url.pathname === '/api/events') {
        if (state.streamFailures > 0) {
          state.streamFailures--;
          return json(res, 503, {code: 'backend-unavailable', message: 'Down for a moment.'});
        }
        res.writeHead(200, {'Content-Type': 'text/event-stream'});
        const last = req.headers['last-event-id'];
        if (typeof last === 'string' && /^\d+$/.test(last)) {
          if (gap(Number(last))) res.write('event: resync\ndata: {"type":"resync"}\n\n');
          else for (const e of log) if (e.id > Number(last)) res.write(frame(e));
        }
        res.write(`id: ${newest()}\n\n`);
        streams.add(res);
        res.on('close', () => streams.delete(res));
        return;
      }
      if (handle?.(request, res) !== true)
        json(res, 404, {code: 'route-not-found', message: `No route ${url.pathname}.`});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  const add = (event: BackendEvent) => {
    const entry = {id: state.next++, event};
    log.push(entry);
    if (log.length > state.retain) log.splice(0, log.length - state.retain);
    return entry;
  };
  return {
    url: `http://127.0.0.1:${port}/api/`,
    requests,
    state,
    streams,
    /** Stream requests (not polls), in order. */
    streamRequests: () => requests.filter((r) => r.path === '/api/events'),
    publish(event: BackendEvent): void {
      const entry = add(event);
      for (const res of streams) res.write(frame(entry));
    },
    /** Publishes an event of which the open streams get only the first half, then ends them (dropped mid-event). */
    publishHalfThenDrop(event: BackendEvent): void {
      const text = frame(add(event));
      for (const res of [...streams]) {
        res.write(text.slice(0, Math.floor(text.length / 2)));
        res.end();
      }
    },
    /** Ends every open stream cleanly (what was written arrives first). */
    endStreams(): void {
      for (const res of [...streams]) res.end();
    },
    /** Cuts every open stream's connection. */
    destroyStreams(): void {
      for (const res of [...streams]) res.destroy();
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

(inNode ? describe : describe.skip)(
  'core/HttpBackend 0.2 (Node, a fake server implementing the event protocol)',
  () => {
    let cleanups: Array<() => unknown> = [];
    /** Conditions, never sleeps: a long limit costs nothing and keeps the tests green on a busy machine. */
    const wait = <T>(check: () => T | Promise<T>, what: string) => waitFor(check, what, 8000);
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups = [];
    });

    async function setup(
      options: Partial<ConstructorParameters<typeof HttpBackend>[0]> = {},
      handle?: Parameters<typeof fakeServer>[0],
    ) {
      const fake = await fakeServer(handle);
      const held = heldSleep();
      const http = new HttpBackend({baseUrl: fake.url, sleep: held.sleep, random: () => 1, ...options});
      const received: BackendEvent[] = [];
      cleanups.push(
        () => fake.close(),
        () => http.close(),
      );
      return {fake, held, http, received, subscribe: () => http.subscribe((e) => received.push(e))};
    }

    const changed = (n: number): BackendEvent => ({type: 'logout-authorized', agentId: `agent-${n}`});
    const seats = (n: number): BackendEvent => ({
      type: 'availability-changed',
      from: `2026-06-16T1${n}:00:00Z`,
      to: `2026-06-16T1${n}:30:00Z`,
    });
    const events = (received: BackendEvent[]) => received.filter((e) => e.type !== 'resync');
    const resyncs = (received: BackendEvent[]) => received.filter((e) => e.type === 'resync').length;

    describe('events: drops at every point, events in the gap', () => {
      it('a stream dropped before its first event resumes from the point of subscription: every gap event arrives', async () => {
        const {fake, held, received, subscribe} = await setup();
        fake.publish(changed(1)); // before subscribing: not for us
        fake.publish(changed(2));
        subscribe();
        await wait(() => fake.streams.size === 1, 'the stream');
        fake.endStreams(); // only the id-only message ("id: 2") came through
        await wait(() => held.waiting() === 1, 'the reconnection delay');
        fake.publish(changed(3)); // in the gap
        fake.publish(seats(4));
        held.release();
        await wait(() => events(received).length === 2, 'the gap events');
        expect(fake.streamRequests().map((r) => r.headers['last-event-id'])).to.deep.equal([undefined, '2']);
        expect(events(received)).to.deep.equal([changed(3), seats(4)]);
        // a replay is delivered but never taken as proof: one resync, before the replayed events
        expect(received[0]).to.deep.equal({type: 'resync'});
        expect(resyncs(received)).to.equal(1);
      });

      it('dropped mid-event (half a frame) and between events: every event arrives exactly once', async () => {
        const {fake, held, received, subscribe} = await setup();
        subscribe();
        await wait(() => fake.streams.size === 1, 'the stream');
        fake.publish(changed(1));
        await wait(() => events(received).length === 1, 'the first event');

        fake.publishHalfThenDrop(changed(2)); // the stream breaks in the middle of event 2
        await wait(() => held.waiting() === 1, 'the reconnection delay');
        fake.publish(changed(3));
        held.release();
        await wait(() => events(received).length === 3, 'events 2 and 3');

        fake.destroyStreams(); // the connection is cut between two events
        await wait(() => held.waiting() === 1, 'the second reconnection delay');
        fake.publish(seats(4));
        fake.publish(changed(5));
        held.release();
        await wait(() => events(received).length === 5, 'events 4 and 5');
        expect(events(received)).to.deep.equal([changed(1), changed(2), changed(3), seats(4), changed(5)]);
        expect(fake.streamRequests().map((r) => r.headers['last-event-id'])).to.deep.equal([undefined, '1', '3']);
        expect(resyncs(received)).to.equal(2);
        // live events still flow on the third stream
        fake.publish(changed(6));
        await wait(() => events(received).length === 6, 'a live event');
      });

      it('a reconnection with nothing missed delivers no resync: the id-only message names our Last-Event-ID', async () => {
        const {fake, held, received, subscribe} = await setup();
        subscribe();
        await wait(() => fake.streams.size === 1, 'the stream');
        fake.publish(changed(1));
        await wait(() => received.length === 1, 'the first event');
        fake.endStreams();
        await wait(() => held.waiting() === 1, 'the reconnection delay');
        held.release();
        await wait(() => fake.streams.size === 1, 'the second stream');
        fake.publish(changed(2));
        await wait(() => received.length === 2, 'the second event');
        expect(received).to.deep.equal([changed(1), changed(2)]);
        expect(fake.streamRequests()[1].headers['last-event-id']).to.equal('1');
      });

      it("Last-Event-ID past the server's window: its event: resync is delivered, once", async () => {
        const {fake, held, received, subscribe} = await setup();
        fake.state.retain = 2;
        subscribe();
        await wait(() => fake.streams.size === 1, 'the stream');
        fake.publish(changed(1));
        await wait(() => received.length === 1, 'the first event');
        fake.endStreams();
        await wait(() => held.waiting() === 1, 'the reconnection delay');
        for (const n of [2, 3, 4, 5]) fake.publish(changed(n)); // 2 and 3 fall out of the window
        held.release();
        await wait(() => resyncs(received) === 1, 'the resync');
        await wait(() => fake.streams.size === 1, 'the second stream');
        fake.publish(changed(6));
        await wait(() => events(received).length === 2, 'a live event after the resync');
        expect(received).to.deep.equal([changed(1), {type: 'resync'}, changed(6)]);
      });

      it('a stream that could not open at first: events since subscribing may be lost, so resync is delivered', async () => {
        const {fake, held, received, subscribe} = await setup();
        fake.state.streamFailures = 1;
        subscribe();
        await wait(() => held.waiting() === 1, 'the reconnection delay after the 503');
        fake.publish(changed(1)); // after subscribing, before any stream: no id to resume from
        held.release();
        await wait(() => received.length === 1, 'the resync');
        expect(received).to.deep.equal([{type: 'resync'}]);
        expect(fake.streamRequests().map((r) => r.headers['last-event-id'])).to.deep.equal([undefined, undefined]);
      });

      it('polling: the fall back delivers resync; truncated pages too; after a failed poll only an empty page is proof', async () => {
        const {fake, held, received, http, subscribe} = await setup({transport: 'auto', sseFailuresBeforePolling: 1});
        fake.state.streamFailures = 1000;
        subscribe();
        // the stream failed once: polling starts at once, and owes a resync (nothing proves no event was missed)
        await wait(() => held.waiting() === 1 && http.connectionState === 'polling', 'the first poll');
        expect(received).to.deep.equal([{type: 'resync'}]);
        const polls = () => fake.requests.filter((r) => r.path.startsWith('/api/events?after='));
        expect(polls().map((r) => r.path)).to.deep.equal(['/api/events?after=']);

        fake.publish(changed(1));
        held.release();
        await wait(() => received.length === 2, 'event 1');
        await wait(() => held.waiting() === 1, 'the poll interval');

        fake.state.retain = 1;
        fake.publish(changed(2)); // falls out of the window
        fake.publish(changed(3));
        held.release();
        await wait(() => received.length === 4, 'a truncated page');
        expect(received.slice(2)).to.deep.equal([{type: 'resync'}, changed(3)]);
        await wait(() => held.waiting() === 1, 'the poll interval');

        fake.state.pollFailures = 1; // a failed poll, nothing happens meanwhile: the empty page proves it
        held.release();
        await wait(() => held.waiting() === 1 && http.connectionState === 'reconnecting', 'the failed poll');
        held.release();
        await wait(() => held.waiting() === 1 && http.connectionState === 'polling', 'an empty page');
        expect(received).to.have.length(4);

        fake.state.pollFailures = 1; // a failed poll with an event in the gap
        held.release();
        await wait(() => held.waiting() === 1 && http.connectionState === 'reconnecting', 'the failed poll');
        fake.publish(changed(4));
        held.release();
        await wait(() => received.length === 6, 'event 4');
        expect(received.slice(4)).to.deep.equal([{type: 'resync'}, changed(4)]);
        expect(polls().map((r) => r.path)).to.deep.equal([
          '/api/events?after=',
          '/api/events?after=0',
          '/api/events?after=1',
          '/api/events?after=3',
          '/api/events?after=3',
          '/api/events?after=3',
          '/api/events?after=3',
        ]);
      });
    });

    describe('0.2 routes', () => {
      const olivia = {id: 'contact-olivia', name: 'Olivia Bennett', phones: [{number: '+12124561987', type: 'mobile'}]};
      const maria = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York'};
      const reply = (res: import('node:http').ServerResponse, status: number, body?: unknown) => {
        res.writeHead(status, body === undefined ? {} : {'Content-Type': 'application/json'});
        res.end(body === undefined ? undefined : JSON.stringify(body));
        return true as const;
      };

      it('getContact, listContacts, listAgents, getAgentShifts and updateCallbackStatus speak the documented routes', async () => {
        const {fake, http} = await setup({}, (req, res) => {
          const path = req.path;
          if (req.method === 'GET' && path === '/api/contacts/contact-olivia') return reply(res, 200, olivia);
          if (req.method === 'GET' && path === '/api/contacts') return reply(res, 200, [olivia]);
          if (req.method === 'GET' && path === '/api/agents') return reply(res, 200, [maria]);
          if (req.method === 'GET' && path.startsWith('/api/agents/agent-maria/shifts?')) {
            return reply(res, 200, [{start: '2026-06-16T12:00:00Z', end: '2026-06-16T20:00:00Z'}]);
          }
          if (req.method === 'POST' && path === '/api/callbacks/cb-1/status') {
            return reply(res, 200, {id: 'cb-1', status: (JSON.parse(req.body) as {status: string}).status});
          }
          return false;
        });
        expect(await http.getContact('contact-olivia')).to.deep.equal(olivia);
        expect(await http.listContacts()).to.deep.equal([olivia]);
        expect(await http.listAgents()).to.deep.equal([maria]);
        const from = '2026-06-16T00:00:00Z';
        const to = '2026-06-17T00:00:00Z';
        expect(await http.getAgentShifts('agent-maria', {from, to})).to.deep.equal([
          {start: '2026-06-16T12:00:00Z', end: '2026-06-16T20:00:00Z'},
        ]);
        const updated = await http.updateCallbackStatus('cb-1', 'in-progress', {idempotencyKey: 'k-launch-1'});
        expect(updated).to.deep.include({id: 'cb-1', status: 'in-progress'});
        const post = fake.requests.find((r) => r.method === 'POST')!;
        expect(post.headers['idempotency-key']).to.equal('k-launch-1');
        expect(JSON.parse(post.body)).to.deep.equal({status: 'in-progress'});
        const shifts = fake.requests.find((r) => r.path.includes('/shifts'))!;
        expect(new URL(shifts.path, 'http://x').searchParams.get('from')).to.equal(from);
        expect(new URL(shifts.path, 'http://x').searchParams.get('to')).to.equal(to);
      });

      it('a server without the contact routes gives UnsupportedOperationError, never a silent not-found', async () => {
        let answer: (res: import('node:http').ServerResponse) => true = (res) =>
          reply(res, 404, {code: 'route-not-found', message: 'No route.'});
        const {http, fake} = await setup({}, (_req, res) => answer(res));
        const error = await rejection(http.getContact('contact-olivia'));
        expect(error).to.be.instanceOf(UnsupportedOperationError);
        expect(error.message).to.equal('This server does not serve contacts (GET /contacts/{id}).');
        expect(error).to.include({operation: 'getContact', route: 'GET /contacts/{id}', status: 404});
        expect(fake.requests).to.have.length(1); // not retried

        // an unknown route with no JSON body at all (a plain web server or proxy page)
        answer = (res) => {
          res.writeHead(404, {'Content-Type': 'text/html'});
          res.end('<h1>Not Found</h1>');
          return true as const;
        };
        expect(await rejection(http.listContacts())).to.be.instanceOf(UnsupportedOperationError);
        for (const status of [405, 501]) {
          answer = (res) => reply(res, status, {code: 'validation', message: 'No.'});
          const missing = await rejection(http.getContact('contact-olivia'));
          expect(missing, String(status)).to.be.instanceOf(UnsupportedOperationError);
          expect((missing as UnsupportedOperationError).status).to.equal(status);
          expect(await rejection(http.listAgents())).to.be.instanceOf(UnsupportedOperationError);
        }
        // the routes exist, the record does not: NotFoundError with the server's message
        answer = (res) => reply(res, 404, {code: 'not-found', message: 'Contact "nobody" was not found.'});
        const unknown = await rejection(http.getContact('nobody'));
        expect(unknown).to.be.instanceOf(NotFoundError);
        expect(unknown.message).to.equal('Contact "nobody" was not found.');
        // a list route has no record: a 404 there is always a missing route
        expect(await rejection(http.listContacts())).to.be.instanceOf(UnsupportedOperationError);
        // the status route: a missing callback vs a server that does not persist statuses
        const gone = await rejection(http.updateCallbackStatus('cb-gone', 'expired', {idempotencyKey: 'k-1'}));
        expect(gone).to.be.instanceOf(NotFoundError);
        answer = (res) => reply(res, 404, {code: 'route-not-found', message: 'No route.'});
        const statusError = await rejection(http.updateCallbackStatus('cb-gone', 'expired', {idempotencyKey: 'k-2'}));
        expect(statusError).to.be.instanceOf(UnsupportedOperationError);
        expect(statusError.message).to.equal(
          'This server does not persist callback statuses (POST /callbacks/{id}/status).',
        );
      });

      it('every id is one encoded path segment: dot segments are refused before any request, nothing climbs', async () => {
        const {fake, http} = await setup({}, (req, res) => {
          if (req.method === 'DELETE') return reply(res, 204);
          return reply(
            res,
            200,
            req.path.endsWith('/shifts') || req.path.includes('/shifts?') ? [] : {id: 'x', name: 'x', phones: []},
          );
        });
        for (const id of ['.', '..']) {
          for (const call of [
            () => http.cancelCallback(id),
            () => http.getContact(id),
            () => http.updateCallbackStatus(id, 'expired', {idempotencyKey: `k-${id}`}),
            () => http.rescheduleCallback(id, personal(), {idempotencyKey: `k2-${id}`}),
            () => http.getAgentShifts(id, {from: NOW, to: NOW}),
            () => http.cancelLogout({agentId: id}),
          ]) {
            const error = await rejection(call());
            expect(error, id).to.be.instanceOf(ValidationError);
            expect((error as ValidationError).fieldErrors[0].code).to.equal('invalid-id');
          }
        }
        expect(fake.requests).to.deep.equal([]);
        for (const id of ['a/b', '?x', '%2e%2e', '..%2F', '#frag']) await http.cancelCallback(id);
        await http.getContact('../agents');
        expect(fake.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
          'DELETE /api/callbacks/a%2Fb',
          'DELETE /api/callbacks/%3Fx',
          'DELETE /api/callbacks/%252e%252e',
          'DELETE /api/callbacks/..%252F',
          'DELETE /api/callbacks/%23frag',
          'GET /api/contacts/..%2Fagents',
        ]);
      });
    });
  },
);
