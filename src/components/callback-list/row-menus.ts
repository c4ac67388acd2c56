/**
 * `<callback-list>`'s row menus on demand. Their code (row-menu.ts) is a lazy chunk: it downloads on the agent's
 * intent (pointer, focus or a key in the list), when the page is idle after the first render, and at the latest when
 * a menu button is used (the menu opens once the code is there; `updateComplete` waits for it). A download failing
 * while the agent waits for a menu is said (an alert and `callback-list-error`, operation `load`); one ahead of time
 * is asked again by the agent's next action.
 */
import {adoptStyles, supportsAdoptingStyleSheets, unsafeCSS, type ReactiveControllerHost} from 'lit';
import type {CallbackKitError} from '../../core/errors.js';
import {toKitError} from '../../internal/errors.js';
import {LazyChunk, whenIdle} from '../../internal/lazy-chunk.js';
import type {RowHandlers} from './callback-list-templates.js';
import type {RowMenu, RowMenuOptions} from './row-menu.js';

type MenuModule = typeof import('./row-menu.js');
/** The row menus' chunk: one download per page, asked again after a failure. */
const menuChunk = new LazyChunk<MenuModule>(() => import('./row-menu.js'));

export interface RowMenusOptions extends RowMenuOptions {
  /** Downloads the chunk for the element (`KitElement.loadChunk`: it renders, and `updateComplete` waits). */
  load(chunk: LazyChunk<MenuModule>, failed: (error: unknown) => void): Promise<MenuModule | undefined>;
  /** The download failed while the agent waited for a menu. */
  failed(error: CallbackKitError): void;
}

export class RowMenus {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RowMenusOptions;
  /** The row menus, once their chunk is there. */
  menu?: RowMenu;
  /** The chunk could not be downloaded when the agent asked for a menu (the list says it in an alert). */
  error?: CallbackKitError;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RowMenusOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Downloads on the agent's intent (call on connect). */
  connect(): void {
    for (const type of ['pointerover', 'focusin', 'keydown'])
      this.#host.addEventListener(type, this.#prefetch, {once: true});
  }

  /** Downloads when the page is idle (call after the first render). */
  prefetchWhenIdle(): void {
    whenIdle(this.#prefetch, 2000, 200);
  }

  #prefetch = (): void => {
    menuChunk.load().then(
      (module) => this.#install(module),
      () => undefined, // asked again by the agent's next action
    );
  };

  #install(module: MenuModule): RowMenu {
    if (!this.menu) {
      const root = this.#host.shadowRoot!;
      const styles = unsafeCSS(module.menuStyles);
      if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
      else adoptStyles(root, [styles]);
      this.menu = new module.RowMenu(this.#host, this.#options);
      this.#host.requestUpdate();
    }
    return this.menu;
  }

  /** Runs `use` with the row menus, downloading their chunk first when it is not there yet. */
  #with(use: (menu: RowMenu) => void): void {
    if (this.menu) return use(this.menu);
    void this.#options
      .load(menuChunk, (error) => {
        this.error = toKitError(error);
        this.#options.failed(this.error);
      })
      .then((module) => {
        if (!module) return;
        this.error = undefined;
        const menu = this.#install(module);
        if (this.#host.isConnected) use(menu);
      });
  }

  /** The row templates' menu handlers. */
  readonly handlers: Pick<RowHandlers, 'menuButtonClick' | 'menuButtonKeydown' | 'menuKeydown' | 'menuFocusOut'> = {
    menuButtonClick: (id) => (this.menu ? this.menu.handleButtonClick(id) : this.#with((menu) => menu.open(id))),
    menuButtonKeydown: (id, e) => {
      if (this.menu) return this.menu.handleButtonKeydown(id, e);
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault(); // opens the menu once its code is there (not the list's arrow)
      this.#with((menu) => menu.open(id, e.key === 'ArrowDown' ? 'first' : 'last'));
    },
    menuKeydown: (_, e) => this.menu?.handleMenuKeydown(e),
    menuFocusOut: (id, e) => this.menu?.handleFocusOut(id, e),
  };
}
