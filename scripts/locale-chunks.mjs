/**
 * Splits each language's catalog by element (issue 17: each lazy locale chunk <= 4.5 kB gzip), so a page downloads
 * only the strings of the elements it uses. Used by scripts/check-locales.mjs (`--write` writes, the check compares).
 *
 * Which chunk a message goes to is worked out from the sources, never by hand: lit-localize's own extraction
 * (`extractMessagesFromProgram`, run one source file at a time so every file that uses a message is known) maps each
 * message id to the files whose `msg()` calls make it. A file belongs to the group of its component folder
 * (`src/components/<folder>/`), named after the tag the folder defines (`defineElement('callback-list', ...)`):
 * - a folder whose element the package does not export as an entry of its own (rollup.config.mjs `entries`) and that
 *   only one other folder imports (the scheduler's `ck-month-calendar` and `ck-zone-picker`) joins that folder's
 *   group: its strings come with the element that shows it;
 * - a folder whose element does not extend KitElement (`<agent-session>`, which sets the language and cannot wait for
 *   its strings) has no group of its own: its strings go to `common`;
 * - a file imported from another group's folder (other than the module that defines an element, which the other
 *   element only places in its template) is used by both groups;
 * - a message used by files of several groups, or by any file outside src/components (src/internal...), is `common`.
 *
 * Output: `src/generated/locales/<locale>.<group>.ts` (`es.common.ts` and one per group: bundlers name the chunks
 * after them, `es.callback-list-<hash>.js`), each the `templates` of
 * `lit-localize build`'s module for that locale restricted to the group's messages, and the group of every kit tag.
 */
import {dirname, join, relative, resolve, sep} from 'node:path';
import ts from 'typescript';
import {readConfigFileAndWriteSchema} from '@lit/localize-tools/lib/config.js';
import {RuntimeLitLocalizer} from '@lit/localize-tools/lib/modes/runtime.js';
import {extractMessagesFromProgram} from '@lit/localize-tools/lib/program-analysis.js';

/** The group of the strings used by src/internal, by several elements or by an element that cannot wait for them. */
export const COMMON = 'common';

const posix = (path) => path.split(sep).join('/');

/**
 * @param {string} root the repository
 * @param {string} configPath lit-localize.json (its `inputFiles` and `tsConfig` are the sources read)
 * @returns {Promise<{groupOfId: Map<string, string>, groupOfTag: Map<string, string>, groups: string[]}>}
 *   every message id -> its group; every kit tag whose element shows strings -> its group; the groups, common first
 */
