/**
 * Lazy chunks: code that no first paint needs (a grid's day layout, a list's row menus, the scheduler's save path...)
 * is a module of its own, downloaded on intent, when the page is idle, or when a surface needs it. An element waits
 * for one with `KitElement.loadChunk` (it renders when the module arrives, and `updateComplete` waits for it).
 *
 * The dynamic `import()` stays in the element's own file, with a literal path, so every bundler splits it.
 */
export class LazyChunk<M> {
  /** The module, once downloaded. */
  module?: M;
  /** The download in flight (or done); undefined after a failure, so the next `load()` tries again. */
  loading?: Promise<M>;

  /** The dynamic import itself (tests replace it to make the download slow or fail). */
  import: () => Promise<M>;

  constructor(load: () => Promise<M>) {
    this.import = load;
  }

  /** Downloads the module (once for the page; again after a failure). */
  load(): Promise<M> {
    return (this.loading ??= this.import().then(
      (module) => (this.module = module),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    ));
  }

  /** Starts the download ahead of need; a failure is said by whatever needs the module (it downloads again). */
  prefetch = (): void => {
    this.load().catch(() => undefined);
  };
}

/**
 * Runs `task` when the page is idle, within `timeout` milliseconds at the latest (where `requestIdleCallback` is
 * missing, e.g. Safari, after `fallback` milliseconds).
 */
export function whenIdle(task: () => void, timeout = 2000, fallback = 50): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), {timeout});
  else setTimeout(task, fallback);
}
