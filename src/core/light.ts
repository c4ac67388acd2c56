/**
 * The DOM-free core: what `callback-kit/core` exports, and what `callback-kit` re-exports beside the elements. No
 * static phone data and no backend: the phone tools are `callback-kit/phone` (or `await loadPhoneTools()`), the
 * backends `callback-kit/memory-backend` and `callback-kit/http-backend`, the calling-rule functions
 * `callback-kit/rules` (their types are here). Internal module: import
 * `callback-kit/core`.
 * @packageDocumentation
 */
export * from './types.js';
export * from './backend.js';
export {Temporal, isNativeTemporal} from './temporal.js';
export * from './clock.js';
export * from './time.js';
export * from './calling-window.js';
// The calling-rule types only: evaluating rules (callingRuleViolation, validateCallingRules...) costs 1.8 kB gzip,
// so those functions are `callback-kit/rules` (and `callback-kit`), keeping `callback-kit/core` within its 3 kB.
export type {
  CallingHoliday,
  CallingRule,
  CallingRuleTarget,
  EasterHoliday,
  FixedDateHoliday,
  HolidayObservance,
  NthWeekdayHoliday,
} from './calling-rules.js';
export {loadPhoneTools, type PhoneTools} from './phone-loader.js';
