/**
 * callback-kit/autoloader.js in a real page: each element is defined the first time its tag appears (in the
 * document, in a kit element's shadow root, or in a shadow root handed to `autoload()`), and the modules of tags
 * that never appear are neither fetched nor defined. Each test file runs in its own page, so no element of the
 * kit is registered before this file imports the autoloader.
 */
import {expect} from '@open-wc/testing';

performance.setResourceTimingBufferSize(100_000);
const before = new Set(
  [
    'agent-session',
    'callback-scheduler',
    'timeslot-grid',
    'logout-countdown',
    'callback-list',
    'campaign-list',
    'ck-month-calendar',
  ].filter((tag) => customElements.get(tag)),
);

const {autoload, autoloadedTags, loadElement} = await import('../../src/autoloader.js');

/** The element modules this page fetched, by tag (`/src/components/<tag>/<tag>.ts`). */
const fetchedElements = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname.match(/\/src\/components\/([a-z-]+)\/\1\.ts$/)?.[1])
    .filter((tag): tag is string => Boolean(tag));

/**
 * Resolves when `tag` is defined; fails the test with a clear message after `ms` (a bound on a hang, not a speed
 * check: a loaded machine can take seconds to transform and load an element's modules; the suite's mocha timeout
 * is longer).
 */
function defined(tag: string, ms = 25_000): Promise<CustomElementConstructor> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    customElements.whenDefined(tag).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`<${tag}> was not defined within ${ms} ms`)), ms);
    }),
  ]);
}

const added: Element[] = [];
function add<T extends Element>(element: T, parent: ParentNode = document.body): T {
  parent.append(element);
  added.push(element);
  return element;
}

describe('callback-kit/autoloader.js', () => {
  after(() => added.forEach((element) => element.remove()));

  it('lists the six public tags and loads nothing while none is on the page', () => {
    expect(before.size, 'no kit element was defined before the autoloader').to.equal(0);
    expect([...autoloadedTags].sort()).to.deep.equal([
      'agent-session',
      'callback-list',
      'callback-scheduler',
      'campaign-list',
      'logout-countdown',
      'timeslot-grid',
    ]);
    for (const tag of autoloadedTags) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(fetchedElements()).to.deep.equal([]);
  });

  it('defines a tag added to the document later, and only that one', async () => {
    const grid = add(document.createElement('timeslot-grid'));
    const Grid = await defined('timeslot-grid');
    expect(grid).to.be.instanceOf(Grid);
    await (grid as HTMLElement & {updateComplete: Promise<boolean>}).updateComplete;
    expect(grid.shadowRoot, 'the element rendered its shadow root').to.not.equal(null);

    for (const tag of ['agent-session', 'callback-scheduler', 'logout-countdown', 'callback-list', 'campaign-list']) {
      expect(customElements.get(tag), `${tag} is not on the page: not defined`).to.equal(undefined);
    }
    expect(fetchedElements()).to.deep.equal(['timeslot-grid']);
  });

  it('finds a tag nested in markup inserted in one go', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<section><p>My campaigns</p><campaign-list label="Campaigns"></campaign-list></section>';
    add(wrapper);
    const List = await defined('campaign-list');
    expect(wrapper.querySelector('campaign-list')).to.be.instanceOf(List);
    expect(customElements.get('callback-list'), 'callback-list is still not on the page').to.equal(undefined);
  });

  it("loads a tag that appears inside a kit element's shadow root", async () => {
    const session = add(document.createElement('agent-session'));
    session.setAttribute('events-only', '');
    await defined('agent-session');
    await (session as HTMLElement & {updateComplete: Promise<boolean>}).updateComplete;
    expect(customElements.get('logout-countdown')).to.equal(undefined);

    const countdown = document.createElement('logout-countdown');
    session.shadowRoot!.append(countdown);
    const Countdown = await defined('logout-countdown');
    expect(countdown).to.be.instanceOf(Countdown);
  });

  it("watches a host's own shadow root handed to autoload()", async () => {
    const host = add(document.createElement('div'));
    const root = host.attachShadow({mode: 'open'});
    autoload(root);
    const list = document.createElement('callback-list');
    root.append(list);
    const List = await defined('callback-list');
    expect(list).to.be.instanceOf(List);
    expect(customElements.get('callback-scheduler'), 'the scheduler never appeared').to.equal(undefined);
    expect(fetchedElements()).to.not.include('callback-scheduler');
  });

  it('loadElement() defines a tag on request and rejects an unknown one with the list of tags', async () => {
    await loadElement('callback-scheduler');
    expect(customElements.get('callback-scheduler')).to.not.equal(undefined);
    let error: Error | undefined;
    await loadElement('callback-sheduler').catch((e: Error) => (error = e));
    expect(error?.message).to.equal(
      'callback-kit autoloader: no element "callback-sheduler"; the kit has agent-session, callback-scheduler, ' +
        'timeslot-grid, logout-countdown, callback-list, campaign-list.',
    );
  });
});
