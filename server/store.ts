/**
 * `SqlStore`: the reference server's scheduling logic on PostgreSQL (`server/db`). Every record lives in the
 * database; capacity and idempotency are enforced there (a transaction per write, an advisory lock per slot
 * and per idempotency key, a unique index for personal slots), so any number of server instances can share
 * one database.
 *
 * The scheduling rules are the kit's own: each decision is taken by a throwaway `MemoryBackend` loaded with
 * just the rows that matter (the contact, the bookings of the slot), so opening hours, slots, calling and
 * contact windows, `past`/`too-far-ahead` and every error message are exactly MemoryBackend's.
 */
import {randomUUID} from 'node:crypto';
import {MemoryBackend} from '../src/core/memory-backend.js';
import {
  NotFoundError,
  SlotUnavailableError,
  Temporal,
  ValidationError,
  resolvePolicy,
  type Agent,
  type AgentShift,
  type AvailabilityQuery,
  type BackendEvent,
  type Callback,
  type CallbackRequest,
  type CallbackStatusUpdate,
  type Campaign,
  type CampaignStatus,
  type Clock,
  type Contact,
  type LogoutDecision,
  type OpeningHours,
  type SchedulingPolicy,
  type Slot,
  type TimeZoneId,
} from '../src/core/index.js';
import {
  DEMO_AGENT_SHIFTS,
  DEMO_AGENTS,
  DEMO_CONTACTS,
  DEMO_OPENING_HOURS,
  DEMO_TIME_ZONE,
  demoCallbacks,
  demoCampaigns,
} from '../src/core/demo-data.js';
import type {Database, Queryable} from './db/index.js';

/** Who makes a request: an agent (sees their own and their campaigns' callbacks) or a supervisor (all). */
export interface Principal {
  agentId: string;
  role: 'agent' | 'supervisor';
}

/** In-process calls (tests, the `/__` routes) act as this supervisor. */
export const SYSTEM: Principal = Object.freeze({agentId: 'system', role: 'supervisor'});

/** The principal may not do this (HTTP 403). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** One entry of the durable event log. */
export interface LoggedEvent {
  id: number;
  event: BackendEvent;
  /** The agents who may receive it; null: every agent. Supervisors receive everything. */
  audience: string[] | null;
}

export interface SqlStoreOptions {
  db: Database;
  clock: Clock;
  /** The centre's zone (default America/New_York). */
  timeZone?: TimeZoneId;
  openingHours?: OpeningHours;
  /** Campaign callbacks per slot, shared by all campaigns (default 3). */
  slotCapacity?: number;
  policy?: Partial<SchedulingPolicy>;
  /**
   * Weekly shifts per agent id in the agent's zone (default `DEMO_AGENT_SHIFTS`): personal callbacks are bookable
   * only inside the owner's shifts; `GET /agents/{id}/shifts` answers them.
   */
  agentShifts?: Readonly<Record<string, OpeningHours>>;
  /** Events kept for resuming (default 1000); older ones are pruned and a resume from before them gets `resync`. */
  eventLogSize?: number;
}

/** The NOTIFY channel every instance LISTENs on; the payload is the newest event id. */
export const EVENT_CHANNEL = 'callback_kit_events';

const ACTIVE = `status in ('scheduled', 'due', 'in-progress')`;
const STATUS_UPDATES: readonly string[] = ['due', 'in-progress', 'completed', 'expired'];
/** Advisory lock namespaces (first key of the two-int form). */
const LOCK_SLOT = 7316101;
const LOCK_KEY = 7316102;
const LOCK_EVENTS = 7316103;
const LOCK_SEED = 7316104;
/** A started campaign goes `running` this long after its start (as MemoryBackend). */
const RUNNING_AFTER_MS = 30_000;
/** Availability is computed in chunks of this many days, yielding to other requests between them. */
const CHUNK_DAYS = 2;

/** JSON with sorted keys: equal requests give equal strings whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A 32-bit hash of a string (FNV-1a) for advisory lock keys. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));
const keyReused = () =>
  new ValidationError([
    {
      field: 'idempotencyKey',
      code: 'idempotency-key-reused',
      message: 'This idempotency key was already used for another request.',
    },
  ]);

interface DataRow {
  data: unknown;
  [column: string]: unknown;
}

/** The reference server's backend on PostgreSQL; see the module comment. */
export class SqlStore {
  readonly db: Database;
  readonly clock: Clock;
  readonly timeZone: TimeZoneId;
  readonly policy: SchedulingPolicy;
  #hours: OpeningHours;
  #slotCapacity: number;
  #logSize: number;
  #agentShifts: Readonly<Record<string, OpeningHours>>;
  /** Test and demo simulation of the dialer (per instance): call reservations, deferred logouts, campaign timers. */
  #reservations = new Map<string, {untilMs: number; campaignId?: string}>();
  #pendingLogouts = new Set<string>();
  #timeline: Array<{atMs: number; campaignId: string}> = [];
  /** Simulation steps run one after the other, in the order they were asked for. */
  #serial: Promise<unknown> = Promise.resolve();
  #stopClock: (() => void) | undefined;

