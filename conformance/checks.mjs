// The checks of the callback-kit REST conformance suite (api/openapi.yaml). Plain Node 20 ESM, no dependencies.
//
// Every check discovers what it needs through the API (the agent's campaigns, contacts, a bookable slot from
// GET /availability), books its own callbacks, marked with a `notes` text unique to the run and the check, and
// cancels them afterwards. A check passes, fails or is skipped (with the reason); `runConformance` runs them in
// order and never throws for a misbehaving server.
import {Api, EventStream, frameData, newKey} from './http.mjs';

/** Thrown by a check that fails: `message` says what the server did wrong. */
export class CheckFailure extends Error {}
/** Thrown by a check that cannot apply to this server (no auth, no second token...): `message` says why. */
export class CheckSkip extends Error {}

const fail = (message) => {
  throw new CheckFailure(message);
};
const skip = (message) => {
  throw new CheckSkip(message);
};

/** Throws a `CheckFailure` with `message` unless `condition` holds. */
function expect(condition, message) {
  if (!condition) fail(typeof message === 'function' ? message() : message);
}

/** A short description of an HTTP answer for failure messages: status, code and message. */
export function describe(res) {
  if (!res) return 'no answer';
  const body = res.json;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const parts = [body.code, body.reason, body.message].filter((v) => typeof v === 'string' && v);
    const fields = Array.isArray(body.fieldErrors)
      ? body.fieldErrors.map((f) => `${f?.field}:${f?.code}`).join(',')
      : '';
    return `${res.status}${parts.length ? ` ${parts.join(' / ')}` : ''}${fields ? ` [${fields}]` : ''}`;
  }
  const text = res.text.length > 120 ? `${res.text.slice(0, 120)}...` : res.text;
  return `${res.status}${text ? ` ${JSON.stringify(text)}` : ''}`;
}

