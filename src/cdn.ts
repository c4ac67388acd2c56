/**
 * callback-kit/cdn/callback-kit.js: the no-bundler build's entry. Registers every element and exports the same API as
 * `callback-kit`, with every dependency bundled, except the phone tools (`timeZonesForPhone`, `regionsForPhone`,
 * `parsePhone`, `formatPhone`): a page gets them from `await loadPhoneTools()`, so the parser and its zone table stay a
 * lazy chunk. Both entries export `src/api.ts`; the build (rollup.config.mjs) still checks that they agree.
 * @packageDocumentation
 */
export * from './api.js';
