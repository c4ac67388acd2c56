/**
 * callback-kit: registers every element and re-exports the elements, events, contexts and the DOM-free core
 * (`callback-kit/core`). No phone tools and no backend: import `callback-kit/phone`, `callback-kit/memory-backend`
 * or `callback-kit/http-backend` where they are needed (or `await loadPhoneTools()`).
 * @packageDocumentation
 */
export * from './api.js';
