#!/usr/bin/env node
/**
 * Bounded load test of the reference server, loopback only (issue 20). Not part of mocha.
 *
 *   node test/load/load.mjs                                  # PGlite in a temp dir, 1 instance
 *   DATABASE_URL=postgres://ck:ck@127.0.0.1:5432/ck node test/load/load.mjs --instances 2
 *
 * Starts the instances as child processes (`node --import tsx server/reference-server.ts --port 0 ...`, so that
 * a `kill -9` reaches the server itself, not an npx wrapper), then:
 * 1. throughput: `--bookings` bookings (distinct seats, `--concurrency` at a time) on 1, then 2... instances:
 *    bookings per second and latency;
 * 2. contention: `--contention` (200) concurrent bookings for the last seats of one slot, spread over every
 *    instance, `--retried` of them sent twice with the same Idempotency-Key: the slot never takes more than its
 *    seats, every key has at most one callback, a key answered 201 twice gets the same callback;
 * 3. crash: bookings while one instance is killed with SIGKILL (a lone PGlite instance is restarted on its data
 *    directory): requests that got no answer are retried with the same key on a live instance; afterwards every
 *    callback answered 201 is stored, and no key has two callbacks.
 * Prints the numbers and writes them into BENCHMARKS.md, section "Reference backend: bookings per second"
 * (`--no-write` to skip). Exit code 1 on any violation, 2 on bad usage.
 *
 * Options: --instances N (1; 2+ needs DATABASE_URL), --bookings 300, --concurrency 16, --contention 200,
 * --retried 40, --no-crash, --no-write, --token dev-agent-maria, --agent-id agent-maria,
 * --storage postgres|pglite|memory (default: postgres when DATABASE_URL is set, else pglite in a temp
 * --data-dir; memory: --in-memory, 1 instance, no crash phase), --server-arg <arg> (repeatable, passed to every
 * instance), --target-url <url> (repeatable: load servers that already run instead of starting instances; no
 * crash phase, BENCHMARKS.md untouched).
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {Api, newKey} from '../../conformance/http.mjs';
import {Instance, root} from './instances.mjs';

const {values} = parseArgs({
  options: {
    instances: {type: 'string', default: '1'},
    bookings: {type: 'string', default: '300'},
    concurrency: {type: 'string', default: '16'},
    contention: {type: 'string', default: '200'},
    retried: {type: 'string', default: '40'},
    'no-crash': {type: 'boolean', default: false},
    'no-write': {type: 'boolean', default: false},
    token: {type: 'string', default: 'dev-agent-maria'},
    'agent-id': {type: 'string', default: 'agent-maria'},
    storage: {type: 'string'},
    'server-arg': {type: 'string', multiple: true, default: []},
    'target-url': {type: 'string', multiple: true, default: []},
  },
});
const TARGETS = values['target-url'];

const usage = (message) => {
  console.error(`load.mjs: ${message}`);
  process.exit(2);
};
const int = (name, min = 1) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer >= ${min}, got ${values[name]}`);
  return n;
};
const INSTANCES = TARGETS.length || int('instances');
const BOOKINGS = int('bookings');
const CONCURRENCY = int('concurrency');
const CONTENTION = int('contention');
const RETRIED = int('retried', 0);
const STORAGE = TARGETS.length ? 'external' : (values.storage ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite'));
if (!['postgres', 'pglite', 'memory', 'external'].includes(STORAGE)) usage(`unknown --storage ${STORAGE}`);
if (STORAGE === 'postgres' && !process.env.DATABASE_URL) usage('--storage postgres needs DATABASE_URL');
if ((STORAGE === 'pglite' || STORAGE === 'memory') && INSTANCES > 1) {
  usage(`${STORAGE} runs in one process: --instances 2 needs DATABASE_URL`);
}
if (RETRIED > CONTENTION) usage('--retried must not exceed --contention');

const violations = [];
const violation = (message) => {
  violations.push(message);
  console.error(`VIOLATION: ${message}`);
};
const log = (message) => console.log(message);

// ------------------------------------------------------------------------------------------------ instances

const dataDir = STORAGE === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'ck-load-pglite-')) : undefined;

const serverArgs = [...(dataDir ? ['--data-dir', dataDir] : []), ...(STORAGE === 'memory' ? ['--in-memory'] : [])];
const instances = TARGETS.length
  ? TARGETS.map((url, i) => new Instance(i, {url}))
  : Array.from(
      {length: INSTANCES},
      (_, i) => new Instance(i, {args: [...serverArgs, ...values['server-arg']], storage: STORAGE}),
    );

/** A client for the given instances (round-robin by index), with the agent's token. */
const clientFor = (list) => new Api({baseUrls: list.map((i) => i.url), token: values.token});

