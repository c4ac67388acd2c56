// Keeps the translations complete and the committed locale modules fresh (lit-localize, runtime mode).
//
//   node scripts/check-locales.mjs          fails when `lit-localize extract` would change xliff/*.xlf (a message
//                                          added, changed or removed in src/), when a message has no translation,
//                                          or when src/generated/ is not what `lit-localize build` makes of them
//                                          (and src/generated/locale-loaders.ts not what lit-localize.json says).
//   node scripts/check-locales.mjs --write  runs extract + build in place (then translate the new <trans-unit>s
//                                          that have no <target> in xliff/<locale>.xlf and run it again).
//
// The check works on copies in a temporary directory: the tree is never modified.
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as prettier from 'prettier';
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
async function format(file, as = file) {
  const options = (await prettier.resolveConfig(as)) ?? {};
  return prettier.format(readFileSync(file, 'utf8'), {...options, filepath: as});
}

const generated = (outputDir, localeCodesModule) => [
  ...config.targetLocales.map((locale) => join(outputDir, `${locale}.ts`)),
  ...(localeCodesModule ? [localeCodesModule] : []),
];

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

if (write) {
  run('extract', join(root, 'lit-localize.json'));
  run('build', join(root, 'lit-localize.json'));
  for (const file of generated(
    join(root, config.output.outputDir),
    config.output.localeCodesModule && join(root, config.output.localeCodesModule),
  ))
    writeFileSync(file, await format(file));
  const loaders = join(root, LOADERS_MODULE);
  writeFileSync(loaders, localeLoadersSource(config));
  writeFileSync(loaders, await format(loaders));
}

const temp = mkdtempSync(join(tmpdir(), 'check-locales-'));
const problems = [];
try {
  const xliffDir = join(temp, 'xliff');
  const outputDir = join(temp, 'locales');
  cpSync(join(root, config.interchange.xliffDir), xliffDir, {recursive: true});
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

  run('extract', configPath);
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
    for (const [id, source, target] of after)
      if (target === undefined || !target.trim())
        problems.push(`${locale}: no translation for ${id} "${plain(source)}".`);
  }

  run('build', configPath);
  const expected = generated(outputDir, localeCodesModule);
  const actual = generated(
    join(root, config.output.outputDir),
    config.output.localeCodesModule && join(root, config.output.localeCodesModule),
  );
  for (let i = 0; i < expected.length; i++) {
    if (!existsSync(actual[i])) {
      problems.push(`${actual[i]} is missing.`);
      continue;
    }
    if ((await format(expected[i], actual[i])) !== readFileSync(actual[i], 'utf8'))
      problems.push(`${actual[i].slice(root.length + 1)} is not what lit-localize build makes of the XLIFF.`);
  }
  const loadersPath = join(root, LOADERS_MODULE);
  const loadersTemp = join(temp, 'locale-loaders.ts');
  writeFileSync(loadersTemp, localeLoadersSource(config));
  if (!existsSync(loadersPath)) problems.push(`${LOADERS_MODULE} is missing.`);
  else if ((await format(loadersTemp, loadersPath)) !== readFileSync(loadersPath, 'utf8'))
    problems.push(`${LOADERS_MODULE} does not list the locales of lit-localize.json.`);
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
