/**
 * Where a list scrolls once virtualized (`virtual-list.ts`): only a virtualized list needs it, so it comes in the
 * virtualizer's download (its own chunk, importing nothing), not with the lists' eager code.
 */
import type {VirtualListConfig} from './virtual-list.js';

/** Where to scroll once the virtualizer has laid out: an entry, to the nearest edge or `offset` px from the top. */
export interface ScrollTarget {
  index: number;
  offset?: number;
}

/**
 * Before the plain entries are replaced (still in the `container`), where the virtualizer should scroll to: the
 * focused entry when it is out of view (the host focuses it again), else the first entry in view, at the same offset
 * from the scroller's top. As an index into the next items (found by key).
 */
export function anchor<T>(
  previous: VirtualListConfig<T>,
  next: VirtualListConfig<T>,
  container: HTMLElement,
  scroller: HTMLElement,
): ScrollTarget | undefined {
  const children = [...container.children];
  const nextIndex = (child: Element): number => {
    const index = children.indexOf(child);
    const item = previous.items[index];
    if (item === undefined) return -1;
    const key = previous.keyFunction(item, index);
    return next.items.findIndex((entry, n) => next.keyFunction(entry, n) === key);
  };
  const view = scroller.getBoundingClientRect();
  const outOfView = (box: DOMRect) => box.bottom <= view.top || box.top >= view.bottom;
  let focused = (container.getRootNode() as Document | ShadowRoot).activeElement;
  while (focused && focused.parentElement !== container) focused = focused.parentElement;
  if (focused && outOfView(focused.getBoundingClientRect())) {
    const index = nextIndex(focused);
    if (index >= 0) return {index};
  }
  if (scroller.scrollTop <= 0) return undefined;
  const first = children.find((child) => !outOfView(child.getBoundingClientRect()));
  const index = first ? nextIndex(first) : -1;
  return index < 0 ? undefined : {index, offset: first!.getBoundingClientRect().top - view.top};
}

/**
 * Scrolls a virtualized list of `count` entries to `target`: as the scroller (`element`: the virtualizer's element
 * of an index, when rendered) through the entry itself; inside a `scroller`, from the average entry size (the
 * virtualizer pins entries reliably only as the scroller).
 */
export function scrollToTarget(
  {index, offset}: ScrollTarget,
  container: HTMLElement,
  count: number,
  element: ((index: number) => {scrollIntoView(options?: ScrollIntoViewOptions): void} | undefined) | undefined,
  scroller: HTMLElement | undefined,
): void {
  if (index >= count) return;
  if (element) {
    element(index)?.scrollIntoView({block: offset === undefined ? 'nearest' : 'start'});
    return;
  }
  if (!scroller) return;
  const perEntry = container.offsetHeight / count;
  const top = container.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  scroller.scrollTop = top + index * perEntry - (offset ?? (scroller.clientHeight - perEntry) / 2);
}