// ------------------------------------------------------------------------------------------------- helpers

const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const marker = (phase) => `callback-kit-load ${runId} ${phase}`;

/** Runs `tasks` (functions returning promises) with at most `limit` in flight. */
async function pool(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, tasks.length)}, worker));
  return results;
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;

let setup;

/** Agent, campaign, phone and the bookable seats (one entry per free seat) of the next 25 days. */
async function discover(api) {
  const agentId = values['agent-id'];
  const campaigns = await api.request('GET', `/campaigns?agentId=${encodeURIComponent(agentId)}`);
  if (campaigns.status !== 200 || !Array.isArray(campaigns.json))
    throw new Error(`GET /campaigns: ${campaigns.status} ${campaigns.text}`);
  const campaign = campaigns.json.find((c) => c.status !== 'completed');
  if (!campaign) throw new Error(`agent ${agentId} has no open campaign`);
  const contacts = await api.request('GET', '/contacts');
  const list = contacts.status === 200 && Array.isArray(contacts.json) ? contacts.json : [];
  const candidates = list.length
    ? list.flatMap((c) =>
        c.phones.filter((p) => !p.contactFrom && !p.contactUntil).map((p) => ({contactId: c.id, phone: p.number})),
      )
    : [{contactId: 'contact-olivia', phone: '+12124561987'}];
  const from = new Date(Date.now() + 2 * 3600_000).toISOString();
  const to = new Date(Date.now() + 25 * 86_400_000).toISOString();
  let best;
  for (const candidate of candidates.slice(0, 6)) {
    const q = new URLSearchParams({
      from,
      to,
      type: 'campaign',
      campaignId: campaign.id,
      phone: candidate.phone,
      contactId: candidate.contactId,
    });
    const res = await api.request('GET', `/availability?${q}`);
    if (res.status !== 200 || !Array.isArray(res.json)) throw new Error(`GET /availability: ${res.status} ${res.text}`);
    const slots = res.json.filter((s) => s.available && s.remaining > 0);
    if (!best || slots.length > best.slots.length) best = {...candidate, slots};
  }
  return {agentId, campaignId: campaign.id, contactId: best.contactId, phone: best.phone, slots: best.slots};
}

const body = (start, notes) => ({
  contactId: setup.contactId,
  phone: setup.phone,
  type: 'campaign',
  campaignId: setup.campaignId,
  start,
  timeZone: 'America/New_York',
  kind: 'callback',
  notes,
});

/** The agent's callbacks (every status) whose notes start with `prefix`, from any live instance. */
async function stored(prefix) {
  const live = instances.filter((i) => i.alive);
  const res = await clientFor(live).request(
    'GET',
    `/callbacks?agentId=${encodeURIComponent(setup.agentId)}&includeCanceled=true`,
  );
  if (res.status !== 200 || !Array.isArray(res.json)) throw new Error(`GET /callbacks: ${res.status} ${res.text}`);
  return res.json.filter((c) => typeof c.notes === 'string' && c.notes.startsWith(prefix));
}

async function cancelAll(ids) {
  const api = clientFor(instances.filter((i) => i.alive));
  await pool(
    [...ids].map((id, n) => () => api.request('DELETE', `/callbacks/${encodeURIComponent(id)}`, {instance: n})),
    CONCURRENCY,
  );
}

