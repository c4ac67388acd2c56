/**
 * Data at the boundary: plain JSON-able objects. Instants are ISO 8601 strings with an offset or `Z`
 * (`"2026-11-23T19:00:00Z"`), zones are IANA names (`"America/New_York"`), local dates `"2026-11-23"`,
 * local times `"14:00"`. Inside the kit everything is Temporal.
 */

/** An ISO 8601 instant with offset or `Z`, e.g. `"2026-11-23T19:00:00Z"`. */
export type IsoInstant = string;
/** An IANA time zone name, e.g. `"America/New_York"`. */
export type TimeZoneId = string;
/** A local date, `"YYYY-MM-DD"`. */
export type IsoDate = string;
/** A local wall-clock time, `"HH:MM"` (24-hour). */
export type LocalTime = string;

export interface Agent {
  id: string;
  name: string;
  /** The agent's own IANA zone: the default display zone of every element. */
  timeZone: TimeZoneId;
  /** BCP 47 locale, e.g. `"en-US"`. */
  locale?: string;
}

export type PhoneType = 'home' | 'mobile' | 'work' | 'other';

export interface Phone {
  /** E.164, e.g. `"+12125550123"`. */
  number: string;
  type: PhoneType;
  /** Earliest local time (in the phone's own zone) the customer agreed to be called, `"HH:MM"`. */
  contactFrom?: LocalTime;
  /** Latest local time (exclusive) the customer agreed to be called, `"HH:MM"`. May be earlier than `contactFrom` for an overnight window. */
  contactUntil?: LocalTime;
}

export interface Contact {
  id: string;
  name: string;
  phones: Phone[];
  /** The customer's zone when known from the CRM; otherwise it is derived from the phone number. */
  timeZone?: TimeZoneId;
}

/** Why a slot cannot be booked. */
export type SlotUnavailableReason = 'full' | 'past' | 'closed' | 'outside-calling-hours' | 'too-far-ahead';

export interface Slot {
  start: IsoInstant;
  end: IsoInstant;
  available: boolean;
  /** How many callbacks the slot takes in all. */
  capacity?: number;
  /** How many more callbacks the slot takes. */
  remaining?: number;
  reason?: SlotUnavailableReason;
}

/** `personal`: only the owning agent gets the callback. `campaign`: any agent of the campaign may. */
export type CallbackType = 'personal' | 'campaign';

/** `callback`: a slot-based callback. `followup`: an agent-owned preview call that expires soon after its start. `web-callback`: a date with a From/Till interval. */
export type CallbackKind = 'callback' | 'followup' | 'web-callback';

export interface CallbackRequest {
  contactId: string;
  /** The number to call, E.164. */
  phone: string;
  type: CallbackType;
  ownerAgentId?: string;
  campaignId?: string;
  start: IsoInstant;
  end?: IsoInstant;
  /** The zone the agent chose the time in (shown back to agents and customers). */
  timeZone: TimeZoneId;
  notes?: string;
  kind: CallbackKind;
  /** The disposition that asked for this callback (next-attempt mode). */
  dispositionId?: string;
  /** A number the agent added while scheduling (`phone` is it): its type and contact window, for the backend to keep. */
  newPhone?: Phone;
}

export type CallbackStatus = 'scheduled' | 'due' | 'in-progress' | 'completed' | 'expired' | 'canceled';

export interface Callback extends CallbackRequest {
  id: string;
  status: CallbackStatus;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export type CampaignStatus = 'started' | 'running' | 'paused' | 'stopped' | 'completed';
export type DialingMode = 'preview' | 'push-preview' | 'progressive' | 'predictive';
export type DeliveryMode = 'manual' | 'automatic';

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  dialingMode: DialingMode;
  deliveryMode: DeliveryMode;
  startedAt?: IsoInstant;
  /** Agents assigned to the campaign (MemoryBackend and HttpBackend fill it; hosts may omit it). */
  agentIds?: string[];
}

/** A local-time window, `start` inclusive and `end` exclusive, e.g. `{start: '08:00', end: '21:00'}`. */
export interface LocalTimeWindow {
  start: LocalTime;
  end: LocalTime;
}

/** What an agent may do and the rules that bind scheduling. Every field has a default (`DEFAULT_POLICY`). */
export interface SchedulingPolicy {
  /** Which callback types an agent may create; with `both` the agent chooses. */
  callbackTypes: CallbackType | 'both';
  /** Whether the agent may schedule callbacks owned by another agent. */
  canScheduleForOthers: boolean;
  /** How many days ahead a callback may be scheduled. */
  maxDaysAhead: number;
  /** The legal calling window in the customer's local time (TCPA: 08:00 to 21:00). */
  callingWindow: LocalTimeWindow;
  /** Minutes before start that a callback becomes due and the agent is reminded. */
  reminderLeadMinutes: number;
  /** Minutes after start that an unlaunched followup expires. */
  followupExpiryMinutes: number;
  /** Length of one slot in minutes. */
  slotMinutes: number;
}

export const DEFAULT_POLICY: Readonly<SchedulingPolicy> = Object.freeze({
  callbackTypes: 'both',
  canScheduleForOthers: false,
  maxDaysAhead: 30,
  callingWindow: Object.freeze({start: '08:00', end: '21:00'}),
  reminderLeadMinutes: 5,
  followupExpiryMinutes: 5,
  slotMinutes: 30,
});

/** Fills the missing fields of a partial policy with `DEFAULT_POLICY`. */
export function resolvePolicy(partial?: Partial<SchedulingPolicy> | null): SchedulingPolicy {
  return {...DEFAULT_POLICY, ...(partial ?? {})};
}
