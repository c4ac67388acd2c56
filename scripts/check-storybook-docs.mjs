#!/usr/bin/env node
/**
 * Opens the BUILT Storybook (storybook-static/, from `npm run build-storybook`) in headless Chromium and checks
 * that every element's autodocs page renders its API table with the element's public API from
 * custom-elements.json: every public property, and every event, slot, CSS part and CSS custom property.
 *
 *   node scripts/check-storybook-docs.mjs [storybook-static]
 *
 * Serves the directory on a random local port (Node's http, no extra package), drives Chromium through
 * puppeteer-core (CHROME_PATH, else /usr/bin/chromium; nothing is downloaded) and visits the manager URL
 * `/?path=/docs/components-<tag>--docs` of each element, reading the table inside the preview iframe.
 * Exits 1 on the first page that fails to load and after listing every missing row; 0 when all pass.
 */
import {CHROMIUM_ARGS, findChromium} from './chromium.mjs';
import {createReadStream, existsSync, readFileSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const STATIC_DIR = resolve(ROOT, process.argv[2] ?? 'storybook-static');
const MANIFEST = join(ROOT, 'custom-elements.json');
const TAGS = [
  'agent-session',
  'timeslot-grid',
  'callback-scheduler',
  'callback-list',
  'campaign-list',
  'logout-countdown',
];
const PAGE_TIMEOUT_MS = 60_000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function fail(message) {
  console.error(`check-storybook-docs: ${message}`);
  process.exit(1);
}

/** The public API of each element, as Storybook's table should list it. */
function expectedApi() {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const api = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!TAGS.includes(declaration.tagName)) continue;
      const properties = (declaration.members ?? [])
        .filter(
          (member) =>
            member.kind === 'field' &&
            member.privacy !== 'private' &&
            member.privacy !== 'protected' &&
            !member.static &&
            !member.name.startsWith('#') &&
            !member.name.startsWith('_'),
        )
        .map((member) => member.name);
      const names = (list) => (list ?? []).map((item) => item.name).filter(Boolean);
      api.set(declaration.tagName, {
        properties,
        events: names(declaration.events),
        slots: (declaration.slots ?? []).map((slot) => slot.name || '(default)'),
        parts: names(declaration.cssParts),
        cssProperties: names(declaration.cssProperties),
      });
    }
  }
  for (const tag of TAGS) if (!api.has(tag)) fail(`<${tag}> is not in custom-elements.json (run npm run analyze).`);
  return api;
}

/** A static file server for `dir` on a random port of 127.0.0.1. */
function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream'});
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

/** Table sections, as Storybook titles them, for each kind of API entry. */
const SECTIONS = {
  properties: ['properties', 'attributes'],
  events: ['events'],
  slots: ['slots'],
  parts: ['css shadow parts'],
  cssProperties: ['css custom properties'],
};

/** `[section, row name]` for every row of the docs page's args table(s), read inside the preview iframe. */
async function readTable(page, url) {
  await page.goto(url, {waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS});
  const iframeHandle = await page.waitForSelector('#storybook-preview-iframe', {timeout: PAGE_TIMEOUT_MS});
  const frame = await iframeHandle.contentFrame();
  await frame.waitForSelector('.docblock-argstable tbody tr', {timeout: PAGE_TIMEOUT_MS});
  // Sections of the table can be collapsed: open them all.
  for (let round = 0; round < 3; round++) {
    const opened = await frame.$$eval('.docblock-argstable [aria-expanded="false"]', (toggles) => {
      for (const toggle of toggles) toggle.click();
      return toggles.length;
    });
    if (!opened) break;
  }
  return frame.$$eval('.docblock-argstable tbody tr', (rows) => {
    const titles = ['css custom properties', 'css shadow parts', 'properties', 'attributes', 'events', 'slots'];
    let section = '';
    const found = [];
    for (const row of rows) {
      // A section heading row is titled "Hide <section> items" (or "Show ..." when collapsed).
      const heading = /^(?:Hide|Show) (.+) items$/.exec(row.title)?.[1]?.toLowerCase();
      if (heading) {
        section = titles.find((title) => heading === title) ?? heading;
        continue;
      }
      found.push([section, (row.cells[0]?.textContent ?? '').replace(/\s+/g, ' ').trim()]);
    }
    return found;
  });
}

async function main() {
  if (!existsSync(join(STATIC_DIR, 'index.html')) || !existsSync(join(STATIC_DIR, 'iframe.html'))) {
    fail(`${STATIC_DIR} has no built Storybook: run npm run build-storybook first.`);
  }
  const api = expectedApi();
  const index = JSON.parse(readFileSync(join(STATIC_DIR, 'index.json'), 'utf8'));
  const server = await serve(STATIC_DIR);
  const {port} = server.address();
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1400, height: 1000});
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    for (const tag of TAGS) {
      const id = `components-${tag}--docs`;
      if (!index.entries?.[id]) {
        problems.push(`<${tag}>: no docs entry "${id}" in index.json (autodocs missing?)`);
        continue;
      }
      const url = `http://127.0.0.1:${port}/?path=/docs/${id}`;
      let rows;
      try {
        rows = await readTable(page, url);
      } catch (error) {
        problems.push(`<${tag}>: the docs page ${url} rendered no API table (${error.message})`);
        continue;
      }
      const expected = api.get(tag);
      const missing = [];
      for (const [kind, names] of Object.entries(expected)) {
        const shown = new Set(
          rows.filter(([section]) => SECTIONS[kind].includes(section)).map(([, name]) => name.split(' ')[0]),
        );
        // Storybook keys rows by name: a part named like a property is listed as `name (part)` (split above).
        for (const name of names) if (!shown.has(name)) missing.push(`${kind} ${name}`);
      }
      const counts = Object.entries(expected)
        .map(([kind, names]) => `${names.length} ${kind}`)
        .join(', ');
      if (missing.length) problems.push(`<${tag}>: the API table lacks ${missing.join('; ')}`);
      else console.log(`ok <${tag}>: ${rows.length} rows (${counts})`);
    }
    if (pageErrors.length) console.warn(`page errors (not failing the check):\n  ${pageErrors.join('\n  ')}`);
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length) {
    console.error(`check-storybook-docs: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-storybook-docs: every element's docs page lists its API (${TAGS.length} elements).`);
}

main().catch((error) => fail(error.stack ?? String(error)));
