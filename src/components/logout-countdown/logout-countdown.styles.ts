import {css, type CSSResultGroup} from 'lit';
import {a11y, controls, host, messages} from '../../internal/styles/index.js';
import {tokens} from '../../internal/tokens.js';

/**
 * The shared modules give the host box and type scale, the focus ring, the visually hidden text, reduced motion,
 * the buttons and the message banners (error, confirmation); these rules are what only the logout has: the
 * "Awaiting logoff authorization" panel with its ring, the status chip, and the Logout button's waiting colour.
 */
export const styles: CSSResultGroup = [
  tokens,
  host,
  a11y,
  controls,
  messages,
  css`
    :host {
      --_bg: var(--ck-logout-countdown-background, var(--_ck-color-surface));
      --_border: var(--ck-logout-countdown-border-color, var(--_ck-color-border));
      --_accent: var(--ck-logout-countdown-accent, var(--_ck-color-warning));
      --_success: var(--ck-logout-countdown-success, var(--_ck-color-success));
      --_danger: var(--ck-logout-countdown-danger, var(--_ck-color-danger));
      --_radius: var(--ck-logout-countdown-radius, var(--_ck-radius));
      --_ring: var(--ck-logout-countdown-ring-size, 4.5rem);
    }

    p {
      margin: 0;
    }

    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2);
    }

    button {
      border-radius: var(--_radius);
    }

    .logout {
      font-weight: 600;
      border-color: var(--_accent);
      color: var(--_accent);
    }

    .logout--busy {
      cursor: progress;
    }

    .note {
      color: var(--_ck-color-muted);
    }

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

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2);
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

    .confirmation,
    .error-box {
      max-inline-size: 34rem;
    }

    .confirmation {
      flex-wrap: nowrap;
      color: var(--_success);
    }

    .confirmation__icon {
      flex: none;
      font-weight: 700;
    }

    .error-box {
      color: var(--_danger);
    }

    .message .actions {
      color: var(--_ck-color-text);
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
  `,
];
