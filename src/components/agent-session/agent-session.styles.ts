import {css} from 'lit';

export const styles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .error {
    margin-block-end: var(--ck-space-2, 0.5rem);
    padding: var(--ck-space-2, 0.5rem) var(--ck-space-3, 0.75rem);
    border: 1px solid var(--ck-color-danger, #b3261e);
    border-radius: var(--ck-radius, 6px);
    color: var(--ck-color-danger, #b3261e);
    background: var(--ck-color-danger-surface, #fdecea);
    font: var(--ck-font, 0.875rem/1.4 system-ui, sans-serif);
  }
`;
