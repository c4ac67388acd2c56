import {css, type CSSResultGroup} from 'lit';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
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

      display: block;
      color: var(--_ck-color-text);
      font: var(--_ck-font);
    }

    :host([hidden]) {
      display: none;
    }

    .title {
      font-size: 1.15em;
      font-weight: 600;
      margin-block-end: var(--_ck-space-1);
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
      margin-block-end: var(--_gap);
      font-variant-numeric: tabular-nums;
    }

    .label {
      color: var(--_muted);
      margin-inline-end: var(--_ck-space-1);
    }

    form {
      display: flex;
      flex-direction: column;
      gap: var(--_gap);
    }

    .section {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2) var(--_ck-space-4);
      align-items: flex-start;
      margin: 0;
    }

    fieldset {
      border: 1px solid var(--_section-border);
      border-radius: var(--_radius);
      padding: var(--_ck-space-2) var(--_ck-space-3);
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
    }

    .notes {
      flex: 1 1 100%;
    }

    .radio,
    .check {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      min-block-size: 2rem;
      overflow-wrap: anywhere;
    }

    .help,
    .count {
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0;
      flex-basis: 100%;
    }

    input,
    select,
    textarea,
    button {
      font: inherit;
      color: inherit;
    }

    input:not([type='radio'], [type='checkbox']),
    select,
    textarea {
      max-inline-size: 100%;
      min-block-size: 2rem;
      padding: var(--_ck-space-1) var(--_ck-space-2);
      border: 1px solid var(--_field-border);
      border-radius: var(--_radius);
      background: transparent;
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

    .grid-wrap {
      flex: 1 1 28rem;
      min-inline-size: 0;
    }

    .chosen {
      margin-block: var(--_ck-space-2) 0;
    }

    .interval {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2) var(--_ck-space-4);
    }

    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2);
      padding: var(--_ck-space-3);
      border-radius: var(--_radius);
      border: 1px solid currentColor;
      margin: 0;
    }

    .banner--error,
    .banner--conflict {
      color: var(--_danger);
    }

    /* a message of any length (from a backend or host): at most four lines, the full text in its title */
    .banner > span {
      flex: 1 1 12rem;
      min-inline-size: 0;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 4;
      line-clamp: 4;
      overflow: hidden;
      overflow-wrap: anywhere;
    }

    .actions {
      display: flex;
      gap: var(--_ck-space-2);
    }

    button {
      min-block-size: 2.25rem;
      padding-inline: 0.875rem;
      border-radius: var(--_radius);
      border: 1px solid currentColor;
      background: transparent;
      cursor: pointer;
    }

    button.primary {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: var(--_accent);
    }

    button[disabled] {
      cursor: progress;
      opacity: 0.7;
    }

    :is(button, input, select, textarea):focus-visible,
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

    @media (forced-colors: active) {
      button.primary {
        forced-color-adjust: none;
        background: ButtonText;
        color: ButtonFace;
      }
    }
    /* the candidate-zone picker goes on its own line below the zone choices */
    .zone .candidates {
      flex-basis: 100%;
      order: 1;
    }

    .when .on {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }

    /* narrow containers: the calendar above the week instead of beside it */
    @container callback-scheduler (max-width: 56rem) {
      .when {
        flex-direction: column;
        align-items: stretch;
      }
    }
  `,
];
