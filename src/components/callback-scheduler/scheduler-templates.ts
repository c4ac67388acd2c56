/**
 * The scheduler's template sections. Each reads a `SchedulerView` (what the element resolved for this render, and its
 * handlers) and returns a template; the element composes them. No state lives here.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {Disposition} from '../../context/interaction.js';
import type {Clock} from '../../core/clock.js';
import {Temporal} from '../../core/temporal.js';
import type {Agent, Callback, CallbackType, Phone, PhoneType, SchedulingPolicy, Slot} from '../../core/types.js';
import type {RangeChangeEvent} from '../../events/range-change.js';
import type {SlotSelectEvent} from '../../events/slot-select.js';
import type {ZoneChangeEvent} from '../../events/zone-change.js';
import {formatDate, formatTime, formatTimeRange, zoneLongName} from '../../internal/format.js';
import type {CalendarSelectEvent} from '../month-calendar/month-calendar.js';
import {
  formatTimeOfDay,
  NEW_NUMBER,
  parseTimeOfDay,
  PHONE_TYPES,
  phoneTypeLabel,
  type Field,
  type FieldErrors,
  type SchedulerMode,
  type ZoneMode,
} from './scheduler-form-model.js';

/** What the templates read, resolved by the element for one render. */
export interface SchedulerView {
  mode: SchedulerMode;
  locale?: string;
  now: Temporal.Instant;
  /** The scheduler's clock, handed to the grid (its "today"). */
  clock: Clock;
  policy: SchedulingPolicy;
  errors: FieldErrors;
  agentTimeZone: string;
  // type and owner
  typeChoice: 'choose' | CallbackType;
  type: CallbackType;
  ownerChoice: boolean;
  owners: Agent[];
  ownerId?: string;
  ownerHours?: string;
  // number
  phoneOptions: Phone[];
  phoneChoice?: string;
  formatPhone: (number: string) => string;
  newNumber: string;
  newType: PhoneType;
  newFrom: string;
  newUntil: string;
  /** A note next to the number: the picked time no longer fits the number (said, never silently). */
  numberNote?: string;
  // zone
  candidateZones: string[];
  customerZone?: string;
  /** The CRM's zone for the customer, when the number says otherwise. */
  crmZone?: string;
  numberZones: string[];
  zoneMode: ZoneMode;
  otherZone: string;
  displayZone: string;
  // when
  date: Temporal.PlainDate;
  today: Temporal.PlainDate;
  lastDay: Temporal.PlainDate;
  webFrom: string;
  webTill: string;
  slots: Slot[];
  effectiveSlots: Slot[];
  value?: string;
  slotsLoading: boolean;
  slotsError?: string;
  /** `<timeslot-grid>` is defined (its chunk has loaded). */
  gridReady: boolean;
  /** Why the grid's chunk could not be loaded (shown with Retry in its place). */
  gridProblem?: string;
  pickLost?: string;
  notes: string;
  notesMaxLength: number;
  // disposition
  dispositions: Disposition[];
  dispositionId?: string;
  disposition?: Disposition;
  on: SchedulerHandlers;
}

/** What the templates call back. */
export interface SchedulerHandlers {
  personal(checked: boolean): void;
  owner(id: string): void;
  phoneChoice(value: string): void;
  newNumber(value: string): void;
  newNumberBlur(): void;
  newType(type: PhoneType): void;
  newFrom(value: string): void;
  newUntil(value: string): void;
  zoneMode(mode: ZoneMode): void;
  customerZone(zone: string): void;
  otherZone(zone: string): void;
  date(event: CalendarSelectEvent): void;
  webFrom(value: string): void;
  webTill(value: string): void;
  slot(event: SlotSelectEvent): void;
  range(event: RangeChangeEvent): void;
  notes(value: string): void;
  disposition(disposition: Disposition): void;
  reset(): void;
  cancel(): void;
  /** Downloads the grid again after a failure. */
  retryGrid(): void;
}

export function fieldError(v: SchedulerView, field: Field): TemplateResult | typeof nothing {
  const message = v.errors[field];
  return message ? html`<p class="field-error" part="error" id=${`error-${field}`}>${message}</p>` : nothing;
}

const invalid = (v: SchedulerView, field: Field) => (v.errors[field] ? 'true' : nothing);
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || nothing;

function listOf(locale: string | undefined, items: string[], type: 'conjunction' | 'disjunction'): string {
  try {
    return new Intl.ListFormat(locale, {type}).format(items);
  } catch {
    return items.join(' / ');
  }
}

