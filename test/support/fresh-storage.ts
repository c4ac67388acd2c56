/**
 * Imported by every test file that mounts a <callback-scheduler>: before each test, forgets the attempts a scheduler
 * keeps across reloads (`callback-kit:pending:*` in localStorage). Test pages share one origin, so an unsettled
 * attempt left by one test would otherwise show up, as designed, in the next test's scheduler for the same agent
 * and customer.
 */
export function forgetPendingAttempts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('callback-kit:')) localStorage.removeItem(key);
}

beforeEach(forgetPendingAttempts);
