/**
 * `MemoryBackend`: the embedded `SchedulingBackend`. Keeps everything in memory, seeded with demo data, and
 * simulates what a real contact-centre backend does: slot capacity, business hours, calling-window law,
 * conflicts, idempotent writes, latency, failures and a dialer that starts campaigns and delays logouts.
 */
import type {
  AvailabilityQuery,
  BackendEvent,
  CallOptions,
  IdempotentCallOptions,
  LogoutDecision,
  SchedulingBackend,
} from './backend.js';
import {slotCallingRuleViolation} from './calling-rules.js';
import {callingWindowViolation} from './calling-window.js';
import {ManualClock, systemClock, type Clock} from './clock.js';
import {DEMO_AGENTS, DEMO_OPENING_HOURS, DEMO_TIME_ZONE} from './demo-defaults.js';
import {
  BackendUnavailableError,
  NotFoundError,
  SlotUnavailableError,
  ValidationError,
  type FieldError,
} from './errors.js';
import {loadPhoneTools, type PhoneTools} from './phone-loader.js';
import {Temporal} from './temporal.js';
import {generateSlots, isValidTimeZone, openingWindows, zonedFromLocal, type OpeningHours} from './time.js';
import {
  resolvePolicy,
  type Agent,
  type AgentShift,
  type Callback,
  type CallbackRequest,
  type CallbackStatus,
  type CallbackStatusUpdate,
  type CallbackType,
  type CallingRuleViolation,
  type Campaign,
  type CampaignStatus,
  type Contact,
  type Phone,
  type SchedulingPolicy,
  type Slot,
  type SlotUnavailableReason,
  type TimeZoneId,
} from './types.js';
import {abortReason, sleep} from './abort.js';

type DemoData = typeof import('./demo-data.js');

/** The demo data module once loaded (by any backend): later backends seed from it at once. */
let demoData: DemoData | undefined;
let demoLoading: Promise<DemoData> | undefined;

/** Loads the demo data chunk (once; a failed download is retried by the next backend that needs it). */
function loadDemoData(): Promise<DemoData> {
  demoLoading ??= import('./demo-data.js').then(
    (module) => (demoData = module),
    (error: unknown) => {
      demoLoading = undefined;
      throw error;
    },
  );
  return demoLoading;
}

/** The backend calls that latency and failure injection apply to. */
export type MemoryBackendOperation =
  | 'getAvailability'
  | 'scheduleCallback'
  | 'rescheduleCallback'
  | 'cancelCallback'
  | 'listCallbacks'
  | 'listCampaigns'
  | 'requestLogout'
  | 'cancelLogout'
  | 'getContact'
  | 'updateCallbackStatus'
  | 'getAgentShifts';

export interface MemoryBackendOptions {
  /** Where "now" comes from (default `systemClock`). Use a `ManualClock` in tests. */
  clock?: Clock;
  /** Seed of the PRNG behind ids, latency jitter and `failureRate`: same seed, same ids and failures. */
  seed?: number;
  /** `false` starts empty instead of with the demo data (lists given below always win). Default `true`. */
  demo?: boolean;
  /** Agents (default `DEMO_AGENTS`). */
  agents?: readonly Agent[];
  /** Contacts (default `DEMO_CONTACTS`). */
  contacts?: readonly Contact[];
  /** Campaigns (default `demoCampaigns(now)`). */
  campaigns?: readonly Campaign[];
  /**
   * Weekly shifts per agent id, in the agent's own zone (`Agent.timeZone`; the centre's when the agent has none),
   * e.g. `{'agent-james': {1: {start: '08:00', end: '18:00'}, 3: null}}`. A personal callback is bookable only
   * inside its owner's shifts (slot reason `owner-off-shift`). An agent without an entry is always on shift.
   * Default: `DEMO_AGENT_SHIFTS` with the demo data, else none.
   */
  agentShifts?: Readonly<Record<string, OpeningHours>>;
  /** Existing callbacks, or a function of the clock's "now" (default `demoCallbacks(now, timeZone)`). */
  callbacks?: readonly Callback[] | ((now: Temporal.Instant) => Callback[]);
  /** The centre's business hours in `timeZone` (default `DEMO_OPENING_HOURS`: Mon-Fri 08-20, Sat 09-14). */
  openingHours?: OpeningHours;
  /** The centre's IANA zone (default `DEMO_TIME_ZONE`, America/New_York). */
  timeZone?: TimeZoneId;
  /** Slot length in minutes (default `policy.slotMinutes`, 30). */
  slotMinutes?: number;
  /** Campaign callbacks per slot, shared by all campaigns (default 3). Personal ones: 1 per owner agent per slot. */
  slotCapacity?: number;
  /** Rules: `callingWindow`, `maxDaysAhead`, `callbackTypes`... (default `DEFAULT_POLICY`). */
  policy?: Partial<SchedulingPolicy>;
  /** Real milliseconds every call waits before answering: fixed or uniformly between `min` and `max`. */
  latency?: number | {min: number; max: number};
  /** Probability (0 to 1) that a call fails with `BackendUnavailableError` before doing anything. */
  failureRate?: number;
  /** Runs the simulated dialer: campaign starts 2 and 5 minutes after creation, predictive calls delaying logout. */
  simulateDialer?: boolean;
}

interface Target {
  zones: TimeZoneId[];
  window: Pick<Phone, 'contactFrom' | 'contactUntil'> | null;
  /** Regions for `policy.callingRules`: the number's (`regionsForPhone`) and the contact's `region`. */
  regions?: string[];
}

interface Checked {
  request: CallbackRequest;
  start: Temporal.Instant;
  end?: Temporal.Instant;
  target: Target;
}

interface Booking {
  ms: number;
  callback: Callback;
}

/** Callbacks in these states hold their slot. */
const ACTIVE: ReadonlySet<CallbackStatus> = new Set<CallbackStatus>(['scheduled', 'due', 'in-progress']);
const KINDS = ['callback', 'followup', 'web-callback'];
const STATUS_UPDATES: readonly string[] = ['due', 'in-progress', 'completed', 'expired'];
/** Most candidate zones a request may give in `customerTimeZones`. */
const MAX_CUSTOMER_ZONES = 10;
const TYPES = ['personal', 'campaign'];
const MAX_RANGE_DAYS = 400;
/** A started campaign goes `running` this long after its start. */
const RUNNING_AFTER_MS = 30_000;
/** Simulated dialer: paused/stopped campaigns start these many minutes after the backend was created. */
const DIALER_STARTS_MINUTES = [2, 5];
/** Simulated dialer: in the first `BUSY` seconds of every `CYCLE`, a logout waits `HOLD` seconds for a call. */
const DIALER_CYCLE_S = 90;
const DIALER_BUSY_S = 45;
const DIALER_HOLD_S = 20;

/** A small, fast, seedable PRNG (mulberry32) returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const copy = <T>(value: T): T => structuredClone(value);

/** JSON with sorted keys and no `undefined`: equal requests give equal strings whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function parseInstant(value: unknown): Temporal.Instant | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return Temporal.Instant.from(value);
  } catch {
    return undefined;
  }
}

const field = (name: string, code: string, message: string): FieldError => ({field: name, code, message});

/** The contact's own region (`contact.region`), for calling rules. */
const regionsOf = (contact?: Contact): string[] => (contact?.region ? [contact.region] : []);

