/**
 * The `screenshot` command: saves a PNG of the test's page as a test artifact, in Chromium and in Firefox (both
 * puppeteer launchers; @web/test-runner-commands has no screenshot command for them). In a test:
 *
 *   import {executeServerCommand} from '@web/test-runner-commands';
 *   await executeServerCommand('screenshot', {name: 'grid-1280', folder: 'host-layouts'});
 *
 * writes test-results/<folder>/<browser>/<name>.png (browser: `chromium` or `firefox`), creating the folders, and
 * returns that path (relative to the working directory). `fullPage` (default true) captures the whole document,
 * not only the viewport. `name` and `folder` are plain file names (letters, digits, `-`, `_`, `.`): nothing is
 * written outside test-results/. The folder is git-ignored.
 */
import {mkdir} from 'node:fs/promises';
import {join, relative} from 'node:path';
import {isFirefoxPage} from './firefox-page.mjs';

const SAFE = /^[\w.-]+$/;
export const SCREENSHOT_ROOT = 'test-results';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function screenshotPlugin({root = SCREENSHOT_ROOT} = {}) {
  return {
    name: 'screenshot',
    async executeCommand({command, payload, session}) {
      if (command !== 'screenshot') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page?.screenshot) throw new Error('screenshot needs a puppeteer-driven page (Chromium or Firefox)');
      const {name, folder = 'screenshots', fullPage = true} = payload ?? {};
      for (const [key, value] of Object.entries({name, folder})) {
        if (typeof value !== 'string' || !SAFE.test(value) || value.startsWith('.')) {
          throw new Error(
            `screenshot: ${key} must be a plain file name ([A-Za-z0-9_.-]), got ${JSON.stringify(value)}`,
          );
        }
      }
      const browser = isFirefoxPage(page) ? 'firefox' : 'chromium';
      const dir = join(root, folder, browser);
      await mkdir(dir, {recursive: true});
      const path = join(dir, `${name}.png`);
      await page.screenshot({path, fullPage: Boolean(fullPage)});
      return relative(process.cwd(), path);
    },
  };
}
