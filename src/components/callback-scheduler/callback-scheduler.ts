import {consume} from '@lit/context';
import {msg, str} from '@lit/localize';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {interactionContext, type Disposition, type Interaction} from '../../context/interaction.js';
import {
  createIdempotencyKey,
  type AvailabilityQuery,
  type BackendEvent,
  type SchedulingBackend,
} from '../../core/backend.js';
import {slotCallingRuleViolation} from '../../core/calling-rules.js';
import {callingWindowViolation, type CallingWindowViolation} from '../../core/calling-window.js';
import {callingRuleText} from '../../internal/calling-rule-text.js';
import {CallbackKitError, SlotUnavailableError, ValidationError} from '../../core/errors.js';
import {loadPhoneTools, type PhoneTools} from '../../core/phone-loader.js';
import {Temporal} from '../../core/temporal.js';
import {generateSlots, isValidTimeZone, localTimeToMinutes, zonedFromLocal} from '../../core/time.js';
import type {
  Agent,
  AgentShift,
  Callback,
  CallbackRequest,
  CallingRuleViolation,
  CallbackType,
  Contact,
  Phone,
  PhoneType,
  SchedulingPolicy,
  Slot,
} from '../../core/types.js';
import {AvailabilityRequestEvent} from '../../events/availability-request.js';
import {CallbackCancelEvent} from '../../events/callback-cancel.js';
import {CallbackScheduleErrorEvent} from '../../events/callback-schedule-error.js';
import {CallbackRescheduledEvent, CallbackScheduledEvent} from '../../events/callback-scheduled.js';
import {CallbackSubmitEvent} from '../../events/callback-submit.js';
import {DispositionSelectEvent} from '../../events/disposition-select.js';
import type {RangeChangeEvent} from '../../events/range-change.js';
import type {SlotSelectEvent} from '../../events/slot-select.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {dateTimeFormat, formatDate, formatTime, formatTimeRange, isolate, zoneLongName} from '../../internal/format.js';
import {createResponder, NoHandlerError, withTimeout} from '../../internal/host-request.js';
import {errorMessage} from '../../internal/localization.js';
import {KitElement} from '../../internal/kit-element.js';
import {AgentListCache} from '../../internal/agent-list.js';
import {BackendEventsController} from '../../internal/backend-events.js';
import '../timeslot-grid/timeslot-grid.js';
import {styles} from './callback-scheduler.styles.js';
import {MonthCalendarElement, type CalendarSelectEvent} from './month-calendar.js';

void MonthCalendarElement; // registers <ck-month-calendar>

type Operation = 'schedule' | 'reschedule';

/** One submission: what was sent, how, and under which idempotency key. */
interface Attempt {
  fingerprint: string;
  key: string;
  request: CallbackRequest;
  operation: Operation;
  callbackId?: string;
}

const fingerprintOf = (operation: Operation, id: string | undefined, request: CallbackRequest) =>
  JSON.stringify({operation, id, request});

/** Where attempts whose outcome is not known yet are kept across reloads (per agent and contact). */
const PENDING_PREFIX = 'callback-kit:pending:';
/** A kept attempt older than this is dropped: the agent has long since dealt with it. */
const PENDING_MAX_AGE_MS = 24 * 3_600_000;

function pendingStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage blocked (sandboxed frame, privacy settings): nothing kept across reloads
  }
}

function readPending(key: string): Attempt | undefined {
  try {
    const raw = pendingStore()?.getItem(key);
    if (!raw) return undefined;
    const {attempt, savedAt} = JSON.parse(raw) as {attempt: Attempt; savedAt: number};
    const valid =
      typeof savedAt === 'number' &&
      Date.now() - savedAt < PENDING_MAX_AGE_MS &&
      typeof attempt?.key === 'string' &&
      typeof attempt.fingerprint === 'string' &&
      (attempt.operation === 'schedule' || attempt.operation === 'reschedule') &&
      typeof attempt.request?.start === 'string';
    if (!valid) pendingStore()?.removeItem(key);
    return valid ? attempt : undefined;
  } catch {
    return undefined;
  }
}

function writePending(key: string, attempt: Attempt | undefined): void {
  try {
    if (attempt) pendingStore()?.setItem(key, JSON.stringify({attempt, savedAt: Date.now()}));
    else pendingStore()?.removeItem(key);
  } catch {
    /* storage full or blocked: the in-memory attempt still protects this page */
  }
}

/** Errors after which the attempt certainly saved nothing (anything else may hide a lost answer). */
function isDefinitive(error: unknown): boolean {
  if (error instanceof NoHandlerError) return true;
  return (
    error instanceof CallbackKitError &&
    ['slot-unavailable', 'validation', 'unauthorized', 'not-found'].includes(error.code)
  );
}

/** How the scheduler is used: see the element's description. */
export type SchedulerMode = 'new' | 'reschedule' | 'next-attempt' | 'followup' | 'web-callback';

type Field = 'contact' | 'disposition' | 'owner' | 'phone' | 'zone' | 'date' | 'slot' | 'from' | 'till' | 'notes';
type ZoneMode = 'agent' | 'customer' | 'other';

const PHONE_TYPES: PhoneType[] = ['mobile', 'home', 'work', 'other'];
const NEW_NUMBER = '__new__';

const phoneTypeLabel = (type: PhoneType): string =>
  ({mobile: msg('Mobile'), home: msg('Home'), work: msg('Work'), other: msg('Other')})[type];

/**
 * Schedules, reschedules and sets next attempts of callbacks the way agents work (Genesys Workspace's New
 * Callback and Reschedule Callback, agent-specific vs system callbacks, scheduled followups, next call
 * attempts from a disposition, web callbacks).
 *
 * The agent picks the callback type (as the policy allows), the owner (with `canScheduleForOthers`), the number to
 * call (or a new one with its type and contact window), the zone (theirs, the customer's derived from the number, or
 * any), a day in a month calendar and a slot in the week's `<timeslot-grid>`. Slots outside the legal calling
 * window in any zone the number may be in, or outside the number's contact window, are unavailable before the
 * agent can pick them. Two live clocks show the agent's and the customer's time.
 *
 * Saving: with a backend (own `.backend` or the agent session's), `scheduleCallback`/`rescheduleCallback` with one
 * idempotency key per attempt, reused on retry, so nothing is ever created twice. Hosts without a backend answer
 * the cancelable `callback-submit` with `detail.respondWith(promise)`, or refuse it with `detail.veto(reason)` (the
 * element shows the reason). A slot taken meanwhile ("That time was just taken") refreshes the slots and keeps every
 * other field; a failure keeps the form and offers Retry, and when the answer was lost (a timeout, a network error)
 * says the callback may not have been saved and that Retry never creates a second one.
 *
 * Fills itself from the interaction context (contact, phone, campaign); its own properties win.
 *
 * @tagname callback-scheduler
 * @summary Schedule, reschedule or set the next attempt of a callback, in the right time zone.
 *
 * @event {CallbackSubmitEvent} callback-submit - Cancelable. The agent submitted; `detail: {request, operation, callbackId, idempotencyKey, respondWith, veto}`. Call `respondWith(promise of Callback)` to save it yourself, or `veto(reason)` to refuse it: the element shows the reason (`preventDefault()` alone: a general message) and keeps the form.
 * @event {CallbackScheduledEvent} callback-scheduled - A callback was saved; `detail: {callback, request}`.
 * @event {CallbackRescheduledEvent} callback-rescheduled - A callback was moved (reschedule mode); `detail: {callback, request}`.
 * @event {CallbackScheduleErrorEvent} callback-schedule-error - Saving failed; `detail: {request, error, idempotencyKey}`. The form keeps its data.
 * @event {CallbackCancelEvent} callback-cancel - The agent closed the form without saving.
 * @event {DispositionSelectEvent} disposition-select - The agent picked a disposition (next-attempt mode); `detail: {disposition}`.
 * @event {AvailabilityRequestEvent} availability-request - Slots are needed; answer with `detail.respondWith(promise of Slot[])` to supply them.
 *
 * @csspart form - The form.
 * @csspart clocks - The agent's and the customer's live clocks.
 * @csspart calendar - The month calendar.
 * @csspart grid - The week's timeslot grid.
 * @csspart calendar-nav-button - The calendar's previous/next month buttons (exported from the calendar).
 * @csspart calendar-month - The calendar's month heading.
 * @csspart calendar-weekday - A calendar weekday heading.
 * @csspart calendar-day - A calendar day cell.
 * @csspart grid-toolbar - The grid's week bar (exported from `<timeslot-grid>`, like the other `grid-*` parts).
 * @csspart grid-nav-button - The grid's previous/next week buttons.
 * @csspart grid-day - A day heading of the grid.
 * @csspart grid-time - A time-of-day heading of the grid.
 * @csspart grid-slot - Every slot of the grid (also `grid-slot-available`, `grid-slot-unavailable`, `grid-slot-selected`).
 * @csspart grid-slot-available - An available slot.
 * @csspart grid-slot-unavailable - An unavailable slot.
 * @csspart grid-slot-selected - The chosen slot.
 * @csspart grid-message - The grid's empty and error messages.
 * @csspart title - The heading (what is being scheduled, and for whom).
 * @csspart actions - The row of form buttons.
 * @csspart submit - The submit button.
 * @csspart cancel-button - The Cancel button.
 * @csspart summary - The confirmation shown after saving.
 * @csspart error - A field's or the form's error message.
 *
 * @cssproperty --ck-callback-scheduler-gap - Space between sections (default 1rem).
 * @cssproperty --ck-callback-scheduler-accent - Accent colour of the submit button (default `--ck-color-selected`).
 * @cssproperty --ck-callback-scheduler-on-accent - Text on the submit button (default `--ck-color-on-accent`).
 * @cssproperty --ck-callback-scheduler-field-border-color - Borders of inputs and selects (default `--ck-color-muted`).
 * @cssproperty --ck-callback-scheduler-section-border-color - Borders of the form's fieldsets (default `--ck-color-border`).
 * @cssproperty --ck-callback-scheduler-summary-background - Background of the confirmation after saving (default `--ck-color-surface-2`).
 * @cssproperty --ck-month-calendar-selected-background - The calendar's selected day (default `--ck-color-selected`).
 * @cssproperty --ck-month-calendar-selected-color - Text of the calendar's selected day (default `--ck-color-on-selected`).
 * @cssproperty --ck-month-calendar-today-color - Outline of today in the calendar (default `--ck-color-accent`).
 */
