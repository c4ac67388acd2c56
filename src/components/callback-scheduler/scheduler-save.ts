/**
 * The scheduler's save path, a chunk of its own (issue 17): the submissions (`SubmitController`: attempts, idempotency
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
import type {Field, FieldErrors} from './scheduler-form-model.js';
import type {SchedulerView} from './scheduler-templates.js';

export {SubmitController, type SubmitOutcome} from './submit-controller.js';

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
