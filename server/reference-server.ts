/**
 * The reference server of the callback-kit REST contract (`api/openapi.yaml`): plain `node:http`, data in
 * PostgreSQL through `server/db` (embedded PGlite by default, a real server with `DATABASE_URL`), the kit's
 * own scheduling rules (`server/store.ts`), bearer-token auth, a CORS allowlist, strict validation and a
 * durable event log fanned out to every instance with LISTEN/NOTIFY. See docs/reference-backend.md.
 *
 * Run it: `npm run serve:api` (`tsx server/reference-server.ts`), flags:
 * - `--port 8787` (0: a free port; env PORT), `--host 127.0.0.1`
 * - `--database-url postgres://...` (default: env DATABASE_URL): a real PostgreSQL; several instances may share it.
 * - `--data-dir .data/pglite` (default): the embedded PGlite's directory, when there is no database URL.
 *   `--in-memory`: PGlite in memory (nothing kept).
 * - `--tokens server/tokens.example.json`: the bearer tokens (`{"tokens": [{token, agentId, role}]}`). Without it
 *   the development tokens (`dev-agent-maria`, `dev-agent-james`, `dev-agent-lucia`, `dev-agent-aiko`,
 *   `dev-supervisor`) are accepted, and only on a loopback host: the server refuses to start elsewhere.
 * - `--cors-origin https://crm.example` (repeatable): the browser origins allowed to call it (none by default).
 *   `--cors-header X-Tenant` (repeatable): a request header to allow besides the contract's own.
 * - `--test-routes`: serve the `/__` test controls below (off by default; they need a supervisor token).
 * - `--now 2026-06-15T13:00:00Z`: a ManualClock stopped there instead of the real time (tests, demos).
 * - `--event-log-size 1000`: events kept for resuming.
 * It prints `callback-kit reference server listening on <url>` once it listens.
 * In-process: `const server = await startReferenceServer({now: '2026-06-15T13:00:00Z', testRoutes: true})`.
 *
 * Test controls (only with `testRoutes`; a supervisor's token; JSON bodies):
 * - `POST /__faults` `{route, kind, times?, delayMs?, retryAfter?}` (or an array): the next `times` (default 1)
 *   requests of `route` (an operationId of the contract, `streamEvents`/`pollEvents` for the two forms of
 *   `GET /events`, or `*`) get the fault. `kind`: `slow` (wait `delayMs`, default 1000, then answer),
 *   `timeout` (never answer), `reset` (destroy the socket before doing anything), `drop` (do the work, commit
 *   it, then destroy the socket in the middle of the answer), or an HTTP status such as `'500'`, `'409'`,
 *   `'401'`, `'429'` (answer it with a matching error body, without doing the work; `retryAfter` adds the
 *   header). `DELETE /__faults` clears them, `GET /__faults` lists them. In-process: `server.faults`.
 * - `POST /__reset` `{now?}`: every record deleted and the demo data seeded again (ManualClock back to its start
 *   or to `now`), no faults, no recorded requests, no retained events, every event stream closed. Event ids
 *   keep growing.
 * - `POST /__clock` `{advance?: DurationLike, set?: IsoInstant}` (ManualClock only): moves the clock.
 * - `POST /__campaigns/{id}/start`, `POST /__campaigns/{id}/status` `{status}`, `POST /__agents/{id}/reserve`
 *   `{seconds, campaignId?}`: the store's `startCampaign`, `setCampaignStatus`, `reserveAgentForCall`.
 * - `GET /__requests`: the requests received (route, method, path, headers that matter), oldest first.
 * - `GET /__streams` `{open}`; `POST /__streams/drop`: destroys every open event stream (`{dropped}`).
 *
 * Event stream protocol (`GET /events`, `Accept: text/event-stream`, authenticated, filtered per agent):
 * `retry: <ms>` and `: connected` at once; then, without `Last-Event-ID`, the id-only message `id: <N>` (N the
 * newest event id at connect) and live events; with `Last-Event-ID: <n>` still retained, every retained event
 * after n the agent may see, then `id: <end of the replay>`, then live events; with an n older than the log (or
 * not one of its ids), `id: <newest>` + `event: resync` + `data: {"type":"resync"}` first, then live events.
 * Each event: `id: <n>\nevent: <type>\ndata: <BackendEvent JSON>\n\n`; `: ping` every `heartbeatMs`.
 * Polling: `GET /events?after=<id>` answers `{events: [{id, event}], lastEventId, truncated?: true}`.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {isIP, type AddressInfo} from 'node:net';
import {pathToFileURL} from 'node:url';
import {realpathSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {
  BackendUnavailableError,
  ManualClock,
  NotFoundError,
  SlotUnavailableError,
  ValidationError,
  systemClock,
  type BackendEvent,
  type CallbackRequest,
  type CallbackStatusUpdate,
  type CampaignStatus,
  type Clock,
  type FieldError,
  type OpeningHours,
  type SchedulingPolicy,
  type Temporal,
  type TimeZoneId,
} from '../src/core/index.js';
import {
  DEV_TOKENS,
  bearerToken,
  loadTokenFile,
  tokenListVerifier,
  type TokenEntry,
  type TokenVerifier,
} from './auth.js';
import {openDatabase, type Database, type DatabaseOptions} from './db/index.js';
import {EVENT_CHANNEL, ForbiddenError, SqlStore, visibleTo, type LoggedEvent, type Principal} from './store.js';
import {
  BadRequest,
  Checker,
  checkAvailabilityQuery,
  checkCallbackRequest,
  checkIdempotencyKey,
  checkLogoutBody,
  checkStatusBody,
} from './validate.js';

export type {Principal} from './store.js';
export type {TokenEntry, TokenVerifier} from './auth.js';
export {DEV_TOKENS} from './auth.js';

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
  | 'getContact'
  | 'listContacts'
  | 'listAgents'
  | 'getAgentShifts'
  | 'updateCallbackStatus'
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
  'getContact',
  'listContacts',
  'listAgents',
  'getAgentShifts',
  'updateCallbackStatus',
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

/** One request the server received (test routes and preflights excepted); kept only with `testRoutes`. */
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
  /** True once the server has run the request and sent (or, with `drop`, torn) its answer: a test waits for it
   * instead of sleeping (a `slow` write that the client gave up on still commits later). */
  answered?: boolean;
}

