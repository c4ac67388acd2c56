#!/usr/bin/env node
// Checks the built package as a host would consume it: `callback-kit/core` through the package's own
// exports (self-reference) in plain Node 20 with no global Temporal, and the custom-elements manifest.
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';
import {parseAst} from 'rollup/parseAst';

const core = await import('callback-kit/core');
const {loadPhoneTools, ManualClock, generateSlots, callingWindowViolation, isNativeTemporal} = core;
const {timeZonesForPhone} = await import('callback-kit/phone');
const {MemoryBackend} = await import('callback-kit/memory-backend');
const {HttpBackend, AuthError} = await import('callback-kit/http-backend');
const {callingRuleViolation} = await import('callback-kit/rules');
assert.equal((await loadPhoneTools()).timeZonesForPhone, timeZonesForPhone, 'one phone module, lazy or static');
assert.equal(typeof HttpBackend, 'function');
assert.equal(typeof AuthError, 'function');
assert.equal(typeof callingRuleViolation, 'function');
// Issue 17: each entry costs only what it does. The core re-exports no phone tool, no backend, no rule evaluation.
for (const name of [
  'timeZonesForPhone',
  'regionsForPhone',
  'parsePhone',
  'formatPhone',
  'MemoryBackend',
  'HttpBackend',
  'callingRuleViolation',
]) {
  assert.equal(name in core, false, `callback-kit/core must not export ${name} (issue 17: see its own entry)`);
}
console.log('ok callback-kit/core, /phone, /memory-backend, /http-backend and /rules import in Node 20');

assert.equal(typeof globalThis.Temporal, 'undefined', 'the kit must not install a global Temporal');
assert.equal(isNativeTemporal, false);
assert.deepEqual(timeZonesForPhone('+12125550123'), ['America/New_York']);
assert.deepEqual(timeZonesForPhone('garbage'), []);
assert.equal(callingWindowViolation('2026-11-24T02:00:00Z', null, ['America/New_York']), 'outside-calling-hours');
const slots = generateSlots({
  timeZone: 'America/New_York',
  from: '2026-03-08',
  to: '2026-03-08',
  slotMinutes: 30,
  hours: {start: '01:00', end: '04:00'},
});
assert.deepEqual(
  slots.map((s) => s.start.toString().slice(11, 16)),
  ['01:00', '01:30', '03:00', '03:30'],
);

const backend = new MemoryBackend({clock: new ManualClock('2026-11-23T14:00:00Z'), seed: 1});
const campaigns = await backend.listCampaigns({agentId: 'agent-maria'});
assert.ok(campaigns.length > 0, 'MemoryBackend has demo campaigns');
backend.dispose?.();

const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const session = declarations.find((d) => d.tagName === 'agent-session');
assert.ok(session, 'custom-elements.json lists <agent-session>');
const fields = new Set((session.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name));
for (const name of ['agentId', 'timeZone', 'locale', 'eventsOnly', 'agent', 'policy', 'backend', 'clock']) {
  assert.ok(fields.has(name), `custom-elements.json lists agent-session's ${name}`);
}
const attributes = new Set((session.attributes ?? []).map((a) => a.name));
for (const name of ['agent-id', 'time-zone', 'locale', 'events-only']) {
  assert.ok(attributes.has(name), `custom-elements.json lists agent-session's ${name} attribute`);
}
assert.ok(
  (session.events ?? []).some((e) => e.name === 'session-error'),
  'manifest lists session-error',
);

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
for (const [entry, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : (target.default ?? target.types); // `./jsx`: types only
  readFileSync(new URL(`../${file}`, import.meta.url));
  if (typeof target !== 'string') readFileSync(new URL(`../${target.types}`, import.meta.url));
  console.log(`ok ${entry} -> ${file}`);
}

// --- Shipped files, as a host and its tools see them ------------------------------------------------------------
const dist = new URL('../dist/', import.meta.url);
const read = (path) => readFileSync(new URL(path, dist), 'utf8');
const walk = (dir) =>
  readdirSync(new URL(dir, dist), {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? walk(`${dir}${e.name}/`) : [`${dir}${e.name}`],
  );
/** The specifiers a module imports statically (`import`/`export ... from`) and dynamically (`import('x')`). */
function importsOf(code) {
  const staticImports = [];
  const dynamicImports = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type) && node.source) {
      staticImports.push(node.source.value);
    }
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal') dynamicImports.push(node.source.value);
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  visit(parseAst(code));
  return {staticImports, dynamicImports};
}
/** The names a module exports. */
const exportsOf = (code) =>
  new Set(
    parseAst(code)
      .body.filter((n) => n.type === 'ExportNamedDeclaration')
      .flatMap((n) => n.specifiers.map((s) => s.exported.name ?? s.exported.value)),
  );

// The autoloader: a few hundred bytes eager, every element a dynamic import (issue 17: <= 4 kB gzip).
const autoloader = read('autoloader.js');
const autoloaderImports = importsOf(autoloader);
assert.deepEqual(autoloaderImports.staticImports, [], 'autoloader.js imports nothing eagerly');
assert.equal(autoloaderImports.dynamicImports.length, 6, 'autoloader.js imports each of the six elements lazily');
const autoloaderGzip = gzipSync(autoloader, {level: 9}).length;
assert.ok(autoloaderGzip <= 4000, `autoloader.js is ${autoloaderGzip} B gzip (budget 4 kB)`);
console.log(
  `ok autoloader.js: ${autoloaderGzip} B gzip eager, ${autoloaderImports.dynamicImports.length} lazy elements`,
);

