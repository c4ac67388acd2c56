// Keeps the translations complete and the committed locale modules fresh (lit-localize, runtime mode).
//
//   node scripts/check-locales.mjs          fails when `lit-localize extract` would change xliff/*.xlf (a message
//                                          added, changed or removed in src/), when a message has no translation,
//                                          or when src/generated/ is not what `lit-localize build` makes of them,
//                                          split by element (src/generated/locales/<locale>/<group>.ts, see
//                                          scripts/locale-chunks.mjs), and src/generated/locale-loaders.ts not what
//                                          lit-localize.json and the sources say.
//   node scripts/check-locales.mjs --write  runs extract in place, builds, splits and writes src/generated/ (then
//                                          translate the new <trans-unit>s that have no <target> in
//                                          xliff/<locale>.xlf and run it again).
//
// `lit-localize build` alone would write one whole-catalog module per locale in src/generated/locales/: use --write.
// The check works on copies in a temporary directory: the tree is never modified.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';
import {messageGroups, splitLocaleModule} from './locale-chunks.mjs';
import {LOADERS_MODULE, localeLoadersSource} from './locale-loaders.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8'));
const write = process.argv.includes('--write');

function run(command, configPath) {
  const result = spawnSync(process.execPath, [cli, command, '--config', configPath], {cwd: root, encoding: 'utf8'});
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`lit-localize ${command} failed`);
  }
  return result.stdout + result.stderr;
}

/** A generated module formatted like the rest of the tree (they are committed and prettier-checked) at `as`. */
async function formatText(text, as) {
  const options = (await prettier.resolveConfig(as)) ?? {};
  return prettier.format(text, {...options, filepath: as});
}

/** `[id, source, target?]` of every unit of an XLIFF file. */
function units(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => [
    id,
    /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
    /<target>([\s\S]*?)<\/target>/.exec(body)?.[1],
  ]);
}

const plain = (xml) =>
  xml
    .replace(/<x [^>]*\/>/g, '{…}')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The temporary copy of the config: xliff/ copied (or the real one with --write), output in the temporary dir. */
function tempSetup(temp) {
  const xliffDir = write ? join(root, config.interchange.xliffDir) : join(temp, 'xliff');
  if (!write) cpSync(join(root, config.interchange.xliffDir), xliffDir, {recursive: true});
  const outputDir = join(temp, 'locales');
  const localeCodesModule = config.output.localeCodesModule ? join(temp, 'locale-codes.ts') : undefined;
  const tempConfig = {
    ...config,
    $schema: undefined,
    tsConfig: config.tsConfig && resolve(root, config.tsConfig),
    inputFiles: config.inputFiles.map((pattern) =>
      pattern.startsWith('!') ? `!${resolve(root, pattern.slice(1))}` : resolve(root, pattern),
    ),
    interchange: {...config.interchange, xliffDir},
    output: {...config.output, outputDir, ...(localeCodesModule ? {localeCodesModule} : {})},
  };
  const configPath = join(temp, 'lit-localize.json');
  writeFileSync(configPath, JSON.stringify(tempConfig));
  return {xliffDir, outputDir, localeCodesModule, configPath};
}

const outputRoot = join(root, config.output.outputDir);
const localeCodesPath = config.output.localeCodesModule && join(root, config.output.localeCodesModule);

/**
 * What the tree should hold under src/generated/: path (from the root) -> the formatted text, from the temporary
 * `lit-localize build` output split by element, and the loaders module.
 */
async function expectedFiles(outputDir, localeCodesModule, split) {
  const files = new Map();
  for (const locale of config.targetLocales) {
    const built = readFileSync(join(outputDir, `${locale}.ts`), 'utf8');
    for (const [group, text] of splitLocaleModule(built, split, locale)) {
      const path = join(outputRoot, `${locale}.${group}.ts`);
      files.set(path, await formatText(text, path));
    }
  }
  if (localeCodesModule)
    files.set(localeCodesPath, await formatText(readFileSync(localeCodesModule, 'utf8'), localeCodesPath));
  const loadersPath = join(root, LOADERS_MODULE);
  files.set(loadersPath, await formatText(localeLoadersSource(config), loadersPath));
  return files;
}

/** Every .ts file under the locales output dir (what the tree holds there). */
function committedLocaleFiles() {
  if (!existsSync(outputRoot)) return [];
  return readdirSync(outputRoot, {recursive: true})
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(outputRoot, f));
}

const temp = mkdtempSync(join(tmpdir(), 'check-locales-'));
const problems = [];
try {
  const {xliffDir, outputDir, localeCodesModule, configPath} = tempSetup(temp);
  const split = await messageGroups(root, configPath);

  run('extract', configPath);
  if (!write)
    for (const locale of config.targetLocales) {
      const committed = join(root, config.interchange.xliffDir, `${locale}.xlf`);
      const fresh = join(xliffDir, `${locale}.xlf`);
      if (!existsSync(committed)) {
        problems.push(`${committed} is missing: run node scripts/check-locales.mjs --write and translate it.`);
        continue;
      }
      const before = new Map(units(committed).map(([id, source]) => [id, source]));
      const after = units(fresh);
      const afterIds = new Set(after.map(([id]) => id));
      for (const [id, source] of after) {
        if (!before.has(id)) problems.push(`${locale}: new message ${id} "${plain(source)}" is not in the XLIFF yet.`);
        else if (before.get(id) !== source) problems.push(`${locale}: message ${id} changed in the source.`);
      }
      for (const [id, source] of before)
        if (!afterIds.has(id)) problems.push(`${locale}: ${id} "${plain(source)}" is no longer used in src/.`);
    }
  for (const locale of config.targetLocales)
    for (const [id, source, target] of units(join(xliffDir, `${locale}.xlf`)))
      if (target === undefined || !target.trim())
        problems.push(`${locale}: no translation for ${id} "${plain(source)}".`);

  run('build', configPath);
  const expected = await expectedFiles(outputDir, localeCodesModule, split);
  const rel = (path) => relative(root, path);
  if (write) {
    for (const file of committedLocaleFiles()) if (!expected.has(file)) rmSync(file);
    for (const [path, text] of expected) {
      mkdirSync(dirname(path), {recursive: true});
      writeFileSync(path, text);
    }
  } else {
    for (const [path, text] of expected) {
      if (!existsSync(path)) problems.push(`${rel(path)} is missing.`);
      else if (text !== readFileSync(path, 'utf8'))
        problems.push(
          path === join(root, LOADERS_MODULE)
            ? `${LOADERS_MODULE} does not list the locales of lit-localize.json and the string groups of the sources.`
            : `${rel(path)} is not what lit-localize build makes of the XLIFF, split by element.`,
        );
    }
    for (const file of committedLocaleFiles())
      if (!expected.has(file)) problems.push(`${rel(file)} is not generated (a stale or hand-made locale module).`);
  }
} finally {
  rmSync(temp, {recursive: true, force: true});
}

if (problems.length) {
  console.error(`Translations are not complete or not up to date (${problems.length}):`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error(
    'Fix: node scripts/check-locales.mjs --write, add a <target> to every new <trans-unit> in xliff/*.xlf, run --write again.',
  );
  process.exit(1);
}
console.log(`Locales OK: ${config.targetLocales.join(', ')} complete, generated modules up to date.`);
