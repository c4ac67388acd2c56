/**
 * A rollup plugin for the production build (rollup.config.mjs) and the size measurement (scripts/size.mjs): in the
 * generated locale modules (src/generated/locales/*.ts) it shortens lit-localize's message ids (`s` or `h` and 16
 * hex digits, a hash of the English text) to their first 7 characters. The ids are random, so gzip cannot shrink
 * them: the Spanish chunk is about a quarter smaller. `src/internal/localization.ts` looks a message up by its full
 * id, then by that prefix. The build fails when two prefixes collide (add a character then).
 */
export const SHORT_ID_LENGTH = 7;

/** @returns {import('rollup').Plugin} */
export function shortLocaleIds() {
  return {
    name: 'short-locale-ids',
    transform(code, id) {
      if (!/[\\/]src[\\/]generated[\\/]locales[\\/][^\\/]+\.ts$/.test(id)) return null;
      const seen = new Map();
      const out = code.replace(/^(\s*)([sh][0-9a-f]{16}):/gm, (match, indent, full) => {
        const short = full.slice(0, SHORT_ID_LENGTH);
        if (seen.has(short)) {
          this.error(`short-locale-ids: ${full} and ${seen.get(short)} share the prefix ${short} in ${id}`);
        }
        seen.set(short, full);
        return `${indent}${short}:`;
      });
      return {code: out, map: null};
    },
  };
}
