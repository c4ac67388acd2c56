/**
 * `HttpBackend`: the `SchedulingBackend` over the REST/JSON contract in `api/openapi.yaml`. DOM-free: it needs only
 * `fetch`, `AbortController`, `TextDecoder` and `ReadableStream`, so it runs in browsers and in Node 20.
 */
import {createIdempotencyKey} from './backend.js';
import type {
  AvailabilityQuery,
  BackendEvent,
  CallOptions,
  IdempotentCallOptions,
  LogoutDecision,
  SchedulingBackend,
} from './backend.js';
import {
  BackendUnavailableError,
  CallbackKitError,
  NotFoundError,
  SlotUnavailableError,
  ValidationError,
  type FieldError,
} from './errors.js';
import type {
  Agent,
  AgentShift,
  Callback,
  CallbackRequest,
  CallbackStatusUpdate,
  Campaign,
  Contact,
  IsoInstant,
  Slot,
} from './types.js';
import {abortReason, sleep} from './abort.js';

/**
 * The server refused the credentials (401: missing or expired) or the permission (403). Not retried; the host
 * learns about it through `HttpBackendOptions.onAuthError` and can sign the agent in again.
 */
export class AuthError extends CallbackKitError {
  /** The HTTP status: 401 (authenticate again) or 403 (not allowed). */
  readonly status: 401 | 403;

  constructor(status: 401 | 403, message?: string, options?: {cause?: unknown}) {
    const fallback = status === 401 ? 'Your session has expired. Sign in again.' : 'You are not allowed to do this.';
    super('unauthorized', message || fallback, options);
    this.name = 'AuthError';
    this.status = status;
  }
}

/**
 * The server does not offer this operation at all: its route answered 404 without the `not-found` error code
 * (no such route, as opposed to no such record), 405 or 501. Not retried. Typical for the optional 0.2 routes
 * (`/contacts`, `/agents`, `/callbacks/{id}/status`) on an older server: the message names the route, e.g.
 * "This server does not serve contacts (GET /contacts/{id})."
 */
export class UnsupportedOperationError extends CallbackKitError {
  /** The operation, e.g. `getContact`. */
  readonly operation: string;
  /** The route as documented, e.g. `GET /contacts/{id}`. */
  readonly route: string;
  /** The HTTP status the server answered (404, 405 or 501). */
  readonly status: number;

  constructor(operation: string, route: string, status: number, what: string) {
    super('backend-unavailable', `This server does not ${what} (${route}).`);
    this.name = 'UnsupportedOperationError';
    this.operation = operation;
    this.route = route;
    this.status = status;
  }
}

/** How `subscribe` receives events: `sse` streams, `poll` polls, `auto` streams and falls back to polling. */
export type HttpEventTransport = 'auto' | 'sse' | 'poll';

/**
 * The state of the one event connection `subscribe` shares between its listeners: `connecting` (first
 * attempt), `open` (the stream is open), `reconnecting` (waiting to retry after a failure), `polling`
 * (polling works), `closed` (no listener left).
 */
export type HttpConnectionState = 'connecting' | 'open' | 'reconnecting' | 'polling' | 'closed';

export interface HttpBackendOptions {
  /** Where the API lives, e.g. `https://crm.example.com/api/callbacks/`; a relative URL resolves against the page. */
  baseUrl: string | URL;
  /** The `fetch` to use (default: the global one, looked up at each call). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Extra headers, asked for before every request and every retry (e.g. a fresh `Authorization` token). */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Milliseconds one HTTP attempt may take, answer body included (default 10 000). Each retry gets its own. */
  timeoutMs?: number;
  /** Retries after the first attempt of a retryable call (default 3). */
  retries?: number;
  /** Base of the exponential backoff between retries, in ms (default 250): attempt n waits up to base * 2^n. */
  retryBaseMs?: number;
  /** Upper bound of one backoff delay, in ms (default 8000). */
  retryMaxMs?: number;
  /** A `Retry-After` longer than this (ms, default 60 000) is not waited for: the call fails at once. */
  maxRetryAfterMs?: number;
  /**
   * Called with every `AuthError` before the call rejects with it. Resolve to `true` after refreshing the
   * credentials to retry the call once (with headers asked for again); anything else lets the call fail.
   */
  onAuthError?: (error: AuthError) => boolean | void | Promise<boolean | void>;
  /** How `subscribe` receives events (default `auto`). */
  transport?: HttpEventTransport;
  /** With `transport: 'auto'`: consecutive failed stream attempts before falling back to polling (default 3). */
  sseFailuresBeforePolling?: number;
  /** Milliseconds between two polls (default 5000). */
  pollIntervalMs?: number;
  /** A stream that sends nothing (not even the server's `: ping`) for this long is reconnected (ms, default 45 000). */
  heartbeatTimeoutMs?: number;
  /** Base of the reconnection backoff of the event connection, in ms (default 1000, or the server's `retry:`). */
  reconnectBaseMs?: number;
  /** Upper bound of one reconnection delay, in ms (default 30 000). */
  reconnectMaxMs?: number;
  /** Told about every change of the event connection's state, with the error that caused a reconnection. */
  onConnectionChange?: (state: HttpConnectionState, error?: unknown) => void;
  /** Source of the backoff jitter, in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Waits between retries, reconnections and polls (default a timer); must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Operation {
  method: Method;
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Retried on network errors, timeouts, 408, 429 and 5xx. */
  retryable: boolean;
  /** What a 404 is about, e.g. `Callback "cb-1"`. */
  resource?: string;
  /** The start a 409 is about when the body does not say. */
  slotStart?: string;
  /**
   * A route older servers may not have: 405, 501 and a 404 without the `not-found` code (or any 404 when there is
   * no `resource`) reject with `UnsupportedOperationError`.
   */
  optional?: {operation: string; route: string; what: string};
}

