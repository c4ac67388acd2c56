/**
 * callback-kit/core: the DOM-free domain. Runs in Node 20 and browsers; no lit, no DOM, no static phone data, no
 * backend. Types, errors, the backend interface (`SchedulingBackend`), `Temporal`, clocks, time and slots, the
 * calling window, the calling-rule types, and `loadPhoneTools()` (a dynamic import of `callback-kit/phone`).
 *
 * The rest costs only where it is imported: `callback-kit/phone` (parser and tables), `callback-kit/memory-backend`,
 * `callback-kit/http-backend` and `callback-kit/rules` (evaluating calling rules).
 * @packageDocumentation
 */
export * from './light.js';