export interface ReferenceServerOptions {
  /** The port to listen on (default 0: a free one). */
  port?: number;
  /** The interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** The clock (default the real one). A `ManualClock` can be moved with `POST /__clock`. */
  clock?: Clock;
  /** Instead of `clock`: a new `ManualClock` stopped at this instant. */
  now?: string;
  /**
   * The database: an open `Database` to share (several instances in one process; the caller closes it), or
   * where to open one (`{url}` PostgreSQL, `{dataDir}` PGlite on disk). Default: PGlite in memory.
   */
  database?: Database | DatabaseOptions;
  /** Seed the demo data into an empty database (default true). */
  demo?: boolean;
  /** Bearer tokens accepted (see `server/tokens.example.json`). */
  tokens?: readonly TokenEntry[];
  /** Or your own verifier (wins over `tokens`). Neither: `DEV_TOKENS`, on a loopback host only. */
  verifyToken?: TokenVerifier;
  /** Browser origins allowed by CORS, e.g. `['https://crm.example']` (default none). */
  corsOrigins?: readonly string[];
  /**
   * Request headers allowed by CORS besides Authorization, Content-Type, Idempotency-Key, Last-Event-ID and
   * Cache-Control (e.g. a host's `X-Tenant`). A fixed list: the server never echoes what a preflight asks for.
   */
  corsHeaders?: readonly string[];
  /** Serve the `/__` test controls (default false). */
  testRoutes?: boolean;
  /** Largest request body in bytes (default 64 KiB; larger: 413). */
  maxBodyBytes?: number;
  /** Milliseconds between two `: ping` comments on event streams (default 15 000). */
  heartbeatMs?: number;
  /** The `retry:` reconnection hint sent to event streams, in ms (default 2000). */
  retryMs?: number;
  /** How many events are kept for resuming streams and polling (default 1000). */
  eventLogSize?: number;
  /** Scheduling rules: the centre's zone, opening hours, campaign seats per slot, policy (MemoryBackend's defaults). */
  timeZone?: TimeZoneId;
  openingHours?: OpeningHours;
  slotCapacity?: number;
  policy?: Partial<SchedulingPolicy>;
  /** Weekly shifts per agent id in the agent's zone (default `DEMO_AGENT_SHIFTS`); see `GET /agents/{id}/shifts`. */
  agentShifts?: Readonly<Record<string, OpeningHours>>;
}