export class CallbackSchedulerElement extends KitElement {
  static override styles = styles;

  #tools?: PhoneTools;
  #availabilityAbort?: AbortController;
  #availabilitySignature?: string;
  #attempt?: {fingerprint: string; key: string};
  #effective?: {slots: Slot[]; starts: number[]; key: string; result: Slot[]};
  /** An attempt whose answer was lost (saved or not, unknown): replayed before a different request is sent. */
  #unsettled?: Attempt;
  #slotTouched = false;
  #webTouched = false;
  /** A reschedule's zone, waiting for the number's candidate zones to tell whether it is the customer's. */
  #pendingZone?: string;
  #initializedFor?: unknown;
  /** The storage key the unsettled attempt was restored from (per agent and contact). */
  #restoredFrom?: string;
  /** The banner shows an attempt restored after a reload: Retry settles it alone. */
  #restoredBanner = false;
  /** Seats changed by anyone, or a resync: the open grid reloads (see `#onBackendEvent`). */
  protected readonly backendEvents = new BackendEventsController(this, {
    backend: () => this.resolvedBackend,
    listener: (event) => this.#onBackendEvent(event),
  });
  #reloadQueued = false;
  /** The backend's agents for the owner picker (`listAgents`, sync or async), asked once per backend. */
  #backendAgents = new AgentListCache();
  /** The agent's type and owner choices, kept by "Schedule another". */
  #carry?: {personal?: boolean; ownerId?: string};
  /** The contact id asked of `backend.getContact` (once per callback's contact). */
  #contactAskedFor?: string;
  /** Re-renders the two live clocks at each minute boundary (one timer, none while hidden or disconnected). */
  protected readonly clockTicker = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    next: () => {
      const now = this.resolvedClock.now();
      return Temporal.Instant.fromEpochMilliseconds((Math.floor(now.epochMilliseconds / 60_000) + 1) * 60_000);
    },
    run: () => this.requestUpdate(),
    whileHidden: false,
  });

  @consume({context: interactionContext, subscribe: true})
  @state()
  private interaction?: Interaction;

  @state() private dispositionId?: string;
  @state() private personal?: boolean;
  @state() private ownerId?: string;
  /** The owner's working hours on the chosen day (personal callbacks, `backend.getAgentShifts`). */
  @state() private ownerHours?: string;
  #ownerHoursKey?: string;
  #ownerHoursAbort?: AbortController;
  @state() private phoneChoice?: string;
  @state() private newNumber = '';
  @state() private newType: PhoneType = 'mobile';
  @state() private newFrom = '';
  @state() private newUntil = '';
  @state() private zoneMode: ZoneMode = 'agent';
  @state() private customerZonePick?: string;
  @state() private otherZone = '';
  @state() private date?: string;
  @state() private value?: string;
  @state() private webFrom = '09:00';
  @state() private webTill = '10:00';
  @state() private notes = '';
  @state() private slots: Slot[] = [];
  @state() private slotsLoading = false;
  @state() private slotsError?: string;
  @state() private customerZones: string[] = [];
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private submitting = false;
  @state() private banner?: {kind: 'error' | 'conflict'; message: string; retry: boolean};
  @state() private saved?: Callback;
  /** The rescheduled callback's customer, loaded with `backend.getContact`. */
  @state() private loadedContact?: Contact;
  /** The contact id being loaded (the heading waits for it). */
  @state() private loadingContact?: string;
  /** A note next to the grid: the agent's pick was filled by another agent meanwhile. */
  @state() private pickLost?: string;

  /** `new`, `reschedule` (`.callback` set), `next-attempt` (`.dispositions`), `followup` or `web-callback`. */
  @property({reflect: true}) mode: SchedulerMode = 'new';

  /** The callback to reschedule (reschedule mode): prefills the form and saves with `rescheduleCallback`. */
  @property({attribute: false}) callback?: Callback;

  /** Dispositions the agent can pick in next-attempt mode; those with `requiresCallback` reveal the next-call controls. */
  @property({attribute: false}) dispositions: Disposition[] = [];

  /** The customer. Defaults to the interaction context's contact. */
  @property({attribute: false}) contact?: Contact;

  /** The number being called (E.164): the default number. Defaults to the interaction's phone. */
  @property() phone?: string;

  /** The campaign of the call. Defaults to the interaction's campaign. */
  @property({attribute: 'campaign-id'}) campaignId?: string;

  /** Agents the current agent may schedule for (with `policy.canScheduleForOthers`). Defaults to the backend's `listAgents()` when it has one. */
  @property({attribute: false}) agents?: Agent[];

  /** Longest notes allowed. */
  @property({type: Number, attribute: 'notes-max-length'}) notesMaxLength = 500;

  /** How long to wait for a host's `respondWith` promise, in ms. */
  @property({type: Number, attribute: 'response-timeout'}) responseTimeout = 30_000;

  /** Heading level of the form's title (2 by default), to fit the host page's outline. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;

  // ---- resolved inputs ----

  /**
   * The customer. With a callback (a reschedule) it is always the callback's own: the `contact` property or the
   * interaction's contact only when they are that customer, else the one loaded with `backend.getContact`, else the
   * callback's contactId and number alone. The interaction never moves a callback to the customer on the call.
   */
  get #contact(): Contact | undefined {
    const callback = this.callback;
    if (!callback) return this.contact ?? this.interaction?.contact;
    for (const candidate of [this.contact, this.interaction?.contact, this.loadedContact])
      if (candidate?.id === callback.contactId) return candidate;
    if (this.loadingContact === callback.contactId) return undefined;
    return {id: callback.contactId, name: '', phones: [{number: callback.phone, type: 'other'}]};
  }

  /** Whether the interaction is about this scheduler's customer (its phone and campaign then apply). */
  get #onCallWithCustomer(): boolean {
    const contact = this.#contact;
    return !!contact && this.interaction?.contact?.id === contact.id;
  }

  get #campaignId(): string | undefined {
    if (this.callback) return this.campaignId ?? this.callback.campaignId;
    return this.campaignId ?? this.interaction?.campaign?.id;
  }

  /** A callback given: saving moves it (`rescheduleCallback` of its id), whatever the mode. */
  get #rescheduling(): boolean {
    return !!this.callback && this.mode !== 'next-attempt';
  }

  get #dispositionId(): string | undefined {
    return this.dispositionId ?? this.interaction?.disposition?.id;
  }

  get #disposition(): Disposition | undefined {
    const id = this.#dispositionId;
    return this.dispositions.find((d) => d.id === id);
  }

  /** Whether the next-call controls are shown (always, except in next-attempt mode before a disposition needing one). */
  get #needsCallback(): boolean {
    return this.mode !== 'next-attempt' || !!this.#disposition?.requiresCallback;
  }

  get #typeChoice(): 'choose' | CallbackType {
    if (this.mode === 'followup') return 'personal';
    const allowed = this.resolvedPolicy.callbackTypes;
    return allowed === 'both' ? 'choose' : allowed;
  }

  get #type(): CallbackType {
    const choice = this.#typeChoice;
    if (choice !== 'choose') return choice;
    return (this.personal ?? (this.callback ? this.callback.type === 'personal' : true)) ? 'personal' : 'campaign';
  }

  get #phoneOptions(): Phone[] {
    const phones = [...(this.#contact?.phones ?? [])];
    const extra = [
      this.phone,
      this.#onCallWithCustomer ? this.interaction?.phone?.number : undefined,
      this.callback?.phone,
    ].filter((n): n is string => !!n && !phones.some((p) => p.number === n));
    for (const number of new Set(extra)) phones.push({number, type: 'other'});
    return phones;
  }

  /** The phone the request will call: an existing one, or the new number (with its window) when valid. */
  get #phone(): (Phone & {isNew: boolean}) | undefined {
    if (this.phoneChoice === NEW_NUMBER) {
      const parsed = this.#tools?.parsePhone(this.newNumber);
      if (!parsed) return undefined;
      return {
        number: parsed.e164,
        type: this.newType,
        contactFrom: this.newFrom || undefined,
        contactUntil: this.newUntil || undefined,
        isNew: true,
      };
    }
    const phone = this.#phoneOptions.find((p) => p.number === this.phoneChoice);
    return phone ? {...phone, isNew: false} : undefined;
  }

  /** Zones the customer may be in (all candidates of the number; checked by the calling window). */
  get #candidateZones(): string[] {
    const own = this.#contact?.timeZone;
    const crm = own && isValidTimeZone(own) ? [own] : [];
    return [...new Set([...crm, ...this.customerZones])];
  }

  /** The CRM's zone for the customer when the number says otherwise (both are checked). */
  get #crmZoneDiffers(): boolean {
    const own = this.#contact?.timeZone;
    return !!own && isValidTimeZone(own) && this.customerZones.length > 0 && !this.customerZones.includes(own);
  }

  /** The customer's zone to display (the agent's pick among candidates, else the most likely). */
  get #customerZone(): string | undefined {
    const candidates = this.#candidateZones;
    return this.customerZonePick && candidates.includes(this.customerZonePick) ? this.customerZonePick : candidates[0];
  }

  get #displayZone(): string {
    if (this.zoneMode === 'customer' && this.#customerZone) return this.#customerZone;
    if (this.zoneMode === 'other' && isValidTimeZone(this.otherZone)) return this.otherZone;
    return this.agentTimeZone;
  }

  get #today(): Temporal.PlainDate {
    return this.resolvedClock.now().toZonedDateTimeISO(this.#displayZone).toPlainDate();
  }

  get #lastDay(): Temporal.PlainDate {
    return this.#today.add({days: this.resolvedPolicy.maxDaysAhead});
  }

  get #date(): Temporal.PlainDate {
    try {
      return this.date ? Temporal.PlainDate.from(this.date) : this.#today;
    } catch {
      return this.#today;
    }
  }

  // ---- lifecycle ----

  override connectedCallback(): void {
    super.connectedCallback();
    void loadPhoneTools().then(
      (tools) => {
        this.#tools = tools;
        this.#deriveCustomerZones();
      },
      () => {
        this.banner = {kind: 'error', message: msg('The phone number tools could not be loaded.'), retry: false};
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#availabilityAbort?.abort();
    this.#availabilitySignature = undefined;
  }

  override updated(): void {
    this.#syncOwnerHours();
  }

  /** Loads the owner's hours again when the owner, the day, the type or the backend changed. */
  #syncOwnerHours(): void {
    const backend = this.isConnected ? this.resolvedBackend : undefined;
    const agentId =
      this.#type === 'personal' && this.mode !== 'followup' ? (this.ownerId ?? this.resolvedAgent?.id) : undefined;
    const day = this.#date;
    const key =
      backend?.getAgentShifts && agentId ? `${agentId}|${day}|${this.agentTimeZone}|${this.resolvedLocale}` : '';
    if (key === this.#ownerHoursKey) return;
    this.#ownerHoursKey = key;
    this.#ownerHoursAbort?.abort();
    if (!key) {
      this.ownerHours = undefined;
      return;
    }
    const abort = new AbortController();
    this.#ownerHoursAbort = abort;
    void this.#loadOwnerHours(backend!, agentId!, day, abort.signal);
  }

  /** "Maria Lopez works 9:00 AM – 5:00 PM today" from `backend.getAgentShifts`, in the agent's zone. */
  async #loadOwnerHours(backend: SchedulingBackend, agentId: string, day: Temporal.PlainDate, signal: AbortSignal) {
    const zone = this.agentTimeZone;
    const from = zonedFromLocal(day, '00:00', zone).toInstant();
    const to = zonedFromLocal(day.add({days: 1}), '00:00', zone).toInstant();
    let shifts: AgentShift[];
    try {
      shifts = await backend.getAgentShifts!(agentId, {from: from.toString(), to: to.toString()}, {signal});
    } catch {
      if (!signal.aborted) this.ownerHours = undefined;
      return;
    }
    if (signal.aborted) return;
    const known = this.agents ?? this.#backendAgents.get(backend, () => this.requestUpdate());
    const me = this.resolvedAgent;
    const name = isolate((me?.id === agentId ? me : known.find((a) => a.id === agentId))?.name ?? agentId);
    const locale = this.resolvedLocale;
    const clamp = (value: string, edge: Temporal.Instant, later: boolean) => {
      const instant = Temporal.Instant.from(value);
      return Temporal.Instant.compare(instant, edge) < 0 === later ? edge : instant;
    };
    const hours = new Intl.ListFormat(locale, {type: 'conjunction'}).format(
      shifts.map((s) => formatTimeRange(clamp(s.start, from, true), clamp(s.end, to, false), {locale, timeZone: zone})),
    );
    const today = day.equals(this.#today);
    this.ownerHours = shifts.length
      ? today
        ? msg(str`${name} works ${hours} today`)
        : msg(str`${name} works ${hours} that day`)
      : today
        ? msg(str`${name} does not work today`)
        : msg(str`${name} does not work that day`);
  }

  #onBackendEvent = (event: BackendEvent): void => {
    let reload = event.type === 'resync';
    if (event.type === 'availability-changed' || event.type === 'callback-changed') {
      const {from, to} = this.#range();
      const [start, end] =
        event.type === 'availability-changed'
          ? [event.from, event.to]
          : [event.callback.start, event.callback.end ?? event.callback.start];
      try {
        reload =
          Temporal.Instant.compare(Temporal.Instant.from(start), Temporal.Instant.from(to)) < 0 &&
          Temporal.Instant.compare(Temporal.Instant.from(end), Temporal.Instant.from(from)) >= 0;
      } catch {
        reload = true; // an event we cannot place: reload rather than show stale seats
      }
    }
    // Our own save in flight changes seats too: the form keeps its pick, and reloads after it (reset, conflict).
    if (!reload || this.#reloadQueued || (this.submitting && event.type !== 'resync')) return;
    this.#reloadQueued = true;
    queueMicrotask(() => {
      this.#reloadQueued = false;
      if (this.isConnected && !this.saved && this.#needsCallback && this.mode !== 'web-callback')
        void this.#loadAvailability(true);
    });
  };

  override willUpdate(changed: PropertyValues<this>): void {
    this.#loadCallbackContact();
    const pendingKey = this.#pendingKey();
    if (pendingKey !== this.#restoredFrom) {
      this.#restoredFrom = pendingKey;
      this.#restorePending(pendingKey);
    }
    const source = this.callback ?? this.#contact ?? this.interaction;
    if (source !== this.#initializedFor) {
      this.#initializedFor = source;
      this.#initialize();
    }
    if (
      changed.has('phoneChoice' as keyof CallbackSchedulerElement) ||
      changed.has('newNumber' as keyof CallbackSchedulerElement)
    ) {
      this.#deriveCustomerZones();
    }
    if (changed.has('customerZones' as keyof CallbackSchedulerElement)) {
      if (this.slots.length) this.#pickDefaultSlot();
      this.#pickDefaultWeb();
    }
    // Here rather than in updated(): a new query sets `slotsLoading` at once, which belongs to this update (set after
    // it, it would schedule a second one). The request itself is sent later (after the phone tools load).
    if (this.#needsCallback && this.mode !== 'web-callback' && !this.saved) void this.#loadAvailability();
  }

  /** With a callback whose customer is not given, loads it with `backend.getContact` (once per callback). */
  #loadCallbackContact(): void {
    const callback = this.callback;
    const id = callback?.contactId;
    if (!id || id === this.#contactAskedFor || this.loadedContact?.id === id) return;
    if ([this.contact, this.interaction?.contact].some((c) => c?.id === id)) return;
    const backend = this.resolvedBackend;
    if (typeof backend?.getContact !== 'function') return;
    this.#contactAskedFor = id;
    this.loadingContact = id;
    backend.getContact(id).then(
      (contact) => {
        if (this.callback?.contactId === id && contact?.id === id) this.loadedContact = contact;
        if (this.loadingContact === id) this.loadingContact = undefined;
      },
      () => {
        // Unknown to this backend: the callback's own contactId and number still identify the customer.
        if (this.loadingContact === id) this.loadingContact = undefined;
      },
    );
  }

  /** The storage key of this agent's unsettled attempt for this customer. */
  #pendingKey(): string | undefined {
    const contact = this.#contact?.id;
    return contact ? `${PENDING_PREFIX}${this.resolvedAgent?.id ?? ''}:${contact}` : undefined;
  }

  /** After a reload: an attempt whose outcome never arrived is shown, and settled with its own key first. */
  #restorePending(key: string | undefined): void {
    const attempt = key ? readPending(key) : undefined;
    if (!attempt || this.#unsettled) return;
    this.#unsettled = attempt;
    this.#attempt = {fingerprint: attempt.fingerprint, key: attempt.key};
    let when = attempt.request.start;
    try {
      when = dateTimeFormat(this.resolvedLocale, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: this.agentTimeZone,
        timeZoneName: 'short',
      }).format(Temporal.Instant.from(attempt.request.start).epochMilliseconds);
    } catch {
      /* shown as the raw instant */
    }
    this.#failed(msg(str`A callback for ${when} was being saved when the page was closed or reloaded.`), true);
    this.#restoredBanner = true;
  }

  /** Keeps (or forgets) the attempt whose outcome is not known, across reloads. */
  #persist(attempt: Attempt | undefined): void {
    const key = this.#pendingKey();
    if (key) writePending(key, attempt);
  }

  #initialize(): void {
    const callback = this.callback;
    const phones = this.#phoneOptions;
    this.phoneChoice =
      callback?.phone ??
      (this.phone || undefined) ??
      (this.#onCallWithCustomer ? this.interaction?.phone?.number : undefined) ??
      phones[0]?.number;
    this.ownerId = callback?.ownerAgentId ?? this.#carry?.ownerId;
    this.personal = callback ? callback.type === 'personal' : this.#carry?.personal;
    this.#carry = undefined;
    this.notes = callback?.notes ?? '';
    this.value = undefined;
    this.#slotTouched = false;
    this.saved = undefined;
    this.pickLost = undefined;
    if (!this.#restoredBanner) {
      this.banner = undefined;
      this.#attempt = undefined;
    }
    this.errors = {};
    this.#webTouched = !!callback;
    this.#pendingZone = undefined;
    if (callback) {
      const zone = isValidTimeZone(callback.timeZone) ? callback.timeZone : this.agentTimeZone;
      if (zone !== this.agentTimeZone) {
        // The customer's zone when the number (or the contact) says so, otherwise "another zone".
        this.zoneMode = 'other';
        this.otherZone = zone;
        this.#pendingZone = zone;
      }
      try {
        const start = Temporal.Instant.from(callback.start).toZonedDateTimeISO(zone);
        this.date = start.toPlainDate().toString();
        if (callback.kind === 'web-callback') {
          this.webFrom = start.toPlainTime().toString().slice(0, 5);
          if (callback.end)
            this.webTill = Temporal.Instant.from(callback.end)
              .toZonedDateTimeISO(zone)
              .toPlainTime()
              .toString()
              .slice(0, 5);
        } else {
          this.value = callback.start;
          this.#slotTouched = true;
        }
      } catch {
        /* an unreadable start: the agent picks a new one */
      }
    }
    this.#deriveCustomerZones();
    this.#pickDefaultWeb();
  }

  #deriveCustomerZones(): void {
    const tools = this.#tools;
    const number = this.phoneChoice === NEW_NUMBER ? this.newNumber : this.phoneChoice;
    const zones = tools && number ? tools.timeZonesForPhone(number) : [];
    if (zones.join() !== this.customerZones.join()) {
      this.customerZones = zones;
      this.customerZonePick = undefined;
    }
    const pending = this.#pendingZone;
    if (pending && (tools || !number) && this.#candidateZones.includes(pending)) {
      this.zoneMode = 'customer';
      this.customerZonePick = pending;
      this.#pendingZone = undefined;
    }
  }
  /** Web callbacks start on the first legal hour for the customer, 30 minutes from now at the earliest. */
  #pickDefaultWeb(): void {
    if (this.mode !== 'web-callback' || this.#webTouched) return;
    const zone = this.#displayZone;
    const earliest = this.resolvedClock.now().add({minutes: 30});
    for (let day = 0; day <= Math.min(7, this.resolvedPolicy.maxDaysAhead); day++) {
      const date = this.#today.add({days: day});
      for (let minutes = 0; minutes + 60 <= 1440; minutes += 30) {
        const from = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const start = zonedFromLocal(date, from, zone).toInstant();
        const end = start.add({minutes: 60});
        if (Temporal.Instant.compare(start, earliest) < 0 || this.#timeProblem(start, end)) continue;
        this.date = date.toString();
        this.webFrom = from;
        this.webTill = end.toZonedDateTimeISO(zone).toPlainTime().toString().slice(0, 5);
        return;
      }
    }
  }

  // ---- availability ----

  #range(): {from: string; to: string} {
    // One fetch covers the 7 days shown in any zone (UTC-12..+14): the grid relabels zone changes without refetching.
    const start = this.#date;
    return {
      from: start.subtract({days: 1}).toZonedDateTime({timeZone: 'UTC'}).toInstant().toString(),
      to: start.add({days: 8}).toZonedDateTime({timeZone: 'UTC'}).toInstant().toString(),
    };
  }

  async #loadAvailability(force = false): Promise<void> {
    const {from, to} = this.#range();
    const phone = this.#phone;
    const query: AvailabilityQuery = {
      from,
      to,
      type: this.#type,
      campaignId: this.#campaignId,
      agentId: this.#type === 'personal' ? (this.ownerId ?? this.resolvedAgent?.id) : undefined,
      phone: phone && !phone.isNew ? phone.number : undefined,
      contactId: this.#contact?.id,
    };
    const backend = this.resolvedBackend;
    const signature = JSON.stringify({query, backend: !!backend});
    if (!force && signature === this.#availabilitySignature) return;
    this.#availabilitySignature = signature;
    this.#availabilityAbort?.abort();
    const abort = new AbortController();
    this.#availabilityAbort = abort;
    this.slotsLoading = true;
    this.slotsError = undefined;
    try {
      // The phone tools tell the customer's zones, which the element's own calling-window check needs.
      this.#tools ??= await loadPhoneTools();
      this.#deriveCustomerZones();
      if (abort.signal.aborted) return;
      const responder = createResponder<Slot[]>();
      this.dispatchEvent(new AvailabilityRequestEvent({query, respondWith: responder.respondWith}));
      let slots: Slot[];
      if (responder.response)
        slots = await withTimeout(responder.response, this.responseTimeout, 'availability-request');
      else if (backend) slots = await backend.getAvailability(query, {signal: abort.signal});
      else slots = this.#policySlots(query);
      if (abort.signal.aborted) return;
      this.slots = slots;
      this.#pickDefaultSlot();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.slots = [];
      this.slotsError = errorMessage(error);
    } finally {
      if (!abort.signal.aborted) this.slotsLoading = false;
    }
  }

  /** Slots offered without any availability source: every policy slot of the day, all day, in the agent's zone. */
  #policySlots(query: AvailabilityQuery): Slot[] {
    const zone = this.agentTimeZone;
    const from = Temporal.Instant.from(query.from);
    const to = Temporal.Instant.from(query.to);
    return generateSlots({
      timeZone: zone,
      from: from.toZonedDateTimeISO(zone).toPlainDate(),
      to: to.toZonedDateTimeISO(zone).toPlainDate(),
      slotMinutes: this.resolvedPolicy.slotMinutes,
      hours: {start: '00:00', end: '24:00'},
    })
      .filter(
        (s) =>
          Temporal.Instant.compare(s.start.toInstant(), from) >= 0 &&
          Temporal.Instant.compare(s.start.toInstant(), to) < 0,
      )
      .map((s) => ({start: s.start.toInstant().toString(), end: s.end.toInstant().toString(), available: true}));
  }

  /** Rules the element enforces itself, whatever the availability source says. */
  #timeProblem(
    start: Temporal.Instant,
    end?: Temporal.Instant,
  ): {reason: Slot['reason']; violation?: CallingWindowViolation; rule?: CallingRuleViolation} | undefined {
    const now = this.resolvedClock.now();
    if (Temporal.Instant.compare(start, now) < 0) return {reason: 'past'};
    const day = start.toZonedDateTimeISO(this.agentTimeZone).toPlainDate();
    const last = now.toZonedDateTimeISO(this.agentTimeZone).toPlainDate().add({days: this.resolvedPolicy.maxDaysAhead});
    if (Temporal.PlainDate.compare(day, last) > 0) return {reason: 'too-far-ahead'};
    const zones = this.#candidateZones;
    const phone = this.#phone;
    if (zones.length) {
      const violation = callingWindowViolation(start, phone ?? null, zones, this.resolvedPolicy, end ? {end} : {});
      if (violation) {
        const reason = violation === 'outside-contact-window' ? 'outside-contact-window' : 'outside-calling-hours';
        return {reason, violation};
      }
    }
    // policy.callingRules (issue 19): the regions of the number and the contact's, in every candidate zone
    const rules = this.resolvedPolicy.callingRules;
    if (rules?.length && phone) {
      const rule = slotCallingRuleViolation(start, end ?? start, {zones, regions: this.#regions}, rules);
      if (rule) return {reason: rule.reason, rule};
    }
    return undefined;
  }

  /** The regions calling rules apply for: the number's (`regionsForPhone`) and the contact's `region`. */
  get #regions(): string[] {
    const tools = this.#tools;
    const number = this.#phone?.number;
    const regions = tools && number ? tools.regionsForPhone(number) : [];
    const own = this.#contact?.region;
    return own ? [...regions, own] : regions;
  }

  /**
   * The slots with the element's own rules applied, memoized: renders happen on every keystroke, and a new array
   * would make the embedded grid rebuild its model each time. The result depends on the time only through the set
   * of past slots, which is fixed by how many starts lie before now.
   */
  get #effectiveSlots(): Slot[] {
    const slots = this.slots;
    const cache = this.#effective;
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
    const now = this.resolvedClock.now();
    const policy = this.resolvedPolicy;
    const phone = this.#phone;
    const key = JSON.stringify([
      starts.filter((start) => start < now.epochMilliseconds).length,
      now.toZonedDateTimeISO(this.agentTimeZone).toPlainDate().toString(),
      this.agentTimeZone,
      this.#candidateZones,
      phone?.contactFrom,
      phone?.contactUntil,
      policy.callingWindow,
      policy.maxDaysAhead,
      policy.callingRules?.length ?? 0,
      this.#regions,
    ]);
    if (cache?.slots === slots && cache.key === key) return cache.result;
    const result = this.#applyRules(slots);
    this.#effective = {slots, starts, key, result};
    return result;
  }

  #applyRules(slots: Slot[]): Slot[] {
    return slots.map((slot) => {
      if (!slot.available) return slot;
      try {
        const problem = this.#timeProblem(Temporal.Instant.from(slot.start), Temporal.Instant.from(slot.end));
        if (!problem) return slot;
        return {...slot, available: false, reason: problem.reason, ...(problem.rule ? {rule: problem.rule} : {})};
      } catch {
        return {...slot, available: false};
      }
    });
  }

  #pickDefaultSlot(): void {
    if (this.#slotTouched) {
      // Keep the agent's choice only while it is still offered, and say so when it no longer is.
      const picked = this.value ? this.#effectiveSlots.find((s) => s.start === this.value) : undefined;
      // A slot full because of our own attempt whose answer was lost stays picked: Retry settles that attempt.
      const ours = this.#unsettled?.request.start === this.value;
      if (this.value && !picked?.available && !this.callback && !ours) {
        this.pickLost =
          picked?.reason === 'full'
            ? msg('The time you picked was just filled by another booking: pick another time.')
            : msg('The time you picked is no longer available: pick another time.');
        this.value = undefined;
      }
      return;
    }
    const earliest = this.resolvedClock.now().add({minutes: 30});
    const next = this.#effectiveSlots.find(
      (s) => s.available && Temporal.Instant.compare(Temporal.Instant.from(s.start), earliest) >= 0,
    );
    this.value = next?.start;
  }

  // ---- building and checking the request ----

  #validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const policy = this.resolvedPolicy;
    if (!this.#contact) errors.contact = msg('No customer is selected: open the scheduler from a contact or a call.');
    if (this.mode === 'next-attempt' && !this.#disposition) errors.disposition = msg('Choose a disposition.');
    if (!this.#needsCallback) return errors;
    if (this.phoneChoice === NEW_NUMBER) {
      if (!this.newNumber.trim()) errors.phone = msg('Enter the number to call.');
      else if (!this.#phone) errors.phone = msg('This is not a valid phone number. Include the area code.');
      else if (this.newFrom && this.newUntil && this.newFrom === this.newUntil) {
        errors.phone = msg('The contact window needs different From and Until times.');
      }
    } else if (!this.#phone) errors.phone = msg('Choose the number to call.');
    if (this.zoneMode === 'other' && !isValidTimeZone(this.otherZone))
      errors.zone = msg('Choose a time zone from the list.');
    const range = this.#requestTimes();
    if ('error' in range) {
      errors[range.field] = range.error;
      return errors;
    }
    const problem = this.#timeProblem(range.start, range.end);
    const field: Field = this.mode === 'web-callback' ? 'from' : 'slot';
    if (problem?.reason === 'past') errors[field] = msg('That time has passed. Choose a later time.');
    else if (problem?.reason === 'too-far-ahead')
      errors[field] = msg(str`Callbacks can be set at most ${policy.maxDaysAhead} days ahead.`);
    else if (problem?.violation === 'outside-contact-window') {
      const p = this.#phone!;
      errors[field] = msg(
        str`That time is outside the hours this number may be called (${p.contactFrom ?? '00:00'} to ${p.contactUntil ?? '24:00'}, customer's time).`,
      );
    } else if (problem?.rule) {
      const rule = callingRuleText(problem.rule, range.start, {
        locale: this.resolvedLocale,
        timeZone: this.#displayZone,
      });
      errors[field] = msg(str`Calls to this number are not allowed then by law (${rule}). Choose another time.`);
    } else if (problem) {
      errors[field] = msg(
        str`That time is outside the customer's calling hours (${policy.callingWindow.start} to ${policy.callingWindow.end} their time).`,
      );
    } else if (!this.#candidateZones.length && this.#phone) {
      errors.phone = msg(
        "The customer's time zone cannot be told from this number, so calling hours cannot be checked.",
      );
    }
    if (this.#rescheduling && this.callback && !Object.keys(errors).length) {
      const before = this.callback;
      const request = this.#request();
      const same = (a?: string, b?: string) => (a ?? '') === (b ?? '');
      if (
        same(request.start, Temporal.Instant.from(before.start).toString()) &&
        (request.kind !== 'web-callback' ||
          same(request.end, before.end ? Temporal.Instant.from(before.end).toString() : undefined)) &&
        same(request.phone, before.phone) &&
        same(request.notes, before.notes) &&
        request.type === before.type &&
        same(request.ownerAgentId, before.ownerAgentId)
      ) {
        errors.slot = msg('Nothing changed: choose a new time or another number.');
      }
    }
    if (this.notes.length > this.notesMaxLength)
      errors.notes = msg(str`Notes are limited to ${this.notesMaxLength} characters.`);
    return errors;
  }

  #requestTimes(): {start: Temporal.Instant; end?: Temporal.Instant} | {field: Field; error: string} {
    if (this.mode === 'web-callback') {
      const zone = this.#displayZone;
      try {
        localTimeToMinutes(this.webFrom);
      } catch {
        return {field: 'from', error: msg('Enter a From time.')};
      }
      try {
        localTimeToMinutes(this.webTill);
      } catch {
        return {field: 'till', error: msg('Enter a Till time.')};
      }
      if (this.webTill <= this.webFrom) return {field: 'till', error: msg('Till must be after From.')};
      return {
        start: zonedFromLocal(this.#date, this.webFrom, zone).toInstant(),
        end: zonedFromLocal(this.#date, this.webTill, zone).toInstant(),
      };
    }
    const slot = this.slots.find((s) => s.start === this.value);
    if (!this.value || !slot) return {field: 'slot', error: msg('Choose a time in the grid.')};
    return {start: Temporal.Instant.from(slot.start), end: Temporal.Instant.from(slot.end)};
  }

  #request(): CallbackRequest {
    const times = this.#requestTimes() as {start: Temporal.Instant; end?: Temporal.Instant};
    const phone = this.#phone!;
    const type = this.#type;
    const policy: SchedulingPolicy = this.resolvedPolicy;
    const request: CallbackRequest = {
      contactId: this.#contact!.id,
      phone: phone.number,
      type,
      ownerAgentId: type === 'personal' ? (this.ownerId ?? this.resolvedAgent?.id) : undefined,
      campaignId: this.#campaignId,
      start: times.start.toString(),
      end: times.end?.toString(),
      timeZone: this.#displayZone,
      notes: this.notes.trim() || undefined,
      kind:
        this.mode === 'followup'
          ? 'followup'
          : this.mode === 'web-callback'
            ? 'web-callback'
            : (this.callback?.kind ?? 'callback'),
      dispositionId: this.mode === 'next-attempt' ? this.#dispositionId : undefined,
      customerTimeZones: this.#candidateZones.length ? this.#candidateZones : undefined,
      newPhone: phone.isNew
        ? {number: phone.number, type: phone.type, contactFrom: phone.contactFrom, contactUntil: phone.contactUntil}
        : undefined,
    };
    void policy;
    for (const key of Object.keys(request) as (keyof CallbackRequest)[])
      if (request[key] === undefined) delete request[key];
    return request;
  }

  // ---- submit ----

  /** Validates and saves (same as the submit button). Resolves with the saved callback, or undefined when it did not save. */
  async submit(): Promise<Callback | undefined> {
    if (this.submitting) return undefined;
    const errors = this.#validate();
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .field-error-focus')?.focus();
      return undefined;
    }
    if (!this.#needsCallback) return undefined;
    const request = this.#request();
    this.#slotTouched = true; // the agent stands by this time now: later reloads never move it silently
    const asked: Operation = this.#rescheduling ? 'reschedule' : 'schedule';
    let operation = asked;
    let callbackId = this.callback?.id;
    this.submitting = true;
    this.banner = undefined;
    let sent: Attempt | undefined;
    try {
      const unsettled = this.#unsettled;
      if (unsettled && unsettled.fingerprint !== fingerprintOf(operation, callbackId, request)) {
        // An earlier attempt may have been saved although its answer was lost. Replay it with its own key first, so
        // the agent's changes update that callback instead of creating a second one.
        sent = unsettled;
        const replay = this.#send(unsettled);
        if (replay instanceof CallbackSubmitEvent) return this.#vetoed(replay);
        this.#restoredBanner = false;
        try {
          const earlier = await replay;
          operation = 'reschedule';
          callbackId = earlier.id;
        } catch (caught) {
          if (!isDefinitive(caught)) throw caught; // still unknown: keep it unsettled and tell the agent
        }
        this.#unsettled = undefined;
      }
      const fingerprint = fingerprintOf(operation, callbackId, request);
      if (this.#attempt?.fingerprint !== fingerprint) this.#attempt = {fingerprint, key: createIdempotencyKey()};
      sent = {fingerprint, key: this.#attempt.key, request, operation, callbackId};
      // Kept before it goes out: a reload while it is on its way still finds it, and settles it with this key.
      this.#persist(sent);
      const saving = this.#send(sent);
      if (saving instanceof CallbackSubmitEvent) {
        this.#persist(this.#unsettled);
        return this.#vetoed(saving);
      }
      this.#restoredBanner = false;
      const callback = await saving;
      this.saved = callback;
      this.#attempt = undefined;
      this.#unsettled = undefined;
      this.#persist(undefined);
      this.dispatchEvent(
        asked === 'reschedule'
          ? new CallbackRescheduledEvent({callback, request})
          : new CallbackScheduledEvent({callback, request}),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus();
      return callback;
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      // A lost answer leaves the attempt's outcome unknown: remember it until it is settled.
      if (sent && !isDefinitive(error)) this.#unsettled ??= sent;
      else if (sent && this.#unsettled?.key === sent.key) this.#unsettled = undefined;
      this.#persist(this.#unsettled);
      this.#showError(error);
      this.dispatchEvent(new CallbackScheduleErrorEvent({request, error, idempotencyKey: sent?.key ?? ''}));
      return undefined;
    } finally {
      this.submitting = false;
    }
  }

  /** Retry of an attempt restored after a reload: sends it alone, with its own key, and shows its outcome. */
  async #settlePending(): Promise<void> {
    const attempt = this.#unsettled;
    if (!attempt || this.submitting) return;
    this.submitting = true;
    this.banner = undefined;
    try {
      const saving = this.#send(attempt);
      if (saving instanceof CallbackSubmitEvent) {
        this.#vetoed(saving);
        return;
      }
      const callback = await saving;
      this.#unsettled = undefined;
      this.#attempt = undefined;
      this.#restoredBanner = false;
      this.#persist(undefined);
      this.saved = callback;
      this.dispatchEvent(
        attempt.operation === 'reschedule'
          ? new CallbackRescheduledEvent({callback, request: attempt.request})
          : new CallbackScheduledEvent({callback, request: attempt.request}),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus();
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      if (isDefinitive(error)) {
        this.#unsettled = undefined;
        this.#attempt = undefined;
        this.#restoredBanner = false;
        this.#persist(undefined);
      }
      this.#showError(error);
      this.dispatchEvent(
        new CallbackScheduleErrorEvent({request: attempt.request, error, idempotencyKey: attempt.key}),
      );
    } finally {
      this.submitting = false;
    }
  }

  /** Sends one attempt through the host (`callback-submit` + `respondWith`) or the backend; the event when vetoed. */
  #send({request, operation, callbackId, key: idempotencyKey}: Attempt): Promise<Callback> | CallbackSubmitEvent {
    const responder = createResponder<Callback>();
    const event = new CallbackSubmitEvent({
      request,
      operation,
      callbackId,
      idempotencyKey,
      respondWith: responder.respondWith,
    });
    if (!this.dispatchEvent(event) && !responder.response) return event;
    if (responder.response) return withTimeout(responder.response, this.responseTimeout, 'callback-submit');
    const backend = this.resolvedBackend;
    if (!backend) return Promise.reject(new NoHandlerError('callback-submit'));
    return operation === 'reschedule'
      ? backend.rescheduleCallback(callbackId!, request, {idempotencyKey})
      : backend.scheduleCallback(request, {idempotencyKey});
  }

  /** The host vetoed `callback-submit`: nothing was sent, the form stays as it is and says why. */
  #vetoed(event: CallbackSubmitEvent): undefined {
    this.#failed(event.vetoReason ?? msg('Your CRM did not accept it.'), false);
    return undefined;
  }

  /**
   * The banner of a failed or vetoed submission. While an attempt's outcome is unknown (its answer was lost: a
   * timeout, a network error, a 5xx) the callback may exist: never say it was not saved, and point to Retry (it replays
   * that attempt with its own idempotency key) rather than leave the agent to enter it again elsewhere.
   */
  #failed(reason: string, retry: boolean): void {
    this.banner = this.#unsettled
      ? {
          kind: 'error',
          message: msg(
            str`The callback may not have been saved: ${reason} Retry is safe: it never creates a second callback. Your entries are kept.`,
          ),
          retry: true,
        }
      : {kind: 'error', message: msg(str`The callback could not be saved: ${reason} Your entries are kept.`), retry};
  }

  #showError(error: Error): void {
    if (
      error instanceof SlotUnavailableError ||
      (error instanceof CallbackKitError && error.code === 'slot-unavailable')
    ) {
      this.value = undefined;
      this.#slotTouched = true;
      this.banner = {
        kind: 'conflict',
        message: msg('That time was just taken. Pick another time: your other entries are kept.'),
        retry: false,
      };
      void this.#loadAvailability(true);
      return;
    }
    if (error instanceof ValidationError) {
      const errors: Partial<Record<Field, string>> = {};
      const general: string[] = [];
      for (const fieldError of error.fieldErrors) {
        const field = (
          {
            phone: 'phone',
            newPhone: 'phone',
            start: 'slot',
            end: 'till',
            timeZone: 'zone',
            notes: 'notes',
            ownerAgentId: 'owner',
          } as Record<string, Field>
        )[fieldError.field];
        if (field && !errors[field]) errors[field] = fieldError.message;
        else general.push(fieldError.message);
      }
      this.errors = errors;
      if (general.length || !Object.keys(errors).length)
        this.banner = {kind: 'error', message: general.join(' ') || error.message, retry: false};
      return;
    }
    this.#failed(errorMessage(error), true);
  }

  /** Clears the confirmation and starts a new callback for the same customer. */
  reset(): void {
    this.#initializedFor = undefined;
    this.#carry = {personal: this.personal, ownerId: this.ownerId}; // the same kind of callback again
    this.#availabilitySignature = undefined; // the slot just booked has one place fewer: ask again
    this.requestUpdate();
  }

  // ---- handlers ----

  private handleSubmit(event: Event): void {
    event.preventDefault();
    void this.submit();
  }

  private handleCancel(): void {
    this.dispatchEvent(new CallbackCancelEvent());
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.handleCancel();
    }
  }

  private handleSlotSelect(event: SlotSelectEvent): void {
    event.stopPropagation(); // the scheduler's own result events are what hosts listen to
    this.value = event.detail.start;
    this.#slotTouched = true;
    this.pickLost = undefined;
    this.errors = {...this.errors, slot: undefined};
    this.banner = this.banner?.kind === 'conflict' ? undefined : this.banner;
  }

  private handleRangeChange(event: RangeChangeEvent): void {
    event.stopPropagation();
    this.date = event.detail.startDate;
    if (event.detail.startDate === this.#date.toString()) void this.#loadAvailability(true);
  }

  private handleDateSelect(event: CalendarSelectEvent): void {
    this.date = event.detail.date;
    this.#webTouched = true;
    this.errors = {...this.errors, date: undefined, from: undefined};
  }

  #clearError(field: Field): void {
    if (this.errors[field]) this.errors = {...this.errors, [field]: undefined};
  }

  // ---- render ----

  #error(field: Field): TemplateResult | typeof nothing {
    const message = this.errors[field];
    return message ? html`<p class="field-error" part="error" id=${`error-${field}`}>${message}</p>` : nothing;
  }

  #invalid(field: Field) {
    return this.errors[field] ? 'true' : nothing;
  }

  #title(): string {
    switch (this.mode) {
      case 'reschedule':
        return msg('Reschedule callback');
      case 'next-attempt':
        return msg('Next call attempt');
      case 'followup':
        return msg('Schedule followup');
      case 'web-callback':
        return this.callback ? msg('Reschedule web callback') : msg('Web callback');
      default:
        return msg('New callback');
    }
  }

  #formatPhone(number: string): string {
    return this.#tools?.formatPhone(number) ?? number;
  }

  #renderClocks() {
    const now = this.resolvedClock.now();
    const locale = this.resolvedLocale;
    const zones = this.#candidateZones;
    const times = zones.map((zone) => formatTime(now, {locale, timeZone: zone, zoneName: true}));
    let customer: string;
    try {
      customer = times.length ? new Intl.ListFormat(locale, {type: 'disjunction'}).format(times) : msg('unknown');
    } catch {
      customer = times.join(' / ');
    }
    return html`<div class="clocks" part="clocks">
      <span
        ><span class="label">${msg('Your time')}</span>
        ${formatTime(now, {locale, timeZone: this.agentTimeZone, zoneName: true})}</span
      >
      <span><span class="label">${msg("Customer's time")}</span> ${customer}</span>
    </div>`;
  }

  #renderType() {
    const choice = this.#typeChoice;
    const ownerChoice = this.resolvedPolicy.canScheduleForOthers && this.#type === 'personal';
    const agents =
      this.agents ?? (ownerChoice ? this.#backendAgents.get(this.resolvedBackend, () => this.requestUpdate()) : []);
    const me = this.resolvedAgent;
    const options = me && !agents.some((a) => a.id === me.id) ? [me, ...agents] : agents;
    return html`<div class="section">
      ${
        choice === 'choose'
          ? html`<label class="check">
              <input
                type="checkbox"
                .checked=${live(this.#type === 'personal')}
                aria-describedby="type-help"
                @change=${(e: Event) => (this.personal = (e.target as HTMLInputElement).checked)}
              />
              ${msg('Personal callback')}
            </label>`
          : nothing
      }
      <p class="help" id="type-help">
        ${
          this.mode === 'followup'
            ? msg(
                str`A followup is yours: it comes to you as a preview call and expires ${this.resolvedPolicy.followupExpiryMinutes} minutes after its start if not launched.`,
              )
            : this.#type === 'personal'
              ? choice === 'choose'
                ? msg('Only the owner gets this call.')
                : msg('Personal callback: only the owner gets this call (set by your contact center).')
              : choice === 'choose'
                ? msg('Any agent of the campaign can make this call.')
                : msg('Campaign callback: any agent of the campaign can make this call (set by your contact center).')
        }
      </p>
      ${
        ownerChoice
          ? html`<label class="field"
              >${msg('Owner')}
              <select @change=${(e: Event) => (this.ownerId = (e.target as HTMLSelectElement).value)}>
                ${options.map((a) => html`<option value=${a.id} ?selected=${a.id === (this.ownerId ?? me?.id)}>${a.name}</option>`)}
              </select></label
            >`
          : nothing
      }
      ${this.ownerHours && this.#type === 'personal' ? html`<p class="help owner-hours" part="owner-hours" role="status">${this.ownerHours}</p>` : nothing}
    </div>`;
  }

  #renderPhone() {
    const options = this.#phoneOptions;
    const tools = this.#tools;
    const format = (n: string) => tools?.formatPhone(n) ?? n;
    return html`<div class="section">
      <label class="field"
        >${msg('Number to call')}
        <select
          class="number"
          aria-invalid=${this.phoneChoice !== NEW_NUMBER ? this.#invalid('phone') : nothing}
          aria-describedby=${this.errors.phone && this.phoneChoice !== NEW_NUMBER ? 'error-phone' : nothing}
          @change=${(e: Event) => {
            this.phoneChoice = (e.target as HTMLSelectElement).value;
            this.#clearError('phone');
          }}
        >
          ${options.map(
            (p) =>
              html`<option value=${p.number} ?selected=${p.number === this.phoneChoice}>
                ${`\u2066${format(p.number)}\u2069` /* isolated (LRI...PDI): reads left to right in RTL text too */}
                (${phoneTypeLabel(p.type)})${
                  p.contactFrom || p.contactUntil
                    ? ` ${msg(str`${p.contactFrom ?? '00:00'} to ${p.contactUntil ?? '24:00'}`)}`
                    : ''
                }
              </option>`,
          )}
          <option value=${NEW_NUMBER} ?selected=${this.phoneChoice === NEW_NUMBER}>${msg('New number…')}</option>
        </select></label
      >
      ${
        this.phoneChoice === NEW_NUMBER
          ? html`<fieldset class="new-number">
              <legend>${msg('New number')}</legend>
              <label class="field"
                >${msg('Phone')}
                <input
                  type="tel"
                  autocomplete="tel"
                  .value=${live(this.newNumber)}
                  aria-invalid=${this.#invalid('phone')}
                  aria-describedby=${this.errors.phone ? 'error-phone' : nothing}
                  @input=${(e: Event) => {
                    this.newNumber = (e.target as HTMLInputElement).value;
                    this.#clearError('phone');
                  }}
                  @blur=${() => {
                    const parsed = tools?.parsePhone(this.newNumber);
                    if (parsed) this.newNumber = tools!.formatPhone(parsed.e164);
                    else if (this.newNumber.trim())
                      this.errors = {
                        ...this.errors,
                        phone: msg('This is not a valid phone number. Include the area code.'),
                      };
                  }}
              /></label>
              <label class="field"
                >${msg('Type')}
                <select @change=${(e: Event) => (this.newType = (e.target as HTMLSelectElement).value as PhoneType)}>
                  ${PHONE_TYPES.map((t) => html`<option value=${t} ?selected=${t === this.newType}>${phoneTypeLabel(t)}</option>`)}
                </select></label
              >
              <label class="field"
                >${msg('Reachable from')}
                <input
                  type="time"
                  .value=${live(this.newFrom)}
                  @input=${(e: Event) => (this.newFrom = (e.target as HTMLInputElement).value)}
              /></label>
              <label class="field"
                >${msg('Until')}
                <input
                  type="time"
                  .value=${live(this.newUntil)}
                  @input=${(e: Event) => (this.newUntil = (e.target as HTMLInputElement).value)}
              /></label>
            </fieldset>`
          : nothing
      }
      ${this.#error('phone')}
    </div>`;
  }

  #renderZone() {
    const locale = this.resolvedLocale;
    const now = this.resolvedClock.now();
    const candidates = this.#candidateZones;
    const customer = this.#customerZone;
    const zoneIds = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return html`<fieldset class="section zone">
      <legend>${msg('Show times in')}</legend>
      ${
        this.#crmZoneDiffers
          ? html`<p class="help" id="zone-why">
              ${msg(
                str`Your CRM places this customer in ${zoneLongName(this.#contact!.timeZone!, locale, now)}, but the number belongs to ${this.#numberZonesText(locale, now)}. Calling hours are checked in both.`,
              )}
            </p>`
          : nothing
      }
      <label class="radio"
        ><input
          type="radio"
          name="zone"
          value="agent"
          .checked=${live(this.zoneMode === 'agent')}
          @change=${() => (this.zoneMode = 'agent')}
        />
        ${msg(str`Your zone (${zoneLongName(this.agentTimeZone, locale, now)})`)}</label
      >
      <label class="radio"
        ><input
          type="radio"
          name="zone"
          value="customer"
          ?disabled=${!customer}
          .checked=${live(this.zoneMode === 'customer')}
          @change=${() => (this.zoneMode = 'customer')}
        />
        ${customer ? msg(str`Customer's zone (${zoneLongName(customer, locale, now)})`) : msg("Customer's zone (unknown for this number)")}</label
      >
      ${
        this.zoneMode === 'customer' && candidates.length > 1
          ? html`<label class="field candidates"
              >${msg('This number can be in several zones: which is the customer in?')}
              <select @change=${(e: Event) => (this.customerZonePick = (e.target as HTMLSelectElement).value)}>
                ${candidates.map(
                  (z) =>
                    html`<option value=${z} ?selected=${z === customer}>
                      ${zoneLongName(z, locale, now)} (${z})
                    </option>`,
                )}
              </select>
              <span class="help">${msg('Calling hours are still checked in every possible zone.')}</span></label
            >`
          : nothing
      }
      <label class="radio"
        ><input
          type="radio"
          name="zone"
          value="other"
          .checked=${live(this.zoneMode === 'other')}
          @change=${() => (this.zoneMode = 'other')}
        />
        ${msg('Another zone')}</label
      >
      ${
        this.zoneMode === 'other'
          ? html`<label class="field"
                >${msg('Time zone')}
                <input
                  list="zones"
                  .value=${live(this.otherZone)}
                  placeholder="America/Denver"
                  aria-invalid=${this.#invalid('zone')}
                  aria-describedby=${this.errors.zone ? 'error-zone' : nothing}
                  @input=${(e: Event) => {
                    this.otherZone = (e.target as HTMLInputElement).value.trim();
                    this.#clearError('zone');
                  }} /></label
              ><datalist id="zones">${zoneIds.map((z) => html`<option value=${z}></option>`)}</datalist>`
          : nothing
      }
      ${this.#error('zone')}
    </fieldset>`;
  }

  #numberZonesText(locale: string | undefined, now: Temporal.Instant): string {
    const names = this.customerZones.map((zone) => zoneLongName(zone, locale, now));
    try {
      return new Intl.ListFormat(locale, {type: 'disjunction'}).format(names);
    } catch {
      return names.join(' / ');
    }
  }

  #renderWhen() {
    const locale = this.resolvedLocale;
    const zone = this.#displayZone;
    const secondary = zone === this.agentTimeZone ? this.#customerZone : this.agentTimeZone;
    const today = this.#today;
    const calendar = html`<ck-month-calendar
      part="calendar"
      exportparts="nav-button: calendar-nav-button, month: calendar-month, weekday: calendar-weekday, day: calendar-day"
      .value=${this.#date.toString()}
      .today=${today.toString()}
      .min=${today.toString()}
      .max=${this.#lastDay.toString()}
      .locale=${locale}
      label=${this.mode === 'web-callback' ? msg('On') : msg('Date')}
      @calendar-select=${this.handleDateSelect}
    ></ck-month-calendar>`;
    if (this.mode === 'web-callback') {
      return html`<div class="section when">
        <div class="on">
          <span><span class="label" id="on-label">${msg('On')}</span> ${formatDate(this.#date, locale, 'long')}</span>
          ${calendar}
        </div>
        <div class="interval">
          <label class="field"
            >${msg('From')}
            <input
              type="time"
              .value=${live(this.webFrom)}
              aria-invalid=${this.#invalid('from')}
              aria-describedby=${this.errors.from ? 'error-from' : nothing}
              @input=${(e: Event) => {
                this.webFrom = (e.target as HTMLInputElement).value;
                this.#webTouched = true;
                this.#clearError('from');
              }}
          /></label>
          <label class="field"
            >${msg('Till')}
            <input
              type="time"
              .value=${live(this.webTill)}
              aria-invalid=${this.#invalid('till')}
              aria-describedby=${this.errors.till ? 'error-till' : nothing}
              @input=${(e: Event) => {
                this.webTill = (e.target as HTMLInputElement).value;
                this.#webTouched = true;
                this.#clearError('till');
              }}
          /></label>
          <span class="help">${msg(str`Times in ${zoneLongName(zone, locale)}.`)}</span>
          ${this.#error('from')} ${this.#error('till')}
        </div>
      </div>`;
    }
    const selected = this.slots.find((s) => s.start === this.value);
    return html`<div class="section when">
      ${calendar}
      <div class="grid-wrap">
        <timeslot-grid
          part="grid"
          exportparts="toolbar: grid-toolbar, nav-button: grid-nav-button, day: grid-day, time: grid-time, slot: grid-slot, slot-available: grid-slot-available, slot-unavailable: grid-slot-unavailable, slot-selected: grid-slot-selected, message: grid-message"
          .slots=${this.#effectiveSlots}
          time-zone=${zone}
          secondary-time-zone=${secondary ?? nothing}
          secondary-label=${zone === this.agentTimeZone ? msg("customer's time") : msg('your time')}
          .locale=${locale}
          start-date=${this.#date.toString()}
          .value=${this.value}
          ?loading=${this.slotsLoading}
          .error=${this.slotsError}
          label=${msg('Callback times')}
          aria-invalid=${this.#invalid('slot')}
          @slot-select=${this.handleSlotSelect}
          @range-change=${this.handleRangeChange}
        ></timeslot-grid>
        <p class="chosen" aria-live="polite">
          ${
            selected
              ? msg(
                  str`Chosen: ${formatDate(Temporal.Instant.from(selected.start).toZonedDateTimeISO(zone).toPlainDate(), locale, 'long')}, ${formatTimeRange(
                    Temporal.Instant.from(selected.start),
                    Temporal.Instant.from(selected.end),
                    {locale, timeZone: zone, zoneName: true},
                  )}`,
                )
              : (this.pickLost ?? msg('No time chosen yet.'))
          }
        </p>
        ${this.#error('slot')}
      </div>
    </div>`;
  }

  #renderSummary(callback: Callback) {
    const locale = this.resolvedLocale;
    const start = Temporal.Instant.from(callback.start);
    const day = dateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      timeZone: this.agentTimeZone,
    }).format(start.epochMilliseconds);
    const mine = formatTime(start, {locale, timeZone: this.agentTimeZone});
    const customerZone = this.#customerZone;
    const theirs = customerZone ? formatTime(start, {locale, timeZone: customerZone}) : undefined;
    // One whole sentence per kind: the translation agrees with the noun (e.g. gender in Spanish).
    const text = this.#rescheduling
      ? theirs
        ? msg(str`Moved to ${day}, ${mine} your time (${theirs} customer).`)
        : msg(str`Moved to ${day}, ${mine} your time.`)
      : callback.kind === 'followup'
        ? theirs
          ? msg(str`Followup set for ${day}, ${mine} your time (${theirs} customer).`)
          : msg(str`Followup set for ${day}, ${mine} your time.`)
        : callback.kind === 'web-callback'
          ? theirs
            ? msg(str`Web callback set for ${day}, ${mine} your time (${theirs} customer).`)
            : msg(str`Web callback set for ${day}, ${mine} your time.`)
          : theirs
            ? msg(str`Callback set for ${day}, ${mine} your time (${theirs} customer).`)
            : msg(str`Callback set for ${day}, ${mine} your time.`);
    return html`<div class="summary" part="summary" role="status" tabindex="-1">
      <p>${text}</p>
      <div class="actions">
        ${!this.#rescheduling ? html`<button type="button" @click=${() => this.reset()}>${msg('Schedule another')}</button>` : nothing}
        <button type="button" @click=${this.handleCancel}>${msg('Close')}</button>
      </div>
    </div>`;
  }

  override render() {
    const contact = this.#contact;
    // The customer's name, isolated (bdi) so a stray direction control in it cannot reorder the rest; a customer
    // known only by a callback's number shows the number.
    const name = contact?.name || (contact?.phones[0] ? this.#formatPhone(contact.phones[0].number) : '');
    const heading = html`<div class="title" part="title" role="heading" aria-level=${this.headingLevel}>
      ${this.#title()}${name ? html`<span class="contact" title=${name}> · <bdi>${name}</bdi></span>` : nothing}
    </div>`;
    if (this.saved) return html`${heading}${this.#renderSummary(this.saved)}`;
    const submitLabel = this.#rescheduling
      ? msg('Reschedule')
      : this.mode === 'next-attempt'
        ? msg('Save next attempt')
        : this.mode === 'followup'
          ? msg('Schedule followup')
          : msg('Schedule callback');
    return html`
      ${heading} ${this.#renderClocks()}
      <form
        part="form"
        novalidate
        @submit=${this.handleSubmit}
        @keydown=${this.handleKeydown}
        aria-busy=${this.submitting ? 'true' : 'false'}
      >
        ${this.errors.contact ? html`<p class="banner banner--error" role="alert" part="error">${this.errors.contact}</p>` : nothing}
        ${
          this.mode === 'next-attempt'
            ? html`<fieldset class="section">
                <legend>${msg('Disposition')}</legend>
                ${this.dispositions.map(
                  (d) =>
                    html`<label class="radio"
                      ><input
                        type="radio"
                        name="disposition"
                        value=${d.id}
                        .checked=${live(this.#dispositionId === d.id)}
                        aria-invalid=${this.#invalid('disposition')}
                        @change=${() => {
                          this.dispositionId = d.id;
                          this.dispatchEvent(new DispositionSelectEvent(d));
                          this.#clearError('disposition');
                        }}
                      />
                      ${d.label}</label
                    >`,
                )}
                ${this.#error('disposition')}
                ${
                  this.#disposition && !this.#disposition.requiresCallback
                    ? html`<p class="help">${msg('This disposition needs no further call.')}</p>`
                    : nothing
                }
              </fieldset>`
            : nothing
        }
        ${
          this.#needsCallback
            ? html`${this.#renderType()} ${this.#renderPhone()} ${this.#renderZone()} ${this.#renderWhen()}
                <div class="section">
                  <label class="field notes"
                    >${msg('Notes')}
                    <textarea
                      dir="auto"
                      rows="3"
                      maxlength=${this.notesMaxLength}
                      .value=${live(this.notes)}
                      aria-describedby="notes-count"
                      aria-invalid=${this.#invalid('notes')}
                      @input=${(e: Event) => (this.notes = (e.target as HTMLTextAreaElement).value)}
                    ></textarea>
                  </label>
                  <span class="count" id="notes-count"
                    >${msg(str`${this.notes.length} of ${this.notesMaxLength} characters`)}</span
                  >
                  ${this.#error('notes')}
                </div>`
            : nothing
        }
        ${
          this.banner
            ? html`<div class="banner banner--${this.banner.kind}" role="alert" part="error">
                <span title=${this.banner.message}>${this.banner.message}</span>
                ${this.banner.retry ? html`<button type="button" @click=${() => void (this.#restoredBanner ? this.#settlePending() : this.submit())}>${msg('Retry')}</button>` : nothing}
              </div>`
            : nothing
        }
        <div class="actions" part="actions">
          ${
            this.#needsCallback || this.mode !== 'next-attempt'
              ? html`<button
                  type="submit"
                  class="primary"
                  part="submit"
                  ?disabled=${this.submitting}
                  aria-disabled=${this.submitting ? 'true' : 'false'}
                >
                  ${this.submitting ? msg('Saving…') : submitLabel}
                </button>`
              : nothing
          }
          <button type="button" part="cancel-button" @click=${this.handleCancel}>${msg('Cancel')}</button>
        </div>
      </form>
    `;
  }
}

defineElement('callback-scheduler', CallbackSchedulerElement);

declare global {
  interface HTMLElementTagNameMap {
    'callback-scheduler': CallbackSchedulerElement;
  }
}
