/**
 * Helpers of the reference server's tests: one PGlite per test process (it takes seconds to start), fresh
 * PostgreSQL databases when `DATABASE_URL` is set, authenticated requests, and an SSE reader.
 */
import {randomBytes} from 'node:crypto';
import {openDatabase, type Database} from '../../server/db/index.js';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from '../../server/reference-server.js';

/** The reference servers' clock in these tests: Monday 2026-06-15, 09:00 in New York. */
export const NOW = '2026-06-15T13:00:00Z';
export const MARIA = 'dev-agent-maria';
export const JAMES = 'dev-agent-james';
export const SUPERVISOR = 'dev-supervisor';

let shared: Promise<Database> | undefined;

/** The PGlite (in memory) shared by this test process; tests reset it through their server. */
export function sharedPglite(): Promise<Database> {
  shared ??= openDatabase({});
  return shared;
}

/** The real PostgreSQL of `DATABASE_URL`, or undefined (the caller skips with a message). */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

/**
 * A new, empty database on the `DATABASE_URL` server (its role needs CREATEDB), dropped by `drop()`. Tests
 * never touch the database named in the URL itself.
 */
export async function freshPostgres(): Promise<{url: string; drop(): Promise<void>}> {
  const {default: pg} = await import('pg');
  const name = `ck_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({connectionString: DATABASE_URL});
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({connectionString: DATABASE_URL});
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A server on the shared PGlite with its data reset to the demo data (clock at `NOW`). */
export async function serverOnShared(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const server = await startReferenceServer({now: NOW, database: await sharedPglite(), ...options});
  await server.reset();
  return server;
}

/** `fetch` with a bearer token (`null`: none) and a JSON body; resolves to the status, headers and parsed body. */
export async function call(
  base: string,
  path: string,
  {
    token = MARIA,
    method = 'GET',
    body,
    headers = {},
  }: {token?: string | null; method?: string; body?: unknown; headers?: Record<string, string>} = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the server answered
): Promise<{status: number; headers: Headers; body: any}> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? {Authorization: `Bearer ${token}`} : {}),
      ...(body !== undefined && typeof body !== 'string' ? {'Content-Type': 'application/json'} : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return {status: response.status, headers: response.headers, body: parsed};
}

/** One SSE message as the server framed it. */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
}

/** Opens `GET /events` as a stream and collects its messages (comments and `retry:`-only blocks left out). */
export async function openEventStream(
  base: string,
  token: string,
  lastEventId?: string,
): Promise<{status: number; messages: SseMessage[]; close(): void}> {
  const controller = new AbortController();
  const response = await fetch(`${base}/events`, {
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'text/event-stream',
      ...(lastEventId === undefined ? {} : {'Last-Event-ID': lastEventId}),
    },
    signal: controller.signal,
  });
  const messages: SseMessage[] = [];
  if (response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const {value, done} = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, {stream: true});
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const message: SseMessage = {};
            for (const line of block.split('\n')) {
              const [, field, value] = /^([a-z]+): ?(.*)$/.exec(line) ?? [];
              if (field === 'id' || field === 'event' || field === 'data') message[field] = value;
            }
            if (Object.keys(message).length) messages.push(message);
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {status: response.status, messages, close: () => controller.abort()};
}

/** Polls `check` every 10 ms until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A personal callback for Maria to Olivia's New York mobile on Tuesday at `start`. */
export function personal(start = '2026-06-16T15:00:00Z', extra: Record<string, unknown> = {}) {
  return {
    contactId: 'contact-olivia',
    phone: '+12124561987',
    type: 'personal',
    ownerAgentId: 'agent-maria',
    start,
    timeZone: 'America/New_York',
    kind: 'callback',
    ...extra,
  };
}

/** A campaign callback (camp-spring-renewals: Maria and James) on Tuesday at `start`. */
export function campaign(start = '2026-06-16T15:00:00Z', extra: Record<string, unknown> = {}) {
  return {
    contactId: 'contact-olivia',
    phone: '+12124561987',
    type: 'campaign',
    campaignId: 'camp-spring-renewals',
    start,
    timeZone: 'America/New_York',
    kind: 'callback',
    ...extra,
  };
}

/** POST /callbacks with a key. */
export function book(base: string, request: unknown, key: string, token = MARIA) {
  return call(base, '/callbacks', {method: 'POST', body: request, token, headers: {'Idempotency-Key': key}});
}
