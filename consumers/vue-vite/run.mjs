// consumers/vue-vite: Vite + Vue 3 SFCs with `vue-tsc --noEmit` (strict templates) and callback-kit/vue's
// isCallbackKitElement in vite.config. Installs the packed kit (CK_TARBALL), type-checks, builds, serves dist/,
// schedules a callback in Chromium and checks the app's @callback-scheduled handler got the saved callback, with no
// "Failed to resolve component" warning and the clock and backend held in ref()s. Run via scripts/consumers.mjs.
import {
  inBrowser,
  main,
  prepareApp,
  run,
  scheduleCallback,
  serveStatic,
  step,
} from '../../scripts/consumer-harness.mjs';

await main('vue-vite', async () => {
  const app = await prepareApp(import.meta.url);
  try {
    await step('vue-tsc --noEmit (strict templates)', () => run('npx', ['vue-tsc', '--noEmit'], {cwd: app.dir}));
    await step('vite build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'], {cwd: app.dir}));
    const server = await serveStatic(`${app.dir}/dist`);
    try {
      await step('schedule a callback in Chromium', () =>
        inBrowser(`${server.origin}/`, async (page) => {
          await page
            .waitForFunction(() => document.querySelector('callback-scheduler')?.contact, {timeout: 20_000})
            .catch(async () => {
              const contact = await page.evaluate(() => String(document.querySelector('callback-scheduler')?.contact));
              throw new Error(
                `after mounting, callback-scheduler.contact is still ${contact} (the contact prop was lost)`,
              );
            });
          const state = await page.evaluate(() => {
            const session = document.querySelector('agent-session');
            return {
              agentId: session.agentId,
              contact: document.querySelector('callback-scheduler').contact.id,
              clock: session.clock.now().toString(),
            };
          });
          const want = {agentId: 'agent-maria', contact: 'contact-sophia', clock: '2026-06-15T13:00:00Z'};
          if (JSON.stringify(state) !== JSON.stringify(want)) {
            throw new Error(`element properties ${JSON.stringify(state)}, expected ${JSON.stringify(want)}`);
          }
          await scheduleCallback(page);
        }),
      );
    } finally {
      await server.close();
    }
  } finally {
    app.cleanup();
  }
});
