#!/usr/bin/env node
/**
 * Size budgets: what a page downloads EAGERLY for each public entry, and what each lazy part costs on its own.
 *
 * The published package keeps lit, @lit/* and @lit-labs/virtualizer external (a host's bundler dedupes them), so
 * dist/ alone says little about a page. This script builds separate measurement bundles the way a host's bundler
 * would: every dependency bundled (node-resolve, browser conditions), TypeScript emitted with the project's
 * options, minified with terser and Lit's template text minified (the package build's settings: scripts/minify-templates.mjs). Each public entry is built on its own, as a page
 * that imports just that entry gets it; the script walks the STATIC imports of the entry chunk, transitively, and
 * sums the gzip size of every file in that closure. Dynamic imports (phone tools, demo data, Temporal polyfill,
 * locales) are lazy chunks, each budgeted on its own as what it adds on top of the `callback-kit` entry.
 *
 * `callback-kit/core` (and the index, which re-exports it) export the phone tools for hosts and Node; their figure
 * is "without phone data" as long as the phone tools stay one chunk of their own (the one `loadPhoneTools()`
 * loads), which has its own budget. Element entries must never import the phone tools or the polyfill statically.
 *
 * Usage: node scripts/size.mjs                 prints the table
 *        node scripts/size.mjs --check         also exits 1 when a budget is exceeded (npm test)
 *        node scripts/size.mjs --json          prints the measurements as JSON
 *        node scripts/size.mjs --why <entry>   explains an entry's eager bytes (e.g. --why callback-list)
 *        node scripts/size.mjs --check --strict   checks the budgets, ignoring the ceilings (see CEILINGS)
 *        SIZE_BUDGET_SCALE=0.5 node scripts/size.mjs --check   tightens every limit (to see the gate fail)
 * Sizes: gzip level 9 (zlib), 1 kB = 1000 bytes, per file (each chunk is its own download).
 */
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {rollup} from 'rollup';
import ts from 'typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {entries as packageEntries} from '../rollup.config.mjs';
import {minifyTemplates} from './minify-templates.mjs';
import {shortLocaleIds} from './short-locale-ids.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--why <entry>` explains that entry's eager closure: its files, and its modules by group, biggest first. */
const why = argv.includes('--why') ? argv[argv.indexOf('--why') + 1] : undefined;
const check = args.has('--check');
const asJson = args.has('--json');

const KB = 1000;

/** Budgets in bytes (gzip): issue 9's targets. `SIZE_BUDGET_SCALE=0.5` tightens every limit, e.g. to see the check fail. */
const scale = Number(process.env.SIZE_BUDGET_SCALE ?? 1);
const BUDGETS = {
  index: 30 * KB, // import 'callback-kit': every element
  element: 16 * KB, // import 'callback-kit/<element>.js' (with lit)
  core: 12 * KB, // import 'callback-kit/core' (DOM-free; phone data lazy)
  phone: 40 * KB, // the phone parser + prefix-to-zone table, loaded on first use
  locale: 4 * KB, // each extra locale's strings
  virtualizer: 10 * KB, // @lit-labs/virtualizer, loaded when a list passes VIRTUALIZE_ABOVE rows
};

/**
 * Ceilings for the entries that do not meet their budget yet (README "Size"): `--check` fails above a ceiling, so
 * nothing grows while the work towards the budget goes on. Lower a ceiling whenever a change shrinks its entry
 * (about 1% above the measured size) and delete it once the entry meets its budget. Raise one only for new
 * user-facing function or text, saying so in the commit, never to let a refactor or a dependency bump through.
 * `--strict` checks the budgets themselves.
 */
const CEILINGS = {
  'callback-kit': 82.5 * KB, // every element and core; +issues 14/16/19 (0.2 contract, calling rules in core and the elements); issue 17 sets the budgets
  'callback-kit/core': 17.5 * KB, // MemoryBackend seeds its demo data synchronously; +calling rules, owner shifts and hand-off (issue 19); +issue 14 HttpBackend resync, 0.2 routes
  'callback-kit/callback-scheduler.js': 33.8 * KB, // renders <timeslot-grid> and <ck-month-calendar>; +issue 14 (reschedule contact, live seats, kept attempts), +issue 19 (rules at pick time, owner hours)
  'callback-kit/timeslot-grid.js': 17.5 * KB, // +issue 19: jurisdiction, contact-window and owner-shift reasons (was within its 16 kB budget)
  'callback-kit/logout-countdown.js': 16.6 * KB,
  'callback-kit/callback-list.js': 27.2 * KB, // +issue 14: customer zones, persisted lifecycle, resync, bidi isolation; +issue 19 hand-off countdown
  'callback-kit/campaign-list.js': 25.5 * KB,
  'locale es': 6.6 * KB, // ~360 messages of Spanish text; +issues 14 and 19 messages
  'callback-kit/react.js': 68.8 * KB, // new entry (React components): all six elements, like `callback-kit`
};
const strict = args.has('--strict');

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

