import {existsSync, readFileSync} from 'node:fs';
import {posix} from 'node:path';
import {entries} from './rollup.config.mjs';

// custom-elements.json, read by Storybook's autodocs, the README's API tables and editors (package.json `customElements`).

/**
 * The analyzer records `this.dispatchEvent(new SomeEvent(...))` as an event without a name; the named entries come
 * from the `@event` JSDoc. Drop the unnamed ones so docs and tools list each event once. When the constructor's
 * first argument is an identifier (`new DispositionSelectEvent(d)`), the analyzer takes it for the event's name
 * (an event "d"): an undescribed entry whose class a documented event already names is dropped too.
 */
const dropUnnamedEvents = {
  name: 'callback-kit-drop-unnamed-events',
  packageLinkPhase({customElementsManifest}) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.events) continue;
        const documented = new Set(declaration.events.filter((e) => e.description).map((e) => e.type?.text));
        declaration.events = declaration.events.filter(
          (event) => event.name && (event.description || !documented.has(event.type?.text)),
        );
      }
    }
  },
};

/** The JS file a host imports for each element module: its own package entry (rollup.config.mjs `entries`). */
const elementEntries = Object.fromEntries(
  Object.entries(entries)
    .filter(([, file]) => file.startsWith('src/components/'))
    .map(([name, file]) => [file, `dist/${name}.js`]),
);

/**
 * Where a source module ships: an element's own entry (`dist/callback-scheduler.js`), `dist/index.js` for the other
 * public modules (every event and `<ck-month-calendar>` are exported from `callback-kit`), and the declaration file
 * for the internal base class (`KitElement`, whose members each element lists as inherited). `from` is the module
 * that refers to `path`: the analyzer writes references as `/src/x.js` or relative (`./model.js`) too.
 */
export function shippedPath(path, from = '') {
  if (typeof path !== 'string' || !/^(\/?src\/|\.\.?\/)/.test(path)) return path;
  let source = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
  source = source.replace(/\.js$/, '.ts');
  if (elementEntries[source]) return elementEntries[source];
  if (source.startsWith('src/internal/')) return `dist/types/${source.slice(4, -3)}.d.ts`;
  // A type re-exported by an element module from its internal model (`export type {...} from './model.js'`): the
  // element entry's declarations export it.
  if (/-(model|format)\.ts$/.test(source)) return shippedPath(from);
  return 'dist/index.js';
}

/** The global `--ck-*` tokens documented once in src/internal/tokens.ts: name -> description. */
export function globalTokens(file = 'src/internal/tokens.ts') {
  const text = readFileSync(file, 'utf8');
  const documented = new Map(
    [...text.matchAll(/^\s*\* @cssproperty (--ck-[a-z0-9-]+) - (.+)$/gm)].map(([, name, description]) => [
      name,
      description.trim(),
    ]),
  );
  const declared = new Set([...text.matchAll(/var\((--ck-[a-z0-9-]+)/g)].map(([, name]) => name));
  const undocumented = [...declared].filter((name) => !documented.has(name));
  const unknown = [...documented.keys()].filter((name) => !declared.has(name));
  if (undocumented.length || unknown.length)
    throw new Error(
      `${file}: every token of the block needs one @cssproperty line and no other (undocumented: ${undocumented.join(', ') || 'none'}; not in the block: ${unknown.join(', ') || 'none'})`,
    );
  return documented;
}

/** `./x.js` imported by `from` (a src/ path), as the .ts source path, or undefined for a package import. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  return posix.join(posix.dirname(from), specifier).replace(/\.js$/, '.ts');
}

const importsOf = (file) =>
  existsSync(file)
    ? [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)]
        .map(([, specifier]) => resolveImport(file, specifier))
        .filter(Boolean)
    : [];

const isStyleModule = (file) =>
  /\.styles\.ts$/.test(file) || file.startsWith('src/internal/styles/') || file === 'src/internal/styles.ts';

/**
 * The global tokens an element's own style sheets read: every `var(--_ck-x)` or `var(--ck-x)` of a global token in
 * the style modules the element's file imports (`*.styles.ts`, `src/internal/styles/`), and the modules they import
 * in turn; the token block itself (tokens.ts) is not counted. `--ck-color-scheme` is read by every element (the
 * block sets `color-scheme` from it) and `--ck-font` is made of the three font tokens.
 */
function tokensReadBy(elementFile, tokens) {
  const read = new Set(['--ck-color-scheme']);
  const seen = new Set();
  const visit = (file) => {
    for (const imported of importsOf(file)) {
      if (seen.has(imported) || imported === 'src/internal/tokens.ts' || !isStyleModule(imported)) continue;
      seen.add(imported);
      for (const [, name] of readFileSync(imported, 'utf8').matchAll(/var\(\s*--_?ck-([a-z0-9-]+)/g))
        if (tokens.has(`--ck-${name}`)) read.add(`--ck-${name}`);
      visit(imported);
    }
  };
  visit(elementFile);
  if (read.has('--ck-font'))
    for (const name of ['--ck-font-family', '--ck-font-size', '--ck-line-height']) read.add(name);
  return read;
}

/**
 * Documents the global tokens each element reads: they are written once, in src/internal/tokens.ts, and added here
 * to the element's `cssProperties` as `[global]` entries (the README's tables leave those out and point to
 * docs/theming.md; Storybook and editors list them). An element that renders a kit element with no package entry
 * of its own (`<callback-scheduler>` and its `<ck-month-calendar>`) documents that element's tokens too. Tokens an
 * element documents itself (with its own words) are kept as they are.
 */
const globalTokenDocs = {
  name: 'callback-kit-global-tokens',
  packageLinkPhase({customElementsManifest}) {
    const tokens = globalTokens();
    const modules = customElementsManifest.modules ?? [];
    const elementFiles = new Map();
    for (const module of modules)
      for (const declaration of module.declarations ?? [])
        if (declaration.customElement && declaration.tagName) elementFiles.set(module.path, declaration);
    for (const module of modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.customElement || !declaration.tagName || !module.path.startsWith('src/components/')) continue;
        const read = tokensReadBy(module.path, tokens);
        for (const part of importsOf(module.path))
          if (elementFiles.has(part) && !elementEntries[part])
            for (const name of tokensReadBy(part, tokens)) read.add(name);
        const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
        const added = [...tokens]
          .filter(([name]) => read.has(name) && !own.has(name))
          .map(([name, description]) => ({description: `[global] ${description}`, name}));
        if (added.length) declaration.cssProperties = [...(declaration.cssProperties ?? []), ...added];
      }
    }
  },
};

/** Points every module path and module reference at the shipped file (the package does not ship src/). */
const shippedPaths = {
  name: 'callback-kit-shipped-paths',
  packageLinkPhase({customElementsManifest}) {
    const visit = (node, from) => {
      if (Array.isArray(node)) node.forEach((child) => visit(child, from));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'module' && typeof value === 'string') node[key] = shippedPath(value, from);
          else visit(value, from);
        }
      }
    };
    for (const module of customElementsManifest.modules ?? []) {
      visit(module, module.path);
      module.path = shippedPath(module.path);
    }
  },
};

export default {
  // kit-element.ts: the base class's public properties (backend, clock, agent, policy, locale) are inherited members.
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts', 'src/internal/kit-element.ts'],
  // The *-model.ts and *-format.ts helpers are internal (not exported by the package).
  exclude: ['src/**/*.styles.ts', 'src/components/**/*-model.ts', 'src/components/**/*-format.ts'],
  outdir: '.',
  litelement: true,
  plugins: [dropUnnamedEvents, globalTokenDocs, shippedPaths],
};