type Attempt = {ok: true; value: unknown} | {ok: false; error: Error; retryable: boolean; retryAfterMs?: number};

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  fieldErrors?: unknown;
  start?: unknown;
  reason?: unknown;
}

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'campaign-started',
  'campaign-changed',
  'callback-changed',
  'logout-authorized',
  'availability-changed',
  'callback-handed-off',
  'resync',
]);
const RESYNC: BackendEvent = {type: 'resync'};

/**
 * One id as a path segment: percent-encoded, and never `.`/`..`, which URL resolution (and `fetch`) would collapse
 * into the parent path even when written `%2E%2E`: `cancelCallback('..')` must never become `DELETE {baseUrl}`.
 */
function pathSegment(field: string, id: unknown): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
    const shown = typeof id === 'string' ? `"${id}"` : String(id);
    throw new ValidationError([
      {field, code: 'invalid-id', message: `${shown} cannot be used as an id: it is empty or a dot segment.`},
    ]);
  }
  return encodeURIComponent(id);
}
/** How many recently delivered event ids are remembered to drop a replayed duplicate. */
const SEEN_IDS = 256;

/** One signal that aborts when any of `signals` does; `dispose` detaches it from them. */
function anySignal(signals: Array<AbortSignal | undefined>): {signal: AbortSignal; dispose: () => void} {
  const controller = new AbortController();
  const live = signals.filter((s): s is AbortSignal => !!s);
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  for (const s of live) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', onAbort, {once: true});
  }
  return {signal: controller.signal, dispose: () => live.forEach((s) => s.removeEventListener('abort', onAbort))};
}

/** Milliseconds of a `Retry-After` header (seconds or an HTTP date), or undefined. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date is wall-clock time on the server: compare it with the real clock, not the kit's clock.
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => isObject(e) && typeof e.field === 'string')
    .map((e) => ({
      field: e.field as string,
      code: typeof e.code === 'string' ? e.code : 'invalid',
      message: typeof e.message === 'string' ? e.message : `${e.field as string} is invalid.`,
    }));
}

function isBackendEvent(value: unknown): value is BackendEvent {
  return isObject(value) && typeof value.type === 'string' && EVENT_TYPES.has(value.type);
}

/** An SSE message: what the parser dispatches on a blank line. */
interface SseMessage {
  type: string;
  data: string;
  /** The stream's last event id after this message (inherited when the message has no `id` field). */
  lastEventId: string;
  /** The message's own `id` field, if it had one. */
  id: string | undefined;
}

/**
 * An incremental `text/event-stream` parser (WHATWG HTML, "Interpreting an event stream"): lines end in CRLF,
 * LF or CR (a CR ends its line at once; an LF right after it, even in the next chunk, is skipped), `:` starts
 * a comment, `data` lines are joined with LF, `id` (without NUL) sets the last event id, `retry` sets the
 * reconnection delay, a blank line dispatches. Feed it decoded text.
 */
class SseParser {
  #buffer = '';
  #afterCr = false;
  #data: string[] = [];
  #type = '';
  #lastEventId: string;
  #pendingId: string | undefined;
  #onMessage: (message: SseMessage) => void;
  #onRetry: (ms: number) => void;
  #onId: (id: string) => void;

  constructor(
    lastEventId: string,
    onMessage: (message: SseMessage) => void,
    onRetry: (ms: number) => void,
    onId: (id: string) => void = () => undefined,
  ) {
    this.#lastEventId = lastEventId;
    this.#onMessage = onMessage;
    this.#onRetry = onRetry;
    this.#onId = onId;
  }

