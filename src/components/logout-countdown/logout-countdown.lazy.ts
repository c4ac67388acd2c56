/**
 * The door to the lazy surfaces of `<logout-countdown>` (logout-countdown.view.ts): one download for every instance,
 * retried after a failure. Not public API; an object so tests can make the download slow or fail.
 * @internal
 */
export type LogoutViewModule = typeof import('./logout-countdown.view.js');

/** @internal */
export const lazyView: {
  /** The module, once loaded. */
  module?: LogoutViewModule;
  /** The download in flight (or done); undefined after a failure, so the next call tries again. */
  loading?: Promise<LogoutViewModule>;
  /** The dynamic import itself. */
  import: () => Promise<LogoutViewModule>;
} = {
  import: () => import('./logout-countdown.view.js'),
};

/** Loads (once) the lazy surfaces. */
export function loadView(): Promise<LogoutViewModule> {
  return (lazyView.loading ??= lazyView.import().then(
    (module) => (lazyView.module = module),
    (error: unknown) => {
      lazyView.loading = undefined;
      throw error;
    },
  ));
}
