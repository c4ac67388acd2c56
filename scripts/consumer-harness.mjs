// Shared steps of the consumer apps' run.mjs (consumers/<name>/run.mjs): install the packed kit into a fresh copy
// of the app, run the framework's own build, serve it, drive Debian's Chromium through a scheduled callback and
// check what the host's own handler received. Each step prints its duration so CI can be budgeted.
//
// Why a copy: installed in place, Node's resolution would walk up from consumers/<name>/ into the kit's own
// node_modules (react, lit, @lit/react are devDependencies there) and hide a dependency the tarball fails to bring.
// The copy lives in the system temp dir, is installed with `npm ci` from the app's committed lock, then gets the
// tarball with `npm install --no-save <tarball>` (a real install, not a link), and is removed afterwards
// (CK_KEEP=1 keeps it for debugging).
import {spawn} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {tmpdir} from 'node:os';
import {basename, extname, join, normalize, sep} from 'node:path';
import puppeteer from 'puppeteer-core';
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';

/** The demo scene every consumer app shows: a Monday, 09:00 in New York, agent Maria, customer Sophia. */
export const SCENE = {
  now: '2026-06-15T13:00:00Z',
  agentId: 'agent-maria',
  contactId: 'contact-sophia',
  contactName: 'Sophia Nguyen',
};

const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Logs a step and its duration; rethrows with the step's name so the failure says where it happened. */
export async function step(name, body) {
  const t0 = performance.now();
  process.stdout.write(`  - ${name} ...\n`);
  try {
    const result = await body();
    process.stdout.write(`    ${name}: ok in ${seconds(performance.now() - t0)}\n`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${name} failed: ${message}`, {cause: error});
  }
}

/** Runs a command; resolves with its output, rejects with the tail of it on a non-zero exit. */
export function run(command, args, {cwd, env = {}, quiet = true} = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (!quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` exited with ${code}:\n${output.split('\n').slice(-40).join('\n')}`,
          ),
        );
    });
  });
}

/** Starts a long-running command (a server); resolves once a line matches `ready`. Stop it with `.stop()`. */
export function startServer(command, args, {cwd, env = {}, ready, timeoutMs = 60_000}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: {...process.env, ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so stop() ends the server and its children
    });
    let output = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`\`${command} ${args.join(' ')}\` was not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    };
    const check = (chunk) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({stop, output: () => output});
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`\`${command} ${args.join(' ')}\` exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** The packed kit (`npm pack` output) from CK_TARBALL, checked. */
export function tarball() {
  const path = process.env.CK_TARBALL;
  if (!path || !existsSync(path)) {
    throw new Error(
      `CK_TARBALL must be the absolute path of the kit's \`npm pack\` output (got ${path ?? 'nothing'}). ` +
        'Run the consumers through `npm run test:consumers` (scripts/consumers.mjs), which builds and packs the kit.',
    );
  }
  return path;
}

/**
 * Copies the app (without node_modules and build output) to a temp dir, `npm ci` from its lock, then installs the
 * tarball with `npm install --no-save`. Returns the app's directory and a cleanup function.
 */
