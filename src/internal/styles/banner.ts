import {css} from 'lit';

/**
 * The message banner alone: `.message` (its box), `.message--error` and `.message__text` (a long message from a
 * backend or host wraps anywhere and stops at four lines; the element puts the full text in its title). What
 * `<agent-session>` shows for an invalid attribute; `messages` starts with it and adds the other kinds.
 */
export const banner = css`
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

  @media (forced-colors: active) {
    .message {
      border-color: CanvasText;
    }
  }
`;