  constructor(options: SqlStoreOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.timeZone = options.timeZone ?? DEMO_TIME_ZONE;
    this.#hours = options.openingHours ?? DEMO_OPENING_HOURS;
    this.#slotCapacity = options.slotCapacity ?? 3;
    this.policy = resolvePolicy(options.policy);
    this.#logSize = options.eventLogSize ?? 1000;
    this.#agentShifts = options.agentShifts ?? DEMO_AGENT_SHIFTS;
    // validates personalHandOffMinutes (a throwaway MemoryBackend refuses a bad value)
    this.#rules({});
    const stopSubscription = this.clock.subscribe?.(() => void this.tick());
    const interval = setInterval(() => {
      if (this.#timeline.length || this.#pendingLogouts.size) void this.tick();
      else if (this.policy.personalHandOffMinutes !== undefined) void this.handOff().catch(() => undefined);
    }, 1000);
    interval.unref();
    this.#stopClock = () => {
      stopSubscription?.();
      clearInterval(interval);
    };
  }

  /** Stops the clock subscription (the database stays open: its owner closes it). */
  dispose(): void {
    this.#stopClock?.();
    this.#stopClock = undefined;
  }

  // ------------------------------------------------------------------------------------------------ data

  /** Puts the demo data (relative to the clock's now) into an empty database. Returns whether it did. */
  async seedIfEmpty(): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock($1)`, [LOCK_SEED]);
      const [{count}] = await tx.query<{count: string | number}>(`select count(*)::int as count from agents`);
      if (Number(count) > 0) return false;
      await this.#seed(tx);
      return true;
    });
  }

  /** Deletes every record and event (event ids keep growing) and seeds the demo data again. */
  async reset(): Promise<void> {
    this.#reservations.clear();
    this.#pendingLogouts.clear();
    this.#timeline = [];
    await this.db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock($1)`, [LOCK_EVENTS]);
      for (const table of ['callbacks', 'campaigns', 'contacts', 'agents', 'idempotency_keys']) {
        await tx.query(`delete from ${table}`);
      }
      await tx.query(
        `update event_log_state set pruned_through = greatest(pruned_through, (select coalesce(max(id), 0) from events))`,
      );
      await tx.query(`delete from events`);
      await this.#seed(tx);
    });
  }

  async #seed(tx: Queryable): Promise<void> {
    const now = this.clock.now();
    for (const agent of DEMO_AGENTS) {
      await tx.query(`insert into agents (id, data) values ($1, $2::jsonb) on conflict do nothing`, [
        agent.id,
        JSON.stringify(agent),
      ]);
    }
    for (const contact of DEMO_CONTACTS) {
      const problem = contactProblem(contact);
      if (problem) throw new RangeError(`Seed contact "${contact.id}": ${problem}`);
      await tx.query(`insert into contacts (id, data) values ($1, $2::jsonb) on conflict do nothing`, [
        contact.id,
        JSON.stringify(contact),
      ]);
    }
    for (const campaign of demoCampaigns(now)) await this.#putCampaign(tx, campaign, true);
    for (const callback of demoCallbacks(now, this.timeZone)) await this.#putCallback(tx, callback, true);
  }

  async #putCampaign(tx: Queryable, campaign: Campaign, insert = false): Promise<void> {
    const sql = insert
      ? `insert into campaigns (id, data, agent_ids) values ($1, $2::jsonb, $3) on conflict do nothing`
      : `update campaigns set data = $2::jsonb, agent_ids = $3 where id = $1`;
    await tx.query(sql, [campaign.id, JSON.stringify(campaign), campaign.agentIds ?? []]);
  }

  async #putCallback(tx: Queryable, c: Callback, insert = false): Promise<void> {
    const params = [
      c.id,
      JSON.stringify(c),
      c.status,
      c.type,
      c.kind,
      c.ownerAgentId ?? null,
      c.campaignId ?? null,
      c.start,
      c.end ?? null,
    ];
    try {
      await tx.query(
        insert
          ? `insert into callbacks (id, data, status, type, kind, owner_agent_id, campaign_id, start_at, end_at)
             values ($1, $2::jsonb, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz)`
          : `update callbacks set data = $2::jsonb, status = $3, type = $4, kind = $5, owner_agent_id = $6,
             campaign_id = $7, start_at = $8::timestamptz, end_at = $9::timestamptz where id = $1`,
        params,
      );
    } catch (error) {
      // The unique index of personal slots: another instance booked the owner's slot first.
      if ((error as {code?: string}).code === '23505' && c.type === 'personal') {
        throw new SlotUnavailableError(c.start, 'full', 'This slot was taken meanwhile.');
      }
      throw error;
    }
  }

  async #agents(q: Queryable = this.db): Promise<Agent[]> {
    return (await q.query<DataRow>(`select data from agents order by id`)).map((r) => r.data as Agent);
  }

  async #campaigns(q: Queryable = this.db): Promise<Campaign[]> {
    return (await q.query<DataRow>(`select data from campaigns order by id`)).map((r) => r.data as Campaign);
  }

  async #contact(q: Queryable, id: string | undefined): Promise<Contact | undefined> {
    if (!id) return undefined;
    const [row] = await q.query<DataRow>(`select data from contacts where id = $1`, [id]);
    return row?.data as Contact | undefined;
  }

  /** Active slot-bound callbacks starting in `[from, to)`. */
  async #bookings(q: Queryable, from: Temporal.Instant, to: Temporal.Instant): Promise<Callback[]> {
    const rows = await q.query<DataRow>(
      `select data from callbacks where ${ACTIVE} and kind <> 'web-callback'
       and start_at >= $1::timestamptz and start_at < $2::timestamptz`,
      [from.toString(), to.toString()],
    );
    return rows.map((r) => r.data as Callback);
  }

  /** A throwaway MemoryBackend holding just these rows: it takes the scheduling decisions. */
  #rules(data: {agents?: Agent[]; contacts?: Contact[]; campaigns?: Campaign[]; callbacks?: Callback[]}) {
    return new MemoryBackend({
      demo: false,
      clock: this.clock,
      timeZone: this.timeZone,
      openingHours: this.#hours,
      slotCapacity: this.#slotCapacity,
      policy: this.policy,
      agents: data.agents ?? [],
      agentShifts: this.#agentShifts,
      contacts: data.contacts ?? [],
      campaigns: data.campaigns ?? [],
      callbacks: data.callbacks ?? [],
    });
  }

  // ------------------------------------------------------------------------------------------------ access

  #campaignAgents(campaigns: Campaign[], id: string | undefined): string[] {
    return (id && campaigns.find((c) => c.id === id)?.agentIds) || [];
  }

  /** Whether the principal may see this callback: its owner, an agent of its campaign, or a supervisor. */
  #canSee(who: Principal, c: Callback, campaigns: Campaign[]): boolean {
    if (who.role === 'supervisor') return true;
    if (c.type === 'personal') return c.ownerAgentId === who.agentId;
    return this.#campaignAgents(campaigns, c.campaignId).includes(who.agentId);
  }

  /** An agent books personal callbacks for themselves and campaign ones in their own campaigns. */
  #mayBook(who: Principal, r: CallbackRequest, campaigns: Campaign[]): void {
    if (who.role === 'supervisor') return;
    if (r.type === 'personal' && r.ownerAgentId !== undefined && r.ownerAgentId !== who.agentId) {
      throw new ForbiddenError('An agent may only schedule personal callbacks for themselves.');
    }
    if (r.type === 'campaign' && r.campaignId !== undefined) {
      const known = campaigns.some((c) => c.id === r.campaignId);
      if (known && !this.#campaignAgents(campaigns, r.campaignId).includes(who.agentId)) {
        throw new ForbiddenError(`Agent "${who.agentId}" is not assigned to campaign "${r.campaignId}".`);
      }
    }
  }

  #self(who: Principal, agentId: string, what: string): void {
    if (who.role !== 'supervisor' && agentId !== who.agentId) {
      throw new ForbiddenError(`An agent may only ${what} for themselves.`);
    }
  }

  #audience(c: Callback, campaigns: Campaign[]): string[] {
    return c.type === 'personal'
      ? c.ownerAgentId
        ? [c.ownerAgentId]
        : []
      : this.#campaignAgents(campaigns, c.campaignId);
  }

  /** The seats a callback takes, as an `availability-changed` event (personal ones: for their owner only). */
  #availability(c: Callback): {event: BackendEvent; audience: string[] | null} {
    const start = Temporal.Instant.from(c.start);
    const end = c.end ? Temporal.Instant.from(c.end) : start.add({minutes: this.policy.slotMinutes});
    const range = {from: start.toString(), to: end.toString()};
    if (c.type === 'personal' && c.ownerAgentId) {
      return {event: {type: 'availability-changed', ...range, agentId: c.ownerAgentId}, audience: [c.ownerAgentId]};
    }
    // Campaign seats are shared by every campaign: every campaign grid over the range is concerned.
    return {event: {type: 'availability-changed', ...range}, audience: null};
  }

  // ------------------------------------------------------------------------------------------------ reads

  /**
   * Slots of `[from, to)`, computed by the kit's rules in chunks of two days with a yield to the event loop
   * between chunks, so a long range never holds up other requests.
   */
  async getAvailability(q: AvailabilityQuery, who: Principal = SYSTEM): Promise<Slot[]> {
    if (q.type === 'personal' && q.agentId) this.#self(who, q.agentId, 'see personal availability');
    const from = Temporal.Instant.from(q.from);
    const to = Temporal.Instant.from(q.to);
    const contact = await this.#contact(this.db, q.contactId);
    if (q.contactId && !contact) {
      throw new ValidationError([
        {field: 'contactId', code: 'unknown-contact', message: 'This contact does not exist.'},
      ]);
    }
    const agents = await this.#agents();
    const slots: Slot[] = [];
    for (let chunk = from; Temporal.Instant.compare(chunk, to) < 0;) {
      const next = Temporal.Instant.fromEpochMilliseconds(
        Math.min(to.epochMilliseconds, chunk.epochMilliseconds + CHUNK_DAYS * 86_400_000),
      );
      const bookings = await this.#bookings(this.db, chunk, next.add({minutes: this.policy.slotMinutes}));
      const rules = this.#rules({agents, contacts: contact ? [contact] : [], callbacks: bookings});
      slots.push(...(await rules.getAvailability({...q, from: chunk.toString(), to: next.toString()})));
      chunk = next;
      await yieldToOthers();
    }
    return slots;
  }

  /** The agent's personal callbacks and their campaigns' callbacks, in start order (`canceled` only on request). */
  async listCallbacks(q: {agentId: string; includeCanceled?: boolean}, who: Principal = SYSTEM): Promise<Callback[]> {
    this.#self(who, q.agentId, 'list callbacks');
    const rows = await this.db.query<DataRow>(
      `select c.data from callbacks c
       where ((c.type = 'personal' and c.owner_agent_id = $1)
          or (c.type = 'campaign' and exists (select 1 from campaigns k where k.id = c.campaign_id and $1 = any(k.agent_ids))))
         and ($2 or c.status <> 'canceled')
       order by c.start_at, c.id`,
      [q.agentId, q.includeCanceled ?? false],
    );
    return rows.map((r) => r.data as Callback);
  }

  /** The campaigns the agent is assigned to. */
  async listCampaigns(q: {agentId: string}, who: Principal = SYSTEM): Promise<Campaign[]> {
    this.#self(who, q.agentId, 'list campaigns');
    const rows = await this.db.query<DataRow>(`select data from campaigns where $1 = any(agent_ids) order by id`, [
      q.agentId,
    ]);
    return rows.map((r) => r.data as Campaign);
  }

  /** One contact. @throws NotFoundError */
  async getContact(id: string): Promise<Contact> {
    const contact = await this.#contact(this.db, id);
    if (!contact) throw new NotFoundError(`Contact "${id}"`);
    return contact;
  }

  /** The contact directory (every authenticated agent may see it, as in a CRM). */
  async listContacts(): Promise<Contact[]> {
    return (await this.db.query<DataRow>(`select data from contacts order by id`)).map((r) => r.data as Contact);
  }

  /** Every agent. */
  listAgents(): Promise<Agent[]> {
    return this.#agents();
  }

  /**
   * The agent's shifts overlapping `[from, to)` (any authenticated principal may read them: owner pickers show
   * other agents' hours). @throws NotFoundError for an unknown agent, ValidationError on a bad range.
   */
  async getAgentShifts(agentId: string, q: {from: string; to: string}): Promise<AgentShift[]> {
    const agents = await this.#agents();
    return this.#rules({agents}).getAgentShifts(agentId, q);
  }

  /**
   * `policy.personalHandOffMinutes`: hands every due personal callback to its campaign. Any instance may run it
   * (on its timer, on a clock change); each hand-off is a conditional UPDATE (`where type = 'personal'`) whose
   * event goes into the log in the same transaction, so however many instances run it a callback is handed off
   * once, with one `callback-handed-off` event. Returns the callbacks this call handed off.
   */
  handOff(): Promise<Callback[]> {
    if (this.policy.personalHandOffMinutes === undefined) return Promise.resolve([]);
    return this.#inOrder(async () => {
      const rows = await this.db.query<DataRow>(
        `select data from callbacks where type = 'personal' and status in ('scheduled', 'due')
         and campaign_id is not null and kind <> 'followup' and start_at <= $1::timestamptz`,
        [this.clock.now().toString()],
      );
      if (!rows.length) return [];
      const [agents, campaigns] = [await this.#agents(), await this.#campaigns()];
      const rules = this.#rules({agents, campaigns});
      const nowMs = this.clock.now().epochMilliseconds;
      const handed: Callback[] = [];
      for (const {data} of rows) {
        const before = data as Callback;
        const at = rules.handOffAt(before);
        if (at === undefined || Temporal.Instant.from(at).epochMilliseconds > nowMs) continue;
        const fromAgentId = before.ownerAgentId!;
        const callback: Callback = {...before, type: 'campaign', handedOffFrom: fromAgentId};
        delete callback.ownerAgentId;
        callback.updatedAt = this.clock.now().toString();
        const done = await this.db.transaction(async (tx) => {
          const updated = await tx.query<{id: string}>(
            `update callbacks set data = $2::jsonb, type = 'campaign', owner_agent_id = null
             where id = $1 and type = 'personal' and status in ('scheduled', 'due') returning id`,
            [callback.id, JSON.stringify(callback)],
          );
          if (!updated.length) return false; // another instance did it first, or it was launched meanwhile
          const audience = [...new Set([fromAgentId, ...this.#audience(callback, campaigns)])];
          await this.#publish(tx, [
            {event: {type: 'callback-handed-off', callback, fromAgentId}, audience},
            {event: {type: 'callback-changed', callback}, audience},
            this.#availability(before),
            this.#availability(callback),
          ]);
          return true;
        });
        if (done) handed.push(callback);
      }
      return handed;
    });
  }

  // ------------------------------------------------------------------------------------------------ writes

  /**
   * Runs a write once per (principal, idempotency key): under an advisory lock on the key, a recorded answer
   * is replayed (the same request) or refused (`idempotency-key-reused`); otherwise `write` runs and its answer
   * is recorded in the same transaction. A failed write records nothing.
   */
  async #idempotent<T>(
    who: Principal,
    key: string,
    fingerprint: string,
    write: (tx: Queryable) => Promise<{result: T; events: Array<{event: BackendEvent; audience: string[] | null}>}>,
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock($1, $2)`, [LOCK_KEY, hash32(`${who.agentId}\n${key}`)]);
      const [seen] = await tx.query<{fingerprint: string; result: unknown}>(
        `select fingerprint, result from idempotency_keys where principal = $1 and key = $2`,
        [who.agentId, key],
      );
      if (seen) {
        if (seen.fingerprint !== fingerprint) throw keyReused();
        return seen.result as T;
      }
      const {result, events} = await write(tx);
      await tx.query(
        `insert into idempotency_keys (principal, key, fingerprint, result) values ($1, $2, $3, $4::jsonb)`,
        [who.agentId, key, fingerprint, JSON.stringify(result)],
      );
      await this.#publish(tx, events);
      return result;
    });
  }

  /** Serializes the bookings of one slot start across every instance until the transaction ends. */
  async #lockSlot(tx: Queryable, start: string): Promise<void> {
    const ms = Temporal.Instant.from(start).epochMilliseconds;
    await tx.query(`select pg_advisory_xact_lock($1, $2)`, [LOCK_SLOT, hash32(String(ms))]);
  }

  /** Books a callback (the kit's rules decide; the database seats it). */
  async scheduleCallback(r: CallbackRequest, key: string, who: Principal = SYSTEM): Promise<Callback> {
    const campaigns = await this.#campaigns();
    this.#mayBook(who, r, campaigns);
    return this.#idempotent(who, key, canonical({op: 'schedule', r}), async (tx) => {
      if (r.kind !== 'web-callback') await this.#lockSlot(tx, r.start);
      const start = Temporal.Instant.from(r.start);
      // one after the other: a transaction is one connection
      const agents = await this.#agents(tx);
      const contact = await this.#contact(tx, r.contactId);
      const bookings = await this.#bookings(tx, start, start.add({minutes: this.policy.slotMinutes}));
      const rules = this.#rules({agents, contacts: contact ? [contact] : [], campaigns, callbacks: bookings});
      const decided = await rules.scheduleCallback(r, {idempotencyKey: 'rules'});
      const callback: Callback = {
        ...decided,
        id: `cb-${randomUUID()}`,
        ...(r.customerTimeZones ? {customerTimeZones: [...r.customerTimeZones]} : {}),
      };
      await this.#putCallback(tx, callback, true);
      await this.#rememberPhone(tx, rules, contact);
      return {
        result: callback,
        events: [
          {event: {type: 'callback-changed', callback}, audience: this.#audience(callback, campaigns)},
          this.#availability(callback),
        ],
      };
    });
  }

  /** Moves a callback (same id); its own seat does not count against the new slot. */
  async rescheduleCallback(id: string, r: CallbackRequest, key: string, who: Principal = SYSTEM): Promise<Callback> {
    const campaigns = await this.#campaigns();
    this.#mayBook(who, r, campaigns);
    return this.#idempotent(who, key, canonical({op: 'reschedule', id, r}), async (tx) => {
      const existing = await this.#lockCallback(tx, id, who, campaigns);
      if (r.kind !== 'web-callback') await this.#lockSlot(tx, r.start);
      const start = Temporal.Instant.from(r.start);
      // one after the other: a transaction is one connection
      const agents = await this.#agents(tx);
      const contact = await this.#contact(tx, r.contactId);
      const bookings = await this.#bookings(tx, start, start.add({minutes: this.policy.slotMinutes}));
      const callbacks = [...bookings.filter((b) => b.id !== id), existing];
      const rules = this.#rules({agents, contacts: contact ? [contact] : [], campaigns, callbacks});
      const decided = await rules.rescheduleCallback(id, r, {idempotencyKey: 'rules'});
      const callback: Callback = {
        ...decided,
        ...(r.customerTimeZones ? {customerTimeZones: [...r.customerTimeZones]} : {}),
      };
      await this.#putCallback(tx, callback);
      await this.#rememberPhone(tx, rules, contact);
      const audience = [...new Set([...this.#audience(existing, campaigns), ...this.#audience(callback, campaigns)])];
      return {
        result: callback,
        events: [
          {event: {type: 'callback-changed', callback}, audience},
          this.#availability(existing),
          this.#availability(callback),
        ],
      };
    });
  }

  /** Cancels a callback; canceling twice is a no-op. */
  async cancelCallback(id: string, who: Principal = SYSTEM): Promise<void> {
    const campaigns = await this.#campaigns();
    await this.db.transaction(async (tx) => {
      const callback = await this.#lockCallback(tx, id, who, campaigns);
      if (callback.status === 'canceled') return;
      if (callback.status === 'completed') {
        throw new ValidationError([
          {field: 'id', code: 'not-cancelable', message: 'A completed callback cannot be canceled.'},
        ]);
      }
      const canceled: Callback = {...callback, status: 'canceled', updatedAt: this.clock.now().toString()};
      await this.#putCallback(tx, canceled);
      await this.#publish(tx, [
        {event: {type: 'callback-changed', callback: canceled}, audience: this.#audience(canceled, campaigns)},
        this.#availability(canceled),
      ]);
    });
  }

  /** Persists a status change (idempotent by key); `canceled` and `completed` callbacks cannot change. */
  async updateCallbackStatus(
    id: string,
    status: CallbackStatusUpdate,
    key: string,
    who: Principal = SYSTEM,
  ): Promise<Callback> {
    if (!STATUS_UPDATES.includes(status)) {
      throw new ValidationError([
        {field: 'status', code: 'invalid', message: 'The status must be due, in-progress, completed or expired.'},
      ]);
    }
    const campaigns = await this.#campaigns();
    return this.#idempotent(who, key, canonical({op: 'status', id, status}), async (tx) => {
      const callback = await this.#lockCallback(tx, id, who, campaigns);
      if (callback.status === status) return {result: callback, events: []};
      if (callback.status === 'canceled' || callback.status === 'completed') {
        throw new ValidationError([
          {
            field: 'status',
            code: 'invalid-transition',
            message: `A ${callback.status} callback cannot become ${status}.`,
          },
        ]);
      }
      const changed: Callback = {...callback, status, updatedAt: this.clock.now().toString()};
      await this.#putCallback(tx, changed);
      const events: Array<{event: BackendEvent; audience: string[] | null}> = [
        {event: {type: 'callback-changed', callback: changed}, audience: this.#audience(changed, campaigns)},
      ];
      // completed and expired free the seat
      if (status === 'completed' || status === 'expired') events.push(this.#availability(changed));
      return {result: changed, events};
    });
  }

  /** The callback, locked for the transaction. @throws NotFoundError when missing or not the principal's. */
  async #lockCallback(tx: Queryable, id: string, who: Principal, campaigns: Campaign[]): Promise<Callback> {
    const [row] = await tx.query<DataRow>(`select data from callbacks where id = $1 for update`, [id]);
    const callback = row?.data as Callback | undefined;
    // Someone else's callback is answered as missing: its existence is not the agent's business.
    if (!callback || !this.#canSee(who, callback, campaigns)) throw new NotFoundError(`Callback "${id}"`);
    return callback;
  }

  /** Keeps a number the agent added while scheduling on the contact (as MemoryBackend does). */
  async #rememberPhone(tx: Queryable, rules: MemoryBackend, before: Contact | undefined): Promise<void> {
    const after = (await rules.listContacts())[0];
    if (!before || !after || after.phones.length === before.phones.length) return;
    await tx.query(`update contacts set data = $2::jsonb where id = $1`, [after.id, JSON.stringify(after)]);
  }

  // ------------------------------------------------------------------------------------------------ logout and dialer simulation

  /**
   * Negotiated logout: deferred while a call is being set up for the agent (`reserveAgentForCall`), else
   * authorized. With an idempotency key, a retry gets the first answer.
   */
  async requestLogout(q: {agentId: string}, key: string | undefined, who: Principal = SYSTEM): Promise<LogoutDecision> {
    this.#self(who, q.agentId, 'log out');
    const decide = (): LogoutDecision => {
      const now = this.clock.now().epochMilliseconds;
      const reservation = this.#reservations.get(q.agentId);
      if (!reservation || reservation.untilMs <= now) return {authorized: true};
      this.#pendingLogouts.add(q.agentId);
      return {
        authorized: false,
        notBefore: Temporal.Instant.fromEpochMilliseconds(reservation.untilMs).toString(),
        reason: `A predictive call is being set up for you${reservation.campaignId ? ` (campaign ${reservation.campaignId})` : ''}.`,
      };
    };
    if (!key) return decide();
    return this.#idempotent(who, key, canonical({op: 'logout', agentId: q.agentId}), async () => ({
      result: decide(),
      events: [],
    }));
  }

  /** Gives up a deferred logout. */
  async cancelLogout(q: {agentId: string}, who: Principal = SYSTEM): Promise<void> {
    this.#self(who, q.agentId, 'cancel a logout');
    this.#pendingLogouts.delete(q.agentId);
  }

  /** Test/demo: the dialer sets up a call for the agent for `seconds` of clock time (logouts wait). */
  reserveAgentForCall(agentId: string, seconds: number, campaignId?: string): string {
    const untilMs = this.clock.now().epochMilliseconds + Math.round(seconds * 1000);
    this.#reservations.set(agentId, {untilMs, campaignId});
    return Temporal.Instant.fromEpochMilliseconds(untilMs).toString();
  }

  /** Test/demo: starts a campaign (`campaign-started`); it goes `running` 30 s of clock time later. */
  startCampaign(id: string): Promise<Campaign> {
    const now = this.clock.now();
    this.#timeline.push({atMs: now.epochMilliseconds + RUNNING_AFTER_MS, campaignId: id});
    this.#timeline.sort((a, b) => a.atMs - b.atMs);
    return this.#inOrder(() =>
      this.#changeCampaign(id, (c) =>
        c.status === 'started' || c.status === 'running'
          ? undefined
          : {...c, status: 'started', startedAt: now.toString()},
      ),
    );
  }

  /** Test/demo: sets a campaign's status (`campaign-changed`). */
  setCampaignStatus(id: string, status: CampaignStatus): Promise<Campaign> {
    if (status === 'started') return this.startCampaign(id);
    return this.#inOrder(() => this.#changeCampaign(id, (c) => (c.status === status ? undefined : {...c, status})));
  }

  async #changeCampaign(id: string, change: (c: Campaign) => Campaign | undefined): Promise<Campaign> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<DataRow>(`select data from campaigns where id = $1 for update`, [id]);
      if (!row) throw new NotFoundError(`Campaign "${id}"`);
      const before = row.data as Campaign;
      const after = change(before);
      if (!after) return before;
      await this.#putCampaign(tx, after);
      const type = after.status === 'started' && before.status !== 'started' ? 'campaign-started' : 'campaign-changed';
      await this.#publish(tx, [{event: {type, campaign: after}, audience: after.agentIds ?? []}]);
      return after;
    });
  }

  #inOrder<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#serial.then(step, step);
    this.#serial = next.catch(() => undefined);
    return next;
  }

  /** Evaluates time-driven changes now: started campaigns going `running`, deferred logouts authorized. */
  tick(): Promise<void> {
    const now = this.clock.now().epochMilliseconds;
    const due: string[] = [];
    while (this.#timeline.length && this.#timeline[0].atMs <= now) due.push(this.#timeline.shift()!.campaignId);
    const authorized: string[] = [];
    for (const agentId of [...this.#pendingLogouts]) {
      const reservation = this.#reservations.get(agentId);
      if (reservation && reservation.untilMs > now) continue;
      this.#pendingLogouts.delete(agentId);
      this.#reservations.delete(agentId);
      authorized.push(agentId);
    }
    // a failed hand-off (database away) is tried again on the next tick
    const handOff = () =>
      this.handOff().then(
        () => undefined,
        () => undefined,
      );
    if (!due.length && !authorized.length) return this.#serial.then(handOff);
    return this.#inOrder(async () => {
      for (const id of due) {
        await this.#changeCampaign(id, (c) => (c.status === 'started' ? {...c, status: 'running'} : undefined)).catch(
          () => undefined,
        );
      }
      if (authorized.length) {
        await this.db.transaction((tx) =>
          this.#publish(
            tx,
            authorized.map((agentId) => ({event: {type: 'logout-authorized', agentId}, audience: [agentId]})),
          ),
        );
      }
    }).then(handOff);
  }

  // ------------------------------------------------------------------------------------------------ events

  /**
   * Appends events to the log in the caller's transaction. A global advisory lock held until commit makes
   * ids commit in order (a reader that saw id N never later finds a smaller one appear); the NOTIFY is
   * delivered at commit. Events older than the retained window are pruned.
   */
  async #publish(tx: Queryable, items: Array<{event: BackendEvent; audience: string[] | null}>): Promise<void> {
    if (!items.length) return;
    await tx.query(`select pg_advisory_xact_lock($1)`, [LOCK_EVENTS]);
    let last = 0;
    for (const {event, audience} of items) {
      const [row] = await tx.query<{id: string}>(
        `insert into events (type, payload, audience) values ($1, $2::jsonb, $3) returning id::text as id`,
        [event.type, JSON.stringify(event), audience],
      );
      last = Number(row.id);
    }
    const horizon = last - this.#logSize;
    if (horizon > 0) {
      await tx.query(`delete from events where id <= $1`, [horizon]);
      await tx.query(`update event_log_state set pruned_through = greatest(pruned_through, $1)`, [horizon]);
    }
    await tx.query(`select pg_notify($1, $2)`, [EVENT_CHANNEL, String(last)]);
  }

  /** The newest event id (0 when none ever). */
  async newestEventId(): Promise<number> {
    const [row] = await this.db.query<{newest: string}>(
      `select greatest((select coalesce(max(id), 0) from events), (select pruned_through from event_log_state))::text as newest`,
    );
    return Number(row.newest);
  }

  /**
   * Events after `cursor` (at most `limit`), oldest first. `truncated`: events after `cursor` were pruned
   * (or `cursor` is not an id this log gave out), so the reader missed some. `newest`: the newest id now.
   */
  async eventsAfter(cursor: number, limit = 500): Promise<{events: LoggedEvent[]; truncated: boolean; newest: number}> {
    const [state] = await this.db.query<{pruned: string; newest: string}>(
      `select pruned_through::text as pruned,
              greatest((select coalesce(max(id), 0) from events), pruned_through)::text as newest
       from event_log_state`,
    );
    const newest = Number(state.newest);
    const rows = await this.db.query<{id: string; payload: unknown; audience: string[] | null}>(
      `select events.id::text as id, payload, audience from events where events.id > $1 order by events.id limit $2`,
      [cursor, limit],
    );
    return {
      events: rows.map((r) => ({id: Number(r.id), event: r.payload as BackendEvent, audience: r.audience})),
      truncated: cursor < Number(state.pruned) || cursor > newest,
      newest,
    };
  }
}

/** Whether a logged event may go to the principal. */
export function visibleTo(entry: LoggedEvent, who: Principal): boolean {
  return who.role === 'supervisor' || entry.audience === null || entry.audience.includes(who.agentId);
}

/** What is wrong with a contact record (seed or import), or undefined. `region`: ISO 3166-2 (`US-FL`). */
export function contactProblem(contact: Contact): string | undefined {
  if (contact.region !== undefined && !/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(contact.region)) {
    return `region "${contact.region}" is not an ISO 3166 code such as "US-FL".`;
  }
  return undefined;
}
