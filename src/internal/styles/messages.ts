import {css} from 'lit';
import {banner} from './banner.js';

/**
 * Messages every element shows the same way: `.message` (a banner: `.message--error`, `--warning`, `--info`,
 * `--success`), a field's own error `.field-error`, and help text `.help`. A long message from a backend or host
 * wraps anywhere and stops at four lines (the element puts the full text in its title). The banner and its error
 * kind are `banner` (banner.ts), which `<agent-session>` uses alone.
 */
export const messages = css`
  ${banner}

  .message--warning {
    color: var(--_ck-color-warning);
    background: var(--_ck-color-warning-surface);
  }

  .message--info {
    color: var(--_ck-color-info);
    background: var(--_ck-color-info-surface);
  }

  .message--success {
    color: var(--_ck-color-success);
    background: var(--_ck-color-success-surface);
  }

  .field-error {
    margin: 0;
    color: var(--_ck-color-danger);
    font-size: var(--_ck-text-sm);
  }

  .help {
    margin: 0;
    color: var(--_ck-color-muted);
    font-size: var(--_ck-text-sm);
  }
`;
