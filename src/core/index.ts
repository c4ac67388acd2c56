/**
 * callback-kit/core: the DOM-free domain. Runs in Node 20 and browsers; no lit, no DOM.
 * @packageDocumentation
 */
export * from './types.js';
export * from './backend.js';
export {Temporal, isNativeTemporal} from './temporal.js';
export * from './clock.js';
export * from './time.js';
export * from './calling-window.js';
export {timeZonesForPhone, parsePhone, formatPhone, type ParsedPhone} from './phone.js';
export {loadPhoneTools, type PhoneTools} from './phone-loader.js';
export {MemoryBackend, type MemoryBackendOptions} from './memory-backend.js';
