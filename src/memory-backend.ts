/**
 * callback-kit/memory-backend: `MemoryBackend`, the embedded `SchedulingBackend` (demos, tests, stories). Its demo
 * data (agents, contacts, campaigns, callbacks) is a separate chunk, loaded only by a backend that uses it.
 * @packageDocumentation
 */
export {MemoryBackend, type MemoryBackendOptions, type MemoryBackendOperation} from './core/memory-backend.js';
