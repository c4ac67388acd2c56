/**
 * The handlers `<callback-scheduler>` gives its templates (`SchedulerView['on']`): each turns an agent's edit into
 * new entries of the element's state, clearing the errors the edit answers. The element owns the state; this reads
 * and sets it through a `SchedulerViewHost`. Also the notes and banners the element shows (pure).
 */
import {msg, str} from '@lit/localize';
import type {PhoneTools} from '../../core/phone-loader.js';
import {Temporal} from '../../core/temporal.js';
import type {PhoneType, Slot} from '../../core/types.js';
import {CallbackCancelEvent} from '../../events/callback-cancel.js';
import {DispositionSelectEvent} from '../../events/disposition-select.js';
import {formatTimeRange} from '../../internal/format.js';
import type {Field, FieldErrors, ZoneMode} from './scheduler-form-model.js';
import type {SchedulerBanner, SchedulerHandlers} from './scheduler-templates.js';

/** The element's state the handlers set (its `@state()` fields of the same names). */
export interface SchedulerEntries {
  dispositionId?: string;
  personal?: boolean;
  ownerId?: string;
  phoneChoice?: string;
  newNumber: string;
  newType: PhoneType;
  newFrom: string;
  newUntil: string;
  zoneMode: ZoneMode;
  customerZonePick?: string;
  otherZone: string;
  date?: string;
  value?: string;
  webFrom: string;
  webTill: string;
  notes: string;
  errors: FieldErrors;
  numberNote?: string;
  banner?: SchedulerBanner;
  pickLost?: string;
}

/** What the handlers need of the element. */
export interface SchedulerViewHost {
  /** The entries the handlers read. */
  read(): Pick<SchedulerEntries, 'newNumber' | 'errors' | 'banner'>;
  /** Sets entries of the element's state. */
  set(patch: Partial<SchedulerEntries>): void;
  /** The agent chose a slot (`slot`) or a web callback's day or hours (`web`): no default replaces it any more. */
  touched(what: 'slot' | 'web'): void;
  /** The phone tools, once loaded. */
  tools(): PhoneTools | undefined;
  /** The day shown (ISO), to tell whether the grid's week is the one already loaded. */
  shownDate(): string;
  /** Asks for the slots again. */
  reloadSlots(): void;
  dispatchEvent(event: Event): boolean;
  /** Starts a new callback for the same customer. */
  reset(): void;
  /** Downloads the week's grid again after its download failed. */
  retryGrid(): void;
}

/** The template handlers of a scheduler. */
export function schedulerHandlers(host: SchedulerViewHost): SchedulerHandlers {
  const clearError = (...fields: Field[]): void => {
    const current = host.read().errors;
    if (fields.some((field) => current[field])) {
      const errors = {...current};
      for (const field of fields) delete errors[field];
      host.set({errors});
    }
  };
  return {
    personal: (checked) => host.set({personal: checked}),
    owner: (id) => host.set({ownerId: id}),
    phoneChoice: (value) => {
      host.set({phoneChoice: value, numberNote: undefined});
      clearError('phone', 'new-from', 'new-until');
    },
    newNumber: (value) => {
      host.set({newNumber: value});
      clearError('phone');
    },
    newNumberBlur: () => {
      const tools = host.tools();
      const {newNumber, errors} = host.read();
      const parsed = tools?.parsePhone(newNumber);
      if (parsed) host.set({newNumber: tools!.formatPhone(parsed.e164)});
      else if (newNumber.trim())
        host.set({errors: {...errors, phone: msg('This is not a valid phone number. Include the area code.')}});
    },
    newType: (type) => host.set({newType: type}),
    newFrom: (value) => {
      host.set({newFrom: value});
      clearError('new-from', 'new-until');
    },
    newUntil: (value) => {
      host.set({newUntil: value});
      clearError('new-from', 'new-until');
    },
    zoneMode: (mode) => {
      host.set({zoneMode: mode});
      clearError('zone');
    },
    customerZone: (zone) => host.set({customerZonePick: zone}),
    otherZone: (zone) => {
      host.set({otherZone: zone});
      clearError('zone');
    },
    date: (event) => {
      host.set({date: event.detail.date});
      host.touched('web');
      clearError('date', 'from');
    },
    webFrom: (value) => {
      host.set({webFrom: value});
      host.touched('web');
      clearError('from');
    },
    webTill: (value) => {
      host.set({webTill: value});
      host.touched('web');
      clearError('till');
    },
    slot: (event) => {
      event.stopPropagation(); // the scheduler's own result events are what hosts listen to
      host.set({value: event.detail.start, pickLost: undefined, numberNote: undefined});
      host.touched('slot');
      clearError('slot');
      const {banner} = host.read();
      host.set({banner: banner?.kind === 'conflict' ? undefined : banner});
    },
    range: (event) => {
      event.stopPropagation();
      host.set({date: event.detail.startDate});
      if (event.detail.startDate === host.shownDate()) host.reloadSlots();
    },
    notes: (value) => host.set({notes: value}),
    disposition: (d) => {
      host.set({dispositionId: d.id});
      host.dispatchEvent(new DispositionSelectEvent(d));
      clearError('disposition');
    },
    reset: () => host.reset(),
    retryGrid: () => host.retryGrid(),
    cancel: () => host.dispatchEvent(new CallbackCancelEvent()),
  };
}

// ---- notes and banners ----

/** Next to the grid, when a reload no longer offers the agent's pick: filled by another booking, or gone. */
export function pickLostNote(picked: Slot | undefined): string {
  return picked?.reason === 'full'
    ? msg('The time you picked was just filled by another booking: pick another time.')
    : msg('The time you picked is no longer available: pick another time.');
}

/** Next to the number, when the picked slot cannot be used with the new number (shown in the displayed zone). */
export function numberNoteFor(slot: Slot, locale: string | undefined, timeZone: string): string {
  const when = formatTimeRange(Temporal.Instant.from(slot.start), Temporal.Instant.from(slot.end), {locale, timeZone});
  return msg(str`The time you picked (${when}) cannot be used with this number: pick another time.`);
}

/**
 * The banner of a failed or vetoed submission. While an attempt's outcome is unknown (`unsettled`: its answer was
 * lost: a timeout, a network error, a 5xx) the callback may exist: never say it was not saved, and point to Retry (it
 * replays that attempt with its own idempotency key) rather than leave the agent to enter it again elsewhere.
 */
export function failureBanner(reason: string, retry: boolean, unsettled: boolean): SchedulerBanner {
  return unsettled
    ? {
        kind: 'error',
        message: msg(
          str`The callback may not have been saved: ${reason} Retry is safe: it never creates a second callback. Your entries are kept.`,
        ),
        retry: true,
      }
    : {kind: 'error', message: msg(str`The callback could not be saved: ${reason} Your entries are kept.`), retry};
}

/** The banner when the picked slot was taken meanwhile (the slots reload; the other entries stay). */
export function conflictBanner(): SchedulerBanner {
  return {
    kind: 'conflict',
    message: msg('That time was just taken. Pick another time: your other entries are kept.'),
    retry: false,
  };
}
