/**
 * callback-kit/phone: the phone tools, with the parser (libphonenumber-js) and the prefix-to-zone and region tables
 * (about 37 kB gzip). Import it where a page or a Node service needs them at once; elements and the light core reach
 * the same module through `await loadPhoneTools()` (callback-kit/core), which loads it on first use.
 * @packageDocumentation
 */
export {timeZonesForPhone, regionsForPhone, parsePhone, formatPhone, type ParsedPhone} from './core/phone.js';
