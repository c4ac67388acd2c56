#!/usr/bin/env node
/**
 * Writes the README's "API reference" section from custom-elements.json (run `npm run analyze` first): one
 * table per element of its public properties (with attributes), methods, events, slots, CSS parts and CSS
 * properties, between the markers `<!-- api:start -->` and `<!-- api:end -->`.
 *
 *   node scripts/readme-api.mjs          rewrites the section
 *   node scripts/readme-api.mjs --check  fails when the README is out of date with the manifest
 */
import {readFileSync, writeFileSync} from 'node:fs';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** The public elements, in the order a host meets them. */
const ORDER = [
  'agent-session',
  'timeslot-grid',
  'callback-scheduler',
  'callback-list',
  'campaign-list',
  'logout-countdown',
];

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, '')}\`` : '');

const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const isPublic = (member) =>
  !member.privacy && !member.static && !member.name.startsWith('#') && !member.name.startsWith('_');

function table(headers, rows) {
  if (!rows.length) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function section(tag) {
  const d = declarations.find((x) => x.tagName === tag);
  if (!d) throw new Error(`custom-elements.json has no <${tag}>: run npm run analyze.`);
  const members = (d.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field' && !m.readonly);
  const readonly = members.filter((m) => m.kind === 'field' && m.readonly);
  const methods = members.filter((m) => m.kind === 'method');
  const parts = [`### \`<${tag}>\``, '', cell(d.summary ?? d.description?.split('\n')[0])];
  parts.push(
    '',
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      [...fields, ...readonly].map((f) => [
        code(f.name) + (f.readonly ? ' (read-only)' : ''),
        code(f.attribute),
        code(f.type?.text),
        code(f.default),
        cell(f.description),
      ]),
    ),
  );
  if (methods.length) {
    parts.push(
      '',
      table(
        ['method', 'description'],
        methods.map((m) => [
          code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
          cell(m.description),
        ]),
      ),
    );
  }
  const events = (d.events ?? []).filter((e) => e.name);
  if (events.length) {
    parts.push(
      '',
      table(
        ['event', 'class', 'description'],
        events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
      ),
    );
  }
  const slots = d.slots ?? [];
  if (slots.length)
    parts.push(
      '',
      table(
        ['slot', 'description'],
        slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
      ),
    );
  const cssParts = d.cssParts ?? [];
  if (cssParts.length)
    parts.push(
      '',
      table(
        ['CSS part', 'description'],
        cssParts.map((p) => [code(p.name), cell(p.description)]),
      ),
    );
  // The global --ck-* tokens every element reads are listed once, in docs/theming.md.
  const cssProps = (d.cssProperties ?? []).filter((p) => !String(p.description ?? '').startsWith('[global]'));
  if (cssProps.length) {
    parts.push(
      '',
      table(
        ['CSS property', 'description'],
        cssProps.map((p) => [code(p.name), cell(p.description)]),
      ),
    );
  }
  if ((d.cssProperties ?? []).length > cssProps.length) {
    parts.push('', 'Also every global `--ck-*` token: see [docs/theming.md](docs/theming.md).');
  }
  return parts.filter((p, i, all) => !(p === '' && all[i - 1] === '')).join('\n');
}

const generated = [
  START,
  "<!-- Generated from custom-elements.json by scripts/readme-api.mjs: edit the elements' JSDoc, not this section. -->",
  '',
  ...ORDER.map((tag) => `${section(tag)}\n`),
  END,
].join('\n');

const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < 0) throw new Error(`README.md needs the markers ${START} and ${END}.`);
const next = readme.slice(0, start) + generated + readme.slice(end + END.length);

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md API reference is out of date with custom-elements.json: run `npm run readme-api`.');
    process.exit(1);
  }
  console.log('README API reference is up to date.');
} else {
  writeFileSync(readmeUrl, next);
  console.log(`README.md: API reference for ${ORDER.length} elements written.`);
}
