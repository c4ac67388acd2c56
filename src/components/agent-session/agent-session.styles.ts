import {css, type CSSResultGroup} from 'lit';
import {banner} from '../../internal/styles/banner.js';
import {sessionTokens} from '../../internal/tokens.js';

/**
 * The session wraps the host's own markup, so it does not compose the shared `host` module (its font and colour
 * would be inherited by the host's content): only the message banner for its error, in the kit's font, and only the
 * tokens those read (`sessionTokens`).
 */
export const styles: CSSResultGroup = [
  sessionTokens,
  banner,
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
      margin-block-end: var(--_ck-space-3);
      font: var(--_ck-font);
    }
  `,
];
