/**
 * callback-kit/http-backend: `HttpBackend`, the `SchedulingBackend` that talks to a server implementing
 * api/openapi.yaml (REST, with server-sent events or polling), and its errors.
 * @packageDocumentation
 */
export {
  HttpBackend,
  AuthError,
  UnsupportedOperationError,
  type HttpBackendOptions,
  type HttpConnectionState,
  type HttpEventTransport,
} from './core/http-backend.js';
