#!/usr/bin/env node
/**
 * Size budgets: what a page downloads EAGERLY for each public entry, and what each lazy part costs on its own.
 *
 * The published package keeps lit, @lit/* and @lit-labs/virtualizer external (a host's bundler dedupes them), so
 * dist/ alone says little about a page. This script builds a separate measurement bundle the way a host's
 * bundler would: every dependency bundled (node-resolve, browser conditions), minified with terser, one chunk
 * graph for all entries (shared code becomes shared chunks, exactly as on a page that loads several entries).
 * It then walks the STATIC imports of each entry chunk, transitively, and sums the gzip size of every file in
 * that closure. Dynamic imports (phone tools, demo backend, Temporal polyfill, locales) are lazy chunks, each
 * budgeted on its own as what it adds on top of the `callback-kit` entry.
 *
 * Usage: node scripts/size.mjs            prints the table
 *        node scripts/size.mjs --check    also exits 1 when a budget is exceeded
 *        node scripts/size.mjs --json     prints the measurements as JSON
 * Sizes: gzip level 9 (zlib), 1 kB = 1000 bytes, per file (each chunk is its own download).
 */
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {entries as packageEntries} from '../rollup.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--why <entry>` lists the modules in that entry's eager closure, biggest first (e.g. `--why callback-list`). */
const why = argv.includes('--why') ? argv[argv.indexOf('--why') + 1] : undefined;
const check = args.has('--check');
const asJson = args.has('--json');

const KB = 1000;

/** Budgets in bytes (gzip). `SIZE_BUDGET_SCALE=0.5` tightens every budget, e.g. to see the check fail. */
const scale = Number(process.env.SIZE_BUDGET_SCALE ?? 1);
const BUDGETS = {
  index: 30 * KB, // import 'callback-kit': every element
  element: 16 * KB, // import 'callback-kit/<element>.js' (with lit)
  core: 12 * KB, // import 'callback-kit/core' (DOM-free; phone data lazy)
  phone: 40 * KB, // the phone parser + prefix-to-zone table, loaded on first use
  locale: 4 * KB, // each extra locale's strings
};

// ---------------------------------------------------------------------------------------------------------
// Entries: the package's own (rollup.config.mjs) plus every element that has no entry there yet, plus locales.

const entries = {...packageEntries};
const componentsDir = join(root, 'src/components');
const missingFromPackage = [];
for (const tag of readdirSync(componentsDir)) {
  const file = `src/components/${tag}/${tag}.ts`;
  if (!existsSync(join(root, file))) continue;
  if (!Object.values(entries).includes(file)) {
    entries[tag] = file;
    missingFromPackage.push(tag);
  }
}
const localesDir = join(root, 'src/generated/locales');
const locales = existsSync(localesDir)
  ? readdirSync(localesDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => f.slice(0, -3))
  : [];
for (const locale of locales) entries[`locale-${locale}`] = `src/generated/locales/${locale}.ts`;

// ---------------------------------------------------------------------------------------------------------
// Build (in memory; the output directory is only a name rollup needs for relative chunk paths).

const outDir = mkdtempSync(join(tmpdir(), 'ck-size-'));
const warnings = [];
let output;
try {
  const bundle = await rollup({
    input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
    onwarn: (warning) => {
      // Type errors elsewhere in the tree are tsc's business (npm run typecheck), not the size check's.
      if (warning.plugin === 'typescript') return;
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
      warnings.push(warning.message);
    },
    plugins: [
      resolve({browser: true, exportConditions: ['browser', 'production']}),
      typescript({
        tsconfig: join(root, 'tsconfig.build.json'),
        compilerOptions: {
          declaration: false,
          emitDeclarationOnly: false,
          sourceMap: false,
          noEmit: false,
          outDir,
          noEmitOnError: false,
        },
        noForceEmit: false,
      }),
      terser({ecma: 2022, module: true, format: {comments: false}}),
    ],
  });
  ({output} = await bundle.generate({
    dir: outDir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  }));
  await bundle.close();
} finally {
  rmSync(outDir, {recursive: true, force: true});
}

const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
const gzipped = new Map([...chunks].map(([name, c]) => [name, gzipSync(c.code, {level: 9}).length]));
const rawSize = new Map([...chunks].map(([name, c]) => [name, Buffer.byteLength(c.code)]));

const rel = (id) => relative(root, id).split(sep).join('/');
const isPhoneModule = (id) =>
  /src\/core\/phone(-zones\.generated)?\.ts$/.test(rel(id)) || rel(id).includes('node_modules/libphonenumber-js/');
const isPolyfillModule = (id) => rel(id).includes('node_modules/temporal-polyfill/');

/** The files a page downloads before the entry runs: the entry chunk and its static imports, transitively. */
function eagerClosure(fileName) {
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of chunks.get(name).imports) walk(dep);
  };
  walk(fileName);
  return seen;
}

const sum = (files, sizes = gzipped) => [...files].reduce((total, f) => total + sizes.get(f), 0);
const modulesOf = (files) => [...files].flatMap((f) => Object.keys(chunks.get(f).modules));
const entryFile = (name) => `${name}.js`;

const indexEager = eagerClosure(entryFile('index'));
const rows = [];
const failures = [];
const notes = [];

