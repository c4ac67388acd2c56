import {css} from 'lit';

export const styles = css`
  :host {
    --_gap: var(--ck-callback-scheduler-gap, var(--ck-space-4, 1rem));
    --_accent: var(--ck-callback-scheduler-accent, var(--ck-color-selected, light-dark(#1d4ed8, #60a5fa)));
    --_on-accent: var(--ck-color-on-selected, light-dark(#ffffff, #0b1220));
    --_muted: var(--ck-color-muted, light-dark(#4b5563, #b6bcc4));
    --_danger: var(--ck-color-danger, light-dark(#b3261e, #ffb4ab));
    --_surface: var(--ck-color-surface-2, light-dark(#f1f3f5, #2a2d31));
    --_radius: var(--ck-radius, 6px);

    display: block;
    color-scheme: light dark;
    color: var(--ck-color-text, light-dark(#1f2328, #e6e8eb));
    font: var(--ck-font, 0.875rem/1.4 system-ui, sans-serif);
  }

  :host([hidden]) {
    display: none;
  }

  .title {
    font-size: 1.15em;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }

  .contact {
    font-weight: 400;
    color: var(--_muted);
  }

  .clocks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin-block-end: var(--_gap);
    font-variant-numeric: tabular-nums;
  }

  .label {
    color: var(--_muted);
    margin-inline-end: 0.25rem;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  .section {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-start;
    margin: 0;
  }

  fieldset {
    border: 1px solid var(--_surface);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }

  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
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
    min-block-size: 2rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_muted);
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
    margin-block: 0.5rem 0;
  }

  .interval {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }

  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    margin: 0;
  }

  .banner--error,
  .banner--conflict {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    gap: 0.5rem;
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
    outline: var(--ck-focus-ring, 2px solid light-dark(#1d4ed8, #93c5fd));
    outline-offset: 2px;
  }

  .summary {
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .summary p {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }

  @media (forced-colors: active) {
    button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
`;
