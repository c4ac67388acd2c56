/**
 * The lazy door to the phone tools: elements call `loadPhoneTools()` so the parser and the prefix table are a
 * separate chunk, downloaded the first time a customer zone is derived or a new number typed.
 */
export type PhoneTools = typeof import('./phone.js');

let loading: Promise<PhoneTools> | undefined;

/** Loads (once) and returns `timeZonesForPhone`, `regionsForPhone`, `parsePhone` and `formatPhone`. */
export function loadPhoneTools(): Promise<PhoneTools> {
  loading ??= import('./phone.js').catch((error: unknown) => {
    loading = undefined; // a failed download can be retried
    throw error;
  });
  return loading;
}
