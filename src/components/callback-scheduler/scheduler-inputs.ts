/**
 * What `<callback-scheduler>` resolves from its properties, the interaction context and the agent's entries: the
 * customer, the number, the zones, the day, and the inputs of the form model's rules. Pure: read from one snapshot
 * of the element's state (`SchedulerSources`), computed when asked.
 */
import type {Disposition, Interaction} from '../../context/interaction.js';
import type {AvailabilityQuery} from '../../core/backend.js';
import type {Clock} from '../../core/clock.js';
import type {PhoneTools} from '../../core/phone-loader.js';
import {Temporal} from '../../core/temporal.js';
import {isValidTimeZone} from '../../core/time.js';
import type {Callback, CallbackType, Contact, Phone, PhoneType, SchedulingPolicy, Slot} from '../../core/types.js';
import {
  NEW_NUMBER,
  parseTimeOfDay,
  type ChosenPhone,
  type SchedulerFormInput,
  type SchedulerMode,
  type timeProblem,
  type ZoneMode,
} from './scheduler-form-model.js';
import {rangeOf} from './availability-controller.js';
import type {SchedulerView} from './scheduler-templates.js';

/** The element's properties, context and entries the resolved inputs are computed from. */
export interface SchedulerSources {
  readonly mode: SchedulerMode;
  readonly callback?: Callback;
  readonly contact?: Contact;
  readonly interaction?: Interaction;
  /** The callback's customer loaded with `backend.getContact`, and the contact id being loaded. */
  readonly loadedContact?: Contact;
  readonly loadingContact?: string;
  readonly campaignId?: string;
  readonly dispositionId?: string;
  readonly dispositions: Disposition[];
  readonly personal?: boolean;
  readonly ownerId?: string;
  /** The signed-in agent's id. */
  readonly agentId?: string;
  readonly policy: SchedulingPolicy;
  /** The `phone` property. */
  readonly phone?: string;
  readonly phoneChoice?: string;
  readonly newNumber: string;
  readonly newType: PhoneType;
  readonly newFrom: string;
  readonly newUntil: string;
  readonly tools?: PhoneTools;
  /** The number's zones (`timeZonesForPhone`). */
  readonly customerZones: string[];
  readonly customerZonePick?: string;
  readonly zoneMode: ZoneMode;
  readonly otherZone: string;
  readonly agentTimeZone: string;
  readonly clock: Clock;
  readonly locale?: string;
  /** The picked day (ISO), as entered. */
  readonly date?: string;
  readonly value?: string;
  readonly slots: Slot[];
  readonly webFrom: string;
  readonly webTill: string;
  readonly notes: string;
  readonly notesMaxLength: number;
}

/** What `SchedulerInputs.view` adds to the form model's input for the templates. */
type ViewInput =
  | 'typeChoice'
  | 'phoneOptions'
  | 'newType'
  | 'customerZone'
  | 'crmZone'
  | 'numberZones'
  | 'today'
  | 'lastDay'
  | 'dispositions';

/** The scheduler's resolved inputs, each computed from `sources` when read. */
export class SchedulerInputs {
  constructor(private readonly s: SchedulerSources) {}

  /**
   * The customer. With a callback (a reschedule) it is always the callback's own: the `contact` property or the
   * interaction's contact only when they are that customer, else the one loaded with `backend.getContact`, else the
   * callback's contactId and number alone. The interaction never moves a callback to the customer on the call.
   */
  get contact(): Contact | undefined {
    const callback = this.s.callback;
    if (!callback) return this.s.contact ?? this.s.interaction?.contact;
    for (const candidate of [this.s.contact, this.s.interaction?.contact, this.s.loadedContact])
      if (candidate?.id === callback.contactId) return candidate;
    if (this.s.loadingContact === callback.contactId) return undefined;
    return {id: callback.contactId, name: '', phones: [{number: callback.phone, type: 'other'}]};
  }

  /** Whether the interaction is about this scheduler's customer (its phone and campaign then apply). */
  get onCallWithCustomer(): boolean {
    const contact = this.contact;
    return !!contact && this.s.interaction?.contact?.id === contact.id;
  }

  get campaignId(): string | undefined {
    if (this.s.callback) return this.s.campaignId ?? this.s.callback.campaignId;
    return this.s.campaignId ?? this.s.interaction?.campaign?.id;
  }

  /** A callback given: saving moves it (`rescheduleCallback` of its id), whatever the mode. */
  get rescheduling(): boolean {
    return !!this.s.callback && this.s.mode !== 'next-attempt';
  }

  get dispositionId(): string | undefined {
    return this.s.dispositionId ?? this.s.interaction?.disposition?.id;
  }

  get disposition(): Disposition | undefined {
    const id = this.dispositionId;
    return this.s.dispositions.find((d) => d.id === id);
  }

  /** Whether the next-call controls are shown (always, except in next-attempt mode before a disposition needing one). */
  get needsCallback(): boolean {
    return this.s.mode !== 'next-attempt' || !!this.disposition?.requiresCallback;
  }

  get typeChoice(): 'choose' | CallbackType {
    if (this.s.mode === 'followup') return 'personal';
    const allowed = this.s.policy.callbackTypes;
    return allowed === 'both' ? 'choose' : allowed;
  }

  get type(): CallbackType {
    const choice = this.typeChoice;
    if (choice !== 'choose') return choice;
    return (this.s.personal ?? (this.s.callback ? this.s.callback.type === 'personal' : true))
      ? 'personal'
      : 'campaign';
  }