export interface ReferenceServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  /** The store behind the API (in-process calls act as a supervisor). */
  readonly backend: SqlStore;
  /** The database. */
  readonly db: Database;
  /** The clock. */
  readonly clock: Clock;
  /** Injected faults, in-process. */
  readonly faults: FaultInjector;
  /** The requests received since the start or the last reset (recorded with `testRoutes` only). */
  readonly requests: readonly RecordedRequest[];
  /** How many event streams are open. */
  readonly openStreams: number;
  /** Every record deleted and the demo data seeded again; see `POST /__reset`. */
  reset(options?: {now?: string}): Promise<void>;
  /** Destroys every open event stream; returns how many. */
  dropStreams(): number;
  /** Closes every connection, stops listening, and closes the database when the server opened it. */
  close(): Promise<void>;
}

interface ErrorBody {
  code: string;
  message: string;
  fieldErrors?: FieldError[];
  start?: string;
  reason?: string;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An answer to send as it is (an HTTP error decided by the server itself). */
class HttpFailure extends Error {
  readonly answer: Answer;

  constructor(status: number, body: ErrorBody, headers?: Record<string, string>) {
    super(body.message);
    this.answer = {status, body, headers};
  }
}

const DEFAULT_MAX_BODY = 64 * 1024;
const MAX_RECORDED = 2000;
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Last-Event-ID, Cache-Control';
const ALLOWED_METHODS = 'GET, POST, PUT, DELETE';
/** node-postgres/PGlite errors meaning "the database is not there right now" (connection, shutdown, lock timeout). */
const UNAVAILABLE_SQLSTATE = /^(08|57P|53|40001|40P01|55P03)/;

/** A path the server does not serve at all: not `not-found`, so clients tell a missing route from a missing record. */
const noRoute = (message: string) => new HttpFailure(404, {code: 'no-route', message});

/** The status and body of an error thrown while answering. Anything unexpected is a 500 (and logged). */
function toAnswer(error: unknown): Answer {
  if (error instanceof HttpFailure) return error.answer;
  if (error instanceof BadRequest) {
    return {status: error.status, body: {code: 'validation', message: error.message, fieldErrors: error.fieldErrors}};
  }
  if (error instanceof ValidationError) {
    return {status: 422, body: {code: 'validation', message: error.message, fieldErrors: error.fieldErrors}};
  }
  if (error instanceof SlotUnavailableError) {
    const {message, start, reason} = error;
    return {status: 409, body: {code: 'slot-unavailable', message, start, reason}};
  }
  if (error instanceof NotFoundError) return {status: 404, body: {code: 'not-found', message: error.message}};
  if (error instanceof ForbiddenError) return {status: 403, body: {code: 'forbidden', message: error.message}};
  if (error instanceof URIError) {
    return {status: 400, body: {code: 'validation', message: 'The path is not valid (bad percent-encoding).'}};
  }
  const sqlstate = (error as {code?: unknown})?.code;
  if (
    error instanceof BackendUnavailableError ||
    (typeof sqlstate === 'string' && UNAVAILABLE_SQLSTATE.test(sqlstate)) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(String(sqlstate))
  ) {
    return {
      status: 503,
      body: {code: 'backend-unavailable', message: 'The database is unavailable. Try again in a moment.'},
      headers: {'Retry-After': '1'},
    };
  }
  console.error('[reference-server]', error);
  return {status: 500, body: {code: 'internal', message: 'The server failed. Try again in a moment.'}};
}

/** The error an injected status fault answers with. */
function faultError(status: number, body: unknown, retryAfter?: number | string): Answer {
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

/** Reads a JSON body of at most `max` bytes (413 past it). */
async function readBody(req: IncomingMessage, max: number): Promise<unknown> {
  const tooLarge = () =>
    new HttpFailure(413, {code: 'validation', message: `The body is larger than ${max} bytes.`}, {Connection: 'close'});
  if (Number(header(req, 'content-length') ?? 0) > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest([{field: 'body', code: 'invalid-json', message: 'The body is not valid JSON.'}]);
  }
}

/** A path id (callback, contact, agent): printable, at most 128 characters. */
function pathId(raw: string, field: string): string {
  const id = decodeURIComponent(raw);
  const c = new Checker();
  c.text(id, field, {required: true});
  c.done();
  return id;
}

/** Only these query parameters, each at most once. */
function onlyParams(url: URL, allowed: readonly string[]): void {
  const c = new Checker();
  for (const name of new Set(url.searchParams.keys())) {
    if (!allowed.includes(name)) c.add(name, 'unknown-field', `Unknown query parameter "${name}".`);
    else if (url.searchParams.getAll(name).length > 1) c.add(name, 'repeated', `"${name}" is repeated.`);
  }
  c.done();
}

function requiredParam(url: URL, name: string): string {
  const value = url.searchParams.get(name) ?? undefined;
  const c = new Checker();
  c.text(value, name, {required: true});
  c.done();
  return value!;
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
  const status = /^\/callbacks\/([^/]+)\/status$/.exec(path);
  if (status) return method === 'POST' ? {route: 'updateCallbackStatus', id: status[1]} : {allow: 'POST'};
  const one = /^\/callbacks\/([^/]+)$/.exec(path);
  if (one) {
    if (method === 'PUT') return {route: 'rescheduleCallback', id: one[1]};
    if (method === 'DELETE') return {route: 'cancelCallback', id: one[1]};
    return {allow: 'PUT, DELETE'};
  }
  if (path === '/contacts') return method === 'GET' ? {route: 'listContacts'} : {allow: 'GET'};
  const contact = /^\/contacts\/([^/]+)$/.exec(path);
  if (contact) return method === 'GET' ? {route: 'getContact', id: contact[1]} : {allow: 'GET'};
  if (path === '/agents') return method === 'GET' ? {route: 'listAgents'} : {allow: 'GET'};
  const shifts = /^\/agents\/([^/]+)\/shifts$/.exec(path);
  if (shifts) return method === 'GET' ? {route: 'getAgentShifts', id: shifts[1]} : {allow: 'GET'};
  if (path === '/campaigns') return method === 'GET' ? {route: 'listCampaigns'} : {allow: 'GET'};
  if (path === '/logout-requests') return method === 'POST' ? {route: 'requestLogout'} : {allow: 'POST'};
  const logout = /^\/logout-requests\/([^/]+)$/.exec(path);
  if (logout) return method === 'DELETE' ? {route: 'cancelLogout', id: logout[1]} : {allow: 'DELETE'};
  if (path === '/events') {
    if (method !== 'GET') return {allow: 'GET'};
    const json =
      url.searchParams.has('after') || !/text\/event-stream/i.test(accept) || /^application\/json/i.test(accept);
    return {route: json ? 'pollEvents' : 'streamEvents'};
  }
  return null;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * Delivers the durable event log to this instance's streams: reads what follows its cursor whenever any
 * instance NOTIFYs (and every 2 s in case a notification was lost), in id order.
 */
class EventHub {
  readonly listeners = new Set<(entry: LoggedEvent) => void>();
  #store: SqlStore;
  #cursor = 0;
  #running: Promise<void> | undefined;
  #again = false;
  #stop: (() => Promise<void>) | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(store: SqlStore) {
    this.#store = store;
  }

  async start(db: Database): Promise<void> {
    this.#cursor = await this.#store.newestEventId();
    this.#stop = await db.listen(EVENT_CHANNEL, () => void this.pump());
    this.#timer = setInterval(() => void this.pump(), 2000);
    this.#timer.unref();
  }

  /** Reads and delivers everything after the cursor (one run at a time; a request during a run runs again). */
  pump(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        for (;;) {
          const page = await this.#store.eventsAfter(this.#cursor);
          for (const entry of page.events) {
            this.#cursor = entry.id;
            for (const listener of [...this.listeners]) listener(entry);
          }
          if (page.events.length < 500) break;
        }
      } while (this.#again);
    })()
      .catch((error: unknown) => console.error('[reference-server] reading events failed:', error))
      .finally(() => (this.#running = undefined));
    return this.#running;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#stop?.().catch(() => undefined);
    await this.#running;
  }
}

function sseFrame({id, event}: {id: number; event: BackendEvent}): string {
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Starts the reference server. Resolves once it listens; `url` has the real port when `port` is 0.
 *
 * ```ts
 * const server = await startReferenceServer({now: '2026-06-15T13:00:00Z', testRoutes: true});
 * const backend = new HttpBackend({baseUrl: server.url, headers: () => ({Authorization: 'Bearer dev-agent-maria'})});
 * ```
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const clock = options.now ? new ManualClock(options.now) : (options.clock ?? systemClock);
  const startedAt = clock.now();
  const host = options.host ?? '127.0.0.1';
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const retryMs = options.retryMs ?? 2000;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const testRoutes = options.testRoutes ?? false;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  for (const name of options.corsHeaders ?? []) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(name)) throw new RangeError(`CORS header "${name}" is not a header name.`);
  }
  const allowedHeaders = [ALLOWED_HEADERS, ...(options.corsHeaders ?? [])].join(', ');
  for (const origin of corsOrigins) {
    if (origin === '*' || origin === 'null' || new URL(origin).origin !== origin) {
      throw new RangeError(`CORS origin "${origin}" must be an exact origin such as https://crm.example.`);
    }
  }
  let verify = options.verifyToken ?? (options.tokens ? tokenListVerifier(options.tokens) : undefined);
  if (!verify) {
    if (!isLoopback(host)) {
      throw new Error(`No tokens configured: pass --tokens <file> (or tokens/verifyToken) to listen on ${host}.`);
    }
    verify = tokenListVerifier(DEV_TOKENS);
  }
  const verifyToken = verify;

