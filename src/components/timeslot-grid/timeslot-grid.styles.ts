import {css, type CSSResultGroup} from 'lit';
import {a11y} from '../../internal/styles/a11y.js';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  a11y,
  css`
    :host {
      --_available-bg: var(--ck-timeslot-grid-available-background, var(--_ck-color-available-surface));
      --_available-fg: var(--ck-timeslot-grid-available-color, var(--_ck-color-available));
      --_unavailable-bg: var(--ck-timeslot-grid-unavailable-background, var(--_ck-color-unavailable-surface));
      --_unavailable-fg: var(--ck-timeslot-grid-unavailable-color, var(--_ck-color-unavailable));
      --_selected-bg: var(--ck-timeslot-grid-selected-background, var(--_ck-color-selected));
      --_selected-fg: var(--ck-timeslot-grid-selected-color, var(--_ck-color-on-selected));
      --_today: var(--ck-timeslot-grid-today-color, var(--_ck-color-accent));
      --_gap: var(--ck-timeslot-grid-gap, var(--_ck-space-1));
      --_cell-min: var(--ck-timeslot-grid-cell-min-width, 4.25rem);
      --_radius: var(--ck-timeslot-grid-radius, var(--_ck-radius));
      --_danger: var(--_ck-color-danger);
      --_border: var(--_ck-color-border);
      --_muted: var(--_ck-color-muted);

      display: block;
      min-inline-size: 0;
      color: var(--ck-timeslot-grid-color, var(--_ck-color-text));
      font: var(--_ck-font);
    }

    :host([hidden]) {
      display: none;
    }

    .wrapper {
      container-type: inline-size;
      min-inline-size: 0;
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
      color: var(--_muted);
      font-size: 0.9em;
    }

    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: transparent;
      min-block-size: 2rem;
      min-inline-size: 2rem;
      padding-inline: var(--_ck-space-2);
    }

    button:hover {
      background: var(--_unavailable-bg);
    }

    .nav {
      padding: 0;
      font-size: 1.25em;
      line-height: 1;
    }

    /* No transform for right-to-left: ‹ and › are bidi-mirrored characters, the text engine flips them. */

    /* The slots' box: never wider than the element; --ck-grid-max-height caps its height, it scrolls inside. */
    .scroller {
      max-block-size: var(--_ck-grid-max-height);
      overflow: auto;
      overscroll-behavior: contain;
      box-sizing: border-box;
      /* room for the focus ring of the edge cells */
      padding: 3px;
    }

    .scroller:focus {
      outline: none;
    }

    .grid {
      gap: var(--_gap);
    }

    .grid--week {
      display: grid;
      /* never wider than the element: a forced week in a small box shrinks its columns (cqi: the wrapper's width) */
      grid-template-columns: max-content repeat(
          var(--days),
          minmax(min(var(--_cell-min), calc((100cqi - 5rem) / var(--days))), 1fr)
        );
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
      align-items: center;
      text-align: center;
      padding: var(--_ck-space-1);
      border-block-end: 2px solid var(--_unavailable-bg);
      min-inline-size: 0;
    }

    .day--today {
      border-block-end-color: var(--_today);
    }

    .day--today .day__date {
      color: var(--_today);
    }

    .day__date {
      font-weight: 600;
    }

    .day__count,
    .time {
      color: var(--_muted);
      font-size: 0.8em;
    }

    .time {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      padding-inline-end: var(--_ck-space-1);
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }

    .cell {
      min-inline-size: 0;
    }

    .slot {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      column-gap: 0.4em;
      min-block-size: 2rem;
      padding: 0.2rem 0.5rem;
      box-sizing: border-box;
      border-radius: var(--_radius);
      border: 1px solid transparent;
      line-height: 1.25;
      font-variant-numeric: tabular-nums;
      overflow-wrap: break-word;
      cursor: default;
      user-select: none;
    }

    .slot--available {
      background: var(--_available-bg);
      color: var(--_available-fg);
      border-color: color-mix(in srgb, currentColor 22%, transparent);
      cursor: pointer;
    }

    .slot--available:hover {
      border-color: currentColor;
    }

    .slot--unavailable {
      background: var(--_unavailable-bg);
      color: var(--_unavailable-fg);
    }

    .slot--selected.slot--available {
      background: var(--_selected-bg);
      color: var(--_selected-fg);
      border-color: var(--_selected-bg);
      box-shadow: 0 1px 3px color-mix(in srgb, var(--_selected-bg) 45%, transparent);
    }

    /* the host's value points at a slot that is no longer available: keep it recognisable, not bookable-looking */
    .slot--selected.slot--unavailable {
      outline: 2px dashed var(--_selected-bg);
      outline-offset: -2px;
    }

    /* One weight whatever the state: selecting a slot never reflows it. */
    .slot__time {
      font-weight: 600;
      min-inline-size: 0;
    }

    .slot__secondary,
    .slot__meta {
      font-size: 0.78em;
      white-space: nowrap;
    }

    .slot__secondary {
      font-style: italic;
    }

    .slot__meta {
      margin-inline-start: auto;
    }

    .icon {
      inline-size: 1em;
      block-size: 1em;
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }

    /* A run of unavailable slots with one reason: one quiet hatched band, its reason in words. */
    .band {
      grid-row-end: span var(--span, 1);
      display: flex;
      align-items: flex-start;
      gap: 0.4em;
      padding: 0.3rem 0.5rem;
      border-radius: var(--_radius);
      border: 1px dashed var(--_border);
      color: var(--_unavailable-fg);
      background: repeating-linear-gradient(
        -45deg,
        var(--_unavailable-bg) 0 6px,
        color-mix(in srgb, var(--_unavailable-bg) 40%, transparent) 6px 12px
      );
      font-size: 0.8em;
      line-height: 1.3;
      overflow-wrap: break-word;
      hyphens: auto;
      min-inline-size: 0;
    }

    .band .icon {
      margin-block-start: 0.1em;
    }

    /* Times read in their own direction inside right-to-left text ("8:30 AM", not "AM 8:30"). */
    .slot__time,
    .slot__secondary,
    .slot__meta,
    .day__count,
    .time,
    .range,
    .band__text {
      unicode-bidi: plaintext;
    }

    /* The day layout's rules come with its chunk (timeslot-grid-day.ts); this holds its place while it loads. */
    .day-placeholder {
      block-size: calc(4.5rem + max(var(--rows), 1) * 2.5rem);
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

    /* Narrow containers (the day layout, or a forced week in a small box): a denser toolbar and slots. */
    @container (max-width: 34.99rem) {
      .zone {
        flex-basis: 100%;
        margin-inline-start: 0;
        order: 1;
      }

      .range {
        flex: 1;
        text-align: center;
      }

      .grid--week .slot {
        padding-inline: 0.3rem;
      }
    }

    /* A week in less than ~7.5rem a day: smaller type, the second-zone time and places share one line. */
    @container (max-width: 57.5rem) {
      .grid--week .slot {
        font-size: 0.85em;
        padding: 0.2rem 0.3rem;
        column-gap: 0.3em;
      }

      .grid--week .slot__secondary,
      .grid--week .slot__meta {
        font-size: 0.85em;
      }

      .grid--week .band {
        font-size: 0.72em;
      }

      .day {
        font-size: 0.9em;
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

      .slot--unavailable,
      .band {
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