  get phoneOptions(): Phone[] {
    const phones = [...(this.contact?.phones ?? [])];
    const extra = [
      this.s.phone,
      this.onCallWithCustomer ? this.s.interaction?.phone?.number : undefined,
      this.s.callback?.phone,
    ].filter((n): n is string => !!n && !phones.some((p) => p.number === n));
    for (const number of new Set(extra)) phones.push({number, type: 'other'});
    return phones;
  }

  /** The phone the request will call: an existing one, or the new number (with its window) when valid. */
  get phone(): ChosenPhone | undefined {
    if (this.s.phoneChoice === NEW_NUMBER) {
      const parsed = this.s.tools?.parsePhone(this.s.newNumber);
      if (!parsed) return undefined;
      return {
        number: parsed.e164,
        type: this.s.newType,
        contactFrom: parseTimeOfDay(this.s.newFrom),
        contactUntil: parseTimeOfDay(this.s.newUntil),
        isNew: true,
      };
    }
    const phone = this.phoneOptions.find((p) => p.number === this.s.phoneChoice);
    return phone ? {...phone, isNew: false} : undefined;
  }

  /** Zones the customer may be in (all candidates of the number; checked by the calling window). */
  get candidateZones(): string[] {
    const own = this.contact?.timeZone;
    const crm = own && isValidTimeZone(own) ? [own] : [];
    return [...new Set([...crm, ...this.s.customerZones])];
  }

  /** The CRM's zone for the customer when the number says otherwise (both are checked). */
  get crmZoneDiffers(): boolean {
    const own = this.contact?.timeZone;
    const zones = this.s.customerZones;
    return !!own && isValidTimeZone(own) && zones.length > 0 && !zones.includes(own);
  }

  /** The customer's zone to display (the agent's pick among candidates, else the most likely). */
  get customerZone(): string | undefined {
    const candidates = this.candidateZones;
    const pick = this.s.customerZonePick;
    return pick && candidates.includes(pick) ? pick : candidates[0];
  }

  get displayZone(): string {
    if (this.s.zoneMode === 'customer' && this.customerZone) return this.customerZone;
    if (this.s.zoneMode === 'other' && isValidTimeZone(this.s.otherZone)) return this.s.otherZone;
    return this.s.agentTimeZone;
  }

  get today(): Temporal.PlainDate {
    return this.s.clock.now().toZonedDateTimeISO(this.displayZone).toPlainDate();
  }

  get lastDay(): Temporal.PlainDate {
    return this.today.add({days: this.s.policy.maxDaysAhead});
  }

  get date(): Temporal.PlainDate {
    try {
      return this.s.date ? Temporal.PlainDate.from(this.s.date) : this.today;
    } catch {
      return this.today;
    }
  }

  /** The regions calling rules apply for: the number's (`regionsForPhone`) and the contact's `region`. */
  get regions(): string[] {
    const tools = this.s.tools;
    const number = this.phone?.number;
    const regions = tools && number ? tools.regionsForPhone(number) : [];
    const own = this.contact?.region;
    return own ? [...regions, own] : regions;
  }

  /** What the element's own rules read (see `timeProblem`). */
  get ruleInput(): Parameters<typeof timeProblem>[0] {
    return {
      now: this.s.clock.now(),
      agentTimeZone: this.s.agentTimeZone,
      policy: this.s.policy,
      candidateZones: this.candidateZones,
      phone: this.phone,
      regions: this.regions,
    };
  }

  /** What the form model validates and builds the request from. */
  get formInput(): SchedulerFormInput {
    const s = this.s;
    return {
      ...this.ruleInput,
      mode: s.mode,
      callback: s.callback,
      contact: this.contact,
      rescheduling: this.rescheduling,
      needsCallback: this.needsCallback,
      disposition: this.disposition,
      dispositionId: this.dispositionId,
      type: this.type,
      ownerId: s.ownerId ?? s.agentId,
      campaignId: this.campaignId,
      phoneChoice: s.phoneChoice,
      newNumber: s.newNumber,
      newFrom: s.newFrom,
      newUntil: s.newUntil,
      zoneMode: s.zoneMode,
      otherZone: s.otherZone,
      displayZone: this.displayZone,
      locale: s.locale,
      date: this.date,
      value: s.value,
      slots: s.slots,
      webFrom: s.webFrom,
      webTill: s.webTill,
      notes: s.notes,
      notesMaxLength: s.notesMaxLength,
    };
  }

  /** What the slots are asked for: around the shown day, for the callback's type, campaign, owner, number, customer. */
  get availabilityQuery(): AvailabilityQuery {
    const phone = this.phone;
    return {
      ...rangeOf(this.date),
      type: this.type,
      campaignId: this.campaignId,
      agentId: this.type === 'personal' ? (this.s.ownerId ?? this.s.agentId) : undefined,
      phone: phone && !phone.isNew ? phone.number : undefined,
      contactId: this.contact?.id,
    };
  }

  /** What the templates read of the resolved inputs (the element adds its own state, the slots and the handlers). */
  get view(): SchedulerFormInput & Pick<SchedulerView, ViewInput> {
    return {
      ...this.formInput, // the entries and what the rules read
      typeChoice: this.typeChoice,
      phoneOptions: this.phoneOptions,
      newType: this.s.newType,
      customerZone: this.customerZone,
      crmZone: this.crmZoneDiffers ? this.contact?.timeZone : undefined,
      numberZones: this.s.customerZones,
      today: this.today,
      lastDay: this.lastDay,
      dispositions: this.s.dispositions,
    };
  }
}
