import {css} from 'lit';

/**
 * The kit's form controls, styled on the `--ck-*` tokens so all elements look like one product: buttons (default,
 * `.primary`, `.danger`, `.quiet`, `.icon`), text fields, selects (own arrow, no data: URL so a strict CSP
 * allows it), textareas, time fields, checkboxes and radios (the accent colour), and `[aria-invalid='true']`.
 * Bare elements are styled, so an element's own rules (composed after this) can refine them.
 */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    margin: 0;
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_ck-space-1);
    min-block-size: var(--_ck-control-height);
    padding-block: 0;
    padding-inline: var(--_ck-space-3);
    border: 1px solid var(--_ck-color-border);
    border-radius: var(--_ck-radius);
    background: var(--_ck-color-surface);
    font-weight: 500;
    line-height: 1.2;
    cursor: pointer;
    transition:
      background-color 120ms ease,
      border-color 120ms ease;
  }

  button:hover:not([disabled], [aria-disabled='true']) {
    background: var(--_ck-color-surface-2);
    border-color: var(--_ck-color-muted);
  }

  button.primary {
    background: var(--_ck-color-accent);
    border-color: var(--_ck-color-accent);
    color: var(--_ck-color-on-accent);
  }

  button.primary:hover:not([disabled], [aria-disabled='true']) {
    background: color-mix(in srgb, var(--_ck-color-accent) 88%, black);
    border-color: color-mix(in srgb, var(--_ck-color-accent) 88%, black);
  }

  button.danger {
    background: var(--_ck-color-danger);
    border-color: var(--_ck-color-danger);
    color: var(--_ck-color-on-danger);
  }

  button.quiet {
    background: transparent;
    border-color: transparent;
  }

  button.icon {
    padding-inline: 0;
    min-inline-size: var(--_ck-control-height);
  }

  button:is([disabled], [aria-disabled='true']) {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button[aria-busy='true'] {
    cursor: progress;
  }

  input:not([type='checkbox'], [type='radio'], [type='range'], [type='color']),
  select,
  textarea {
    min-block-size: var(--_ck-control-height);
    max-inline-size: 100%;
    padding-block: var(--_ck-space-1);
    padding-inline: var(--_ck-space-2);
    border: 1px solid var(--_ck-color-muted);
    border-radius: var(--_ck-radius);
    background: var(--_ck-color-surface);
    transition: border-color 120ms ease;
  }

  :is(input, select, textarea):hover:not(:disabled, :focus) {
    border-color: var(--_ck-color-text);
  }

  textarea {
    resize: vertical;
    min-block-size: calc(var(--_ck-control-height) * 2);
  }

  select {
    appearance: none;
    padding-inline-end: calc(var(--_ck-space-2) + 1.25rem);
    /* the arrow: two gradients, so no data: URL (strict CSPs refuse those) */
    background-image:
      linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      calc(100% - 1rem) 55%,
      calc(100% - 0.7rem) 55%;
    background-size: 0.3rem 0.3rem;
    background-repeat: no-repeat;
  }

  :host(:dir(rtl)) select {
    background-position:
      0.7rem 55%,
      1rem 55%;
  }

  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
    accent-color: var(--_ck-color-accent);
    flex: none;
  }

  :is(input, select, textarea):disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: var(--_ck-color-danger);
  }

  @media (forced-colors: active) {
    button.primary,
    button.danger {
      forced-color-adjust: none;
      background: ButtonText;
      border-color: ButtonText;
      color: ButtonFace;
    }

    select {
      background-image: none;
      appearance: auto;
    }
  }
`;
