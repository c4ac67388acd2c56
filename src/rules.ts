/**
 * callback-kit/rules: evaluating calling rules by jurisdiction (`callingRuleViolation`, `slotCallingRuleViolation`,
 * `validateCallingRules`, `applicableCallingRules`, `holidayDates`...) and their types. The rule sets themselves are
 * `callback-kit/rules/us` and `callback-kit/rules/ca`; the elements and `MemoryBackend` apply the rules of
 * `policy.callingRules` by themselves. Also exported by `callback-kit`.
 * @packageDocumentation
 */
export * from './core/calling-rules.js';
