/**
 * The DOM-free part of `<ck-zone-picker>`: the zones the platform knows, their labels in a locale (city, long
 * name, current UTC offset) and the search over them. Only `Intl` is used: no zone data ships with the kit.
 *
 * One `Intl.DateTimeFormat` per zone and locale gives both the long generic name ("Eastern Time") and the wall
 * clock (hence the offset). Formatters and names are made on first use (the first time the popup opens) and cached
 * per locale; offsets are recomputed for each instant asked (cheap: one formatToParts per zone).
 */

/** One zone as the picker shows it. */
export interface ZoneOption {
  /** IANA id, e.g. `America/New_York`. */
  readonly id: string;
  /** The id's place, readable: `New York`; `Knox, Indiana` for `America/Indiana/Knox`. */
  readonly city: string;
  /** Long generic name in the locale: `Eastern Time`, `hora del Pacífico`; the id when Intl has none. */
  readonly name: string;
  /** UTC offset at the instant asked, in minutes (`-300` for GMT−5). */
  readonly offsetMinutes: number;
  /** The offset as shown: `GMT−5` (U+2212 minus), `GMT+5:30`, `GMT`. */
  readonly offset: string;
  /** Folded text searched by {@link filterZones}: id, city and name, lower case without accents. */
  readonly search: string;
}

/** Used when the platform lacks `Intl.supportedValuesOf('timeZone')` (older engines): the zones most asked for. */
export const FALLBACK_ZONES: readonly string[] = Object.freeze([
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Phoenix',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Halifax',
  'America/St_Johns',
  'America/Puerto_Rico',
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Atlantic/Azores',
  'UTC',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Madrid',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Manila',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Pacific/Auckland',
]);

/**
 * CLDR's old ids that engines still list (Chromium lists `Asia/Calcutta`, `Europe/Kiev`, `America/Buenos_Aires`)
 * and the current IANA id the picker shows and returns instead. The old id stays searchable.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** Current id -> the old one, for the search. */
const FORMERLY: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RENAMED).map(([old, current]) => [current, old]),
);

function known(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en', {timeZone: id});
    return true;
  } catch {
    return false;
  }
}

let supported: readonly string[] | undefined;

/**
 * Every zone id the platform knows (`Intl.supportedValuesOf`, else {@link FALLBACK_ZONES}), under its current IANA
 * name, with `UTC`.
 */
export function supportedZones(): readonly string[] {
  if (!supported) {
    let ids: string[] = [];
    try {
      ids = (Intl as {supportedValuesOf?: (key: string) => string[]}).supportedValuesOf?.('timeZone') ?? [];
    } catch {
      ids = [];
    }
    if (ids.length === 0) ids = [...FALLBACK_ZONES];
    // No `Etc/GMT+5` (POSIX sign: it is GMT−5) and no `Etc/UTC` twin of UTC: Firefox lists them, they only confuse.
    ids = ids
      .filter((id) => !id.startsWith('Etc/'))
      .map((id) => (RENAMED[id] && known(RENAMED[id]) ? RENAMED[id] : id));
    if (!ids.includes('UTC')) ids.push('UTC');
    supported = Object.freeze([...new Set(ids)]);
  }
  return supported;
}

/** Lower case, accents and other combining marks dropped, U+2212 minus as `-`, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u2212/g, '-')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** `America/Indiana/Knox` -> `Knox, Indiana`; `America/New_York` -> `New York`; `UTC` -> `UTC`. */
export function zoneCity(id: string): string {
  const segments = id.split('/').map((s) => s.replace(/_/g, ' '));
  if (segments.length <= 1) return segments[0];
  const [, ...rest] = segments; // the continent says little ("America")
  return rest.reverse().join(', ');
}

/** `-300` -> `GMT−5`; `330` -> `GMT+5:30`; `0` -> `GMT`. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'GMT';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `GMT${minutes < 0 ? '\u2212' : '+'}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

const OFFSET_QUERY = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * The offset a query names, in minutes: `GMT-5`, `utc−5`, `-05:00`, `-0500`, `+5:30`, `gmt` / `utc` (0).
 * `undefined` when the query is not an offset.
 */
