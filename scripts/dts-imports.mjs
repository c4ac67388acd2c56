#!/usr/bin/env node
/**
 * Declaration files import only packages a host has: the package's dependencies and peer dependencies.
 *
 * tsc writes inferred types with the package that declares them, e.g. `render(): import("lit-html").TemplateResult`,
 * but `lit-html` is lit's dependency, not the kit's: a host with a strict node_modules (pnpm) cannot resolve it and
 * its type checker sees `any`. `npm run build` runs this script after tsc to point those imports at `lit`, which
 * re-exports the same types; `--check` (in `npm run check:package-hygiene`) only reports, and fails when a
 * declaration file imports a package that is not a dependency or peer dependency.
 *
 *   node scripts/dts-imports.mjs          rewrites dist/types
 *   node scripts/dts-imports.mjs --check  fails on any import of an undeclared package
 */
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const declared = new Set([
  pkg.name,
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);

/** Lit's internal packages and the public `lit` module that re-exports the same declarations. */
const REWRITES = [
  [/^lit-html$/, 'lit'],
  [/^lit-html\/directive\.js$/, 'lit/directive.js'],
  [/^lit-html\/directives\/(.+)$/, 'lit/directives/$1'],
  [/^lit-html\/static\.js$/, 'lit/static-html.js'],
  [/^lit-element\/lit-element\.js$/, 'lit'],
  [/^@lit\/reactive-element$/, 'lit'],
];

const SPECIFIER = /(\bimport\(\s*|\bfrom\s+|\bimport\s+)(["'])([^"']+)\2/g;
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function* files(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}

const problems = [];
let rewritten = 0;
for (const file of files(join(root, 'dist/types'))) {
  const source = readFileSync(file, 'utf8');
  const out = source.replace(SPECIFIER, (match, lead, quote, specifier) => {
    if (specifier.startsWith('.')) return match;
    let target = specifier;
    if (!check) {
      for (const [pattern, replacement] of REWRITES) {
        if (pattern.test(specifier)) {
          target = specifier.replace(pattern, replacement);
          break;
        }
      }
    }
    if (!declared.has(packageOf(target))) {
      problems.push(`${file.slice(root.length)}: imports "${target}", which is not a dependency or peer dependency`);
    }
    return `${lead}${quote}${target}${quote}`;
  });
  if (out !== source) {
    writeFileSync(file, out);
    rewritten++;
  }
}
if (!check && rewritten) console.log(`dts-imports: ${rewritten} declaration files now import lit's public modules.`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
