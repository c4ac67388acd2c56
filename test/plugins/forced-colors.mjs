import {emulateFirefoxMedia, isFirefoxPage} from './firefox-page.mjs';

/**
 * A @web/test-runner command that emulates `forced-colors: active` (Windows High Contrast) in Chromium and Firefox.
 *
 * `emulateMedia({forcedColors})` from @web/test-runner-commands ignores `forcedColors` under puppeteer (and
 * puppeteer's own `emulateMediaFeatures` rejects the feature), so this goes to the DevTools protocol directly:
 * `Emulation.setEmulatedMedia` with `forced-colors`. Chromium then really forces colours (system colours, no
 * author backgrounds), which is what axe sees. In a test:
 *
 *   import {executeServerCommand} from '@web/test-runner-commands';
 *   await executeServerCommand('emulate-forced-colors', {active: true});
 *
 * In Firefox (web-test-runner.firefox.config.mjs), which has no DevTools protocol, it sets the tab's
 * `forcedColorsOverride` instead (see firefox-page.mjs): Firefox then forces colours the same way.
 *
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function forcedColorsPlugin() {
  /** One DevTools session per page: the emulation lasts as long as the session that set it. */
  const sessions = new WeakMap();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(
          `emulate-forced-colors needs a puppeteer (Chromium or Firefox) launcher, not ${session.browser.type}.`,
        );
      }
      const page = session.browser.getPage(session.id);
      const active = Boolean(payload && typeof payload === 'object' && payload.active);
      if (isFirefoxPage(page)) {
        await emulateFirefoxMedia(page, {'forced-colors': active ? 'active' : 'none'});
        return true;
      }
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [{name: 'forced-colors', value: active ? 'active' : 'none'}],
      });
      return true;
    },
  };
}
