#!/usr/bin/env node
/**
 * Runs the conformance suite (conformance/cli.mjs) against freshly started reference server instances, for CI:
 *
 *   node test/load/run-conformance.mjs                       # PGlite in a temp --data-dir, 1 instance
 *   DATABASE_URL=postgres://... node test/load/run-conformance.mjs --instances 2
 *
 * The instances use the development tokens (loopback only); the suite runs with `--token dev-agent-maria
 * --other-token dev-agent-james --require-auth` and every instance's URL. Prints the table and exits with the
 * suite's exit code (1 when a check failed; 2 on bad usage or when an instance does not start).
 * Extra arguments after `--` go to the suite (e.g. `-- --json`).
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {Instance, root} from './instances.mjs';

const {values, positionals} = parseArgs({
  options: {instances: {type: 'string', default: '1'}},
  allowPositionals: true,
});
const count = Number(values.instances);
if (!Number.isInteger(count) || count < 1) {
  console.error(`run-conformance: --instances must be a positive integer, got ${values.instances}`);
  process.exit(2);
}
const postgres = !!process.env.DATABASE_URL;
if (!postgres && count > 1) {
  console.error('run-conformance: PGlite runs in one process: --instances 2 needs DATABASE_URL');
  process.exit(2);
}

const dataDir = postgres ? undefined : mkdtempSync(path.join(os.tmpdir(), 'ck-conformance-pglite-'));
const instances = Array.from(
  {length: count},
  (_, i) => new Instance(i, {args: dataDir ? ['--data-dir', dataDir] : [], storage: postgres ? 'postgres' : 'pglite'}),
);

let code = 2;
try {
  await Promise.all(instances.map((i) => i.start()));
  console.log(
    `reference server: ${postgres ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}, ${count} instance(s)`,
  );
  const args = [path.join(root, 'conformance/cli.mjs'), ...instances.flatMap((i) => ['--base-url', i.url])];
  args.push('--token', 'dev-agent-maria', '--other-token', 'dev-agent-james', '--require-auth', ...positionals);
  code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {cwd: root, stdio: 'inherit'});
    child.once('error', reject);
    child.once('close', (exit) => resolve(exit ?? 1));
  });
} catch (error) {
  console.error(error);
} finally {
  await Promise.all(instances.map((i) => i.stop()));
  if (dataDir) rmSync(dataDir, {recursive: true, force: true});
}
process.exit(code);
