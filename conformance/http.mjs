// HTTP and server-sent-event helpers of the conformance suite. Plain Node 20 (global fetch), no dependencies.

/** A fresh idempotency key. */
export const newKey = () => globalThis.crypto.randomUUID();

/** Milliseconds a single request may take before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * A small client for one or more base URLs of the same deployment (several instances behind no balancer).
 * `pick` chooses the instance: a number (round-robin index) or undefined (the first).
 */
export class Api {
  /**
   * @param {object} options
   * @param {string[]} options.baseUrls
   * @param {string | undefined} options.token Bearer token sent as `Authorization` (unless a call overrides it).
   */
  constructor({baseUrls, token}) {
    this.baseUrls = baseUrls.map((u) => u.replace(/\/+$/, ''));
    this.token = token;
  }

  /** The base URL of instance `i` (round-robin). */
  base(i = 0) {
    return this.baseUrls[((i % this.baseUrls.length) + this.baseUrls.length) % this.baseUrls.length];
  }

  /** The base URL the event checks listen on: the last one, so events cross instances when there are several. */
  get streamBase() {
    return this.baseUrls[this.baseUrls.length - 1];
  }

  /**
   * One request. Never throws for an HTTP status; throws only when the server cannot be reached or times out.
   * @param {string} method
   * @param {string} path Path and query, e.g. `/callbacks?agentId=a`.
   * @param {object} [o]
   * @param {unknown} [o.body] JSON body (a string is sent as is).
   * @param {string} [o.key] Idempotency-Key.
   * @param {string | null} [o.token] Overrides the client's token; null sends no Authorization.
   * @param {Record<string, string>} [o.headers]
   * @param {number} [o.instance] Which base URL (round-robin index).
   * @returns {Promise<{status: number, headers: Headers, text: string, json: any, ms: number}>}
   */
  async request(method, path, o = {}) {
    const headers = {Accept: 'application/json', ...o.headers};
    const token = o.token === undefined ? this.token : o.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (o.key !== undefined) headers['Idempotency-Key'] = o.key;
    let body;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['Content-Type'] = 'application/json';
    }
    const started = performance.now();
    const url = this.base(o.instance ?? 0) + path;
    let response;
    try {
      response = await fetch(url, {method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)});
    } catch (error) {
      const cause = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
      throw new Error(`${method} ${url} failed: ${cause}`);
    }
    const text = await response.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {status: response.status, headers: response.headers, text, json, ms: performance.now() - started};
  }
}

/** One SSE message block as received: `id` only when the block had an `id:` field. */
/**
 * @typedef {object} SseFrame
 * @property {string | undefined} id The block's own `id:` value (undefined when it had none).
 * @property {string} lastEventId The stream's last event id after this block.
 * @property {string | undefined} event The `event:` type.
 * @property {string | undefined} data The `data:` lines joined with `\n` (undefined when none).
 */

/**
 * Parses a `text/event-stream` incrementally (WHATWG rules: CR, LF or CRLF line ends, `:` comments, one
 * optional space after the colon, `id` without NUL). Calls `onFrame` for every block that had an `id`, `event`
 * or `data` field (id-only blocks included: they move the last event id).
 */
export class SseParser {
  #buffer = '';
  #lastEventId;
  #block = {id: undefined, event: undefined, data: undefined, any: false};

  constructor(onFrame, lastEventId = '') {
    this.onFrame = onFrame;
    this.#lastEventId = lastEventId;
    this.retry = undefined;
    this.comments = 0;
  }

  get lastEventId() {
    return this.#lastEventId;
  }

  push(text) {
    this.#buffer += text;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      if (!match) break;
      // A lone CR at the very end may be the first half of CRLF: wait for more.
      if (match[0] === '\r' && match.index === this.#buffer.length - 1) break;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      this.#line(line);
    }
  }

