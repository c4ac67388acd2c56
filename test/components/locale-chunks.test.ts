import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {waitFor as waitUntil} from '../support/wait.js';
// Only <callback-list> is on this page at first: the other elements are imported by the tests that need them.
import '../../src/components/callback-list/callback-list.js';
import type {CallbackListElement} from '../../src/components/callback-list/callback-list.js';
import {ManualClock} from '../../src/core/clock.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Agent} from '../../src/core/types.js';
import {kitLocale, setKitLocale} from '../../src/internal/localization.js';
import '../support/fresh-storage.js';

/**
 * Each language's catalog is split by element (src/generated/locales/<locale>.<group>.ts, scripts/locale-chunks.mjs):
 * a page downloads the common strings and those of the elements it shows, an element shown later loads its own
 * chunk before its first render (no English first), and a chunk that cannot be loaded leaves English and is reported
 * on the console. Which chunks a page loaded is read from the browser's resource timing entries.
 */

const AGENT: Agent = {id: 'agent-maria', name: 'María López', timeZone: 'America/New_York', locale: 'es-ES'};
const clock = new ManualClock(Temporal.Instant.from('2026-11-23T14:56:00Z'));

const CHUNK = /\/generated\/locales\/([\w-]+)\.([\w-]+)\.(?:ts|js)(?:\?|$)/;
/** The locale chunks this page requested so far, as `<locale>.<group>`, sorted. */
const requestedChunks = () =>
  [
    ...new Set(
      performance
        .getEntriesByType('resource')
        .map((entry) => CHUNK.exec(entry.name))
        .filter((match) => match !== null)
        .map((match) => `${match[1]}.${match[2]}`),
    ),
  ].sort();

/** Every text and labelling attribute of an element's shadow root (and its nested shadow roots). */
function shownText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += ` ${node.textContent}`;
    if (node instanceof Element) {
      for (const name of ['aria-label', 'title', 'placeholder'])
        if (node.hasAttribute(name)) text += ` ${node.getAttribute(name)}`;
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return text.replace(/\s+/g, ' ');
}

/** Console warnings while `during` runs. */
async function warningsDuring(during: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    seen.push(args.map(String).join(' '));
  };
  try {
    await during();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** Appends an element and returns what its shadow root showed the first time it rendered anything. */
async function firstPaint(el: HTMLElement & {renderRoot?: Node; updateComplete?: Promise<unknown>}) {
  let first: string | undefined;
  const parent = document.createElement('div');
  document.body.append(parent);
  parent.append(el); // connectedCallback makes the render root; nothing is rendered in it yet
  const root = el.renderRoot!;
  const observer = new MutationObserver(() => {
    first ??= shownText(root);
  });
  observer.observe(root, {childList: true, subtree: true, characterData: true, attributes: true});
  await waitUntil(() => first !== undefined, 'the element rendered');
  observer.disconnect();
  return {first: first!, parent};
}

describe('locale chunks: each language split by element', () => {
  let list: CallbackListElement;

  after(async () => {
    list?.remove();
    await executeServerCommand('offline-chunks', {pattern: null});
    await setKitLocale('en');
  });

  it('a page with only <callback-list> in Spanish loads only the common and the list chunks', async () => {
    expect(requestedChunks(), 'no strings before any language is asked for').to.deep.equal([]);
    // Not a fixture (those are removed after each test): the list stays on the page for every test of this file.
    list = document.createElement('callback-list');
    Object.assign(list, {agent: AGENT, clock, callbacks: []});
    list.setAttribute('locale', 'es-ES');
    document.body.append(list);
    await waitUntil(() => kitLocale() === 'es', 'the list set the kit language');
    await waitUntil(
      () => shownText(list.renderRoot).includes('Todavía no hay devoluciones de llamada.'),
      'the list shows its empty state in Spanish',
    );
    expect(shownText(list.renderRoot)).not.to.include('No callbacks yet.');
    expect(requestedChunks()).to.deep.equal(['es.callback-list', 'es.common']);
  });

  it('an element defined after the switch to Spanish renders Spanish on its first render', async () => {
    expect(customElements.get('logout-countdown'), 'not defined yet').to.equal(undefined);
    await import('../../src/components/logout-countdown/logout-countdown.js');
    const el = document.createElement('logout-countdown') as HTMLElement & {agent?: Agent; clock?: ManualClock};
    el.agent = AGENT;
    el.clock = clock;
    const {first, parent} = await firstPaint(el);
    try {
      expect(first).to.include('Cerrar sesión');
      expect(first).not.to.include('Log out');
      expect(requestedChunks()).to.deep.equal(['es.callback-list', 'es.common', 'es.logout-countdown']);
    } finally {
      parent.remove();
    }
  });

  it('an element whose chunk fails to load renders in English and the failure is reported (the list stays Spanish)', async () => {
    await executeServerCommand('offline-chunks', {pattern: '/generated/locales/es\\.timeslot-grid\\.'});
    let paint: {first: string; parent: HTMLElement} | undefined;
    const warnings = await warningsDuring(async () => {
      await import('../../src/components/timeslot-grid/timeslot-grid.js');
      const grid = document.createElement('timeslot-grid') as HTMLElement & {clock?: ManualClock; timeZone?: string};
      grid.clock = clock;
      grid.timeZone = 'America/New_York';
      paint = await firstPaint(grid);
    });
    try {
      expect(paint!.first).to.include('No times available this week.');
      expect(paint!.first).not.to.include('No hay horarios disponibles esta semana.');
      expect(warnings.join('\n')).to.match(/the "es" strings of <timeslot-grid> could not be loaded/);
      expect(kitLocale()).to.equal('es');
      expect(shownText(list.renderRoot)).to.include('Todavía no hay devoluciones de llamada.');
    } finally {
      paint?.parent.remove();
    }
  });

  it('a language whose strings fail to load leaves the UI in English and is reported', async () => {
    await setKitLocale('en');
    expect(kitLocale()).to.equal('en');
    await waitUntil(
      () => shownText(list.renderRoot).includes('No callbacks yet.'),
      'the list is back in English',
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${shownText(list.renderRoot)}`);
    });
    await executeServerCommand('offline-chunks', {pattern: '/generated/locales/fr\\.'});
    const warnings = await warningsDuring(() => setKitLocale('fr-CA'));
    expect(warnings.join('\n')).to.match(/the "fr" strings could not be loaded/);
    expect(kitLocale()).to.equal('en');
    expect(shownText(list.renderRoot)).to.include('No callbacks yet.');
  });
});