/** What an agent reads when a calling rule refuses a time. */
function ruleMessage(rule: CallingRuleViolation): string {
  const where = rule.timeZone ? ` (${rule.timeZone})` : '';
  if (rule.reason === 'jurisdiction-holiday') {
    return `No calls to numbers in ${rule.jurisdiction} on ${rule.holiday ?? 'this holiday'}${where}.`;
  }
  if (rule.reason === 'jurisdiction-no-calls-day')
    return `No calls to numbers in ${rule.jurisdiction} on this day${where}.`;
  const hours = rule.start && rule.end ? ` only ${rule.start}-${rule.end} local time` : ' only at other times';
  return `Calls to numbers in ${rule.jurisdiction} are allowed${hours} that day${where}.`;
}

/**
 * The embedded backend: demo data, per-slot capacity, business hours, calling-window rules, idempotent
 * writes, optional latency and failure injection, and a simulated dialer.
 *
 * ```ts
 * const backend = new MemoryBackend({clock: new ManualClock('2026-06-15T13:00:00Z'), seed: 1});
 * const slots = await backend.getAvailability({from, to, type: 'campaign', phone: '+14155267890'});
 * ```
 *
 * Decisions worth knowing:
 * - Slots start on the opening hours of the centre's zone; a closed day yields no slots at all (never
 *   `closed` ones). A slot-bound callback (`callback`, `followup`) must start exactly on a slot start,
 *   otherwise it is refused with `SlotUnavailableError(reason 'closed')`.
 * - Campaign callbacks share `slotCapacity` per slot across all campaigns; personal callbacks and followups
 *   take 1 per owner agent per slot. Web callbacks are not slot-bound and take no capacity.
 * - Idempotency keys are recorded only when a write succeeds (including a success whose answer was lost, see
 *   `failNext(..., {afterCommit: true})`): a failed attempt, whatever the error, leaves the key free, so a
 *   corrected or retried request with the same key succeeds exactly once. A replay returns the callback as it
 *   was answered the first time.
 */
export class MemoryBackend implements SchedulingBackend {
  /** Vue's `markRaw` flag: Vue's reactivity leaves this object unwrapped (a Proxy cannot reach its #private fields). */
  get __v_skip(): true {
    return true;
  }

  #clock: Clock;
  #policy: SchedulingPolicy;
  #timeZone: TimeZoneId;
  #hours: OpeningHours;
  #slotCapacity: number;
  #latency: {min: number; max: number};
  #failureRate: number;
  #idRandom: () => number;
  #random: () => number;
  #simulateDialer: boolean;
  #createdMs: number;
  #agents = new Map<string, Agent>();
  #contacts = new Map<string, Contact>();
  #campaigns = new Map<string, Campaign>();
  #callbacks = new Map<string, Callback>();
  #idempotency = new Map<string, {fingerprint: string; result: Callback}>();
  #failures = new Map<MemoryBackendOperation, Array<{error: unknown; afterCommit: boolean}>>();
  #listeners = new Set<(event: BackendEvent) => void>();
  #stopTimers: (() => void) | undefined;
  #reservations = new Map<string, {untilMs: number; campaignId?: string}>();
  #pendingLogouts = new Set<string>();
  #timeline: Array<{atMs: number; campaignId: string; action: 'start' | 'run'}> = [];
  #shifts = new Map<string, OpeningHours>();
  /** Pending while the demo data chunk loads (see `whenReady`); undefined once seeded. */
  #ready: Promise<void> | undefined;

