/**
 * callback-kit/autoloader.js: loads each element the first time its tag appears, and nothing else.
 *
 * Importing this module (no bundler needed: `<script type="module" src=".../cdn/autoloader.js">`) watches the
 * document with a MutationObserver. When `<agent-session>`, `<callback-scheduler>`, `<timeslot-grid>`,
 * `<logout-countdown>`, `<callback-list>` or `<campaign-list>` is in the page, or is added later, the module that
 * defines that tag is imported (dynamic `import()`), once. The shadow root of every kit element is watched too, so
 * a tag that a kit element renders inside itself is loaded the same way. Tags that never appear are never fetched:
 * a page with only `<callback-list>` downloads the list and nothing of the scheduler.
 *
 * The autoloader cannot see into the host's own shadow roots (an app whose components use shadow DOM): pass
 * those to {@link autoload} once they exist.
 * @packageDocumentation
 */

/** Each public tag and the entry that defines it (one explicit `import()` each, so every bundler makes a chunk). */
const loaders: Record<string, () => Promise<unknown>> = {
  'agent-session': () => import('./components/agent-session/agent-session.js'),
  'callback-scheduler': () => import('./components/callback-scheduler/callback-scheduler.js'),
  'timeslot-grid': () => import('./components/timeslot-grid/timeslot-grid.js'),
  'logout-countdown': () => import('./components/logout-countdown/logout-countdown.js'),
  'callback-list': () => import('./components/callback-list/callback-list.js'),
  'campaign-list': () => import('./components/campaign-list/campaign-list.js'),
};

/** The tags the autoloader loads on sight. (`<ck-month-calendar>` is part of `<callback-scheduler>`.) */
export const autoloadedTags: readonly string[] = Object.freeze(Object.keys(loaders));

/** Kit tags whose shadow roots are watched: the public ones and the scheduler's internal calendar. */
const kitTags = new Set([...autoloadedTags, 'ck-month-calendar']);
const kitSelector = [...kitTags].join(',');

const requested = new Map<string, Promise<void>>();
const watched = new WeakSet<Node>();
let observer: MutationObserver | undefined;

/**
 * Loads the element for `tag` (once; a failed download is reported and retried the next time the tag is seen).
 * Resolves when the tag is defined. Rejects with a clear error for a tag the kit does not have.
 */
export function loadElement(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  const loader = loaders[name];
  if (!loader) {
    return Promise.reject(
      new Error(`callback-kit autoloader: no element "${tag}"; the kit has ${autoloadedTags.join(', ')}.`),
    );
  }
  let loading = requested.get(name);
  if (!loading) {
    loading = loader().then(
      () => undefined,
      (error: unknown) => {
        requested.delete(name);
        throw new Error(`callback-kit autoloader: could not load <${name}>: ${String(error)}`, {cause: error});
      },
    );
    requested.set(name, loading);
  }
  return loading;
}

/** Loads what `element` needs and, once it is upgraded, watches its shadow root. */
function visit(element: Element): void {
  const tag = element.localName;
  if (!kitTags.has(tag)) return;
  if (tag in loaders && !requested.has(tag) && !customElements.get(tag)) {
    loadElement(tag).catch((error: unknown) => console.error(error));
  }
  void customElements.whenDefined(tag).then(() => {
    if (element.shadowRoot) autoload(element.shadowRoot);
  });
}

/** Visits `root` and every kit element below it. */
function scan(root: ParentNode): void {
  if (root instanceof Element) visit(root);
  for (const element of root.querySelectorAll(kitSelector)) visit(element);
}

/**
 * Watches `root` (the document, a shadow root or an element) and loads each kit element found in it now or later.
 * The module calls `autoload(document)` itself; call it for a shadow root of your own that holds kit tags.
 */
export function autoload(root: Document | ShadowRoot | Element = document): void {
  observer ??= new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });
  if (!watched.has(root)) {
    watched.add(root);
    observer.observe(root, {childList: true, subtree: true});
  }
  scan(root);
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') autoload(document);
