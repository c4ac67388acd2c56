#!/usr/bin/env node
// Runs before `npm start` and `npm test` so the README's two commands work on a fresh clone:
// installs the locked dependencies when they are missing or stale, and (for tests) finds a Chromium,
// installing Debian's package with apt when none is found and we are allowed to (root with apt-get).
// Uses only Node's standard library: it runs before node_modules exists.
import {execSync, spawnSync} from 'node:child_process';
import {existsSync, statSync} from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const needBrowser = process.argv.includes('--browser');

function run(command) {
  console.log(`> ${command}`);
  const result = spawnSync(command, {cwd: root, stdio: 'inherit', shell: true});
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const marker = `${root}node_modules/.package-lock.json`;
const lock = `${root}package-lock.json`;
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  console.log('callback-kit: installing dependencies (npm ci)...');
  // See .ci/run: when the registry lacks optional platform packages, `npm ci` refuses the lock; install from it.
  const ci = spawnSync('npm ci --no-audit --no-fund', {cwd: root, stdio: 'inherit', shell: true});
  if (ci.status !== 0) run('npm install --no-audit --no-fund --no-save');
}

if (needBrowser) {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  let browser = candidates.find((path) => path && existsSync(path));
  if (!browser) {
    const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], {stdio: 'ignore'}).status === 0;
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (hasApt && isRoot) {
      console.log("callback-kit: no browser found, installing Debian's chromium with apt...");
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
      browser = candidates.find((path) => path && existsSync(path));
    }
  }
  if (!browser) {
    console.error(
      'callback-kit: the browser tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)\n' +
        'or point CHROME_PATH at a Chrome/Chromium binary, then run npm test again.',
    );
    process.exit(1);
  }
  try {
    console.log(`callback-kit: browser ${execSync(`"${browser}" --version`, {encoding: 'utf8'}).trim()}`);
  } catch {
    console.log(`callback-kit: browser ${browser}`);
  }

  // The second engine: npm test runs the host-layouts suite in Firefox ESR too (test:layouts:firefox).
  const firefoxes = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  let firefox = firefoxes.find((path) => path && existsSync(path));
  if (!firefox) {
    const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], {stdio: 'ignore'}).status === 0;
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (hasApt && isRoot) {
      console.log("callback-kit: no Firefox found, installing Debian's firefox-esr with apt...");
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr');
      firefox = firefoxes.find((path) => path && existsSync(path));
    }
  }
  if (!firefox) {
    console.error(
      'callback-kit: the host-layouts suite also runs in Firefox. Install it (Debian/Ubuntu: sudo apt-get install -y\n' +
        'firefox-esr) or point FIREFOX_PATH at a Firefox binary, then run npm test again.',
    );
    process.exit(1);
  }
  console.log(`callback-kit: second engine ${firefox}`);
}