// ---------------------------------------------------------------------------------------------------------
// Build. TypeScript is transpiled file by file with the project's compiler options (the same emit as the
// package build, minus type checking, which `npm run typecheck` does), so several builds stay fast.

const tsconfig = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.build.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
const compilerOptions = {
  ...tsconfig.options,
  declaration: false,
  emitDeclarationOnly: false,
  sourceMap: false,
  noEmit: false,
  importHelpers: true, // as @rollup/plugin-typescript does: one tslib, not a helper copy per file
};

const templates = minifyTemplates(ts);

/** @returns {import('rollup').Plugin} */
function transpileTypeScript() {
  return {
    name: 'transpile-typescript',
    transform(code, id) {
      if (!id.endsWith('.ts') || id.endsWith('.d.ts')) return null;
      const out = ts.transpileModule(code, {compilerOptions, fileName: id, transformers: {before: [templates]}});
      return {code: out.outputText, map: null};
    },
  };
}

const warnings = new Set();
let cache;

/** Builds `inputs` as one chunk graph (in memory) and returns its chunks with their sizes. */
async function build(inputs) {
  const outDir = mkdtempSync(join(tmpdir(), 'ck-size-'));
  try {
    const bundle = await rollup({
      input: Object.fromEntries(Object.entries(inputs).map(([name, file]) => [name, join(root, file)])),
      cache,
      onwarn: (warning) => {
        if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('node_modules'))) return;
        warnings.add(warning.message);
      },
      plugins: [
        resolve({browser: true, exportConditions: ['browser', 'production'], extensions: ['.mjs', '.js', '.ts']}),
        transpileTypeScript(),
        shortLocaleIds(), // after TypeScript: plugin-typescript reads the sources itself
        terser({ecma: 2022, module: true, format: {comments: false}}),
      ],
    });
    cache = bundle.cache;
    const {output} = await bundle.generate({
      dir: outDir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    });
    await bundle.close();
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
    for (const c of chunks.values()) {
      c.gzip = gzipSync(c.code, {level: 9}).length;
      c.min = Buffer.byteLength(c.code);
    }
    return chunks;
  } finally {
    rmSync(outDir, {recursive: true, force: true});
  }
}

const rel = (id) => relative(root, id).split(sep).join('/');
const isPhoneModule = (id) =>
  /src\/core\/phone(-(zones|regions)\.generated)?\.ts$/.test(rel(id)) ||
  rel(id).includes('node_modules/libphonenumber-js/');
const isPolyfillModule = (id) =>
  rel(id).includes('node_modules/temporal-polyfill/') || rel(id).includes('node_modules/temporal-utils/');

/** The files a page downloads before the entry runs: the entry chunk and its static imports, transitively. */
function eagerClosure(chunks, fileName) {
  const seen = new Set();
  const walk = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of chunks.get(name).imports) walk(dep);
  };
  walk(fileName);
  return seen;
}

const sum = (chunks, files, key = 'gzip') => [...files].reduce((total, f) => total + chunks.get(f)[key], 0);
const modulesOf = (chunks, files) => [...files].flatMap((f) => Object.keys(chunks.get(f).modules));
const entryFile = (name) => `${name}.js`;

const rows = [];
const failures = [];
const notes = [];

function row(chunks, name, what, files, budget, {extra = ''} = {}) {
  const gzip = sum(chunks, files);
  const min = sum(chunks, files, 'min');
  const ceiling =
    strict || budget === undefined || CEILINGS[name] === undefined ? undefined : Math.round(CEILINGS[name] * scale);
  const limit = ceiling ?? budget;
  const ok = limit === undefined ? true : gzip <= limit;
  const status =
    budget === undefined ? '' : gzip <= budget ? 'ok' : ok ? `over budget, under ceiling ${fmt(ceiling)}` : 'OVER';
  rows.push({name, what, files: files.size, min, gzip, budget, ceiling, ok, status, extra});
  if (!ok) failures.push(`${name}: ${fmt(gzip)} gzip > ${ceiling ? 'ceiling' : 'budget'} ${fmt(limit)}`);
}

