import {css, type CSSResultGroup} from 'lit';
import {a11y} from '../../internal/styles/a11y.js';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  a11y,
  css`
    :host {
      --_field-border: var(--ck-callback-scheduler-field-border-color, var(--_ck-color-muted));
      --_popup-max-height: var(--ck-zone-picker-popup-max-height, 18rem);

      display: block;
      position: relative;
      max-inline-size: 100%;
      color: var(--_ck-color-text);
      font: var(--_ck-font);
    }

    :host([hidden]) {
      display: none;
    }

    .label {
      display: block;
      margin-block-end: var(--_ck-space-1);
    }

    .field {
      position: relative;
    }

    input {
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: 2rem;
      padding-block: var(--_ck-space-1);
      padding-inline: var(--_ck-space-2) calc(var(--_ck-space-2) + 1.25rem);
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid var(--_field-border);
      border-radius: var(--_ck-radius);
      text-overflow: ellipsis;
    }

    input::placeholder {
      color: var(--_ck-color-muted);
      opacity: 1;
    }

    input:focus-visible {
      outline: var(--_ck-focus-ring);
      outline-offset: var(--_ck-focus-ring-offset);
    }

    input[aria-invalid='true'] {
      border-color: var(--_ck-color-danger);
    }

    .error {
      margin: var(--_ck-space-1) 0 0;
      color: var(--_ck-color-danger);
    }

    input:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }

    /* A chevron drawn with borders (no icon font, no image): follows currentColor, also in forced colours. */
    .chevron {
      position: absolute;
      inset-block-start: 50%;
      inset-inline-end: var(--_ck-space-3);
      inline-size: 0.4rem;
      block-size: 0.4rem;
      /* physical sides: a down chevron is the same in both directions */
      border-right: 1.5px solid var(--_ck-color-muted);
      border-bottom: 1.5px solid var(--_ck-color-muted);
      transform: translateY(-70%) rotate(45deg);
      pointer-events: none;
    }

    .popup {
      position: absolute;
      z-index: 10;
      inset-inline: 0;
      inset-block-start: calc(100% + var(--_ck-space-1));
      box-sizing: border-box;
      max-inline-size: calc(100vw - 2 * var(--_ck-space-2));
      background: var(--_ck-color-surface);
      border: 1px solid var(--_ck-color-border);
      border-radius: var(--_ck-radius);
      box-shadow: var(--_ck-shadow);
      overflow: hidden;
    }

    .popup[hidden],
    [role='listbox'][hidden] {
      display: none;
    }

    [role='listbox'] {
      position: relative; /* the options' offsetParent, for keeping the active one in view */
      max-block-size: min(var(--_popup-max-height), 60vh);
      overflow-y: auto;
      overscroll-behavior: contain;
      padding-block: var(--_ck-space-1);
    }

    .group + .group {
      border-block-start: 1px solid var(--_ck-color-border);
      margin-block-start: var(--_ck-space-1);
      padding-block-start: var(--_ck-space-1);
    }

    .group__heading {
      padding: var(--_ck-space-1) var(--_ck-space-3);
      font-size: 0.8em;
      font-weight: 600;
      letter-spacing: 0.02em;
      color: var(--_ck-color-muted);
    }

    .option {
      position: relative;
      display: flex;
      align-items: baseline;
      gap: var(--_ck-space-3);
      padding: var(--_ck-space-1) var(--_ck-space-3);
      cursor: pointer;
    }

    .option:hover {
      background: var(--_ck-color-surface-2);
    }

    .option--active,
    .option--active:hover {
      background: var(--_ck-color-selected-surface);
    }

    /* the active option's bar on its start side (the left, or the right in right-to-left) */
    .option--active::before {
      content: '';
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      inline-size: 3px;
      background: var(--_ck-color-accent);
    }

    .option__text {
      flex: 1 1 auto;
      min-inline-size: 0;
      display: flex;
      flex-direction: column;
    }

    .option__city {
      font-weight: 500;
      overflow-wrap: anywhere;
    }

    .option--current .option__city::after {
      content: ' \\2713' / '';
    }

    .option__name {
      color: var(--_ck-color-muted);
      font-size: 0.9em;
      overflow-wrap: anywhere;
    }

    .option__offset {
      flex: none;
      margin-inline-start: auto;
      color: var(--_ck-color-muted);
      font-size: 0.9em;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }

    .empty {
      margin: 0;
      padding: var(--_ck-space-2) var(--_ck-space-3);
      color: var(--_ck-color-muted);
    }

    @media (forced-colors: active) {
      .popup {
        border-color: CanvasText;
      }

      .option--active,
      .option--active:hover {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      .option--active::before {
        background: HighlightText;
      }

      .option--active .option__name,
      .option--active .option__offset {
        color: HighlightText;
      }

      .chevron {
        border-color: CanvasText;
      }
    }
  `,
];
