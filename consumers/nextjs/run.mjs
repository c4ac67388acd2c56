// consumers/nextjs: Next.js 16 App Router. Installs the packed kit (CK_TARBALL), runs `next build` (which type-checks)
// and `next start`, and checks the server-rendered page, then hydration in Chromium: the wrappers' properties
// arrive (no lost props, no lowercased `agentid` attribute), no hydration warning, and the host's
// onCallbackScheduled fires with the saved callback. Run via scripts/consumers.mjs.
import {
  freePort,
  inBrowser,
  main,
  prepareApp,
  run,
  scheduleCallback,
  startServer,
  step,
} from '../../scripts/consumer-harness.mjs';

const env = {NEXT_TELEMETRY_DISABLED: '1'};

await main('nextjs', async () => {
  const app = await prepareApp(import.meta.url);
  try {
    await step('next build', () => run('npx', ['next', 'build'], {cwd: app.dir, env}));
    const port = await freePort();
    const server = await step('next start', () =>
      startServer('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
        cwd: app.dir,
        env,
        ready: /Ready in|started server on/i,
      }),
    );
    try {
      const origin = `http://127.0.0.1:${port}`;
      await step('server rendering', async () => {
        const response = await fetch(`${origin}/`);
        const html = await response.text();
        if (response.status !== 200) throw new Error(`GET / answered ${response.status}: ${html.slice(0, 500)}`);
        for (const tag of ['<agent-session', '<callback-scheduler']) {
          if (!html.includes(tag)) throw new Error(`the server HTML has no ${tag}:\n${html.slice(0, 1500)}`);
        }
        if (/agentid=/i.test(html)) throw new Error('the server rendered agentId as an attribute (agentid=...)');
      });
      await step('hydrate and schedule a callback in Chromium', () =>
        inBrowser(`${origin}/`, async (page) => {
          await page
            .waitForFunction(() => document.querySelector('callback-scheduler')?.contact, {timeout: 20_000})
            .catch(async () => {
              const contact = await page.evaluate(() => String(document.querySelector('callback-scheduler')?.contact));
              throw new Error(
                `after hydration, callback-scheduler.contact is still ${contact} (the contact prop was lost)`,
              );
            });
          const state = await page.evaluate(() => {
            const session = document.querySelector('agent-session');
            return {
              agentId: session.agentId,
              lowercasedAttribute: session.hasAttribute('agentid'),
              contact: document.querySelector('callback-scheduler').contact.id,
              backend: typeof session.backend?.scheduleCallback,
            };
          });
          const want = {
            agentId: 'agent-maria',
            lowercasedAttribute: false,
            contact: 'contact-sophia',
            backend: 'function',
          };
          if (JSON.stringify(state) !== JSON.stringify(want)) {
            throw new Error(`after hydration ${JSON.stringify(state)}, expected ${JSON.stringify(want)}`);
          }
          await scheduleCallback(page);
        }),
      );
    } finally {
      server.stop();
    }
  } finally {
    app.cleanup();
  }
});