  /** The id of the last event dispatched (or the one given at construction). */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  push(text: string): void {
    if (text === '') return;
    let buffer = this.#buffer + text;
    if (this.#afterCr && buffer.startsWith('\n')) buffer = buffer.slice(1); // the LF of a CRLF split across chunks
    this.#afterCr = false;
    let start = 0;
    for (;;) {
      const cr = buffer.indexOf('\r', start);
      const lf = buffer.indexOf('\n', start);
      const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      if (end === -1) break;
      this.#line(buffer.slice(start, end));
      if (end === cr && end === buffer.length - 1) this.#afterCr = true;
      start = end === cr && buffer[cr + 1] === '\n' ? end + 2 : end + 1;
    }
    this.#buffer = buffer.slice(start);
  }

  #line(line: string): void {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data.push(value);
    else if (field === 'event') this.#type = value;
    else if (field === 'id') {
      if (!value.includes('\0')) this.#pendingId = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) this.#onRetry(Number(value));
  }

  #dispatch(): void {
    const id = this.#pendingId;
    if (id !== undefined) this.#lastEventId = id;
    this.#pendingId = undefined;
    const data = this.#data;
    const type = this.#type || 'message';
    this.#data = [];
    this.#type = '';
    if (data.length === 0) {
      if (id !== undefined) this.#onId(id); // an id-only message: the server's position, nothing to deliver
      return;
    }
    this.#onMessage({type, data: data.join('\n'), lastEventId: this.#lastEventId, id});
  }
}

/**
 * The `SchedulingBackend` over HTTP: the REST/JSON contract of `api/openapi.yaml` (the repository's
 * `npm run serve:api` serves it from a `MemoryBackend`).
 *
 * ```ts
 * const backend = new HttpBackend({
 *   baseUrl: 'https://crm.example.com/api/callbacks/',
 *   headers: async () => ({Authorization: `Bearer ${await tokens.current()}`}),
 *   onAuthError: async () => tokens.refresh(), // true: retry once with the new token
 * });
 * ```
 *
 * - Every attempt gets `timeoutMs`, combined with the caller's `AbortSignal`. A caller's abort rejects with the
 *   signal's reason (an `AbortError`) and is never retried; a timeout is a `BackendUnavailableError`.
 * - Retries (`retries`, exponential backoff with full jitter, or the server's `Retry-After` on 408/429/503):
 *   GETs, DELETEs (canceling twice is a no-op), and the POST/PUT calls that carry an `Idempotency-Key`, which is
 *   the same on every retry, so a write whose answer was lost is never done twice. `requestLogout` sends a fresh
 *   key per call. Network errors, timeouts, 408, 429 and 5xx (but 501) are retried; other 4xx never.
 * - Status mapping: 409 `SlotUnavailableError` (`start`, `reason` from the body), 400/422 `ValidationError`
 *   (`fieldErrors`), 401/403 `AuthError` (also given to `onAuthError`), 404 `NotFoundError`, 5xx, network errors,
 *   timeouts and unreadable answers `BackendUnavailableError`.
 * - `subscribe`: one connection shared by all listeners, opened by the first and closed when the last leaves.
 *   Server-sent events read from a `fetch` stream (so `headers()` applies, unlike `EventSource`), reconnected
 *   with backoff and resumed with `Last-Event-ID`: no event is lost or delivered twice. With `transport: 'auto'`
 *   it falls back to polling `GET /events?after=` after `sseFailuresBeforePolling` failed stream attempts in a
 *   row, and stays on polling until the last listener leaves.
 * - Gaps: listeners get `{type: 'resync'}` (reload everything) when events may have been missed: the server's own
 *   `event: resync` (Last-Event-ID past what it keeps), a poll page with `truncated: true`, and after ANY
 *   reconnection (a stream re-opened after a failure or an end, a poll after a failed one, the fall back to
 *   polling) unless the server proves nothing happened in the gap. The only proof taken is "nothing newer than
 *   what I have": the new stream's first message is the id-only message (`id: <N>`, sent by the server at connect)
 *   with exactly the `Last-Event-ID` sent, or the poll page is empty with `lastEventId` equal to `after`. A replay
 *   is delivered but never taken as proof (a server may replay only part of a gap without saying so), so a
 *   reconnection after activity delivers the replayed events and one `resync`. Ids are recorded from id-only
 *   messages too: a stream dropped before its first event resumes from the point of subscription.
 * - Paths: every id is percent-encoded as one segment; an empty id or a dot segment (`.`, `..`, which URL
 *   resolution collapses even as `%2E%2E`) rejects with `ValidationError` before any request.
 * - Optional 0.2 routes (`/contacts`, `/agents`, `/agents/{id}/shifts`, `/callbacks/{id}/status`): a 404 is a
 *   missing record only with the error code `not-found`; any other 404, a 405 or a 501 means the server lacks the
 *   route and rejects with `UnsupportedOperationError` ("This server does not serve contacts (GET /contacts/{id}).").
 */
export class HttpBackend implements SchedulingBackend {
  /** Vue's `markRaw` flag: Vue's reactivity leaves this object unwrapped (a Proxy cannot reach its #private fields). */
  get __v_skip(): true {
    return true;
  }