export function renderClocks(v: SchedulerView): TemplateResult {
  const {now, locale} = v;
  const times = v.candidateZones.map((zone) => formatTime(now, {locale, timeZone: zone, zoneName: true}));
  const customer = times.length ? listOf(locale, times, 'disjunction') : msg('unknown');
  return html`<div class="clocks" part="clocks">
    <span
      ><span class="label">${msg('Your time')}</span>
      ${formatTime(now, {locale, timeZone: v.agentTimeZone, zoneName: true})}</span
    >
    <span><span class="label">${msg("Customer's time")}</span> ${customer}</span>
  </div>`;
}

export function renderDisposition(v: SchedulerView): TemplateResult {
  return html`<fieldset class="section">
    <legend>${msg('Disposition')}</legend>
    ${v.dispositions.map(
      (d) =>
        html`<label class="radio"
          ><input
            type="radio"
            name="disposition"
            value=${d.id}
            .checked=${live(v.dispositionId === d.id)}
            aria-invalid=${invalid(v, 'disposition')}
            @change=${() => v.on.disposition(d)}
          />
          ${d.label}</label
        >`,
    )}
    ${fieldError(v, 'disposition')}
    ${
      v.disposition && !v.disposition.requiresCallback
        ? html`<p class="help">${msg('This disposition needs no further call.')}</p>`
        : nothing
    }
  </fieldset>`;
}

export function renderType(v: SchedulerView): TemplateResult {
  const choice = v.typeChoice;
  const me = v.owners[0];
  return html`<div class="section type">
    ${
      choice === 'choose'
        ? html`<label class="check">
            <input
              type="checkbox"
              .checked=${live(v.type === 'personal')}
              aria-describedby="type-help"
              @change=${(e: Event) => v.on.personal((e.target as HTMLInputElement).checked)}
            />
            ${msg('Personal callback')}
          </label>`
        : nothing
    }
    <p class="help" id="type-help">
      ${
        v.mode === 'followup'
          ? msg(
              str`A followup is yours: it comes to you as a preview call and expires ${v.policy.followupExpiryMinutes} minutes after its start if not launched.`,
            )
          : v.type === 'personal'
            ? choice === 'choose'
              ? msg('Only the owner gets this call.')
              : msg('Personal callback: only the owner gets this call (set by your contact center).')
            : choice === 'choose'
              ? msg('Any agent of the campaign can make this call.')
              : msg('Campaign callback: any agent of the campaign can make this call (set by your contact center).')
      }
    </p>
    ${
      v.ownerChoice
        ? html`<label class="field"
            >${msg('Owner')}
            <select @change=${(e: Event) => v.on.owner((e.target as HTMLSelectElement).value)}>
              ${v.owners.map((a) => html`<option value=${a.id} ?selected=${a.id === (v.ownerId ?? me?.id)}>${a.name}</option>`)}
            </select></label
          >`
        : nothing
    }
    ${v.ownerHours && v.type === 'personal' ? html`<p class="help owner-hours" part="owner-hours" role="status">${v.ownerHours}</p>` : nothing}
  </div>`;
}

/**
 * A time of day typed as text: one tab stop (a native time input adds stops for its parts and its clock icon), any
 * hour cycle ("2:30 pm", "14:30", "1430"), shown again in the locale's when the field is left.
 */
function timeField(
  v: SchedulerView,
  label: string,
  value: string,
  field: Field | undefined,
  onInput: (value: string) => void,
): TemplateResult {
  const error = field ? v.errors[field] : undefined;
  return html`<label class="field time"
    >${label}
    <input
      type="text"
      class="time-input"
      autocomplete="off"
      spellcheck="false"
      placeholder=${formatTimeOfDay('09:30', v.locale)}
      .value=${live(value)}
      aria-invalid=${error ? 'true' : nothing}
      aria-describedby=${error ? `error-${field}` : nothing}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      @change=${(e: Event) => {
        const parsed = parseTimeOfDay((e.target as HTMLInputElement).value);
        if (parsed) onInput(formatTimeOfDay(parsed, v.locale));
      }}
  /></label>`;
}

