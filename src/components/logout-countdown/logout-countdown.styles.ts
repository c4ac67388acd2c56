import {css, type CSSResultGroup} from 'lit';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  css`
    :host {
      --_bg: var(--ck-logout-countdown-background, var(--_ck-color-surface));
      --_border: var(--ck-logout-countdown-border-color, var(--_ck-color-border));
      --_accent: var(--ck-logout-countdown-accent, var(--_ck-color-warning));
      --_success: var(--ck-logout-countdown-success, var(--_ck-color-success));
      --_danger: var(--ck-logout-countdown-danger, var(--_ck-color-danger));
      --_muted: var(--_ck-color-muted);
      --_radius: var(--ck-logout-countdown-radius, var(--_ck-radius));
      --_ring: var(--ck-logout-countdown-ring-size, 4.5rem);
      --_focus: var(--_ck-focus-ring);

      display: block;
      color: var(--_ck-color-text);
      font: var(--_ck-font);
    }

    :host([hidden]) {
      display: none;
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
      font: inherit;
      color: inherit;
      cursor: pointer;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      background: transparent;
      min-block-size: 2rem;
      padding-block: var(--_ck-space-1);
      padding-inline: var(--_ck-space-3);
    }

    button:focus-visible,
    .panel:focus-visible,
    .confirmation:focus-visible {
      outline: var(--_focus);
      outline-offset: var(--_ck-focus-ring-offset);
    }

    .panel:focus:not(:focus-visible),
    .confirmation:focus:not(:focus-visible) {
      outline: none;
    }

    .logout {
      font-weight: 600;
      border-color: var(--_accent);
      color: var(--_accent);
    }

    .logout--busy {
      cursor: progress;
      opacity: 0.8;
    }

    .note {
      color: var(--_muted);
    }

    .panel {
      display: flex;
      align-items: flex-start;
      gap: var(--_ck-space-3);
      inline-size: 100%;
      max-inline-size: 32rem;
      box-sizing: border-box;
      padding: var(--_ck-space-3);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_bg);
    }

    .panel__body {
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-1);
      min-inline-size: 0;
    }

    .title {
      font-weight: 600;
      font-size: 1.05em;
    }

    .expected {
      color: var(--_muted);
    }

    /* a reason or message of any length (from a backend or host): at most four lines, the full text in its title */
    .reason,
    p.error,
    .error p,
    .error-box p {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .dial {
      position: relative;
      flex: none;
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

    .dial__time {
      position: relative;
      font-weight: 600;
    }

    .countdown {
      font-variant-numeric: tabular-nums;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2);
      margin-block-start: var(--_ck-space-1);
    }

    .chip {
      display: inline-flex;
      align-items: center;
      gap: var(--_ck-space-1);
      min-block-size: 1.75rem;
      padding-inline: var(--_ck-space-2);
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_bg);
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
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2);
      padding: var(--_ck-space-2) var(--_ck-space-3);
      border: 1px solid var(--_success);
      border-radius: var(--_radius);
      background: var(--_bg);
    }

    .confirmation__icon {
      font-weight: 700;
    }

    .error,
    .error-box p {
      color: var(--_danger);
    }

    .error-box {
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-1);
      max-inline-size: 32rem;
      padding: var(--_ck-space-3);
      border: 1px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_bg);
    }

    @keyframes pulse {
      50% {
        opacity: 0.35;
        transform: scale(0.8);
      }
    }

    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    @media (prefers-reduced-motion: reduce) {
      .chip__dot {
        animation: none;
      }

      .ring__progress {
        transition: none;
      }
    }

    @media (forced-colors: active) {
      .panel,
      .confirmation,
      .error-box,
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
