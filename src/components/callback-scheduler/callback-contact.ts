/**
 * The rescheduled callback's customer when the host gave none: loaded with `backend.getContact`, once per callback's
 * contact. A backend that does not know the contact is no error: the callback's own contactId and number still
 * identify the customer.
 */
import type {ReactiveControllerHost} from 'lit';
import type {SchedulingBackend} from '../../core/backend.js';
import type {Callback, Contact} from '../../core/types.js';

export class CallbackContact {
  readonly #host: ReactiveControllerHost;
  /** The loaded customer. */
  contact?: Contact;
  /** The contact id being loaded (the heading waits for it). */
  loading?: string;
  /** The contact id asked of `backend.getContact`. */
  #askedFor?: string;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Loads the customer of `callback` (the current one: `current()`), unless one of `known` is that customer. */
  sync(
    callback: Callback | undefined,
    known: (Contact | undefined)[],
    backend: SchedulingBackend | undefined,
    current: () => Callback | undefined,
  ): void {
    const id = callback?.contactId;
    if (!id || id === this.#askedFor || this.contact?.id === id) return;
    if (known.some((c) => c?.id === id) || typeof backend?.getContact !== 'function') return;
    this.#askedFor = id;
    this.loading = id;
    const settle = (contact?: Contact) => {
      if (current()?.contactId === id && contact?.id === id) this.contact = contact;
      if (this.loading === id) this.loading = undefined;
      this.#host.requestUpdate();
    };
    backend.getContact(id).then(settle, () => settle());
  }
}
