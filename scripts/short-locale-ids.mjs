/**
 * A rollup plugin for the production build (rollup.config.mjs) and the size measurement (scripts/size.mjs): in the
 * generated locale modules (src/generated/locales/<locale>.<group>.ts, one language's catalog split by element) it
 * shortens lit-localize's message ids (`s` or `h` and 16 hex digits, a hash of the English text) to the shortest
 * prefix no other id of the WHOLE catalog of that language starts with (every `<locale>.*.ts` chunk beside it, read from
 * disk; at least MIN_ID_LENGTH characters, about 4 for ~380 messages). The ids are random, so gzip cannot shrink
 * them: this saves about 0.8 kB gzip per language. `src/internal/localization.ts` looks a message up by its full id,
 * then by its prefixes from the longest down, in the chunks loaded so far.
 *
 * Prefixes are unique across the language's whole catalog, not per chunk: a message of a chunk not loaded yet can
 * never take the text of a loaded message that shares its first characters. Every language holds every message
 * (scripts/check-locales.mjs fails otherwise, and gates lint).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

export const MIN_ID_LENGTH = 4;
export const MAX_ID_LENGTH = 7;

const ID = /^(\s*)([sh][0-9a-f]{16}):/gm;

/** Full id -> its shortest prefix (at least MIN_ID_LENGTH) that no other of `ids` starts with. */
export function shortIds(ids) {
  const sorted = [...new Set(ids)].sort();
  const short = new Map();
  sorted.forEach((id, i) => {
    // The longest prefix shared with a neighbour in sorted order is the longest shared with any id.
    const common = (other) => {
      if (!other) return 0;
      let n = 0;
      while (n < id.length && id[n] === other[n]) n++;
      return n;
    };
    const length = Math.max(MIN_ID_LENGTH, common(sorted[i - 1]) + 1, common(sorted[i + 1]) + 1);
    if (length > MAX_ID_LENGTH) throw new Error(`short-locale-ids: ${id} needs more than ${MAX_ID_LENGTH} characters`);
    short.set(id, id.slice(0, length));
  });
  return short;
}

/** The full ids of every chunk of a locale (`<dir>/<locale>.<group>.ts`: its whole catalog). */
function catalogIds(dir, locale) {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${locale}.`) && /^[^.]+\.[^.]+\.ts$/.test(f))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(ID)].map((match) => match[2]));
}

/** @returns {import('rollup').Plugin} */
export function shortLocaleIds() {
  /** locale path (`<dir>/<locale>`) -> full id -> short id (one build reads each catalog once) */
  const byLocale = new Map();
  return {
    name: 'short-locale-ids',
    buildStart() {
      byLocale.clear();
    },
    transform(code, id) {
      const file = /[\\/]src[\\/]generated[\\/]locales[\\/]([^\\/.]+)\.[^\\/]+\.ts$/.exec(id);
      if (!file) return null;
      const [dir, locale] = [dirname(id), file[1]];
      let short;
      try {
        const key = join(dir, locale);
        if (!byLocale.has(key)) byLocale.set(key, shortIds(catalogIds(dir, locale)));
        short = byLocale.get(key);
        for (const match of code.matchAll(ID))
          if (!short.has(match[2])) throw new Error(`short-locale-ids: ${match[2]} is not in the ${locale} catalog`);
      } catch (error) {
        this.error(`${error.message} in ${id}`);
      }
      return {code: code.replace(ID, (match, indent, full) => `${indent}${short.get(full)}:`), map: null};
    },
  };
}