/** Where a module's bytes belong, for `--why`. */
function groupOf(id) {
  const path = rel(id);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) {
    if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg[1])) return 'lit';
    return pkg[1];
  }
  const component = /^src\/components\/([^/]+)\//.exec(path);
  if (component) return `src/components/${component[1]}`;
  return path.split('/').slice(0, 2).join('/');
}

/**
 * Explains an entry's eager closure (`--why <entry>`): its files, then its modules by group with an estimate of
 * their gzip share (each file's gzip size split in proportion to the modules' rendered bytes).
 */
function explain(chunks, name) {
  const files = eagerClosure(chunks, entryFile(name));
  console.log(`${name}: ${files.size} files`);
  for (const f of files) console.log(`  ${fmt(chunks.get(f).gzip).padStart(9)} gzip  ${f}`);
  const groups = new Map();
  const modules = [];
  for (const f of files) {
    const chunk = chunks.get(f);
    const total = Object.values(chunk.modules).reduce((t, m) => t + m.renderedLength, 0) || 1;
    for (const [id, m] of Object.entries(chunk.modules)) {
      const share = (chunk.gzip * m.renderedLength) / total;
      modules.push([rel(id), share]);
      groups.set(groupOf(id), (groups.get(groupOf(id)) ?? 0) + share);
    }
  }
  console.log('  by group (estimated gzip):');
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1])) {
    if (bytes >= 10) console.log(`  ${fmt(bytes).padStart(9)}  ${group}`);
  }
  console.log('  largest modules (estimated gzip):');
  for (const [id, bytes] of modules.sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${fmt(bytes).padStart(9)}  ${id}`);
  }
  console.log('');
}

// Eager entries: each built on its own, as a page (or a host's bundler) that imports just that entry sees it.
const builds = new Map();
for (const [name, file] of Object.entries(entries)) {
  if (name.startsWith('locale-')) continue;
  const chunks = await build({[name]: file});
  builds.set(name, chunks);
  if (why === name) explain(chunks, name);
  const files = eagerClosure(chunks, entryFile(name));
  const kind = name === 'index' ? 'index' : name === 'core' ? 'core' : 'element';
  const spec = name === 'index' ? 'callback-kit' : name === 'core' ? 'callback-kit/core' : `callback-kit/${name}.js`;
  const flags = [];
  // `callback-kit/core` (and the index, which re-exports it) export the phone tools for hosts and Node: there the
  // phone chunk is budgeted on its own ("core without phone data"), as long as it stays a chunk of its own, the
  // same one `loadPhoneTools()` imports. Elements must never import it statically.
  const phoneFiles = [...files].filter((f) => Object.keys(chunks.get(f).modules).some(isPhoneModule));
  if (phoneFiles.length && kind !== 'element') {
    const own = phoneFiles.every((f) => Object.keys(chunks.get(f).modules).every(isPhoneModule));
    if (own) {
      for (const f of phoneFiles) files.delete(f);
      flags.push('re-exports the phone chunk (budgeted below)');
    } else {
      flags.push('phone tools mixed into its chunks');
      failures.push(`${spec}: the phone parser/zone table is not a chunk of its own`);
    }
  } else if (phoneFiles.length) {
    flags.push('phone tools EAGER');
    failures.push(`${spec}: the phone parser/zone table is statically imported (must be a lazy chunk)`);
  }
  const mods = modulesOf(chunks, files);
  if (mods.some(isPolyfillModule)) {
    flags.push('Temporal polyfill EAGER');
    failures.push(`${spec}: temporal-polyfill is statically imported (must be a lazy chunk)`);
  }
  if (missingFromPackage.includes(name)) flags.push('not in rollup.config.mjs entries yet');
  row(chunks, spec, 'eager', files, Math.round(BUDGETS[kind] * scale), {extra: flags.join('; ')});
}

// Lazy chunks, from the `callback-kit` build: what each adds on top of that entry's eager files.
const indexChunks = builds.get('index');
const indexEager = eagerClosure(indexChunks, entryFile('index'));
function lazyCost(predicate) {
  const roots = [...indexChunks.values()].filter((c) => Object.keys(c.modules).some(predicate)).map((c) => c.fileName);
  const files = new Set(roots);
  for (const r of roots) for (const f of eagerClosure(indexChunks, r)) if (!indexEager.has(f)) files.add(f);
  return {roots, files};
}

const phone = lazyCost((id) => /src\/core\/phone\.ts$/.test(rel(id)));
if (phone.roots.length === 0) failures.push('no chunk of callback-kit contains src/core/phone.ts');
else row(indexChunks, 'phone tools (parser + zone table)', 'lazy', phone.files, Math.round(BUDGETS.phone * scale));

const polyfill = lazyCost(isPolyfillModule);
if (polyfill.roots.length === 0) {
  failures.push('temporal-polyfill is not in callback-kit at all: browsers without Temporal would break');
} else {
  const own = polyfill.roots.every((r) => Object.keys(indexChunks.get(r).modules).every(isPolyfillModule));
  const lazy = polyfill.roots.every((r) => !indexEager.has(r));
  row(indexChunks, 'temporal-polyfill', 'lazy', polyfill.files, undefined, {
    extra: lazy && own ? 'own chunk, loaded only without native Temporal' : lazy ? 'shares a chunk' : 'NOT LAZY',
  });
  if (!lazy || !own) failures.push('temporal-polyfill must be its own lazy chunk');
}

const virtualizer = lazyCost((id) => rel(id).includes('node_modules/@lit-labs/virtualizer/'));
if (virtualizer.roots.length === 0) failures.push('no chunk of callback-kit contains @lit-labs/virtualizer');
else if (virtualizer.roots.some((r) => indexEager.has(r))) {
  failures.push('@lit-labs/virtualizer is in the eager bundle (must load only for long lists)');
} else {
  row(
    indexChunks,
    'list virtualizer (lists over 50 rows)',
    'lazy',
    virtualizer.files,
    Math.round(BUDGETS.virtualizer * scale),
  );
}

const demo = lazyCost((id) => /src\/core\/demo-data\.ts$/.test(rel(id)));
if (demo.roots.length > 0) row(indexChunks, 'demo data (MemoryBackend)', 'lazy', demo.files, undefined);

if (locales.length === 0) {
  notes.push('no extra locale yet (src/generated/locales/*.ts absent): locale budget skipped');
}
for (const locale of locales) {
  const cost = lazyCost((id) => rel(id) === `src/generated/locales/${locale}.ts`);
  if (cost.roots.length === 0) {
    failures.push(`locale ${locale}: no chunk of callback-kit loads src/generated/locales/${locale}.ts`);
  } else if (cost.roots.some((r) => indexEager.has(r))) {
    failures.push(`locale ${locale}: its strings are in the eager bundle (must be a lazy chunk)`);
  }
  if (cost.roots.length) row(indexChunks, `locale ${locale}`, 'lazy', cost.files, Math.round(BUDGETS.locale * scale));
}

// ---------------------------------------------------------------------------------------------------------
// Report.

function fmt(bytes) {
  return `${(bytes / KB).toFixed(2)} kB`;
}

if (asJson) {
  console.log(JSON.stringify({rows, failures, notes, warnings: [...warnings]}, null, 2));
} else {
  const header = ['entry', 'load', 'files', 'min', 'gzip', 'budget', ''];
  const body = rows.map((r) => [
    r.name,
    r.what,
    String(r.files),
    fmt(r.min),
    fmt(r.gzip),
    r.budget === undefined ? '-' : fmt(r.budget),
    `${r.status}${r.extra ? `  ${r.extra}` : ''}`,
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
    `\nEager = the entry and its static imports, transitively (each entry built on its own);` +
      ` lazy = what the chunk adds on top of 'callback-kit'.` +
      `\nAll dependencies bundled (lit, @lit/*, @lit-labs/virtualizer), terser, gzip -9, 1 kB = 1000 B` +
      (scale !== 1 ? `, budgets scaled by ${scale}` : '') +
      '.',
  );
  for (const n of notes) console.log(`note: ${n}`);
  for (const w of warnings) console.log(`rollup: ${w}`);
  if (failures.length) {
    console.log(`\n${failures.length} limit${failures.length === 1 ? '' : 's'} exceeded:`);
    for (const f of failures) console.log(`  - ${f}`);
  }
}

if (check && failures.length) process.exit(1);
