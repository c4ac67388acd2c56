/**
 * The scheduler's form model, DOM-free: its fields, the rules a time must pass, their validation and the request they
 * make. `<callback-scheduler>` holds the agent's entries (reactive state) and resolves its inputs (contact, policy,
 * clock, zones); everything it decides about them is here, so it can be read and tested without a page.
 */
import {msg} from '@lit/localize';
import type {AvailabilityQuery} from '../../core/backend.js';
import {callingWindowViolation, type CallingWindowViolation} from '../../core/calling-window.js';
import {Temporal} from '../../core/temporal.js';
import {generateSlots, isValidTimeZone, zonedFromLocal} from '../../core/time.js';
import type {
  Callback,
  CallbackRequest,
  CallbackType,
  CallingRuleViolation,
  Contact,
  Phone,
  PhoneType,
  SchedulingPolicy,
  Slot,
} from '../../core/types.js';
import type {Disposition} from '../../context/interaction.js';
import {formatTime} from '../../internal/format.js';
import {LazyChunk} from '../../internal/lazy-chunk.js';

/** How the scheduler is used: see the element's description. */
export type SchedulerMode = 'new' | 'reschedule' | 'next-attempt' | 'followup' | 'web-callback';

/** A field of the form that can carry an error message. */
export type Field =
  | 'contact'
  | 'disposition'
  | 'owner'
  | 'phone'
  | 'zone'
  | 'date'
  | 'slot'
  | 'from'
  | 'till'
  | 'notes'
  | 'new-from'
  | 'new-until';

/** Which zone the times are shown in. */
export type ZoneMode = 'agent' | 'customer' | 'other';

/** Error messages by field. */
export type FieldErrors = Partial<Record<Field, string>>;

export type Operation = 'schedule' | 'reschedule';

/** Where attempts whose outcome is not known yet are kept across reloads (per agent and contact). */
export const PENDING_PREFIX = 'callback-kit:pending:';

export const PHONE_TYPES: PhoneType[] = ['mobile', 'home', 'work', 'other'];
/** The number picker's "New number…" choice. */
export const NEW_NUMBER = '__new__';

export const phoneTypeLabel = (type: PhoneType): string =>
  ({mobile: msg('Mobile'), home: msg('Home'), work: msg('Work'), other: msg('Other')})[type];

/** The number the request will call, and whether the agent typed it in. */
export type ChosenPhone = Phone & {isNew: boolean};

/** Everything the rules, the validation and the request read: the agent's entries and the resolved inputs. */
export interface SchedulerFormInput {
  readonly mode: SchedulerMode;
  readonly callback?: Callback;
  readonly contact?: Contact;
  /** Saving moves `callback` (`rescheduleCallback`). */
  readonly rescheduling: boolean;
  /** The next-call controls are shown (always, except next-attempt mode before a disposition needing one). */
  readonly needsCallback: boolean;
  readonly disposition?: Disposition;
  readonly dispositionId?: string;
  readonly type: CallbackType;
  /** The callback's owner (personal callbacks). */
  readonly ownerId?: string;
  readonly campaignId?: string;
  readonly phoneChoice?: string;
  readonly newNumber: string;
  readonly newFrom: string;
  readonly newUntil: string;
  readonly phone?: ChosenPhone;
  readonly zoneMode: ZoneMode;
  readonly otherZone: string;
  /** Zones the customer may be in (every one is checked). */
  readonly candidateZones: string[];
  /** Regions calling rules apply for. */
  readonly regions: string[];
  readonly displayZone: string;
  readonly agentTimeZone: string;
  readonly policy: SchedulingPolicy;
  readonly now: Temporal.Instant;
  readonly locale?: string;
  readonly date: Temporal.PlainDate;
  /** The picked slot's start. */
  readonly value?: string;
  readonly slots: Slot[];
  readonly webFrom: string;
  readonly webTill: string;
  readonly notes: string;
  readonly notesMaxLength: number;
}

type RulesModule = typeof import('./scheduler-week.js');
/**
 * The week's chunk (`scheduler-week.ts`): the `<timeslot-grid>` and the calling-rules code (needed only with
 * `policy.callingRules`). Until it is there, `timeProblem` lets no time pass a policy with rules.
 */
export const weekChunk = new LazyChunk<RulesModule>(() => import('./scheduler-week.js'));
const rulesModule = () => weekChunk.module;

