// Loads each built example host (examples/dist/<name>/, see examples/build.mjs) in headless Chromium and proves,
// for the adapter and the events-only integration: object properties arrive as objects, the host receives the
// elements' events with their detail, and a whole schedule flow completes (pick a slot, submit, the host logs the
// saved callback, the list shows it), then a cancel from the list and a logout.
// Run: npm run build && node examples/build.mjs && npx mocha --config test/examples/.mocharc.json
import {CHROMIUM_ARGS, findChromium} from '../../scripts/chromium.mjs';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = fileURLToPath(new URL('../../examples/dist/', import.meta.url));
const EXAMPLES = ['html', 'react', 'vue'];
const MODES = ['adapter', 'events'];
const CONTACT = 'Grace Hopper';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A static file server over examples/dist on a random loopback port. */
async function serve(root) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (path.endsWith(sep)) path = join(path, 'index.html');
    try {
      const body = await readFile(path);
      response.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(404, {'content-type': 'text/plain'}).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The host's event log: the details of every logged event of one type, in order. */
const logged = (page, type) =>
  page.$$eval(`#event-log li[data-event="${type}"]`, (items) => items.map((li) => JSON.parse(li.dataset.detail)));

const waitForLogged = (page, type, count = 1) =>
  page.waitForFunction(
    (t, n) => document.querySelectorAll(`#event-log li[data-event="${t}"]`).length >= n,
    {timeout: 10_000},
    type,
    count,
  );

/** Text of the first node matching a deep (`>>>`, through shadow roots) selector. */
const text = async (page, selector) => {
  const handle = await page.waitForSelector(selector, {timeout: 10_000});
  const value = await handle.evaluate((node) => node.textContent.replace(/\s+/g, ' ').trim());
  await handle.dispose();
  return value;
};

describe('example hosts (examples/dist)', function () {
  this.timeout(60_000);
  let browser;
  let server;
  let origin;

  before(async function () {
    if (!existsSync(join(ROOT, 'html', 'index.html'))) {
      throw new Error('examples/dist is missing: run `npm run build && node examples/build.mjs` first.');
    }
    server = await serve(ROOT);
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  for (const example of EXAMPLES) {
    for (const mode of MODES) {
      describe(`${example} (${mode === 'events' ? 'events only' : 'backend adapter'})`, () => {
        let page;
        const problems = [];

        before(async () => {
          page = await browser.newPage();
          await page.setViewport({width: 1280, height: 1000});
          page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
          page.on('console', (message) => {
            if (message.type() === 'error' || message.type() === 'warn') {
              problems.push(`console.${message.type()}: ${message.text()}`);
            }
          });
          page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
          page.on('response', (response) => {
            if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
          });
          await page.goto(`${origin}/${example}/${mode === 'events' ? '?mode=events' : ''}`);
          await page.waitForFunction(() => document.body.dataset.ready === 'true', {timeout: 10_000});
          // Slots arrive from the backend (adapter) or from the host's answer to availability-request.
          await page.waitForSelector('callback-scheduler >>> timeslot-grid >>> [part~="slot-available"]', {
            timeout: 10_000,
          });
        });

        after(async () => {
          await page?.close();
        });

        it('passes objects as properties, and the elements show what they got', async () => {
          const state = await page.evaluate(() => {
            const session = document.querySelector('agent-session');
            const scheduler = document.querySelector('callback-scheduler');
            const list = document.querySelector('callback-list');
            const campaignList = document.querySelector('campaign-list');
            const objectAttributes = [...document.querySelectorAll('*')].flatMap((el) =>
              [...el.attributes].filter((a) => a.value.includes('[object')).map((a) => `${el.localName}[${a.name}]`),
            );
            return {
              agent: session.agent && typeof session.agent === 'object' ? session.agent.id : String(session.agent),
              policy: session.policy?.callbackTypes,
              clock: typeof session.clock?.now === 'function' ? session.clock.now().toString() : String(session.clock),
              backend: typeof session.backend?.scheduleCallback,
              eventsOnly: session.eventsOnly,
              contact: typeof scheduler.contact === 'object' ? scheduler.contact.name : String(scheduler.contact),
              contactPhones: scheduler.contact?.phones?.length,
              contacts: Array.isArray(list.contacts) ? list.contacts.map((c) => c.id) : String(list.contacts),
              callbacks: list.callbacks === undefined ? 'undefined' : Array.isArray(list.callbacks),
              campaigns: Array.isArray(campaignList.campaigns)
                ? campaignList.campaigns.map((c) => c.id)
                : String(campaignList.campaigns),
              objectAttributes,
              attributes: ['agent', 'policy', 'clock', 'backend', 'contact', 'contacts', 'callbacks'].filter(
                (name) => session.hasAttribute(name) || scheduler.hasAttribute(name) || list.hasAttribute(name),
              ),
            };
          });
          assert.deepEqual(state, {
            agent: 'agent-ada',
            policy: 'personal',
            clock: '2026-06-15T13:00:00Z',
            backend: mode === 'events' ? 'undefined' : 'function',
            eventsOnly: mode === 'events',
            contact: CONTACT,
            contactPhones: 1,
            contacts: ['crm-4711'],
            callbacks: mode === 'events' ? true : 'undefined',
            campaigns: mode === 'events' ? ['camp-renewals'] : 'undefined',
            objectAttributes: [],
            attributes: [],
          });
          // The contact object: the customer's name in the title; the clock: 09:00 in the agent's New York; the
          // policy (personal only): no type choice, the personal explanation.
          assert.match(
            await text(page, 'callback-scheduler >>> [role="heading"]'),
            new RegExp(`New callback · ${CONTACT}`),
          );
          assert.match(await text(page, 'callback-scheduler >>> [part="clocks"]'), /Your time 9:00\s?AM EDT/);
          assert.match(
            await text(page, 'callback-scheduler >>> #type-help'),
            /Personal callback: only the owner gets this call/,
          );
          assert.equal(await page.$('callback-scheduler >>> input[type="checkbox"]'), null, 'no type choice');
          // The slots are the CRM's (opening at 08:00 New York time), asked for through availability-request and
          // answered by the backend or by the host: not the element's all-day fallback.
          const requests = await logged(page, 'availability-request');
          assert.ok(requests.length >= 1, 'availability-request reached the host');
          assert.equal(requests[0].type, 'personal');
          // The first time shown (a slot, or a band of unavailable ones: 8:00-11:00 is before the customer's hours).
          const grid = await page.waitForSelector('callback-scheduler >>> timeslot-grid >>> [part~="slot"]');
          const first = await grid.evaluate((cell) =>
            cell.getRootNode().querySelector('[part~="slot"], [part~="band"]').textContent.replace(/\s+/g, ' ').trim(),
          );
          await grid.dispose();
          assert.match(first, /^8:00/);
          // Nothing scheduled yet.
          assert.match(await text(page, 'callback-list >>> .message--empty'), /No callbacks yet/);
        });

        it('schedules a callback: pick a slot, submit, the host logs the saved callback and the list shows it', async () => {
          const slots = await page.$$('callback-scheduler >>> timeslot-grid >>> [part~="slot-available"]');
          assert.ok(slots.length > 2, `slots offered (${slots.length})`);
          const slot = slots[2]; // not the preselected default
          const key = Number(await slot.evaluate((cell) => cell.dataset.key));
          await slot.click();
          await page.waitForFunction(
            (k) =>
              document
                .querySelector('callback-scheduler')
                .shadowRoot.querySelector('timeslot-grid')
                .shadowRoot.querySelector(`[data-key="${k}"]`)
                ?.getAttribute('aria-selected') === 'true',
            {timeout: 5_000},
            key,
          );
          await (await page.waitForSelector('callback-scheduler >>> [part="submit"]')).click();
          await waitForLogged(page, 'callback-scheduled');

          const [submit] = await logged(page, 'callback-submit');
          assert.equal(submit.operation, 'schedule');
          assert.equal(submit.contactId, 'crm-4711');
          assert.equal(Date.parse(submit.start), key, 'the submitted start is the slot the agent picked');
          assert.match(submit.key, /\S{8,}/, 'an idempotency key');
          const scheduled = await logged(page, 'callback-scheduled');
          assert.equal(scheduled.length, 1);
          assert.match(scheduled[0].id, /\S+/);
          assert.equal(Date.parse(scheduled[0].start), key);
          assert.equal(scheduled[0].status, 'scheduled');
          assert.deepEqual(await logged(page, 'callback-schedule-error'), []);

          const day = new Intl.DateTimeFormat('en-US', {
            weekday: 'short',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            timeZone: 'America/New_York',
          }).format(key);
          assert.equal(
            (await text(page, 'callback-scheduler >>> [part="summary"] p')).replace(/\s/g, ' '),
            `Callback set for ${day.replace(/\s/g, ' ')} your time (${new Intl.DateTimeFormat('en-US', {
              hour: 'numeric',
              minute: '2-digit',
              timeZone: 'America/Los_Angeles',
            })
              .format(key)
              .replace(/\s/g, ' ')} customer).`,
          );
          const row = `callback-list >>> article[data-id="${scheduled[0].id}"]`;
          assert.match(await text(page, row), new RegExp(CONTACT));
          assert.equal((await page.$$('callback-list >>> article[data-id]')).length, 1, 'exactly one callback');
        });

        it('cancels it from the list: callback-cancel-request, then callback-canceled, and the row goes', async () => {
          const [{id}] = await logged(page, 'callback-scheduled');
          // Cancel is in the row's action menu (issue 15: Launch and one menu button per row).
          await (
            await page.waitForSelector(`callback-list >>> article[data-id="${id}"] [part~="menu-button"]`)
          ).click();
          await (
            await page.waitForSelector(`callback-list >>> article[data-id="${id}"] .action--cancel`, {visible: true})
          ).click();
          await (await page.waitForSelector('callback-list >>> dialog.confirm[open] .action--danger')).click();
          await waitForLogged(page, 'callback-canceled');
          assert.deepEqual(
            (await logged(page, 'callback-cancel-request')).map((d) => d.id),
            [id],
          );
          assert.deepEqual(await logged(page, 'callback-canceled'), [{id, status: 'canceled'}]);
          await page.waitForFunction(
            (i) => !document.querySelector('callback-list').shadowRoot.querySelector(`article[data-id="${i}"]`),
            {timeout: 5_000},
            id,
          );
          assert.deepEqual(await logged(page, 'callback-list-error'), []);
        });

        it('asks the host for the next preview record (preview-record-request) and shows it', async () => {
          // From the backend, the list tells of the campaign already running at login; campaigns the host sets
          // are already known to the host, so no event.
          assert.deepEqual(
            await logged(page, 'campaign-started'),
            mode === 'events' ? [] : [{id: 'camp-renewals', status: 'running', startedBeforeLogin: true}],
          );
          await (await page.waitForSelector('campaign-list >>> [part~="record-button"]')).click();
          await waitForLogged(page, 'preview-record-request');
          assert.deepEqual(await logged(page, 'preview-record-request'), [
            {campaignId: 'camp-renewals', agentId: 'agent-ada'},
          ]);
          await page.waitForFunction(
            () =>
              document.querySelector('campaign-list').shadowRoot.querySelector('[part~="record-result"]')?.textContent,
            {timeout: 5_000},
          );
          assert.equal(
            await text(page, 'campaign-list >>> [part~="record-result"]'),
            'Next record: Alan Turing, +12125550143.',
          );
        });

        it('logs out: the host gets logout-request, then logout-authorized', async () => {
          await (await page.waitForSelector('logout-countdown >>> [part="logout-button"]')).click();
          await waitForLogged(page, 'logout-authorized');
          assert.deepEqual(await logged(page, 'logout-request'), [
            {agentId: 'agent-ada', trigger: 'request', hasBackend: mode !== 'events'},
          ]);
          assert.deepEqual(await logged(page, 'logout-authorized'), [
            {agentId: 'agent-ada', deferred: false, source: 'response'},
          ]);
          assert.match(await text(page, 'logout-countdown >>> [part="confirmation"]'), /Logoff authorized\./);
        });

        it('speaks Spanish from the built, lazily loaded locale chunk (its shortened message ids resolve)', async () => {
          await page.evaluate(() => {
            document.querySelector('agent-session').locale = 'es-MX';
          });
          await page.waitForFunction(
            () => /Programar/.test(document.querySelector('callback-scheduler')?.shadowRoot?.textContent ?? ''),
            {timeout: 10_000},
          );
          const label = await page.evaluate(() =>
            document
              .querySelector('campaign-list')
              .shadowRoot.querySelector('[role="grid"]')
              ?.getAttribute('aria-label'),
          );
          assert.equal(label, 'Mis campañas');
        });

        it('logged no error in the page', () => {
          assert.deepEqual(problems, []);
        });
      });
    }
  }
});
