/**
 * The two modal dialogs of `<callback-list>`: the cancel confirmation (which asks the host through
 * `callback-cancel-request`, else the backend) and the inline reschedule (`<callback-scheduler mode="reschedule">`).
 * Both are native modal `<dialog>`s with the same backdrop; Escape (or Close/Keep) closes them and focus goes back
 * to what opened them (the row's menu button, or the Reschedule button), else to the row.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {SchedulingBackend} from '../../core/backend.js';
import type {CallbackKitError} from '../../core/errors.js';
import type {Callback, Contact} from '../../core/types.js';
import {CallbackCancelRequestEvent} from '../../events/callback-cancel-request.js';
import {CallbackCanceledEvent} from '../../events/callback-canceled.js';
import {createResponder} from '../../events/responder.js';
import {HostRequestController} from '../../internal/controllers/host-request.js';
import {isAbort, toKitError} from '../../internal/errors.js';
import {isolate} from '../../internal/format.js';
import {errorMessage} from '../../internal/localization.js';
import {renderConfirm, withBdi, type ConfirmView} from './callback-list-templates.js';

interface ConfirmState {
  callback: Callback;
  busy: boolean;
  error?: string;
}

/** What opened a dialog: focus goes back to it. */
interface Opener {
  id: string;
  element: HTMLElement;
}

type Host = ReactiveControllerHost & HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};

export interface ListDialogsOptions {
  /** The callback as the list has it now (undefined: gone). */
  current(id: string): Callback | undefined;
  name(callback: Callback): string;
  contact(callback: Callback): Contact | undefined;
  /** "Mon, Nov 23, 11:00 – 11:30 AM EST" for the confirmation. */
  when(callback: Callback): string;
  backend(): SchedulingBackend | undefined;
  timeout(): number;
  signal(): AbortSignal;
  announce(text: string): void;
  failed(error: CallbackKitError, callback: Callback): void;
  /** The row that takes the tab stop if `id` goes away (chosen before asking: a live event may remove it meanwhile). */
  neighbour(id: string): string | undefined;
  /** The cancellation succeeded: remove the row; the tab stop and focus go to `neighbour`. */
  canceled(callback: Callback, neighbour: string | undefined): void;
  /** The scheduler saved a reschedule. */
  rescheduled(callback: Callback): void;
  /** Focus a row after the next update (its opener is gone). */
  focusRow(id: string): void;
  /** What `<callback-scheduler>` is given besides the callback. */
  schedulerProps(): {backend: unknown; clock: unknown; policy: unknown; agent: unknown};
}

export class ListDialogs implements ReactiveController {
  readonly #host: Host;
  readonly #options: ListDialogsOptions;
  readonly #ask: HostRequestController;
  #confirming?: ConfirmState;
  #rescheduling?: Callback;
  #opener?: Opener;
  #show?: 'confirm' | 'reschedule';

  constructor(host: Host, options: ListDialogsOptions) {
    this.#host = host;
    this.#options = options;
    this.#ask = new HostRequestController(host);
    host.addController(this);
  }

