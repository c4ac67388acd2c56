import {css} from 'lit';

/**
 * The host box every kit element shares: block layout, the kit's font and text colour, border-box sizing inside,
 * `hidden` honoured, and the type scale (private `--_ck-text-*` steps derived from `--ck-font-size`).
 * Compose it right after `tokens`: `static styles = [tokens, host, a11y, controls, messages, css\`...\`]`.
 */
export const host = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_ck-color-text);
    font: var(--_ck-font);
    --_ck-text-xs: calc(var(--_ck-font-size) * 0.8);
    --_ck-text-sm: calc(var(--_ck-font-size) * 0.9);
    --_ck-text-lg: calc(var(--_ck-font-size) * 1.15);
    --_ck-text-xl: calc(var(--_ck-font-size) * 1.4);
    --_ck-control-height: 2.25rem;
    --_ck-control-height-sm: 1.75rem;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
