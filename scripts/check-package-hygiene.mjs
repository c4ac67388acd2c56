#!/usr/bin/env node
/**
 * `npm run check:package-hygiene`: the tarball as npm would publish it, checked by the tools hosts' tooling trusts.
 * Builds (`npm run build`, what `prepack` runs) and packs once, then on that tarball:
 * - publint --strict: exports, files, types conditions, module format;
 * - attw (@arethetypeswrong/cli) --profile esm-only: every export's types resolve under node16 and bundler;
 * - scripts/dts-imports.mjs --check: declaration files import only declared (peer) dependencies;
 * - every relative link and image in README.md points to a file the tarball ships (npm renders the README from it).
 * Exits non-zero on the first tool that reports a problem.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, posix} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const run = (command, args) => execFileSync(command, args, {cwd: root, stdio: 'inherit'});

const dir = mkdtempSync(join(tmpdir(), 'ck-hygiene-'));
try {
  run('npm', ['run', 'build', '--silent']);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = join(dir, packed.filename);
  const shipped = new Set(packed.files.map((f) => f.path));
  console.log(`packed ${packed.filename}: ${packed.files.length} files, ${(packed.size / 1000).toFixed(1)} kB`);

  run(bin('publint'), ['run', tarball, '--strict']);
  run(bin('attw'), [tarball, '--profile', 'esm-only']);
  run(process.execPath, [join(root, 'scripts/dts-imports.mjs'), '--check']);

  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const dead = [];
  for (const [, target] of readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^(?:[a-z]+:|#)/i.test(target)) continue; // absolute URL or in-page anchor
    const path = posix.normalize(target.split('#')[0]).replace(/\/$/, '');
    const ok = shipped.has(path) || [...shipped].some((file) => file.startsWith(`${path}/`));
    if (!ok) dead.push(target);
  }
  if (dead.length) {
    console.error(`README.md links to files the package does not ship (dead on the npm page): ${dead.join(', ')}`);
    process.exit(1);
  }
  console.log('README links: every relative link points to a shipped file');
  console.log('package hygiene check passed');
} finally {
  rmSync(dir, {recursive: true, force: true});
}
