// consumers/react-vite: Vite + React 19 with strict `tsc --noEmit`, using callback-kit/react and callback-kit/jsx.
// Installs the packed kit (CK_TARBALL), type-checks, builds with Vite, serves dist/, schedules a callback in
// Chromium and checks the app's onCallbackScheduled got the saved callback. Run via scripts/consumers.mjs.
import {
  inBrowser,
  main,
  prepareApp,
  run,
  scheduleCallback,
  serveStatic,
  step,
} from '../../scripts/consumer-harness.mjs';

await main('react-vite', async () => {
  const app = await prepareApp(import.meta.url);
  try {
    await step('tsc --noEmit (strict, wrappers + JSX types)', () => run('npx', ['tsc', '--noEmit'], {cwd: app.dir}));
    await step('vite build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'], {cwd: app.dir}));
    const server = await serveStatic(`${app.dir}/dist`);
    try {
      await step('schedule a callback in Chromium', () =>
        inBrowser(`${server.origin}/`, async (page) => {
          // The wrappers set objects as properties and camelCase props through their attributes' properties.
          const state = await page.evaluate(() => ({
            agentId: document.querySelector('agent-session')?.agentId,
            contact: document.querySelector('callback-scheduler')?.contact?.id,
            responseTimeout: document.querySelector('logout-countdown')?.responseTimeout,
          }));
          const want = {agentId: 'agent-maria', contact: 'contact-sophia', responseTimeout: 10_000};
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