/** Seats (slot starts, one per free seat) not used yet, taken in order. */
let seatCursor = 0;
function takeSeats(count) {
  const seats = [];
  for (const slot of setup.slots) {
    for (let s = 0; s < slot.remaining; s++) seats.push(slot.start);
  }
  const taken = seats.slice(seatCursor, seatCursor + count);
  if (taken.length < count) throw new Error(`only ${seats.length - seatCursor} free seats left, ${count} needed`);
  seatCursor += count;
  return taken;
}

// -------------------------------------------------------------------------------------------------- phases

/** Phase 1: `BOOKINGS` bookings of distinct seats over the first `k` instances. */
async function throughput(k) {
  const api = clientFor(instances.slice(0, k));
  const seats = takeSeats(BOOKINGS);
  const notes = marker(`throughput-${k}`);
  const latencies = [];
  const started = performance.now();
  const answers = await pool(
    seats.map((start, n) => async () => {
      const res = await api.request('POST', '/callbacks', {
        body: body(start, `${notes} ${n}`),
        key: newKey(),
        instance: n,
      });
      latencies.push(res.ms);
      return res;
    }),
    CONCURRENCY,
  );
  const seconds = (performance.now() - started) / 1000;
  const created = answers.filter((r) => r.status === 201);
  const other = answers.filter((r) => r.status !== 201);
  if (other.length) {
    const sample = other.slice(0, 3).map((r) => `${r.status} ${r.text.slice(0, 160)}`);
    violation(
      `throughput on ${k} instance(s): ${other.length} of ${BOOKINGS} bookings of free seats failed: ${sample.join(' | ')}`,
    );
  }
  latencies.sort((a, b) => a - b);
  const result = {
    instances: k,
    bookings: created.length,
    seconds,
    perSecond: created.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
  };
  log(
    `throughput, ${k} instance(s): ${created.length} bookings in ${seconds.toFixed(2)} s = ${result.perSecond.toFixed(1)}/s ` +
      `(p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, ${CONCURRENCY} in flight)`,
  );
  await cancelAll(created.map((r) => r.json.id));
  return result;
}

