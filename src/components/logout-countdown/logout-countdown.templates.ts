/**
 * The eager templates of `<logout-countdown>`: the Log out button with its note (idle, requesting), and what shows
 * when the lazy surfaces (logout-countdown.view.ts: panel, chip, confirmation, error box) could not be downloaded.
 * They read a `LogoutView` (the negotiation's snapshot in words) and call its handlers; they hold no state.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import type {LogoutDeferral, LogoutPhase} from '../../core/logout-negotiation.js';

/** Everything a render reads. Handlers are called with the element as `this` (Lit's event binding host). */
export interface LogoutView {
  readonly phase: LogoutPhase;
  readonly deferral: LogoutDeferral | undefined;
  readonly dismissed: boolean;
  readonly checking: boolean;
  readonly busy: boolean;
  readonly noButton: boolean;
  /** Milliseconds to `notBefore` now. */
  readonly remainingMs: number;
  readonly locale: string | undefined;
  readonly timeZone: string;
  /** Why the logout waits (the default text when the answer gave none). */
  readonly reason: string;
  /** The outcome next to the Logout button, in words. */
  readonly note: string | undefined;
  /** The message of a failed request or recheck. */
  readonly problem: string | undefined;
  /** The message of a cancel the backend could not be told of. */
  readonly cancelProblem: string | undefined;
  readonly announcement: string;
  readonly on: {
    readonly logout: () => void;
    readonly retry: () => void;
    readonly retryCancel: () => void;
    readonly cancel: () => void;
    readonly dismiss: () => void;
    readonly chip: () => void;
    readonly keydown: (event: KeyboardEvent) => void;
    /** Downloads the lazy surfaces again after a failure. */
    readonly reload: () => void;
  };
}

export const dismissLabel = () => msg('Dismiss', {id: 'logout-countdown.dismiss'});

/** The idle and requesting states share one template, so the Logout button keeps focus while asking. */
function start(v: LogoutView) {
  const busy = v.phase === 'requesting';
  const cancelProblem = v.cancelProblem;
  return html`
    ${
      busy && v.noButton
        ? html`<p class="note" part="note">${msg('Requesting logout…')}</p>`
        : v.note
          ? html`<p class="note" part="note">${v.note}</p>`
          : nothing
    }
    ${
      cancelProblem
        ? html`<div class="error message message--error" part="error">
            <p class="message__text" role="alert">
              ${msg(str`The server could not be told of the cancel: ${cancelProblem} It may still log you out.`)}
            </p>
            <div class="actions" part="actions">
              <button class="retry" part="button retry-button" type="button" @click=${v.on.retryCancel}>
                ${msg('Retry')}
              </button>
            </div>
          </div>`
        : nothing
    }
    ${
      v.noButton
        ? nothing
        : html`<button
            class="logout ${busy ? 'logout--busy' : ''}"
            part="logout-button"
            type="button"
            aria-disabled=${busy ? 'true' : nothing}
            @click=${v.on.logout}
          >
            ${busy ? msg('Requesting logout…') : msg('Log out')}
          </button>`
    }
  `;
}

/**
 * The lazy surfaces could not be downloaded: where the logout stands in a sentence, why no more can be shown
 * (`error`), a Retry that downloads them again, and Cancel logout while a logout is deferred.
 */
function unavailable(v: LogoutView, error: string) {
  const words =
    v.phase === 'authorized'
      ? html`<strong>${msg('Logoff authorized.')}</strong> ${msg('You are being logged out.')}`
      : v.phase === 'deferred'
        ? html`<strong>${msg('Awaiting logoff authorization')}</strong> ${v.reason}`
        : html`<strong>${msg('Logout failed.')}</strong> ${v.problem} ${msg('You are still logged in.')}`;
  return html`<div class="error-box message message--error" part="error">
    <p class="message__text" role="alert">${words} ${error}</p>
    <div class="actions" part="actions">
      <button class="retry" part="button retry-button" type="button" @click=${v.on.reload}>${msg('Retry')}</button>
      ${
        v.phase === 'deferred'
          ? html`<button class="cancel" part="button cancel-button" type="button" @click=${v.on.cancel}>
              ${msg('Cancel logout')}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}

/** Whether the phase shows a lazy surface (anything but the Log out button and its note). */
export const needsView = (phase: LogoutPhase) => phase === 'deferred' || phase === 'authorized' || phase === 'error';

/**
 * The whole shadow content: the phase's surface and the polite live region. `body` renders the lazy surfaces once
 * downloaded; until then nothing shows in their place (the region is busy), or `unavailable` when the download failed.
 */
export function renderLogout(
  v: LogoutView,
  body: ((v: LogoutView) => TemplateResult) | undefined,
  unavailableError: string | undefined,
) {
  const lazy = needsView(v.phase);
  return html`
    <div
      class="base base--${v.phase}"
      aria-busy=${v.busy || (lazy && !body && !unavailableError) ? 'true' : 'false'}
      @keydown=${v.on.keydown}
    >
      ${lazy ? (body ? body(v) : unavailableError ? unavailable(v, unavailableError) : nothing) : start(v)}
    </div>
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${v.announcement}</div>
  `;
}
