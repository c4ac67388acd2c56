/**
 * The calling-rules code the scheduler needs only when its policy has `callingRules` (issue 19): the check of a time
 * against the rules, and the rule's words in a refusal. A chunk of its own (issue 17), loaded by
 * `loadCallingRules()` before the slots are shown and before a submit is checked.
 */
export {slotCallingRuleViolation} from '../../core/calling-rules.js';
export {callingRuleText} from '../../internal/calling-rule-text.js';
