#!/usr/bin/env node
// Builds the reference server into the package: dist/server/reference-server.js (an ES module for Node 20, with the
// kit's core bundled in; lazy chunks beside it), its SQL migrations and the example token file, so that
// `npx callback-kit-reference-server` runs from an install. The package's dependencies stay external; the storage
// drivers (@electric-sql/pglite for the embedded default, pg for DATABASE_URL) are optional peer dependencies the
// host installs. Part of `npm run build`.
import {chmodSync, cpSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${root}`), 'utf8'));
const out = `${root}dist/server`;
rmSync(out, {recursive: true, force: true});
const deps = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  'pg',
  '@electric-sql/pglite',
];
await build({
  entryPoints: {'reference-server': `${root}server/reference-server.ts`},
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: `${root}tsconfig.json`,
  external: [...deps, ...deps.map((d) => `${d}/*`), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  chunkNames: 'chunks/[name]-[hash]',
  banner: {js: '#!/usr/bin/env node'},
  logLevel: 'warning',
});
cpSync(`${root}server/migrations`, `${out}/migrations`, {recursive: true});
cpSync(`${root}server/tokens.example.json`, `${out}/tokens.example.json`);
chmodSync(`${out}/reference-server.js`, 0o755);
writeFileSync(`${out}/package.json`, '{"type": "module"}\n');
console.log('dist/server: reference server built');
