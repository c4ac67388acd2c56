/**
 * The reference server of the callback-kit REST contract (`api/openapi.yaml`), backed by `MemoryBackend`.
 * Plain `node:http`, no framework. Serves the demo data to stories and example hosts, and `HttpBackend`'s
 * tests run against it over loopback, with faults injected per test.
 *
 * Run it: `npm run serve:api` (`tsx server/reference-server.ts`), with optional flags
 * `--port 8787` (0: a free port), `--host 127.0.0.1`, `--seed 1`, `--now 2026-06-15T13:00:00Z` (a ManualClock
 * stopped there instead of the real time), `--dialer` (MemoryBackend's simulated dialer), `--no-control`
 * (no `/__` routes). It prints `callback-kit reference server listening on <url>` once it listens.
 * In-process: `const server = await startReferenceServer({port: 0, now: '2026-06-15T13:00:00Z', seed: 1})`.
 *
 * Test controls (not part of the contract; JSON bodies; off with `control: false`):
 * - `POST /__faults` `{route, kind, times?, delayMs?, retryAfter?}` (or an array): the next `times` (default 1)
 *   requests of `route` (an operationId of the contract, `streamEvents`/`pollEvents` for the two forms of
 *   `GET /events`, or `*`) get the fault. `kind`: `slow` (wait `delayMs`, default 1000, then answer),
 *   `timeout` (never answer), `reset` (destroy the socket before doing anything), `drop` (do the work, commit
 *   it, then destroy the socket in the middle of the answer), or an HTTP status such as `'500'`, `'409'`,
 *   `'401'`, `'429'` (answer it with a matching error body, without doing the work; `retryAfter` adds the
 *   header). `DELETE /__faults` clears them, `GET /__faults` lists them. In-process: `server.faults`.
 * - `POST /__reset` `{now?, seed?}`: a fresh backend (ManualClock back to its start or to `now`), no faults, no
 *   recorded requests, no retained events, every event stream closed. Event ids keep growing.
 * - `POST /__clock` `{advance?: DurationLike, set?: IsoInstant}` (ManualClock only): moves the clock.
 * - `POST /__campaigns/{id}/start`, `POST /__campaigns/{id}/status` `{status}`, `POST /__agents/{id}/reserve`
 *   `{seconds, campaignId?}`: MemoryBackend's `startCampaign`, `setCampaignStatus`, `reserveAgentForCall`.
 * - `GET /__requests`: the requests received (route, method, path, headers that matter), oldest first.
 * - `GET /__streams` `{open}`; `POST /__streams/drop`: destroys every open event stream (`{dropped}`).
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {
  BackendUnavailableError,
  ManualClock,
  MemoryBackend,
  NotFoundError,
  SlotUnavailableError,
  ValidationError,
  systemClock,
  type BackendEvent,
  type CallbackRequest,
  type CampaignStatus,
  type Clock,
  type FieldError,
  type MemoryBackendOptions,
  type Temporal,
} from '../src/core/index.js';

/** The operations of the contract (operationIds), with the two forms of `GET /events` told apart. */
export type RouteName =
  | 'getAvailability'
  | 'scheduleCallback'
  | 'rescheduleCallback'
  | 'cancelCallback'
  | 'listCallbacks'
  | 'listCampaigns'
  | 'requestLogout'
  | 'cancelLogout'
  | 'streamEvents'
  | 'pollEvents';

const ROUTES: readonly RouteName[] = [
  'getAvailability',
  'scheduleCallback',
  'rescheduleCallback',
  'cancelCallback',
  'listCallbacks',
  'listCampaigns',
  'requestLogout',
  'cancelLogout',
  'streamEvents',
  'pollEvents',
];

/** `slow`, `timeout`, `reset`, `drop`, or an HTTP error status to answer (`'500'`, `'409'`...). */
export type FaultKind = 'slow' | 'timeout' | 'reset' | 'drop' | `${4 | 5}${number}`;

export interface Fault {
  /** The operation it applies to, or `*` for any. */
  route: RouteName | '*';
  kind: FaultKind;
  /** How many matching requests get it (default 1). */
  times?: number;
  /** `slow`: real milliseconds to wait before answering (default 1000). */
  delayMs?: number;
  /** Status faults: the `Retry-After` header to send (seconds or an HTTP date). */
  retryAfter?: number | string;
}

/** The queue of injected faults: the first pending fault matching a request applies to it. */
export class FaultInjector {
  #queue: Array<Fault & {times: number}> = [];

