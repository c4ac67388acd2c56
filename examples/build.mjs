#!/usr/bin/env node
// Builds the example hosts into examples/dist/<name>/ with Vite's JS API (no framework plugin needed: React's
// JSX goes through Vite's own Oxc transform, Vue compiles its template strings in the browser).
// The examples import the kit by its package name, `callback-kit`, which resolves through the package's own
// `exports` to dist/: run `npm run build` first. Usage: node examples/build.mjs [html|react|vue ...]
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {build} from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const EXAMPLES = {
  html: {},
  react: {
    oxc: {jsx: {runtime: 'automatic', importSource: 'react'}},
  },
  vue: {
    // The full build, with the template compiler (an app with SFCs would use @vitejs/plugin-vue instead).
    resolve: {alias: {vue: 'vue/dist/vue.esm-bundler.js'}},
    define: {
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  },
};

if (!existsSync(here('../dist/index.js')) || !existsSync(here('../dist/core.js'))) {
  console.error('examples/build.mjs: dist/ is missing. Run `npm run build` first (the examples import callback-kit).');
  process.exit(1);
}

const names = process.argv.slice(2);
for (const name of names) {
  if (!(name in EXAMPLES)) {
    console.error(`examples/build.mjs: unknown example "${name}" (expected ${Object.keys(EXAMPLES).join(', ')}).`);
    process.exit(1);
  }
}

for (const name of names.length ? names : Object.keys(EXAMPLES)) {
  const started = performance.now();
  await build({
    configFile: false,
    root: here(`./${name}/`),
    base: './',
    logLevel: 'warn',
    ...EXAMPLES[name],
    build: {
      outDir: here(`./dist/${name}/`),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
    },
  });
  console.log(`examples/dist/${name}/ built in ${Math.round(performance.now() - started)} ms`);
}