/** Phase 2: `CONTENTION` concurrent bookings for the last seats of one slot, some retried with the same key. */
async function contention() {
  const api = clientFor(instances);
  const slot = setup.contentionSlot;
  const notes = marker('contention');
  // Take all seats but the last two, so that the crowd fights for those.
  const pre = slot.remaining - 2;
  for (let n = 0; n < pre; n++) {
    const res = await api.request('POST', '/callbacks', {body: body(slot.start, `${notes} pre-${n}`), key: newKey()});
    if (res.status !== 201) violation(`contention: pre-booking seat ${n + 1}: ${res.status} ${res.text}`);
  }
  const last = slot.remaining - pre;
  const requests = Array.from({length: CONTENTION}, (_, n) => ({key: newKey(), notes: `${notes} ${n}`}));
  const sends = [];
  requests.forEach((r, n) => {
    sends.push({...r, instance: n});
    // A retry of the same intent (same key and body) racing the first attempt, on another instance.
    if (n < RETRIED) sends.push({...r, instance: n + 1});
  });
  const started = performance.now();
  const answers = await Promise.all(
    sends.map(async (s) => ({
      ...s,
      res: await api.request('POST', '/callbacks', {body: body(slot.start, s.notes), key: s.key, instance: s.instance}),
    })),
  );
  const seconds = (performance.now() - started) / 1000;
  const byKey = new Map();
  for (const a of answers) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a.res]);
  const winners = new Set();
  for (const [key, list] of byKey) {
    const ids = new Set(list.filter((r) => r.status === 201).map((r) => r.json.id));
    if (ids.size > 1) violation(`contention: key ${key} got two callbacks: ${[...ids].join(', ')}`);
    ids.forEach((id) => winners.add(id));
    const odd = list.filter((r) => r.status !== 201 && r.status !== 409);
    if (odd.length)
      violation(`contention: key ${key}: ${odd.map((r) => `${r.status} ${r.text.slice(0, 120)}`).join('; ')}`);
  }
  if (winners.size > last) violation(`contention: ${winners.size} callbacks for the last ${last} seat(s)`);
  if (winners.size < last)
    violation(`contention: only ${winners.size} of the last ${last} seat(s) were booked by ${CONTENTION} requests`);
  const rows = (await stored(notes)).filter((c) => c.status !== 'canceled');
  const inSlot = rows.filter((c) => Date.parse(c.start) === Date.parse(slot.start));
  if (inSlot.length !== pre + last)
    violation(`contention: GET /callbacks shows ${inSlot.length} callbacks in the slot, seats ${pre + last}`);
  const perKey = new Map();
  for (const c of rows) {
    const n = c.notes.slice(notes.length + 1);
    perKey.set(n, (perKey.get(n) ?? 0) + 1);
  }
  const doubled = [...perKey].filter(([, count]) => count > 1);
  if (doubled.length) violation(`contention: duplicate callbacks for ${doubled.map(([n]) => n).join(', ')}`);
  const q = new URLSearchParams({
    from: slot.start,
    to: new Date(Date.parse(slot.start) + 60_000).toISOString(),
    type: 'campaign',
    campaignId: setup.campaignId,
  });
  const now = await api.request('GET', `/availability?${q}`);
  const after = Array.isArray(now.json) ? now.json[0] : undefined;
  if (!after || after.available !== false || after.remaining !== 0)
    violation(`contention: availability afterwards ${JSON.stringify(after)}`);
  const statuses = new Map();
  for (const a of answers) statuses.set(a.res.status, (statuses.get(a.res.status) ?? 0) + 1);
  log(
    `contention: ${sends.length} requests (${CONTENTION} intents, ${RETRIED} sent twice) over ${INSTANCES} instance(s) ` +
      `for the last ${last} seat(s) in ${seconds.toFixed(2)} s: ${[...statuses].map(([s, n]) => `${n}x${s}`).join(', ')}; ` +
      `${winners.size} callback(s), slot ${pre + last}/${slot.capacity}`,
  );
  await cancelAll(rows.map((c) => c.id));
  return {requests: sends.length, seats: last, booked: winners.size};
}