  #base: URL;
  #fetch: (input: string, init: RequestInit) => Promise<Response>;
  #headers: (() => HeadersInit | Promise<HeadersInit>) | undefined;
  #timeoutMs: number;
  #retries: number;
  #retryBaseMs: number;
  #retryMaxMs: number;
  #maxRetryAfterMs: number;
  #onAuthError: HttpBackendOptions['onAuthError'];
  #transport: HttpEventTransport;
  #sseFailuresBeforePolling: number;
  #pollIntervalMs: number;
  #heartbeatTimeoutMs: number;
  #reconnectBaseMs: number;
  #reconnectMaxMs: number;
  #onConnectionChange: HttpBackendOptions['onConnectionChange'];
  #random: () => number;
  #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  #listeners = new Set<(event: BackendEvent) => void>();
  #connection: Connection | undefined;
  #state: HttpConnectionState = 'closed';

  /** Creates a backend for the API at `options.baseUrl`; every other option has a default. */
  constructor(options: HttpBackendOptions) {
    if (!options?.baseUrl) throw new TypeError('HttpBackend needs a baseUrl.');
    const page = (globalThis as {location?: {href?: string}}).location?.href;
    const base = new URL(options.baseUrl, page);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    base.search = '';
    base.hash = '';
    this.#base = base;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#retries = Math.max(0, Math.floor(options.retries ?? 3));
    this.#retryBaseMs = options.retryBaseMs ?? 250;
    this.#retryMaxMs = options.retryMaxMs ?? 8000;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.#onAuthError = options.onAuthError;
    this.#transport = options.transport ?? 'auto';
    this.#sseFailuresBeforePolling = Math.max(1, options.sseFailuresBeforePolling ?? 3);
    this.#pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.#heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 45_000;
    this.#reconnectBaseMs = options.reconnectBaseMs ?? 1000;
    this.#reconnectMaxMs = options.reconnectMaxMs ?? 30_000;
    this.#onConnectionChange = options.onConnectionChange;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? sleep;
  }

  /** The API's base URL (always ending in `/`). */
  get baseUrl(): string {
    return this.#base.href;
  }

  /** The state of the event connection (`closed` while nobody is subscribed). */
  get connectionState(): HttpConnectionState {
    return this.#state;
  }

