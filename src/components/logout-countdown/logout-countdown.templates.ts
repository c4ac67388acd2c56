/**
 * The templates of `<logout-countdown>`: what each phase of the negotiation looks like. They read a `LogoutView`
 * (the negotiation's snapshot in words) and call its handlers; they hold no state.
 */
import {msg, str} from '@lit/localize';
import {html, nothing} from 'lit';
import {classMap} from 'lit/directives/class-map.js';
import type {LogoutDeferral, LogoutPhase} from '../../core/logout-negotiation.js';
import {styleProperties} from '../../internal/style-properties.js';
import {countdownText, secondsLeft, spokenDuration, timeFormat} from './logout-countdown-format.js';

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
  };
}

const dismissLabel = () => msg('Dismiss', {id: 'logout-countdown.dismiss'});

function countdown(seconds: number) {
  return html`<span class="countdown" part="countdown">${countdownText(seconds)}</span>`;
}

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
            class=${classMap({logout: true, 'logout--busy': busy})}
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

function panel(v: LogoutView, deferral: LogoutDeferral) {
  const seconds = secondsLeft(v.remainingMs);
  const fraction = deferral.totalMs > 0 ? Math.min(1, Math.max(0, v.remainingMs / deferral.totalMs)) : 0;
  const expected = timeFormat(v.locale, v.timeZone).format(deferral.notBefore.epochMilliseconds);
  const problem = v.problem;
  return html`<div class="panel" part="panel" role="group" aria-labelledby="title" tabindex="-1">
    <div class="dial">
      <svg class="ring" part="ring" viewBox="0 0 36 36" aria-hidden="true">
        <circle class="ring__track" cx="18" cy="18" r="16" pathLength="100"></circle>
        <circle
          class=${classMap({ring__progress: true, 'ring__progress--empty': fraction <= 0})}
          cx="18"
          cy="18"
          r="16"
          pathLength="100"
          ${styleProperties({'stroke-dashoffset': (100 * (1 - fraction)).toFixed(2)})}
        ></circle>
      </svg>
      <span role="timer" class="dial__time" aria-label=${msg('Time left')}>${countdown(seconds)}</span>
    </div>
    <div class="panel__body">
      <p class="title" id="title" part="title">${msg('Awaiting logoff authorization')}</p>
      <p class="reason" part="reason" title=${v.reason}>${v.reason}</p>
      <p class="expected" part="expected">
        ${
          v.checking
            ? msg('Checking the authorization…')
            : seconds > 0
              ? msg(str`Expected at ${expected}. You stay logged in until then.`)
              : msg('Waiting for the authorization…')
        }
      </p>
      ${
        problem
          ? html`<p class="error message message--error" part="error" role="alert" title=${problem}>
              <span class="message__text">
                ${msg(str`Could not check the logoff authorization: ${problem} You are still logged in.`)}
              </span>
            </p>`
          : nothing
      }
    </div>
    <div class="actions panel__actions" part="actions">
      ${
        problem
          ? html`<button class="retry" part="button retry-button" type="button" @click=${v.on.retry}>
              ${msg('Retry')}
            </button>`
          : nothing
      }
      <button class="cancel" part="button cancel-button" type="button" @click=${v.on.cancel}>
        ${msg('Cancel logout')}
      </button>
      <button class="dismiss" part="button dismiss-button" type="button" @click=${v.on.dismiss}>
        ${dismissLabel()}
      </button>
    </div>
  </div>`;
}

function chip(v: LogoutView) {
  if (v.phase === 'authorized') {
    return html`<button
      class="chip chip--authorized"
      part="chip"
      type="button"
      title=${msg('Logoff authorized. Select to show the message.')}
      @click=${v.on.chip}
    >
      <span class="chip__icon" aria-hidden="true">✓</span>
      <span>${msg('Logoff authorized')}</span>
    </button>`;
  }
  const seconds = secondsLeft(v.remainingMs);
  const left = spokenDuration(seconds, v.locale);
  const tooltip = v.checking
    ? msg('Awaiting logoff authorization: checking now. Select to show details.')
    : msg(str`Awaiting logoff authorization: ${left} left. Select to show details.`);
  return html`<button class="chip" part="chip" type="button" title=${tooltip} @click=${v.on.chip}>
    <span class="chip__dot" part="chip-indicator" aria-hidden="true"></span>
    <span>${msg('Logoff in')}</span>
    ${countdown(seconds)}
  </button>`;
}

function confirmation(v: LogoutView) {
  return html`<div class="confirmation message message--success" part="confirmation" tabindex="-1">
    <span class="confirmation__icon" aria-hidden="true">✓</span>
    <p class="confirmation__text message__text">
      <strong>${msg('Logoff authorized.')}</strong> ${msg('You are being logged out.')}
    </p>
    ${
      v.deferral
        ? html`<button class="dismiss" part="button dismiss-button" type="button" @click=${v.on.dismiss}>
            ${dismissLabel()}
          </button>`
        : nothing
    }
  </div>`;
}

function failure(v: LogoutView) {
  return html`<div class="error-box message message--error" part="error">
    <p class="message__text" role="alert" title=${v.problem ?? nothing}>
      <strong>${msg('Logout failed.')}</strong> ${v.problem} ${msg('You are still logged in.')}
    </p>
    <div class="actions" part="actions">
      <button class="retry" part="button retry-button" type="button" @click=${v.on.retry}>${msg('Retry')}</button>
      <button class="dismiss" part="button dismiss-button" type="button" @click=${v.on.dismiss}>
        ${dismissLabel()}
      </button>
    </div>
  </div>`;
}

function body(v: LogoutView) {
  switch (v.phase) {
    case 'deferred':
      return v.dismissed ? chip(v) : panel(v, v.deferral!);
    case 'authorized':
      return v.dismissed ? chip(v) : confirmation(v);
    case 'error':
      return failure(v);
    default:
      return start(v);
  }
}

/** The whole shadow content: the phase's surface and the polite live region. */
export function renderLogout(v: LogoutView) {
  return html`
    <div
      class=${classMap({base: true, [`base--${v.phase}`]: true})}
      aria-busy=${v.busy ? 'true' : 'false'}
      @keydown=${v.on.keydown}
    >
      ${body(v)}
    </div>
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${v.announcement}</div>
  `;
}