/** A rule's words in a refusal (the calling-rules code is loaded by then: see `weekChunk`). */
export const callingRuleWords = (...args: Parameters<RulesModule['callingRuleText']>): string =>
  rulesModule()!.callingRuleText(...args);

/** Whether the calling-rules code is needed and not loaded yet (`weekChunk`). */
export const rulesPending = (policy: SchedulingPolicy): boolean => !!policy.callingRules?.length && !rulesModule();

/** Why a time cannot be booked by the element's own rules. */
export interface TimeProblem {
  reason: Slot['reason'];
  violation?: CallingWindowViolation;
  rule?: CallingRuleViolation;
}

/** Rules the element enforces itself, whatever the availability source says. */
export function timeProblem(
  input: Pick<SchedulerFormInput, 'now' | 'agentTimeZone' | 'policy' | 'candidateZones' | 'phone' | 'regions'>,
  start: Temporal.Instant,
  end?: Temporal.Instant,
): TimeProblem | undefined {
  const {now, agentTimeZone, policy, phone} = input;
  if (Temporal.Instant.compare(start, now) < 0) return {reason: 'past'};
  const day = start.toZonedDateTimeISO(agentTimeZone).toPlainDate();
  const last = now.toZonedDateTimeISO(agentTimeZone).toPlainDate().add({days: policy.maxDaysAhead});
  if (Temporal.PlainDate.compare(day, last) > 0) return {reason: 'too-far-ahead'};
  const zones = input.candidateZones;
  if (zones.length) {
    const violation = callingWindowViolation(start, phone ?? null, zones, policy, end ? {end} : {});
    if (violation) {
      const reason = violation === 'outside-contact-window' ? 'outside-contact-window' : 'outside-calling-hours';
      return {reason, violation};
    }
  }
  // policy.callingRules (issue 19): the regions of the number and the contact's, in every candidate zone
  const rules = policy.callingRules;
  if (rules?.length && phone) {
    // the rules' code is loaded before the slots are shown and before a submit is checked: never a pass without it
    const callingRules = rulesModule();
    if (!callingRules) return {reason: 'outside-calling-hours'};
    const rule = callingRules.slotCallingRuleViolation(start, end ?? start, {zones, regions: input.regions}, rules);
    if (rule) return {reason: rule.reason, rule};
  }
  return undefined;
}

/** The slots with the element's own rules applied (an unavailable slot says why). */
export function applyRules(input: Parameters<typeof timeProblem>[0], slots: Slot[]): Slot[] {
  return slots.map((slot) => {
    if (!slot.available) return slot;
    try {
      const problem = timeProblem(input, Temporal.Instant.from(slot.start), Temporal.Instant.from(slot.end));
      if (!problem) return slot;
      return {...slot, available: false, reason: problem.reason, ...(problem.rule ? {rule: problem.rule} : {})};
    } catch {
      return {...slot, available: false};
    }
  });
}

/** Slots offered without any availability source: every policy slot, all day, in the agent's zone. */
export function policySlots(query: AvailabilityQuery, zone: string, slotMinutes: number): Slot[] {
  const from = Temporal.Instant.from(query.from);
  const to = Temporal.Instant.from(query.to);
  return generateSlots({
    timeZone: zone,
    from: from.toZonedDateTimeISO(zone).toPlainDate(),
    to: to.toZonedDateTimeISO(zone).toPlainDate(),
    slotMinutes,
    hours: {start: '00:00', end: '24:00'},
  })
    .filter(
      (s) =>
        Temporal.Instant.compare(s.start.toInstant(), from) >= 0 &&
        Temporal.Instant.compare(s.start.toInstant(), to) < 0,
    )
    .map((s) => ({start: s.start.toInstant().toString(), end: s.end.toInstant().toString(), available: true}));
}

/** `HH:MM` of a 24-hour time, or undefined. */
function hhmm(value: string): string | undefined {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : undefined;
}

/**
 * Reads a typed time of day ("9:30", "09:30", "9.30", "930", "9:30 pm", "21h30", "09 h 30", "9 AM") as `HH:MM` (24 h), or
 * undefined when it is not one. Text time fields use it: one tab stop, any hour cycle.
 */
