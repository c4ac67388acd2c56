import {css, type CSSResultGroup} from 'lit';
import {tokens} from '../../internal/tokens.js';

export const styles: CSSResultGroup = [
  tokens,
  css`
    :host {
      display: block;
    }

    :host([hidden]) {
      display: none;
    }

    /*
     * theme="light" / theme="dark" force the colour scheme of everything inside: --ck-color-scheme inherits into
     * the light DOM and into every element's shadow root, whose :host reads it. A forced theme may differ from the
     * page's, so the session then paints its own surface and text colour (the elements mostly have none). With
     * theme="auto" (the default) the session and the elements follow the page (or a --ck-color-scheme set above).
     */
    :host([theme='light']) {
      --ck-color-scheme: light;
    }

    :host([theme='dark']) {
      --ck-color-scheme: dark;
    }

    :host([theme='light']),
    :host([theme='dark']) {
      background: var(--ck-agent-session-background, var(--_ck-color-surface));
      color: var(--ck-agent-session-color, var(--_ck-color-text));
    }

    .error {
      margin-block-end: var(--_ck-space-2);
      padding: var(--_ck-space-2) var(--_ck-space-3);
      border: 1px solid var(--_ck-color-danger);
      border-radius: var(--_ck-radius);
      color: var(--_ck-color-danger);
      background: var(--_ck-color-danger-surface);
      font: var(--_ck-font);
    }

    @media (forced-colors: active) {
      .error {
        border-color: CanvasText;
      }
    }
  `,
];
