/**
 * callback-kit/core: the DOM-free domain. Runs in Node 20 and browsers; no lit, no DOM.
 * @packageDocumentation
 */
export * from './light.js';
// Hosts and Node import the phone tools from here (issue 2). Elements never import this index: they reach the
// phone tools through `loadPhoneTools()`, so an element page downloads the parser and table only when needed.
// The size budget of `callback-kit/core` is measured without the phone chunk (issue 9: "core without phone data").
export {timeZonesForPhone, regionsForPhone, parsePhone, formatPhone, type ParsedPhone} from './phone.js';
