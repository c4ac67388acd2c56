import type {Callback, CallbackRequest, CallbackType, Campaign, IsoInstant, Slot} from './types.js';

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
  | {type: 'logout-authorized'; agentId: string};

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
  requestLogout(q: {agentId: string}): Promise<LogoutDecision>;
  /** Optional: the agent gave up a deferred logout (`<logout-countdown>` calls it when present). */
  cancelLogout?(q: {agentId: string}): Promise<void>;
  /** Calls `listener` for every change; returns the unsubscribe function. */
  subscribe(listener: (e: BackendEvent) => void): () => void;
}

/** A fresh idempotency key (UUID v4 where `crypto.randomUUID` exists). Generate one per user intent and reuse it on retries. */
export function createIdempotencyKey(): string {
  const c = (globalThis as {crypto?: {randomUUID?: () => string}}).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `ck-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