/** Phase 3: bookings while an instance is killed with SIGKILL; every 201 must survive, no key doubled. */
async function crash() {
  const victim = instances[instances.length - 1];
  const count = BOOKINGS;
  const seats = takeSeats(count);
  const notes = marker('crash');
  const intents = seats.map((start, n) => ({key: newKey(), body: body(start, `${notes} ${n}`)}));
  const answered = new Map();
  let done = 0;
  let killed;
  let restarted;
  const killAt = Math.floor(count / 3);
  let unanswered = 0;
  const attempt = async (intent, n) => {
    for (let tries = 0; tries < 40; tries++) {
      let live = instances.filter((i) => i.alive);
      while (live.length === 0) {
        // The lone instance is down: wait for its restart (not counted as a try).
        await (restarted ?? killed);
        live = instances.filter((i) => i.alive);
      }
      const target = live[(n + tries) % live.length];
      try {
        const res = await clientFor([target]).request('POST', '/callbacks', {body: intent.body, key: intent.key});
        if (res.status === 201) return res;
        if (res.status < 500) return res;
      } catch {
        // No answer (the instance died mid-request): the outcome is unknown; retry with the same key.
        unanswered++;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * (tries + 1)));
    }
    return undefined;
  };
  const started = performance.now();
  await pool(
    intents.map((intent, n) => async () => {
      const res = await attempt(intent, n);
      answered.set(intent.key, res);
      done++;
      if (done === killAt && !killed) {
        killed = victim.kill9().then(() => {
          log(`crash: instance ${victim.index} killed with SIGKILL after ${killAt} answers`);
          if (INSTANCES === 1) restarted = victim.start();
          return restarted;
        });
      }
      return res;
    }),
    CONCURRENCY,
  );
  await killed;
  const seconds = (performance.now() - started) / 1000;
  const ok = [...answered.entries()].filter(([, r]) => r?.status === 201);
  const lost = [...answered.entries()].filter(([, r]) => !r || r.status !== 201);
  if (lost.length) {
    violation(
      `crash: ${lost.length} intents never got a 201 (${lost
        .slice(0, 3)
        .map(([, r]) => (r ? `${r.status} ${r.text.slice(0, 120)}` : 'no answer'))
        .join(' | ')})`,
    );
  }
  const rows = await stored(notes);
  const byId = new Map(rows.map((c) => [c.id, c]));
  const missing = ok.filter(([, r]) => !byId.has(r.json.id) || byId.get(r.json.id).status !== 'scheduled');
  if (missing.length)
    violation(
      `crash: ${missing.length} callbacks answered 201 are missing afterwards: ${missing
        .slice(0, 5)
        .map(([, r]) => r.json.id)
        .join(', ')}`,
    );
  const perKey = new Map();
  for (const c of rows) perKey.set(c.notes, (perKey.get(c.notes) ?? 0) + 1);
  const doubled = [...perKey].filter(([, n]) => n > 1);
  if (doubled.length)
    violation(
      `crash: ${doubled.length} intents have two callbacks (${doubled
        .slice(0, 3)
        .map(([n]) => n)
        .join(', ')})`,
    );
  log(
    `crash: ${count} bookings, instance ${victim.index} SIGKILLed after ${killAt}${INSTANCES === 1 ? ' and restarted' : ''}; ` +
      `${unanswered} requests got no answer and were retried with their key; ` +
      `${ok.length} answered 201, ${ok.length - missing.length} of them found afterwards, ${rows.length} stored, ` +
      `${doubled.length} doubled (${seconds.toFixed(1)} s)`,
  );
  await cancelAll(rows.map((c) => c.id));
  if (unanswered === 0) violation('crash: no request was cut off by the kill; the crash was not mid-load');
  return {bookings: count, created: ok.length, missing: missing.length, unanswered};
}

// --------------------------------------------------------------------------------------------------- report

const SECTION = '## Reference backend: bookings per second';