export async function prepareApp(appUrl, {skip = ['node_modules', 'dist', '.next']} = {}) {
  const source = new URL('.', appUrl).pathname;
  const name = basename(source);
  const kit = tarball();
  const dir = mkdtempSync(join(tmpdir(), `ck-consumer-${name}-`));
  cpSync(source, dir, {recursive: true, filter: (path) => !skip.includes(basename(path))});
  const npm = ['--no-audit', '--no-fund', '--loglevel=error'];
  await step('npm ci (the app’s lock)', () => run('npm', ['ci', ...npm], {cwd: dir}));
  await step('npm install --no-save <tarball>', () => run('npm', ['install', '--no-save', ...npm, kit], {cwd: dir}));
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules/callback-kit/package.json'), 'utf8'));
  process.stdout.write(`    installed callback-kit ${installed.version} from ${basename(kit)}\n`);
  return {
    dir,
    cleanup: () =>
      process.env.CK_KEEP ? process.stdout.write(`    kept ${dir}\n`) : rmSync(dir, {recursive: true, force: true}),
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** A static file server over a built app on a free loopback port; unknown paths get index.html (an SPA). */
export async function serveStatic(root) {
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
      response.writeHead(200, {'content-type': TYPES[extname(path)] ?? 'application/octet-stream'});
      response.end(body);
    } catch {
      response.writeHead(404, {'content-type': 'text/plain'}).end('Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A free loopback port (for servers that want one on the command line, like `next start -p`). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Opens the app in headless Chromium and hands the page to `body`. Every page error, console error or warning
 * and failed request is collected; any of them fails the run (after `body`), unless `allow` matches it.
 */
export async function inBrowser(url, body, {allow = []} = {}) {
  const browser = await puppeteer.launch({executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS});
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 1000});
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // The apps have no favicon: the browser's own request for one is not the app's problem.
    const favicon = (url = '') => url.endsWith('/favicon.ico');
    page.on('console', (message) => {
      if ((message.type() === 'error' || message.type() === 'warn') && !favicon(message.location()?.url)) {
        problems.push(`console.${message.type()}: ${message.text()}`);
      }
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && !favicon(response.url()))
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(url, {waitUntil: 'load'});
    const result = await body(page);
    const unexpected = problems.filter((problem) => !allow.some((pattern) => pattern.test(problem)));
    if (unexpected.length) throw new Error(`the page reported problems:\n    ${unexpected.join('\n    ')}`);
    return result;
  } finally {
    await browser.close();
  }
}

/**
 * What a host sees after an agent schedules a callback: picks an available slot (not the preselected first one),
 * presses Save, and waits for the app's own `callback-scheduled` handler to write what it received into
 * `#host-scheduled` (JSON: `{callback}`, the event's `detail.callback`). Checks it is the saved callback of the slot
 * the agent picked, for the scene's customer. Returns what the host received.
 */
export async function scheduleCallback(page) {
  const slotSelector = 'callback-scheduler >>> timeslot-grid >>> [part~="slot-available"]';
  await page.waitForSelector(slotSelector, {timeout: 20_000}).catch(async () => {
    const text = await page.evaluate(
      () => document.querySelector('callback-scheduler')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    throw new Error(`no available slot in <callback-scheduler>; it shows: "${text.slice(0, 300)}"`);
  });
  const slots = await page.$$(slotSelector);
  if (slots.length < 3) throw new Error(`only ${slots.length} available slots offered`);
  const slot = slots[2];
  const key = Number(await slot.evaluate((cell) => cell.dataset.key));
  await slot.click();
  await page.waitForFunction(
    (k) =>
      document
        .querySelector('callback-scheduler')
        ?.shadowRoot?.querySelector('timeslot-grid')
        ?.shadowRoot?.querySelector(`[data-key="${k}"]`)
        ?.getAttribute('aria-selected') === 'true',
    {timeout: 10_000},
    key,
  );
  await (await page.waitForSelector('callback-scheduler >>> [part="submit"]')).click();
  await page
    .waitForFunction(() => document.querySelector('#host-scheduled')?.textContent?.trim(), {timeout: 20_000})
    .catch(async () => {
      const banner = await page.evaluate(
        () =>
          document.querySelector('callback-scheduler')?.shadowRoot?.querySelector('[role="alert"], .banner')
            ?.textContent ?? '',
      );
      throw new Error(
        `the host's callback-scheduled handler never wrote #host-scheduled${banner ? ` (scheduler says: ${banner.trim()})` : ''}`,
      );
    });
  const received = JSON.parse(await page.$eval('#host-scheduled', (node) => node.textContent));
  const want = {contactId: SCENE.contactId, status: 'scheduled', start: key, phone: '+14155267890'};
  const callback = received.callback ?? {};
  const got = {
    contactId: callback.contactId,
    status: callback.status,
    start: Date.parse(callback.start),
    phone: callback.phone,
  };
  if (JSON.stringify(got) !== JSON.stringify(want) || !/\S/.test(callback.id ?? '')) {
    throw new Error(
      `the host received ${JSON.stringify(received)}; expected a callback with ${JSON.stringify(want)} and an id`,
    );
  }
  return received;
}

/** Runs an app's steps, prints the total, exits 1 with the failing step's message. */
export async function main(name, body) {
  process.stdout.write(`consumer ${name}\n`);
  try {
    await body();
    process.stdout.write(`consumer ${name}: PASS in ${seconds(performance.now() - started)}\n`);
  } catch (error) {
    process.stderr.write(`consumer ${name}: FAIL after ${seconds(performance.now() - started)}\n  ${error.message}\n`);
    process.exitCode = 1;
  }
}