  get #confirmDialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog.confirm');
  }

  get #rescheduleDialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog.reschedule');
  }

  /** Asks to confirm canceling a callback; `opener` gets focus back. */
  confirmCancel(callback: Callback, opener: Opener): void {
    this.#opener = opener;
    this.#confirming = {callback, busy: false};
    this.#show = 'confirm';
    this.#host.requestUpdate();
  }

  /** Opens the inline reschedule for a callback; `opener` gets focus back. */
  reschedule(callback: Callback, opener: Opener): void {
    this.#opener = opener;
    this.#rescheduling = callback;
    this.#show = 'reschedule';
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const show = this.#show;
    this.#show = undefined;
    if (show === 'confirm') {
      const dialog = this.#confirmDialog;
      if (dialog && !dialog.open) dialog.showModal();
      dialog?.querySelector<HTMLButtonElement>('.keep')?.focus();
    } else if (show === 'reschedule') {
      const dialog = this.#rescheduleDialog;
      if (dialog && !dialog.open) dialog.showModal();
    }
  }

  /** A dialog closed: focus goes back to what opened it, else to its row, when they are still there. */
  #returnFocus(): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (!opener || !this.#options.current(opener.id)) return;
    if (opener.element.isConnected && opener.element.getClientRects().length) opener.element.focus();
    else this.#options.focusRow(opener.id);
  }

  #onConfirmCancelEvent = (event: Event): void => {
    // Escape: close unless the cancellation is already running.
    if (this.#confirming?.busy) event.preventDefault();
  };

  #onConfirmClose = (): void => {
    const id = this.#confirming?.callback.id;
    this.#confirming = undefined;
    this.#host.requestUpdate();
    if (id && this.#options.current(id)) this.#returnFocus();
    else this.#opener = undefined;
  };

  #onConfirm = async (): Promise<void> => {
    const confirming = this.#confirming;
    if (!confirming || confirming.busy) return;
    const callback = this.#options.current(confirming.callback.id) ?? confirming.callback;
    const neighbour = this.#options.neighbour(callback.id);
    this.#setConfirming({callback, busy: true});
    const signal = this.#options.signal();
    const responder = createResponder<void>();
    const backend = this.#options.backend();
    try {
      const outcome = await this.#ask.ask({
        event: new CallbackCancelRequestEvent({callback, respondWith: (value) => responder.respondWith(value)}),
        responder,
        timeout: this.#options.timeout(),
        fallback: backend ? () => backend.cancelCallback(callback.id, {signal}) : undefined,
        signal,
      });
      if (outcome.refused) {
        this.#options.announce(msg('The callback was kept.'));
        this.#confirmDialog?.close();
        return;
      }
    } catch (error) {
      if (signal.aborted || isAbort(error)) {
        this.#setConfirming(undefined);
        return;
      }
      const kitError = toKitError(error);
      if (this.#confirming?.callback.id === callback.id) {
        this.#setConfirming({callback, busy: false, error: errorMessage(kitError)});
      }
      this.#options.failed(kitError, callback);
      return;
    }
    this.#opener = undefined;
    this.#options.canceled(callback, neighbour);
    this.#options.announce(msg(str`Callback with ${isolate(this.#options.name(callback))} canceled.`));
    this.#confirming = undefined;
    this.#confirmDialog?.close();
    this.#host.dispatchEvent(new CallbackCanceledEvent({callback: {...callback, status: 'canceled'}}));
  };

  #setConfirming(state: ConfirmState | undefined): void {
    this.#confirming = state;
    this.#host.requestUpdate();
  }

  #onRescheduled = (event: Event): void => {
    const callback = (event as Event & {detail?: {callback?: Callback}}).detail?.callback;
    if (callback && typeof callback.id === 'string') {
      this.#options.rescheduled(callback);
      this.#options.announce(msg(str`Callback with ${isolate(this.#options.name(callback))} rescheduled.`));
    }
    this.#rescheduleDialog?.close();
  };

  #onRescheduleClose = (): void => {
    this.#rescheduling = undefined;
    this.#host.requestUpdate();
    this.#returnFocus();
  };

  #closeReschedule = (): void => this.#rescheduleDialog?.close();

  /** Both dialogs (always in the DOM; shown with `showModal()`). */
  render(): TemplateResult {
    const confirming = this.#confirming;
    const view: ConfirmView | undefined = confirming && {
      name: isolate(this.#options.name(confirming.callback)),
      when: this.#options.when(confirming.callback),
      busy: confirming.busy,
      error: confirming.error,
    };
    const callback = this.#rescheduling;
    const props = this.#options.schedulerProps();
    return html`${renderConfirm(view, {
        cancel: this.#onConfirmCancelEvent,
        close: this.#onConfirmClose,
        keep: () => this.#confirmDialog?.close(),
        confirm: () => void this.#onConfirm(),
      })}
      <dialog
        class="dialog reschedule"
        part="dialog"
        aria-label=${msg('Reschedule callback')}
        @close=${this.#onRescheduleClose}
      >
        ${
          callback
            ? html`<div class="dialog__head">
                  <h2 class="dialog__title">
                    ${withBdi(msg(str`Reschedule the callback with ${isolate(this.#options.name(callback))}`))}
                  </h2>
                  <button type="button" class="action" part="action" @click=${this.#closeReschedule}>
                    ${msg('Close')}
                  </button>
                </div>
                <callback-scheduler
                  mode="reschedule"
                  .callback=${callback}
                  .contact=${this.#options.contact(callback)}
                  .backend=${props.backend}
                  .clock=${props.clock}
                  .policy=${props.policy}
                  .agent=${props.agent}
                  @callback-rescheduled=${this.#onRescheduled}
                  @callback-cancel=${this.#closeReschedule}
                ></callback-scheduler>`
            : nothing
        }
      </dialog>`;
  }
}
