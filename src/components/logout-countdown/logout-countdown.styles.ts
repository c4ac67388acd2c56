import {css, type CSSResultGroup} from 'lit';
import {a11y, controls, host, messages} from '../../internal/styles/index.js';
import {tokens} from '../../internal/tokens.js';

/**
 * The shared modules give the host box and type scale, the focus ring, the visually hidden text, reduced motion,
 * the buttons and the message banners (error, confirmation); these rules are what only the logout has and its first
 * paint needs: the Logout button's waiting colour, the note, the error box. The panel with its ring, the status chip
 * and the confirmation are styled in their lazy module (logout-countdown.view.ts).
 */
export const styles: CSSResultGroup = [
  tokens,
  host,
  a11y,
  controls,
  messages,
  css`
    :host {
      --_bg: var(--ck-logout-countdown-background, var(--_ck-color-surface));
      --_border: var(--ck-logout-countdown-border-color, var(--_ck-color-border));
      --_accent: var(--ck-logout-countdown-accent, var(--_ck-color-warning));
      --_success: var(--ck-logout-countdown-success, var(--_ck-color-success));
      --_danger: var(--ck-logout-countdown-danger, var(--_ck-color-danger));
      --_radius: var(--ck-logout-countdown-radius, var(--_ck-radius));
      --_ring: var(--ck-logout-countdown-ring-size, 4.5rem);
    }

    p {
      margin: 0;
    }

    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_ck-space-2);
    }

    button {
      border-radius: var(--_radius);
    }

    .logout {
      font-weight: 600;
      border-color: var(--_accent);
      color: var(--_accent);
    }

    .logout--busy {
      cursor: progress;
    }

    .note {
      color: var(--_ck-color-muted);
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_ck-space-2);
    }

    .error-box {
      max-inline-size: 34rem;
      color: var(--_danger);
    }

    .message .actions {
      color: var(--_ck-color-text);
    }
  `,
];
