#!/usr/bin/env node
// The consumer suite: real host apps (consumers/<name>/) install the packed kit the way users do and prove it works
// in their framework. Builds the kit, packs it once into a temp dir, then runs every consumers/<name>/run.mjs (or
// the ones named on the command line) with CK_TARBALL set, after checking that the docs' framework snippets are the
// apps' code (test/readme-snippets/check.mjs), one after another (the machine has 2 cores), prints a
// table with each app's result and time, and exits 1 if any failed.
//
//   npm run test:consumers                 # all apps
//   node scripts/consumers.mjs react-vite  # one app
//   CK_TARBALL=/path/callback-kit-0.1.0.tgz node scripts/consumers.mjs   # test that tarball, skip build and pack
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const consumersDir = join(root, 'consumers');

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {cwd: root, stdio: 'inherit', ...options});
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

const all = readdirSync(consumersDir, {withFileTypes: true})
  .filter((entry) => entry.isDirectory() && existsSync(join(consumersDir, entry.name, 'run.mjs')))
  .map((entry) => entry.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`consumers: no consumers/${unknown.join(', consumers/')}/run.mjs (have: ${all.join(', ')}).`);
  process.exit(1);
}
const apps = wanted.length ? wanted : all;

const results = [];
// The docs' framework snippets are these apps' code, verbatim (cheap, so first).
{
  const t0 = performance.now();
  const code = await run(process.execPath, [join(root, 'test/readme-snippets/check.mjs')]);
  results.push({app: 'readme-snippets', ok: code === 0, seconds: (performance.now() - t0) / 1000});
}

let tarball = process.env.CK_TARBALL;
let packDir;
if (!tarball) {
  const t0 = performance.now();
  if ((await run('npm', ['run', 'build', '--silent'])) !== 0) {
    console.error('consumers: `npm run build` failed.');
    process.exit(1);
  }
  packDir = mkdtempSync(join(tmpdir(), 'ck-pack-'));
  // The build just ran: skip the prepack script, which would build again.
  if ((await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir])) !== 0) {
    console.error('consumers: `npm pack` failed.');
    process.exit(1);
  }
  const [file] = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
  tarball = join(packDir, file);
  console.log(`consumers: built and packed ${file} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

for (const app of apps) {
  console.log(`\n=== consumers/${app} ===`);
  const t0 = performance.now();
  const code = await run(process.execPath, [join(consumersDir, app, 'run.mjs')], {
    env: {...process.env, CK_TARBALL: tarball},
  });
  results.push({app, ok: code === 0, seconds: (performance.now() - t0) / 1000});
}
if (packDir) rmSync(packDir, {recursive: true, force: true});

console.log('\n| consumer | result | time (install + build + run) |\n| --- | --- | --- |');
for (const {app, ok, seconds} of results) console.log(`| ${app} | ${ok ? 'pass' : 'FAIL'} | ${seconds.toFixed(1)} s |`);
const failed = results.filter((r) => !r.ok).map((r) => r.app);
if (failed.length) {
  console.error(`\nconsumers: ${failed.length} failed: ${failed.join(', ')}`);
  process.exit(1);
}
