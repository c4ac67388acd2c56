/**
 * A list that virtualizes only when it is big. Agents usually have a few dozen rows: up to `VIRTUALIZE_ABOVE`
 * entries the list renders every entry itself (lit's `repeat`) and no virtualizer code is ever downloaded. Above
 * it, `@lit-labs/virtualizer` is imported on first use (one lazy chunk, shared by every list of the page): the
 * first `FIRST_WINDOW` entries are rendered plainly while it loads, then the host updates and the entries are
 * virtualized. When the import fails the list stays plain, with every entry (correct, only slower).
 *
 * The host renders `render()`'s result as the only content of its container element (`options.container`): the
 * virtualizer's host element when virtualized. Its styles must match what the virtualizer sets on it inline
 * (`position: relative`, and in scroller mode `overflow: auto`, `min-height: 150px`, size containment), so the
 * list does not move when it switches.
 *
 * A container, once virtualized, stays virtualized while it is in the DOM, even when the list shrinks: the
 * virtualizer keeps listeners and state on its host element, so another rendering cannot take its place there
 * (and a list hovering around the threshold does not rebuild its rows at every change). A new container (the
 * element rendered something else in between) starts plain again. When a container switches to virtualized,
 * the first visible entry stays in view (or the focused entry comes back into view) and `beforeSwitch` lets the
 * host note the focus to put back once the virtualizer has rendered the entries again.
 *
 * Each entry must render as exactly one element (the virtualizer positions them; here they map to indexes).
 */