  /** `GET /availability`: the slots of a range. Retried. */
  async getAvailability(q: AvailabilityQuery, o: CallOptions = {}): Promise<Slot[]> {
    const {from, to, type, campaignId, agentId, phone, contactId} = q;
    const value = await this.#request({
      method: 'GET',
      path: 'availability',
      query: {from, to, type, campaignId, agentId, phone, contactId},
      signal: o.signal,
      retryable: true,
    });
    return this.#array<Slot>(value, 'availability');
  }

  /** `POST /callbacks` with `Idempotency-Key`: books a callback. Retried with the same key. */
  async scheduleCallback(r: CallbackRequest, o: IdempotentCallOptions): Promise<Callback> {
    const key = this.#requireKey(o);
    const value = await this.#request({
      method: 'POST',
      path: 'callbacks',
      body: r,
      idempotencyKey: key,
      signal: o.signal,
      retryable: true,
      slotStart: r?.start,
    });
    return this.#object<Callback>(value, 'callback');
  }

  /** `PUT /callbacks/{id}` with `Idempotency-Key`: moves a callback. Retried with the same key. */
  async rescheduleCallback(id: string, r: CallbackRequest, o: IdempotentCallOptions): Promise<Callback> {
    const key = this.#requireKey(o);
    const value = await this.#request({
      method: 'PUT',
      path: `callbacks/${pathSegment('id', id)}`,
      body: r,
      idempotencyKey: key,
      signal: o.signal,
      retryable: true,
      resource: `Callback "${id}"`,
      slotStart: r?.start,
    });
    return this.#object<Callback>(value, 'callback');
  }

  /** `DELETE /callbacks/{id}`: cancels a callback. Retried (canceling twice is a no-op). */
  async cancelCallback(id: string, o: CallOptions = {}): Promise<void> {
    await this.#request({
      method: 'DELETE',
      path: `callbacks/${pathSegment('id', id)}`,
      signal: o.signal,
      retryable: true,
      resource: `Callback "${id}"`,
    });
  }

  /** `GET /callbacks?agentId=`: the agent's callbacks. Retried. */
  async listCallbacks(q: {agentId: string; includeCanceled?: boolean}, o: CallOptions = {}): Promise<Callback[]> {
    const value = await this.#request({
      method: 'GET',
      path: 'callbacks',
      query: {agentId: q.agentId, includeCanceled: q.includeCanceled ? 'true' : undefined},
      signal: o.signal,
      retryable: true,
    });
    return this.#array<Callback>(value, 'callbacks');
  }

  /**
   * `GET /contacts/{id}`: one contact. Retried. Rejects with `NotFoundError` for an unknown id (a 404 whose error
   * code is `not-found`) and with `UnsupportedOperationError` when the server has no such route.
   */
  async getContact(id: string, o: CallOptions = {}): Promise<Contact> {
    const value = await this.#request({
      method: 'GET',
      path: `contacts/${pathSegment('id', id)}`,
      signal: o.signal,
      retryable: true,
      resource: `Contact "${id}"`,
      optional: {operation: 'getContact', route: 'GET /contacts/{id}', what: 'serve contacts'},
    });
    return this.#object<Contact>(value, 'contact');
  }

  /** `GET /contacts`: the contacts the agent may see (a JSON array). Retried. `UnsupportedOperationError` without the route. */
  async listContacts(o: CallOptions = {}): Promise<Contact[]> {
    const value = await this.#request({
      method: 'GET',
      path: 'contacts',
      signal: o.signal,
      retryable: true,
      optional: {operation: 'listContacts', route: 'GET /contacts', what: 'serve contacts'},
    });
    return this.#array<Contact>(value, 'contacts');
  }

  /** `GET /agents`: the agents (a JSON array). Retried. `UnsupportedOperationError` without the route. */
  async listAgents(o: CallOptions = {}): Promise<Agent[]> {
    const value = await this.#request({
      method: 'GET',
      path: 'agents',
      signal: o.signal,
      retryable: true,
      optional: {operation: 'listAgents', route: 'GET /agents', what: 'serve agents'},
    });
    return this.#array<Agent>(value, 'agents');
  }

  /**
   * `GET /agents/{id}/shifts?from=&to=`: the agent's shifts overlapping `[from, to)` (a JSON array). Retried.
   * `NotFoundError` for an unknown agent, `UnsupportedOperationError` without the route.
   */
  async getAgentShifts(
    agentId: string,
    q: {from: IsoInstant; to: IsoInstant},
    o: CallOptions = {},
  ): Promise<AgentShift[]> {
    const value = await this.#request({
      method: 'GET',
      path: `agents/${pathSegment('agentId', agentId)}/shifts`,
      query: {from: q?.from, to: q?.to},
      signal: o.signal,
      retryable: true,
      resource: `Agent "${agentId}"`,
      optional: {operation: 'getAgentShifts', route: 'GET /agents/{id}/shifts', what: 'serve agent shifts'},
    });
    return this.#array<AgentShift>(value, 'shifts');
  }

  /**
   * `POST /callbacks/{id}/status` (body `{status}`) with `Idempotency-Key`: persists a status change. Retried with
   * the same key. `NotFoundError` for an unknown callback, `UnsupportedOperationError` without the route.
   */
  async updateCallbackStatus(id: string, status: CallbackStatusUpdate, o: IdempotentCallOptions): Promise<Callback> {
    const key = this.#requireKey(o);
    const value = await this.#request({
      method: 'POST',
      path: `callbacks/${pathSegment('id', id)}/status`,
      body: {status},
      idempotencyKey: key,
      signal: o.signal,
      retryable: true,
      resource: `Callback "${id}"`,
      optional: {
        operation: 'updateCallbackStatus',
        route: 'POST /callbacks/{id}/status',
        what: 'persist callback statuses',
      },
    });
    return this.#object<Callback>(value, 'callback');
  }

  /** `GET /campaigns?agentId=`: the agent's campaigns. Retried. */
  async listCampaigns(q: {agentId: string}, o: CallOptions = {}): Promise<Campaign[]> {
    const value = await this.#request({
      method: 'GET',
      path: 'campaigns',
      query: {agentId: q.agentId},
      signal: o.signal,
      retryable: true,
    });
    return this.#array<Campaign>(value, 'campaigns');
  }

  /** `POST /logout-requests` with a fresh `Idempotency-Key` (the same on its retries): negotiated logout. */
  async requestLogout(q: {agentId: string}, o: CallOptions = {}): Promise<LogoutDecision> {
    const value = await this.#request({
      method: 'POST',
      path: 'logout-requests',
      body: {agentId: q.agentId},
      idempotencyKey: createIdempotencyKey(),
      signal: o.signal,
      retryable: true,
    });
    const decision = this.#object<LogoutDecision>(value, 'logout decision');
    if (typeof decision.authorized !== 'boolean') throw this.#malformed('logout decision');
    return decision;
  }

  /** `DELETE /logout-requests/{agentId}`: the agent gave up a deferred logout. Retried (a no-op when none is pending). */
  async cancelLogout(q: {agentId: string}, o: CallOptions = {}): Promise<void> {
    await this.#request({
      method: 'DELETE',
      path: `logout-requests/${pathSegment('agentId', q?.agentId)}`,
      signal: o.signal,
      retryable: true,
    });
  }

  /**
   * Calls `listener` for every change the server pushes. The first listener opens the connection, the last
   * unsubscribe closes it. A listener that throws does not stop the others. Returns the unsubscribe function.
   */
  subscribe(listener: (e: BackendEvent) => void): () => void {
    this.#listeners.add(listener);
    if (!this.#connection) {
      const connection: Connection = {
        controller: new AbortController(),
        cursor: undefined,
        seen: new Set(),
        serverRetryMs: undefined,
        owed: false,
      };
      this.#connection = connection;
      void this.#connect(connection);
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#disconnect();
    };
  }

  /** Drops every listener and closes the event connection. */
  close(): void {
    this.#listeners.clear();
    this.#disconnect();
  }

  // ---------------------------------------------------------------------------------------------- requests

  #requireKey(o: IdempotentCallOptions): string {
    const key = o?.idempotencyKey;
    if (typeof key !== 'string' || key === '') {
      throw new ValidationError([
        {field: 'idempotencyKey', code: 'required', message: 'An idempotency key is required.'},
      ]);
    }
    return key;
  }

  #url(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(path, this.#base);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    return url.href;
  }

  async #request(op: Operation): Promise<unknown> {
    let authRetried = false;
    for (let attempt = 0; ; attempt++) {
      if (op.signal?.aborted) throw abortReason(op.signal);
      const result = await this.#attempt(op);
      if (result.ok) return result.value;
      const {error} = result;
      if (error instanceof AuthError && this.#onAuthError) {
        let again: boolean | void = false;
        try {
          again = await this.#onAuthError(error);
        } catch (thrown) {
          queueMicrotask(() => {
            throw thrown;
          });
        }
        if (again === true && !authRetried) {
          authRetried = true;
          attempt--;
          continue;
        }
      }
      if (!result.retryable || !op.retryable || attempt >= this.#retries) throw error;
      const delay =
        result.retryAfterMs ?? this.#random() * Math.min(this.#retryMaxMs, this.#retryBaseMs * 2 ** attempt);
      if (delay > this.#maxRetryAfterMs) throw error;
      await this.#sleep(delay, op.signal);
    }
  }

  async #attempt(op: Operation): Promise<Attempt> {
    const headers = new Headers(this.#headers ? await this.#headers() : undefined);
    headers.set('Accept', 'application/json');
    if (op.body !== undefined) headers.set('Content-Type', 'application/json');
    if (op.idempotencyKey) headers.set('Idempotency-Key', op.idempotencyKey);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.#timeoutMs);
    const combined = anySignal([op.signal, timeout.signal]);
    try {
      let response: Response;
      let text: string;
      try {
        response = await this.#fetch(this.#url(op.path, op.query), {
          method: op.method,
          headers,
          body: op.body === undefined ? undefined : JSON.stringify(op.body),
          signal: combined.signal,
        });
        text = await response.text();
      } catch (cause) {
        if (op.signal?.aborted) throw abortReason(op.signal);
        const message = timeout.signal.aborted
          ? `The scheduling service did not answer within ${this.#seconds(this.#timeoutMs)}.`
          : 'The scheduling service cannot be reached. Check the connection and try again.';
        return {ok: false, error: new BackendUnavailableError(message, {cause}), retryable: true};
      }
      if (response.ok) {
        if (response.status === 204 || text.trim() === '') return {ok: true, value: undefined};
        const value = parseJson(text);
        if (value === undefined) return {ok: false, error: this.#malformed('answer'), retryable: false};
        return {ok: true, value};
      }
      return this.#failure(op, response, text);
    } finally {
      clearTimeout(timer);
      combined.dispose();
    }
  }

  /** Maps an HTTP error status (and its body) to the kit's typed errors. */
  #failure(op: Operation, response: Response, text: string): Attempt {
    const {status} = response;
    const parsed = parseJson(text);
    const body: ErrorBody = isObject(parsed) ? parsed : {};
    const message = typeof body.message === 'string' && body.message ? body.message : undefined;
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    if (status === 409) {
      const start = typeof body.start === 'string' ? body.start : (op.slotStart ?? '');
      const reason = typeof body.reason === 'string' ? body.reason : 'full';
      return {ok: false, error: new SlotUnavailableError(start, reason, message), retryable: false};
    }
    if (status === 400 || status === 422) {
      const fieldErrors = fieldErrorsOf(body.fieldErrors);
      const fallback = fieldErrors.length ? undefined : 'The scheduling service refused the request as invalid.';
      return {ok: false, error: new ValidationError(fieldErrors, message ?? fallback), retryable: false};
    }
    if (status === 401 || status === 403) return {ok: false, error: new AuthError(status, message), retryable: false};
    const missing = status === 405 || status === 501 || (status === 404 && (!op.resource || body.code !== 'not-found'));
    if (op.optional && missing) {
      const {operation, route, what} = op.optional;
      return {ok: false, error: new UnsupportedOperationError(operation, route, status, what), retryable: false};
    }
    if (status === 404) {
      const error = new NotFoundError(op.resource ?? 'The requested record');
      if (message) error.message = message;
      return {ok: false, error, retryable: false};
    }
    if (status === 408 || status === 429 || (status >= 500 && status !== 501)) {
      const fallback =
        status === 429
          ? 'The scheduling service is busy. Try again in a moment.'
          : `The scheduling service failed (HTTP ${status}). Try again in a moment.`;
      return {
        ok: false,
        error: new BackendUnavailableError(message ?? fallback, {cause: {status, body: parsed ?? text}}),
        retryable: true,
        retryAfterMs,
      };
    }
    const error = new BackendUnavailableError(message ?? `The scheduling service answered HTTP ${status}.`, {
      cause: {status, body: parsed ?? text},
    });
    return {ok: false, error, retryable: false};
  }

  #malformed(what: string): BackendUnavailableError {
    return new BackendUnavailableError(`The scheduling service sent an unreadable ${what}.`);
  }

  #array<T>(value: unknown, what: string): T[] {
    if (!Array.isArray(value)) throw this.#malformed(what);
    return value as T[];
  }

  #object<T>(value: unknown, what: string): T {
    if (!isObject(value)) throw this.#malformed(what);
    return value as T;
  }

  #seconds(ms: number): string {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
  }

  // ------------------------------------------------------------------------------------------------ events

  #disconnect(): void {
    const connection = this.#connection;
    if (!connection) return;
    this.#connection = undefined;
    connection.controller.abort();
    this.#setState('closed');
  }

  #setState(state: HttpConnectionState, error?: unknown): void {
    if (state === this.#state && error === undefined) return;
    this.#state = state;
    try {
      this.#onConnectionChange?.(state, error);
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown;
      });
    }
  }

  #reconnectDelay(connection: Connection, attempt: number): number {
    const base = Math.max(this.#reconnectBaseMs, connection.serverRetryMs ?? 0);
    return this.#random() * Math.min(this.#reconnectMaxMs, base * 2 ** attempt);
  }

  /** The event loop of one connection: streams (reconnecting) or polls until it is aborted. */
  async #connect(connection: Connection): Promise<void> {
    const {signal} = connection.controller;
    this.#setState('connecting');
    let failures = 0;
    let attempt = 0;
    try {
      while (!signal.aborted && this.#transport !== 'poll') {
        let error: unknown;
        let received = false;
        try {
          received = await this.#stream(connection);
        } catch (thrown) {
          if (signal.aborted) return;
          error = thrown;
          received = thrown instanceof StreamInterrupted && thrown.received;
        }
        if (signal.aborted) return;
        // Whatever happens next (a new stream or polling) resumes after a gap: owe a resync until it is proven empty.
        connection.owed = true;
        if (received) {
          failures = 0;
          attempt = 0;
        } else if (!(error instanceof AuthError)) failures++;
        if (this.#transport === 'auto' && failures >= this.#sseFailuresBeforePolling) break;
        this.#setState('reconnecting', error ?? new BackendUnavailableError('The event stream was closed.'));
        await this.#sleep(this.#reconnectDelay(connection, attempt++), signal);
      }
      if (!signal.aborted) await this.#poll(connection);
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  }

  /**
   * One stream connection. Resolves when the server ends the stream, with whether anything arrived; rejects
   * when it cannot be opened or breaks (`StreamInterrupted` says whether anything arrived first).
   */
  async #stream(connection: Connection): Promise<boolean> {
    const {signal} = connection.controller;
    const headers = new Headers(this.#headers ? await this.#headers() : undefined);
    headers.set('Accept', 'text/event-stream');
    headers.set('Cache-Control', 'no-cache');
    const stream: StreamState = {resumeFrom: connection.cursor, settled: false};
    if (stream.resumeFrom !== undefined) headers.set('Last-Event-ID', stream.resumeFrom);
    const watchdog = new AbortController();
    const combined = anySignal([signal, watchdog.signal]);
    let timer = setTimeout(() => watchdog.abort(), this.#timeoutMs);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => watchdog.abort(), this.#heartbeatTimeoutMs);
    };
    let received = false;
    try {
      let response: Response;
      try {
        response = await this.#fetch(this.#url('events'), {method: 'GET', headers, signal: combined.signal});
      } catch (cause) {
        if (signal.aborted) throw abortReason(signal);
        const message = watchdog.signal.aborted
          ? `The event stream did not open within ${this.#seconds(this.#timeoutMs)}.`
          : 'The event stream cannot be reached.';
        throw new BackendUnavailableError(message, {cause});
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        const failure = this.#failure({method: 'GET', path: 'events', retryable: true}, response, text);
        const error = failure.ok ? this.#malformed('event stream') : failure.error;
        if (error instanceof AuthError) await this.#notifyAuth(error);
        throw error;
      }
      const type = response.headers.get('Content-Type') ?? '';
      if (!type.toLowerCase().startsWith('text/event-stream') || !response.body) {
        await response.body?.cancel().catch(() => undefined);
        throw new BackendUnavailableError(`The event stream answered "${type || 'no content type'}".`);
      }
      this.#setState('open');
      rearm();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser(
        connection.cursor ?? '',
        (message) => this.#message(connection, stream, message),
        (ms) => (connection.serverRetryMs = ms),
        (id) => {
          connection.cursor = id;
          this.#settle(connection, stream, id);
        },
      );
      try {
        for (;;) {
          const {done, value} = await reader.read();
          if (done) break;
          rearm();
          received = true;
          parser.push(decoder.decode(value, {stream: true}));
          if (parser.lastEventId !== '') connection.cursor = parser.lastEventId; // id-only messages too
        }
        parser.push(decoder.decode());
      } catch (cause) {
        if (signal.aborted) throw abortReason(signal);
        const message = watchdog.signal.aborted
          ? `The event stream was silent for ${this.#seconds(this.#heartbeatTimeoutMs)}.`
          : 'The event stream was interrupted.';
        throw new StreamInterrupted(message, received, cause);
      } finally {
        reader.releaseLock();
      }
      return received;
    } finally {
      clearTimeout(timer);
      combined.dispose();
      if (!watchdog.signal.aborted) watchdog.abort();
    }
  }

  /** Tells `onAuthError` about an auth failure of the event connection (which keeps reconnecting). */
  async #notifyAuth(error: AuthError): Promise<void> {
    try {
      await this.#onAuthError?.(error);
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown;
      });
    }
  }

  #message(connection: Connection, stream: StreamState, message: SseMessage): void {
    if (message.lastEventId !== '') connection.cursor = message.lastEventId;
    const parsed = parseJson(message.data);
    const event = message.type === 'resync' ? RESYNC : parsed;
    if (event === RESYNC || (isObject(parsed) && parsed.type === 'resync')) {
      // The server says events were lost (Last-Event-ID past what it keeps): that is the one resync of this stream.
      stream.settled = true;
      connection.owed = false;
      this.#deliver(connection, undefined, RESYNC);
      return;
    }
    this.#settle(connection, stream);
    if (isBackendEvent(event)) this.#deliver(connection, message.id || undefined, event);
  }

  /**
   * At the first message of a stream: when a resync is owed (this stream follows a failure), it is delivered unless
   * the message proves that nothing happened in the gap, i.e. it is the id-only message naming exactly the
   * `Last-Event-ID` this stream was opened with.
   */
  #settle(connection: Connection, stream: StreamState, idOnly?: string): void {
    if (stream.settled) return;
    stream.settled = true;
    if (!connection.owed) return;
    connection.owed = false;
    const proven = idOnly !== undefined && stream.resumeFrom !== undefined && idOnly === stream.resumeFrom;
    if (!proven) this.#deliver(connection, undefined, RESYNC);
  }

  /** Polls `GET /events?after=` until the connection is aborted, backing off after failures. */
  async #poll(connection: Connection): Promise<void> {
    const {signal} = connection.controller;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const after = connection.cursor;
        const value = await this.#request({
          method: 'GET',
          path: 'events',
          query: {after: after ?? ''},
          signal,
          retryable: false,
        });
        const page = isObject(value) ? value : {};
        if (!Array.isArray(page.events)) throw this.#malformed('event page');
        // `truncated`: events after `after` are gone. After a failure (or the fall back from streaming), only an
        // empty page at exactly `after` proves nothing was missed.
        const proven =
          after !== undefined && page.events.length === 0 && page.lastEventId === after && page.truncated !== true;
        if (page.truncated === true || (connection.owed && !proven)) this.#deliver(connection, undefined, RESYNC);
        connection.owed = false;
        for (const item of page.events as unknown[]) {
          if (!isObject(item)) continue;
          const id = typeof item.id === 'string' ? item.id : undefined;
          if (id !== undefined) connection.cursor = id;
          if (isBackendEvent(item.event)) this.#deliver(connection, id, item.event);
        }
        if (typeof page.lastEventId === 'string') connection.cursor = page.lastEventId;
        attempt = 0;
        this.#setState('polling');
        await this.#sleep(this.#pollIntervalMs, signal);
      } catch (error) {
        if (signal.aborted) return;
        connection.owed = true;
        this.#setState('reconnecting', error);
        await this.#sleep(this.#reconnectDelay(connection, attempt++), signal);
      }
    }
  }

  /** Hands an event to every listener once (an id seen recently is dropped); a throwing listener is isolated. */
  #deliver(connection: Connection, id: string | undefined, event: BackendEvent): void {
    if (connection.controller.signal.aborted) return;
    if (id !== undefined) {
      if (connection.seen.has(id)) return;
      connection.seen.add(id);
      if (connection.seen.size > SEEN_IDS) connection.seen.delete(connection.seen.values().next().value!);
    }
    for (const listener of [...this.#listeners]) {
      try {
        listener(structuredClone(event));
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

/** The state of one event connection: from the first `subscribe` to the last unsubscribe. */
interface Connection {
  controller: AbortController;
  /** The id of the last event received: `Last-Event-ID` of a reconnection, `after` of a poll. */
  cursor: string | undefined;
  /** Recently delivered ids, oldest first. */
  seen: Set<string>;
  /** The server's `retry:` hint, in ms. */
  serverRetryMs: number | undefined;
  /** The connection failed since the last proof of continuity: the next stream or poll owes listeners a `resync`. */
  owed: boolean;
}

/** One stream of a connection: the `Last-Event-ID` it was opened with and whether its first message was seen. */
interface StreamState {
  resumeFrom: string | undefined;
  settled: boolean;
}

/** A stream that broke after opening; `received` says whether anything had arrived (that resets the backoff). */
class StreamInterrupted extends BackendUnavailableError {
  readonly received: boolean;

  constructor(message: string, received: boolean, cause: unknown) {
    super(message, {cause});
    this.received = received;
  }
}
