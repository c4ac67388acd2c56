/**
 * @deprecated Moved: the errors to `core/errors.ts`, the responder to `events/responder.ts`, the protocol to
 * `internal/controllers/host-request.ts`. This file only re-exports them while the elements move over.
 */
export {HostTimeoutError, NoHandlerError} from '../core/errors.js';
export {createResponder, type Responder} from '../events/responder.js';
export {withTimeout} from './controllers/host-request.js';
