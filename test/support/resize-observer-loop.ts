/**
 * Ignores the browser's "ResizeObserver loop completed with undelivered notifications" reports, which the
 * virtualized lists cause harmlessly while they measure rows (@lit-labs/virtualizer documents them as benign): the
 * report does not reach mocha (window.onerror) and so does not fail the test.
 *
 * Used instead of the virtualizer's `ignoreWindowResizeObserverLoopErrors({suppressErrorLogging: true})`, which
 * reads the first argument of every console.error as a string: @web/test-runner logs each uncaught error event with
 * `console.error(event.error)`, and `event.error` is null (Chromium) or undefined (Firefox) for these reports, so
 * its console.error wrapper threw a TypeError that failed the test instead. Firefox reports the loop far more often
 * than Chromium, which is where it showed. Here nothing wraps console.error: the runner's log line for a report
 * (an empty `null` or `undefined`) may still show in Chromium, where window.onerror and the runner's listener run
 * before any listener added later; in Firefox the capture listener below stops the report before both.
 */
import {isResizeObserverLoopErrorMessage} from '@lit-labs/virtualizer/support/resize-observer-errors.js';

const isLoopReport = (message: unknown) => typeof message === 'string' && isResizeObserverLoopErrorMessage(message);

/** Starts ignoring the reports; returns the function that stops. */
export function ignoreResizeObserverLoopErrors(): () => void {
  const onerror = window.onerror;
  const ours: OnErrorEventHandlerNonNull = function (this: unknown, event, ...rest) {
    if (isLoopReport(typeof event === 'string' ? event : (event as ErrorEvent).message)) return true;
    return onerror?.call(this as Window, event, ...rest);
  };
  window.onerror = ours;
  const listener = (event: ErrorEvent) => {
    if (!isLoopReport(event.message)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('error', listener, true);
  return () => {
    window.removeEventListener('error', listener, true);
    if (window.onerror === ours) window.onerror = onerror;
  };
}

/** Ignores the reports from each `before` hook to the next `after` hook (e.g. mocha's beforeEach/afterEach). */
export function setupIgnoreResizeObserverLoopErrors(before: (fn: () => void) => void, after: (fn: () => void) => void) {
  let stop: (() => void) | undefined;
  before(() => (stop = ignoreResizeObserverLoopErrors()));
  after(() => {
    stop?.();
    stop = undefined;
  });
}