export function renderPhone(v: SchedulerView): TemplateResult {
  const isNew = v.phoneChoice === NEW_NUMBER;
  const window = (p: Phone) => {
    if (!p.contactFrom && !p.contactUntil) return '';
    const from = formatTimeOfDay(p.contactFrom ?? '00:00', v.locale);
    const until = p.contactUntil && p.contactUntil !== '24:00' ? formatTimeOfDay(p.contactUntil, v.locale) : '24:00';
    return ` ${msg(str`${from} to ${until}`)}`;
  };
  return html`<div class="section phone">
    <label class="field"
      >${msg('Number to call')}
      <select
        class="number"
        aria-invalid=${!isNew ? invalid(v, 'phone') : nothing}
        aria-describedby=${describedBy(!!v.errors.phone && !isNew && 'error-phone', !!v.numberNote && 'number-note')}
        @change=${(e: Event) => v.on.phoneChoice((e.target as HTMLSelectElement).value)}
      >
        ${v.phoneOptions.map(
          (p) =>
            html`<option value=${p.number} ?selected=${p.number === v.phoneChoice}>
              ${`\u2066${v.formatPhone(p.number)}\u2069` /* isolated (LRI...PDI): reads left to right in RTL text too */}
              (${phoneTypeLabel(p.type)})${window(p)}
            </option>`,
        )}
        <option value=${NEW_NUMBER} ?selected=${isNew}>${msg('New number…')}</option>
      </select></label
    >
    <p class="note" id="number-note" part="number-note" role="status">${v.numberNote ?? nothing}</p>
    ${
      isNew
        ? html`<fieldset class="new-number">
            <legend>${msg('New number')}</legend>
            <label class="field"
              >${msg('Phone')}
              <input
                type="tel"
                autocomplete="tel"
                .value=${live(v.newNumber)}
                aria-invalid=${invalid(v, 'phone')}
                aria-describedby=${v.errors.phone ? 'error-phone' : nothing}
                @input=${(e: Event) => v.on.newNumber((e.target as HTMLInputElement).value)}
                @blur=${v.on.newNumberBlur}
            /></label>
            <label class="field"
              >${msg('Type')}
              <select @change=${(e: Event) => v.on.newType((e.target as HTMLSelectElement).value as PhoneType)}>
                ${PHONE_TYPES.map((t) => html`<option value=${t} ?selected=${t === v.newType}>${phoneTypeLabel(t)}</option>`)}
              </select></label
            >
            ${timeField(v, msg('Reachable from'), v.newFrom, 'new-from', v.on.newFrom)}
            ${timeField(v, msg('Until'), v.newUntil, 'new-until', v.on.newUntil)} ${fieldError(v, 'new-from')}
            ${fieldError(v, 'new-until')}
          </fieldset>`
        : nothing
    }
    ${fieldError(v, 'phone')}
  </div>`;
}

