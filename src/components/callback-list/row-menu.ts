/**
 * The WAI-ARIA menu button pattern for the list's per-row action menus: one menu open at a time, shown in the top
 * layer (a `popover="manual"` element, so the scrolling list never clips it) next to its button.
 *
 * Keyboard: on the button, Enter, Space or a click opens the menu on its first item, ArrowDown too, ArrowUp on its
 * last; in the menu, ArrowDown/ArrowUp move (wrapping), Home/End go to the ends, Escape closes it and focus goes
 * back to the button, Tab closes it (focus moves on from the button). Focus leaving the menu, a click elsewhere or
 * the list scrolling closes it too.
 *
 * A chunk of its own, with the menus' styles: `<callback-list>` downloads it when idle after its first render, or at
 * once on intent (pointer over the list, focus or a key in it); a menu asked for before it is there opens when it
 * arrives, with the same focus.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** The menus' styles, added to the list's own when this arrives (CSS text: this chunk imports no code). */
export const menuStyles = `
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

  @media (forced-colors: active) {
    .menu {
      border-color: CanvasText;
    }
  }
`;

export interface RowMenuOptions {
  /** The menu button of a row, when rendered. */
  button(id: string): HTMLElement | null | undefined;
  /** The menu (`role="menu"`, `popover`) of a row, when rendered. */
  menu(id: string): HTMLElement | null | undefined;
}

const items = (menu: HTMLElement) => [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];

function isOpen(menu: HTMLElement): boolean {
  try {
    return menu.matches(':popover-open');
  } catch {
    return false;
  }
}

export class RowMenu implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RowMenuOptions;
  #openId?: string;
  #focus?: 'first' | 'last';

  constructor(host: ReactiveControllerHost & HTMLElement, options: RowMenuOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The row whose menu is open. */
  get openId(): string | undefined {
    return this.#openId;
  }

  /** Opens a row's menu and focuses its first (or last) item once rendered. */
  open(id: string, focus: 'first' | 'last' = 'first'): void {
    if (this.#openId && this.#openId !== id) this.close(false);
    this.#openId = id;
    this.#focus = focus;
    this.#host.requestUpdate();
  }

  /** Closes the open menu; with `returnFocus`, focus goes back to its button. */
  close(returnFocus: boolean): void {
    const id = this.#openId;
    if (id === undefined) return;
    this.#openId = this.#focus = undefined;
    const menu = this.#options.menu(id);
    if (menu && isOpen(menu)) menu.hidePopover();
    if (returnFocus) this.#options.button(id)?.focus();
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const id = this.#openId;
    if (id === undefined) return;
    const menu = this.#options.menu(id);
    const button = this.#options.button(id);
    if (!menu || !button) {
      this.#openId = this.#focus = undefined; // the row went away (filtered, canceled elsewhere)
      return;
    }
    if (!isOpen(menu)) {
      menu.showPopover();
      this.#place(menu, button);
    }
    const focus = this.#focus;
    this.#focus = undefined;
    if (focus) {
      const all = items(menu);
      (focus === 'first' ? all[0] : all[all.length - 1])?.focus();
    }
  }

  handleButtonClick(id: string): void {
    if (this.#openId === id) this.close(true);
    else this.open(id, 'first');
  }

  handleButtonKeydown(id: string, event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.open(id, event.key === 'ArrowDown' ? 'first' : 'last');
  }

  handleMenuKeydown(event: KeyboardEvent): void {
    const menu = event.currentTarget as HTMLElement;
    const all = items(menu);
    const at = all.indexOf(event.target as HTMLElement);
    let next: number;
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        event.stopPropagation(); // a host dialog around the list stays open
        this.close(true);
        return;
      case 'Tab':
        this.close(true); // the Tab goes on from the button
        return;
      case 'ArrowDown':
        next = (at + 1) % all.length;
        break;
      case 'ArrowUp':
        next = (at - 1 + all.length) % all.length;
        break;
      case 'Home':
      case 'PageUp':
        next = 0;
        break;
      case 'End':
      case 'PageDown':
        next = all.length - 1;
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        event.preventDefault(); // not the list's
        return;
      default:
        return;
    }
    event.preventDefault();
    all[next]?.focus();
  }

  handleFocusOut(id: string, event: FocusEvent): void {
    if (this.#openId !== id) return;
    const to = event.relatedTarget as Node | null;
    const menu = this.#options.menu(id);
    if (to && (menu?.contains(to) || this.#options.button(id)?.contains(to))) return;
    this.close(false);
  }

  /** The list scrolled: a menu left floating would point at nothing. Focus in it goes back to its button. */
  handleScroll(): void {
    const id = this.#openId;
    if (id === undefined) return;
    const menu = this.#options.menu(id);
    const focused = !!menu && menu.contains((this.#host.shadowRoot ?? document).activeElement);
    this.close(focused);
  }

  /** Below the button, aligned with its inline end; above it when there is no room below. */
  #place(menu: HTMLElement, button: HTMLElement): void {
    const anchor = button.getBoundingClientRect();
    const box = menu.getBoundingClientRect();
    const margin = 8;
    const rtl = getComputedStyle(button).direction === 'rtl';
    let left = rtl ? anchor.left : anchor.right - box.width;
    left = Math.max(margin, Math.min(left, window.innerWidth - box.width - margin));
    let top = anchor.bottom + 4;
    if (top + box.height > window.innerHeight - margin) top = Math.max(margin, anchor.top - box.height - 4);
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
  }
}
