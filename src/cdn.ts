/**
 * callback-kit/cdn/callback-kit.js: the no-bundler build's entry. Registers every element and exports exactly what
 * `callback-kit` does (elements, events, contexts, the light core with `loadPhoneTools()`), with every dependency
 * bundled. The phone tools and the backends are its siblings `cdn/phone.js`, `cdn/memory-backend.js` and
 * `cdn/http-backend.js`, built with it so they share its chunks. The build (rollup.config.mjs) checks the exports.
 * @packageDocumentation
 */
export * from './api.js';