/** Counts statuses: `{201: 3, 409: 17}` as "3x201, 17x409". */
function histogram(responses) {
  const counts = new Map();
  for (const r of responses) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${n}x${status}`)
    .join(', ');
}

const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const hasMessage = (res) =>
  isObject(res.json) && typeof res.json.message === 'string' && res.json.message.trim() !== '';
const fieldCodes = (res) => (Array.isArray(res.json?.fieldErrors) ? res.json.fieldErrors.map((f) => f?.code) : []);

/** How far ahead slots are looked for: far enough not to become past during the run, near enough to be bookable. */
const SLOT_LEAD_MS = 90 * 60_000;
const SLOT_RANGE_DAYS = 8;

/**
 * The shared state of one run: clients, what discovery found, the slots claimed by checks and the callbacks
 * each check created (canceled by `cleanup`).
 */
class Context {
  constructor(options) {
    this.options = options;
    this.api = new Api({baseUrls: options.baseUrls, token: options.token});
    this.other = options.otherToken ? new Api({baseUrls: options.baseUrls, token: options.otherToken}) : undefined;
    this.runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.eventTimeoutMs = options.eventTimeoutMs ?? 10_000;
    this.created = new Set();
    this.claimed = new Set();
    /** Undefined until the auth check ran: whether the server refused a request without a token. */
    this.serverHasAuth = undefined;
    this.targets = undefined;
    this.instance = 0;
  }

  /** The `notes` that mark the callbacks of one check of this run. */
  marker(checkId) {
    return `callback-kit-conformance ${this.runId} ${checkId}`;
  }

  /** The next instance index (round-robin over the base URLs). */
  nextInstance() {
    return this.instance++;
  }

  // ------------------------------------------------------------------------------------------- discovery

  async discover() {
    const {api, options} = this;
    this.agent = await this.#discoverAgent();
    const agentId = encodeURIComponent(this.agent.id);
    const campaigns = await api.request('GET', `/campaigns?agentId=${agentId}`);
    expect(
      campaigns.status === 200 && Array.isArray(campaigns.json),
      () => `GET /campaigns?agentId=${this.agent.id} answered ${describe(campaigns)}, not a JSON array`,
    );
    this.campaigns = campaigns.json.filter((c) => isObject(c) && typeof c.id === 'string' && c.status !== 'completed');
    if (options.campaignId) this.campaigns.unshift({id: options.campaignId});
    this.contacts = await this.#discoverContacts();
    expect(
      this.contacts.length > 0,
      'found no contact: GET /contacts is not offered and the agent has no callbacks; pass --contact-id',
    );
    return `agent ${this.agent.id}, ${this.campaigns.length} campaign(s), ${this.contacts.length} contact(s)`;
  }

  async #discoverAgent() {
    const {api, options} = this;
    let agent;
    if (options.agentId) agent = {id: options.agentId};
    const me = await api.request('GET', '/me');
    if (me.status === 200 && isObject(me.json)) {
      const found = isObject(me.json.agent) ? me.json.agent : me.json;
      const id = typeof found.id === 'string' ? found.id : found.agentId;
      if (typeof id === 'string' && (!agent || agent.id === id)) agent = {...found, id};
    }
    if (!agent) {
      // No GET /me: the one agent of GET /agents whose own campaigns the token may read.
      const agents = await api.request('GET', '/agents');
      const list = agents.status === 200 && Array.isArray(agents.json) ? agents.json.filter((a) => isObject(a)) : [];
      const readable = [];
      for (const candidate of list.length > 1 ? list : []) {
        const res = await api.request('GET', `/campaigns?agentId=${encodeURIComponent(candidate.id)}`);
        if (res.status === 200) readable.push(candidate);
      }
      if (list.length === 1) agent = list[0];
      else if (readable.length === 1) agent = readable[0];
    }
    if (!agent?.id) {
      fail('cannot tell which agent the token belongs to (no GET /me, GET /agents is ambiguous): pass --agent-id');
    }
    if (!agent.timeZone) {
      const agents = await api.request('GET', '/agents');
      const known = Array.isArray(agents.json) ? agents.json.find((a) => a?.id === agent.id) : undefined;
      agent = {...agent, timeZone: known?.timeZone};
    }
    return {...agent, timeZone: typeof agent.timeZone === 'string' ? agent.timeZone : 'America/New_York'};
  }

  async #discoverContacts() {
    const {api, options} = this;
    const ids = [...(options.contactIds ?? [])];
    const listed = await api.request('GET', '/contacts');
    let contacts = [];
    if (listed.status === 200 && Array.isArray(listed.json)) contacts = listed.json.filter((c) => isObject(c));
    // Without GET /contacts: the contacts of the agent's callbacks (their numbers at least).
    const phonesOf = new Map();
    if (contacts.length === 0) {
      const agentId = encodeURIComponent(this.agent.id);
      const mine = await api.request('GET', `/callbacks?agentId=${agentId}&includeCanceled=true`);
      if (mine.status === 200 && Array.isArray(mine.json)) {
        for (const c of mine.json) {
          if (typeof c?.contactId !== 'string' || typeof c.phone !== 'string') continue;
          if (!ids.includes(c.contactId)) ids.push(c.contactId);
          const numbers = phonesOf.get(c.contactId) ?? new Set();
          phonesOf.set(c.contactId, numbers.add(c.phone));
        }
      }
    }
    for (const id of ids) {
      if (contacts.some((c) => c.id === id)) continue;
      const one = await api.request('GET', `/contacts/${encodeURIComponent(id)}`);
      if (one.status === 200 && isObject(one.json)) contacts.push(one.json);
      else if (phonesOf.has(id)) {
        contacts.push({id, phones: [...phonesOf.get(id)].map((number) => ({number, type: 'other'}))});
      }
    }
    return contacts.filter((c) => typeof c.id === 'string' && Array.isArray(c.phones) && c.phones.length > 0);
  }

  // ------------------------------------------------------------------------------------------------ slots

  /** `from`/`to` of the range where checks look for slots. */
  range() {
    const from = new Date(Date.now() + SLOT_LEAD_MS);
    const to = new Date(from.getTime() + SLOT_RANGE_DAYS * 86_400_000);
    return {from: from.toISOString(), to: to.toISOString()};
  }

  /** GET /availability for one target (contact and phone); the slots, or a failure. */
  async availability({type, campaignId, contactId, phone}, from, to) {
    const q = new URLSearchParams({from, to, type});
    if (campaignId) q.set('campaignId', campaignId);
    if (type === 'personal') q.set('agentId', this.agent.id);
    if (phone) q.set('phone', phone);
    if (contactId) q.set('contactId', contactId);
    const res = await this.api.request('GET', `/availability?${q}`);
    expect(
      res.status === 200 && Array.isArray(res.json),
      () => `GET /availability?${q} answered ${describe(res)}, not a JSON array`,
    );
    return res.json;
  }

  /** Every contact phone, the phones without a contact window first (their slots follow the legal window only). */
  phones() {
    const list = [];
    for (const contact of this.contacts) {
      for (const phone of contact.phones) {
        if (typeof phone?.number === 'string') list.push({contact, phone});
      }
    }
    const windowed = (p) => (p.phone.contactFrom || p.phone.contactUntil ? 1 : 0);
    return list.sort((a, b) => windowed(a) - windowed(b));
  }

  /**
   * A bookable slot no other check of this run has used: `{type, campaignId, contactId, phone, start, slot}`.
   * `type` campaign needs a campaign of the agent; personal is owned by the agent.
   */
  async claimSlot(type = 'campaign') {
    const campaignId = type === 'campaign' ? this.campaigns[0]?.id : undefined;
    if (type === 'campaign' && !campaignId) fail('the agent has no campaign that is not completed (GET /campaigns)');
    const {from, to} = this.range();
    let fallback;
    for (const {contact, phone} of this.phones()) {
      const target = {type, campaignId, contactId: contact.id, phone: phone.number};
      const slots = await this.availability(target, from, to);
      for (const slot of slots) {
        if (!slot?.available || this.claimed.has(slot.start)) continue;
        if (typeof slot.remaining === 'number' && slot.remaining < 1) continue;
        const fresh = slot.remaining === undefined || slot.capacity === undefined || slot.remaining === slot.capacity;
        if (fresh) {
          this.claimed.add(slot.start);
          return {...target, start: slot.start, slot};
        }
        fallback ??= {...target, start: slot.start, slot};
      }
      if (fallback) break;
    }
    if (!fallback) fail(`no available ${type} slot in the next ${SLOT_RANGE_DAYS} days for any contact phone`);
    this.claimed.add(fallback.start);
    return fallback;
  }

  /** The slot starting at `start` as GET /availability shows it now (undefined when not listed). */
  async slotNow(target, start = target.start) {
    const to = new Date(Date.parse(start) + 60_000).toISOString();
    const slots = await this.availability(target, start, to);
    return slots.find((s) => Date.parse(s.start) === Date.parse(start));
  }

  /** A `CallbackRequest` for a claimed target, marked with the check's notes. */
  body(target, notes, extra = {}) {
    return {
      contactId: target.contactId,
      phone: target.phone,
      type: target.type,
      ...(target.type === 'campaign' ? {campaignId: target.campaignId} : {ownerAgentId: this.agent.id}),
      start: target.start,
      timeZone: this.agent.timeZone,
      kind: 'callback',
      notes,
      ...extra,
    };
  }

  /** POST /callbacks; remembers a created callback for cleanup. */
  async book(body, {key = newKey(), instance, api = this.api} = {}) {
    const res = await api.request('POST', '/callbacks', {body, key, instance: instance ?? this.nextInstance()});
    if (res.status >= 200 && res.status < 300 && typeof res.json?.id === 'string') this.created.add(res.json.id);
    return res;
  }

  /** The agent's callbacks (GET /callbacks) whose notes start with `marker`. */
  async marked(marker, {includeCanceled = false} = {}) {
    const q = `agentId=${encodeURIComponent(this.agent.id)}${includeCanceled ? '&includeCanceled=true' : ''}`;
    const res = await this.api.request('GET', `/callbacks?${q}`, {instance: this.nextInstance()});
    expect(
      res.status === 200 && Array.isArray(res.json),
      () => `GET /callbacks?${q} answered ${describe(res)}, not a JSON array`,
    );
    return res.json.filter((c) => typeof c?.notes === 'string' && c.notes.startsWith(marker));
  }

  /** DELETE /callbacks/{id}: fails the check unless 204. */
  async cancel(id) {
    const res = await this.api.request('DELETE', `/callbacks/${encodeURIComponent(id)}`, {
      instance: this.nextInstance(),
    });
    expect(res.status === 204, () => `DELETE /callbacks/${id} answered ${describe(res)}, expected 204`);
    this.created.delete(id);
  }

  /** Cancels every callback the current check created (best effort). */
  async cleanup() {
    const ids = [...this.created];
    this.created.clear();
    await Promise.all(
      ids.map((id) => this.api.request('DELETE', `/callbacks/${encodeURIComponent(id)}`).catch(() => undefined)),
    );
  }

  /** Opens an event stream on the stream instance (the last base URL). */
  openStream({token = this.options.token, lastEventId} = {}) {
    return EventStream.open(`${this.api.streamBase}/events`, {token, lastEventId});
  }

  /**
   * Opens a stream and waits (up to `waitMs`) for the id-only message the server sends at connect; returns
   * `{stream, first, id}`.
   */
  async connect({waitMs = this.eventTimeoutMs, ...o} = {}) {
    const stream = await this.openStream(o);
    expect(
      stream.status === 200 && stream.contentType.toLowerCase().startsWith('text/event-stream'),
      () =>
        `GET /events (Accept: text/event-stream) answered ${stream.status} "${stream.contentType}" ${stream.body ?? ''}`,
    );
    const first = await stream.waitFor(() => true, waitMs);
    return {stream, first, id: first?.id};
  }
}

/** Waits for the callback-changed frame of callback `id` with `status` (any status when undefined). */
function callbackFrame(stream, id, status, timeoutMs) {
  return stream.waitFor((f) => {
    const e = frameData(f);
    return (
      f.event === 'callback-changed' &&
      e?.type === 'callback-changed' &&
      e.callback?.id === id &&
      (status === undefined || e.callback.status === status)
    );
  }, timeoutMs);
}

/** Expects a 4xx answer with a JSON message (never 2xx, never 5xx). Cancels anything created by mistake. */
async function expectRefused(ctx, label, res) {
  if (res.status >= 200 && res.status < 300) {
    if (typeof res.json?.id === 'string') ctx.created.add(res.json.id);
    fail(`${label}: accepted (${res.status}); expected a 4xx refusal`);
  }
  expect(res.status >= 400 && res.status < 500, () => `${label}: ${describe(res)}; expected a 4xx with a message`);
  expect(hasMessage(res), () => `${label}: ${describe(res)} has no JSON body with a "message"`);
  return `${res.status}`;
}

// ---------------------------------------------------------------------------------------------------- checks

/**
 * @typedef {object} Check
 * @property {string} id Stable id (used by --only and in the JSON output).
 * @property {string} title What it verifies, one line.
 * @property {(ctx: Context) => Promise<string>} run Resolves with a detail on success; throws CheckFailure/CheckSkip.
 */

/** @type {Check[]} */
export const CHECKS = [
  {
    id: 'idempotency-replay',
    title: 'Same Idempotency-Key + same body: same callback, exactly one created',
    async run(ctx) {
      const marker = ctx.marker('idempotency-replay');
      const target = await ctx.claimSlot('campaign');
      const body = ctx.body(target, marker);
      const key = newKey();
      const first = await ctx.book(body, {key});
      expect(
        first.status === 201 && typeof first.json?.id === 'string',
        () => `first POST: ${describe(first)}, expected 201`,
      );
      const id = first.json.id;
      const again = await ctx.book(body, {key});
      expect(
        again.status >= 200 && again.status < 300 && again.json?.id === id,
        () => `replay: ${describe(again)} id ${again.json?.id}, expected 201 with the same callback ${id}`,
      );
      // Retries racing each other (a client retrying a request that timed out) also get the one callback.
      const racing = await Promise.all(Array.from({length: 6}, () => ctx.book(body, {key})));
      const odd = racing.filter((r) => !(r.status >= 200 && r.status < 300 && r.json?.id === id));
      expect(odd.length === 0, () => `6 parallel replays: ${odd.map(describe).join('; ')} (expected ${id} each time)`);
      const stored = await ctx.marked(marker);
      expect(
        stored.length === 1 && stored[0].id === id,
        () => `GET /callbacks shows ${stored.length} callback(s) for one key (${stored.map((c) => c.id).join(', ')})`,
      );
      return `8 POSTs with one key (6 in parallel) -> 1 callback ${id}`;
    },
  },
  {
    id: 'idempotency-reuse',
    title: 'Same Idempotency-Key + other body: 422 idempotency-key-reused, nothing created',
    async run(ctx) {
      const marker = ctx.marker('idempotency-reuse');
      const target = await ctx.claimSlot('campaign');
      const key = newKey();
      const first = await ctx.book(ctx.body(target, marker), {key});
      expect(first.status === 201, () => `first POST: ${describe(first)}, expected 201`);
      const other = await ctx.book(ctx.body(target, `${marker} changed`), {key});
      expect(other.status === 422, () => `same key, other notes: ${describe(other)}, expected 422`);
      expect(
        fieldCodes(other).includes('idempotency-key-reused'),
        () => `422 without the field error code idempotency-key-reused: ${describe(other)}`,
      );
      const stored = await ctx.marked(marker);
      expect(stored.length === 1, () => `GET /callbacks shows ${stored.length} callbacks, expected 1`);
      return '422 idempotency-key-reused; 1 callback';
    },
  },
  {
    id: 'slot-taken',
    title: 'Booking a full slot: 409 slot-unavailable (reason full)',
    async run(ctx) {
      const marker = ctx.marker('slot-taken');
      const target = await ctx.claimSlot('campaign');
      const slot = await ctx.slotNow(target);
      // Without "remaining" (optional in the contract), book until the first refusal.
      const known = typeof slot?.remaining === 'number';
      const seats = known ? slot.remaining : 100;
      if (seats > 100) skip(`the slot has ${seats} seats; this check fills at most 100`);
      let booked = 0;
      for (; booked < seats; booked++) {
        const res = await ctx.book(ctx.body(target, `${marker} ${booked}`));
        if (!known && res.status === 409) break;
        expect(res.status === 201, () => `booking seat ${booked + 1} of ${seats}: ${describe(res)}, expected 201`);
      }
      if (!known) {
        expect(booked < seats, () => `${seats} bookings of one slot were all accepted and it reports no "remaining"`);
        expect(booked > 0, 'the first booking of a free slot was refused');
      }
      const extra = await ctx.book(ctx.body(target, `${marker} extra`));
      expect(extra.status === 409, () => `booking seat ${booked + 1} of ${booked}: ${describe(extra)}, expected 409`);
      expect(
        extra.json?.code === 'slot-unavailable' && extra.json?.reason === 'full',
        () => `409 body: ${describe(extra)}; expected code slot-unavailable, reason full`,
      );
      expect(hasMessage(extra), '409 has no message');
      const after = await ctx.slotNow(target);
      expect(
        after && after.available === false && after.reason === 'full',
        () => `GET /availability afterwards: ${JSON.stringify(after)}; expected available false, reason full`,
      );
      return `${booked} seat(s) booked, the next one 409 full; availability says full`;
    },
  },
  {
    id: 'capacity-concurrent',
    title: 'Parallel bookings for a slot with N seats: exactly N 201s, the rest 409',
    async run(ctx) {
      const marker = ctx.marker('capacity-concurrent');
      const target = await ctx.claimSlot('campaign');
      const slot = await ctx.slotNow(target);
      const seats = slot?.remaining;
      if (typeof seats !== 'number') skip(`GET /availability gives no "remaining" seats: ${JSON.stringify(slot)}`);
      expect(seats >= 1, () => `the claimed slot has no seat left: ${JSON.stringify(slot)}`);
      const parallel = Math.max(ctx.options.concurrency ?? 20, seats + 5);
      const answers = await Promise.all(
        Array.from({length: parallel}, (_, i) => ctx.book(ctx.body(target, `${marker} ${i}`), {instance: i})),
      );
      const created = answers.filter((r) => r.status === 201);
      const refused = answers.filter((r) => r.status === 409);
      expect(
        created.length === seats && refused.length === parallel - seats,
        () => `${parallel} parallel POSTs for ${seats} seat(s): ${histogram(answers)}`,
      );
      const wrong = refused.filter((r) => r.json?.code !== 'slot-unavailable' || r.json?.reason !== 'full');
      expect(wrong.length === 0, () => `409 bodies: ${wrong.map(describe).join('; ')}; expected slot-unavailable/full`);
      const stored = await ctx.marked(marker);
      expect(stored.length === seats, () => `GET /callbacks shows ${stored.length} callbacks, expected ${seats}`);
      const after = await ctx.slotNow(target);
      expect(
        after && after.available === false && (after.remaining === undefined || after.remaining === 0),
        () => `GET /availability afterwards: ${JSON.stringify(after)}; expected a full slot`,
      );
      const instances = ctx.options.baseUrls.length;
      return `${parallel} parallel POSTs${instances > 1 ? ` over ${instances} instances` : ''}: ${histogram(answers)}; GET shows ${seats}`;
    },
  },
  {
    id: 'calling-window',
    title: "A slot outside calling hours in the customer's zone: refused with outside-calling-hours",
    async run(ctx) {
      const marker = ctx.marker('calling-window');
      const campaignId = ctx.campaigns[0]?.id;
      if (!campaignId) fail('the agent has no campaign that is not completed');
      const {from, to} = ctx.range();
      let found;
      for (const {contact, phone} of ctx.phones()) {
        const target = {type: 'campaign', campaignId, contactId: contact.id, phone: phone.number};
        const slots = await ctx.availability(target, from, to);
        const slot = slots.find((s) => s?.available === false && s.reason === 'outside-calling-hours');
        if (slot) {
          found = {...target, start: slot.start, local: localTime(slot.start, contact.timeZone)};
          break;
        }
      }
      if (!found) {
        skip(
          `no contact phone has a slot marked outside-calling-hours in the next ${SLOT_RANGE_DAYS} days ` +
            '(add a contact in a far zone, e.g. Europe/London or Pacific/Honolulu)',
        );
      }
      const res = await ctx.book(ctx.body(found, marker));
      if (res.status >= 200 && res.status < 300)
        fail(`booking ${found.start} for ${found.phone}: accepted (${res.status})`);
      expect(
        res.status === 409 || res.status === 422,
        () => `booking ${found.start} for ${found.phone}: ${describe(res)}, expected 409 or 422`,
      );
      const reasons = [res.json?.reason, ...fieldCodes(res)];
      expect(
        reasons.includes('outside-calling-hours'),
        () => `booking ${found.start} for ${found.phone}: ${describe(res)}; expected reason outside-calling-hours`,
      );
      expect(hasMessage(res), 'the refusal has no message');
      const stored = await ctx.marked(marker);
      expect(stored.length === 0, () => `GET /callbacks shows ${stored.length} callbacks after the refusal`);
      return `${found.phone} at ${found.start}${found.local ? ` (${found.local} local)` : ''}: ${res.status} outside-calling-hours`;
    },
  },
  {
    id: 'sse-connect',
    title: 'GET /events stream: text/event-stream, an id-only message with the newest event id at connect',
    async run(ctx) {
      const {stream, first} = await ctx.connect();
      try {
        expect(first, () => `nothing but comments within ${ctx.eventTimeoutMs} ms of connecting`);
        expect(
          first.id !== undefined && first.id !== '' && first.data === undefined,
          () => `the first message is ${JSON.stringify(first)}; expected an id-only message "id: <newest event id>"`,
        );
        return `connect message id: ${first.id}`;
      } finally {
        stream.close();
      }
    },
  },
  {
    id: 'sse-live',
    title: 'GET /events stream: callback-changed (with an id) after a booking and after its cancel',
    async run(ctx) {
      const marker = ctx.marker('sse-live');
      const target = await ctx.claimSlot('campaign');
      // The stream is registered once its headers arrived; the connect message is not needed here.
      const {stream} = await ctx.connect({waitMs: Math.min(3000, ctx.eventTimeoutMs)});
      try {
        const res = await ctx.book(ctx.body(target, marker), {instance: 0});
        expect(res.status === 201, () => `booking: ${describe(res)}, expected 201`);
        const id = res.json.id;
        const booked = await callbackFrame(stream, id, undefined, ctx.eventTimeoutMs);
        expect(booked, () => `no callback-changed for ${id} within ${ctx.eventTimeoutMs} ms${streamState(stream)}`);
        expect(booked.id, 'the callback-changed message has no id: field');
        await ctx.cancel(id);
        const canceled = await callbackFrame(stream, id, 'canceled', ctx.eventTimeoutMs);
        expect(canceled, () => `no callback-changed (canceled) for ${id} within ${ctx.eventTimeoutMs} ms`);
        const across = ctx.options.baseUrls.length > 1 ? ' (booked on the first instance, streamed from the last)' : '';
        return `event ${booked.id} (scheduled), ${canceled.id} (canceled)${across}`;
      } finally {
        stream.close();
      }
    },
  },
  {
    id: 'sse-resume',
    title: 'GET /events stream: Last-Event-ID replays the events made while disconnected, once, in order',
    async run(ctx) {
      const marker = ctx.marker('sse-resume');
      const target = await ctx.claimSlot('campaign');
      // 1. Dropped before any event: resume from the id sent at connect.
      const first = await ctx.connect();
      first.stream.close();
      expect(first.id, 'no id at connect: a client dropped before its first event cannot resume');
      const a = await ctx.book(ctx.body(target, `${marker} a`), {instance: 0});
      expect(a.status === 201, () => `booking: ${describe(a)}, expected 201`);
      await ctx.cancel(a.json.id);
      const second = await ctx.openStream({lastEventId: first.id});
      let lastSeen;
      try {
        expect(second.status === 200, () => `reconnect with Last-Event-ID ${first.id}: status ${second.status}`);
        const canceled = await callbackFrame(second, a.json.id, 'canceled', ctx.eventTimeoutMs);
        expect(
          canceled,
          () =>
            `after Last-Event-ID ${first.id}: the missed events of ${a.json.id} were not replayed${streamState(second)}`,
        );
        const mine = second.events().filter((e) => e.event?.callback?.id === a.json.id);
        expect(
          mine.length === 2 &&
            mine[0].event.callback.status === 'scheduled' &&
            mine[1].event.callback.status === 'canceled',
          () =>
            `replayed for ${a.json.id}: ${mine.map((e) => `${e.id}:${e.event.callback.status}`).join(', ')}; expected scheduled then canceled`,
        );
        const resync = second.frames.find((f) => f.event === 'resync');
        expect(!resync, 'a resync was sent although the missed events are retained');
        lastSeen = canceled.id;
      } finally {
        second.close();
      }
      // 2. Dropped after an event: resume from the last event id received, nothing repeated.
      const b = await ctx.book(ctx.body(target, `${marker} b`), {instance: 0});
      expect(b.status === 201, () => `booking: ${describe(b)}, expected 201`);
      const third = await ctx.openStream({lastEventId: lastSeen});
      try {
        const bFrame = await callbackFrame(third, b.json.id, 'scheduled', ctx.eventTimeoutMs);
        expect(bFrame, () => `after Last-Event-ID ${lastSeen}: the booking ${b.json.id} was not replayed`);
        const repeated = third.events().filter((e) => e.event?.callback?.id === a.json.id);
        expect(
          repeated.length === 0,
          () => `events already received were sent again: ${repeated.map((e) => e.id).join(', ')}`,
        );
        const ids = third.frames.filter((f) => f.data !== undefined).map((f) => f.id);
        expect(new Set(ids).size === ids.length, () => `duplicate event ids: ${ids.join(', ')}`);
      } finally {
        third.close();
      }
      await ctx.cancel(b.json.id);
      return `resumed from the connect id ${first.id} (2 missed events replayed) and from event ${lastSeen}`;
    },
  },
  {
    id: 'events-poll',
    title: 'GET /events?after=: {events, lastEventId}; after=lastEventId returns only newer events',
    async run(ctx) {
      const marker = ctx.marker('events-poll');
      const target = await ctx.claimSlot('campaign');
      const poll = (after) =>
        ctx.api.request('GET', `/events?after=${encodeURIComponent(after)}`, {
          instance: ctx.options.baseUrls.length - 1,
        });
      const start = await poll('');
      expect(
        start.status === 200 && Array.isArray(start.json?.events) && typeof start.json?.lastEventId === 'string',
        () => `GET /events?after= answered ${describe(start)}; expected {events: [], lastEventId: "<id>"}`,
      );
      expect(start.json.events.length === 0, 'GET /events?after= (empty) returned events; expected none');
      const res = await ctx.book(ctx.body(target, marker), {instance: 0});
      expect(res.status === 201, () => `booking: ${describe(res)}, expected 201`);
      const id = res.json.id;
      let cursor = start.json.lastEventId;
      let page;
      const deadline = Date.now() + ctx.eventTimeoutMs;
      let seen = [];
      while (Date.now() < deadline) {
        page = await poll(cursor);
        expect(
          page.status === 200 && Array.isArray(page.json?.events),
          () => `GET /events?after=${cursor}: ${describe(page)}`,
        );
        const events = page.json.events;
        for (const item of events) {
          expect(
            typeof item?.id === 'string' && isObject(item.event) && typeof item.event.type === 'string',
            () => `malformed page item ${JSON.stringify(item)}; expected {id, event: {type, ...}}`,
          );
        }
        if (events.length) {
          expect(
            page.json.lastEventId === events.at(-1).id,
            () => `lastEventId ${page.json.lastEventId} is not the id of the last event ${events.at(-1).id}`,
          );
        }
        seen = seen.concat(events);
        cursor = page.json.lastEventId;
        if (seen.some((e) => e.event.callback?.id === id)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const mine = seen.filter((e) => e.event.type === 'callback-changed' && e.event.callback?.id === id);
      expect(
        mine.length === 1,
        () => `polling after ${start.json.lastEventId}: ${mine.length} callback-changed for ${id}; expected 1`,
      );
      const next = await poll(cursor);
      expect(
        next.status === 200 && Array.isArray(next.json?.events),
        () => `GET /events?after=${cursor}: ${describe(next)}`,
      );
      const again = next.json.events.filter(
        (e) => e?.event?.callback?.id === id && e.event.callback.status === 'scheduled',
      );
      expect(again.length === 0, `GET /events?after=${cursor} returned the booking event again`);
      return `after=${start.json.lastEventId} -> event ${mine[0].id}; after=${cursor} -> nothing repeated`;
    },
  },
  {
    id: 'sse-resync',
    title: 'Resuming from an id the server cannot replay from: event resync first (polling: truncated)',
    async run(ctx) {
      // 1. An id the server never issued: it cannot know what was missed, so it must say so.
      const unknown = `conformance-unknown-${ctx.runId}`;
      const first = await firstEvent(ctx, unknown);
      expect(
        first?.event === 'resync' && frameData(first)?.type === 'resync',
        () =>
          `Last-Event-ID ${unknown}: first message ${JSON.stringify(first)}; expected event: resync, data {"type":"resync"}`,
      );
      expect(first.id, `Last-Event-ID ${unknown}: the resync message has no id: to resume from afterwards`);
      // 2. An id older than the retained window, when the server's window has been exceeded (polling says so).
      const page = await ctx.api.request('GET', '/events?after=0', {instance: ctx.options.baseUrls.length - 1});
      if (page.status !== 200 || page.json?.truncated !== true) {
        const why =
          page.status === 200
            ? 'retained window not exceeded: GET /events?after=0 is not truncated'
            : `GET /events?after=0 answered ${page.status}`;
        return `unknown id -> resync (id ${first.id}); ${why}, so the window case was not checked`;
      }
      const old = await firstEvent(ctx, '0');
      expect(
        old?.event === 'resync' && frameData(old)?.type === 'resync',
        () =>
          `Last-Event-ID 0 (GET /events?after=0 is truncated): first message ${JSON.stringify(old)}; expected resync`,
      );
      return `unknown id -> resync (id ${first.id}); after=0 truncated and Last-Event-ID 0 -> resync`;
    },
  },
  {
    id: 'auth-missing-token',
    title: 'No Authorization: 401 on every route',
    async run(ctx) {
      if (!ctx.options.token) skip('no --token given');
      const answers = await unauthenticated(ctx, null);
      return judgeAuth(ctx, answers, 'without a token');
    },
  },
  {
    id: 'auth-bad-token',
    title: 'A wrong bearer token: 401',
    async run(ctx) {
      if (!ctx.options.token) skip('no --token given');
      const answers = await unauthenticated(ctx, `${ctx.options.token}-not-valid`);
      return judgeAuth(ctx, answers, 'with a wrong token');
    },
  },
  {
    id: 'auth-other-agent',
    title: "Another agent's token cannot read, change or cancel this agent's personal callback",
    async run(ctx) {
      if (!ctx.other) skip('no --other-token given');
      if (ctx.serverHasAuth === false) skip('server has no auth');
      const marker = ctx.marker('auth-other-agent');
      const target = await ctx.claimSlot('personal');
      const body = ctx.body(target, marker);
      const res = await ctx.book(body);
      expect(res.status === 201, () => `booking a personal callback: ${describe(res)}, expected 201`);
      const id = res.json.id;
      const path = `/callbacks/${encodeURIComponent(id)}`;
      const problems = [];
      const list = await ctx.other.request('GET', `/callbacks?agentId=${encodeURIComponent(ctx.agent.id)}`);
      if (list.status === 200) {
        if (!Array.isArray(list.json)) problems.push(`GET /callbacks: 200 but not an array`);
        else if (list.json.some((c) => c?.id === id)) problems.push(`GET /callbacks?agentId=${ctx.agent.id} lists it`);
      } else if (list.status !== 403 && list.status !== 404) problems.push(`GET /callbacks: ${describe(list)}`);
      const attempts = [
        ['PUT', path, {body: {...body, notes: `${marker} hijacked`}, key: newKey()}],
        ['POST', `${path}/status`, {body: {status: 'in-progress'}, key: newKey()}],
        ['DELETE', path, {}],
      ];
      for (const [method, url, o] of attempts) {
        const answer = await ctx.other.request(method, url, o);
        if (answer.status !== 403 && answer.status !== 404) problems.push(`${method} ${url}: ${describe(answer)}`);
      }
      const contact = await ctx.other.request('GET', `/contacts/${encodeURIComponent(target.contactId)}`);
      const stored = await ctx.marked(marker);
      if (stored.length !== 1 || stored[0].status !== 'scheduled' || stored[0].notes !== marker) {
        problems.push(`afterwards the owner sees ${JSON.stringify(stored.map((c) => [c.id, c.status, c.notes]))}`);
      }
      expect(problems.length === 0, () => `with the other agent's token: ${problems.join('; ')}`);
      return `list hides it (${list.status}), PUT/status/DELETE refused; GET /contacts/{id} ${contact.status}`;
    },
  },
  {
    id: 'validation-unknown-field',
    title: 'An unknown property in a CallbackRequest: 4xx with a message, nothing booked',
    async run(ctx) {
      const {target, marker} = await validationTarget(ctx, 'validation-unknown-field');
      const res = await ctx.book({...ctx.body(target, marker), priority: 'high'});
      const status = await expectRefused(ctx, 'unknown property "priority"', res);
      return `${status} ${res.json.message}`;
    },
  },
  {
    id: 'validation-time-zone',
    title: 'timeZone not an IANA name ("america/new_york", "+05:00"): 4xx with a message',
    async run(ctx) {
      const {target, marker} = await validationTarget(ctx, 'validation-time-zone');
      const out = [];
      for (const zone of ['america/new_york', '+05:00']) {
        const res = await ctx.book(ctx.body(target, marker, {timeZone: zone}));
        out.push(`${JSON.stringify(zone)} ${await expectRefused(ctx, `timeZone ${JSON.stringify(zone)}`, res)}`);
      }
      return out.join(', ');
    },
  },
  {
    id: 'validation-idempotency-key',
    title: 'A 10 KB Idempotency-Key, or none: 4xx with a message',
    async run(ctx) {
      const {target, marker} = await validationTarget(ctx, 'validation-idempotency-key');
      const huge = await ctx.book(ctx.body(target, marker), {key: 'k'.repeat(10 * 1024)});
      const a = await expectRefused(ctx, '10 KB Idempotency-Key', huge);
      const none = await ctx.api.request('POST', '/callbacks', {body: ctx.body(target, marker)});
      if (none.status === 201) ctx.created.add(none.json?.id);
      expect(none.status === 400, () => `no Idempotency-Key: ${describe(none)}; expected 400`);
      expect(hasMessage(none), 'no Idempotency-Key: no message');
      return `10 KB key ${a}, no key 400`;
    },
  },
  {
    id: 'validation-contact-window',
    title: 'newPhone.contactFrom "99:99": 4xx with a message',
    async run(ctx) {
      const {target, marker} = await validationTarget(ctx, 'validation-contact-window');
      const newPhone = {number: target.phone, type: 'mobile', contactFrom: '99:99', contactUntil: '18:00'};
      const res = await ctx.book(ctx.body(target, marker, {newPhone}));
      return `${await expectRefused(ctx, 'contactFrom "99:99"', res)} ${res.json.message}`;
    },
  },
  {
    id: 'validation-malformed',
    title: 'Unreadable JSON, a bad start instant, a missing field: 4xx with a message (never 5xx)',
    async run(ctx) {
      const {target, marker} = await validationTarget(ctx, 'validation-malformed');
      const body = ctx.body(target, marker);
      const {contactId: _dropped, ...withoutContact} = body;
      const cases = [
        ['unreadable JSON', '{"contactId": '],
        ['a JSON array', '[]'],
        ['start "tomorrow"', {...body, start: 'tomorrow'}],
        ['no contactId', withoutContact],
        ['phone "12"', {...body, phone: '12'}],
      ];
      const out = [];
      for (const [label, payload] of cases) {
        const res = await ctx.book(payload);
        out.push(`${label} ${await expectRefused(ctx, label, res)}`);
      }
      return out.join(', ');
    },
  },
  {
    id: 'contacts-get',
    title: 'GET /contacts/{id}: the contact; 404 for an unknown id',
    async run(ctx) {
      const known = ctx.contacts[0];
      const res = await ctx.api.request('GET', `/contacts/${encodeURIComponent(known.id)}`);
      expect(res.status === 200, () => `GET /contacts/${known.id}: ${describe(res)}, expected 200`);
      const c = res.json;
      expect(
        isObject(c) && c.id === known.id && typeof c.name === 'string' && Array.isArray(c.phones),
        () => `GET /contacts/${known.id}: ${res.text.slice(0, 200)}; expected {id, name, phones}`,
      );
      expect(
        c.phones.every((p) => typeof p?.number === 'string' && /^\+[1-9]\d{1,14}$/.test(p.number)),
        () => `phones are not E.164: ${JSON.stringify(c.phones)}`,
      );
      const unknown = `conformance-unknown-${ctx.runId}`;
      const missing = await ctx.api.request('GET', `/contacts/${encodeURIComponent(unknown)}`);
      expect(missing.status === 404, () => `GET /contacts/${unknown}: ${describe(missing)}, expected 404`);
      expect(hasMessage(missing), '404 has no message');
      return `${known.id} -> 200 (${c.phones.length} phone(s)); unknown id -> 404`;
    },
  },
  {
    id: 'callback-status',
    title: 'POST /callbacks/{id}/status with Idempotency-Key: changes the status once; replays, reuse, 404',
    async run(ctx) {
      const marker = ctx.marker('callback-status');
      const target = await ctx.claimSlot('campaign');
      const booked = await ctx.book(ctx.body(target, marker));
      expect(booked.status === 201, () => `booking: ${describe(booked)}, expected 201`);
      const id = booked.json.id;
      const path = `/callbacks/${encodeURIComponent(id)}/status`;
      const key = newKey();
      const first = await ctx.api.request('POST', path, {body: {status: 'in-progress'}, key});
      expect(
        first.status === 200 && first.json?.id === id && first.json?.status === 'in-progress',
        () => `POST ${path} {status: in-progress}: ${describe(first)}; expected 200 with the callback in-progress`,
      );
      const replay = await ctx.api.request('POST', path, {body: {status: 'in-progress'}, key, instance: 1});
      expect(
        replay.status === 200 && replay.json?.id === id && replay.json?.updatedAt === first.json.updatedAt,
        () => `replay with the same key: ${describe(replay)}; expected the first answer again`,
      );
      const reused = await ctx.api.request('POST', path, {body: {status: 'completed'}, key});
      expect(reused.status === 422, () => `same key, status completed: ${describe(reused)}; expected 422`);
      const noKey = await ctx.api.request('POST', path, {body: {status: 'due'}});
      expect(noKey.status === 400, () => `no Idempotency-Key: ${describe(noKey)}; expected 400`);
      const bad = await ctx.api.request('POST', path, {body: {status: 'exploded'}, key: newKey()});
      await expectRefused(ctx, 'status "exploded"', bad);
      const unknown = `/callbacks/conformance-unknown-${ctx.runId}/status`;
      const missing = await ctx.api.request('POST', unknown, {body: {status: 'due'}, key: newKey()});
      expect(missing.status === 404, () => `POST ${unknown}: ${describe(missing)}; expected 404`);
      const stored = await ctx.marked(marker);
      expect(
        stored.length === 1 && stored[0].status === 'in-progress',
        () => `GET /callbacks shows ${JSON.stringify(stored.map((c) => c.status))}; expected [in-progress]`,
      );
      return 'in-progress once; replay same answer; reuse 422; no key 400; unknown id 404';
    },
  },
];

