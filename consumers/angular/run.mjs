#!/usr/bin/env node
// Angular host app from the packed tarball ($CK_TARBALL, from `npm pack`): `npm install --no-save <tarball>` here
// (the app's own package-lock.json for Angular), `ng build` (the application builder, production), the output
// served statically on a free loopback port, and Chromium schedules a callback: the component's
// (callback-scheduled) handler must run with the saved callback. The component is the README's Angular example,
// verbatim (src/callback.component.ts, checked against docs/frameworks-angular-cdn.md). Angular 21.2: Angular 22
// needs Node >= 22.22, the kit's machines run Node 20.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {launchChromium, scheduleCallback, serveStatic, timer} from '../html-cdn/harness.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const tarball = process.env.CK_TARBALL;
if (!tarball || !existsSync(tarball)) {
  console.error(`angular: set CK_TARBALL to the absolute path of \`npm pack\`'s .tgz (got "${tarball ?? ''}").`);
  process.exit(2);
}
const sh = (command, args, env = {}) =>
  execFileSync(command, args, {cwd: here, stdio: ['ignore', 'inherit', 'inherit'], env: {...process.env, ...env}});

let server;
let browser;
try {
  const docs = readFileSync(join(here, '../../docs/frameworks-angular-cdn.md'), 'utf8');
  const example = docs.match(/```ts\n([\s\S]*?)```/)?.[1];
  if (example !== readFileSync(join(here, 'src/callback.component.ts'), 'utf8')) {
    throw new Error('src/callback.component.ts differs from the Angular example in docs/frameworks-angular-cdn.md');
  }

  const install = timer();
  sh('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', tarball]);
  console.log(`angular: npm install (Angular + the tarball): ${install()}`);

  const build = timer();
  sh(process.execPath, [join(here, 'node_modules/@angular/cli/bin/ng.js'), 'build'], {NG_CLI_ANALYTICS: 'false'});
  console.log(`angular: ng build: ${build()}`);

  const run = timer();
  const served = await serveStatic(join(here, 'dist/host/browser'), {fallback: 'index.html'});
  server = served.server;
  browser = await launchChromium();
  const {detail, scripts} = await scheduleCallback(browser, served.url);
  console.log(
    `angular: callback-scheduled ${detail.callback.id} at ${detail.callback.start}; ` +
      `${scripts.length} script requests; ${run()}`,
  );
  console.log('angular: ok');
} catch (error) {
  console.error(`angular: FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  server?.close();
}
