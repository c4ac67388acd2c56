#!/usr/bin/env node
// Checks the built package as a host would consume it: `callback-kit/core` through the package's own
// exports (self-reference) in plain Node 20 with no global Temporal, and the custom-elements manifest.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';

const core = await import('callback-kit/core');
const {
  timeZonesForPhone,
  loadPhoneTools,
  MemoryBackend,
  ManualClock,
  generateSlots,
  callingWindowViolation,
  isNativeTemporal,
} = core;
assert.equal((await loadPhoneTools()).timeZonesForPhone, timeZonesForPhone, 'one phone module, lazy or static');

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
  const file = typeof target === 'string' ? target : target.default;
  readFileSync(new URL(`../${file}`, import.meta.url));
  if (typeof target !== 'string') readFileSync(new URL(`../${target.types}`, import.meta.url));
  console.log(`ok ${entry} -> ${file}`);
}
console.log('package check passed');
