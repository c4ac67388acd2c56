// Production build, two parts:
// 1. dist/: minified ES modules, one entry per element plus `index`, `core`, `phone`, `memory-backend`,
//    `http-backend`, `rules` and `autoloader`. Dependencies (lit, @lit/*, temporal-polyfill, libphonenumber-js) stay external
//    so a host's bundler dedupes them; the phone tools, the demo data and the Temporal polyfill are lazy chunks.
// 2. dist/cdn/: the no-bundler build, for a plain page (`<script type="module" src=".../cdn/callback-kit.js">`, no
//    import map). Every dependency is bundled; the Temporal polyfill, the phone tools, the demo data, the virtualizer
//    and the locales stay lazy chunks. `callback-kit.js` exports exactly what `callback-kit` does; beside it, built
//    in the same build so they share its chunks (one lit, one core), `phone.js`, `memory-backend.js` and
//    `http-backend.js` export what `callback-kit/phone`, `/memory-backend` and `/http-backend` do. `autoloader.js`
//    is built separately and self-contained: a page uses it or `callback-kit.js`, never both (two copies of lit).
// Source maps: dist/ ships them with their sources inlined (`sourcesContent`; the package does not ship src/).
// dist/cdn/ ships none: they would embed lit, temporal-polyfill and libphonenumber-js again (3.4 MB unpacked).
import {readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import ts from 'typescript';
import {minifyTemplates} from './scripts/minify-templates.mjs';
import {shortLocaleIds} from './scripts/short-locale-ids.mjs';

/** The TypeScript helpers the build injects (`__decorate`): scripts/ts-helpers.mjs instead of tslib. */
const tsHelpers = fileURLToPath(new URL('./scripts/ts-helpers.mjs', import.meta.url));

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Peer dependencies (react, @lit/react for the React entry) stay external too.
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

export const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  phone: 'src/phone.ts', // callback-kit/phone: the parser and its tables (what loadPhoneTools() loads)
  'memory-backend': 'src/memory-backend.ts', // callback-kit/memory-backend: MemoryBackend (demo data lazy)
  'http-backend': 'src/http-backend.ts', // callback-kit/http-backend: HttpBackend and its errors
  rules: 'src/rules.ts', // callback-kit/rules: evaluating calling rules (callingRuleViolation...)
  autoloader: 'src/autoloader.ts',
  'agent-session': 'src/components/agent-session/agent-session.ts',
  'timeslot-grid': 'src/components/timeslot-grid/timeslot-grid.ts',
  'callback-scheduler': 'src/components/callback-scheduler/callback-scheduler.ts',
  'logout-countdown': 'src/components/logout-countdown/logout-countdown.ts',
  'callback-list': 'src/components/callback-list/callback-list.ts',
  'campaign-list': 'src/components/campaign-list/campaign-list.ts',
  react: 'src/react/index.ts', // callback-kit/react: @lit/react wrappers
  vue: 'src/vue/index.ts', // callback-kit/vue: isCallbackKitElement (DOM-free) + GlobalComponents types
  'rules/us': 'src/rules/us.ts', // callback-kit/rules/us: usCallingRules (data only)
  'rules/ca': 'src/rules/ca.ts', // callback-kit/rules/ca: caCallingRules (data only)
};

/**
 * The no-bundler builds (dist/cdn/<name>.js): each group is one self-contained build whose entries share chunks.
 * `callback-kit.js` and the three library entries beside it are one build (a page that imports MemoryBackend from
 * `cdn/memory-backend.js` and the elements from `cdn/callback-kit.js` gets one copy of the core and of lit).
 */
export const cdnBuilds = {
  'callback-kit': {
    'callback-kit': 'src/cdn.ts',
    phone: 'src/phone.ts',
    'memory-backend': 'src/memory-backend.ts',
    'http-backend': 'src/http-backend.ts',
  },
  autoloader: {autoloader: 'src/autoloader.ts'},
};

