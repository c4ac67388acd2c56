/**
 * The scheduler's save path, a chunk of its own (issue 17): the form's checks at Save (`validate`), the submissions (`SubmitController`: attempts, idempotency
 * keys, attempts kept across reloads and their replay), what a backend's field errors mean in the form, the banner of
 * an attempt restored after a reload, and the confirmation after saving. `<callback-scheduler>` downloads it on
 * intent (the agent works in the form), at Save at the latest (Save awaits it), or at once when an attempt kept
 * before a reload waits to be settled.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {Temporal} from '../../core/temporal.js';
import type {Callback} from '../../core/types.js';
import {dateTimeFormat, formatTime} from '../../internal/format.js';
import {isValidTimeZone} from '../../core/time.js';
import {
  buildRequest,
  callingRuleWords,
  formatTimeOfDay,
  NEW_NUMBER,
  parseTimeOfDay,
  requestTimes,
  timeProblem,
  type Field,
  type FieldErrors,
  type SchedulerFormInput,
} from './scheduler-form-model.js';
import type {SchedulerView} from './scheduler-templates.js';

export {SubmitController, type SubmitOutcome} from './submit-controller.js';

/** The new number's contact window: both ends or neither (a half-filled window is never dropped silently). */
export function contactWindowErrors(input: Pick<SchedulerFormInput, 'newFrom' | 'newUntil'>): FieldErrors {
  const errors: FieldErrors = {};
  const [from, until] = [parseTimeOfDay(input.newFrom), parseTimeOfDay(input.newUntil)];
  if (input.newFrom.trim() && !from) errors['new-from'] = msg('Enter a valid time.');
  if (input.newUntil.trim() && !until) errors['new-until'] = msg('Enter a valid time.');
  if (errors['new-from'] || errors['new-until']) return errors;
  if (input.newFrom && !input.newUntil) errors['new-until'] = msg('Enter the Until time too, or clear Reachable from.');
  else if (input.newUntil && !input.newFrom)
    errors['new-from'] = msg('Enter the Reachable from time too, or clear Until.');
  else if (from && until && from === until)
    errors['new-until'] = msg('The contact window needs different From and Until times.');
  return errors;
}

/** Every field's problem; empty when the request can be sent. */
export function validate(input: SchedulerFormInput): FieldErrors {
  let errors: FieldErrors = {};
  const {policy, locale} = input;
  if (!input.contact) errors.contact = msg('No customer is selected: open the scheduler from a contact or a call.');
  if (input.mode === 'next-attempt' && !input.disposition) errors.disposition = msg('Choose a disposition.');
  if (!input.needsCallback) return errors;
  if (input.phoneChoice === NEW_NUMBER) {
    if (!input.newNumber.trim()) errors.phone = msg('Enter the number to call.');
    else if (!input.phone) errors.phone = msg('This is not a valid phone number. Include the area code.');
    errors = {...errors, ...contactWindowErrors(input)};
  } else if (!input.phone) errors.phone = msg('Choose the number to call.');
  if (input.zoneMode === 'other' && !isValidTimeZone(input.otherZone))
    errors.zone = msg('Choose a time zone from the list.');
  const range = requestTimes(input);
  if ('error' in range) {
    errors[range.field] = range.error;
    return errors;
  }
  const problem = timeProblem(input, range.start, range.end);
  const field: Field = input.mode === 'web-callback' ? 'from' : 'slot';
  if (problem?.reason === 'past') errors[field] = msg('That time has passed. Choose a later time.');
  else if (problem?.reason === 'too-far-ahead')
    errors[field] = msg(str`Callbacks can be set at most ${policy.maxDaysAhead} days ahead.`);
  else if (problem?.violation === 'outside-contact-window') {
    const p = input.phone!;
    const from = formatTimeOfDay(p.contactFrom ?? '00:00', locale);
    const until = p.contactUntil && p.contactUntil !== '24:00' ? formatTimeOfDay(p.contactUntil, locale) : '24:00';
    errors[field] = msg(
      str`That time is outside the hours this number may be called (${from} to ${until}, customer's time).`,
    );
  } else if (problem?.rule) {
    const rule = callingRuleWords(problem.rule, range.start, {locale, timeZone: input.displayZone});
    errors[field] = msg(str`Calls to this number are not allowed then by law (${rule}). Choose another time.`);
  } else if (problem) {
    const start = formatTimeOfDay(policy.callingWindow.start, locale);
    const end = formatTimeOfDay(policy.callingWindow.end, locale);
    errors[field] = msg(str`That time is outside the customer's calling hours (${start} to ${end} their time).`);
  } else if (!input.candidateZones.length && input.phone) {
    errors.phone = msg("The customer's time zone cannot be told from this number, so calling hours cannot be checked.");
  }
  if (input.rescheduling && input.callback && !Object.keys(errors).length) {
    const before = input.callback;
    const request = buildRequest(input);
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
  if (input.notes.length > input.notesMaxLength)
    errors.notes = msg(str`Notes are limited to ${input.notesMaxLength} characters.`);
  return errors;
}

/** Why an attempt restored after a reload is shown: its time in the agent's zone (the raw instant if unreadable). */
export function restoredReason(start: string, locale: string | undefined, timeZone: string): string {
  let when = start;
  try {
    when = dateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    }).format(Temporal.Instant.from(start).epochMilliseconds);
  } catch {
    /* shown as the raw instant */
  }
  return msg(str`A callback for ${when} was being saved when the page was closed or reloaded.`);
}

/** A backend's field errors by the form's fields; the ones without a field are returned as `general`. */
export function fieldErrorsOf(fieldErrors: {field: string; message: string}[]): {
  errors: FieldErrors;
  general: string[];
} {
  const fields: Record<string, Field> = {
    phone: 'phone',
    newPhone: 'phone',
    start: 'slot',
    end: 'till',
    timeZone: 'zone',
    notes: 'notes',
    ownerAgentId: 'owner',
  };
  const errors: FieldErrors = {};
  const general: string[] = [];
  for (const fieldError of fieldErrors) {
    const field = fields[fieldError.field];
    if (field && !errors[field]) errors[field] = fieldError.message;
    else general.push(fieldError.message);
  }
  return {errors, general};
}

/** The confirmation after saving: one whole sentence per kind (translations agree with the noun). */
export function renderSummary(v: SchedulerView, callback: Callback, rescheduling: boolean): TemplateResult {
  const {locale, agentTimeZone} = v;
  const start = Temporal.Instant.from(callback.start);
  const day = dateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: agentTimeZone,
  }).format(start.epochMilliseconds);
  const mine = formatTime(start, {locale, timeZone: agentTimeZone});
  const theirs = v.customerZone ? formatTime(start, {locale, timeZone: v.customerZone}) : undefined;
  const text = rescheduling
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
      ${!rescheduling ? html`<button type="button" @click=${v.on.reset}>${msg('Schedule another')}</button>` : nothing}
      <button type="button" @click=${v.on.cancel}>${msg('Close')}</button>
    </div>
  </div>`;
}