/** Replaces this storage's rows in the BENCHMARKS.md section (keeping other storages' rows), or appends it. */
function writeBenchmarks(results, contended, crashed) {
  const file = path.join(root, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(SECTION);
  const end = start === -1 ? -1 : text.indexOf('\n## ', start + SECTION.length);
  const old = start === -1 ? '' : text.slice(start, end === -1 ? undefined : end);
  const storage = {postgres: 'PostgreSQL 15', pglite: 'PGlite (embedded)', memory: 'PGlite in memory'}[STORAGE];
  const rowRe = /^\| (PostgreSQL 15|PGlite \(embedded\)|PGlite in memory) \| (\d+) \|.*$/gm;
  const rows = new Map([...old.matchAll(rowRe)].map((m) => [`${m[1]}|${m[2]}`, m[0]]));
  const date = new Date().toISOString().slice(0, 10);
  const order = ['PGlite in memory', 'PGlite (embedded)', 'PostgreSQL 15'];
  for (const r of results) {
    rows.set(
      `${storage}|${r.instances}`,
      `| ${storage} | ${r.instances} | **${r.perSecond.toFixed(1)}** | ${r.p50.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.bookings} | ${date} |`,
    );
  }
  const sorted = [...rows.entries()]
    .sort(([a], [b]) => {
      const [sa, ia] = a.split('|');
      const [sb, ib] = b.split('|');
      return order.indexOf(sa) - order.indexOf(sb) || Number(ia) - Number(ib);
    })
    .map(([, row]) => row);
  const checkRe = /^- (PostgreSQL 15|PGlite \(embedded\)|PGlite in memory), .*$/gm;
  const checks = new Map([...old.matchAll(checkRe)].map((m) => [m[1], m[0]]));
  checks.set(
    storage,
    `- ${storage}, ${INSTANCES} instance(s), ${date}: ${contended.requests} concurrent requests (${RETRIED} retried with the same key) ` +
      `for the last ${contended.seats} seats of a slot -> ${contended.booked} callback(s), no key doubled; ` +
      (crashed
        ? `${crashed.bookings} bookings with ${INSTANCES > 1 ? 'one instance' : 'the instance'} killed by SIGKILL mid-load` +
          `${INSTANCES > 1 ? '' : ' (restarted on its data)'}, ${crashed.unanswered} requests cut off and retried with their key ` +
          `-> ${crashed.created} answered 201, ${crashed.missing} missing afterwards, no key doubled.`
        : 'crash phase not run.'),
  );
  const sortedChecks = [...checks.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([, line]) => line);
  const cpu = os.cpus();
  const section = [
    SECTION,
    '',
    'Generated by `node test/load/load.mjs` (`--instances 2` with `DATABASE_URL` for PostgreSQL; PGlite runs in one',
    'process). Each row: bookings of distinct free seats (`POST /callbacks`, campaign callbacks, a fresh',
    `Idempotency-Key each), ${CONCURRENCY} in flight, spread round-robin over the instances; latency per request.`,
    'The instances, the database and the load generator share one machine over loopback, so a second instance adds',
    'no CPU: the figures compare configurations on this machine, they are not a capacity plan. Other work shares',
    'the machine (see the load average below): repeated runs vary by 2x or more, so compare rows of one day only.',
    '',
    '| Storage | Instances | Bookings/s | p50 | p95 | Bookings | Date |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...sorted,
    '',
    'Correctness under load (latest run per storage; the run exits 1 on any violation):',
    '',
    ...sortedChecks,
    '',
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, loopback only; ` +
      `load average ${loadBefore.toFixed(1)} before the run, ${os.loadavg()[0].toFixed(1)} after (other work shares the machine).`,
    '',
  ].join('\n');
  const next =
    start === -1
      ? `${text.replace(/\n*$/, '\n')}\n${section}`
      : `${text.slice(0, start)}${section}${end === -1 ? '' : text.slice(end)}`;
  writeFileSync(file, next);
  log(`BENCHMARKS.md: section "${SECTION.slice(3)}" updated`);
}

// ----------------------------------------------------------------------------------------------------- main

const loadBefore = os.loadavg()[0];

async function main() {
  log(`load test: ${STORAGE}, ${INSTANCES} instance(s), ${BOOKINGS} bookings per phase, ${CONCURRENCY} in flight`);
  await Promise.all(instances.map((i) => i.start()));
  log(`instances: ${instances.map((i) => i.url).join(', ')}`);
  setup = await discover(clientFor(instances));
  const seats = setup.slots.reduce((n, s) => n + s.remaining, 0);
  log(
    `booking ${setup.phone} (${setup.contactId}) in ${setup.campaignId}: ${setup.slots.length} free slots, ${seats} seats`,
  );
  // The contention slot is kept apart from the seats the other phases book: the last fresh one with 2+ seats.
  const index = setup.slots.findLastIndex((s) => s.remaining >= 2 && s.remaining === s.capacity);
  if (index === -1) throw new Error('no free slot with 2+ seats for the contention phase');
  [setup.contentionSlot] = setup.slots.splice(index, 1);
  const results = [];
  for (let k = 1; k <= INSTANCES; k++) results.push(await throughput(k));
  const contended = await contention();
  let crashed;
  if (STORAGE === 'memory' || STORAGE === 'external' || values['no-crash']) log('crash: skipped');
  else crashed = await crash();
  if (values['no-write'] || STORAGE === 'external') return;
  if (violations.length) log('BENCHMARKS.md not written: there were violations');
  else writeBenchmarks(results, contended, crashed);
  return results;
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await Promise.all(instances.map((i) => i.stop()));
  if (dataDir) rmSync(dataDir, {recursive: true, force: true});
}
if (violations.length) {
  console.error(`\n${violations.length} violation(s):\n- ${violations.join('\n- ')}`);
  exitCode = 1;
} else if (exitCode === 0) {
  log('\nno violation');
}
process.exit(exitCode);
