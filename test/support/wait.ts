/**
 * `waitUntil` of @open-wc/testing with a default bound for a busy machine: 10 s instead of 1 s. The bound only
 * limits a hang (a condition that is met returns at once), so a generous one costs nothing when all is well, and a
 * loaded machine (CONTRIBUTING.md, "Running the tests under load") does not turn a slow render into a failure.
 *
 *   import {waitFor} from '../support/wait.js';
 *   await waitFor(() => rows(el).length === 2, 'the two rows');
 */
import {waitUntil} from '@open-wc/testing';

/** The bound of `waitFor` when the call gives none. */
export const BUSY_MACHINE_TIMEOUT_MS = 10_000;

export function waitFor(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: {interval?: number; timeout?: number} = {},
): Promise<void> {
  return waitUntil(predicate, message, {timeout: BUSY_MACHINE_TIMEOUT_MS, ...options});
}