  const shared = options.database && 'query' in options.database ? options.database : undefined;
  const db = shared ?? (await openDatabase((options.database as DatabaseOptions | undefined) ?? {}));
  const store = new SqlStore({
    db,
    clock,
    eventLogSize: options.eventLogSize,
    timeZone: options.timeZone,
    openingHours: options.openingHours,
    slotCapacity: options.slotCapacity,
    policy: options.policy,
    agentShifts: options.agentShifts,
  });
  if (options.demo ?? true) await store.seedIfEmpty();
  const hub = new EventHub(store);
  await hub.start(db);

  const faults = new FaultInjector();
  const streams = new Set<ServerResponse>();
  const held = new Set<ServerResponse>();
  let requests: RecordedRequest[] = [];

  const dropStreams = () => {
    const count = streams.size;
    for (const res of [...streams]) res.destroy();
    streams.clear();
    return count;
  };

  const reset = async (opts: {now?: string} = {}) => {
    if (opts.now !== undefined && !(clock instanceof ManualClock)) {
      throw new BadRequest([{field: 'now', code: 'not-manual', message: 'Only a ManualClock can be set.'}]);
    }
    dropStreams();
    for (const res of [...held]) res.destroy();
    held.clear();
    faults.clear();
    requests = [];
    if (clock instanceof ManualClock) clock.set(opts.now ?? startedAt);
    await store.reset();
    await hub.pump();
  };

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  /** CORS for allowed origins only: no header at all for any other origin. Returns whether it is allowed. */
  const cors = (req: IncomingMessage, res: ServerResponse): boolean => {
    res.setHeader('Vary', 'Origin');
    const origin = header(req, 'origin');
    if (!origin || !corsOrigins.has(origin)) return false;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Location');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', allowedHeaders);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    return true;
  };

  const authenticate = async (req: IncomingMessage): Promise<Principal> => {
    const token = bearerToken(header(req, 'authorization'));
    const principal = token ? await verifyToken(token) : null;
    if (!principal) {
      throw new HttpFailure(
        401,
        {
          code: 'unauthorized',
          message: token ? 'The token is not valid or has expired.' : 'Send Authorization: Bearer <token>.',
        },
        {'WWW-Authenticate': 'Bearer realm="callback-kit"'},
      );
    }
    return principal;
  };

  const send = (res: ServerResponse, answer: Answer) => {
    const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...(payload ? {'Content-Type': 'application/json; charset=utf-8'} : {}),
      'Content-Length': String(Buffer.byteLength(payload)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
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

  /** Runs one contract operation for a principal. */
  const run = async (req: IncomingMessage, url: URL, {route, id: rawId}: Match, body: unknown, who: Principal) => {
    const id = rawId === undefined ? undefined : pathId(rawId, route === 'cancelLogout' ? 'agentId' : 'id');
    switch (route) {
      case 'getAvailability': {
        const query = checkAvailabilityQuery(url.searchParams);
        return {status: 200, body: await store.getAvailability(query, who)};
      }
      case 'scheduleCallback': {
        const key = checkIdempotencyKey(header(req, 'idempotency-key'), true)!;
        checkCallbackRequest(body);
        const callback = await store.scheduleCallback(body as CallbackRequest, key, who);
        return {status: 201, body: callback, headers: {Location: `/callbacks/${encodeURIComponent(callback.id)}`}};
      }
      case 'rescheduleCallback': {
        const key = checkIdempotencyKey(header(req, 'idempotency-key'), true)!;
        checkCallbackRequest(body);
        return {status: 200, body: await store.rescheduleCallback(id!, body as CallbackRequest, key, who)};
      }
      case 'cancelCallback':
        await store.cancelCallback(id!, who);
        return {status: 204};
      case 'updateCallbackStatus': {
        const key = checkIdempotencyKey(header(req, 'idempotency-key'), true)!;
        checkStatusBody(body);
        const {status} = body as {status: CallbackStatusUpdate};
        return {status: 200, body: await store.updateCallbackStatus(id!, status, key, who)};
      }
      case 'listCallbacks': {
        onlyParams(url, ['agentId', 'includeCanceled']);
        const agentId = requiredParam(url, 'agentId');
        const include = url.searchParams.get('includeCanceled');
        if (include !== null && include !== 'true' && include !== 'false') {
          throw new BadRequest([
            {field: 'includeCanceled', code: 'invalid', message: 'includeCanceled must be true or false.'},
          ]);
        }
        return {status: 200, body: await store.listCallbacks({agentId, includeCanceled: include === 'true'}, who)};
      }
      case 'listCampaigns':
        onlyParams(url, ['agentId']);
        return {status: 200, body: await store.listCampaigns({agentId: requiredParam(url, 'agentId')}, who)};
      case 'getContact':
        return {status: 200, body: await store.getContact(id!)};
      case 'listContacts':
        onlyParams(url, []);
        return {status: 200, body: await store.listContacts()};
      case 'listAgents':
        onlyParams(url, []);
        return {status: 200, body: await store.listAgents()};
      case 'getAgentShifts':
        onlyParams(url, ['from', 'to']);
        return {
          status: 200,
          body: await store.getAgentShifts(id!, {from: requiredParam(url, 'from'), to: requiredParam(url, 'to')}),
        };
      case 'requestLogout': {
        const key = checkIdempotencyKey(header(req, 'idempotency-key'), false);
        const {agentId} = checkLogoutBody(body);
        return {status: 200, body: await store.requestLogout({agentId}, key, who)};
      }
      case 'cancelLogout':
        await store.cancelLogout({agentId: id!}, who);
        return {status: 204};
      case 'pollEvents': {
        onlyParams(url, ['after']);
        const after = url.searchParams.get('after') ?? '';
        if (after === '') return {status: 200, body: {events: [], lastEventId: String(await store.newestEventId())}};
        if (!/^\d{1,15}$/.test(after)) {
          throw new BadRequest([{field: 'after', code: 'invalid', message: 'after must be an event id.'}]);
        }
        const page = await store.eventsAfter(Number(after));
        const events = page.events.filter((e) => visibleTo(e, who)).map((e) => ({id: String(e.id), event: e.event}));
        const lastEventId = String(page.events.at(-1)?.id ?? page.newest);
        return {status: 200, body: {events, lastEventId, ...(page.truncated ? {truncated: true} : {})}};
      }
      default:
        throw new Error(`Unhandled route ${route}`);
    }
  };

  /** Opens an event stream for a principal; see the module comment for the protocol. */
  const openStream = async (req: IncomingMessage, res: ServerResponse, who: Principal, drop: boolean) => {
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
    let through = -1;
    let ready = false;
    const pending: LoggedEvent[] = [];
    const deliver = (entry: LoggedEvent) => {
      if (entry.id <= through) return;
      through = entry.id;
      if (visibleTo(entry, who)) res.write(sseFrame(entry));
    };
    const listener = (entry: LoggedEvent) => (ready ? deliver(entry) : pending.push(entry));
    // Listen first, then read the log: nothing committed in between can fall in a gap.
    hub.listeners.add(listener);
    streams.add(res);
    const forget = () => {
      streams.delete(res);
      hub.listeners.delete(listener);
    };
    req.on('close', forget);
    res.on('close', forget);
    const last = header(req, 'last-event-id');
    if (last === undefined || last === '') {
      through = await store.newestEventId();
      res.write(`id: ${through}\n\n`);
    } else {
      const cursor = /^\d{1,15}$/.test(last) ? Number(last) : Number.NaN;
      let page = Number.isNaN(cursor) ? undefined : await store.eventsAfter(cursor);
      if (!page || page.truncated) {
        through = page?.newest ?? (await store.newestEventId());
        res.write(`id: ${through}\nevent: resync\ndata: {"type":"resync"}\n\n`);
      } else {
        for (;;) {
          for (const entry of page.events) deliver(entry);
          if (page.events.length < 500) break;
          page = await store.eventsAfter(through);
        }
        through = Math.max(through, page.newest);
        res.write(`id: ${through}\n\n`);
      }
    }
    ready = true;
    for (const entry of pending.splice(0)) deliver(entry);
  };

  const controlRoute = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req, maxBody);
    const input = (body ?? {}) as Record<string, unknown>;
    const invalid = (field: string, message: string) => new BadRequest([{field, code: 'invalid', message}]);
    if (path === '/__faults' && method === 'POST') {
      try {
        for (const fault of Array.isArray(body) ? body : [body]) faults.add(fault as Fault);
      } catch (error) {
        throw invalid('fault', (error as Error).message);
      }
      return send(res, {status: 204});
    }
    if (path === '/__faults' && method === 'DELETE') {
      faults.clear();
      return send(res, {status: 204});
    }
    if (path === '/__faults' && method === 'GET') return send(res, {status: 200, body: faults.pending});
    if (path === '/__reset' && method === 'POST') {
      await reset({now: typeof input.now === 'string' ? input.now : undefined});
      return send(res, {status: 204});
    }
    if (path === '/__clock' && method === 'POST') {
      if (!(clock instanceof ManualClock)) throw invalid('clock', 'The server clock is not a ManualClock.');
      if (typeof input.set === 'string') clock.set(input.set);
      if (input.advance && typeof input.advance === 'object') clock.advance(input.advance as Temporal.DurationLike);
      await store.tick();
      return send(res, {status: 200, body: {now: clock.now().toString()}});
    }
    const campaign = /^\/__campaigns\/([^/]+)\/(start|status)$/.exec(path);
    if (campaign && method === 'POST') {
      const id = decodeURIComponent(campaign[1]);
      const result =
        campaign[2] === 'start'
          ? await store.startCampaign(id)
          : await store.setCampaignStatus(id, input.status as CampaignStatus);
      return send(res, {status: 200, body: result});
    }
    const agent = /^\/__agents\/([^/]+)\/reserve$/.exec(path);
    if (agent && method === 'POST') {
      const seconds = typeof input.seconds === 'number' ? input.seconds : 20;
      const campaignId = typeof input.campaignId === 'string' ? input.campaignId : undefined;
      const until = store.reserveAgentForCall(decodeURIComponent(agent[1]), seconds, campaignId);
      return send(res, {status: 200, body: {until}});
    }
    if (path === '/__requests' && method === 'GET') return send(res, {status: 200, body: requests});
    if (path === '/__streams' && method === 'GET') return send(res, {status: 200, body: {open: streams.size}});
    if (path === '/__streams/drop' && method === 'POST') {
      return send(res, {status: 200, body: {dropped: dropStreams()}});
    }
    throw noRoute(`No test route ${method} ${path}.`);
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
      if (!testRoutes) throw noRoute('No such route.');
      const who = await authenticate(req);
      if (who.role !== 'supervisor') {
        throw new HttpFailure(403, {code: 'forbidden', message: 'Test routes need a supervisor token.'});
      }
      return controlRoute(req, res, url);
    }
    const found = match(method, url, header(req, 'accept') ?? '');
    if (!found) throw noRoute(`No route ${url.pathname}.`);
    const who = await authenticate(req);
    if ('allow' in found) {
      throw new HttpFailure(
        405,
        {code: 'validation', message: `${method} is not allowed here; use ${found.allow}.`},
        {Allow: found.allow},
      );
    }
    const fault = testRoutes ? faults.take(found.route) : undefined;
    let recorded: RecordedRequest | undefined;
    if (testRoutes) {
      requests.push(
        (recorded = {
          route: found.route,
          method,
          url: url.pathname + url.search,
          idempotencyKey: header(req, 'idempotency-key'),
          authorization: header(req, 'authorization'),
          lastEventId: header(req, 'last-event-id'),
          ...(fault ? {fault: fault.kind} : {}),
        }),
      );
      if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
    }
    let body: unknown;
    if (method === 'POST' || method === 'PUT') {
      const type = header(req, 'content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw new HttpFailure(415, {code: 'validation', message: 'Send the body as Content-Type: application/json.'});
      }
      body = await readBody(req, maxBody);
    }
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
    if (fault && /^\d+$/.test(fault.kind)) return send(res, faultError(Number(fault.kind), body, fault.retryAfter));
    if (found.route === 'streamEvents') return openStream(req, res, who, fault?.kind === 'drop');
    let answer: Answer;
    try {
      answer = await run(req, url, found, body, who);
    } catch (error) {
      answer = toAnswer(error);
    }
    if (recorded) recorded.answered = true;
    if (fault?.kind === 'drop') return sendTorn(res, answer);
    send(res, answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        if (!(error instanceof HttpFailure)) console.error('[reference-server]', error);
        res.destroy();
        return;
      }
      send(res, toAnswer(error));
    });
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await hub.stop();
    store.dispose();
    if (!shared) await db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shown}:${address.port}`;

  return {
    url,
    backend: store,
    db,
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
    close: async () => {
      clearInterval(heartbeat);
      dropStreams();
      for (const res of held) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await hub.stop();
      store.dispose();
      if (!shared) await db.close();
    },
  };
}

/** `tsx server/reference-server.ts [flags]`: see the module comment. */
async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      port: {type: 'string', default: process.env.PORT ?? '8787'},
      host: {type: 'string', default: '127.0.0.1'},
      'database-url': {type: 'string', default: process.env.DATABASE_URL},
      'data-dir': {type: 'string', default: '.data/pglite'},
      'in-memory': {type: 'boolean', default: false},
      tokens: {type: 'string'},
      'cors-origin': {type: 'string', multiple: true, default: []},
      'cors-header': {type: 'string', multiple: true, default: []},
      'test-routes': {type: 'boolean', default: false},
      now: {type: 'string'},
      'event-log-size': {type: 'string'},
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Invalid port "${values.port}".`);
  const logSize = values['event-log-size'] === undefined ? undefined : Number(values['event-log-size']);
  if (logSize !== undefined && !(Number.isInteger(logSize) && logSize > 0)) {
    throw new RangeError(`Invalid --event-log-size "${values['event-log-size']}".`);
  }
  const databaseUrl = values['database-url'] || undefined;
  const server = await startReferenceServer({
    port,
    host: values.host,
    now: values.now,
    database: databaseUrl ? {url: databaseUrl} : values['in-memory'] ? {} : {dataDir: values['data-dir']},
    tokens: values.tokens ? await loadTokenFile(values.tokens) : undefined,
    corsOrigins: values['cors-origin'],
    corsHeaders: values['cors-header'],
    testRoutes: values['test-routes'],
    eventLogSize: logSize,
  });
  const where = databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : values['in-memory']
      ? 'PGlite in memory'
      : `PGlite in ${values['data-dir']}`;
  console.log(`callback-kit reference server listening on ${server.url}`);
  console.log(`  data: ${where}`);
  if (!values.tokens) console.log(`  tokens: development tokens (${DEV_TOKENS.map((t) => t.token).join(', ')})`);
  console.log(`  CORS origins: ${values['cors-origin'].length ? values['cors-origin'].join(', ') : 'none'}`);
  if (values['test-routes']) console.log('  test routes /__ are ON (never in production)');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Run as a program (`tsx server/reference-server.ts`, `node dist/server/reference-server.js`, or the package's bin
 * through its symlink in node_modules/.bin), not imported. */
function isMain(): boolean {
  if (!process.argv[1]) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
