/**
 * The `respondWith` half of the kit's request events (the events-only integration pattern): an element dispatches a
 * cancelable request event whose `detail.respondWith(promise)` lets the host do the work (save a callback, authorize
 * a logout...) and hand the result back.
 */

/** The `respondWith` half of a request event's detail. */
export interface Responder<T> {
  /**
   * Hand the element a promise of the result. Call it synchronously inside your listener. The element shows a
   * busy state until it settles, then the result, or the error (a `CallbackKitError` is shown precisely).
   */
  respondWith(response: Promise<T> | T): void;
}

/** A responder that also reads back what the host answered (`response` is undefined until `respondWith`). */
export interface ResponderState<T> extends Responder<T> {
  readonly response: Promise<T> | undefined;
}

/** Creates the responder of one request event and reads back what the host did. */
export function createResponder<T>(): ResponderState<T> {
  let response: Promise<T> | undefined;
  return {
    respondWith(value: Promise<T> | T) {
      if (response) throw new Error('respondWith() was already called for this event.');
      response = Promise.resolve(value);
    },
    get response() {
      return response;
    },
  };
}
