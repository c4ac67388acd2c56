#!/usr/bin/env node
/**
 * Keeps CPUs busy, to check that the test suite holds on a loaded machine (issue 18; CONTRIBUTING.md, "Running
 * the tests under load"):
 *
 *   node scripts/cpu-hog.mjs [--processes N] [--seconds S]
 *
 * Starts N child processes (default 2) that each spin in a busy loop, until this process is stopped (Ctrl+C,
 * SIGTERM) or, with --seconds, for S seconds. The children go with it: they are killed on exit, and each one also
 * stops by itself when its parent is gone (it checks every 200 ms), so a hog killed with SIGKILL leaves nothing
 * spinning. Prints one line when the hog starts and one when it stops.
 *
 * Beside the tests, e.g.:
 *
 *   node scripts/cpu-hog.mjs & HOG=$!; npm test; kill $HOG
 */
import {fork} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const USAGE = 'usage: node scripts/cpu-hog.mjs [--processes N] [--seconds S]';

/** `--name value` / `--name=value` as a positive number, or `fallback`. */
function option(args, name, fallback) {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return fallback;
  const raw = args[index].includes('=') ? args[index].split('=')[1] : args[index + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`cpu-hog: --${name} must be a positive number, got ${JSON.stringify(raw)}\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

/** A child: spins until its parent is gone (or it is killed). */
function spin() {
  const parent = process.ppid;
  let stop = false;
  const check = () => {
    try {
      process.kill(parent, 0); // throws when the parent no longer exists
    } catch {
      stop = true;
    }
  };
  process.on('disconnect', () => process.exit(0));
  const loop = () => {
    const until = Date.now() + 200;
    let x = 0;
    while (Date.now() < until) x = (x * 31 + 7) % 1_000_003;
    check();
    if (stop) process.exit(0);
    setImmediate(loop); // lets the 'disconnect' event in between two busy stretches
  };
  loop();
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const count = Math.floor(option(args, 'processes', 2));
  const seconds = option(args, 'seconds', undefined);
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({length: count}, () => fork(self, ['--child'], {stdio: 'inherit'}));
  console.log(
    `cpu-hog: ${count} busy process(es) (pids ${children.map((c) => c.pid).join(', ')})` +
      (seconds ? ` for ${seconds} s` : ' until stopped (Ctrl+C or kill ' + process.pid + ')'),
  );
  let stopped = false;
  const stop = (code = 0) => {
    if (stopped) return;
    stopped = true;
    for (const child of children) child.kill('SIGKILL');
    console.log('cpu-hog: stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  if (seconds) setTimeout(() => stop(0), seconds * 1000);
}

if (process.argv.includes('--child')) spin();
else main();
