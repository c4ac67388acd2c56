import {css} from 'lit';

/**
 * Accessibility rules every element shares: the visually hidden text, one focus ring (the `--ck-focus-ring` token)
 * on everything that can take focus, and no motion when the user asked for less.
 */
export const a11y = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :is(button, input, select, textarea, a[href], [tabindex]):focus-visible {
    outline: var(--_ck-focus-ring);
    outline-offset: var(--_ck-focus-ring-offset);
  }

  /* a container focused by the kit (to keep focus) shows no ring unless the keyboard put it there */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
