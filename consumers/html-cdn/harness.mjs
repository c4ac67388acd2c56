// The host-app harness for consumers/html-cdn and consumers/angular (each app's run.mjs): a static file server on
// a free loopback port, Debian's Chromium through puppeteer-core (from the root node_modules), and the one flow
// every host must pass: pick a slot in <callback-scheduler>, Save, and the host page receives `callback-scheduled`
// with the saved callback in its detail. The page shows what its listener received either in `window.ckReceived`
// (an array of {type, detail}) or, as the README examples do, with `console.log(event.detail.callback)`; the flow
// fails with a clear message when anything is missing.
import {createServer} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import {extname, join, normalize, sep} from 'node:path';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, findChromium} from '../../scripts/chromium.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 at a free port; `fallback` (e.g. 'index.html') answers unknown paths (an SPA). */
export async function serveStatic(root, {fallback} = {}) {
  const base = normalize(root + sep);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/favicon.ico') return response.writeHead(204).end(); // a page without <link rel="icon">
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) return response.writeHead(403).end();
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    } catch {
      if (fallback && !extname(path)) path = join(base, fallback);
    }
    try {
      const body = await readFile(path);
      response.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'application/octet-stream'});
      response.end(body);
    } catch {
      response.writeHead(404, {'content-type': 'text/plain'}).end(`Not found: ${url.pathname}`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {server, url: `http://127.0.0.1:${server.address().port}/`};
}

export async function launchChromium() {
  return puppeteer.launch({executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS});
}

/**
 * Opens `url`, schedules a callback (the second available slot, then Save) and returns what the host received:
 * {detail, start, scripts} with `scripts` the module URLs the page requested. Throws with a clear message.
 */
export async function scheduleCallback(browser, url, {timeout = 30_000} = {}) {
  const page = await browser.newPage();
  // Keeps what the page logs, as objects: the README examples' listeners `console.log(detail.callback)`.
  await page.evaluateOnNewDocument(() => {
    const log = console.log.bind(console);
    window.ckLogged = [];
    console.log = (...args) => {
      window.ckLogged.push(args);
      log(...args);
    };
  });
  const scripts = [];
  const problems = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const fail = (step, error) => {
    throw new Error(`${step} (${url}): ${error.message}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  };

  await page.goto(url).catch((error) => fail('the page did not load', error));
  const slotSelector = 'callback-scheduler >>> timeslot-grid >>> [part~="slot-available"]';
  // Polled: puppeteer's waitForSelector watches light-DOM mutations only, and the slots render in shadow roots.
  await page
    .waitForFunction(
      () =>
        document
          .querySelector('callback-scheduler')
          ?.shadowRoot?.querySelector('timeslot-grid')
          ?.shadowRoot?.querySelector('[part~="slot-available"]'),
      {timeout, polling: 100},
    )
    .catch((error) => fail('<callback-scheduler> offered no available slot', error));
  const initialScripts = scripts.length;
  const slots = await page.$$(slotSelector);
  const slot = slots[Math.min(1, slots.length - 1)];
  const key = Number(await slot.evaluate((cell) => cell.dataset.key));
  await slot.click();
  await page
    .waitForFunction(
      (k) =>
        document
          .querySelector('callback-scheduler')
          .shadowRoot.querySelector('timeslot-grid')
          .shadowRoot.querySelector(`[data-key="${k}"]`)
          ?.getAttribute('aria-selected') === 'true',
      {timeout, polling: 100},
      key,
    )
    .catch((error) => fail('the picked slot was not selected', error));
  const submit = await page.$('callback-scheduler >>> [part="submit"]');
  if (!submit) fail('no Save button', new Error('callback-scheduler >>> [part="submit"] matched nothing'));
  await submit.click();
  const received = () =>
    window.ckReceived?.find((e) => e.type === 'callback-scheduled')?.detail ??
    window.ckLogged.map(([value]) => value).find((value) => value?.id && value?.start && value?.status) ??
    undefined;
  await page
    .waitForFunction(received, {timeout, polling: 100})
    .catch((error) => fail("the host's callback-scheduled listener never ran", error));
  const saved = await page.evaluate(received);
  await page.close();

  const detail = saved.callback ? saved : {callback: saved};
  const callback = detail?.callback;
  if (!callback?.id) throw new Error(`callback-scheduled carried no saved callback: ${JSON.stringify(detail)}`);
  if (Date.parse(callback.start) !== key) {
    throw new Error(`callback-scheduled says ${callback.start}; the agent picked ${new Date(key).toISOString()}`);
  }
  if (callback.status !== 'scheduled') throw new Error(`the saved callback's status is "${callback.status}"`);
  if (problems.length) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
  return {detail, start: callback.start, scripts, initialScripts};
}

/** `label: 1.2 s` timings for the report. */
export function timer() {
  const start = performance.now();
  return () => `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