export function parseOffsetQuery(query: string): number | undefined {
  const text = foldText(query).replace(/\s+/g, '');
  if (text === 'gmt' || text === 'utc') return 0;
  const match = OFFSET_QUERY.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes >= 60) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

interface LocaleData {
  formats: Map<string, Intl.DateTimeFormat | null>;
  names: Map<string, string>;
}

/** Per locale: each zone's formatter (null: the engine rejects the zone) and long name. */
const locales = new Map<string, LocaleData>();

function localeData(locale: string | undefined): LocaleData {
  const key = locale ?? '';
  let data = locales.get(key);
  if (!data) {
    data = {formats: new Map(), names: new Map()};
    locales.set(key, data);
  }
  return data;
}

function formatter(data: LocaleData, id: string, locale: string | undefined): Intl.DateTimeFormat | null {
  let format = data.formats.get(id);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      timeZone: id,
      timeZoneName: 'longGeneric',
      // the wall clock, for the offset: Gregorian, Latin digits, 24 h whatever the locale
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    };
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      try {
        format = new Intl.DateTimeFormat(undefined, options); // an invalid locale tag: the default locale
      } catch {
        format = null; // an unknown zone
      }
    }
    data.formats.set(id, format);
  }
  return format;
}

/** One zone's option at `epochMs` in `locale`; `undefined` for a zone the engine does not know. */
export function zoneOption(id: string, locale: string | undefined, epochMs: number): ZoneOption | undefined {
  const data = localeData(locale);
  const format = formatter(data, id, locale);
  if (!format) return undefined;
  const parts = format.formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour') % 24, part('minute'));
  const offsetMinutes = Math.round((wall - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
  let name = data.names.get(id);
  if (name === undefined) {
    name = parts.find((p) => p.type === 'timeZoneName')?.value ?? id;
    // Intl falls back to "GMT-05:00" when it has no name: the offset column says that already.
    if (/^(GMT|UTC)([+\-\u2212]|$)/.test(name)) name = id;
    data.names.set(id, name);
  }
  const city = zoneCity(id);
  return {
    id,
    city,
    name,
    offsetMinutes,
    offset: formatOffset(offsetMinutes),
    search: foldText(`${id} ${FORMERLY[id] ?? ''} ${city} ${name}`.replace(/\//g, ' ')),
  };
}

let allCache: {key: string; options: readonly ZoneOption[]} | undefined;

/**
 * Every supported zone at `epochMs` in `locale`, by current offset (west to east), then city. Cached for the last
 * locale and quarter hour asked (offsets change on quarter hours at most).
 */
export function allZoneOptions(locale: string | undefined, epochMs: number): readonly ZoneOption[] {
  const key = `${locale ?? ''}|${Math.floor(epochMs / 900_000)}`;
  if (allCache?.key !== key) {
    const collator = new Intl.Collator(locale);
    const options = supportedZones()
      .map((id) => zoneOption(id, locale, epochMs))
      .filter((o): o is ZoneOption => o !== undefined)
      .sort((a, b) => a.offsetMinutes - b.offsetMinutes || collator.compare(a.city, b.city));
    allCache = {key, options: Object.freeze(options)};
  }
  return allCache.options;
}

/**
 * The options matching `query`: when it names an offset (`GMT-5`, `-05:00`, `utc`), those at that offset now;
 * otherwise those with every word of it in the id, city or long name (case- and accent-insensitive). An empty query
 * matches everything.
 */
export function filterZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const folded = foldText(query);
  if (!folded) return [...options];
  const offset = parseOffsetQuery(query);
  if (offset !== undefined) return options.filter((o) => o.offsetMinutes === offset);
  const words = folded.split(' ');
  return options.filter((o) => words.every((word) => o.search.includes(word.replace(/\//g, ' '))));
}
