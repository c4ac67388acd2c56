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
  plugins: [dropUnnamedEvents, shippedPaths],
};
