/**
 * The scheduler's week, a chunk of its own (issue 17): `<timeslot-grid>`, and the calling-rules code the scheduler
 * needs only when its policy has `callingRules` (issue 19: the check of a time against the rules, and the rule's words
 * in a refusal). One chunk rather than two: the grid shows the rules' reasons already (`callingRuleText`), and an
 * app that has the grid eagerly (`callback-kit`) pays for one split instead of three. Loaded with the first
 * availability request, and by `weekChunk.load()` before the slots are shown and a submit is checked.
 */
import '../timeslot-grid/timeslot-grid.js';

export {slotCallingRuleViolation} from '../../core/calling-rules.js';
export {callingRuleText} from '../../internal/calling-rule-text.js';
