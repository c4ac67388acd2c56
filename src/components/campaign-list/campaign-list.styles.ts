import {css, type CSSResultGroup} from 'lit';
import {a11y, controls, host, messages} from '../../internal/styles/index.js';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  host,
  a11y,
  controls,
  messages,
  css`
    :host {
      --_text: var(--ck-campaign-list-color, var(--_ck-color-text));
      --_muted: var(--ck-campaign-list-muted-color, var(--_ck-color-muted));
      --_surface: var(--ck-campaign-list-background, var(--_ck-color-surface));
      --_border: var(--ck-campaign-list-border-color, var(--_ck-color-border));
      --_row-hover: var(--ck-campaign-list-row-hover-background, var(--_ck-color-surface-2));
      --_selected-bg: var(--ck-campaign-list-selected-background, var(--_ck-color-selected-surface));
      --_selected-fg: var(--ck-campaign-list-selected-color, var(--_ck-color-available));
      --_started-bg: var(--ck-campaign-list-started-background, light-dark(#dbeafe, #1e3a5f));
      --_started-fg: var(--ck-campaign-list-started-color, light-dark(#1e40af, #bfdbfe));
      --_running-bg: var(--ck-campaign-list-running-background, light-dark(#dcfce7, #14532d));
      --_running-fg: var(--ck-campaign-list-running-color, light-dark(#166534, #bbf7d0));
      --_paused-bg: var(--ck-campaign-list-paused-background, light-dark(#fef3c7, #4a3606));
      --_paused-fg: var(--ck-campaign-list-paused-color, light-dark(#854d0e, #fde68a));
      --_inactive-bg: var(--ck-campaign-list-inactive-background, light-dark(#f1f3f5, #2a2d31));
      --_inactive-fg: var(--ck-campaign-list-inactive-color, light-dark(#4b5563, #c9ced6));
      --_notice-bg: var(--ck-campaign-list-notice-background, var(--_ck-color-info-surface));
      --_notice-fg: var(--ck-campaign-list-notice-color, var(--_ck-color-info));
      --_danger: var(--_ck-color-danger);
      --_radius: var(--_ck-radius);
      --_max-height: var(--ck-campaign-list-max-height, 24rem);
      --_columns: var(
        --ck-campaign-list-columns,
        minmax(9rem, 2fr) minmax(6.5rem, 0.9fr) minmax(8.5rem, 1.2fr) minmax(6rem, 0.8fr) minmax(7rem, 1fr)
          minmax(9.5rem, 1.2fr)
      );

      container-type: inline-size;
      color: var(--_text);
    }

    /* Quiet buttons on the list's own surface (the grid, the notices): they take its colours. */
    button {
      min-block-size: var(--_ck-control-height-sm);
      padding-inline: var(--_ck-space-2);
      background: transparent;
      border-color: currentColor;
    }

    /* Notices */

    .notices:empty {
      display: none;
    }

    .notices {
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-1);
      margin-block-end: var(--_ck-space-2);
    }

    .notice {
      display: flex;
      align-items: center;
      gap: var(--_ck-space-2);
      padding-block: var(--_ck-space-1);
      padding-inline: var(--_ck-space-3) var(--_ck-space-1);
      border-radius: var(--_radius);
      border-inline-start: 4px solid currentColor;
      background: var(--_notice-bg);
      color: var(--_notice-fg);
      animation: notice-in 200ms ease-out;
    }

    .notice__text {
      flex: 1;
      /* a notice naming a campaign of any length: at most three lines, the full text in its title */
      min-inline-size: 0;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      line-clamp: 3;
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .notice__time {
      color: var(--_muted);
      font-size: 0.85em;
      white-space: nowrap;
    }

    .notice__dismiss {
      border-color: transparent;
      min-inline-size: 2rem;
      font-size: 1.1em;
      line-height: 1;
    }

    .notices-actions {
      display: flex;
      justify-content: flex-end;
      margin-block: calc(-1 * var(--_ck-space-1)) var(--_ck-space-2);
    }

    .link-button {
      border-color: transparent;
      text-decoration: underline;
      min-block-size: 1.75rem;
    }

    /* Movement only: a fading notice would fail contrast checks (and readers) while it fades. */
    @keyframes notice-in {
      from {
        transform: translateY(-0.35rem);
      }
    }

    /* Toolbar */

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2) var(--_ck-space-3);
      margin-block-end: var(--_ck-space-2);
    }

    .filter {
      display: inline-flex;
      align-items: center;
      gap: 0;
      margin: 0;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow: hidden;
    }

    .filter__legend {
      float: inline-start;
      padding-inline: var(--_ck-space-2);
      color: var(--_muted);
    }

    .filter__option {
      position: relative;
      display: inline-flex;
      align-items: center;
      min-block-size: 2rem;
      padding-inline: var(--_ck-space-3);
      border-inline-start: 1px solid var(--_border);
      cursor: pointer;
    }

    .filter__option input {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      margin: 0;
      opacity: 0;
      cursor: pointer;
    }

    .filter__option:has(input:checked) {
      background: var(--_selected-bg);
      color: var(--_selected-fg);
      font-weight: 600;
    }

    .filter__option:has(input:focus-visible) {
      outline: var(--_ck-focus-ring);
      outline-offset: -3px;
    }

    .zone {
      margin-inline-start: auto;
      color: var(--_muted);
    }

    /* Grid */

    .grid {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .grid[aria-busy='true'] .rows {
      opacity: 0.6;
    }

    .row {
      display: grid;
      grid-template-columns: var(--_columns);
      align-items: center;
      inline-size: 100%;
      box-sizing: border-box;
      border-block-end: 1px solid var(--_border);
    }

    .head {
      overflow-y: hidden;
      scrollbar-gutter: stable;
      border-block-end: 1px solid var(--_border);
    }

    .row--header {
      border-block-end: none;
      font-weight: 600;
      color: var(--_muted);
    }

    .scroller {
      max-block-size: var(--_max-height);
      overflow-y: auto;
      overflow-x: hidden;
      scrollbar-gutter: stable;
      overscroll-behavior: contain;
    }

    /* The rows' container; the virtualizer's host when they are many (it sets position: relative on it too). */
    .rows {
      position: relative;
      inline-size: 100%;
    }

    .row--campaign {
      cursor: pointer;
      background: var(--_surface);
    }

    .row--campaign:hover {
      background: var(--_row-hover);
    }

    .row--selected,
    .row--selected:hover {
      background: var(--_selected-bg);
      box-shadow: inset 4px 0 0 var(--_selected-fg);
    }

    :host(:dir(rtl)) .row--selected {
      box-shadow: inset -4px 0 0 var(--_selected-fg);
    }

    .cell {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-1);
      min-inline-size: 0;
      min-block-size: 2.75rem;
      box-sizing: border-box;
      padding-block: var(--_ck-space-1);
      padding-inline: var(--_ck-space-2);
      overflow-wrap: anywhere;
    }

    .cell--head {
      min-block-size: 2.25rem;
    }

    .sort {
      display: inline-flex;
      align-items: center;
      gap: var(--_ck-space-1);
      border-color: transparent;
      margin-inline-start: calc(-1 * var(--_ck-space-2));
      font-weight: 600;
    }

    .sort:hover,
    .notice__dismiss:hover {
      border-color: currentColor;
    }

    [aria-sort] > .sort {
      color: var(--_text);
    }

    .sort__icon {
      font-size: 0.75em;
      opacity: 0.8;
    }

    .name {
      font-weight: 600;
      /* a name of any length stays on one line; the full name is in its title and the row header's text */
      min-inline-size: 0;
      max-inline-size: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .badge {
      display: inline-block;
      padding-block: 0.1rem;
      padding-inline: var(--_ck-space-2);
      border-radius: 999px;
      font-size: 0.85em;
      font-weight: 600;
      white-space: nowrap;
      background: var(--_inactive-bg);
      color: var(--_inactive-fg);
    }

    .badge--started {
      background: var(--_started-bg);
      color: var(--_started-fg);
    }

    .badge--running {
      background: var(--_running-bg);
      color: var(--_running-fg);
    }

    .badge--paused {
      background: var(--_paused-bg);
      color: var(--_paused-fg);
    }

    .badge--running::before,
    .badge--started::before {
      content: '';
      display: inline-block;
      inline-size: 0.5em;
      block-size: 0.5em;
      margin-inline-end: 0.35em;
      border-radius: 50%;
      background: currentColor;
      vertical-align: 0.1em;
    }

    .badge--started::before {
      animation: pulse 1.6s ease-in-out infinite;
    }

    .help {
      inline-size: 1.5rem;
      min-inline-size: 1.5rem;
      block-size: 1.5rem;
      min-block-size: 1.5rem;
      padding: 0;
      border-radius: 50%;
      font-size: 0.8em;
      font-weight: 700;
      line-height: 1;
      color: var(--_muted);
    }

    .help-popover {
      position: fixed;
      inset: auto;
      margin: 0;
      max-inline-size: min(22rem, calc(100vw - 1rem));
      box-sizing: border-box;
      padding: var(--_ck-space-2) var(--_ck-space-3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: var(--_ck-font);
      box-shadow: var(--_ck-shadow);
    }

    /* Times read in their own direction inside right-to-left text ("8:30 AM", not "AM 8:30"). */
    time {
      unicode-bidi: plaintext;
    }

    .muted {
      color: var(--_muted);
    }

    .record-button {
      display: inline-flex;
      align-items: center;
      gap: var(--_ck-space-1);
      white-space: nowrap;
    }

    .record-result {
      flex-basis: 100%;
      font-size: 0.85em;
    }

    .record-result--error {
      color: var(--_danger);
    }

    .spinner {
      inline-size: 0.9em;
      block-size: 0.9em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }

    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }

    /* Messages */

    .message {
      margin-block-end: var(--_ck-space-2);
    }

    .message ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }

    .footer {
      margin-block-start: var(--_ck-space-1);
      color: var(--_muted);
      font-size: 0.85em;
    }

    .label-narrow {
      display: none;
      color: var(--_muted);
    }

    /* Narrow containers (a CRM side panel): each campaign becomes a small card; the header keeps the sort buttons. */
    @container (max-width: 40rem) {
      .row {
        grid-template-columns: 1fr auto;
        grid-template-areas:
          'name status'
          'mode delivery'
          'start record';
      }

      .row--header {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_ck-space-1);
        padding-inline: var(--_ck-space-2);
      }

      .row--header .cell--plain {
        display: none;
      }

      .row--header .cell {
        min-block-size: 2rem;
        padding: 0;
      }

      .row--header .sort {
        margin: 0;
        border-color: var(--_border);
      }

      .row--campaign {
        padding-block: var(--_ck-space-1);
      }

      .row--campaign .cell {
        min-block-size: 2rem;
      }

      .cell--name {
        grid-area: name;
      }

      .cell--status {
        grid-area: status;
        justify-content: flex-end;
      }

      .cell--mode {
        grid-area: mode;
      }

      .cell--delivery {
        grid-area: delivery;
        justify-content: flex-end;
      }

      .cell--start {
        grid-area: start;
      }

      .cell--record {
        grid-area: record;
        justify-content: flex-end;
      }

      .cell--record .record-result {
        text-align: end;
      }

      .label-narrow {
        display: inline;
        margin-inline-end: 0.25em;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .notice,
      .badge--started::before,
      .spinner {
        animation: none;
      }
    }

    @media (forced-colors: active) {
      .badge,
      .notice,
      .help-popover {
        border: 1px solid CanvasText;
      }

      .row--selected,
      .row--selected:hover {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      /* forced-color-adjust inherits: everything in the selected row is drawn in HighlightText on Highlight. */
      .row--selected * {
        color: HighlightText;
        background-color: transparent;
        border-color: HighlightText;
        outline-color: HighlightText;
      }

      .filter__option:has(input:checked) {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      button[aria-disabled='true'] {
        color: GrayText;
        border-color: GrayText;
      }
    }
  `,
];
