#!/usr/bin/env node
/**
 * Editor data from custom-elements.json (run `npm run analyze` first), so HTML editors complete and document the
 * kit's tags, attributes (with their values), events, slots, CSS parts and CSS properties:
 * - vscode.html-custom-data.json: VS Code's HTML custom data (`"html.customData"` in a host's settings)
 * - web-types.json: JetBrains web-types (package.json `"web-types"`; WebStorm picks it up from node_modules)
 * An attribute whose type is a union of string literals (`theme`: `'auto' | 'light' | 'dark'`) lists its values;
 * the type aliases in the manifest are resolved with the TypeScript checker against src/index.ts.
 *
 *   node scripts/editor-data.mjs          writes both files
 *   node scripts/editor-data.mjs --check  fails when either file is out of date with the manifest
 */
import {readFileSync, writeFileSync} from 'node:fs';
import prettier from 'prettier';
import ts from 'typescript';

const root = new URL('..', import.meta.url);
const check = process.argv.includes('--check');
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));

const isPublic = (member) => !member.privacy && !member.static && !/^[#_]/.test(member.name);
const elements = manifest.modules
  .flatMap((m) => (m.declarations ?? []).map((d) => ({...d, path: m.path})))
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

// String-literal values of each attribute's property, from the TypeScript types (aliases resolved).
const program = ts.createProgram([new URL('src/index.ts', root).pathname], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  experimentalDecorators: true,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();
const indexFile = program.getSourceFile(new URL('src/index.ts', root).pathname);
const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(indexFile)).map((s) => [s.name, s]));

/** `['auto', 'light', 'dark']` when `className.fieldName` is a union of string literals, else undefined. */
function literalValues(className, fieldName) {
  let symbol = exported.get(className);
  if (!symbol || !fieldName) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const instance = checker.getDeclaredTypeOfSymbol(symbol);
  const property = instance.getProperty(fieldName);
  if (!property) return undefined;
  const type = checker.getNonNullableType(checker.getTypeOfSymbol(property));
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((t) => t.isStringLiteral())) return undefined;
  return parts.map((t) => t.value);
}

const text = (value) => (value ?? '').replace(/\s+/g, ' ').trim();
const describe = (item) => text(item.description || item.summary);
const sentence = (value) => text(value).replace(/\.$/, '');
const typeOf = (attribute) => attribute.type?.text?.replace(/\s*\|\s*undefined/g, '');

function attributesOf(element) {
  return (element.attributes ?? []).map((attribute) => ({
    ...attribute,
    values: literalValues(element.name, attribute.fieldName),
  }));
}

function vscode() {
  return {
    version: 1.1,
    tags: elements.map((element) => ({
      name: element.tagName,
      description: [
        describe(element),
        (element.events ?? []).length
          ? `Events: ${element.events.map((e) => `${e.name} (${text(e.description)})`).join('; ')}`
          : '',
        (element.slots ?? []).length
          ? `Slots: ${element.slots.map((s) => `${s.name || '(default)'}: ${text(s.description)}`).join('; ')}`
          : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      attributes: attributesOf(element).map((attribute) => ({
        name: attribute.name,
        description: text(
          [
            sentence(attribute.description),
            `Type: ${typeOf(attribute)}`,
            attribute.default && attribute.default !== 'undefined' && `Default: ${attribute.default}`,
          ]
            .filter(Boolean)
            .join('. ') + '.',
        ),
        ...(attribute.values
          ? {values: attribute.values.map((name) => ({name}))}
          : attribute.type?.text === 'boolean'
            ? {valueSet: 'v'}
            : {}),
      })),
    })),
  };
}

function webTypes() {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tagName,
          description: describe(element),
          source: {module: `${pkg.name}/${element.path.replace(/^dist\//, '')}`, symbol: element.name},
          attributes: attributesOf(element).map((attribute) => ({
            name: attribute.name,
            description: text(attribute.description),
            ...(attribute.default !== undefined && attribute.default !== 'undefined'
              ? {default: attribute.default}
              : {}),
            value:
              attribute.type?.text === 'boolean'
                ? {type: 'boolean', required: false}
                : {type: attribute.values ? attribute.values.map((v) => `'${v}'`).join(' | ') : typeOf(attribute)},
            ...(attribute.values ? {values: attribute.values.map((name) => ({name}))} : {}),
          })),
          slots: (element.slots ?? []).map((slot) => ({name: slot.name, description: text(slot.description)})),
          events: (element.events ?? []).map((event) => ({name: event.name, description: text(event.description)})),
          js: {
            properties: (element.members ?? [])
              .filter((m) => m.kind === 'field' && isPublic(m))
              .map((m) => ({name: m.name, description: text(m.description), type: m.type?.text})),
            events: (element.events ?? []).map((event) => ({
              name: event.name,
              description: text(event.description),
              type: event.type?.text,
            })),
          },
          css: {
            parts: (element.cssParts ?? []).map((part) => ({name: part.name, description: text(part.description)})),
            properties: (element.cssProperties ?? []).map((property) => ({
              name: property.name,
              description: text(property.description),
            })),
          },
        })),
      },
    },
  };
}

const outputs = {'vscode.html-custom-data.json': vscode(), 'web-types.json': webTypes()};
const options = (await prettier.resolveConfig(new URL('package.json', root).pathname)) ?? {};
let stale = 0;
for (const [name, data] of Object.entries(outputs)) {
  const url = new URL(name, root);
  const json = await prettier.format(JSON.stringify(data), {...options, parser: 'json'});
  let current;
  try {
    current = readFileSync(url, 'utf8');
  } catch {
    current = undefined;
  }
  if (check) {
    if (current !== json) {
      stale++;
      console.error(
        `${name} is out of date with custom-elements.json: run \`npm run build\` (or \`npm run editor-data\`).`,
      );
    }
  } else if (current !== json) {
    writeFileSync(url, json);
    console.log(`${name}: ${data.tags?.length ?? data.contributions.html.elements.length} elements written.`);
  }
}
if (stale) process.exit(1);
