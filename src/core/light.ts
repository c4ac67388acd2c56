/**
 * The DOM-free core without the static phone tools: what `callback-kit/core` exports except `timeZonesForPhone`,
 * `regionsForPhone`, `parsePhone` and `formatPhone` (those pull the parser and its tables in; elements and the CDN
 * build reach them through `loadPhoneTools()`). Internal module: import `callback-kit/core`.
 * @packageDocumentation
 */
export * from './types.js';
export * from './backend.js';
export {Temporal, isNativeTemporal} from './temporal.js';
export * from './clock.js';
export * from './time.js';
export * from './calling-window.js';
export * from './calling-rules.js';
export {loadPhoneTools, type PhoneTools} from './phone-loader.js';
export {MemoryBackend, type MemoryBackendOptions} from './memory-backend.js';
export {
  HttpBackend,
  AuthError,
  UnsupportedOperationError,
  type HttpBackendOptions,
  type HttpConnectionState,
  type HttpEventTransport,
} from './http-backend.js';
