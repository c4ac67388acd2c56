/**
 * The `offline-chunks` command (test/components/virtualizer-offline.test.ts): makes the test's own page fail to
 * download some modules, as after a deploy replaced the chunks or on a flaky network. Through puppeteer's request
 * interception (Chromium over CDP, Firefox over WebDriver BiDi): page-local and never answered from the HTTP cache,
 * which every test page shares.
 *
 *   await executeServerCommand('offline-chunks', {pattern: '/@lit-labs/virtualizer/'});  // 503 from now on
 *   await executeServerCommand('offline-chunks', {pattern: null});                         // back to normal
 */
const pages = new WeakMap();

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function offlineChunksPlugin() {
  return {
    name: 'offline-chunks',
    async executeCommand({command, payload, session}) {
      if (command !== 'offline-chunks') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page?.setRequestInterception) throw new Error('offline-chunks needs a puppeteer-driven page');
      let state = pages.get(page);
      if (!state) {
        state = {pattern: undefined};
        pages.set(page, state);
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          if (request.isInterceptResolutionHandled?.()) return;
          if (state.pattern && state.pattern.test(new URL(request.url()).pathname)) {
            void request.respond({status: 503, contentType: 'text/plain', body: 'offline (offline-chunks)'});
          } else {
            void request.continue();
          }
        });
      }
      state.pattern = payload?.pattern ? new RegExp(payload.pattern) : undefined;
      return true;
    },
  };
}
