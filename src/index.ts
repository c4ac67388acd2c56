/**
 * callback-kit: registers every element and re-exports the public API.
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './context/index.js';
export {SessionErrorEvent} from './events/session-error.js';
export {SlotSelectEvent, type SlotSelectDetail} from './events/slot-select.js';
export {RangeChangeEvent, type RangeChangeDetail} from './events/range-change.js';
export {AgentSessionElement} from './components/agent-session/agent-session.js';
export {TimeslotGridElement} from './components/timeslot-grid/timeslot-grid.js';
export {defineElement} from './internal/define.js';
