import {css} from 'lit';

export const styles = css`
  :host {
    --_bg: var(--ck-logout-countdown-background, var(--ck-color-surface, light-dark(#ffffff, #1b1e22)));
    --_border: var(--ck-logout-countdown-border-color, var(--ck-color-border, light-dark(#d0d7de, #3d444d)));
    --_accent: var(--ck-logout-countdown-accent, var(--ck-color-warning, light-dark(#8a5a00, #e3b341)));
    --_success: var(--ck-logout-countdown-success, var(--ck-color-success, light-dark(#1a7f37, #3fb950)));
    --_danger: var(--ck-logout-countdown-danger, var(--ck-color-danger, light-dark(#b3261e, #ffb4ab)));
    --_muted: var(--ck-color-unavailable, light-dark(#4b5563, #b6bcc4));
    --_radius: var(--ck-logout-countdown-radius, var(--ck-radius, 6px));
    --_ring: var(--ck-logout-countdown-ring-size, 4.5rem);
    --_focus: var(--ck-focus-ring, 2px solid light-dark(#1d4ed8, #93c5fd));

    display: block;
    color-scheme: light dark;
    color: var(--ck-color-text, light-dark(#1f2328, #e6e8eb));
    font: var(--ck-font, 0.875rem/1.4 system-ui, sans-serif);
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
    gap: var(--ck-space-2, 0.5rem);
  }

  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    background: transparent;
    min-block-size: 2rem;
    padding-block: var(--ck-space-1, 0.25rem);
    padding-inline: var(--ck-space-3, 0.75rem);
  }

  button:focus-visible,
  .panel:focus-visible,
  .confirmation:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
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
    gap: var(--ck-space-3, 0.75rem);
    inline-size: 100%;
    max-inline-size: 32rem;
    box-sizing: border-box;
    padding: var(--ck-space-3, 0.75rem);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
  }

  .panel__body {
    display: flex;
    flex-direction: column;
    gap: var(--ck-space-1, 0.25rem);
    min-inline-size: 0;
  }

  .title {
    font-weight: 600;
    font-size: 1.05em;
  }

  .expected {
    color: var(--_muted);
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
    gap: var(--ck-space-2, 0.5rem);
    margin-block-start: var(--ck-space-1, 0.25rem);
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--ck-space-1, 0.25rem);
    min-block-size: 1.75rem;
    padding-inline: var(--ck-space-2, 0.5rem);
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
    gap: var(--ck-space-2, 0.5rem);
    padding: var(--ck-space-2, 0.5rem) var(--ck-space-3, 0.75rem);
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
    gap: var(--ck-space-1, 0.25rem);
    max-inline-size: 32rem;
    padding: var(--ck-space-3, 0.75rem);
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
`;
