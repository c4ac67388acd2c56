/**
 * The reminders of `<callback-list>`: what the clock reached (followups expiring, reminders due, snoozes ending),
 * with their events, and the reminder toast (Launch, Snooze 5 min, Dismiss, Dismiss all). Focus never gets lost
 * with a toast entry: it goes to the next reminder, else to the callback's row.
 */
import {msg, str} from '@lit/localize';
import {nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {CallbackDueEvent} from '../../events/callback-due.js';
import {CallbackExpiredEvent} from '../../events/callback-expired.js';
import {isolate} from '../../internal/format.js';
import type {CallbackListModel, TimingPolicy} from './callback-list-model.js';
import {renderToast, type ToastItemView} from './callback-list-templates.js';
import type {Customers} from './customers.js';
import type {StatusWrites} from './status-writes.js';

/** How long Snooze silences a reminder. */
export const SNOOZE_MINUTES = 5;
/** Reminders shown at once in the toast; the rest are counted. */
const TOAST_MAX = 3;

type Host = ReactiveControllerHost & HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};

export interface RemindersOptions {
  model: CallbackListModel;
  customers: Customers;
  writes: StatusWrites;
  timing(): TimingPolicy;
  nowMs(): number;
  announce(text: string): void;
  /** The number of reminders showing changed. */
  counted(count: number): void;
  launch(id: string): void;
  /** Moves the tab stop and focus to a row once rendered. */
  focusRow(id: string): void;
}

export class Reminders implements ReactiveController {
  readonly #host: Host;
  readonly #options: RemindersOptions;
  #focusToast = false;

  constructor(host: Host, options: RemindersOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (!this.#focusToast) return;
    this.#focusToast = false;
    this.#host.renderRoot.querySelector<HTMLElement>('.toast .action')?.focus();
  }

  /** Runs what the clock reached: expiries, reminders, snooze ends (the host regroups). */
  run(nowMs: number): void {
    const {model, customers} = this.#options;
    const timing = this.#options.timing();
    const {due, expired} = model.evaluate(nowMs, timing);
    this.#options.counted(model.alerting(nowMs, timing).length);
    this.#host.requestUpdate();
    for (const item of expired) {
      const name = isolate(customers.name(item.callback));
      this.#options.announce(msg(str`The followup with ${name} expired: it was not launched in time.`));
      // After this update: a synchronous backend answers (and emits) at once, which must not re-enter the update.
      queueMicrotask(() => this.#options.writes.persist(item.callback, 'expired'));
      this.#host.dispatchEvent(new CallbackExpiredEvent({callback: {...item.callback, status: 'expired'}}));
    }
    for (const {item, repeat} of due) {
      const contact = customers.contact(item.callback);
      this.#host.dispatchEvent(new CallbackDueEvent({callback: {...item.callback, status: 'due'}, contact, repeat}));
    }
  }

  /** Silences a reminder for `minutes` (default 5). */
  snooze(id: string, minutes: number = SNOOZE_MINUTES): void {
    const span = Number.isFinite(minutes) && minutes > 0 ? minutes : SNOOZE_MINUTES;
    this.#options.model.snooze(id, this.#options.nowMs() + span * 60_000);
    this.#host.requestUpdate();
  }

  /** Stops a reminder for the callback's current start time. */
  dismiss(id: string): void {
    this.#options.model.dismiss(id);
    this.#host.requestUpdate();
  }

  #dismissAll = (): void => {
    const alerting = this.#options.model.alerting(this.#options.nowMs(), this.#options.timing());
    for (const item of alerting) this.#options.model.dismiss(item.callback.id);
    this.#host.requestUpdate();
    if (alerting[0]) this.#options.focusRow(alerting[0].callback.id);
  };

  /** Focus does not get lost with the toast entry that had it: next reminder, else the callback's row. */
  #after(id: string): void {
    if (this.#options.model.alerting(this.#options.nowMs(), this.#options.timing()).length) this.#focusToast = true;
    else this.#options.focusRow(id);
  }

  /** The toast, or nothing when no reminder is showing; `items` computes the entries shown. */
  render(
    items: (alerting: ReturnType<CallbackListModel['alerting']>, max: number) => ToastItemView[],
  ): TemplateResult | typeof nothing {
    const alerting = this.#options.model.alerting(this.#options.nowMs(), this.#options.timing());
    if (!alerting.length) return nothing;
    return renderToast(items(alerting, TOAST_MAX), alerting.length, {
      launch: (id) => this.#options.launch(id),
      snooze: (id) => {
        this.snooze(id);
        this.#after(id);
      },
      dismiss: (id) => {
        this.dismiss(id);
        this.#after(id);
      },
      dismissAll: this.#dismissAll,
    });
  }
}
