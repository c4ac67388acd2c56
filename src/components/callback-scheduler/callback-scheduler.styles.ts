import {css, type CSSResultGroup} from 'lit';
import {a11y, controls, host, messages} from '../../internal/styles/index.js';
import {tokens} from '../../internal/tokens.js';

/**
 * Layout by the scheduler's own width (container queries, never the viewport):
 * - narrow (< 35rem, ~560 px): one column; the grid shows one day at a time (its own narrow layout);
 * - medium: the fields two by two above the week;
 * - wide (>= 56rem, ~900 px): the fields in a column beside the week, notes and actions under the week.
 * The grid's height is capped (`--ck-grid-max-height`) so the form is never taller than its content needs.
 */
export const styles: CSSResultGroup = [
  tokens,
  host,
  a11y,
  controls,
  messages,
  css`
    :host {
      container: callback-scheduler / inline-size;
      --_gap: var(--ck-callback-scheduler-gap, var(--_ck-space-4));
      --_accent: var(--ck-callback-scheduler-accent, var(--_ck-color-accent));
      --_on-accent: var(--ck-callback-scheduler-on-accent, var(--_ck-color-on-accent));
      --_muted: var(--_ck-color-muted);
      --_danger: var(--_ck-color-danger);
      --_field-border: var(--ck-callback-scheduler-field-border-color, var(--_ck-color-muted));
      --_section-border: var(--ck-callback-scheduler-section-border-color, var(--_ck-color-border));
      --_summary-bg: var(--ck-callback-scheduler-summary-background, var(--_ck-color-surface-2));
      --_radius: var(--_ck-radius);
      min-inline-size: 0;
      max-inline-size: 100%;
    }

    .title {
      font-size: var(--_ck-text-lg);
      font-weight: 600;
      margin-block-end: var(--_ck-space-1);
      overflow-wrap: anywhere;
    }

    .contact {
      font-weight: 400;
      color: var(--_muted);
      /* a name of any length stays on one line; the full name is in its title */
      display: inline-block;
      max-inline-size: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      vertical-align: bottom;
    }

    .clocks {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-1) var(--_ck-space-5);
      margin-block-end: var(--_ck-space-3);
      font-size: var(--_ck-text-sm);
      font-variant-numeric: tabular-nums;
    }

    .label {
      color: var(--_muted);
      margin-inline-end: var(--_ck-space-1);
    }

    form {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_gap);
      align-items: start;
    }

    .fields {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_ck-space-3);
      min-inline-size: 0;
    }

    .section {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2) var(--_ck-space-4);
      align-items: flex-start;
      margin: 0;
      min-inline-size: 0;
    }

    fieldset {
      border: 1px solid var(--_section-border);
      border-radius: var(--_radius);
      padding: var(--_ck-space-2) var(--_ck-space-3);
      margin: 0;
      min-inline-size: 0; /* not the UA's min-content: a long option or label must not widen the form */
    }

    legend {
      font-weight: 600;
      padding-inline: var(--_ck-space-1);
    }

    .field {
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-1);
      min-inline-size: 0; /* a long option (agent name...) must not widen the form */
      max-inline-size: 100%;
      font-weight: 500;
    }

    .phone > .field,
    .phone select,
    .other-zone,
    .other-zone input {
      inline-size: 100%;
    }

    .field.time input {
      inline-size: 8rem;
    }

    .notes {
      flex: 1 1 100%;
    }

    .radio,
    .check {
      display: flex;
      align-items: center;
      gap: var(--_ck-space-2);
      min-block-size: 2rem;
      overflow-wrap: anywhere;
      flex-basis: 100%;
    }

    .help,
    .count,
    .note {
      color: var(--_muted);
      font-size: var(--_ck-text-sm);
      margin: 0;
      flex-basis: 100%;
    }

    .note:empty {
      display: none;
    }

    .note {
      color: var(--_ck-color-text);
      padding: var(--_ck-space-1) var(--_ck-space-2);
      border-inline-start: 3px solid var(--_ck-color-accent);
      background: var(--_ck-color-surface-2);
      border-radius: var(--_radius);
    }

    input,
    select,
    textarea {
      border-color: var(--_field-border);
    }

    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
    }

    .field-error {
      color: var(--_danger);
      margin: 0;
      flex-basis: 100%;
    }

    .when {
      align-items: flex-start;
    }

    /* the week: never wider than the form; its own scrolling stays inside (visually hidden text too) */
    .grid-wrap {
      position: relative;
      min-inline-size: 0;
      max-inline-size: 100%;
    }

    /*
     * The week never makes the form taller than a screen: the grid caps itself (--ck-grid-max-height, its own
     * scrolling); this outer cap, a little taller, only bites while a grid does not.
     */
    .grid-box {
      position: relative;
      max-block-size: calc(var(--ck-grid-max-height, 30rem) + 5rem);
      overflow: auto;
      overscroll-behavior: contain;
    }

    /* in the week's place while its grid downloads */
    .pending {
      margin: 0;
      padding: var(--_ck-space-4);
      color: var(--_muted);
    }

    timeslot-grid {
      display: block;
      max-inline-size: 100%;
    }

    .chosen {
      margin-block: var(--_ck-space-2) 0;
      font-weight: 500;
    }

    .interval {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2) var(--_ck-space-4);
    }

    .end {
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-3);
      min-inline-size: 0;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2);
    }

    button.primary {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: var(--_accent);
      transition: none; /* a theme switch recolours it at once (no 120 ms fade from the old accent) */
    }

    .summary:focus-visible {
      outline: var(--_ck-focus-ring);
      outline-offset: var(--_ck-focus-ring-offset);
    }

    .summary {
      padding: var(--_ck-space-3);
      border-radius: var(--_radius);
      background: var(--_summary-bg);
    }

    .summary p {
      margin: 0 0 var(--_ck-space-2);
      font-weight: 600;
    }

    /* the candidate-zone picker goes on its own line below the zone choices */
    .zone .candidates {
      flex-basis: 100%;
    }

    .when .on {
      display: flex;
      flex-direction: column;
      gap: var(--_ck-space-1);
    }

    ck-month-calendar {
      max-inline-size: 20rem;
    }

    /* medium: the fields two by two above the week */
    @container callback-scheduler (min-width: 35rem) {
      .fields {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        align-items: start;
      }
      .fields > .zone {
        grid-row: span 2;
      }
      .fields > .banner,
      .fields > fieldset:not(.zone) {
        grid-column: 1 / -1;
      }
      .end {
        flex-direction: row;
        flex-wrap: wrap;
        align-items: flex-end;
      }
      .end > .notes-section {
        flex: 1 1 20rem;
      }
      .end > .banner {
        flex-basis: 100%;
        order: -1;
      }
    }

    /* wide: the fields in a column beside the week; notes and actions under the week */
    @container callback-scheduler (min-width: 56rem) {
      form.slots {
        grid-template-columns: minmax(16rem, 20rem) minmax(0, 1fr);
        grid-template-areas:
          'fields grid'
          'fields end';
        grid-template-rows: auto 1fr;
      }
      form.slots .fields {
        grid-area: fields;
        grid-template-columns: minmax(0, 1fr);
      }
      form.slots .fields > .zone {
        grid-row: auto;
      }
      form.slots .grid-wrap {
        grid-area: grid;
      }
      form.slots .end {
        grid-area: end;
      }
    }

    @media (forced-colors: active) {
      button.primary {
        forced-color-adjust: none;
        background: ButtonText;
        color: ButtonFace;
      }
    }
  `,
];
