import {consume} from '@lit/context';
import {msg} from '@lit/localize';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {interactionContext, type Disposition, type Interaction} from '../../context/interaction.js';
import {CallbackKitError, SlotUnavailableError, ValidationError} from '../../core/errors.js';
import {loadPhoneTools, type PhoneTools} from '../../core/phone-loader.js';
import {Temporal} from '../../core/temporal.js';
import type {Agent, Callback, Contact, PhoneType, Slot} from '../../core/types.js';
import {CallbackScheduleErrorEvent} from '../../events/callback-schedule-error.js';
import {CallbackRescheduledEvent, CallbackScheduledEvent} from '../../events/callback-scheduled.js';
import {AgentListCache} from '../../internal/agent-list.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {KitElement} from '../../internal/kit-element.js';
import {LazyChunk} from '../../internal/lazy-chunk.js';
import {AvailabilityController} from './availability-controller.js';
import {CallbackContact} from './callback-contact.js';
import {SchedulerInputs} from './scheduler-inputs.js';
import {SchedulerSaving, type SaveModule} from './scheduler-saving.js';
import {conflictBanner, failureBanner, numberNoteFor, pickLostNote, schedulerHandlers} from './scheduler-view.js';
import {OwnerHoursController} from './owner-hours-controller.js';
import {errorMessage} from '../../internal/localization.js';
import type {MonthCalendarElement} from '../month-calendar/month-calendar.js';
import {styles} from './callback-scheduler.styles.js';
import {
  startEntries,
  pickNoLongerFits,
  firstWebInterval,
  formatTimeOfDay,
  RulesMemo,
  buildRequest,
  requestTimes,
  weekChunk,
  NEW_NUMBER,
  PENDING_PREFIX,
  rulesPending,
  type FieldErrors,
  type Operation,
  type ZoneMode,
} from './scheduler-form-model.js';
import {renderScheduler, type SchedulerBanner, type SchedulerView} from './scheduler-templates.js';
import type {SubmitOutcome} from './submit-controller.js';

export type {SchedulerMode} from './scheduler-form-model.js';
import type {SchedulerMode} from './scheduler-form-model.js';

/**
 * `<ck-month-calendar>`, a chunk of its own (not in the scheduler's eager bytes), loaded on connect. Its type is
 * imported statically: the manifest's global tokens follow static imports, and the scheduler documents the calendar's.
 */
