// How the kit's Firefox test run (web-test-runner.firefox.config.mjs) finds Firefox: the machine's Firefox ESR
// (Debian's `firefox-esr`), driven by puppeteer-core over WebDriver BiDi. Never a downloaded browser.
import {execSync} from 'node:child_process';
import {existsSync} from 'node:fs';

/** `FIREFOX_PATH`, else Debian's Firefox ESR or Firefox, else the PATH. Throws a clear error when none. */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) {
    if (existsSync(path)) return path;
  }
  try {
    const found = execSync('command -v firefox-esr || command -v firefox', {encoding: 'utf8'}).trim();
    if (found) return found;
  } catch {
    // fall through to the error below
  }
  throw new Error('No Firefox found: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.');
}