  /** Creates a backend; see `MemoryBackendOptions` (every option is optional). */
  constructor(options: MemoryBackendOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    const now = this.#clock.now();
    this.#createdMs = now.epochMilliseconds;
    this.#policy = resolvePolicy({
      ...options.policy,
      ...(options.slotMinutes ? {slotMinutes: options.slotMinutes} : {}),
    });
    this.#timeZone = options.timeZone ?? DEMO_TIME_ZONE;
    if (!isValidTimeZone(this.#timeZone)) throw new RangeError(`Unknown time zone "${this.#timeZone}".`);
    this.#hours = copy(options.openingHours ?? DEMO_OPENING_HOURS);
    this.#slotCapacity = options.slotCapacity ?? 3;
    if (!Number.isInteger(this.#slotCapacity) || this.#slotCapacity < 1) {
      throw new RangeError(`slotCapacity must be a positive integer, got ${this.#slotCapacity}.`);
    }
    const latency = options.latency ?? 0;
    this.#latency = typeof latency === 'number' ? {min: latency, max: latency} : {...latency};
    this.#failureRate = options.failureRate ?? 0;
    this.#idRandom = options.seed === undefined ? Math.random : mulberry32(options.seed);
    this.#random = options.seed === undefined ? Math.random : mulberry32(options.seed ^ 0x9e3779b9);
    this.#simulateDialer = options.simulateDialer ?? false;
    const demo = options.demo ?? true;
    for (const agent of options.agents ?? (demo ? DEMO_AGENTS : [])) this.#agents.set(agent.id, copy(agent));
    for (const contact of options.contacts ?? []) this.#contacts.set(contact.id, copy(contact));
    for (const item of options.campaigns ?? []) this.#campaigns.set(item.id, copy(item));
    for (const [agentId, hours] of Object.entries(options.agentShifts ?? {})) this.#shifts.set(agentId, copy(hours));
    const handOff = this.#policy.personalHandOffMinutes;
    if (handOff !== undefined && !(Number.isFinite(handOff) && handOff >= 0)) {
      throw new RangeError(`policy.personalHandOffMinutes must be a number of minutes >= 0, got ${handOff}.`);
    }
    const callbacks = typeof options.callbacks === 'function' ? options.callbacks(now) : (options.callbacks ?? []);
    for (const callback of callbacks) this.#callbacks.set(callback.id, copy(callback));
    const needsDemo =
      demo && [options.contacts, options.campaigns, options.agentShifts, options.callbacks].includes(undefined);
    if (!needsDemo) this.#seeded();
    else if (demoData) this.#seedDemo(demoData, options, now);
    else {
      const ready = loadDemoData().then((module) => this.#seedDemo(module, options, now));
      ready.catch(() => undefined); // reported by every call that awaits it, never unhandled
      this.#ready = ready;
    }
  }

  /** The demo data for every list `options` does not give, then what depends on the campaigns. */
  #seedDemo(module: DemoData, options: MemoryBackendOptions, now: Temporal.Instant): void {
    if (!options.contacts) for (const contact of module.DEMO_CONTACTS) this.#contacts.set(contact.id, copy(contact));
    if (!options.campaigns) for (const item of module.demoCampaigns(now)) this.#campaigns.set(item.id, copy(item));
    if (!options.agentShifts) {
      for (const [agentId, hours] of Object.entries(module.DEMO_AGENT_SHIFTS)) this.#shifts.set(agentId, copy(hours));
    }
    if (!options.callbacks) {
      for (const callback of module.demoCallbacks(now, this.#timeZone))
        this.#callbacks.set(callback.id, copy(callback));
    }
    this.#seeded();
  }

  /** Seeding is done: the simulated dialer's campaign starts. */
  #seeded(): void {
    this.#ready = undefined;
    if (this.#simulateDialer) {
      const dormant = [...this.#campaigns.values()].filter((c) => c.status === 'paused' || c.status === 'stopped');
      DIALER_STARTS_MINUTES.forEach((minutes, i) => {
        if (dormant[i]) this.#schedule(this.#createdMs + minutes * 60_000, dormant[i].id, 'start');
      });
    }
  }

  /**
   * Resolves once the backend holds its data: at once, unless it seeds the demo data (the default for every list
   * not given) and the demo chunk is not loaded yet; that chunk loads on construction. Every backend call waits for
   * it by itself; call this before the synchronous helpers (`startCampaign`, `listAgents()` as an array...) on a
   * fresh demo backend (the demo agents are there at once). Rejects when the demo chunk could not be downloaded.
   */
  whenReady(): Promise<void> {
    return this.#ready ?? Promise.resolve();
  }

  /** The resolved scheduling policy (a copy). */
  get policy(): SchedulingPolicy {
    return copy(this.#policy);
  }

  /** The contact centre's IANA zone: opening hours and slots are in it. */
  get timeZone(): TimeZoneId {
    return this.#timeZone;
  }

  /** The centre's opening hours (a copy). */
  get openingHours(): OpeningHours {
    return copy(this.#hours);
  }

  /** Every agent (copies): for stories and demos that need to pick one. */
  listAgents(): Agent[] {
    return copy([...this.#agents.values()]);
  }

  /** Every contact (copies): for stories and demos that need to pick one. */
  listContacts(): Contact[] | Promise<Contact[]> {
    if (this.#ready) return this.#ready.then(() => copy([...this.#contacts.values()]));
    return copy([...this.#contacts.values()]);
  }

  /**
   * Slots between `from` (inclusive) and `to` (exclusive), from the opening hours of the local dates covering
   * the range in the centre's zone. Closed days have no slots. An unavailable slot says why:
   * `past` (starts before now), `too-far-ahead` (its local date is more than `policy.maxDaysAhead` days after
   * today in the centre's zone), `outside-calling-hours`, then `full`.
   *
   * `outside-calling-hours` covers both the legal calling window and the phone's own contact window
   * (`contactFrom`/`contactUntil`), since `Slot.reason` has no separate value. With `phone`, the slot
   * `[start, end)` must be inside the windows in every zone the number may be in (falling back to the
   * contact's `timeZone`; a number with no zone at all is never callable). With only `contactId`, a slot is
   * callable when at least one of the contact's phones is.
   * With `policy.callingRules`, a slot a rule forbids for every callable phone is unavailable with the rule's
   * reason (`outside-jurisdiction-hours`, `jurisdiction-no-calls-day`, `jurisdiction-holiday`) and `slot.rule`;
   * the regions are the number's (`regionsForPhone`) and the contact's `region`. Booking such a slot is refused
   * with a `SlotUnavailableError` of that reason and `rule`.
   *
   * `capacity`/`remaining`: campaign callbacks per slot (shared by all campaigns), or 1 for a personal
   * callback of `agentId` (without `agentId`, personal slots always show 1 remaining).
   * @throws ValidationError on an invalid range, type, phone or unknown contact.
   */
  async getAvailability(q: AvailabilityQuery, o: CallOptions = {}): Promise<Slot[]> {
    const tools = await loadPhoneTools();
    return this.#call('getAvailability', o.signal, () => {
      const errors: FieldError[] = [];
      const from = parseInstant(q?.from);
      const to = parseInstant(q?.to);
      if (!from) errors.push(field('from', 'invalid-instant', 'The start of the range is not a valid instant.'));
      if (!to) errors.push(field('to', 'invalid-instant', 'The end of the range is not a valid instant.'));
      else if (from && to.epochMilliseconds - from.epochMilliseconds > MAX_RANGE_DAYS * 86_400_000) {
        errors.push(field('to', 'range-too-large', `Ask for at most ${MAX_RANGE_DAYS} days at once.`));
      }
      if (!TYPES.includes(q?.type)) errors.push(field('type', 'invalid', 'The type must be personal or campaign.'));
      const contact = q?.contactId ? this.#contacts.get(q.contactId) : undefined;
      if (q?.contactId && !contact) errors.push(field('contactId', 'unknown-contact', 'This contact does not exist.'));
      if (q?.phone && !tools.parsePhone(q.phone)) {
        errors.push(field('phone', 'invalid-phone', 'This is not a valid phone number.'));
      }
      if (errors.length) throw new ValidationError(errors);
      if (Temporal.Instant.compare(from!, to!) >= 0) return [];
      let targets: Target[] | null = null;
      if (q.phone) targets = [this.#target(tools, q.phone, contact)];
      else if (contact?.phones.length) targets = contact.phones.map((p) => this.#target(tools, p.number, contact));
      else if (contact?.timeZone) targets = [{zones: [contact.timeZone], window: null, regions: regionsOf(contact)}];
      const last = to!.subtract({nanoseconds: 1});
      const slots = generateSlots({
        timeZone: this.#timeZone,
        from: from!.toZonedDateTimeISO(this.#timeZone).toPlainDate(),
        to: last.toZonedDateTimeISO(this.#timeZone).toPlainDate(),
        slotMinutes: this.#policy.slotMinutes,
        hours: this.#hours,
      });
      const bookings = this.#bookings();
      const result: Slot[] = [];
      for (const {start: zonedStart, end: zonedEnd} of slots) {
        const start = zonedStart.toInstant();
        const end = zonedEnd.toInstant();
        if (Temporal.Instant.compare(start, from!) < 0 || Temporal.Instant.compare(start, to!) >= 0) continue;
        const [capacity, used] = this.#load(bookings, start, end, q.type, q.agentId);
        const remaining = Math.max(0, capacity - used);
        let reason: SlotUnavailableReason | undefined = this.#timeReason(start);
        if (!reason && targets && !targets.some((t) => this.#violation(t, start, end) === null)) {
          reason = 'outside-calling-hours';
        }
        const rule = reason || !targets ? undefined : this.#ruleViolation(targets, start, end);
        if (rule) reason = rule.reason;
        if (!reason && q.type === 'personal' && q.agentId && this.#offShift(q.agentId, start, end)) {
          reason = 'owner-off-shift';
        }
        if (!reason && remaining === 0) reason = 'full';
        const slot: Slot = {start: start.toString(), end: end.toString(), available: !reason, capacity, remaining};
        if (reason) slot.reason = reason;
        if (rule) slot.rule = rule;
        result.push(slot);
      }
      return result;
    });
  }

  /**
   * Books a callback. Validates the request (`ValidationError` with `fieldErrors`), then the time:
   * `SlotUnavailableError` with reason `past`, `too-far-ahead`, `closed` (not a slot start), `outside-calling-hours`
   * (legal window in every candidate zone of the phone, or the phone's contact window) or `full`.
   * `web-callback` needs `start` and `end` (From/Till), is not slot-bound but is calling-window checked over the
   * whole interval; `followup` is always personal. Stores the callback (`status: 'scheduled'`) and emits
   * `callback-changed`, then `availability-changed` for its slot. `customerTimeZones` (IANA zones, at most 10) are
   * stored as given and added to the calling-window candidates; without them the stored ones are the contact's
   * `timeZone` (first) and the number's zones. The same `idempotencyKey` with the same request returns the same callback; with another
   * request it fails with a `ValidationError` whose field error has code `idempotency-key-reused`.
   */
  async scheduleCallback(r: CallbackRequest, o: IdempotentCallOptions): Promise<Callback> {
    const tools = await loadPhoneTools();
    return this.#call('scheduleCallback', o?.signal, () =>
      this.#idempotent(o?.idempotencyKey, canonical({op: 'schedule', r}), () => {
        const checked = this.#check(tools, r);
        const now = this.#clock.now().toString();
        const callback: Callback = {
          ...checked.request,
          id: this.#newId(),
          status: 'scheduled',
          createdAt: now,
          updatedAt: now,
        };
        this.#callbacks.set(callback.id, callback);
        this.#rememberPhone(callback);
        return callback;
      }),
    );
  }

  /**
   * Moves a callback to a new time (and possibly phone, type, owner...), keeping its id. Same checks as
   * `scheduleCallback`; the callback's own current booking does not count against capacity. The callback
   * becomes `scheduled` again; emits `callback-changed`, then `availability-changed` for the old slot (when it
   * held one) and the new one.
   * @throws NotFoundError for an unknown id; ValidationError (field `id`, code `not-reschedulable`) for a
   * canceled or completed callback.
   */
  async rescheduleCallback(id: string, r: CallbackRequest, o: IdempotentCallOptions): Promise<Callback> {
    const tools = await loadPhoneTools();
    let previous: Callback | undefined;
    return this.#call('rescheduleCallback', o?.signal, () =>
      this.#idempotent(
        o?.idempotencyKey,
        canonical({op: 'reschedule', id, r}),
        () => {
          const existing = this.#callbacks.get(id);
          if (!existing) throw new NotFoundError(`Callback "${id}"`);
          if (existing.status === 'canceled' || existing.status === 'completed') {
            throw new ValidationError([
              field('id', 'not-reschedulable', `A ${existing.status} callback cannot be rescheduled.`),
            ]);
          }
          const checked = this.#check(tools, r, id);
          previous = copy(existing);
          const callback: Callback = {
            ...checked.request,
            id,
            status: 'scheduled',
            createdAt: existing.createdAt,
            updatedAt: this.#clock.now().toString(),
          };
          this.#callbacks.set(id, callback);
          this.#rememberPhone(callback);
          return callback;
        },
        (written) => (previous && ACTIVE.has(previous.status) ? [previous, written] : [written]),
      ),
    );
  }

  /**
   * Cancels a callback (`status: 'canceled'`) and emits `callback-changed`, then `availability-changed` for the
   * slot it freed. Canceling twice is a no-op.
   * @throws NotFoundError for an unknown id; ValidationError (code `not-cancelable`) for a completed callback.
   */
  async cancelCallback(id: string, o: CallOptions = {}): Promise<void> {
    return this.#call('cancelCallback', o.signal, () => {
      const callback = this.#callbacks.get(id);
      if (!callback) throw new NotFoundError(`Callback "${id}"`);
      if (callback.status === 'canceled') return;
      if (callback.status === 'completed') {
        throw new ValidationError([field('id', 'not-cancelable', 'A completed callback cannot be canceled.')]);
      }
      const held = ACTIVE.has(callback.status);
      callback.status = 'canceled';
      callback.updatedAt = this.#clock.now().toString();
      this.#emit({type: 'callback-changed', callback});
      if (held) this.#emitSeats([callback]);
    });
  }

  /**
   * The agent's personal callbacks and followups plus the callbacks of campaigns the agent is assigned to, in
   * start order, every status except `canceled` unless `includeCanceled` (an extension of the contract). Copies.
   */
  async listCallbacks(q: {agentId: string; includeCanceled?: boolean}, o: CallOptions = {}): Promise<Callback[]> {
    return this.#call('listCallbacks', o.signal, () => {
      const mine = (c: Callback) =>
        c.type === 'personal'
          ? c.ownerAgentId === q.agentId
          : !!c.campaignId && !!this.#campaigns.get(c.campaignId)?.agentIds?.includes(q.agentId);
      return [...this.#callbacks.values()]
        .filter((c) => mine(c) && (q.includeCanceled || c.status !== 'canceled'))
        .map((c) => ({c, ms: Temporal.Instant.from(c.start).epochMilliseconds}))
        .sort((a, b) => a.ms - b.ms || (a.c.id < b.c.id ? -1 : 1))
        .map(({c}) => copy(c));
    });
  }

  /**
   * The contact with this id (a copy).
   * @throws NotFoundError for an unknown id.
   */
  async getContact(id: string, o: CallOptions = {}): Promise<Contact> {
    return this.#call('getContact', o.signal, () => {
      const contact = this.#contacts.get(id);
      if (!contact) throw new NotFoundError(`Contact "${id}"`);
      return copy(contact);
    });
  }

  /**
   * The agent's shifts overlapping `[from, to)`, in start order, from the weekly shifts in the agent's zone
   * (`agentShifts`). An agent without shifts on file works all the time: one shift `[from, to)`.
   * @throws NotFoundError for an unknown agent; ValidationError on an invalid range.
   */
  async getAgentShifts(agentId: string, q: {from: string; to: string}, o: CallOptions = {}): Promise<AgentShift[]> {
    return this.#call('getAgentShifts', o.signal, () => {
      const from = parseInstant(q?.from);
      const to = parseInstant(q?.to);
      const errors: FieldError[] = [];
      if (!from) errors.push(field('from', 'invalid-instant', 'The start of the range is not a valid instant.'));
      if (!to) errors.push(field('to', 'invalid-instant', 'The end of the range is not a valid instant.'));
      else if (from && to.epochMilliseconds - from.epochMilliseconds > MAX_RANGE_DAYS * 86_400_000) {
        errors.push(field('to', 'range-too-large', `Ask for at most ${MAX_RANGE_DAYS} days at once.`));
      }
      if (errors.length) throw new ValidationError(errors);
      if (!this.#agents.has(agentId)) throw new NotFoundError(`Agent "${agentId}"`);
      return this.#shiftsOf(agentId, from!, to!).map((s) => ({start: s.start.toString(), end: s.end.toString()}));
    });
  }

  /**
   * Persists a status change (`due`, `in-progress`, `completed`, `expired`) and emits `callback-changed` (and
   * `availability-changed` when it frees or takes a seat: `expired`/`completed` free one). The
   * same key with the same change returns the same answer; a callback already in that status is returned as it
   * is (no event).
   * @throws NotFoundError for an unknown id; ValidationError (code `invalid-transition`) from `canceled` or `completed`.
   */
  async updateCallbackStatus(id: string, status: CallbackStatusUpdate, o: IdempotentCallOptions): Promise<Callback> {
    return this.#call('updateCallbackStatus', o?.signal, () => {
      const key = o?.idempotencyKey;
      if (typeof key !== 'string' || key === '') {
        throw new ValidationError([field('idempotencyKey', 'required', 'An idempotency key is required.')]);
      }
      const fingerprint = canonical({op: 'status', id, status});
      const seen = this.#idempotency.get(key);
      if (seen) {
        if (seen.fingerprint === fingerprint) return copy(seen.result);
        throw new ValidationError([
          field(
            'idempotencyKey',
            'idempotency-key-reused',
            'This idempotency key was already used for another request.',
          ),
        ]);
      }
      if (!STATUS_UPDATES.includes(status)) {
        throw new ValidationError([
          field('status', 'invalid', 'The status must be due, in-progress, completed or expired.'),
        ]);
      }
      const callback = this.#callbacks.get(id);
      if (!callback) throw new NotFoundError(`Callback "${id}"`);
      if (callback.status !== status) {
        if (callback.status === 'canceled' || callback.status === 'completed') {
          throw new ValidationError([
            field('status', 'invalid-transition', `A ${callback.status} callback cannot become ${status}.`),
          ]);
        }
        const held = ACTIVE.has(callback.status);
        callback.status = status;
        callback.updatedAt = this.#clock.now().toString();
        this.#emit({type: 'callback-changed', callback});
        if (held !== ACTIVE.has(status)) this.#emitSeats([callback]); // a seat freed (expired, completed) or taken
      }
      this.#idempotency.set(key, {fingerprint, result: copy(callback)});
      return copy(callback);
    });
  }

  /** The campaigns whose `agentIds` include the agent (copies), in the order they were given. */
  async listCampaigns(q: {agentId: string}, o: CallOptions = {}): Promise<Campaign[]> {
    return this.#call('listCampaigns', o.signal, () =>
      [...this.#campaigns.values()].filter((c) => c.agentIds?.includes(q.agentId)).map(copy),
    );
  }

  /**
   * Negotiated logout. While the dialer is setting up a call for the agent (`reserveAgentForCall`, or the
   * simulated dialer for an agent of a started/running predictive or progressive campaign), answers
   * `{authorized: false, notBefore, reason}` and emits `logout-authorized` once the clock reaches `notBefore`;
   * otherwise `{authorized: true}`.
   */
  async requestLogout(q: {agentId: string}): Promise<LogoutDecision> {
    return this.#call('requestLogout', undefined, () => {
      const now = this.#clock.now().epochMilliseconds;
      if (this.#simulateDialer && !this.#reservedUntil(q.agentId, now)) {
        const campaign = this.#dialingCampaign(q.agentId);
        const phase = ((((now - this.#createdMs) / 1000) % DIALER_CYCLE_S) + DIALER_CYCLE_S) % DIALER_CYCLE_S;
        if (campaign && phase < DIALER_BUSY_S) this.reserveAgentForCall(q.agentId, DIALER_HOLD_S, campaign.id);
      }
      const untilMs = this.#reservedUntil(q.agentId, now);
      if (!untilMs) return {authorized: true};
      this.#pendingLogouts.add(q.agentId);
      const reservation = this.#reservations.get(q.agentId)!;
      const campaign = reservation.campaignId ? this.#campaigns.get(reservation.campaignId) : undefined;
      const mode = campaign?.dialingMode === 'progressive' ? 'progressive' : 'predictive';
      return {
        authorized: false,
        notBefore: Temporal.Instant.fromEpochMilliseconds(untilMs).toString(),
        reason: `A ${mode} call is being set up for you${campaign ? ` (campaign ${campaign.name})` : ''}.`,
      };
    });
  }

  /** Gives up a deferred logout: no `logout-authorized` will be emitted for it. A no-op when none is pending. */
  async cancelLogout(q: {agentId: string}): Promise<void> {
    return this.#call('cancelLogout', undefined, () => {
      this.#pendingLogouts.delete(q.agentId);
    });
  }

  /**
   * Calls `listener` for every change (`callback-changed`, `availability-changed`, `campaign-started`,
   * `campaign-changed`, `logout-authorized`); each event carries copies. Events are delivered synchronously, in
   * process, as the change happens: nothing can be missed, so `resync` is never sent. Returns the unsubscribe function. While at least one
   * listener is subscribed, time-driven changes are evaluated on every change of a clock that has
   * `subscribe`, and once a second by ONE interval unless the clock is a `ManualClock` (a `SimulatedClock`
   * moves by itself between its notifications, so it gets both).
   */
  subscribe(listener: (e: BackendEvent) => void): () => void {
    this.#listeners.add(listener);
    if (!this.#stopTimers) {
      const stopClock = this.#clock.subscribe?.(() => this.tick());
      const interval = this.#clock instanceof ManualClock ? undefined : setInterval(() => this.tick(), 1000);
      this.#stopTimers = () => {
        stopClock?.();
        if (interval !== undefined) clearInterval(interval);
        this.#stopTimers = undefined;
      };
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stopTimers?.();
    };
  }

  /** Drops every listener and stops the clock subscription and the interval. */
  dispose(): void {
    this.#listeners.clear();
    this.#stopTimers?.();
  }

  /**
   * Evaluates time-driven changes against `clock.now()` at once: scheduled campaign starts, started campaigns
   * going `running`, deferred logouts becoming authorized. Every backend call also does this first.
   */
  tick(): void {
    const now = this.#clock.now().epochMilliseconds;
    while (this.#timeline.length && this.#timeline[0].atMs <= now) {
      const {campaignId, action} = this.#timeline.shift()!;
      const campaign = this.#campaigns.get(campaignId);
      if (!campaign) continue;
      if (action === 'start') this.startCampaign(campaignId);
      else if (campaign.status === 'started') {
        campaign.status = 'running';
        this.#emit({type: 'campaign-changed', campaign});
      }
    }
    for (const agentId of [...this.#pendingLogouts]) {
      if (this.#reservedUntil(agentId, now)) continue;
      this.#pendingLogouts.delete(agentId);
      this.#reservations.delete(agentId);
      this.#emit({type: 'logout-authorized', agentId});
    }
    this.#handOff(now);
  }

  /**
   * When a personal callback goes to its campaign (`policy.personalHandOffMinutes`): its start plus those minutes,
   * or its start when the owner is off shift then. Undefined when it never does: no policy, not personal, a
   * followup, no campaign, no owner, or no longer scheduled/due.
   */
  handOffAt(callback: Callback): string | undefined {
    const at = this.#handOffMs(callback);
    return at === undefined ? undefined : Temporal.Instant.fromEpochMilliseconds(at).toString();
  }

  #handOffMs(c: Callback): number | undefined {
    const minutes = this.#policy.personalHandOffMinutes;
    if (minutes === undefined || c.type !== 'personal' || c.kind === 'followup') return undefined;
    if (!c.campaignId || !c.ownerAgentId || (c.status !== 'scheduled' && c.status !== 'due')) return undefined;
    const start = parseInstant(c.start);
    if (!start) return undefined;
    const atStart = this.#offShift(c.ownerAgentId, start, start.add({nanoseconds: 1}));
    return start.epochMilliseconds + (atStart ? 0 : minutes * 60_000);
  }

  /** Hands every due personal callback to its campaign, once: `callback-handed-off`, `callback-changed`, seats. */
  #handOff(nowMs: number): void {
    for (const callback of this.#callbacks.values()) {
      const at = this.#handOffMs(callback);
      if (at === undefined || at > nowMs) continue;
      const before = copy(callback);
      const fromAgentId = callback.ownerAgentId!;
      callback.type = 'campaign';
      callback.handedOffFrom = fromAgentId;
      delete callback.ownerAgentId;
      callback.updatedAt = this.#clock.now().toString();
      this.#emit({type: 'callback-handed-off', callback, fromAgentId});
      this.#emit({type: 'callback-changed', callback});
      this.#emitSeats([before, callback]);
    }
  }

  /** The agent's shifts overlapping `[from, to)` (one shift `[from, to)` for an agent without shifts on file). */
  #shiftsOf(agentId: string, from: Temporal.Instant, to: Temporal.Instant) {
    const hours = this.#shifts.get(agentId);
    if (!hours) return [{start: from, end: to}];
    const zone = this.#agents.get(agentId)?.timeZone;
    const tz = zone && isValidTimeZone(zone) ? zone : this.#timeZone;
    const shifts: Array<{start: Temporal.Instant; end: Temporal.Instant}> = [];
    const last = to.toZonedDateTimeISO(tz).toPlainDate();
    for (let date = from.toZonedDateTimeISO(tz).toPlainDate().subtract({days: 1}); ; date = date.add({days: 1})) {
      if (Temporal.PlainDate.compare(date, last) > 0) break;
      for (const window of openingWindows(hours, date)) {
        const start = zonedFromLocal(date, window.start, tz).toInstant();
        const end = zonedFromLocal(date, window.end, tz).toInstant();
        if (Temporal.Instant.compare(start, to) < 0 && Temporal.Instant.compare(end, from) > 0) {
          shifts.push({start, end});
        }
      }
    }
    return shifts.sort((a, b) => Temporal.Instant.compare(a.start, b.start));
  }

  /** Whether `[start, end)` is not inside one of the agent's shifts. */
  #offShift(agentId: string, start: Temporal.Instant, end: Temporal.Instant): boolean {
    if (!this.#shifts.has(agentId)) return false;
    const last = Temporal.Instant.compare(end, start) > 0 ? end : start.add({nanoseconds: 1});
    return !this.#shiftsOf(agentId, start, last).some(
      (s) => Temporal.Instant.compare(s.start, start) <= 0 && Temporal.Instant.compare(s.end, last) >= 0,
    );
  }

  /**
   * Starts a campaign now: status `started`, `startedAt` now, emits `campaign-started`; it goes `running` (and
   * emits `campaign-changed`) 30 seconds of clock time later. A campaign already started or running is left as
   * it is. Returns the campaign (a copy).
   * @throws NotFoundError for an unknown campaign.
   */
  startCampaign(id: string): Campaign {
    const campaign = this.#campaigns.get(id);
    if (!campaign) throw new NotFoundError(`Campaign "${id}"`);
    if (campaign.status !== 'started' && campaign.status !== 'running') {
      const now = this.#clock.now();
      campaign.status = 'started';
      campaign.startedAt = now.toString();
      this.#schedule(now.epochMilliseconds + RUNNING_AFTER_MS, id, 'run');
      this.#emit({type: 'campaign-started', campaign});
    }
    return copy(campaign);
  }

  /**
   * Sets a campaign's status (for stories: pause, stop, complete). `started` goes through `startCampaign`;
   * any other change emits `campaign-changed`. Returns the campaign (a copy).
   * @throws NotFoundError for an unknown campaign.
   */
  setCampaignStatus(id: string, status: CampaignStatus): Campaign {
    if (status === 'started') return this.startCampaign(id);
    const campaign = this.#campaigns.get(id);
    if (!campaign) throw new NotFoundError(`Campaign "${id}"`);
    if (campaign.status !== status) {
      campaign.status = status;
      this.#emit({type: 'campaign-changed', campaign});
    }
    return copy(campaign);
  }

  /**
   * Simulates the dialer setting up a predictive/progressive call for the agent for `seconds` of clock time:
   * a logout requested meanwhile is deferred until then. Returns the end of the reservation (ISO instant).
   */
  reserveAgentForCall(agentId: string, seconds: number, campaignId?: string): string {
    const untilMs = this.#clock.now().epochMilliseconds + Math.round(seconds * 1000);
    this.#reservations.set(agentId, {untilMs, campaignId: campaignId ?? this.#dialingCampaign(agentId)?.id});
    return Temporal.Instant.fromEpochMilliseconds(untilMs).toString();
  }

  /**
   * Makes the next call of `operation` fail with `error` (default `BackendUnavailableError`). Calls queue up.
   * With `afterCommit: true` the call does its work first and then fails, like a response lost on the way back:
   * a retry with the same idempotency key then returns the stored callback instead of booking a second one.
   */
  failNext(operation: MemoryBackendOperation, error?: unknown, options: {afterCommit?: boolean} = {}): void {
    const queue = this.#failures.get(operation) ?? [];
    queue.push({error: error ?? new BackendUnavailableError(), afterCommit: options.afterCommit ?? false});
    this.#failures.set(operation, queue);
  }

  /** Latency, abort, injected and random failures around one operation; `run` does the work synchronously. */
  async #call<T>(operation: MemoryBackendOperation, signal: AbortSignal | undefined, run: () => T): Promise<T> {
    if (signal?.aborted) throw abortReason(signal);
    if (this.#ready) await this.#ready;
    if (signal?.aborted) throw abortReason(signal);
    const {min, max} = this.#latency;
    const ms = min + (max > min ? this.#random() * (max - min) : 0);
    if (ms > 0) await sleep(ms, signal);
    if (signal?.aborted) throw abortReason(signal);
    this.tick();
    const injected = this.#failures.get(operation)?.shift();
    if (injected && !injected.afterCommit) throw injected.error;
    if (!injected && this.#failureRate > 0 && this.#random() < this.#failureRate) throw new BackendUnavailableError();
    const result = run();
    if (injected) throw injected.error;
    return result;
  }

  /**
   * Runs a write once per idempotency key: replays return the first answer; a key is recorded on success only.
   * A fresh write emits `callback-changed`, then `availability-changed` for the seats of `seats()` (default: the
   * written callback's).
   */
  #idempotent(
    key: string | undefined,
    fingerprint: string,
    write: () => Callback,
    seats?: (written: Callback) => Callback[],
  ): Callback {
    if (typeof key !== 'string' || key === '') {
      throw new ValidationError([field('idempotencyKey', 'required', 'An idempotency key is required.')]);
    }
    const seen = this.#idempotency.get(key);
    if (seen) {
      if (seen.fingerprint === fingerprint) return copy(seen.result);
      throw new ValidationError([
        field('idempotencyKey', 'idempotency-key-reused', 'This idempotency key was already used for another request.'),
      ]);
    }
    const callback = write();
    this.#idempotency.set(key, {fingerprint, result: copy(callback)});
    this.#emit({type: 'callback-changed', callback});
    this.#emitSeats(seats ? seats(callback) : [callback]);
    return copy(callback);
  }

  /** The range whose seats a callback takes: its slot (web callbacks: their From/Till), else one slot length. */
  #seatRange(callback: Callback): {from: string; to: string} {
    const start = Temporal.Instant.from(callback.start);
    const end = callback.end ? Temporal.Instant.from(callback.end) : undefined;
    if (callback.kind === 'web-callback' && end) return {from: start.toString(), to: end.toString()};
    const slot = this.#slotAt(start);
    const to = slot?.end ?? start.add({minutes: this.#policy.slotMinutes});
    return {from: (slot?.start ?? start).toString(), to: to.toString()};
  }

  /**
   * Emits `availability-changed` once per distinct range of `callbacks`. Personal callbacks narrow it to their owner
   * (`agentId`); campaign callbacks do not narrow it to their campaign, since campaigns share a slot's capacity.
   */
  #emitSeats(callbacks: Callback[]): void {
    const sent = new Set<string>();
    for (const callback of callbacks) {
      const range = this.#seatRange(callback);
      const event: BackendEvent = {type: 'availability-changed', ...range};
      if (callback.type === 'personal' && callback.ownerAgentId) event.agentId = callback.ownerAgentId;
      const id = canonical(event);
      if (sent.has(id)) continue;
      sent.add(id);
      this.#emit(event);
    }
  }

  /** Validates a request and checks its time; returns the normalized request to store. */
  #check(tools: PhoneTools, r: CallbackRequest, excludeId?: string): Checked {
    const checked = this.#validate(tools, r);
    const {request, start, target} = checked;
    const reason = this.#timeReason(start);
    if (reason === 'past') throw new SlotUnavailableError(r.start, reason, 'This time is in the past.');
    if (reason) {
      const message = `Callbacks can be scheduled at most ${this.#policy.maxDaysAhead} days ahead.`;
      throw new SlotUnavailableError(r.start, reason, message);
    }
    const slot = request.kind === 'web-callback' ? undefined : this.#slotAt(start);
    if (request.kind !== 'web-callback' && !slot) {
      throw new SlotUnavailableError(r.start, 'closed', 'The contact centre offers no slot starting at this time.');
    }
    const end = checked.end ?? slot?.end ?? start;
    const violation = this.#violation(target, start, end);
    if (violation) {
      const {start: open, end: close} = this.#policy.callingWindow;
      const where = `in the customer's time zone (${target.zones.join(', ')})`;
      const message =
        violation === 'outside-contact-window'
          ? `This time is outside the hours the customer agreed to be called on this number ${where}.`
          : `This time is outside the legal calling hours ${open}-${close} ${where}.`;
      throw new SlotUnavailableError(r.start, 'outside-calling-hours', message);
    }
    const rule = this.#ruleViolation([target], start, end);
    if (rule) throw new SlotUnavailableError(r.start, rule.reason, ruleMessage(rule), rule);
    if (request.type === 'personal' && request.ownerAgentId && this.#offShift(request.ownerAgentId, start, end)) {
      const name = this.#agents.get(request.ownerAgentId)?.name ?? request.ownerAgentId;
      throw new SlotUnavailableError(r.start, 'owner-off-shift', `${name} does not work at this time.`);
    }
    if (slot) {
      const {type, ownerAgentId} = request;
      const [capacity, used] = this.#load(this.#bookings(excludeId), slot.start, slot.end, type, ownerAgentId);
      if (used >= capacity) throw new SlotUnavailableError(r.start, 'full', 'This slot was taken meanwhile.');
    }
    return checked;
  }

  /** Field-by-field validation; throws one `ValidationError` listing every bad field. */
  #validate(tools: PhoneTools, r: CallbackRequest): Checked {
    if (!r || typeof r !== 'object') throw new ValidationError([field('request', 'required', 'Nothing to schedule.')]);
    const errors: FieldError[] = [];
    const add = (name: string, code: string, message: string) => errors.push(field(name, code, message));
    const allowed = this.#policy.callbackTypes;
    if (!KINDS.includes(r.kind)) add('kind', 'invalid', 'The kind must be callback, followup or web-callback.');
    if (!TYPES.includes(r.type)) add('type', 'invalid', 'The type must be personal or campaign.');
    else if (allowed !== 'both' && r.type !== allowed) add('type', 'type-not-allowed', `Only ${allowed} callbacks.`);
    else if (r.kind === 'followup' && r.type !== 'personal') {
      add('type', 'followup-must-be-personal', 'A followup is always a personal callback.');
    }
    const contact = r.contactId ? this.#contacts.get(r.contactId) : undefined;
    if (!r.contactId) add('contactId', 'required', 'Choose a contact.');
    else if (!contact) add('contactId', 'unknown-contact', 'This contact does not exist.');
    const parsed = r.phone ? tools.parsePhone(r.phone) : null;
    if (!r.phone) add('phone', 'required', 'Choose a phone number.');
    else if (!parsed) add('phone', 'invalid-phone', 'This is not a valid phone number.');
    if (r.type === 'personal' && !r.ownerAgentId) add('ownerAgentId', 'required', 'Choose the owner agent.');
    else if (r.ownerAgentId && !this.#agents.has(r.ownerAgentId)) {
      add('ownerAgentId', 'unknown-agent', 'This agent does not exist.');
    }
    const campaign = r.campaignId ? this.#campaigns.get(r.campaignId) : undefined;
    if (r.type === 'campaign' && !r.campaignId) add('campaignId', 'required', 'A campaign callback needs a campaign.');
    else if (r.campaignId && !campaign) add('campaignId', 'unknown-campaign', 'This campaign does not exist.');
    else if (campaign?.status === 'completed') add('campaignId', 'campaign-completed', 'This campaign is completed.');
    const start = parseInstant(r.start);
    if (!r.start) add('start', 'required', 'Choose a start time.');
    else if (!start) add('start', 'invalid-instant', 'The start is not a valid instant (ISO 8601 with offset or Z).');
    const end = parseInstant(r.end);
    if (r.end === undefined || r.end === null || r.end === '') {
      if (r.kind === 'web-callback') add('end', 'required', 'A web callback needs a From and a Till time.');
    } else if (!end) add('end', 'invalid-instant', 'The end is not a valid instant (ISO 8601 with offset or Z).');
    else if (start && Temporal.Instant.compare(end, start) <= 0) {
      add('end', 'end-before-start', 'The end must be after the start.');
    }
    if (!r.timeZone) add('timeZone', 'required', 'Choose a time zone.');
    else if (!isValidTimeZone(r.timeZone)) add('timeZone', 'invalid-time-zone', `Unknown time zone "${r.timeZone}".`);
    if (r.notes !== undefined && typeof r.notes !== 'string') add('notes', 'invalid', 'Notes must be text.');
    else if (r.notes && r.notes.length > 2000) add('notes', 'too-long', 'Notes are limited to 2000 characters.');
    const newPhone = r.newPhone && tools.parsePhone(r.newPhone.number)?.e164 === parsed?.e164 ? r.newPhone : undefined;
    if (r.newPhone && !newPhone) add('newPhone', 'mismatch', 'The new number does not match the number to call.');
    const given = r.customerTimeZones;
    if (given !== undefined && given !== null) {
      if (!Array.isArray(given)) add('customerTimeZones', 'invalid', "The customer's time zones must be a list.");
      else if (given.length > MAX_CUSTOMER_ZONES) {
        add('customerTimeZones', 'too-many', `At most ${MAX_CUSTOMER_ZONES} customer time zones.`);
      } else {
        const bad = given.filter((zone) => !isValidTimeZone(zone));
        if (bad.length) {
          const names = bad.map((zone) => `"${String(zone)}"`).join(', ');
          add('customerTimeZones', 'invalid-time-zone', `Unknown customer time zone ${names}.`);
        }
      }
    }
    const givenZones = Array.isArray(given) && given.every(isValidTimeZone) ? given : [];
    const target =
      parsed && contact ? this.#target(tools, parsed.e164, contact, newPhone, givenZones) : {zones: [], window: null};
    if (parsed && contact && target.zones.length === 0) {
      add('phone', 'unknown-time-zone', "The customer's zone cannot be told from this number: set the contact's.");
    }
    if (errors.length) throw new ValidationError(errors);
    const request: CallbackRequest = {
      contactId: r.contactId,
      phone: parsed!.e164,
      type: r.type,
      ownerAgentId: r.ownerAgentId,
      campaignId: r.campaignId,
      start: start!.toString(),
      end: end?.toString(),
      timeZone: r.timeZone,
      notes: r.notes,
      kind: r.kind,
      dispositionId: r.dispositionId,
      newPhone: newPhone ? {...newPhone, number: parsed!.e164} : undefined,
      // The zones given, else the CRM's zone (first) and the number's: lists show the customer's time from them.
      customerTimeZones: givenZones.length
        ? [...new Set(givenZones)]
        : this.#target(tools, parsed!.e164, contact).zones,
    };
    for (const key of Object.keys(request) as Array<keyof CallbackRequest>) {
      if (request[key] === undefined) delete request[key];
    }
    return {request, start: start!, end, target};
  }

  /** Adds a number the agent typed while scheduling to the contact, with its type and contact window. */
  #rememberPhone(callback: Callback): void {
    const contact = callback.newPhone && this.#contacts.get(callback.contactId);
    if (!contact || contact.phones.some((p) => p.number === callback.newPhone!.number)) return;
    contact.phones.push({...callback.newPhone!});
  }

  /**
   * Candidate zones of the customer on this number and the contact window it has on file. The CRM's
   * `contact.timeZone` (first) and the number's zones are ALL candidates: a London contact on a +1 212 number is
   * callable only when the law allows it in London and in New York. `extra` (a request's `customerTimeZones`)
   * adds candidates, never removes one.
   */
  #target(
    tools: PhoneTools,
    number: string,
    contact?: Contact,
    added?: Phone,
    extra: readonly TimeZoneId[] = [],
  ): Target {
    const e164 = tools.parsePhone(number)?.e164;
    const zones: TimeZoneId[] = [];
    const addZone = (zone: TimeZoneId | undefined) => {
      if (zone && isValidTimeZone(zone) && !zones.includes(zone)) zones.push(zone);
    };
    addZone(contact?.timeZone);
    tools.timeZonesForPhone(number).forEach(addZone);
    extra.forEach(addZone);
    const onFile = e164 ? (contact?.phones.find((p) => tools.parsePhone(p.number)?.e164 === e164) ?? added) : undefined;
    const window = onFile ? {contactFrom: onFile.contactFrom, contactUntil: onFile.contactUntil} : null;
    return {zones, window, regions: [...tools.regionsForPhone(number), ...regionsOf(contact)]};
  }

  /** The first calling-window rule `[start, end)` breaks for a target, or null. */
  #violation(target: Target, start: Temporal.Instant, end: Temporal.Instant) {
    return callingWindowViolation(start, target.window, target.zones, this.#policy, {end});
  }

  /**
   * `policy.callingRules` (issue 19): undefined when a target that is inside the calling and contact windows is
   * allowed by every rule of its regions in all its zones; otherwise the rule the first such target breaks.
   */
  #ruleViolation(targets: Target[], start: Temporal.Instant, end: Temporal.Instant): CallingRuleViolation | undefined {
    let first: CallingRuleViolation | undefined;
    for (const target of targets) {
      if (this.#violation(target, start, end)) continue;
      const zones = target.zones;
      const rule = slotCallingRuleViolation(
        start,
        end,
        {zones, regions: target.regions ?? []},
        this.#policy.callingRules,
      );
      if (!rule) return undefined;
      first ??= rule;
    }
    return first;
  }

  /** `past` or `too-far-ahead` for a start, else undefined. */
  #timeReason(start: Temporal.Instant): SlotUnavailableReason | undefined {
    const now = this.#clock.now();
    if (Temporal.Instant.compare(start, now) < 0) return 'past';
    const last = now.toZonedDateTimeISO(this.#timeZone).toPlainDate().add({days: this.#policy.maxDaysAhead});
    const date = start.toZonedDateTimeISO(this.#timeZone).toPlainDate();
    return Temporal.PlainDate.compare(date, last) > 0 ? 'too-far-ahead' : undefined;
  }

  /** The slot starting exactly at `start`, if the centre offers one. */
  #slotAt(start: Temporal.Instant): {start: Temporal.Instant; end: Temporal.Instant} | undefined {
    const date = start.toZonedDateTimeISO(this.#timeZone).toPlainDate();
    const {slotMinutes} = this.#policy;
    const slot = generateSlots({timeZone: this.#timeZone, from: date, to: date, slotMinutes, hours: this.#hours}).find(
      (s) => s.start.epochNanoseconds === start.epochNanoseconds,
    );
    return slot && {start: slot.start.toInstant(), end: slot.end.toInstant()};
  }

  /** Active slot-bound callbacks, except `excludeId`. */
  #bookings(excludeId?: string): Booking[] {
    return [...this.#callbacks.values()]
      .filter((c) => ACTIVE.has(c.status) && c.kind !== 'web-callback' && c.id !== excludeId)
      .map((callback) => ({ms: Temporal.Instant.from(callback.start).epochMilliseconds, callback}));
  }

  /** `[capacity, used]` of a slot for a type (and owner agent for personal callbacks). */
  #load(bookings: Booking[], start: Temporal.Instant, end: Temporal.Instant, type: CallbackType, agentId?: string) {
    const [from, to] = [start.epochMilliseconds, end.epochMilliseconds];
    const inSlot = bookings.filter((b) => b.ms >= from && b.ms < to && b.callback.type === type);
    if (type === 'campaign') return [this.#slotCapacity, inSlot.length];
    return [1, agentId ? inSlot.filter((b) => b.callback.ownerAgentId === agentId).length : 0];
  }

  /** The end (epoch ms) of the agent's call reservation when it is still running at `nowMs`, else 0. */
  #reservedUntil(agentId: string, nowMs: number): number {
    const reservation = this.#reservations.get(agentId);
    return reservation && reservation.untilMs > nowMs ? reservation.untilMs : 0;
  }

  /** A started/running predictive (or else progressive) campaign of the agent. */
  #dialingCampaign(agentId: string): Campaign | undefined {
    const live = [...this.#campaigns.values()].filter(
      (c) => (c.status === 'started' || c.status === 'running') && c.agentIds?.includes(agentId),
    );
    return live.find((c) => c.dialingMode === 'predictive') ?? live.find((c) => c.dialingMode === 'progressive');
  }

  /** Adds a time-driven campaign change to the timeline (kept in time order). */
  #schedule(atMs: number, campaignId: string, action: 'start' | 'run'): void {
    this.#timeline.push({atMs, campaignId, action});
    this.#timeline.sort((a, b) => a.atMs - b.atMs);
  }

  /** A fresh callback id: `cb-` and 10 base-36 characters from the (seeded) PRNG. */
  #newId(): string {
    const part = () =>
      Math.floor(this.#idRandom() * 36 ** 5)
        .toString(36)
        .padStart(5, '0');
    let id: string;
    do id = `cb-${part()}${part()}`;
    while (this.#callbacks.has(id));
    return id;
  }

  /** Sends a copy of `event` to every listener; a throwing listener neither stops the others nor the caller. */
  #emit(event: BackendEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(copy(event));
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