export function renderZone(v: SchedulerView): TemplateResult {
  const {locale, now} = v;
  const candidates = v.candidateZones;
  const customer = v.customerZone;
  const radio = (mode: ZoneMode, label: string, disabled = false) =>
    html`<label class="radio"
      ><input
        type="radio"
        name="zone"
        value=${mode}
        ?disabled=${disabled}
        .checked=${live(v.zoneMode === mode)}
        @change=${() => v.on.zoneMode(mode)}
      />
      ${label}</label
    >`;
  return html`<fieldset class="section zone">
    <legend>${msg('Show times in')}</legend>
    ${
      v.crmZone
        ? html`<p class="help" id="zone-why">
            ${msg(
              str`Your CRM places this customer in ${zoneLongName(v.crmZone, locale, now)}, but the number belongs to ${listOf(
                locale,
                v.numberZones.map((zone) => zoneLongName(zone, locale, now)),
                'disjunction',
              )}. Calling hours are checked in both.`,
            )}
          </p>`
        : nothing
    }
    ${radio('agent', msg(str`Your zone (${zoneLongName(v.agentTimeZone, locale, now)})`))}
    ${radio(
      'customer',
      customer
        ? msg(str`Customer's zone (${zoneLongName(customer, locale, now)})`)
        : msg("Customer's zone (unknown for this number)"),
      !customer,
    )}
    ${
      v.zoneMode === 'customer' && candidates.length > 1
        ? html`<label class="field candidates"
            >${msg('This number can be in several zones: which is the customer in?')}
            <select @change=${(e: Event) => v.on.customerZone((e.target as HTMLSelectElement).value)}>
              ${candidates.map(
                (z) =>
                  html`<option value=${z} ?selected=${z === customer}>${zoneLongName(z, locale, now)} (${z})</option>`,
              )}
            </select>
            <span class="help">${msg('Calling hours are still checked in every possible zone.')}</span></label
          >`
        : nothing
    }
    ${radio('other', msg('Another zone'))}
    ${
      v.zoneMode === 'other'
        ? html`<ck-zone-picker
            class=${v.errors.zone ? 'other-zone field-error-focus' : 'other-zone'}
            label=${msg('Time zone')}
            .value=${v.otherZone}
            .candidates=${[...new Set([...candidates, v.agentTimeZone])]}
            .locale=${locale}
            .clock=${v.clock}
            .error=${v.errors.zone ?? ''}
            @zone-change=${(e: ZoneChangeEvent) => v.on.otherZone(e.detail.timeZone)}
          ></ck-zone-picker>`
        : fieldError(v, 'zone')
    }
  </fieldset>`;
}

export function renderCalendar(v: SchedulerView): TemplateResult {
  return html`<ck-month-calendar
    part="calendar"
    exportparts="nav-button: calendar-nav-button, month: calendar-month, weekday: calendar-weekday, day: calendar-day"
    .value=${v.date.toString()}
    .today=${v.today.toString()}
    .min=${v.today.toString()}
    .max=${v.lastDay.toString()}
    .locale=${v.locale}
    label=${v.mode === 'web-callback' ? msg('On') : msg('Date')}
    @calendar-select=${v.on.date}
  ></ck-month-calendar>`;
}

export function renderInterval(v: SchedulerView): TemplateResult {
  return html`<div class="section when web">
    <div class="on">
      <span><span class="label" id="on-label">${msg('On')}</span> ${formatDate(v.date, v.locale, 'long')}</span>
      ${renderCalendar(v)}
    </div>
    <div class="interval">
      ${timeField(v, msg('From'), v.webFrom, 'from', v.on.webFrom)}
      ${timeField(v, msg('Till'), v.webTill, 'till', v.on.webTill)}
      <span class="help">${msg(str`Times in ${zoneLongName(v.displayZone, v.locale)}.`)}</span>
      ${fieldError(v, 'from')} ${fieldError(v, 'till')}
    </div>
  </div>`;
}

export function renderGrid(v: SchedulerView): TemplateResult {
  const {locale, displayZone: zone} = v;
  const secondary = zone === v.agentTimeZone ? v.customerZone : v.agentTimeZone;
  const selected = v.slots.find((s) => s.start === v.value);
  return html`<div class="grid-wrap">
    <div class="grid-box" tabindex="-1">
      ${
        v.gridProblem !== undefined
          ? html`<div class="banner message message--error" role="alert" part="grid-message">
              <span class="message__text" title=${v.gridProblem}
                >${msg('The scheduling service is unavailable. Try again in a moment.')}</span
              >
              <button type="button" @click=${v.on.retryGrid}>${msg('Retry')}</button>
            </div>`
          : v.gridReady
            ? html`<timeslot-grid
                part="grid"
                exportparts="toolbar: grid-toolbar, nav-button: grid-nav-button, day: grid-day, time: grid-time, slot: grid-slot, slot-available: grid-slot-available, slot-unavailable: grid-slot-unavailable, slot-selected: grid-slot-selected, message: grid-message"
                .slots=${v.effectiveSlots}
                .clock=${v.clock}
                time-zone=${zone}
                secondary-time-zone=${secondary ?? nothing}
                secondary-label=${zone === v.agentTimeZone ? msg("customer's time") : msg('your time')}
                .locale=${locale}
                start-date=${v.date.toString()}
                .value=${v.value}
                ?loading=${v.slotsLoading}
                .error=${v.slotsError}
                label=${msg('Callback times')}
                aria-invalid=${invalid(v, 'slot')}
                @slot-select=${v.on.slot}
                @range-change=${v.on.range}
              ></timeslot-grid>`
            : html`<p class="pending" part="grid-message" role="status">${msg('Loading…')}</p>`
      }
    </div>
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
          : (v.pickLost ?? msg('No time chosen yet.'))
      }
    </p>
    ${fieldError(v, 'slot')}
  </div>`;
}

export function renderNotes(v: SchedulerView): TemplateResult {
  return html`<div class="section notes-section">
    <label class="field notes"
      >${msg('Notes')}
      <textarea
        dir="auto"
        rows="3"
        maxlength=${v.notesMaxLength}
        .value=${live(v.notes)}
        aria-describedby="notes-count"
        aria-invalid=${invalid(v, 'notes')}
        @input=${(e: Event) => v.on.notes((e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </label>
    <span class="count" id="notes-count">${msg(str`${v.notes.length} of ${v.notesMaxLength} characters`)}</span>
    ${fieldError(v, 'notes')}
  </div>`;
}

/** The banner under the form: a failed, vetoed or conflicting submission. */
export interface SchedulerBanner {
  kind: 'error' | 'conflict';
  message: string;
  retry: boolean;
}

/** The whole element's state the frame of the form shows. */
export interface SchedulerFrame {
  name: string;
  headingLevel: number;
  callback?: Callback;
  saved?: Callback;
  rescheduling: boolean;
  needsCallback: boolean;
  submitting: boolean;
  banner?: SchedulerBanner;
  contactError?: string;
  /** The confirmation after saving (from the save chunk, loaded by then). */
  summary(v: SchedulerView, saved: Callback, rescheduling: boolean): TemplateResult | undefined;
  /** The agent works in the form: the save path starts downloading. */
  intent(): void;
  submit(event: Event): void;
  retry(): void;
}

function titleOf(mode: SchedulerMode, callback: Callback | undefined): string {
  switch (mode) {
    case 'reschedule':
      return msg('Reschedule callback');
    case 'next-attempt':
      return msg('Next call attempt');
    case 'followup':
      return msg('Schedule followup');
    case 'web-callback':
      return callback ? msg('Reschedule web callback') : msg('Web callback');
    default:
      return msg('New callback');
  }
}

/** The heading, the clocks, the form's sections and its actions (or the confirmation after saving). */
export function renderScheduler(v: SchedulerView, f: SchedulerFrame): TemplateResult {
  // The customer's name, isolated (bdi) so a stray direction control in it cannot reorder the rest.
  const heading = html`<div class="title" part="title" role="heading" aria-level=${f.headingLevel}>
    ${titleOf(v.mode, f.callback)}${f.name ? html`<span class="contact" title=${f.name}> · <bdi>${f.name}</bdi></span>` : nothing}
  </div>`;
  if (f.saved) return html`${heading}${f.summary(v, f.saved, f.rescheduling)}`;
  const submitLabel = f.rescheduling
    ? msg('Reschedule')
    : v.mode === 'next-attempt'
      ? msg('Save next attempt')
      : v.mode === 'followup'
        ? msg('Schedule followup')
        : msg('Schedule callback');
  const web = v.mode === 'web-callback';
  const banner = f.banner;
  return html`
    ${heading} ${renderClocks(v)}
    <form
      part="form"
      novalidate
      class=${web ? 'web' : 'slots'}
      @submit=${f.submit}
      @focusin=${f.intent}
      @pointerover=${f.intent}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          v.on.cancel();
        }
      }}
      aria-busy=${f.submitting ? 'true' : 'false'}
    >
      <div class="fields">
        ${f.contactError ? html`<p class="banner message message--error" role="alert" part="error">${f.contactError}</p>` : nothing}
        ${v.mode === 'next-attempt' ? renderDisposition(v) : nothing}
        ${
          f.needsCallback
            ? html`${renderType(v)} ${renderPhone(v)} ${renderZone(v)}
              ${web ? renderInterval(v) : html`<div class="section when">${renderCalendar(v)}</div>`}`
            : nothing
        }
      </div>
      ${f.needsCallback && !web ? renderGrid(v) : nothing}
      <div class="end">
        ${f.needsCallback ? renderNotes(v) : nothing}
        ${
          banner
            ? html`<div class="banner message message--error" role="alert" part="error">
                <span class="message__text" title=${banner.message}>${banner.message}</span>
                ${banner.retry ? html`<button type="button" @click=${f.retry}>${msg('Retry')}</button>` : nothing}
              </div>`
            : nothing
        }
        <div class="actions" part="actions">
          ${
            f.needsCallback || v.mode !== 'next-attempt'
              ? html`<button
                  type="submit"
                  class="primary"
                  part="submit"
                  ?disabled=${f.submitting}
                  aria-disabled=${f.submitting ? 'true' : 'false'}
                >
                  ${f.submitting ? msg('Saving…') : submitLabel}
                </button>`
              : nothing
          }
          <button type="button" part="cancel-button" @click=${v.on.cancel}>${msg('Cancel')}</button>
        </div>
      </div>
    </form>
  `;
}