import type {flow} from '@lit-labs/virtualizer/layouts/flow.js';
import type {virtualize, virtualizerRef, VirtualizerHostElement} from '@lit-labs/virtualizer/virtualize.js';
import {nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type * as VirtualScroll from './virtual-scroll.js';
import type {ScrollTarget} from './virtual-scroll.js';

/**
 * Lists of more entries than this are virtualized; up to this many, every entry is rendered and nothing loads.
 * Measured (bench/page.js, first render until the rows show, virtualizer present): the virtualized render costs
 * about the same at any size (~12 ms <callback-list>, ~31 ms <campaign-list>, the rows in view only), a plain one
 * grows with the rows (~0.43 ms a callback row, ~0.35 ms a campaign row). 50 keeps the usual few dozen rows free
 * of the virtualizer and bounds what a plain list costs more than a virtualized one (<callback-list> at 50 rows:
 * ~22 ms against ~12 ms; at 100 it would be ~43 ms, and every update re-renders every row).
 */
export const VIRTUALIZE_ABOVE = 50;

/** Entries rendered plainly while the virtualizer loads: more than any viewport shows. */
export const FIRST_WINDOW = 30;

/** Entry indexes, both included (`last < first` when nothing is rendered). */
export interface IndexRange {
  first: number;
  last: number;
}

interface Virtualizer {
  virtualize: typeof virtualize;
  ref: typeof virtualizerRef;
  layout: ReturnType<typeof flow>;
  /** Where a virtualized list scrolls (virtual-scroll.ts, downloaded with the virtualizer). */
  scroll: typeof VirtualScroll;
}

let loaded: Virtualizer | undefined;
let loading: Promise<Virtualizer> | undefined;

/**
 * Loads the virtualizer (once; after a failed download a later list may try again). Lists call it themselves
 * when they grow past the threshold; a page may call it ahead of time, to have the code there before its first
 * big list.
 */
export function loadVirtualizer(): Promise<void> {
  // One import() expression per module, so that every bundler makes them (lazy) chunks of their own.
  loading ??= Promise.all([
    import('@lit-labs/virtualizer/virtualize.js'),
    import('@lit-labs/virtualizer/layouts/flow.js'),
    import('./virtual-scroll.js'),
  ]).then(
    ([module, layouts, scroll]) =>
      (loaded = {
        virtualize: module.virtualize,
        ref: module.virtualizerRef,
        // Given up front: the virtualizer's default layout is one more dynamic import (a blank list until it arrives).
        layout: layouts.flow(),
        scroll,
      }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading.then(() => undefined);
}

export interface VirtualListOptions {
  /** The element the entries are rendered into (the virtualizer's host element), once rendered. */
  container: () => HTMLElement | null | undefined;
  /** The container is the scroller itself (the virtualizer's scroller mode); else it sits inside one. */
  scroller?: boolean;
  /**
   * The virtualizer announced another range of rendered entries (virtualized only). Called before it renders
   * them: the entries of the previous range are still in the DOM.
   */
  rangeChanged?: (range: IndexRange) => void;
  /**
   * The container switches to virtualized rendering (called during render, the plain entries still in the DOM):
   * a host with focus in an entry notes what to focus again once the virtualizer has rendered it.
   */
  beforeSwitch?: () => void;
}

export interface VirtualListConfig<T> {
  items: T[];
  keyFunction: (item: T, index: number) => unknown;
  renderItem: (item: T, index: number) => TemplateResult;
}

type Host = ReactiveControllerHost & HTMLElement & {readonly renderRoot: HTMLElement | DocumentFragment};

/** A host's list: `render()` from the host's render, inside the container. */
export class VirtualList<T> implements ReactiveController {
  readonly #host: Host;
  readonly #options: VirtualListOptions;
  #config?: VirtualListConfig<T>;
  #virtualized = false;
  /** `render()` was called in the current update (else the container is gone: the next one starts plain). */
  #rendering = false;
  /** Entries rendered plainly (all of them, or the first window while the virtualizer loads). */
  #shown = 0;
  /** The virtualizer's ranges, from its events. */
  #range: IndexRange = {first: 0, last: -1};
  #visible?: IndexRange;
  /** The virtualizer has laid out (announced a range) since the container switched. */
  #running = false;
  #pending?: ScrollTarget;
  /** This list's download failed: every entry is rendered plainly until the list is connected again. */
  #failed = false;
  #waiting = false;
  /** The container was emptied for the virtualizer, which the next update renders. */
  #clearing = false;

  constructor(host: Host, options: VirtualListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#failed = false; // back in a page: a big list may try the download again
    // Capture: the virtualizer's events do not bubble, and this runs before the virtualizer re-renders.
    this.#host.renderRoot.addEventListener('rangeChanged', this.#onRange, true);
    this.#host.renderRoot.addEventListener('visibilityChanged', this.#onVisibility, true);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('rangeChanged', this.#onRange, true);
    this.#host.renderRoot.removeEventListener('visibilityChanged', this.#onVisibility, true);
  }

  hostUpdate(): void {
    this.#rendering = false;
  }

  /** Whether the entries are virtualized (else every entry, or the first window while loading, is in the DOM). */
  get virtualized(): boolean {
    return this.#virtualized;
  }

  /** The entries in the DOM: all of them (or the first window) in plain mode, else the virtualizer's range. */
  get range(): IndexRange {
    return this.#virtualized ? this.#range : {first: 0, last: this.#shown - 1};
  }

  /** The entries inside the scroller's viewport: the virtualizer's when virtualized, else measured. */
  visibleRange(): IndexRange | undefined {
    if (this.#virtualized) return this.#visible;
    const scroller = this.#scroller();
    const children = this.#options.container()?.children;
    if (!scroller || !children) return undefined;
    const view = scroller.getBoundingClientRect();
    let first = -1;
    let last = -1;
    for (let i = 0; i < children.length; i++) {
      const box = children[i].getBoundingClientRect();
      if (box.bottom <= view.top) continue;
      if (box.top >= view.bottom) break;
      if (first < 0) first = i;
      last = i;
    }
    return first < 0 ? undefined : {first, last};
  }

  /**
   * Brings entry `index` into view (to the nearest edge). Virtualized: through the virtualizer, which renders it
   * first. In plain mode every entry is in the DOM (focusing it scrolls it in), except while the virtualizer
   * loads: the scroll then waits for it.
   */
  scrollToIndex(index: number): void {
    if (index < 0) return;
    if (this.#virtualized && this.#running) this.#scrollVirtualized({index});
    else if (this.#virtualized || index >= this.#shown) this.#pending = {index};
  }

  /** The entries of `config.items`, plain or virtualized: the only content of the container. */
  render(config: VirtualListConfig<T>): unknown {
    const {items, keyFunction, renderItem} = config;
    this.#rendering = true;
    const big = items.length > VIRTUALIZE_ABOVE;
    if (big && !loaded && !this.#failed) this.#load();
    const virtualizer = loaded && (big || this.#virtualized) ? loaded : undefined;
    if (virtualizer && !this.#virtualized) {
      const container = this.#options.container();
      const scroller = this.#scroller();
      const anchor =
        this.#config && container && scroller
          ? virtualizer.scroll.anchor(this.#config, config, container, scroller)
          : undefined;
      this.#virtualized = true;
      this.#running = false;
      this.#range = {first: 0, last: -1};
      this.#visible = undefined;
      this.#pending ??= anchor; // a scroll the host asked for while the virtualizer loaded wins
      this.#shown = 0;
      if (this.#config) {
        // The plain entries leave the DOM now, the virtualizer comes with the next update: its first update keeps
        // what the container holds until it has laid out, and a host would put focus back on those meanwhile.
        this.#options.beforeSwitch?.();
        this.#config = config;
        this.#clearing = true;
        return nothing;
      }
    }
    this.#config = config;
    if (virtualizer) {
      return virtualizer.virtualize({
        items,
        keyFunction,
        renderItem,
        layout: virtualizer.layout,
        scroller: this.#options.scroller,
      });
    }
    const shown = big && !this.#failed ? items.slice(0, FIRST_WINDOW) : items;
    this.#shown = shown.length;
    if (shown === items) this.#pending = undefined; // every entry is there
    return repeat(shown, keyFunction, renderItem);
  }

  hostUpdated(): void {
    // The list was not rendered this time: its container is gone, a new one starts plain.
    if (!this.#rendering && this.#config) this.#reset();
    if (this.#clearing) {
      this.#clearing = false;
      queueMicrotask(() => this.#host.requestUpdate()); // after this update: the virtualizer's turn
    }
  }

  #reset(): void {
    this.#config = undefined;
    this.#virtualized = false;
    this.#running = false;
    this.#range = {first: 0, last: -1};
    this.#visible = undefined;
    this.#pending = undefined;
    this.#shown = 0;
    this.#clearing = false;
  }

  #load(): void {
    if (this.#waiting) return;
    this.#waiting = true;
    loadVirtualizer().then(
      () => {
        this.#waiting = false;
        this.#host.requestUpdate();
      },
      () => {
        this.#waiting = false;
        this.#failed = true; // every entry, plainly
        this.#host.requestUpdate();
      },
    );
  }

  #scrollVirtualized(target: ScrollTarget): void {
    const container = this.#options.container() as VirtualizerHostElement | null | undefined;
    const virtualizer = loaded;
    if (!virtualizer || !container) return;
    virtualizer.scroll.scrollToTarget(
      target,
      container,
      this.#config?.items.length ?? 0,
      this.#options.scroller ? (index) => container[virtualizer.ref]?.element(index) : undefined,
      this.#scroller(),
    );
  }

  /** The element that scrolls the entries: the container in scroller mode, else its nearest scrolling ancestor. */
  #scroller(): HTMLElement | undefined {
    const container = this.#options.container();
    if (!container?.isConnected) return undefined;
    if (this.#options.scroller) return container;
    for (let node = container.parentElement; node; node = node.parentElement) {
      if (getComputedStyle(node).overflowY !== 'visible') return node;
    }
    return undefined;
  }

  #onRange = (event: Event): void => {
    if (!this.#virtualized || event.target !== this.#options.container()) return;
    const {first, last} = event as Event & IndexRange;
    this.#range = {first, last};
    const started = !this.#running;
    this.#running = true;
    this.#options.rangeChanged?.(this.#range);
    const target = this.#pending;
    if (started && target) {
      this.#pending = undefined;
      // Once the virtualizer has rendered and sized what it announces (right after its listeners).
      queueMicrotask(() => this.#scrollVirtualized(target));
    }
  };

  #onVisibility = (event: Event): void => {
    if (!this.#virtualized || event.target !== this.#options.container()) return;
    const {first, last} = event as Event & IndexRange;
    this.#visible = {first, last};
  };
}
