#!/usr/bin/env node
// The framework snippets in the docs are the consumer apps' code, verbatim: an app marks a region with
// `ck-readme: <id>` ... `/ck-readme` (in a `//` or `<!-- -->` comment line), and a doc marks the fenced block that
// must equal it with `<!-- ck-readme: <id> -->` on the line before the fence. The consumer apps are built and run
// from the packed kit (scripts/consumers.mjs), so a snippet that passes here compiles and works.
// Checks: docs/frameworks.md shows every app region; every marked block in docs/frameworks.md and README.md (and
// any file given on the command line) equals its region. Exits 1 with the differences.
//   node test/readme-snippets/check.mjs [more.md ...]
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE = /\.(tsx?|vue|mjs|js)$/;
const START = /^\s*(?:\/\/|<!--)\s*ck-readme:\s*([\w-]+)\s*(?:-->)?\s*$/;
const END = /^\s*(?:\/\/|<!--)\s*\/ck-readme\s*(?:-->)?\s*$/;

/** Source files of the consumer apps (not their installs or builds). */
function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', '.next'].includes(name)) return [];
    if (statSync(path).isDirectory()) return sources(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** id -> {text, file} of every marked region in the apps. */
function regions() {
  const found = new Map();
  for (const file of sources(join(root, 'consumers'))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const start = START.exec(lines[i]);
      if (!start) continue;
      const end = lines.findIndex((line, j) => j > i && END.test(line));
      if (end < 0) throw new Error(`${relative(root, file)}:${i + 1}: ck-readme: ${start[1]} has no /ck-readme`);
      if (found.has(start[1])) throw new Error(`ck-readme: ${start[1]} is marked twice`);
      found.set(start[1], {text: lines.slice(i + 1, end).join('\n'), file: relative(root, file)});
    }
  }
  return found;
}

/** id -> [{text, line}] of every marked fenced block in a doc. */
function blocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!--\s*ck-readme:\s*([\w-]+)\s*-->\s*$/.exec(lines[i]);
    if (!marker) continue;
    const fence = /^(`{3,})\w*\s*$/.exec(lines[i + 1] ?? '');
    if (!fence) throw new Error(`${relative(root, file)}:${i + 1}: ck-readme: ${marker[1]} is not followed by a fence`);
    const end = lines.findIndex((line, j) => j > i + 1 && line.trim() === fence[1]);
    found.push({id: marker[1], line: i + 1, text: lines.slice(i + 2, end).join('\n')});
  }
  return found;
}

/** The first differing line, for the message. */
function firstDifference(want, got) {
  const a = want.split('\n');
  const b = got.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? Math.min(a.length, b.length) : i;
  return `line ${at + 1}: app has ${JSON.stringify(a[at] ?? '(end)')}, doc has ${JSON.stringify(b[at] ?? '(end)')}`;
}

const apps = regions();
const docs = ['docs/frameworks.md', 'README.md', ...process.argv.slice(2)].filter((f) => existsSync(join(root, f)));
const problems = [];
const shown = new Set();
for (const doc of docs) {
  for (const block of blocks(join(root, doc))) {
    const app = apps.get(block.id);
    if (!app) problems.push(`${doc}:${block.line}: ck-readme: ${block.id} matches no region in consumers/`);
    else if (app.text !== block.text) {
      problems.push(
        `${doc}:${block.line}: the ${block.id} snippet differs from ${app.file}: ${firstDifference(app.text, block.text)}`,
      );
    } else if (doc === 'docs/frameworks.md') shown.add(block.id);
  }
}
for (const [id, {file}] of apps) {
  if (!shown.has(id)) problems.push(`docs/frameworks.md does not show ${file}'s ck-readme: ${id} region`);
}
if (problems.length) {
  console.error(`readme snippets: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`readme snippets: ${apps.size} app regions, shown verbatim in ${docs.join(', ')}`);
