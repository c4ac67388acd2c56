/**
 * The surfaces of `<logout-countdown>` that only an answer or a failure shows: the "Awaiting logoff authorization"
 * panel with its ring and countdown, the status chip, the confirmation and the error box, with their styles. A lazy
 * chunk (see logout-countdown.lazy.ts): the first paint is the Log out button; this module is fetched when the agent
 * shows intent (pointer over the element, focus in it), when the page is idle, and at the latest when a logout is
 * asked, so it is there before the answer in practice.
 *
 * It imports nothing at run time: the element hands it Lit, the localization and its helpers (`createView(kit)`).
 * A bundler that splits code (esbuild) would otherwise move every module both sides import (Lit, the localization)
 * into a chunk of its own, and the element's first paint would download two files that compress worse than one.
 */
import type {msg as msgTag, str as strTag} from '@lit/localize';
import type {css as cssTag, html as htmlTag, nothing as nothingValue} from 'lit';
import type {LogoutDeferral} from '../../core/logout-negotiation.js';
import type {dateTimeFormat as dateTimeFormatFn} from '../../internal/format.js';
import type {secondsLeft as secondsLeftFn, spokenDuration as spokenDurationFn} from './logout-countdown-format.js';
import type {LogoutView} from './logout-countdown.templates.js';

/** What the lazy surfaces use of the element's modules. */
export interface LogoutViewKit {
  readonly html: typeof htmlTag;
  readonly css: typeof cssTag;
  readonly nothing: typeof nothingValue;
  readonly msg: typeof msgTag;
  readonly str: typeof strTag;
  readonly dateTimeFormat: typeof dateTimeFormatFn;
  readonly secondsLeft: typeof secondsLeftFn;
  readonly spokenDuration: typeof spokenDurationFn;
  readonly dismissLabel: () => string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "02:05" (minutes and seconds), or "1:02:05" from an hour up. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${pad(minutes)}:${pad(s % 60)}`;
}

/** The lazy surfaces: `body` renders a deferred, authorized or failed logout; `styles` are adopted by the element. */
export function createView(kit: LogoutViewKit) {
  const {html, css, nothing, msg, str, dateTimeFormat, secondsLeft, spokenDuration, dismissLabel} = kit;

  function countdown(seconds: number) {
    return html`<span class="countdown" part="countdown">${countdownText(seconds)}</span>`;
  }

  function panel(v: LogoutView, deferral: LogoutDeferral) {
    const seconds = secondsLeft(v.remainingMs);
    const fraction = deferral.totalMs > 0 ? Math.min(1, Math.max(0, v.remainingMs / deferral.totalMs)) : 0;
    // The wall-clock time with seconds ("2:05:30 PM") at which the logout is expected.
    const expected = dateTimeFormat(v.locale, {
      timeZone: v.timeZone,
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    }).format(deferral.notBefore.epochMilliseconds);
    const problem = v.problem;
    return html`<div class="panel" part="panel" role="group" aria-labelledby="title" tabindex="-1">
      <div class="dial">
        <svg class="ring" part="ring" viewBox="0 0 36 36" aria-hidden="true">
          <circle class="ring__track" cx="18" cy="18" r="16" pathLength="100"></circle>
          <circle
            class="ring__progress ${fraction <= 0 ? 'ring__progress--empty' : ''}"
            cx="18"
            cy="18"
            r="16"
            pathLength="100"
            stroke-dashoffset=${(100 * (1 - fraction)).toFixed(2)}
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

  /** The surface of a deferred, authorized or failed logout (the idle and requesting states are eager). */
  function body(v: LogoutView) {
    switch (v.phase) {
      case 'deferred':
        return v.dismissed ? chip(v) : panel(v, v.deferral!);
      case 'authorized':
        return v.dismissed ? chip(v) : confirmation(v);
      default:
        return failure(v);
    }
  }

  /** The styles of these surfaces, adopted by the element next to its own when this module has loaded. */
  const styles = css`
    /* dial and text side by side, the buttons under both at the end (a dialog's footer); no container query, so
       the element keeps its natural width in a flex row or a toolbar */
    .panel {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      column-gap: var(--_ck-space-4);
      row-gap: var(--_ck-space-3);
      inline-size: 100%;
      max-inline-size: 34rem;
      padding: var(--_ck-space-4);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_bg);
    }

    .panel__body {
      flex: 1 1 12rem;
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-1);
      min-inline-size: 0;
    }

    .panel__actions {
      flex: 1 1 100%;
      justify-content: flex-end;
    }

    .title {
      font-size: var(--_ck-text-lg);
      font-weight: 600;
      line-height: 1.3;
    }

    .expected {
      color: var(--_ck-color-muted);
      font-size: var(--_ck-text-sm);
    }

    /* a reason of any length (from a backend or host): at most four lines, the full text in its title */
    .reason {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .panel .error {
      margin-block-start: var(--_ck-space-2);
      font-size: var(--_ck-text-sm);
    }

    /* the sentence ends with "You are still logged in.": room for it in a narrow panel (full text in the title) */
    .panel .message__text {
      -webkit-line-clamp: 6;
      line-clamp: 6;
    }

    .dial {
      flex: none;
      position: relative;
      inline-size: var(--_ring);
      block-size: var(--_ring);
      display: grid;
      place-items: center;
    }

    .ring {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      transform: rotate(-90deg);
    }

    .ring circle {
      fill: none;
      stroke-width: 3;
    }

    .ring__track {
      stroke: var(--_border);
    }

    .ring__progress {
      stroke: var(--_accent);
      stroke-dasharray: 100;
      stroke-linecap: round;
      transition: stroke-dashoffset 1s linear;
    }

    /* nothing left to wait: no round cap drawn as a dot at the top */
    .ring__progress--empty {
      visibility: hidden;
    }

    .dial__time {
      position: relative;
      font-size: var(--_ck-text-lg);
      font-weight: 600;
    }

    .countdown {
      font-variant-numeric: tabular-nums;
    }

    .chip {
      min-block-size: var(--_ck-control-height-sm);
      padding-inline: var(--_ck-space-3);
      border-color: var(--_border);
      border-radius: 999px;
      background: var(--_bg);
      font-weight: 400;
    }

    .chip__dot {
      inline-size: 0.6rem;
      block-size: 0.6rem;
      border-radius: 50%;
      background: var(--_accent);
      animation: pulse 1.6s ease-in-out infinite;
    }

    .chip--authorized,
    .chip__icon,
    .confirmation__icon {
      color: var(--_success);
    }

    .chip--authorized {
      border-color: var(--_success);
    }

    .confirmation {
      flex-wrap: nowrap;
      max-inline-size: 34rem;
      color: var(--_success);
    }

    .confirmation__icon {
      flex: none;
      font-weight: 700;
    }

    @keyframes pulse {
      50% {
        opacity: 0.35;
        transform: scale(0.8);
      }
    }

    @media (forced-colors: active) {
      .panel,
      .chip {
        border-color: CanvasText;
      }

      .ring__track {
        stroke: GrayText;
      }

      .ring__progress {
        stroke: Highlight;
      }

      .chip__dot {
        forced-color-adjust: none;
        background: Highlight;
      }
    }
  `;

  return {body, styles};
}
