/**
 * A rollup plugin for the production build (rollup.config.mjs) and the size measurement (scripts/size.mjs): in the
 * generated locale modules (src/generated/locales/*.ts) it shortens lit-localize's message ids (`s` or `h` and 16
 * hex digits, a hash of the English text) to the shortest prefix no other id of the module starts with (at least
 * MIN_ID_LENGTH characters; about 4 for ~360 messages). The ids are random, so gzip cannot shrink them: each locale
 * chunk is about 0.8 kB gzip smaller than with 7-character ids. `src/internal/localization.ts` looks a message up by
 * its full id, then by its prefixes from the longest down.
 *
 * Every locale module holds every message (scripts/check-locales.mjs fails otherwise), so a prefix names one message
 * of the catalog; a message missing from the catalog could take another's text, which is why the check gates lint.
 */
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

/** @returns {import('rollup').Plugin} */
export function shortLocaleIds() {
  return {
    name: 'short-locale-ids',
    transform(code, id) {
      if (!/[\\/]src[\\/]generated[\\/]locales[\\/][^\\/]+\.ts$/.test(id)) return null;
      let short;
      try {
        short = shortIds([...code.matchAll(ID)].map((match) => match[2]));
      } catch (error) {
        this.error(`${error.message} in ${id}`);
      }
      return {code: code.replace(ID, (match, indent, full) => `${indent}${short.get(full)}:`), map: null};
    },
  };
}