const plugins = (outDir) => [
  resolve(),
  typescript({
    tsconfig: './tsconfig.build.json',
    declaration: false,
    sourceMap: true,
    inlineSources: true,
    outDir,
    noEmit: false,
    transformers: {before: [{type: 'program', factory: () => minifyTemplates(ts)}]},
    tslib: tsHelpers, // __decorate without tslib's Reflect.decorate hook and SuppressedError check (see the file)
  }),
  shortLocaleIds(), // after TypeScript: plugin-typescript reads the sources itself
  // preserve_annotations: a host's bundler still sees the `/* @__PURE__ */` calls (src/internal/tokens.ts) and drops
  // the ones whose result it does not use.
  terser({ecma: 2022, module: true, format: {comments: false, preserve_annotations: true}}),
];

/**
 * The small core modules every element and the lazy demo backend both need (Temporal, zone validation, the error
 * base and validation errors, clocks, policy defaults) as one chunk: a host's bundler splits what an element shares
 * with a lazy chunk by module, so these stay apart from the slot helpers and backend errors only the backend needs
 * (time.ts, errors.ts), and one chunk costs fewer bytes than five.
 */
function coreBaseChunk(id) {
  if (/[\\/]src[\\/]core[\\/](temporal|time-zone|base-errors|types|clock)\.ts$/.test(id)) return 'core-base';
  return undefined;
}

/** Removes dist/ before the package build, so no chunk of an earlier build (hashed names) is ever packed. */
const cleanDist = {
  name: 'clean-dist',
  buildStart() {
    rmSync(new URL('./dist', import.meta.url), {recursive: true, force: true});
  },
};

/** The exports of each package entry, recorded by the package build for the CDN build's check. */
const packageExports = new Map();
const recordIndexExports = {
  name: 'record-entry-exports',
  generateBundle(_options, bundle) {
    for (const c of Object.values(bundle)) if (c.type === 'chunk' && c.isEntry) packageExports.set(c.name, c.exports);
  },
};

/** Fails the CDN build when a CDN entry does not export exactly what its package entry does (cdn/callback-kit.js: `index`). */
const checkCdnExports = {
  name: 'check-cdn-exports',
  generateBundle(_options, bundle) {
    for (const entry of Object.values(bundle)) {
      if (entry.type !== 'chunk' || !entry.isEntry || entry.name === 'autoloader') continue;
      const want = [...(packageExports.get(entry.name === 'callback-kit' ? 'index' : entry.name) ?? [])].sort();
      const have = [...entry.exports].sort();
      const missing = want.filter((name) => !have.includes(name));
      const extra = have.filter((name) => !want.includes(name));
      if (missing.length || extra.length) {
        this.error(
          `dist/cdn/${entry.fileName} must export what the package entry "${entry.name}" does: ` +
            `missing ${missing.join(', ') || 'nothing'}; extra ${extra.join(', ') || 'nothing'}.`,
        );
      }
    }
  },
};

/**
 * Starts dist/react.js with `'use client';`, marking callback-kit/react a client module for React Server Components
 * hosts (Next.js App Router). Done after minifying (terser drops a `banner` directive); its source map moves one line.
 */
const useClientDirective = {
  name: 'use-client-directive',
  generateBundle(_options, bundle) {
    const chunk = bundle['react.js'];
    if (chunk?.type !== 'chunk') return;
    chunk.code = `'use client';\n${chunk.code}`;
    const map = bundle['react.js.map'];
    if (map?.type === 'asset') {
      const json = JSON.parse(String(map.source));
      map.source = JSON.stringify({...json, mappings: `;${json.mappings}`});
    }
  },
};

export default [
  {
    input: entries,
    external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks: coreBaseChunk,
    },
    plugins: [cleanDist, ...plugins('dist'), recordIndexExports, useClientDirective],
  },
  ...Object.entries(cdnBuilds).map(([name, input]) => ({
    input,
    output: {
      dir: 'dist/cdn',
      format: 'es',
      sourcemap: false,
      entryFileNames: '[name].js',
      chunkFileNames: `chunks/${name}/[name]-[hash].js`,
      // Fewer, larger chunks for a page without a bundler (each chunk is a request): rollup merges chunks smaller
      // than this (callback-kit.js: 4 requests instead of 6). Not for the autoloader: merging moves its own code
      // into a chunk with the virtualizer's layout (4.4 kB gzip eager instead of 0.8 kB, even at 5 kB).
      experimentalMinChunkSize: name === 'autoloader' ? 0 : 20_000,
    },
    plugins: [...plugins('dist/cdn'), checkCdnExports],
  })),
];