/** The slot every validation check uses: bookable, so that a server ignoring the bad input would answer 201. */
async function validationTarget(ctx, checkId) {
  ctx.validation ??= await ctx.claimSlot('campaign');
  return {target: ctx.validation, marker: ctx.marker(checkId)};
}

/** The local wall time of an instant in a zone (`22:00`), or undefined without a zone. */
function localTime(instant, timeZone) {
  if (!timeZone) return undefined;
  try {
    return new Intl.DateTimeFormat('en-GB', {timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).format(
      new Date(instant),
    );
  } catch {
    return undefined;
  }
}

/** The first message with an event or data of a stream resumed from `lastEventId`. */
async function firstEvent(ctx, lastEventId) {
  const stream = await ctx.openStream({lastEventId});
  try {
    expect(
      stream.status === 200 && stream.contentType.toLowerCase().startsWith('text/event-stream'),
      () =>
        `GET /events with Last-Event-ID ${lastEventId}: ${stream.status} "${stream.contentType}" ${stream.body ?? ''}`,
    );
    return await stream.waitFor((f) => f.data !== undefined || f.event !== undefined, ctx.eventTimeoutMs);
  } finally {
    stream.close();
  }
}

function streamState(stream) {
  const events = stream.events().map((e) => `${e.id}:${e.type}`);
  return `; stream ${stream.ended ? 'ended' : 'open'}, got ${events.length ? events.join(' ') : 'no event'}`;
}

/** Every route, called with `token` (null: no Authorization). Returns `[label, answer]` pairs. */
async function unauthenticated(ctx, token) {
  const agentId = encodeURIComponent(ctx.agent.id);
  const {from, to} = ctx.range();
  const target = ctx.validation ?? (await ctx.claimSlot('campaign'));
  ctx.validation = target;
  const requests = [
    ['GET /callbacks', 'GET', `/callbacks?agentId=${agentId}`, {}],
    ['GET /campaigns', 'GET', `/campaigns?agentId=${agentId}`, {}],
    ['GET /availability', 'GET', `/availability?${new URLSearchParams({from, to, type: 'campaign'})}`, {}],
    ['GET /contacts/{id}', 'GET', `/contacts/${encodeURIComponent(ctx.contacts[0].id)}`, {}],
    ['POST /callbacks', 'POST', '/callbacks', {body: ctx.body(target, ctx.marker('auth')), key: newKey()}],
    ['GET /events?after=', 'GET', '/events?after=', {}],
  ];
  const answers = [];
  for (const [label, method, path, o] of requests) {
    const res = await ctx.api.request(method, path, {...o, token});
    if (res.status === 201 && typeof res.json?.id === 'string') ctx.created.add(res.json.id);
    answers.push([label, res]);
  }
  const stream = await EventStream.open(`${ctx.api.streamBase}/events`, {token});
  stream.close();
  answers.push(['GET /events (stream)', {status: stream.status, text: stream.body ?? '', json: parse(stream.body)}]);
  return answers;
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function judgeAuth(ctx, answers, how) {
  const open = answers.filter(([, r]) => r.status >= 200 && r.status < 300);
  if (open.length === answers.length) {
    ctx.serverHasAuth = false;
    if (ctx.options.requireAuth) fail(`every route answered ${how} (2xx): the server has no auth`);
    skip(`server has no auth: every route answered ${how}`);
  }
  ctx.serverHasAuth = true;
  const wrong = answers.filter(([, r]) => r.status !== 401);
  expect(
    wrong.length === 0,
    () => `${how}: ${wrong.map(([label, r]) => `${label} ${describe(r)}`).join('; ')}; expected 401`,
  );
  const silent = answers.filter(([label, r]) => label !== 'GET /events (stream)' && !hasMessage(r));
  expect(silent.length === 0, () => `401 without a JSON message: ${silent.map(([label]) => label).join(', ')}`);
  return `${answers.length} routes ${how}: 401`;
}

/**
 * @typedef {object} ConformanceOptions
 * @property {string[]} baseUrls One or more instances of the same deployment.
 * @property {string} [token] Bearer token of the agent under test.
 * @property {string} [otherToken] Bearer token of another agent (auth-other-agent).
 * @property {string} [agentId] The agent of `token` when the server has no GET /me.
 * @property {string[]} [contactIds] Contacts to use when the server has no GET /contacts.
 * @property {string} [campaignId] A campaign of the agent to book campaign callbacks in.
 * @property {boolean} [requireAuth] Fail (instead of skip) the auth checks when the server has no auth.
 * @property {number} [concurrency] Parallel bookings of capacity-concurrent (default 20, at least seats + 5).
 * @property {number} [eventTimeoutMs] How long to wait for an event (default 10 000).
 * @property {string[]} [only] Run only these check ids.
 * @property {(result: CheckResult) => void} [onResult] Called after every check.
 */

/**
 * @typedef {object} CheckResult
 * @property {string} id
 * @property {string} title
 * @property {'pass' | 'fail' | 'skip'} status
 * @property {string} detail
 * @property {number} ms
 */

/**
 * Runs the suite. Resolves with `{ok, results}`; `ok` is false when any check failed (skips do not count).
 * @param {ConformanceOptions} options
 * @returns {Promise<{ok: boolean, results: CheckResult[], runId: string}>}
 */
export async function runConformance(options) {
  const ctx = new Context(options);
  const results = [];
  const record = (result) => {
    results.push(result);
    options.onResult?.(result);
  };
  const started = performance.now();
  let discovered = false;
  try {
    const detail = await ctx.discover();
    discovered = true;
    record({
      id: 'discovery',
      title: 'Agent, campaigns and contacts found through the API',
      status: 'pass',
      detail,
      ms: performance.now() - started,
    });
  } catch (error) {
    record({
      id: 'discovery',
      title: 'Agent, campaigns and contacts found through the API',
      status: 'fail',
      detail: error.message,
      ms: performance.now() - started,
    });
  }
  for (const check of CHECKS) {
    if (options.only?.length && !options.only.includes(check.id)) continue;
    if (!discovered) {
      record({id: check.id, title: check.title, status: 'skip', detail: 'not run: discovery failed', ms: 0});
      continue;
    }
    const t0 = performance.now();
    let status = 'pass';
    let detail;
    try {
      detail = await check.run(ctx);
    } catch (error) {
      status = error instanceof CheckSkip ? 'skip' : 'fail';
      detail =
        error instanceof CheckFailure || error instanceof CheckSkip ? error.message : `error: ${error?.stack ?? error}`;
    }
    try {
      await ctx.cleanup();
    } catch {
      // best effort
    }
    record({id: check.id, title: check.title, status, detail: detail ?? '', ms: performance.now() - t0});
  }
  return {ok: results.every((r) => r.status !== 'fail'), results, runId: ctx.runId};
}

/** The results as a plain-text table (one row per check) and a summary line. */
export function formatTable(results) {
  const rows = results.map((r) => [r.status.toUpperCase(), r.id, `${Math.round(r.ms)} ms`, r.detail]);
  const head = ['RESULT', 'CHECK', 'TIME', 'DETAIL'];
  const widths = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ');
  const count = (s) => results.filter((r) => r.status === s).length;
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w)).concat('------')),
    ...rows.map(line),
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`,
  ].join('\n');
}
