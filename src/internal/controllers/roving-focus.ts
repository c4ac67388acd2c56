/**
 * A roving tab stop: a composite widget (list, grid, calendar) is ONE tab stop, held by its current item; keys move
 * it; focus follows once the target is rendered (after an update, or after a virtualizer brought it in).
 *
 * The element keeps its own idea of a position `P` (a row id, `{row, col}`, a date...) and tells the controller:
 * - `element(p)`: the element holding the tab stop at `p` when it is rendered (else null);
 * - `positionOf(node)`: the position of a focused node (or an ancestor of it), for clicks and focusin;
 * - `move(p, key, event)`: where a navigation key leads from `p` (undefined: not handled). Keys arrive as logical
 *   `NavigationKey`s: `previous`/`next` are ArrowLeft/ArrowRight mirrored in right-to-left text, so a grid written
 *   for left-to-right works in Arabic or Hebrew unchanged;
 * - `reveal(p)` (optional): bring an unrendered position into view (scroll a virtualizer to it).
 *
 * In templates: `tabindex=${roving.tabIndex(p)}`; on the container: `@keydown=${roving.handleKeydown}` and
 * `@focusin=${roving.handleFocusIn}`.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Logical navigation keys (`previous`/`next` follow the text direction). */
export type NavigationKey = 'up' | 'down' | 'previous' | 'next' | 'home' | 'end' | 'page-up' | 'page-down';

/** How focus is moved: `scroll` (the default) brings the target into view; `quiet` keeps the scroll position. */
export type FocusMode = 'scroll' | 'quiet';

export interface RovingFocusOptions<P> {
  /** The element holding the tab stop at a position, when rendered. */
  element(position: P): HTMLElement | null | undefined;
  /** The position of a node inside the widget (undefined: not an item). */
  positionOf(node: Element): P | undefined;
  /** Where a key leads from a position (undefined: the key is not handled, the event goes on). */
  move(from: P, key: NavigationKey, event: KeyboardEvent): P | undefined;
  /** Brings a position that is not rendered into view (e.g. scrolls the virtualizer to it). */
  reveal?(position: P): void;
  /** Whether two positions are the same (default `Object.is`). */
  equals?(a: P, b: P): boolean;
  /** Called after focus moved to a target (e.g. to keep it in view while a virtualizer settles). */
  focused?(target: HTMLElement, mode: FocusMode): void;
}

/** The logical key of a keyboard event, `previous`/`next` mirrored for right-to-left; undefined for other keys. */
export function navigationKey(event: KeyboardEvent, rtl: boolean): NavigationKey | undefined {
  switch (event.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return rtl ? 'next' : 'previous';
    case 'ArrowRight':
      return rtl ? 'previous' : 'next';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    case 'PageUp':
      return 'page-up';
    case 'PageDown':
      return 'page-down';
    default:
      return undefined;
  }
}

/** Whether an element is laid out right to left. */
export function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}

export class RovingFocus<P> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RovingFocusOptions<P>;
  #active?: P;
  #pending?: {position: P; mode: FocusMode};

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions<P>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The position holding the tab stop. */
  get active(): P | undefined {
    return this.#active;
  }

  /** Moves the tab stop without moving focus (re-renders). */
  set active(position: P | undefined) {
    if (this.#same(position, this.#active)) return;
    this.#active = position;
    this.#host.requestUpdate();
  }

  /** Whether focus is waiting for a target to render. */
  get pending(): boolean {
    return !!this.#pending;
  }

  /** `0` for the tab stop, `-1` for every other item. */
  tabIndex(position: P): 0 | -1 {
    return this.#active !== undefined && this.#same(position, this.#active) ? 0 : -1;
  }

  /**
   * Moves the tab stop to `position` and focus to it: now when it is rendered, else after the next update (or
   * `retry()`, e.g. when a virtualizer rendered more), asking `reveal` to bring it in.
   */
  focus(position: P, mode: FocusMode = 'scroll'): void {
    this.active = position;
    const target = this.#options.element(position);
    if (target) {
      this.#pending = undefined;
      this.#focusTarget(target, mode);
      return;
    }
    this.#pending = {position, mode};
    this.#options.reveal?.(position);
    this.#host.requestUpdate();
  }

  /** Focus goes to `position` after the next update (e.g. the item is re-rendered, or appears). */
  focusAfterUpdate(position: P, mode: FocusMode = 'quiet'): void {
    this.active = position;
    this.#pending = {position, mode};
    this.#host.requestUpdate();
  }

  /**
   * Focuses the pending target if it is rendered now. Does not pull focus back when the user went elsewhere in the
   * page meanwhile (focus outside the host).
   */
  retry(): void {
    const pending = this.#pending;
    if (!pending) return;
    const outside = document.activeElement;
    if (outside && outside !== document.body && outside !== this.#host) {
      this.#pending = undefined;
      return;
    }
    const target = this.#options.element(pending.position);
    if (!target) return;
    this.#pending = undefined;
    this.#focusTarget(target, pending.mode);
  }

  hostUpdated(): void {
    this.retry();
  }

  /** Keydown on the widget: moves the tab stop and focus where `move` says. */
  handleKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.defaultPrevented) return;
    const key = navigationKey(event, isRtl(this.#host));
    if (!key) return;
    const from = this.#options.positionOf(event.target as Element) ?? this.#active;
    if (from === undefined) return;
    const to = this.#options.move(from, key, event);
    if (to === undefined) return;
    event.preventDefault();
    if (this.#same(to, from) && this.#options.element(to) === event.target) return;
    this.focus(to);
  };

  /** Focusin on the widget: the focused item takes the tab stop (a click, or the host's own focus call). */
  handleFocusIn = (event: FocusEvent): void => {
    const position = this.#options.positionOf(event.target as Element);
    if (position !== undefined) this.active = position;
  };

  #focusTarget(target: HTMLElement, mode: FocusMode): void {
    target.focus({preventScroll: mode === 'quiet'});
    this.#options.focused?.(target, mode);
  }

  #same(a: P | undefined, b: P | undefined): boolean {
    if (a === undefined || b === undefined) return a === b;
    return this.#options.equals ? this.#options.equals(a, b) : Object.is(a, b);
  }
}
