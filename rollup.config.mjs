// Production build: minified ES modules in dist/, one entry per element plus `index` and `core`.
// Dependencies (lit, @lit/*, temporal-polyfill, libphonenumber-js) stay external so a host's bundler
// dedupes them; the phone tools, the demo backend and the Temporal polyfill are separate lazy chunks.
import {readFileSync} from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import ts from 'typescript';
import {minifyTemplates} from './scripts/minify-templates.mjs';
import {shortLocaleIds} from './scripts/short-locale-ids.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Peer dependencies (react, @lit/react for the React entry) stay external too.
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

export const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  'agent-session': 'src/components/agent-session/agent-session.ts',
  'timeslot-grid': 'src/components/timeslot-grid/timeslot-grid.ts',
  'callback-scheduler': 'src/components/callback-scheduler/callback-scheduler.ts',
  'logout-countdown': 'src/components/logout-countdown/logout-countdown.ts',
  'callback-list': 'src/components/callback-list/callback-list.ts',
  'campaign-list': 'src/components/campaign-list/campaign-list.ts',
  react: 'src/react/index.ts', // callback-kit/react: @lit/react wrappers
  vue: 'src/vue/index.ts', // callback-kit/vue: isCallbackKitElement (DOM-free) + GlobalComponents types
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

export default {
  input: entries,
  external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    resolve(),
    typescript({
      tsconfig: './tsconfig.build.json',
      declaration: false,
      sourceMap: true,
      outDir: 'dist',
      noEmit: false,
      transformers: {before: [{type: 'program', factory: () => minifyTemplates(ts)}]},
    }),
    shortLocaleIds(), // after TypeScript: plugin-typescript reads the sources itself
    terser({ecma: 2022, module: true, format: {comments: false}}),
    useClientDirective,
  ],
};
