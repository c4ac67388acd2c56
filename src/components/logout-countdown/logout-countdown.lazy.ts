/**
 * The door to the lazy surfaces of `<logout-countdown>` (logout-countdown.view.ts): one download for every instance,
 * retried after a failure. Not public API; exported so tests can make the download slow or fail (`lazyView.import`).
 * @internal
 */
import {LazyChunk} from '../../internal/lazy-chunk.js';

export type LogoutViewModule = typeof import('./logout-countdown.view.js');

/** @internal */
export const lazyView = new LazyChunk<LogoutViewModule>(() => import('./logout-countdown.view.js'));
