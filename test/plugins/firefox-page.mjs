/**
 * What a Firefox test page needs beyond puppeteer-core (WebDriver BiDi), for web-test-runner.firefox.config.mjs.
 *
 * Media emulation. Puppeteer emulates media features with the DevTools protocol, which Firefox does not speak, and
 * WebDriver BiDi has no command for them in Firefox ESR 153. Firefox's own DevTools emulate them with three fields
 * of the tab's BrowsingContext: `prefersColorSchemeOverride`, `prefersReducedMotionOverride` and
 * `forcedColorsOverride` (the last one really forces colours, as Chromium's emulation does). They are set here on
 * the test page's browsing context. Like Chromium's emulation they last while the page stays; a navigation that
 * replaces the browsing context (the next test file) starts without them.
 *
 * Focus. In Firefox, Tab from the last element of a page (Shift+Tab from the first) moves focus out of the page, to
 * the browser's toolbar, which headless Chromium does not have. The page then has no focus (`document.hasFocus()` is
 * false, Enter on a focused button does nothing) until something gives it back, so one test that tabs past the end
 * broke the keyboard tests after it, in its file and in the next files. As in Chromium, keyboard input here is for
 * the page: before each key sent (and each navigation, i.e. each test file) the page gets focus back if it lost it.
 *
 * Both run script in the browser window itself (chrome scope), which needs Firefox started with
 * FIREFOX_SYSTEM_ACCESS_ARGS.
 *
 * - `firefoxPage(page)` gives a page a working `emulateMediaFeatures` (so `emulateMedia({colorScheme,
 *   reducedMotion})` from @web/test-runner-commands works unchanged) and its focus back before each key (so
 *   `sendKeys` works unchanged) and each navigation.
 * - `emulateFirefoxMedia(page, overrides)` sets the overrides directly (the `emulate-forced-colors` command).
 */

/** Lets the BiDi client run script in Firefox's chrome (browser window) scope: a test browser only, never a user's. */
export const FIREFOX_SYSTEM_ACCESS_ARGS = ['--remote-allow-system-access'];

/** The emulatable features, as BrowsingContext fields and the values each accepts ('none' = no override). */
const FEATURES = {
  'prefers-color-scheme': {field: 'prefersColorSchemeOverride', values: ['light', 'dark']},
  'prefers-reduced-motion': {field: 'prefersReducedMotionOverride', values: ['reduce', 'no-preference']},
  'forced-colors': {field: 'forcedColorsOverride', values: ['active']},
};

/** Pages set up by firefoxPage. */
const pages = new WeakSet();
/** The browser window's BiDi context, per browser: where chrome-scope script runs. */
const chromeContexts = new WeakMap();

/** Is this a Firefox page set up by firefoxPage (from web-test-runner.firefox.config.mjs)? */
export function isFirefoxPage(page) {
  return pages.has(page);
}

/**
 * Sets a puppeteer page on Firefox up for the test runner: a working `emulateMediaFeatures` (like the DevTools
 * protocol's, each call sets the features it lists and resets the others: `prefers-color-scheme`,
 * `prefers-reduced-motion`), and focus given back to the page before each key and each navigation.
 * @template {import('puppeteer-core').Page} P
 * @param {P} page
 * @returns {P}
 */
export function firefoxPage(page) {
  page.emulateMediaFeatures = async (features = []) => {
    const overrides = {'prefers-color-scheme': 'none', 'prefers-reduced-motion': 'none'};
    for (const {name, value} of features) {
      if (!(name in overrides)) throw new Error(`Unsupported media feature in Firefox: ${name}`);
      overrides[name] = value || 'none';
    }
    await emulateFirefoxMedia(page, overrides);
  };
  const focusPage = () =>
    inBrowserWindow(
      page,
      `const browser = tab.embedderElement;
      if (browser.ownerDocument.activeElement !== browser) browser.focus();
      return true;`,
    );
  const {keyboard} = page;
  for (const method of ['down', 'up', 'press', 'type', 'sendCharacter']) {
    const send = keyboard[method].bind(keyboard);
    keyboard[method] = async (...args) => {
      await focusPage();
      return send(...args);
    };
  }
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    await focusPage();
    return goto(url, options);
  };
  pages.add(page);
  return page;
}

/**
 * Sets media-feature overrides on a Firefox page's browsing context.
 * @param {import('puppeteer-core').Page} page
 * @param {Partial<Record<keyof typeof FEATURES, string>>} overrides e.g. `{'forced-colors': 'active'}`; 'none' resets
 */
export async function emulateFirefoxMedia(page, overrides) {
  const fields = {};
  for (const [name, value] of Object.entries(overrides)) {
    const feature = FEATURES[name];
    if (!feature) throw new Error(`Unsupported media feature in Firefox: ${name}`);
    // Firefox ignores an unknown value without a word: check it here
    if (value !== 'none' && !feature.values.includes(value)) throw new Error(`Unsupported value for ${name}: ${value}`);
    fields[feature.field] = value;
  }
  const applied = await inBrowserWindow(
    page,
    `const fields = ${JSON.stringify(fields)};
    Object.assign(tab, fields);
    return Object.keys(fields).every((field) => tab[field] === fields[field]);`,
  );
  if (!applied) throw new Error(`Firefox did not take the media overrides ${JSON.stringify(fields)}`);
}

/**
 * Runs `body` in the browser window (chrome scope), with `tab` the page's top-level BrowsingContext; returns the
 * primitive it returns.
 */
async function inBrowserWindow(page, body) {
  const browser = page.browser();
  const expression = `(() => {
    const {NavigableManager} = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
    const tab = NavigableManager.getBrowsingContextById(${JSON.stringify(page.mainFrame()._id)})?.top;
    if (!tab) throw new Error('no browsing context for the test page');
    ${body}
  })()`;
  const {result} = await browser.connection.send('script.evaluate', {
    expression,
    target: {context: await chromeContext(browser)},
    awaitPromise: false,
  });
  if (result.type !== 'success') {
    throw new Error(
      `Script in the Firefox window failed (test/plugins/firefox-page.mjs): ${result.exceptionDetails?.text ?? JSON.stringify(result)}`,
    );
  }
  return result.result.value;
}

/** The BiDi id of the browser window (chrome scope): needs Firefox started with FIREFOX_SYSTEM_ACCESS_ARGS. */
function chromeContext(browser) {
  let found = chromeContexts.get(browser);
  if (!found) {
    found = browser.connection.send('browsingContext.getTree', {'moz:scope': 'chrome'}).then(({result}) => {
      const window = result.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
      if (!window) {
        throw new Error(
          `No Firefox browser window to run script in: start Firefox with ${FIREFOX_SYSTEM_ACCESS_ARGS}.`,
        );
      }
      return window.context;
    });
    found.catch(() => chromeContexts.delete(browser));
    chromeContexts.set(browser, found);
  }
  return found;
}
