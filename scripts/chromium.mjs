// The one place that knows how the kit's tools find and start Chromium: the test runner, the example hosts'
// tests, the Storybook docs check and the benchmarks. Never a downloaded browser (see TOOLCHAIN.md).
import {execSync} from 'node:child_process';
import {existsSync} from 'node:fs';

/** Headless flags; without the networking ones Chromium keeps calling a network this machine does not have. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `CHROME_PATH`, else the usual Debian/Ubuntu/Chrome locations, else the PATH. Throws a clear error when none. */
export function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const path of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]) {
    if (existsSync(path)) return path;
  }
  try {
    const found = execSync('command -v chromium || command -v google-chrome', {encoding: 'utf8'}).trim();
    if (found) return found;
  } catch {
    // fall through to the error below
  }
  throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROME_PATH.');
}