export async function messageGroups(root, configPath) {
  const config = readConfigFileAndWriteSchema(configPath);
  const localizer = new RuntimeLitLocalizer(/** @type {any} */ (config));
  const program = localizer.program;
  const inputs = new Set(localizer.filesAndCompilerOptions.fileNames.map((f) => resolve(f)));
  const sources = program.getSourceFiles().filter((f) => inputs.has(resolve(f.fileName)));
  const {entries} = await import(new URL(`file://${join(root, 'rollup.config.mjs')}`).href);
  const entryFiles = new Set(Object.values(entries).map((f) => resolve(root, f)));

  const folderOf = (file) => /^src\/components\/([^/]+)\//.exec(posix(relative(root, file)))?.[1];

  // Per component folder: the tag it defines, whether that element is a KitElement, its defining module.
  /** @type {Map<string, {tag: string, kit: boolean, module: string, entry: boolean}>} */
  const folders = new Map();
  for (const file of sources) {
    const folder = folderOf(file.fileName);
    const define = /defineElement\(\s*'([^']+)'\s*,\s*(\w+)\s*\)/.exec(file.text);
    if (!folder || !define) continue;
    const kit = new RegExp(`class\\s+${define[2]}\\s+extends\\s+KitElement\\b`).test(file.text);
    folders.set(folder, {
      tag: define[1],
      kit,
      module: resolve(file.fileName),
      entry: entryFiles.has(resolve(file.fileName)),
    });
  }

  // Imports between files (relative specifiers, `import` and `import()`), to see which folders use which files.
  /** @type {Map<string, Set<string>>} file -> the files that import it */
  const importers = new Map();
  for (const file of sources) {
    const from = resolve(file.fileName);
    const visit = (node) => {
      let specifier;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
        specifier = node.moduleSpecifier;
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
        specifier = node.arguments[0];
      if (specifier && ts.isStringLiteralLike(specifier) && specifier.text.startsWith('.')) {
        const target = resolve(dirname(from), specifier.text.replace(/\.js$/, '.ts'));
        if (!importers.has(target)) importers.set(target, new Set());
        importers.get(target).add(from);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  // The group of a folder: its own tag, or the group of the one folder that uses a private element, or common.
  const folderGroup = (folder, seen = new Set()) => {
    const info = folders.get(folder);
    if (!info || seen.has(folder)) return COMMON;
    seen.add(folder);
    if (!info.entry) {
      // (Re-exports outside src/components, such as src/api.ts, do not place the element on a page.)
      const users = new Set([...(importers.get(info.module) ?? [])].map(folderOf).filter((f) => f && f !== folder));
      if (users.size === 1) return folderGroup([...users][0], seen);
    }
    return info.kit ? info.tag : COMMON;
  };

  const groupOfTag = new Map();
  for (const [folder, info] of folders) {
    const group = folderGroup(folder);
    if (group !== COMMON) groupOfTag.set(info.tag, group);
  }

  /** @type {Map<string, Set<string>>} message id -> the groups that use it */
  const users = new Map();
  const checker = program.getTypeChecker();
  for (const file of sources) {
    const {messages} = extractMessagesFromProgram(
      /** @type {any} */ ({getSourceFiles: () => [file], getTypeChecker: () => checker}),
    );
    if (messages.length === 0) continue;
    const path = resolve(file.fileName);
    const folder = folderOf(path);
    const groups = new Set([folder ? folderGroup(folder) : COMMON]);
    // A helper module another group's files import (not an element's defining module) is used by that group too.
    const isElementModule = [...folders.values()].some((info) => info.module === path);
    if (!isElementModule)
      for (const importer of importers.get(path) ?? []) {
        const other = folderOf(importer);
        groups.add(other ? folderGroup(other) : COMMON);
      }
    for (const message of messages) {
      if (!users.has(message.name)) users.set(message.name, new Set());
      for (const g of groups) users.get(message.name).add(g);
    }
  }
  const groupOfId = new Map([...users].map(([id, groups]) => [id, groups.size === 1 ? [...groups][0] : COMMON]));
  const groups = [COMMON, ...[...new Set(groupOfTag.values())].sort()];
  return {groupOfId, groupOfTag, groups};
}

/**
 * The chunk modules of one locale from the module `lit-localize build` wrote for it.
 * The common chunk is the one a language switch loads first: besides its strings it names the group of each kit tag
 * and holds one `import()` per other chunk of the language, so the eager bundle has one loader per language only.
 * @param {string} code the built module (`export const templates = {...}`)
 * @param {{groupOfId: Map<string, string>, groupOfTag: Map<string, string>, groups: string[]}} split
 * @param {string} locale
 * @returns {Map<string, string>} group -> module text (unformatted)
 */
export function splitLocaleModule(code, {groupOfId, groupOfTag, groups}, locale) {
  const file = ts.createSourceFile('locale.ts', code, ts.ScriptTarget.ES2022, true);
  /** @type {ts.ObjectLiteralExpression | undefined} */
  let object;
  file.forEachChild((node) => {
    if (!ts.isVariableStatement(node)) return;
    for (const d of node.declarationList.declarations)
      if (d.name.getText(file) === 'templates' && d.initializer && ts.isObjectLiteralExpression(d.initializer))
        object = d.initializer;
  });
  if (!object) throw new Error(`locale-chunks: no "templates" object in the ${locale} module`);
  const byGroup = new Map(groups.map((g) => [g, []]));
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) throw new Error(`locale-chunks: unexpected ${property.getText(file)}`);
    const id = ts.isStringLiteral(property.name) ? property.name.text : property.name.getText(file);
    const group = groupOfId.get(id);
    if (group === undefined) throw new Error(`locale-chunks: ${locale} message ${id} is used by no source file`);
    byGroup.get(group).push(`  ${property.getText(file)},`);
  }
  const modules = new Map();
  for (const [group, lines] of byGroup) {
    const body = lines.join('\n');
    const imports = [
      ['str', '@lit/localize'],
      ['html', 'lit'],
    ].filter(([tag]) => new RegExp(`\\b${tag}\``).test(body));
    modules.set(
      group,
      `// Generated by scripts/check-locales.mjs --write from xliff/${locale}.xlf (lit-localize build, split by element
// in scripts/locale-chunks.mjs): do not edit by hand.
${imports.map(([tag, from]) => `import {${tag}} from '${from}';\n`).join('')}
/* eslint-disable no-irregular-whitespace */

/** The ${locale} strings of ${group === COMMON ? 'src/internal, of several elements and of <agent-session>' : `<${group}>`}. */
export const templates = {
${body}
};
${group === COMMON ? indexExports(locale, groupOfTag, groups) : ''}`,
    );
  }
  return modules;
}

const quote = (s) => `'${s}'`;
const key = (s) => (/^[a-z_$][\w$]*$/i.test(s) ? s : quote(s));

/** The common chunk's index of the language: each kit tag's group, and the loaders of the other chunks. */
function indexExports(locale, groupOfTag, groups) {
  const tags = [...groupOfTag].sort(([a], [b]) => a.localeCompare(b));
  return `
/** The string group of each kit element tag that shows strings of its own (a host's subclass: its kit class's tag). */
export const groupOfTag: Record<string, string> = {
${tags.map(([tag, group]) => `  ${key(tag)}: ${quote(group)},`).join('\n')}
};

/** The other chunks of the ${locale} strings, one per element group. */
export const groups = {
${groups
  .filter((g) => g !== COMMON)
  .map((g) => `  ${key(g)}: () => import('./${locale}.${g}.js'),`)
  .join('\n')}
};
`;
}
