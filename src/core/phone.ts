/**
 * Phone number -> IANA time zones. Heavy (parser metadata + prefix table): elements reach it only through
 * `loadPhoneTools()` (a dynamic import), so a page that never derives a customer zone never downloads it.
 */
import {getCountryCallingCode, parsePhoneNumberFromString, type CountryCode} from 'libphonenumber-js/min';
import {MAX_PREFIX_LENGTH, TABLE, ZONES} from './phone-zones.generated.js';

let prefixMap: Map<string, readonly string[]> | undefined;

/**
 * Reads the prefix table written by scripts/build-phone-zones.mjs (format in phone-zones.generated.ts): each
 * prefix to its frozen zone list, shared by every prefix of its group. Exported for the generator's round-trip
 * check (`--check`), not part of the public API.
 * @internal
 */
export function decodeZoneTable(zoneNames: string, table: string): Map<string, readonly string[]> {
  const zones = zoneNames.split('|');
  const map = new Map<string, readonly string[]>();
  for (const group of table.split(';')) {
    const [indexes, prefixes] = group.split('=');
    const value = Object.freeze(indexes.split('.').map((i) => zones[parseInt(i, 36)]));
    let prefix = '';
    // "b2" = drop the previous prefix's last digit (a letter: "a" drops none), append "2".
    for (const [, drop, digits] of prefixes.matchAll(/([a-z])(\d+)/g)) {
      prefix = prefix.slice(0, prefix.length - (drop.charCodeAt(0) - 97)) + digits;
      map.set(prefix, value);
    }
  }
  return map;
}

/** The table, decoded once on first lookup. */
function lookupTable(): Map<string, readonly string[]> {
  return (prefixMap ??= decodeZoneTable(ZONES, TABLE));
}

export interface ParsedPhone {
  /** E.164, e.g. `"+12085550123"`. */
  e164: string;
  /** ISO 3166 country, when the number identifies one. */
  country?: string;
  countryCallingCode: string;
  nationalNumber: string;
}

/**
 * Parses a number in E.164 (`+1 208 555 0123`) or national format (`(208) 555-0123`, with `defaultCountry`).
 * `null` for anything that is not a valid number. Never throws.
 */
export function parsePhone(number: string, defaultCountry: string = 'US'): ParsedPhone | null {
  if (typeof number !== 'string' || number.length > 64) return null;
  try {
    const parsed = parsePhoneNumberFromString(number, {defaultCountry: defaultCountry as CountryCode, extract: false});
    if (!parsed || !parsed.isValid()) return null;
    return {
      e164: parsed.number,
      country: parsed.country,
      countryCallingCode: parsed.countryCallingCode,
      nationalNumber: parsed.nationalNumber,
    };
  } catch {
    return null;
  }
}

/**
 * The IANA zones a phone number may be in, most likely first. NANP numbers resolve by the longest matching
 * prefix: the area code, or its central-office prefix where an area code spans zones (208, 219, 270, 250...);
 * other countries by their own prefixes. An unknown or invalid number returns `[]`; never throws.
 *
 * ```ts
 * timeZonesForPhone('+12125550123')   // ['America/New_York']
 * timeZonesForPhone('(208) 555-0123') // ['America/Boise', ...] candidates of a split area code
 * ```
 */
export function timeZonesForPhone(number: string, defaultCountry: string = 'US'): string[] {
  const parsed = parsePhone(number, defaultCountry);
  if (!parsed) return [];
  const digits = parsed.e164.slice(1);
  const table = lookupTable();
  for (let length = Math.min(MAX_PREFIX_LENGTH, digits.length); length > 0; length--) {
    const zones = table.get(digits.slice(0, length));
    if (zones) return [...zones];
  }
  return [];
}

/**
 * Formats a number for people: national format when it shares `defaultCountry`'s calling code (so every NANP
 * number reads "(709) 722-1834" for a US agent), international otherwise. Returns the input when invalid.
 */
export function formatPhone(number: string, defaultCountry: string = 'US'): string {
  try {
    const parsed = parsePhoneNumberFromString(number, defaultCountry as CountryCode);
    if (!parsed) return number;
    let home: string | undefined;
    try {
      home = getCountryCallingCode(defaultCountry as CountryCode);
    } catch {
      home = undefined;
    }
    return parsed.countryCallingCode === home ? parsed.formatNational() : parsed.formatInternational();
  } catch {
    return number;
  }
}