export function parseTimeOfDay(text: string): string | undefined {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\u202f|\u00a0/g, ' ');
  if (!t) return undefined;
  // "9:30", "9.30", "930", "21h30", and French Canada's own "09 h 30" / "9 h"
  const m = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})?|(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|a|p)?$/.exec(t);
  if (!m) return undefined;
  let hours = Number(m[1]);
  const minutes = Number(m[2] ?? m[3] ?? 0);
  const meridiem = m[4]?.[0];
  if (minutes > 59) return undefined;
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hours > 23) return undefined;
  return hhmm(`${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
}

/** `HH:MM` shown in the locale's hour cycle ("2:30 PM" in en-US, "14:30" in es-ES). */
export function formatTimeOfDay(value: string, locale: string | undefined): string {
  if (!hhmm(value)) return value;
  const [h, m] = value.split(':').map(Number);
  const instant = Temporal.PlainDateTime.from({year: 2026, month: 1, day: 1, hour: h, minute: m})
    .toZonedDateTime('UTC')
    .toInstant();
  return formatTime(instant, {locale, timeZone: 'UTC'});
}

/** The start (and end) of the request, or the field that stops it. */
export function requestTimes(
  input: Pick<SchedulerFormInput, 'mode' | 'displayZone' | 'date' | 'webFrom' | 'webTill' | 'slots' | 'value'>,
): {start: Temporal.Instant; end?: Temporal.Instant} | {field: Field; error: string} {
  if (input.mode === 'web-callback') {
    const zone = input.displayZone;
    const from = parseTimeOfDay(input.webFrom);
    const till = parseTimeOfDay(input.webTill);
    if (!from) return {field: 'from', error: msg('Enter a From time.')};
    if (!till) return {field: 'till', error: msg('Enter a Till time.')};
    if (till <= from) return {field: 'till', error: msg('Till must be after From.')};
    return {
      start: zonedFromLocal(input.date, from, zone).toInstant(),
      end: zonedFromLocal(input.date, till, zone).toInstant(),
    };
  }
  const slot = input.slots.find((s) => s.start === input.value);
  if (!input.value || !slot) return {field: 'slot', error: msg('Choose a time in the grid.')};
  return {start: Temporal.Instant.from(slot.start), end: Temporal.Instant.from(slot.end)};
}

/** The request the entries make (call after `validate` found nothing). */
export function buildRequest(input: SchedulerFormInput): CallbackRequest {
  const times = requestTimes(input) as {start: Temporal.Instant; end?: Temporal.Instant};
  const phone = input.phone!;
  const type = input.type;
  const request: CallbackRequest = {
    contactId: input.contact!.id,
    phone: phone.number,
    type,
    ownerAgentId: type === 'personal' ? input.ownerId : undefined,
    campaignId: input.campaignId,
    start: times.start.toString(),
    end: times.end?.toString(),
    timeZone: input.displayZone,
    notes: input.notes.trim() || undefined,
    kind:
      input.mode === 'followup'
        ? 'followup'
        : input.mode === 'web-callback'
          ? 'web-callback'
          : (input.callback?.kind ?? 'callback'),
    dispositionId: input.mode === 'next-attempt' ? input.dispositionId : undefined,
    customerTimeZones: input.candidateZones.length ? input.candidateZones : undefined,
    newPhone: phone.isNew
      ? {number: phone.number, type: phone.type, contactFrom: phone.contactFrom, contactUntil: phone.contactUntil}
      : undefined,
  };
  for (const key of Object.keys(request) as (keyof CallbackRequest)[])
    if (request[key] === undefined) delete request[key];
  return request;
}

/** `HH:MM` of a zoned time. */
const hhmmOf = (instant: Temporal.Instant, zone: string) =>
  instant.toZonedDateTimeISO(zone).toPlainTime().toString().slice(0, 5);

/**
 * A web callback's first interval: an hour, on the first legal half hour for the customer, 30 minutes from now at
 * the earliest, within a week (and the policy's days ahead). Undefined when there is none.
 */
export function firstWebInterval(
  input: Parameters<typeof timeProblem>[0],
  today: Temporal.PlainDate,
  zone: string,
): {date: string; from: string; till: string} | undefined {
  const earliest = input.now.add({minutes: 30});
  for (let day = 0; day <= Math.min(7, input.policy.maxDaysAhead); day++) {
    const date = today.add({days: day});
    for (let minutes = 0; minutes + 60 <= 1440; minutes += 30) {
      const from = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const start = zonedFromLocal(date, from, zone).toInstant();
      const end = start.add({minutes: 60});
      if (Temporal.Instant.compare(start, earliest) < 0 || timeProblem(input, start, end)) continue;
      return {date: date.toString(), from, till: hhmmOf(end, zone)};
    }
  }
  return undefined;
}

/** The entries a callback prefills (reschedule): its day, its zone, its slot or its web interval. */
export function entriesOf(
  callback: Callback,
  agentTimeZone: string,
): {zone?: string; date?: string; value?: string; webFrom?: string; webTill?: string} {
  const zone = isValidTimeZone(callback.timeZone) ? callback.timeZone : agentTimeZone;
  const entries: ReturnType<typeof entriesOf> = zone !== agentTimeZone ? {zone} : {};
  try {
    const start = Temporal.Instant.from(callback.start);
    entries.date = start.toZonedDateTimeISO(zone).toPlainDate().toString();
    if (callback.kind !== 'web-callback') return {...entries, value: callback.start};
    entries.webFrom = hhmmOf(start, zone);
    if (callback.end) entries.webTill = hhmmOf(Temporal.Instant.from(callback.end), zone);
  } catch {
    /* an unreadable start: the agent picks a new one */
  }
  return entries;
}

/** The picked slot when it no longer fits the element's own rules (after a change of number or of its window). */
export function pickNoLongerFits(
  slots: Slot[],
  value: string | undefined,
  input: Parameters<typeof timeProblem>[0],
): Slot | undefined {
  const slot = value ? slots.find((s) => s.start === value) : undefined;
  if (!slot) return undefined;
  try {
    return timeProblem(input, Temporal.Instant.from(slot.start), Temporal.Instant.from(slot.end)) ? slot : undefined;
  } catch {
    return undefined;
  }
}

/** What a new form starts from besides the callback: the default number, the kept choices, the current entries. */
export interface StartDefaults {
  phone?: string;
  /** The agent's type and owner choices, kept by "Schedule another". */
  carry?: {personal?: boolean; ownerId?: string};
  agentTimeZone: string;
  locale?: string;
  date?: string;
  webFrom: string;
  webTill: string;
}

/**
 * The form's entries for a new customer or a callback to reschedule: the callback's own (its number, owner, type,
 * notes, day and time, and its zone as "another zone" until the number tells it is the customer's), else the
 * defaults; no saved callback, note or error.
 */
export function startEntries(callback: Callback | undefined, defaults: StartDefaults) {
  const entries = callback ? entriesOf(callback, defaults.agentTimeZone) : {};
  const show = (time: string | undefined, before: string) => (time ? formatTimeOfDay(time, defaults.locale) : before);
  return {
    phoneChoice: callback?.phone ?? defaults.phone,
    ownerId: callback?.ownerAgentId ?? defaults.carry?.ownerId,
    personal: callback ? callback.type === 'personal' : defaults.carry?.personal,
    notes: callback?.notes ?? '',
    value: entries.value,
    date: entries.date ?? defaults.date,
    webFrom: show(entries.webFrom, defaults.webFrom),
    webTill: show(entries.webTill, defaults.webTill),
    ...(entries.zone ? {zoneMode: 'other' as ZoneMode, otherZone: entries.zone} : {}),
    saved: undefined,
    pickLost: undefined,
    numberNote: undefined,
    errors: {} as FieldErrors,
  };
}

/**
 * The slots with the element's own rules applied, memoized: renders happen on every keystroke, and a new array would
 * make the embedded grid rebuild its model each time. The result depends on the time only through the set of past
 * slots, which is fixed by how many starts lie before now.
 */
export class RulesMemo {
  #cache?: {slots: Slot[]; starts: number[]; key: string; result: Slot[]};

  apply(slots: Slot[], input: Parameters<typeof timeProblem>[0]): Slot[] {
    const cache = this.#cache;
    const starts =
      cache?.slots === slots
        ? cache.starts
        : slots.map((slot) => {
            try {
              return Temporal.Instant.from(slot.start).epochMilliseconds;
            } catch {
              return NaN;
            }
          });
    const {now, policy, phone, agentTimeZone} = input;
    const key = JSON.stringify([
      starts.filter((start) => start < now.epochMilliseconds).length,
      now.toZonedDateTimeISO(agentTimeZone).toPlainDate().toString(),
      agentTimeZone,
      input.candidateZones,
      phone?.contactFrom,
      phone?.contactUntil,
      policy.callingWindow,
      policy.maxDaysAhead,
      policy.callingRules?.length ?? 0,
      !rulesModule(),
      input.regions,
    ]);
    if (cache?.slots === slots && cache.key === key) return cache.result;
    const result = applyRules(input, slots);
    this.#cache = {slots, starts, key, result};
    return result;
  }
}