  /** Queues a fault. @throws TypeError for an unknown route or kind. */
  add(fault: Fault): void {
    if (!fault || (fault.route !== '*' && !ROUTES.includes(fault.route))) {
      throw new TypeError(`Unknown route "${fault?.route}"; use one of ${ROUTES.join(', ')} or *.`);
    }
    const kind = String(fault.kind);
    if (!['slow', 'timeout', 'reset', 'drop'].includes(kind) && !/^[45]\d\d$/.test(kind)) {
      throw new TypeError(`Unknown fault kind "${kind}"; use slow, timeout, reset, drop or a 4xx/5xx status.`);
    }
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new TypeError(`times must be a positive integer, got ${times}.`);
    this.#queue.push({...fault, kind: kind as FaultKind, times});
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#queue = [];
  }

  /** The pending faults (copies). */
  get pending(): Fault[] {
    return this.#queue.map((f) => ({...f}));
  }

  /** Takes one use of the first fault matching `route`. */
  take(route: RouteName): Fault | undefined {
    const index = this.#queue.findIndex((f) => f.route === route || f.route === '*');
    if (index === -1) return undefined;
    const fault = this.#queue[index];
    fault.times--;
    if (fault.times === 0) this.#queue.splice(index, 1);
    return {...fault};
  }
}

/** One request the server received (control routes and preflights excepted). */
export interface RecordedRequest {
  route: RouteName;
  method: string;
  /** Path and query, e.g. `/callbacks?agentId=agent-maria`. */
  url: string;
  idempotencyKey?: string;
  authorization?: string;
  lastEventId?: string;
  /** The fault applied to it, if any. */
  fault?: FaultKind;
}

export interface ReferenceServerOptions {
  /** The port to listen on (default 0: a free one). */
  port?: number;
  /** The interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** The backend's clock (default the real one). A `ManualClock` can be moved with `POST /__clock`. */
  clock?: Clock;
  /** Instead of `clock`: a new `ManualClock` stopped at this instant. */
  now?: string;
  /** The backend's seed (ids): same seed, same ids. */
  seed?: number;
  /** More MemoryBackend options (latency, failureRate, simulateDialer, data...). */
  backend?: Omit<MemoryBackendOptions, 'clock' | 'seed'>;
  /** Milliseconds between two `: ping` comments on event streams (default 15 000). */
  heartbeatMs?: number;
  /** The `retry:` reconnection hint sent to event streams, in ms (default 2000). */
  retryMs?: number;
  /** How many events are kept for resuming streams and polling (default 1000). */
  eventLogSize?: number;
  /** Serve the `/__` test controls (default true). */
  control?: boolean;
}

export interface ReferenceServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  /** The backend behind the API now (a new one after `reset`). */
  readonly backend: MemoryBackend;
  /** The backend's clock. */
  readonly clock: Clock;
  /** Injected faults, in-process. */
  readonly faults: FaultInjector;
  /** The requests received since the start or the last reset. */
  readonly requests: readonly RecordedRequest[];
  /** How many event streams are open. */
  readonly openStreams: number;
  /** A fresh backend and an empty state; see `POST /__reset`. */
  reset(options?: {now?: string; seed?: number}): void;
  /** Destroys every open event stream; returns how many. */
  dropStreams(): number;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

