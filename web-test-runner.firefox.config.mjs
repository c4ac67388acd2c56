// The browser suite again in Firefox ESR (the machine's, never a downloaded browser; see scripts/firefox.mjs),
// driven by puppeteer-core over WebDriver BiDi:
//
//   web-test-runner --config web-test-runner.firefox.config.mjs
//
// Same plugins and groups as the Chromium run (web-test-runner.config.mjs); only the launcher differs.
// @web/test-runner-chrome's launcher takes a custom puppeteer and `browser: 'firefox'`: the one thing it does over
// the DevTools protocol, native coverage, it does for Chromium only (and this suite runs without coverage). Its type
// stays 'puppeteer', so sendKeys, setViewport and the other commands of @web/test-runner-commands take their
// puppeteer path. test/plugins/firefox-page.mjs adds what puppeteer cannot do in Firefox: media emulation
// (emulateMedia, the emulate-forced-colors command) and keeping the page focused from one test file to the next.
import * as puppeteer from 'puppeteer-core';
import {chromeLauncher} from '@web/test-runner-chrome';
import base from './web-test-runner.config.mjs';
import {findFirefox} from './scripts/firefox.mjs';
import {FIREFOX_SYSTEM_ACCESS_ARGS, firefoxPage} from './test/plugins/firefox-page.mjs';

export default {
  ...base,
  browsers: [
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath: findFirefox(),
        headless: true,
        args: FIREFOX_SYSTEM_ACCESS_ARGS,
      },
      createPage: async ({context}) => firefoxPage(await context.newPage()),
    }),
  ],
};
