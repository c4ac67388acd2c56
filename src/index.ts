/**
 * callback-kit: registers every element and re-exports the public API.
 * @packageDocumentation
 */
export * from './core/index.js';
export * from './context/index.js';
export {SessionErrorEvent} from './events/session-error.js';
export {AgentSessionElement} from './components/agent-session/agent-session.js';
export {defineElement} from './internal/define.js';
