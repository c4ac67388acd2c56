import {css, type CSSResultGroup} from 'lit';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  css`
    :host {
      --_available-bg: var(--ck-timeslot-grid-available-background, var(--_ck-color-available-surface));
      --_available-fg: var(--ck-timeslot-grid-available-color, var(--_ck-color-available));
      --_unavailable-bg: var(--ck-timeslot-grid-unavailable-background, var(--_ck-color-unavailable-surface));
      --_unavailable-fg: var(--ck-timeslot-grid-unavailable-color, var(--_ck-color-unavailable));
      --_selected-bg: var(--ck-timeslot-grid-selected-background, var(--_ck-color-selected));
      --_selected-fg: var(--ck-timeslot-grid-selected-color, var(--_ck-color-on-selected));
      --_today: var(--ck-timeslot-grid-today-color, var(--_ck-color-accent));
      --_focus: var(--_ck-focus-ring);
      --_gap: var(--ck-timeslot-grid-gap, var(--_ck-space-1));
      --_cell-min: var(--ck-timeslot-grid-cell-min-width, 7rem);
      --_radius: var(--ck-timeslot-grid-radius, var(--_ck-radius));
      --_danger: var(--_ck-color-danger);

      display: block;
      container-type: inline-size;
      color: var(--ck-timeslot-grid-color, var(--_ck-color-text));
      font: var(--_ck-font);
    }

    :host([hidden]) {
      display: none;
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2);
      margin-block-end: var(--_ck-space-2);
    }

    .range {
      font-weight: 600;
    }

    .zone {
      margin-inline-start: auto;
      color: var(--_unavailable-fg);
    }

    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      background: transparent;
      min-block-size: 2rem;
      min-inline-size: 2rem;
      padding-inline: var(--_ck-space-2);
    }

    button:focus-visible,
    .slot:focus-visible {
      outline: var(--_focus);
      outline-offset: var(--_ck-focus-ring-offset);
    }

    /* No transform for right-to-left: ‹ and › are bidi-mirrored characters, the text engine flips them. */

    .grid {
      display: grid;
      grid-template-columns: max-content repeat(var(--days), minmax(var(--_cell-min), 1fr));
      gap: var(--_gap);
      overflow-x: auto;
    }

    .grid--loading {
      overflow: hidden;
    }

    .row {
      display: contents;
    }

    .day {
      display: flex;
      flex-direction: column;
      padding: var(--_ck-space-1);
      border-block-end: 2px solid var(--_unavailable-bg);
    }

    .day--today .day__date {
      color: var(--_today);
    }

    .day__date {
      font-weight: 600;
    }

    .day__count {
      color: var(--_unavailable-fg);
      font-size: 0.8em;
    }

    .time {
      min-inline-size: 4.5rem;
      display: flex;
      align-items: center;
      justify-content: flex-end;
      padding-inline-end: var(--_ck-space-2);
      color: var(--_unavailable-fg);
      white-space: nowrap;
    }

    .cell {
      min-block-size: 2.5rem;
    }

    .slot {
      display: flex;
      flex-direction: column;
      justify-content: center;
      padding: var(--_ck-space-1) var(--_ck-space-2);
      border-radius: var(--_radius);
      border: 1px solid transparent;
      cursor: default;
      user-select: none;
    }

    .slot--available {
      background: var(--_available-bg);
      color: var(--_available-fg);
      cursor: pointer;
    }

    .slot--available:hover {
      border-color: var(--_available-fg);
    }

    .slot--unavailable {
      background: var(--_unavailable-bg);
      color: var(--_unavailable-fg);
    }

    .slot--unavailable .slot__time {
      text-decoration: line-through;
      text-decoration-thickness: 1px;
    }

    .slot--selected.slot--available {
      background: var(--_selected-bg);
      color: var(--_selected-fg);
      font-weight: 600;
    }

    /* the host's value points at a slot that is no longer available: keep it recognisable, not bookable-looking */
    .slot--selected.slot--unavailable {
      outline: 2px dashed var(--_selected-bg);
      outline-offset: -2px;
    }

    .cell {
      min-inline-size: 0;
    }

    .slot__time,
    .slot__secondary {
      overflow-wrap: anywhere;
    }

    /* Times read in their own direction inside right-to-left text ("8:30 AM", not "AM 8:30"). */
    .slot__time,
    .slot__secondary,
    .time,
    .range {
      unicode-bidi: plaintext;
    }

    .slot__secondary,
    .slot__meta,
    .slot__reason {
      font-size: 0.8em;
    }

    .message {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2);
      padding: var(--_ck-space-3);
      border-radius: var(--_radius);
      background: var(--_unavailable-bg);
      margin-block-end: var(--_ck-space-2);
    }

    .message--error {
      color: var(--_danger);
      border: 1px solid currentColor;
    }

    /* an error of any length (from a host): at most four lines, the full text in its title */
    .message--error > span {
      flex: 1 1 12rem;
      min-inline-size: 0;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .skeleton {
      display: block;
      inline-size: 100%;
      block-size: 1.5rem;
      border-radius: var(--_radius);
      background: var(--_unavailable-bg);
      animation: pulse 1.2s ease-in-out infinite;
    }

    @keyframes pulse {
      50% {
        opacity: 0.5;
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

    /* Narrow containers: one day after another, each with its own slots. */
    @container (max-width: 36rem) {
      .grid {
        display: flex;
        flex-direction: column;
      }

      .grid > .row > * {
        order: var(--order, 0);
      }

      .corner,
      .time,
      .cell--empty {
        display: none;
      }

      .day {
        margin-block-start: var(--_ck-space-2);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
      }
    }

    @media (forced-colors: active) {
      .slot {
        border-color: CanvasText;
      }

      .slot--unavailable {
        color: GrayText;
        border-color: GrayText;
      }

      .slot--selected.slot--available {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      .skeleton {
        background: GrayText;
      }
    }
  `,
];
