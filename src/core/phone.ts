/**
 * Phone number -> IANA time zones. Heavy (parser metadata + prefix table): elements reach it only through
 * `loadPhoneTools()` (a dynamic import), so a page that never derives a customer zone never downloads it. The parser
 * is libphonenumber-js's core with the kit's copy of its 'min' metadata (phone-metadata.generated.ts: without what only
 * the as-you-type formatter reads).
 */
import {getCountryCallingCode, parsePhoneNumberFromString, type CountryCode} from 'libphonenumber-js/core/es6';
import {METADATA} from './phone-metadata.generated.js';
import {REGION_TABLE} from './phone-regions.generated.js';
import {MAX_PREFIX_LENGTH, NUMBER_TYPES, PATTERNS, TABLE, ZONES} from './phone-zones.generated.js';

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
    for (const prefix of decodePrefixes(prefixes)) map.set(prefix, value);
  }
  return map;
}

/** A group's prefixes: "b2" = drop the previous prefix's last digit (a letter: "a" drops none), append "2". */
function decodePrefixes(encoded: string): string[] {
  const prefixes: string[] = [];
  let prefix = '';
  for (const [, drop, digits] of encoded.matchAll(/([a-z])(\d+)/g)) {
    prefix = prefix.slice(0, prefix.length - (drop.charCodeAt(0) - 97)) + digits;
    prefixes.push(prefix);
  }
  return prefixes;
}

/**
 * Reads the NANP region table written by scripts/build-phone-regions.mjs (format in phone-regions.generated.ts).
 * Exported for the generator's round-trip check, not part of the public API.
 * @internal
 */
export function decodeRegionTable(table: string): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const group of table.split(';')) {
    const [regions, prefixes] = group.split(':');
    const value = Object.freeze(regions.split('.'));
    for (const prefix of decodePrefixes(prefixes)) map.set(prefix, value);
  }
  return map;
}

let regionMap: Map<string, readonly string[]> | undefined;
/** US territories with their own ISO 3166-1 code in the NANP, which are also subdivisions of the US (ISO 3166-2:US). */
const US_TERRITORIES = ['AS', 'GU', 'MP', 'PR', 'VI'];

/**
 * The regions a phone number may be in, most likely first: for a US or Canadian number the ISO 3166-2 codes of
 * its area code (`"US-FL"`, `"CA-ON"`; an area code that spans regions gives every candidate, e.g. 902 gives
 * `["CA-NS", "CA-PE"]` unless its exchange tells which), for a US territory its US subdivision (`"US-PR"`),
 * otherwise the ISO 3166-1 country (`"US"` for a toll-free or unknown US area code, `"BS"`, `"GB"`...). A bare
 * country means "somewhere in it": calling rules of each of its regions apply. An invalid number returns `[]`;
 * never throws. Calling rules (`callingRuleViolation`) take these codes.
 *
 * ```ts
 * regionsForPhone('+1 305 555 0123') // ['US-FL']
 * regionsForPhone('+1 902 555 0123') // ['CA-NS', 'CA-PE']
 * regionsForPhone('+1 800 555 0123') // ['US']
 * ```
 */
export function regionsForPhone(number: string, defaultCountry: string = 'US'): string[] {
  const parsed = parsePhone(number, defaultCountry);
  if (!parsed?.country) return [];
  const {country, nationalNumber} = parsed;
  if (parsed.countryCallingCode !== '1' || (country !== 'US' && country !== 'CA')) {
    return US_TERRITORIES.includes(country) ? [`US-${country}`] : [country];
  }
  const table = (regionMap ??= decodeRegionTable(REGION_TABLE));
  for (let length = Math.min(6, nationalNumber.length); length >= 3; length--) {
    const regions = table.get(nationalNumber.slice(0, length));
    if (regions && regions[0].startsWith(`${country}-`)) return [...regions];
  }
  return [country];
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
    const parsed = parsePhoneNumberFromString(
      number,
      {defaultCountry: defaultCountry as CountryCode, extract: false},
      METADATA,
    );
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
 * The IANA zones a phone number may be in, most likely first, as libphonenumber's time-zone mapper answers:
 * - a geographic number (a fixed line; in the NANP any number of a geographic area code; a mobile in Mexico,
 *   Argentina, Brazil, Indonesia or China) by its longest known prefix: the area code, or its central-office
 *   prefix where an area code spans zones (208, 219, 270, 250...); a NANP number of an area code the data does
 *   not know yet gets every NANP zone;
 * - a number that is not geographic (a mobile in Russia, Australia, Chile..., a toll-free or premium number) gets
 *   EVERY zone of its country code: its prefix's zone first, then the others. A calling window must hold in all.
 *
 * An invalid number returns `[]`; never throws.
 *
 * ```ts
 * timeZonesForPhone('+12125550123')   // ['America/New_York']
 * timeZonesForPhone('(208) 555-0123') // ['America/Boise', ...] candidates of a split area code
 * timeZonesForPhone('+7 914 123 4567') // ['Europe/Moscow', ..., 'Asia/Vladivostok', ...] a Russian mobile
 * ```
 */
export function timeZonesForPhone(number: string, defaultCountry: string = 'US'): string[] {
  const parsed = parsePhone(number, defaultCountry);
  if (!parsed) return [];
  const digits = parsed.e164.slice(1);
  const table = lookupTable();
  let zones: readonly string[] = [];
  for (let length = Math.min(MAX_PREFIX_LENGTH, digits.length); length > 0; length--) {
    const found = table.get(digits.slice(0, length));
    if (found) {
      zones = found;
      break;
    }
  }
  if (isGeographic(parsed)) return [...zones];
  return [...new Set([...zones, ...(table.get(parsed.countryCallingCode) ?? [])])];
}

const patternCache = new Map<number, RegExp>();
const pattern = (index: number) => {
  let regExp = patternCache.get(index);
  if (!regExp) patternCache.set(index, (regExp = new RegExp(`^(?:${PATTERNS[index]})$`)));
  return regExp;
};

/**
 * Whether libphonenumber ties a valid number to a place: not a special type (toll-free, premium rate, shared cost,
 * VoIP, personal, pager, UAN, voicemail), and a fixed line where the country's mobiles are not geographic. Only the
 * regions whose zones keep different clocks carry the patterns (NUMBER_TYPES); elsewhere the answer is the same.
 */
function isGeographic(parsed: ParsedPhone): boolean {
  const types = parsed.country ? NUMBER_TYPES[parsed.country] : undefined;
  if (!types) return true;
  const [special, fixed] = types;
  if (special && pattern(special).test(parsed.nationalNumber)) return false;
  return !fixed || pattern(fixed).test(parsed.nationalNumber);
}

/**
 * Formats a number for people: national format when it shares `defaultCountry`'s calling code (so every NANP
 * number reads "(709) 722-1834" for a US agent), international otherwise. Returns the input when invalid.
 */
export function formatPhone(number: string, defaultCountry: string = 'US'): string {
  try {
    const parsed = parsePhoneNumberFromString(number, defaultCountry as CountryCode, METADATA);
    if (!parsed) return number;
    let home: string | undefined;
    try {
      home = getCountryCallingCode(defaultCountry as CountryCode, METADATA);
    } catch {
      home = undefined;
    }
    return parsed.countryCallingCode === home ? parsed.formatNational() : parsed.formatInternational();
  } catch {
    return number;
  }
}
