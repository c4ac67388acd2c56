import type {
  Agent,
  AgentShift,
  Callback,
  CallbackRequest,
  CallbackStatusUpdate,
  CallbackType,
  Campaign,
  Contact,
  IsoInstant,
  Slot,
} from './types.js';

export * from './errors.js';

/** Options every backend call accepts: an AbortSignal cancels a superseded request. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a call that creates or changes a callback. The same key retried never creates two callbacks. */
export interface IdempotentCallOptions extends CallOptions {
  idempotencyKey: string;
}

export interface AvailabilityQuery {
  /** First instant of the range (inclusive). */
  from: IsoInstant;
  /** End of the range (exclusive). */
  to: IsoInstant;
  type: CallbackType;
  campaignId?: string;
  /** The agent who would own a personal callback (their own bookings make slots full). */
  agentId?: string;
  /** The number that will be called: slots outside its calling window (any candidate zone) or contact window are unavailable. */
  phone?: string;
  /** The contact, so the backend can use its known zone and contact windows. */
  contactId?: string;
}

export type LogoutDecision = {authorized: true} | {authorized: false; notBefore: IsoInstant; reason: string};

/** What `subscribe` listeners receive. */
export type BackendEvent =
  | {type: 'campaign-started'; campaign: Campaign}
  | {type: 'campaign-changed'; campaign: Campaign}
  | {type: 'callback-changed'; callback: Callback}
  | {type: 'logout-authorized'; agentId: string}
  /**
   * Seats changed in `[from, to)` (a booking, a reschedule, a cancel, by any agent): an open grid over that
   * range reloads its availability. `campaignId`/`agentId` narrow it when set.
   */
  | {type: 'availability-changed'; from: IsoInstant; to: IsoInstant; campaignId?: string; agentId?: string}
  /** A personal callback went to its campaign (owner away or off shift past `policy.personalHandOffMinutes`). */
  | {type: 'callback-handed-off'; callback: Callback; fromAgentId: string}
  /**
   * Events may have been missed (a stream resumed past what the server keeps, a truncated poll): every
   * listener reloads its data. Also sent after any reconnection that could have missed events.
   */
  | {type: 'resync'};

/**
 * The adapter every element talks to. Implement it to plug the kit into your own backend, or use
 * `MemoryBackend` (embedded, demo data) or `HttpBackend` (the REST contract in api/openapi.yaml).
 *
 * Errors are typed: `SlotUnavailableError` (slot taken meanwhile), `ValidationError` (with field errors),
 * `BackendUnavailableError` (retry with the same idempotency key), `NotFoundError`.
 */
export interface SchedulingBackend {
  getAvailability(q: AvailabilityQuery, o?: CallOptions): Promise<Slot[]>;
  scheduleCallback(r: CallbackRequest, o: IdempotentCallOptions): Promise<Callback>;
  rescheduleCallback(id: string, r: CallbackRequest, o: IdempotentCallOptions): Promise<Callback>;
  cancelCallback(id: string, o?: CallOptions): Promise<void>;
  listCallbacks(q: {agentId: string}, o?: CallOptions): Promise<Callback[]>;
  listCampaigns(q: {agentId: string}, o?: CallOptions): Promise<Campaign[]>;
  /**
   * Asks to log the agent out: `{authorized: true}`, or `{authorized: false, notBefore, reason}` while the dialer is
   * setting up a call for them (then emit `logout-authorized` for the agent once it may log out).
   */
  requestLogout(q: {agentId: string}): Promise<LogoutDecision>;
  /**
   * Optional: the agent gave up the logout they asked for (Cancel logout in `<logout-countdown>`, or a host veto of
   * its recheck). Forget the pending request: emit no `logout-authorized` for it. A no-op when none is pending.
   * Without this method the backend is simply not told, and the element ignores a later `logout-authorized` of the
   * canceled logout. A rejection is shown to the agent with a Retry (`logout-error`, operation `cancel`).
   */
  cancelLogout?(q: {agentId: string}): Promise<void>;
  /** The contact with this id (the scheduler loads a rescheduled callback's customer). Rejects with `NotFoundError`. */
  getContact(id: string, o?: CallOptions): Promise<Contact>;
  /**
   * Optional: the contacts the agent may see, synchronously or as a promise. `<callback-list>` names customers and
   * finds their zone with them (a rejection is said in an alert; the list still shows). Honour `o.signal`.
   */
  listContacts?(o?: CallOptions): Contact[] | Promise<Contact[]>;
  /**
   * Optional: the agents, synchronously or as a promise. Feeds the scheduler's owner picker (with
   * `policy.canScheduleForOthers`) and `<agent-session agent-id>` (the agent of that id). Honour `o.signal`.
   */
  listAgents?(o?: CallOptions): Agent[] | Promise<Agent[]>;
  /**
   * Persists a status change: `in-progress` on launch, `expired` when a followup expires, `completed`, `due`.
   * Idempotent by key; a reload never fires `callback-expired` again for a callback already `expired`.
   */
  updateCallbackStatus(id: string, status: CallbackStatusUpdate, o: IdempotentCallOptions): Promise<Callback>;
  /** Optional: an agent's shifts overlapping `[from, to)` (personal callbacks are bookable only inside them). */
  getAgentShifts?(agentId: string, q: {from: IsoInstant; to: IsoInstant}, o?: CallOptions): Promise<AgentShift[]>;
  /** Calls `listener` for every change; returns the unsubscribe function. */
  subscribe(listener: (e: BackendEvent) => void): () => void;
}

/** A fresh idempotency key (UUID v4 where `crypto.randomUUID` exists). Generate one per user intent and reuse it on retries. */
export function createIdempotencyKey(): string {
  const c = (globalThis as {crypto?: {randomUUID?: () => string}}).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `ck-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