  #line(line) {
    if (line === '') {
      const b = this.#block;
      if (b.any) {
        this.onFrame({id: b.id, lastEventId: this.#lastEventId, event: b.event, data: b.data});
      }
      this.#block = {id: undefined, event: undefined, data: undefined, any: false};
      return;
    }
    if (line.startsWith(':')) {
      this.comments++;
      return;
    }
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    const b = this.#block;
    if (name === 'id') {
      if (!value.includes('\0')) {
        this.#lastEventId = value;
        b.id = value;
        b.any = true;
      }
    } else if (name === 'event') {
      b.event = value;
      b.any = true;
    } else if (name === 'data') {
      b.data = b.data === undefined ? value : `${b.data}\n${value}`;
      b.any = true;
    } else if (name === 'retry' && /^\d+$/.test(value)) {
      this.retry = Number(value);
    }
  }
}

/**
 * An open event stream (`GET /events`, `Accept: text/event-stream`). Frames are collected as they arrive;
 * `waitFor` resolves with the first frame (from the start) matching a predicate.
 */
export class EventStream {
  /** @type {SseFrame[]} */
  frames = [];
  status = 0;
  contentType = '';
  /** Set when the stream failed or ended. */
  ended = false;
  error = undefined;
  #controller = new AbortController();
  #waiters = new Set();

  /**
   * Opens a stream. Resolves once the response headers arrived (check `status`/`contentType`).
   * @param {string} url The full `/events` URL.
   * @param {{token?: string | null, lastEventId?: string}} [o]
   */
  static async open(url, o = {}) {
    const stream = new EventStream();
    const headers = {Accept: 'text/event-stream', 'Cache-Control': 'no-cache'};
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.lastEventId !== undefined) headers['Last-Event-ID'] = o.lastEventId;
    const timer = setTimeout(() => stream.#controller.abort(new Error('no response headers')), REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch(url, {headers, signal: stream.#controller.signal});
    } catch (error) {
      throw new Error(`GET ${url} (event stream) failed: ${error?.cause?.code ?? error?.message ?? error}`);
    } finally {
      clearTimeout(timer);
    }
    stream.status = response.status;
    stream.contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !stream.contentType.toLowerCase().startsWith('text/event-stream') || !response.body) {
      stream.body = await response.text().catch(() => '');
      stream.ended = true;
      return stream;
    }
    stream.parser = new SseParser((frame) => stream.#frame(frame), o.lastEventId ?? '');
    void stream.#read(response.body);
    return stream;
  }

  async #read(body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const {done, value} = await reader.read();
        if (done) break;
        this.parser.push(decoder.decode(value, {stream: true}));
      }
    } catch (error) {
      if (!this.#controller.signal.aborted) this.error = error;
    } finally {
      this.ended = true;
      for (const waiter of this.#waiters) waiter.check();
    }
  }

  #frame(frame) {
    this.frames.push(frame);
    for (const waiter of this.#waiters) waiter.check();
  }

  /**
   * The first frame matching `predicate`, waiting up to `timeoutMs` for it; undefined on timeout or when the
   * stream ends first.
   * @param {(frame: SseFrame) => boolean} predicate
   * @param {number} timeoutMs
   * @returns {Promise<SseFrame | undefined>}
   */
  waitFor(predicate, timeoutMs) {
    return new Promise((resolve) => {
      const waiter = {
        check: () => {
          const found = this.frames.find(predicate);
          if (found || this.ended) finish(found);
        },
      };
      const finish = (value) => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        resolve(value);
      };
      const timer = setTimeout(() => finish(undefined), timeoutMs);
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** The `BackendEvent` objects of the frames with a `data` field (unparsable data gives `{unparsable}`). */
  events() {
    return this.frames
      .filter((f) => f.data !== undefined)
      .map((f) => {
        try {
          return {id: f.id, type: f.event, event: JSON.parse(f.data)};
        } catch {
          return {id: f.id, type: f.event, event: {unparsable: f.data}};
        }
      });
  }

  close() {
    this.#controller.abort();
  }
}

/** Parses the `data` of a frame as JSON, or undefined. */
export function frameData(frame) {
  if (frame?.data === undefined) return undefined;
  try {
    return JSON.parse(frame.data);
  } catch {
    return undefined;
  }
}
