#!/usr/bin/env node
// Plain HTML, no bundler, no import map: the unpacked tarball ($CK_TARBALL, from `npm pack`) served as static files,
// as a CDN would serve the published package. Three pages: index.html loads dist/cdn/callback-kit.js and passes its
// own MemoryBackend (imported from that bundle); autoloader.html loads dist/cdn/autoloader.js and lets
// <agent-session> run on its demo backend; readme.html is the README's plain-HTML example taken verbatim from
// docs/frameworks-angular-cdn.md (its CDN URL pointed at the local copy). Each schedules a callback in Chromium and
// must receive `callback-scheduled`; the module requests of each page are counted and printed.
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium, scheduleCallback, serveStatic, timer} from './harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const tarball = process.env.CK_TARBALL;
if (!tarball || !existsSync(tarball)) {
  console.error(`html-cdn: set CK_TARBALL to the absolute path of \`npm pack\`'s .tgz (got "${tarball ?? ''}").`);
  process.exit(2);
}

const site = mkdtempSync(join(tmpdir(), 'ck-html-cdn-'));
let server;
let browser;
try {
  const install = timer();
  cpSync(join(here, 'public'), site, {recursive: true});
  mkdirSync(join(site, 'callback-kit'));
  execFileSync('tar', ['-xzf', tarball, '-C', join(site, 'callback-kit'), '--strip-components=1']);
  console.log(`html-cdn: unpacked the tarball (no install, no build): ${install()}`);

  const docs = readFileSync(join(here, '../../docs/frameworks-angular-cdn.md'), 'utf8');
  const example = docs.match(/```html\n([\s\S]*?)```/)?.[1];
  const CDN = 'https://cdn.jsdelivr.net/npm/callback-kit@0.1/dist/cdn/';
  if (!example?.includes(CDN)) throw new Error(`docs/frameworks-angular-cdn.md has no html example loading ${CDN}`);
  writeFileSync(
    join(site, 'readme.html'),
    `<!doctype html><meta charset="utf-8"><title>README example</title>\n${example.replaceAll(CDN, './callback-kit/dist/cdn/')}`,
  );

  const served = await serveStatic(site);
  server = served.server;
  const base = served.url;
  browser = await launchChromium();
  for (const page of ['index.html', 'autoloader.html', 'readme.html']) {
    const run = timer();
    const {detail, scripts, initialScripts} = await scheduleCallback(browser, `${base}${page}`);
    const modules = scripts.filter((url) => url.includes('/callback-kit/'));
    const bare = scripts.filter((url) => !url.startsWith(base));
    if (bare.length) throw new Error(`${page} requested scripts from elsewhere: ${bare.join(', ')}`);
    console.log(
      `html-cdn ${page}: callback-scheduled ${detail.callback.id} at ${detail.callback.start}; ` +
        `${initialScripts} module requests until the scheduler showed slots, ${modules.length} in all; ${run()}`,
    );
    if (process.env.CK_VERBOSE) for (const url of modules) console.log(`  ${url.slice(base.length)}`);
  }
  console.log('html-cdn: ok');
} catch (error) {
  console.error(`html-cdn: FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
  rmSync(site, {recursive: true, force: true});
}