const calendarChunk = new LazyChunk<{MonthCalendarElement: typeof MonthCalendarElement}>(
  () => import('../month-calendar/month-calendar.js'),
);
/** `<ck-zone-picker>`, a chunk of its own, loaded when "Another zone" is first chosen. */
const zonePickerChunk = new LazyChunk(() => import('../zone-picker/zone-picker.js'));

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
  readonly #rules = new RulesMemo();
  #slotTouched = false;
  #webTouched = false;
  /** A reschedule's zone, waiting for the number's candidate zones to tell whether it is the customer's. */
  #pendingZone?: string;
  #initializedFor?: unknown;
  /** The slots (`availability-request`, then the backend), reloaded when seats change. */
  protected readonly availability = new AvailabilityController(this, {
    query: () => this.#in.availabilityQuery,
    backend: () => this.resolvedBackend,
    timeout: () => this.responseTimeout,
    fallback: () => ({zone: this.agentTimeZone, slotMinutes: this.resolvedPolicy.slotMinutes}),
    prepare: async () => {
      // The phone tools tell the customer's zones, which the element's own calling-window check needs; the
      // calling-rules code, the policy's rules (when it has any).
      const rules = rulesPending(this.resolvedPolicy) ? weekChunk.load() : undefined;
      this.#tools ??= await loadPhoneTools();
      await rules;
      this.#deriveCustomerZones();
    },
    loaded: () => {
      this.#pickDefaultSlot();
      this.#saving.intent(); // the week is shown: the save path downloads meanwhile, before the agent reaches Save
    },
    open: () => !this.saved && this.#in.needsCallback && this.mode !== 'web-callback',
    busy: () => this.#submitting,
  });
  /** The save path (a lazy chunk) and, once it is there, the submissions (`callback-submit`, then the backend). */
  #saving = new SchedulerSaving(this, {
    backend: () => this.resolvedBackend,
    timeout: () => this.responseTimeout,
    key: () => this.#pendingKey(),
    load: (chunk, failed) => this.loadChunk(chunk, failed),
    restored: (save, attempt) =>
      this.#failed(save.restoredReason(attempt.request.start, this.resolvedLocale, this.agentTimeZone), true),
  });
  /** Save was asked and waits for the save chunk. */
  @state() private preparing = false;
  /** The backend's agents for the owner picker (`listAgents`, sync or async), asked once per backend. */
  #backendAgents = new AgentListCache();
  /** The agent's type and owner choices, kept by "Schedule another". */
  #carry?: {personal?: boolean; ownerId?: string};
  /** The rescheduled callback's customer when not given (`backend.getContact`). */
  #callbackContact = new CallbackContact(this);
  /** The owner's working hours on the chosen day (personal callbacks, `backend.getAgentShifts`). */
  protected readonly ownerHours = new OwnerHoursController(this, () => {
    const backend = this.isConnected ? this.resolvedBackend : undefined;
    const me = this.resolvedAgent;
    return {
      backend,
      agentId: this.#in.type === 'personal' && this.mode !== 'followup' ? (this.ownerId ?? me?.id) : undefined,
      day: this.#in.date,
      today: this.#in.today,
      zone: this.agentTimeZone,
      locale: this.resolvedLocale,
      agents: () => [
        ...(me ? [me] : []),
        ...(this.agents ?? this.#backendAgents.get(backend, () => this.requestUpdate())),
      ],
    };
  });
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
  @state() private customerZones: string[] = [];
  @state() private errors: FieldErrors = {};
  /** Next to the number: the picked time does not fit the new number (the pick is kept or cleared, never silently). */
  @state() private numberNote?: string;
  @state() private banner?: SchedulerBanner;
  @state() private saved?: Callback;
  /** A note next to the grid: the agent's pick was filled by another agent meanwhile. */
  @state() private pickLost?: string;
  /** Why the week's grid could not be downloaded (shown with Retry in its place). */
  @state() private gridProblem?: string;

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

  /** The customer, the number, the zones, the day and the rules' inputs, resolved from the current state. */
  get #in(): SchedulerInputs {
    return new SchedulerInputs({
      mode: this.mode,
      callback: this.callback,
      contact: this.contact,
      interaction: this.interaction,
      loadedContact: this.#callbackContact.contact,
      loadingContact: this.#callbackContact.loading,
      campaignId: this.campaignId,
      dispositionId: this.dispositionId,
      dispositions: this.dispositions,
      personal: this.personal,
      ownerId: this.ownerId,
      agentId: this.resolvedAgent?.id,
      policy: this.resolvedPolicy,
      phone: this.phone,
      phoneChoice: this.phoneChoice,
      newNumber: this.newNumber,
      newType: this.newType,
      newFrom: this.newFrom,
      newUntil: this.newUntil,
      tools: this.#tools,
      customerZones: this.customerZones,
      customerZonePick: this.customerZonePick,
      zoneMode: this.zoneMode,
      otherZone: this.otherZone,
      agentTimeZone: this.agentTimeZone,
      clock: this.resolvedClock,
      locale: this.resolvedLocale,
      date: this.date,
      value: this.value,
      slots: this.availability.slots,
      webFrom: this.webFrom,
      webTill: this.webTill,
      notes: this.notes,
      notesMaxLength: this.notesMaxLength,
    });
  }

  // ---- lifecycle ----

  /** Also waits for the lazy chunks (`loadChunk`: the week, the calendar, the save path...) and their elements' renders. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (const child of this.renderRoot.querySelectorAll<Element & {updateComplete?: Promise<boolean>}>(
      'ck-month-calendar, ck-zone-picker',
    ))
      await child.updateComplete;
    if (this.isUpdatePending) done = await super.getUpdateComplete();
    return done;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadChunk(calendarChunk);
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

  /**
   * Downloads the week's chunk (the grid and the calling rules' code) with the first availability request (the week
   * cannot show before its slots anyway), and for a policy with calling rules; then picks a web callback's first
   * legal hour again. A failed download shows in the week's place with Retry (a web callback's: at Save, which loads
   * it again).
   */
  #loadWeek(): void {
    const week = this.mode !== 'web-callback' && !customElements.get('timeslot-grid');
    if (this.gridProblem || !(week || rulesPending(this.resolvedPolicy))) return;
    void this.loadChunk(weekChunk, (error) => (this.gridProblem = errorMessage(error))).then(
      (module) => module && this.#pickDefaultWeb(),
    );
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.zoneMode === 'other' && changed.has('zoneMode' as keyof CallbackSchedulerElement))
      void this.loadChunk(zonePickerChunk);
    this.#loadWeek(); // with the first availability request (sent below): neither waits for the other
    const known = [this.contact, this.interaction?.contact];
    this.#callbackContact.sync(this.callback, known, this.resolvedBackend, () => this.callback);
    this.#saving.follow();
    const source = this.callback ?? this.#in.contact ?? this.interaction;
    if (source !== this.#initializedFor) {
      this.#initializedFor = source;
      this.#initialize();
    }
    if (['phoneChoice', 'newNumber', 'newFrom', 'newUntil'].some((key) => (changed as Map<string, unknown>).has(key))) {
      this.#deriveCustomerZones();
      this.#recheckPick();
    }
    if (changed.has('customerZones' as keyof CallbackSchedulerElement)) {
      if (this.availability.slots.length) this.#pickDefaultSlot();
      this.#pickDefaultWeb();
    }
    // Here rather than in updated(): a new query sets `slotsLoading` at once, which belongs to this update (set after
    // it, it would schedule a second one). The request itself is sent later (after the phone tools load).
    if (this.#in.needsCallback && this.mode !== 'web-callback' && !this.saved) void this.availability.load();
  }

  /** A submission is on its way, or waits for the save chunk. */
  get #submitting(): boolean {
    return this.preparing || !!this.#saving.submitter?.submitting;
  }

  /** The storage key of this agent's unsettled attempt for this customer. */
  #pendingKey(): string | undefined {
    const contact = this.#in.contact?.id;
    return contact ? `${PENDING_PREFIX}${this.resolvedAgent?.id ?? ''}:${contact}` : undefined;
  }

  #initialize(): void {
    const callback = this.callback;
    const start = startEntries(callback, {
      phone:
        (this.phone || undefined) ??
        (this.#in.onCallWithCustomer ? this.interaction?.phone?.number : undefined) ??
        this.#in.phoneOptions[0]?.number,
      carry: this.#carry,
      agentTimeZone: this.agentTimeZone,
      locale: this.resolvedLocale,
      date: this.date,
      webFrom: this.webFrom,
      webTill: this.webTill,
    });
    Object.assign(this, start);
    this.#carry = undefined;
    this.#slotTouched = !!start.value;
    this.#webTouched = !!callback;
    this.#pendingZone = start.otherZone; // the customer's when the number (or the contact) says so
    if (!this.#saving.submitter?.restored) this.banner = undefined;
    this.#saving.submitter?.reset();
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
    if (pending && (tools || !number) && this.#in.candidateZones.includes(pending)) {
      this.zoneMode = 'customer';
      this.customerZonePick = pending;
      this.#pendingZone = undefined;
    }
  }
  /** Web callbacks start on the first legal hour for the customer, 30 minutes from now at the earliest. */
  #pickDefaultWeb(): void {
    if (this.mode !== 'web-callback' || this.#webTouched) return;
    const first = firstWebInterval(this.#in.ruleInput, this.#in.today, this.#in.displayZone);
    const locale = this.resolvedLocale;
    if (first)
      [this.date, this.webFrom, this.webTill] = [
        first.date,
        formatTimeOfDay(first.from, locale),
        formatTimeOfDay(first.till, locale),
      ];
  }

  /** The slots with the element's own rules applied (memoized). */
  get #effectiveSlots(): Slot[] {
    return this.#rules.apply(this.availability.slots, this.#in.ruleInput);
  }

  #pickDefaultSlot(): void {
    if (this.#slotTouched) {
      // Keep the agent's choice only while it is still offered, and say so when it no longer is.
      const picked = this.value ? this.#effectiveSlots.find((s) => s.start === this.value) : undefined;
      // A slot full because of our own attempt whose answer was lost stays picked: Retry settles that attempt.
      const ours = !!this.value && this.#saving.submitter?.unsettled?.request.start === this.value;
      if (this.value && !picked?.available && !this.callback && !ours) {
        this.pickLost = pickLostNote(picked);
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

  // ---- the number changed: keep the pick when it still fits, else say so next to the number ----

  /** After a change of number (or of the new number's window): the picked time stays only if still allowed. */
  #recheckPick(): void {
    if (this.mode === 'web-callback') return;
    if (!this.#slotTouched) {
      if (this.availability.slots.length) this.#pickDefaultSlot(); // never the agent's choice: the next allowed one
      return;
    }
    const slot = pickNoLongerFits(this.availability.slots, this.value, this.#in.ruleInput);
    if (!slot) return;
    this.numberNote = numberNoteFor(slot, this.resolvedLocale, this.#in.displayZone);
    this.value = undefined;
  }

  // ---- submit ----

  /** Validates and saves (same as the submit button). Resolves with the saved callback, or undefined when it did not save. */
  async submit(): Promise<Callback | undefined> {
    if (this.#submitting) return undefined;
    // The checks and the submission are the save chunk's (downloaded on intent, usually there by now), and the rules'
    // code when the policy has calling rules.
    let save: SaveModule;
    this.preparing = true;
    try {
      [save] = await Promise.all([
        this.#saving.load(),
        rulesPending(this.resolvedPolicy) ? weekChunk.load() : undefined,
      ]);
    } catch (error) {
      // Nothing was checked or sent: say so (the entries stay), and Retry downloads it again.
      this.#failed(errorMessage(error), true);
      const input = this.#in.formInput;
      if (input.needsCallback && input.contact && input.phone && !('error' in requestTimes(input)))
        this.dispatchEvent(
          new CallbackScheduleErrorEvent({request: buildRequest(input), error: error as Error, idempotencyKey: ''}),
        );
      return undefined;
    } finally {
      this.preparing = false;
    }
    const input = this.#in.formInput;
    const errors = save.validate(input);
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .field-error-focus')?.focus();
      return undefined;
    }
    if (!this.#in.needsCallback) return undefined;
    const request = buildRequest(input);
    this.#slotTouched = true; // the agent stands by this time now: later reloads never move it silently
    this.banner = undefined;
    const operation: Operation = this.#in.rescheduling ? 'reschedule' : 'schedule';
    // an attempt kept before a reload goes out first, with its own key
    return this.#outcome(await this.#saving.submit(request, operation, this.callback?.id));
  }

  /** Retry of an attempt restored after a reload: sends it alone, with its own key, and shows its outcome. */
  async #settlePending(): Promise<void> {
    this.banner = undefined;
    const outcome = await this.#saving.submitter?.settle();
    if (outcome) await this.#outcome(outcome);
  }

  /** Shows what came of a submission, and tells the host. */
  async #outcome(outcome: SubmitOutcome): Promise<Callback | undefined> {
    if (outcome.status === 'vetoed') {
      this.#failed(outcome.reason ?? msg('Your CRM did not accept it.'), false);
      return undefined;
    }
    if (outcome.status === 'failed') {
      this.#showError(outcome.error);
      this.dispatchEvent(
        new CallbackScheduleErrorEvent({request: outcome.request, error: outcome.error, idempotencyKey: outcome.key}),
      );
      return undefined;
    }
    const {callback, request} = outcome;
    this.saved = callback;
    this.dispatchEvent(
      outcome.operation === 'reschedule'
        ? new CallbackRescheduledEvent({callback, request})
        : new CallbackScheduledEvent({callback, request}),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus();
    return callback;
  }

  /** The banner of a failed or vetoed submission (see `failureBanner`). */
  #failed(reason: string, retry: boolean): void {
    this.banner = failureBanner(reason, retry, !!this.#saving.submitter?.unsettled);
  }

  #showError(error: Error): void {
    if (
      error instanceof SlotUnavailableError ||
      (error instanceof CallbackKitError && error.code === 'slot-unavailable')
    ) {
      this.value = undefined;
      this.#slotTouched = true;
      this.banner = conflictBanner();
      void this.availability.load(true);
      return;
    }
    if (error instanceof ValidationError && this.#saving.module) {
      const {errors, general} = this.#saving.module.fieldErrorsOf(error.fieldErrors);
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
    this.availability.invalidate(); // the slot just booked has one place fewer: ask again
    this.requestUpdate();
  }

  // ---- handlers ----

  readonly #on = schedulerHandlers({
    read: () => ({newNumber: this.newNumber, errors: this.errors, banner: this.banner}),
    set: (patch) => Object.assign(this, patch),
    touched: (what) => (what === 'slot' ? (this.#slotTouched = true) : (this.#webTouched = true)),
    tools: () => this.#tools,
    shownDate: () => this.#in.date.toString(),
    reloadSlots: () => void this.availability.load(true),
    dispatchEvent: (event) => this.dispatchEvent(event),
    reset: () => this.reset(),
    retryGrid: () => {
      this.gridProblem = undefined;
      this.#loadWeek();
      // the Retry button goes away: focus stays in the week's place (the grid when it is there)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.grid-box')?.focus());
    },
  });

  // ---- render ----

  #formatPhone = (number: string): string => this.#tools?.formatPhone(number) ?? number;

  /** What the template sections read for this render. */
  #view(): SchedulerView {
    const inputs = this.#in;
    const ownerChoice = this.resolvedPolicy.canScheduleForOthers && inputs.type === 'personal';
    const agents: Agent[] =
      this.agents ?? (ownerChoice ? this.#backendAgents.get(this.resolvedBackend, () => this.requestUpdate()) : []);
    const me = this.resolvedAgent;
    return {
      ...inputs.view,
      clock: this.resolvedClock,
      errors: this.errors,
      ownerChoice,
      owners: me && !agents.some((a) => a.id === me.id) ? [me, ...agents] : agents,
      ownerHours: this.ownerHours.text,
      formatPhone: this.#formatPhone,
      numberNote: this.numberNote,
      effectiveSlots: this.mode === 'web-callback' ? [] : this.#effectiveSlots,
      slotsLoading: this.availability.loading,
      slotsError: this.availability.error,
      gridReady: !!customElements.get('timeslot-grid'),
      gridProblem: this.gridProblem,
      pickLost: this.pickLost,
      on: this.#on,
    };
  }

  override render() {
    const contact = this.#in.contact;
    return renderScheduler(this.#view(), {
      // a customer known only by a callback's number shows the number
      name: contact?.name || (contact?.phones[0] ? this.#formatPhone(contact.phones[0].number) : ''),
      headingLevel: this.headingLevel,
      callback: this.callback,
      saved: this.saved,
      rescheduling: this.#in.rescheduling,
      needsCallback: this.#in.needsCallback,
      submitting: this.#submitting,
      summary: (view, saved, rescheduling) => this.#saving.module?.renderSummary(view, saved, rescheduling),
      intent: this.#saving.intent,
      banner: this.banner,
      contactError: this.errors.contact,
      submit: (event: Event) => {
        event.preventDefault();
        void this.submit();
      },
      retry: () => void (this.#saving.submitter?.restored ? this.#settlePending() : this.submit()),
    });
  }
}

defineElement('callback-scheduler', CallbackSchedulerElement);

declare global {
  interface HTMLElementTagNameMap {
    'callback-scheduler': CallbackSchedulerElement;
  }
}
