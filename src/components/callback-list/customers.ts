/**
 * Who a callback is with, for `<callback-list>`: the customer's name (from the contacts), formatted number and time
 * zones. The phone chunk (parser and tables) is downloaded only when a callback needs it for its customer's zone:
 * no `customerTimeZones` and no CRM `contact.timeZone`.
 */
import {msg} from '@lit/localize';
import {loadPhoneTools, type PhoneTools} from '../../core/phone-loader.js';
import {isValidTimeZone} from '../../core/time.js';
import type {Callback, Contact} from '../../core/types.js';

export class Customers {
  #contacts = new Map<string, Contact>();
  #phone?: PhoneTools;
  /** The phone chunk is being downloaded, or failed (`'failed'`: customer zones from numbers stay unknown). */
  #phoneLoad?: 'loading' | 'failed';
  #checkKey = '';
  readonly #changed: () => void;

  /** `changed` is called when the phone chunk arrived (or failed): render again. */
  constructor(changed: () => void) {
    this.#changed = changed;
  }

  /** Indexes the contacts by id (the host's, else the backend's). */
  setContacts(contacts: readonly Contact[]): void {
    this.#contacts = new Map(contacts.map((c) => [c.id, c]));
  }

  get size(): number {
    return this.#contacts.size;
  }

  contact(callback: Callback): Contact | undefined {
    return this.#contacts.get(callback.contactId);
  }

  /** The customer's name, or "Unknown customer". */
  name(callback: Callback): string {
    return this.#contacts.get(callback.contactId)?.name ?? msg('Unknown customer');
  }

  /** The number formatted for a region ("en-US" -> US) once the phone chunk is there, else in E.164. */
  phone(callback: Callback, locale: string | undefined): string {
    if (!this.#phone) return callback.phone;
    let region = 'US';
    try {
      const tag = locale ?? (typeof navigator === 'undefined' ? 'en-US' : navigator.language);
      region = new Intl.Locale(tag).maximize().region ?? 'US';
    } catch {
      /* US */
    }
    return this.#phone.formatPhone(callback.phone, region);
  }

  /** The customer's zones known without the phone chunk: the callback's `customerTimeZones`, else the contact's. */
  knownZones(callback: Callback): string[] | undefined {
    const given = Array.isArray(callback.customerTimeZones) ? callback.customerTimeZones.filter(isValidTimeZone) : [];
    if (given.length) return [...new Set(given)];
    const zone = this.#contacts.get(callback.contactId)?.timeZone;
    return zone && isValidTimeZone(zone) ? [zone] : undefined;
  }

  /**
   * The customer's candidate zones, most likely first: `callback.customerTimeZones`, else the CRM's
   * `contact.timeZone`, else the number's zones (the phone chunk). Never the booking zone `callback.timeZone`: an
   * agent books in their own zone. `undefined` while the phone chunk loads; empty when unknown.
   */
  zones(callback: Callback): string[] | undefined {
    const known = this.knownZones(callback);
    if (known) return known;
    if (!this.#phone) return this.#phoneLoad === 'failed' ? [] : undefined;
    return this.#phone.timeZonesForPhone(callback.phone).filter(isValidTimeZone);
  }

  /**
   * Downloads the phone chunk when some callback lacks a known zone (checked again only when `version`, the
   * callbacks' version, or the contacts changed).
   */
  loadPhoneToolsIfNeeded(callbacks: Iterable<Callback>, version: number): void {
    if (this.#phone || this.#phoneLoad) return;
    const key = `${version}|${this.#contacts.size}`;
    if (key === this.#checkKey) return;
    this.#checkKey = key;
    let needed = false;
    for (const callback of callbacks) {
      if (!this.knownZones(callback)) {
        needed = true;
        break;
      }
    }
    if (!needed) return;
    this.#phoneLoad = 'loading';
    loadPhoneTools().then(
      (tools) => {
        this.#phone = tools;
        this.#phoneLoad = undefined;
        this.#changed();
      },
      () => {
        this.#phoneLoad = 'failed'; // numbers stay in E.164, zones from numbers unknown
        this.#changed();
      },
    );
  }
}
