/**
 * Data at the boundary: plain JSON-able objects. Instants are ISO 8601 strings with an offset or `Z`
 * (`"2026-11-23T19:00:00Z"`), zones are IANA names (`"America/New_York"`), local dates `"2026-11-23"`,
 * local times `"14:00"`. Inside the kit everything is Temporal.
 */
import type {CallingRule} from './calling-rules.js';

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
  /**
   * The customer's region when known from the CRM (ISO 3166-2, e.g. `"US-FL"`, `"CA-ON"`, e.g. from the
   * address). Calling rules apply for it as well as for the regions of the number.
   */
  region?: string;
}

/**
 * Why a slot cannot be booked. `outside-calling-hours`: the legal calling window (`policy.callingWindow`) in
 * one of the customer's candidate zones. `outside-contact-window`: the hours this number's customer agreed to
 * (`Phone.contactFrom`/`contactUntil`). `outside-jurisdiction-hours`, `jurisdiction-no-calls-day` and
 * `jurisdiction-holiday`: a calling rule of a region the number may be in (`policy.callingRules`; the slot's
 * `rule` says which). `owner-off-shift`: a personal callback's owner does not work then.
 */
export type SlotUnavailableReason =
  | 'full'
  | 'past'
  | 'closed'
  | 'outside-calling-hours'
  | 'outside-contact-window'
  | 'too-far-ahead'
  | 'outside-jurisdiction-hours'
  | 'jurisdiction-no-calls-day'
  | 'jurisdiction-holiday'
  | 'owner-off-shift';

/** The calling rule a slot or a request breaks: its jurisdiction and, for hours, the window of that day. */
export interface CallingRuleViolation {
  reason: 'outside-jurisdiction-hours' | 'jurisdiction-no-calls-day' | 'jurisdiction-holiday';
  /** ISO 3166-1 or 3166-2 code, e.g. `"US-FL"`, `"CA"`. */
  jurisdiction: string;
  /** The allowed window that day in the jurisdiction's local time, when there is one, e.g. `"08:00"`. */
  start?: LocalTime;
  end?: LocalTime;
  /** The holiday's name, for `jurisdiction-holiday`. */
  holiday?: string;
  /** The zone the window was evaluated in. */
  timeZone?: TimeZoneId;
}

export interface Slot {
  start: IsoInstant;
  end: IsoInstant;
  available: boolean;
  /** How many callbacks the slot takes in all. */
  capacity?: number;
  /** How many more callbacks the slot takes. */
  remaining?: number;
  reason?: SlotUnavailableReason;
  /** For the jurisdiction reasons: which rule, and its window. */
  rule?: CallingRuleViolation;
}

/** One stretch of an agent's working time (an owner's shift). */
export interface AgentShift {
  start: IsoInstant;
  end: IsoInstant;
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
  /**
   * The customer's candidate zones when the callback was booked, most likely first: the CRM's
   * `contact.timeZone`, then the number's zones. Lists show the customer's time from them without loading the
   * phone tables. Never the agent's booking zone unless it is one of them.
   */
  customerTimeZones?: TimeZoneId[];
}

export type CallbackStatus = 'scheduled' | 'due' | 'in-progress' | 'completed' | 'expired' | 'canceled';

export interface Callback extends CallbackRequest {
  id: string;
  status: CallbackStatus;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  /** For a personal callback handed to its campaign (`policy.personalHandOffMinutes`): the owner it had. */
  handedOffFrom?: string;
}

/** The status changes a host or an element may ask for with `updateCallbackStatus`. */
export type CallbackStatusUpdate = 'due' | 'in-progress' | 'completed' | 'expired';

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
  /**
   * Calling rules of jurisdictions (state and provincial hours, no-call days, holidays), checked for every region
   * the number or the contact may be in, e.g. `[...usCallingRules, ...caCallingRules]` from
   * `callback-kit/rules/us` and `callback-kit/rules/ca`. None by default: only `callingWindow` applies.
   */
  callingRules?: CallingRule[];
  /**
   * Minutes after its start that a personal callback still not launched (`scheduled` or `due`) goes to its
   * campaign: the backend makes it a campaign callback (`handedOffFrom` = the owner) and emits
   * `callback-handed-off`. A personal callback whose owner is off shift at its start goes at its start. Only
   * callbacks with a `campaignId` can go (followups never do). Undefined (default): never.
   */
  personalHandOffMinutes?: number;
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
