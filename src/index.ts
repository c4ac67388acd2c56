/**
 * callback-kit: registers every element and re-exports the public API.
 * @packageDocumentation
 */
export * from './api.js';
export {timeZonesForPhone, regionsForPhone, parsePhone, formatPhone, type ParsedPhone} from './core/phone.js';
