import {css, type CSSResultGroup} from 'lit';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  css`
    :host {
      --_selected-bg: var(--ck-month-calendar-selected-background, var(--_ck-color-selected));
      --_selected-fg: var(--ck-month-calendar-selected-color, var(--_ck-color-on-selected));
      --_today: var(--ck-month-calendar-today-color, var(--_ck-color-accent));
      --_muted: var(--_ck-color-muted);
      --_radius: var(--_ck-radius);

      display: inline-block;
      font: var(--_ck-font);
    }

    :host([hidden]) {
      display: none;
    }

    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_ck-space-1);
      margin-block-end: var(--_ck-space-1);
    }

    .month {
      font-weight: 600;
    }

    button {
      font: inherit;
      color: inherit;
      background: transparent;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      min-inline-size: 2rem;
      min-block-size: 2rem;
      cursor: pointer;
    }

    .nav {
      border-color: currentColor;
    }

    /* No transform for right-to-left: ‹ and › are bidi-mirrored characters, the text engine flips them. */

    table {
      border-collapse: collapse;
    }

    th {
      font-weight: 500;
      font-size: 0.8em;
      color: var(--_muted);
      padding: 0.125rem;
    }

    td {
      padding: 0;
      text-align: center;
      min-inline-size: 2rem;
      block-size: 2rem;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      cursor: pointer;
    }

    .day[aria-disabled='true'] {
      color: var(--_muted);
      cursor: default;
      text-decoration: line-through;
    }

    /* days of the next/previous month: muted text (not opacity, which would fall under 4.5:1 contrast) */
    .day--other {
      color: var(--_muted);
    }

    .day--today {
      border-color: var(--_today);
    }

    .day[aria-selected='true'] {
      background: var(--_selected-bg);
      color: var(--_selected-fg);
      font-weight: 600;
    }

    button:focus-visible,
    td:focus-visible {
      outline: var(--_ck-focus-ring);
      outline-offset: 1px;
    }

    @media (forced-colors: active) {
      .nav,
      .day--today {
        border-color: CanvasText;
      }

      .day[aria-selected='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      .day[aria-disabled='true'] {
        color: GrayText;
      }
    }
  `,
];