// The no-bundler build: no bare specifier anywhere (a plain page has no import map), and the heavy parts lazy.
const cdnFiles = walk('cdn/').filter((f) => f.endsWith('.js'));
for (const file of cdnFiles) {
  const {staticImports, dynamicImports} = importsOf(read(file));
  const bare = [...staticImports, ...dynamicImports].filter((s) => !s.startsWith('./') && !s.startsWith('../'));
  assert.deepEqual(bare, [], `${file} imports only relative files (no import map on a plain page)`);
}
for (const entry of ['cdn/callback-kit.js', 'cdn/autoloader.js']) {
  const eager = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (eager.has(file)) continue;
    eager.add(file);
    const base = file.slice(0, file.lastIndexOf('/') + 1);
    for (const s of importsOf(read(file)).staticImports) queue.push(new URL(s, `file:///${base}`).pathname.slice(1));
  }
  const code = [...eager].map(read).join('\n');
  for (const [what, marker] of [
    ['the Temporal polyfill', 'Mismatching Calendars'],
    ['the phone metadata', 'nationalPrefixForParsing'],
    ['the Spanish strings', 'Guardar'],
  ]) {
    assert.ok(!code.includes(marker), `${entry}: ${what} must be a lazy chunk (found "${marker}" in its eager files)`);
  }
  const gzip = [...eager].reduce((sum, f) => sum + gzipSync(read(f), {level: 9}).length, 0);
  if (entry === 'cdn/autoloader.js') assert.ok(gzip <= 4000, `${entry} loads ${gzip} B gzip eagerly (budget 4 kB)`);
  console.log(`ok ${entry}: ${eager.size} eager module(s), ${(gzip / 1000).toFixed(1)} kB gzip, no bare imports`);
}

// Source maps carry their sources: the package does not ship src/.
for (const file of walk('').filter((f) => f.endsWith('.js.map'))) {
  const map = JSON.parse(read(file));
  assert.equal(map.sourcesContent?.length, map.sources.length, `${file} has sourcesContent`);
  assert.ok(
    map.sourcesContent.every((c) => typeof c === 'string'),
    `${file}: every source is inlined`,
  );
}
console.log('ok source maps inline their sources');

// The manifest points at shipped files, and a .js path exports the declarations listed for it.
for (const module of manifest.modules) {
  assert.ok(existsSync(new URL(`../${module.path}`, import.meta.url)), `manifest module ${module.path} is shipped`);
  if (!module.path.endsWith('.js')) continue;
  const exported = exportsOf(readFileSync(new URL(`../${module.path}`, import.meta.url), 'utf8'));
  for (const e of module.exports ?? []) {
    if (e.kind === 'js' && /Element$|Event$/.test(e.name)) {
      assert.ok(exported.has(e.name), `${module.path} exports ${e.name} (custom-elements.json says so)`);
    }
  }
}
console.log('ok custom-elements.json paths point at shipped files');

// Editor data (scripts/editor-data.mjs) ships and is wired up.
assert.equal(pkg['web-types'], './web-types.json');
for (const file of ['web-types.json', 'vscode.html-custom-data.json']) {
  assert.ok(pkg.files.includes(file), `package.json files lists ${file}`);
  const data = JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));
  const tags = (data.tags ?? data.contributions.html.elements).map((t) => t.name);
  assert.ok(tags.includes('callback-scheduler'), `${file} describes <callback-scheduler>`);
}
// The reference server ships built (dist/server, scripts/build-server.mjs) and runs as the package's bin: it starts on
// an empty data directory, migrates, seeds the demo data and answers an authenticated request.
assert.equal(pkg.bin?.['callback-kit-reference-server'], './dist/server/reference-server.js');
assert.ok(pkg.files.includes('api/openapi.yaml'), 'package.json files lists api/openapi.yaml');
{
  const {spawn} = await import('node:child_process');
  const {mkdtempSync, rmSync} = await import('node:fs');
  const {tmpdir} = await import('node:os');
  const {join} = await import('node:path');
  const data = mkdtempSync(join(tmpdir(), 'ck-server-'));
  const server = spawn(
    process.execPath,
    [
      new URL('../dist/server/reference-server.js', import.meta.url).pathname,
      '--port',
      '0',
      '--data-dir',
      join(data, 'db'),
    ],
    {stdio: ['ignore', 'pipe', 'inherit']},
  );
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the built server did not start: ${out}`)), 120_000);
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(out);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      server.on('exit', (code) => reject(new Error(`the built server exited (${code}): ${out}`)));
    });
    const agents = await fetch(`${url}/agents`, {headers: {Authorization: 'Bearer dev-agent-maria'}});
    assert.equal(agents.status, 200, 'the built server answers GET /agents');
    assert.ok(
      (await agents.json()).some((a) => a.id === 'agent-maria'),
      'the built server serves the demo agents',
    );
    assert.equal((await fetch(`${url}/agents`)).status, 401, 'the built server refuses a request without a token');
  } finally {
    server.kill();
    rmSync(data, {recursive: true, force: true});
  }
  console.log('ok the reference server runs from dist/server (bin callback-kit-reference-server)');
}
console.log('package check passed');