interface HttpError {
  status: number;
  body: {
    code: string;
    message: string;
    fieldErrors?: FieldError[];
    start?: string;
    reason?: string;
  };
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class RequestError extends Error {
  readonly answer: HttpError;

  constructor(answer: HttpError) {
    super(answer.body.message);
    this.answer = answer;
  }
}

const MAX_BODY_BYTES = 1_000_000;
const MAX_RECORDED = 2000;
const MAX_LOGOUT_KEYS = 1000;

const bad = (field: string, code: string, message: string): RequestError =>
  new RequestError({status: 400, body: {code: 'validation', message, fieldErrors: [{field, code, message}]}});

/** The error body and status of an error thrown by MemoryBackend (or the server itself). */
function toHttpError(error: unknown): HttpError {
  if (error instanceof RequestError) return error.answer;
  if (error instanceof ValidationError) {
    return {status: 422, body: {code: 'validation', message: error.message, fieldErrors: error.fieldErrors}};
  }
  if (error instanceof SlotUnavailableError) {
    const {message, start, reason} = error;
    return {status: 409, body: {code: 'slot-unavailable', message, start, reason}};
  }
  if (error instanceof NotFoundError) return {status: 404, body: {code: 'not-found', message: error.message}};
  if (error instanceof URIError) return {status: 400, body: {code: 'validation', message: 'The path is not valid.'}};
  if (error instanceof BackendUnavailableError) {
    return {status: 503, body: {code: 'backend-unavailable', message: error.message}, headers: {'Retry-After': '1'}};
  }
  console.error('[reference-server]', error);
  return {status: 500, body: {code: 'internal', message: 'The server failed. Try again in a moment.'}};
}

/** The error an injected status fault answers with. */
function faultError(status: number, body: unknown, retryAfter?: number | string): HttpError {
  const headers: Record<string, string> = retryAfter === undefined ? {} : {'Retry-After': String(retryAfter)};
  const start = (body as {start?: unknown} | undefined)?.start;
  switch (status) {
    case 400:
    case 422: {
      const message = 'Injected validation failure.';
      const fieldErrors = [{field: 'request', code: 'injected', message}];
      return {status, body: {code: 'validation', message, fieldErrors}, headers};
    }
    case 401:
      return {status, body: {code: 'unauthorized', message: 'The session has expired.'}, headers};
    case 403:
      return {status, body: {code: 'forbidden', message: 'This agent may not do this.'}, headers};
    case 404:
      return {status, body: {code: 'not-found', message: 'Injected: not found.'}, headers};
    case 408:
      return {status, body: {code: 'timeout', message: 'The server gave up waiting for the request.'}, headers};
    case 409: {
      const at = typeof start === 'string' ? start : '1970-01-01T00:00:00Z';
      return {
        status,
        body: {code: 'slot-unavailable', message: 'This slot was taken meanwhile.', start: at, reason: 'full'},
        headers,
      };
    }
    case 429:
      return {status, body: {code: 'rate-limited', message: 'Too many requests.'}, headers};
    default:
      return {
        status,
        body: {code: status >= 500 ? 'internal' : 'validation', message: `Injected HTTP ${status}.`},
        headers,
      };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new RequestError({status: 413, body: {code: 'validation', message: 'The body is too large.'}});
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw bad('body', 'invalid-json', 'The body is not valid JSON.');
  }
}

function requireObject(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw bad('body', 'required', 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function requireParam(url: URL, name: string): string {
  const value = url.searchParams.get(name);
  if (!value) throw bad(name, 'required', `The query parameter "${name}" is required.`);
  return value;
}

function requireKey(req: IncomingMessage): string {
  const key = header(req, 'idempotency-key');
  if (!key) throw bad('idempotencyKey', 'required', 'The Idempotency-Key header is required.');
  return key;
}

interface Match {
  route: RouteName;
  id?: string;
}

/** The contract route of a request, or the methods its path allows, or null for an unknown path. */
function match(method: string, url: URL, accept: string): Match | {allow: string} | null {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/availability') return method === 'GET' ? {route: 'getAvailability'} : {allow: 'GET'};
  if (path === '/callbacks') {
    if (method === 'GET') return {route: 'listCallbacks'};
    if (method === 'POST') return {route: 'scheduleCallback'};
    return {allow: 'GET, POST'};
  }
  const one = /^\/callbacks\/([^/]+)$/.exec(path);
  if (one) {
    const id = decodeURIComponent(one[1]);
    if (method === 'PUT') return {route: 'rescheduleCallback', id};
    if (method === 'DELETE') return {route: 'cancelCallback', id};
    return {allow: 'PUT, DELETE'};
  }
  if (path === '/campaigns') return method === 'GET' ? {route: 'listCampaigns'} : {allow: 'GET'};
  if (path === '/logout-requests') return method === 'POST' ? {route: 'requestLogout'} : {allow: 'POST'};
  const logout = /^\/logout-requests\/([^/]+)$/.exec(path);
  if (logout) {
    return method === 'DELETE' ? {route: 'cancelLogout', id: decodeURIComponent(logout[1])} : {allow: 'DELETE'};
  }
  if (path === '/events') {
    if (method !== 'GET') return {allow: 'GET'};
    const json =
      url.searchParams.has('after') || !/text\/event-stream/i.test(accept) || /^application\/json/i.test(accept);
    return {route: json ? 'pollEvents' : 'streamEvents'};
  }
  return null;
}

/**
 * Starts the reference server. Resolves once it listens; `url` has the real port when `port` is 0.
 *
 * ```ts
 * const server = await startReferenceServer({now: '2026-06-15T13:00:00Z', seed: 1});
 * server.faults.add({route: 'scheduleCallback', kind: 'drop'});
 * const backend = new HttpBackend({baseUrl: server.url});
 * ```
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const clock = options.now ? new ManualClock(options.now) : (options.clock ?? systemClock);
  const startedAt = clock.now();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2000;
  const logSize = options.eventLogSize ?? 1000;
  const control = options.control ?? true;
  const faults = new FaultInjector();
  const streams = new Set<ServerResponse>();
  const held = new Set<ServerResponse>();
  let requests: RecordedRequest[] = [];
  let log: Array<{id: number; event: BackendEvent}> = [];
  let nextEventId = 1;
  let logoutKeys = new Map<string, {agentId: string; answer: unknown}>();
  let seed = options.seed;
  let backend: MemoryBackend;
  let unsubscribe: () => void = () => undefined;

  const publish = (event: BackendEvent) => {
    const entry = {id: nextEventId++, event};
    log.push(entry);
    if (log.length > logSize) log.splice(0, log.length - logSize);
    const frame = sseFrame(entry);
    for (const res of streams) res.write(frame);
  };

  const createBackend = () => {
    unsubscribe();
    backend?.dispose();
    backend = new MemoryBackend({...options.backend, clock, seed});
    unsubscribe = backend.subscribe(publish);
  };

  const dropStreams = () => {
    const count = streams.size;
    for (const res of [...streams]) res.destroy();
    streams.clear();
    return count;
  };

  const reset = (opts: {now?: string; seed?: number} = {}) => {
    dropStreams();
    for (const res of [...held]) res.destroy();
    held.clear();
    faults.clear();
    requests = [];
    log = [];
    logoutKeys = new Map();
    if (opts.seed !== undefined) seed = opts.seed;
    unsubscribe();
    unsubscribe = () => undefined;
    if (clock instanceof ManualClock) clock.set(opts.now ?? startedAt);
    else if (opts.now !== undefined) throw bad('now', 'not-manual', 'Only a ManualClock can be set.');
    createBackend();
  };

  createBackend();

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  const cors = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Location');
    res.setHeader('Vary', 'Origin, Access-Control-Request-Headers');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        header(req, 'access-control-request-headers') ?? 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
      );
      res.setHeader('Access-Control-Max-Age', '600');
      if (header(req, 'access-control-request-private-network')) {
        res.setHeader('Access-Control-Allow-Private-Network', 'true');
      }
    }
  };

  const send = (res: ServerResponse, answer: Answer) => {
    const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...(payload ? {'Content-Type': 'application/json; charset=utf-8'} : {}),
      'Content-Length': String(Buffer.byteLength(payload)),
      'Cache-Control': 'no-store',
      ...answer.headers,
    });
    res.end(payload);
  };

  /** Writes the headers and half the body, then destroys the socket: the answer is lost on the way back. */
  const sendTorn = (res: ServerResponse, answer: Answer) => {
    const payload = Buffer.from(answer.body === undefined ? '{}' : JSON.stringify(answer.body));
    res.writeHead(answer.status === 204 ? 200 : answer.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(payload.length),
      ...answer.headers,
    });
    res.write(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))), () => res.destroy());
  };

  /** Runs one contract operation against the backend. */
  const run = async (req: IncomingMessage, url: URL, {route, id}: Match, body: unknown): Promise<Answer> => {
    switch (route) {
      case 'getAvailability': {
        const type = requireParam(url, 'type') as 'personal' | 'campaign';
        const [from, to] = [requireParam(url, 'from'), requireParam(url, 'to')];
        const optional = (name: string) => url.searchParams.get(name) || undefined;
        const slots = await backend.getAvailability({
          from,
          to,
          type,
          campaignId: optional('campaignId'),
          agentId: optional('agentId'),
          phone: optional('phone'),
          contactId: optional('contactId'),
        });
        return {status: 200, body: slots};
      }
      case 'scheduleCallback': {
        const key = requireKey(req);
        const request = requireObject(body) as unknown as CallbackRequest;
        const callback = await backend.scheduleCallback(request, {idempotencyKey: key});
        return {status: 201, body: callback, headers: {Location: `/callbacks/${encodeURIComponent(callback.id)}`}};
      }
      case 'rescheduleCallback': {
        const key = requireKey(req);
        const request = requireObject(body) as unknown as CallbackRequest;
        return {status: 200, body: await backend.rescheduleCallback(id!, request, {idempotencyKey: key})};
      }
      case 'cancelCallback':
        await backend.cancelCallback(id!);
        return {status: 204};
      case 'listCallbacks': {
        const agentId = requireParam(url, 'agentId');
        const includeCanceled = url.searchParams.get('includeCanceled') === 'true';
        return {status: 200, body: await backend.listCallbacks({agentId, includeCanceled})};
      }
      case 'listCampaigns':
        return {status: 200, body: await backend.listCampaigns({agentId: requireParam(url, 'agentId')})};
      case 'requestLogout': {
        const {agentId} = requireObject(body);
        if (typeof agentId !== 'string' || !agentId) throw bad('agentId', 'required', 'agentId is required.');
        const key = header(req, 'idempotency-key');
        const seen = key ? logoutKeys.get(key) : undefined;
        if (seen) {
          if (seen.agentId !== agentId) {
            throw new RequestError({
              status: 422,
              body: {
                code: 'validation',
                message: 'This idempotency key was already used for another request.',
                fieldErrors: [
                  {
                    field: 'idempotencyKey',
                    code: 'idempotency-key-reused',
                    message: 'This idempotency key was already used for another request.',
                  },
                ],
              },
            });
          }
          return {status: 200, body: seen.answer};
        }
        const answer = await backend.requestLogout({agentId});
        if (key) {
          logoutKeys.set(key, {agentId, answer});
          if (logoutKeys.size > MAX_LOGOUT_KEYS) logoutKeys.delete(logoutKeys.keys().next().value!);
        }
        return {status: 200, body: answer};
      }
      case 'cancelLogout':
        await backend.cancelLogout({agentId: id!});
        return {status: 204};
      case 'pollEvents': {
        const after = url.searchParams.get('after') ?? '';
        const last = String(nextEventId - 1);
        if (after === '') return {status: 200, body: {events: [], lastEventId: last}};
        const cursor = /^\d+$/.test(after) ? Number(after) : Number.NaN;
        if (Number.isNaN(cursor)) throw bad('after', 'invalid', 'after must be an event id.');
        const events = log.filter((e) => e.id > cursor).map((e) => ({id: String(e.id), event: e.event}));
        const truncated = cursor < nextEventId - 1 && (log.length === 0 || log[0].id > cursor + 1);
        return {status: 200, body: {events, lastEventId: events.at(-1)?.id ?? last, ...(truncated ? {truncated} : {})}};
      }
      default:
        throw new Error(`Unhandled route ${route}`);
    }
  };

  /** Opens an event stream: headers and `: connected` at once, then the replay after `Last-Event-ID`, then live. */
  const openStream = (req: IncomingMessage, res: ServerResponse, drop: boolean) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${retryMs}\n: connected\n\n`);
    if (drop) {
      res.destroy();
      return;
    }
    const lastId = header(req, 'last-event-id');
    if (lastId && /^\d+$/.test(lastId)) {
      for (const entry of log) if (entry.id > Number(lastId)) res.write(sseFrame(entry));
    }
    streams.add(res);
    const forget = () => streams.delete(res);
    req.on('close', forget);
    res.on('close', forget);
  };

  const controlRoute = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
    const input = (body ?? {}) as Record<string, unknown>;
    if (path === '/__faults' && method === 'POST') {
      try {
        for (const fault of Array.isArray(body) ? body : [body]) faults.add(fault as Fault);
      } catch (error) {
        throw bad('fault', 'invalid', (error as Error).message);
      }
      return send(res, {status: 204});
    }
    if (path === '/__faults' && method === 'DELETE') {
      faults.clear();
      return send(res, {status: 204});
    }
    if (path === '/__faults' && method === 'GET') return send(res, {status: 200, body: faults.pending});
    if (path === '/__reset' && method === 'POST') {
      reset({
        now: typeof input.now === 'string' ? input.now : undefined,
        seed: typeof input.seed === 'number' ? input.seed : undefined,
      });
      return send(res, {status: 204});
    }
    if (path === '/__clock' && method === 'POST') {
      if (!(clock instanceof ManualClock)) throw bad('clock', 'not-manual', 'The server clock is not a ManualClock.');
      if (typeof input.set === 'string') clock.set(input.set);
      if (input.advance && typeof input.advance === 'object') clock.advance(input.advance as Temporal.DurationLike);
      return send(res, {status: 200, body: {now: clock.now().toString()}});
    }
    const campaign = /^\/__campaigns\/([^/]+)\/(start|status)$/.exec(path);
    if (campaign && method === 'POST') {
      const id = decodeURIComponent(campaign[1]);
      const result =
        campaign[2] === 'start'
          ? backend.startCampaign(id)
          : backend.setCampaignStatus(id, input.status as CampaignStatus);
      return send(res, {status: 200, body: result});
    }
    const agent = /^\/__agents\/([^/]+)\/reserve$/.exec(path);
    if (agent && method === 'POST') {
      const seconds = typeof input.seconds === 'number' ? input.seconds : 20;
      const campaignId = typeof input.campaignId === 'string' ? input.campaignId : undefined;
      const until = backend.reserveAgentForCall(decodeURIComponent(agent[1]), seconds, campaignId);
      return send(res, {status: 200, body: {until}});
    }
    if (path === '/__requests' && method === 'GET') return send(res, {status: 200, body: requests});
    if (path === '/__streams' && method === 'GET') return send(res, {status: 200, body: {open: streams.size}});
    if (path === '/__streams/drop' && method === 'POST') {
      return send(res, {status: 200, body: {dropped: dropStreams()}});
    }
    throw new RequestError({status: 404, body: {code: 'not-found', message: `No control route ${method} ${path}.`}});
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    cors(req, res);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, {'Content-Length': '0'});
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://reference.invalid');
    if (url.pathname.startsWith('/__')) {
      if (!control) throw new RequestError({status: 404, body: {code: 'not-found', message: 'No such route.'}});
      return controlRoute(req, res, url);
    }
    const found = match(method, url, header(req, 'accept') ?? '');
    if (!found) {
      throw new RequestError({status: 404, body: {code: 'not-found', message: `No route ${url.pathname}.`}});
    }
    if ('allow' in found) {
      throw new RequestError({
        status: 405,
        body: {code: 'validation', message: `${method} is not allowed here; use ${found.allow}.`},
        headers: {Allow: found.allow},
      });
    }
    const fault = faults.take(found.route);
    requests.push({
      route: found.route,
      method,
      url: url.pathname + url.search,
      idempotencyKey: header(req, 'idempotency-key'),
      authorization: header(req, 'authorization'),
      lastEventId: header(req, 'last-event-id'),
      ...(fault ? {fault: fault.kind} : {}),
    });
    if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
    const body = method === 'POST' || method === 'PUT' ? await readBody(req) : undefined;
    if (fault?.kind === 'slow') await delay(fault.delayMs ?? 1000);
    if (fault?.kind === 'timeout') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault && /^\d+$/.test(fault.kind)) {
      const error = faultError(Number(fault.kind), body, fault.retryAfter);
      return send(res, {status: error.status, body: error.body, headers: error.headers});
    }
    if (found.route === 'streamEvents') return openStream(req, res, fault?.kind === 'drop');
    let answer: Answer;
    try {
      answer = await run(req, url, found, body);
    } catch (error) {
      const failed = toHttpError(error);
      answer = {status: failed.status, body: failed.body, headers: failed.headers};
    }
    if (fault?.kind === 'drop') return sendTorn(res, answer);
    send(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      const failed = toHttpError(error);
      send(res, {status: failed.status, body: failed.body, headers: failed.headers});
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return {
    url,
    get backend() {
      return backend;
    },
    clock,
    faults,
    get requests() {
      return requests;
    },
    get openStreams() {
      return streams.size;
    },
    reset,
    dropStreams,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        dropStreams();
        for (const res of held) res.destroy();
        unsubscribe();
        backend.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sseFrame({id, event}: {id: number; event: BackendEvent}): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** `tsx server/reference-server.ts [--port 8787] [--host 127.0.0.1] [--seed 1] [--now ISO] [--dialer] [--no-control]` */
async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      port: {type: 'string', default: process.env.PORT ?? '8787'},
      host: {type: 'string', default: '127.0.0.1'},
      seed: {type: 'string'},
      now: {type: 'string'},
      dialer: {type: 'boolean', default: false},
      'no-control': {type: 'boolean', default: false},
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Invalid port "${values.port}".`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new RangeError(`Invalid seed "${values.seed}".`);
  const server = await startReferenceServer({
    port,
    host: values.host,
    seed,
    now: values.now,
    backend: {simulateDialer: values.dialer},
    control: !values['no-control'],
  });
  console.log(`callback-kit reference server listening on ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
