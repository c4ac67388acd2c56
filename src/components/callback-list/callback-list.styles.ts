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
      --_text: var(--_ck-color-text);
      --_muted: var(--_ck-color-muted);
      --_surface: var(--_ck-color-surface);
      --_row-bg: var(--ck-callback-list-row-background, var(--_ck-color-surface));
      --_subtle: var(--ck-callback-list-background, var(--_ck-color-surface-2));
      --_border: var(--ck-callback-list-border-color, var(--_ck-color-border));
      --_accent: var(--_ck-color-accent);
      --_on-accent: var(--_ck-color-on-accent);
      --_due-bg: var(--ck-callback-list-due-background, var(--_ck-color-due-surface));
      --_due: var(--ck-callback-list-due-color, var(--_ck-color-due));
      --_overdue: var(--ck-callback-list-overdue-color, var(--_ck-color-danger));
      --_danger: var(--_ck-color-danger);
      --_on-danger: var(--_ck-color-on-danger);
      --_focus: var(--_ck-focus-ring);
      --_radius: var(--_ck-radius);
      --_space-1: var(--_ck-space-1);
      --_space-2: var(--_ck-space-2);
      --_space-3: var(--_ck-space-3);
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_space-2) var(--_space-3);
      margin-block-end: var(--_space-2);
    }

    .filter {
      display: inline-flex;
      flex-direction: column;
      gap: 2px;
      color: var(--_muted);
      font-size: var(--_ck-text-sm);
    }

    .filter select {
      color: var(--_text);
      font-size: var(--_ck-font-size);
    }

    .count {
      margin-inline-start: auto;
      align-self: center;
      color: var(--_muted);
      font-size: var(--_ck-text-sm);
    }

    .row:focus-visible,
    .list:focus-visible {
      outline: var(--_focus);
      outline-offset: -2px;
    }

    /*
     * The scroller, and the virtualizer's host when the list is long: what the virtualizer sets on it inline then
     * (display block, position relative, size containment, overflow auto, min-height 150px) is set here too, so a
     * list rendering its rows itself has the same size and does not move when it switches.
     */
    .list {
      position: relative;
      block-size: var(--ck-callback-list-height, 28rem);
      min-block-size: 150px;
      overflow: auto;
      contain: strict;
      container-type: inline-size;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }

    .heading {
      inline-size: 100%;
      margin: 0;
      padding: var(--_space-2) var(--_space-3) var(--_space-1);
      font-weight: 600;
      font-size: var(--_ck-text-sm);
      display: flex;
      align-items: baseline;
      gap: var(--_space-2);
    }

    .heading--overdue {
      color: var(--_overdue);
    }

    .heading__count {
      color: var(--_muted);
      font-weight: 400;
    }

    .cell {
      inline-size: 100%;
      padding: 0 var(--_space-2) var(--_space-1);
    }

    /* One row: who and when on the first line, what on the second, Launch and the action menu at the end. */
    .row {
      inline-size: 100%;
      padding: var(--_space-1) var(--_space-2) var(--_space-1) var(--_space-3);
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto;
      grid-template-areas:
        'main actions'
        'meta actions'
        'error error';
      align-items: center;
      gap: 2px var(--_space-3);
      background: var(--_row-bg);
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_border);
      border-radius: var(--_radius);
    }

    .row:hover {
      border-color: var(--_muted);
    }

    .row--overdue {
      border-inline-start-color: var(--_overdue);
    }

    .row--due {
      background: var(--_due-bg);
      border-color: var(--_due);
      border-inline-start-color: var(--_due);
      animation: attention 1s ease-in-out 3;
    }

    .row--closed {
      color: var(--_muted);
    }

    @keyframes attention {
      50% {
        box-shadow: 0 0 0 3px var(--_due);
      }
    }

    .row__main,
    .row__meta {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      min-inline-size: 0;
      gap: 0 var(--_space-3);
    }

    .row__main {
      grid-area: main;
    }

    .row__meta {
      grid-area: meta;
      align-items: center;
      gap: 2px var(--_space-2);
      font-size: var(--_ck-text-sm);
    }

    .row__time {
      font-weight: 600;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }

    /* Times and numbers read in their own direction inside right-to-left text ("8:30 AM EST", not "AM EST 8:30"). */
    time,
    .row__customer-time {
      unicode-bidi: plaintext;
    }

    .row__customer {
      font-weight: 600;
      /* a name of any length stays on one line; the full name is in its title and the row's accessible name */
      min-inline-size: 0;
      max-inline-size: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .row__customer--unknown {
      font-style: italic;
      font-weight: 400;
    }

    .row__expiry {
      color: var(--_overdue);
      font-weight: 600;
    }

    .row__phone,
    .row__customer-time,
    .row__snoozed {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }

    .row--closed .row__phone,
    .row--closed .row__customer-time {
      color: inherit;
    }

    .badge {
      display: inline-block;
      padding: 0 var(--_space-2);
      border-radius: 999px;
      border: 1px solid var(--_border);
      font-size: var(--_ck-text-xs);
      line-height: 1.5;
      white-space: nowrap;
    }

    .badge--due {
      border-color: var(--_due);
      color: var(--_due);
      font-weight: 600;
    }

    .row--overdue .badge--status {
      border-color: var(--_overdue);
      color: var(--_overdue);
      font-weight: 600;
    }

    .badge--expired {
      border-style: dashed;
    }

    /* The notes take what is left of the second line (the full text is in the title and read by screen readers). */
    .row__notes {
      flex: 1 1 8rem;
      min-inline-size: 0;
      margin: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      color: var(--_muted);
    }

    .row--closed .row__notes {
      color: inherit;
    }

    .row__error {
      grid-area: error;
      margin-block-start: var(--_space-1);
    }

    .row__actions {
      grid-area: actions;
      display: flex;
      align-items: center;
      gap: var(--_space-1);
    }

    .row__actions button {
      min-block-size: var(--_ck-control-height-sm);
    }

    .action--more {
      min-inline-size: var(--_ck-control-height-sm);
      font-size: 1.25em;
      line-height: 1;
    }

    .action--more[aria-expanded='true'] {
      background: var(--_ck-color-surface-2);
    }

    /* Narrow lists (a side panel): the second line takes the whole width. */
    @container (max-width: 30rem) {
      .row {
        grid-template-areas:
          'main actions'
          'meta meta'
          'error error';
        align-items: start;
      }
    }

    .message p {
      margin: 0;
    }

    .message--empty {
      flex-direction: column;
      align-items: start;
    }

    .message__title {
      font-weight: 600;
    }

    .message--loading {
      flex-direction: column;
      align-items: stretch;
    }

    .skeleton {
      display: block;
      block-size: 3.5rem;
      border-radius: var(--_radius);
      background: var(--_border);
      animation: pulse 1.2s ease-in-out infinite;
    }

    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }

    .toast-region {
      position: var(--ck-callback-list-toast-position, fixed);
      inset-block-end: var(--_space-3);
      inset-inline-end: var(--_space-3);
      z-index: var(--ck-callback-list-toast-z-index, 1000);
      max-inline-size: min(26rem, calc(100vw - 2 * var(--_space-3)));
      margin-inline-start: auto;
    }

    .toast {
      padding: var(--_space-3);
      border-radius: var(--_radius);
      border: 1px solid var(--_due);
      border-inline-start: 4px solid var(--_due);
      background: var(--ck-callback-list-toast-background, var(--_surface));
      box-shadow: var(--_ck-shadow);
    }

    .toast__title {
      margin: 0 0 var(--_space-2);
      font-weight: 600;
    }

    .toast__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space-2);
    }

    .toast__item {
      display: grid;
      gap: var(--_space-1);
    }

    .toast__actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
    }

    .toast__more {
      margin: var(--_space-2) 0 0;
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: var(--_space-2);
      color: var(--_muted);
    }

    .dialog {
      max-inline-size: min(32rem, calc(100vw - 2rem));
      padding: var(--_space-3) calc(var(--_space-3) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }

    .dialog.reschedule {
      max-inline-size: min(60rem, calc(100vw - 2rem));
      inline-size: 100%;
    }

    .dialog::backdrop {
      background: rgb(0 0 0 / 0.4);
    }

    .dialog__title {
      margin: 0 0 var(--_space-2);
      font-size: 1.1em;
    }

    .dialog__head {
      display: flex;
      align-items: start;
      justify-content: space-between;
      gap: var(--_space-3);
    }

    .dialog__actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: end;
      gap: var(--_space-2);
      margin-block-start: var(--_space-3);
    }

    @media (prefers-reduced-motion: reduce) {
      .row--due,
      .skeleton {
        animation: none;
      }
    }

    @media (forced-colors: active) {
      .row,
      .toast,
      .badge,
      /* System colours survive forcing: no forced-color-adjust: none, so the row's text keeps the user's colours. */
      .row--due {
        border-color: Highlight;
        border-inline-start-width: 8px;
      }

      .row--overdue,
      .heading--overdue {
        border-inline-start-color: Mark;
      }

      .skeleton {
        background: GrayText;
      }
    }
  `,
];
