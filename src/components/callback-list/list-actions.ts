/**
 * The lazy part of `<callback-list>`: what only an agent's action shows. The rows' action menus (the WAI-ARIA menu
 * button's keyboard and placement) and the cancel and reschedule dialogs, with their styles. The element downloads
 * this chunk when idle after its first render, or at once on intent (pointer over it, focus or a key in it), so a
 * menu or dialog opens without a wait; an action taken before it is there runs when it arrives, and a failed
 * download is said in an alert and a `callback-list-error` event.
 */
import {adoptStyles, css, supportsAdoptingStyleSheets} from 'lit';

export {ListDialogs} from './list-dialogs.js';
export {RowMenu} from './row-menu.js';

/** The menus' and dialogs' styles (the rest of the list's are the element's own). */
const styles = css`
  /* The row's action menu: in the top layer (never clipped by the list), placed next to its button. */
  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    min-inline-size: 10rem;
    padding: var(--_space-1);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_ck-shadow);
  }

  .menu__item {
    display: flex;
    inline-size: 100%;
    justify-content: start;
    border-color: transparent;
    background: transparent;
    min-block-size: var(--_ck-control-height-sm);
    padding-inline: var(--_space-3);
    font-weight: 400;
  }

  .menu__item:is(:hover, :focus) {
    background: var(--_subtle);
  }

  .menu__item--danger {
    color: var(--_danger);
  }

  .dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    padding: var(--_space-3) calc(var(--_space-3) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .dialog.reschedule {
    max-inline-size: min(60rem, calc(100vw - 2rem));
    inline-size: 100%;
  }

  .dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  .dialog__title {
    margin: 0 0 var(--_space-2);
    font-size: 1.1em;
  }

  .dialog__head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space-3);
  }

  .dialog__actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    gap: var(--_space-2);
    margin-block-start: var(--_space-3);
  }

  @media (forced-colors: active) {
    .menu {
      border-color: CanvasText;
    }
  }
`;

/** Adds the menus' and dialogs' styles to the element's shadow root (after its own). */
export function adoptActionStyles(root: ShadowRoot): void {
  if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  else adoptStyles(root, [styles]);
}