function row(name, what, files, budget, {extra = ''} = {}) {
  const gzip = sum(files);
  const min = sum(files, rawSize);
  const ok = budget === undefined ? true : gzip <= budget;
  rows.push({name, what, files: files.size, min, gzip, budget, ok, extra});
  if (!ok) failures.push(`${name}: ${fmt(gzip)} gzip > budget ${fmt(budget)}`);
}

// Eager entries.
for (const name of Object.keys(entries)) {
  if (name.startsWith('locale-')) continue;
  const files = eagerClosure(entryFile(name));
  const mods = modulesOf(files);
  const kind = name === 'index' ? 'index' : name === 'core' ? 'core' : 'element';
  const spec = name === 'index' ? 'callback-kit' : name === 'core' ? 'callback-kit/core' : `callback-kit/${name}.js`;
  const flags = [];
  if (mods.some(isPhoneModule)) {
    flags.push('phone tools EAGER');
    failures.push(`${spec}: the phone parser/zone table is statically imported (must be a lazy chunk)`);
  }
  if (mods.some(isPolyfillModule)) {
    flags.push('Temporal polyfill EAGER');
    failures.push(`${spec}: temporal-polyfill is statically imported (must be a lazy chunk)`);
  }
  if (missingFromPackage.includes(name)) flags.push('not in rollup.config.mjs entries yet');
  row(spec, 'eager', files, Math.round(BUDGETS[kind] * scale), {extra: flags.join('; ')});
}

// Lazy chunks: what each adds on top of the `callback-kit` entry (its closure minus what index already has).
function lazyCost(predicate) {
  const roots = [...chunks.values()].filter((c) => Object.keys(c.modules).some(predicate)).map((c) => c.fileName);
  const files = new Set(roots);
  for (const r of roots) for (const f of eagerClosure(r)) if (!indexEager.has(f)) files.add(f);
  return {roots, files};
}

const phone = lazyCost((id) => /src\/core\/phone\.ts$/.test(rel(id)));
if (phone.roots.length === 0) notes.push('no chunk contains src/core/phone.ts');
else row('phone tools (parser + zone table)', 'lazy', phone.files, Math.round(BUDGETS.phone * scale));

const polyfill = lazyCost(isPolyfillModule);
if (polyfill.roots.length === 0) {
  failures.push('temporal-polyfill is not in the bundle at all: browsers without Temporal would break');
} else {
  const lazy = polyfill.roots.every(
    (r) => ![...chunks.values()].some((c) => c.isEntry && eagerClosure(c.fileName).has(r)),
  );
  row('temporal-polyfill', 'lazy', polyfill.files, undefined, {
    extra: lazy ? 'only without native Temporal' : 'NOT LAZY',
  });
  if (!lazy) failures.push('temporal-polyfill is in some entry’s eager closure');
}

const demo = lazyCost((id) => /src\/core\/demo-data\.ts$/.test(rel(id)));
if (demo.roots.length > 0) row('demo data (MemoryBackend)', 'lazy', demo.files, undefined);

if (locales.length === 0) {
  notes.push('no extra locale yet (src/generated/locales/*.ts absent): locale budget skipped');
}
for (const locale of locales) {
  const files = new Set([...eagerClosure(entryFile(`locale-${locale}`))].filter((f) => !indexEager.has(f)));
  row(`locale ${locale}`, 'lazy', files, Math.round(BUDGETS.locale * scale));
}

// ---------------------------------------------------------------------------------------------------------
// Report.

function fmt(bytes) {
  return `${(bytes / KB).toFixed(2)} kB`;
}

if (why) {
  const files = eagerClosure(entryFile(why));
  const mods = [...files].flatMap((f) => Object.entries(chunks.get(f).modules));
  mods.sort((a, b) => b[1].renderedLength - a[1].renderedLength);
  console.log(`${why}: ${mods.length} modules in ${files.size} files (rendered bytes before terser)`);
  for (const f of files) {
    const names = Object.keys(chunks.get(f).modules).map(rel);
    console.log(
      `  ${fmt(gzipped.get(f)).padStart(9)} gzip  ${f}: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ` +${names.length - 4}` : ''}`,
    );
  }
  for (const [id, m] of mods)
    if (m.renderedLength > 0) console.log(`${String(m.renderedLength).padStart(8)}  ${rel(id)}`);
  console.log('');
}

if (asJson) {
  console.log(JSON.stringify({rows, failures, notes, warnings}, null, 2));
} else {
  const header = ['entry', 'load', 'files', 'min', 'gzip', 'budget', ''];
  const body = rows.map((r) => [
    r.name,
    r.what,
    String(r.files),
    fmt(r.min),
    fmt(r.gzip),
    r.budget === undefined ? '-' : fmt(r.budget),
    `${r.budget === undefined ? '' : r.ok ? 'ok' : 'OVER'}${r.extra ? `  ${r.extra}` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  console.log(
    `\nEager = the entry and its static imports, transitively; lazy = what the chunk adds on top of 'callback-kit'.` +
      `\nAll dependencies bundled (lit, @lit/*, @lit-labs/virtualizer), terser, gzip -9, 1 kB = 1000 B` +
      (scale !== 1 ? `, budgets scaled by ${scale}` : '') +
      '.',
  );
  for (const n of notes) console.log(`note: ${n}`);
  for (const w of warnings) console.log(`rollup: ${w}`);
  if (failures.length) {
    console.log(`\n${failures.length} budget${failures.length === 1 ? '' : 's'} exceeded:`);
    for (const f of failures) console.log(`  - ${f}`);
  }
}

if (check && failures.length) process.exit(1);
