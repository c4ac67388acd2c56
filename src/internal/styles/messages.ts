import {css} from 'lit';

/**
 * Messages every element shows the same way: `.message` (a banner: `.message--error`, `--warning`, `--info`,
 * `--success`), a field's own error `.field-error`, and help text `.help`. A long message from a backend or host
 * wraps anywhere and stops at four lines (the element puts the full text in its title).
 */
export const messages = css`
  .message {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_ck-space-2);
    margin: 0;
    padding: var(--_ck-space-2) var(--_ck-space-3);
    border: 1px solid currentColor;
    border-inline-start-width: 4px;
    border-radius: var(--_ck-radius);
    background: var(--_ck-color-surface-2);
  }

  .message--error {
    color: var(--_ck-color-danger);
    background: var(--_ck-color-danger-surface);
  }

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

  .message__text {
    flex: 1 1 12rem;
    min-inline-size: 0;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    line-clamp: 4;
    overflow: hidden;
    overflow-wrap: anywhere;
    color: var(--_ck-color-text);
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

  @media (forced-colors: active) {
    .message {
      border-color: CanvasText;
    }
  }
`;
