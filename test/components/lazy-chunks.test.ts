/**
 * Lazy chunks, proven in a real browser page: importing and using an element downloads neither the Temporal
 * polyfill (Chromium and Firefox have a native Temporal) nor the phone tools (parser + prefix table) until something
 * asks for them with `loadPhoneTools()`, nor the virtualizer until a list grows past `VIRTUALIZE_ABOVE` entries.
 * Every module the page fetches is in the Resource Timing buffer.
 *
 * Everything is imported dynamically, after the buffer is raised, so no fetch can go unrecorded. The size budgets
 * (scripts/size.mjs) check the same split in the production bundle.
 */
import type {ManualClock} from '../../src/core/clock.js';
// Plain data, no runtime imports: fetching it early records nothing the tests look for.
import {AGENT, NOW, manyCallbacks as callbacks, manyCampaigns as campaigns} from '../support/list-data.js';

const PHONE = /\/src\/core\/phone(-zones\.generated)?\.ts|\/libphonenumber-js\//;
const POLYFILL = /\/temporal-polyfill\/|\/temporal-utils\//;
const PHONE_LOADER = /\/src\/core\/phone-loader\.ts/;
/** The virtualizer's modules (its support/ helpers, used by the tests to silence ResizeObserver reports, aside). */
const VIRTUALIZER = /\/@lit-labs\/virtualizer\/(?!support\/)/;

const initialEntries = performance.getEntriesByType('resource').length;
performance.setResourceTimingBufferSize(100_000);

const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(new URL(name).pathname));

describe('lazy chunks (native Temporal)', () => {
  let testing: typeof import('@open-wc/testing');
  let restoreErrors: (() => void) | undefined;

  before(async () => {
    testing = await import('@open-wc/testing');
    const {ignoreResizeObserverLoopErrors} = await import('../support/resize-observer-loop.js');
    restoreErrors = ignoreResizeObserverLoopErrors();
  });
  after(() => restoreErrors?.());

  it('the Resource Timing buffer held every fetch of the page so far', () => {
    testing.expect(initialEntries, 'the default buffer (250) was not full before it was raised').to.be.below(250);
  });

  it('<timeslot-grid>, <logout-countdown> and <campaign-list> render and work without the polyfill or the phone tools', async () => {
    const {expect, fixture, html} = testing;
    const {isNativeTemporal} = await import('../../src/core/temporal.js');
    expect(isNativeTemporal, 'this browser has a native Temporal').to.equal(true);

    await import('../../src/components/timeslot-grid/timeslot-grid.js');
    const {generateSlots} = await import('../../src/core/time.js');
    const slots = generateSlots({
      timeZone: 'America/New_York',
      from: '2026-11-23',
      to: '2026-11-27',
      slotMinutes: 30,
      hours: {start: '09:00', end: '12:00'},
    }).map((s) => ({start: s.start.toInstant().toString(), end: s.end.toInstant().toString(), available: true}));
    const grid = await fixture(
      html`<timeslot-grid .slots=${slots} time-zone="America/New_York" start-date="2026-11-23"></timeslot-grid>`,
    );
    const cell = grid.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"][data-key]')!;
    const selected = testing.oneEvent(grid, 'slot-select');
    cell.click();
    await selected;
    grid.remove(); // keep the next elements in view: the virtualized list renders only rows on screen

    const {ManualClock} = await import('../../src/core/clock.js');
    const {MemoryBackend} = await import('../../src/core/memory-backend.js');
    const clock: ManualClock = new ManualClock('2026-11-23T14:00:00Z');
    const backend = new MemoryBackend({clock, seed: 1});
    const agent = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York'};

    await import('../../src/components/logout-countdown/logout-countdown.js');
    backend.reserveAgentForCall('agent-maria', 30);
    const logout = await fixture<HTMLElementTagNameMap['logout-countdown']>(
      html`<logout-countdown .backend=${backend} .clock=${clock} .agent=${agent}></logout-countdown>`,
    );
    expect(await logout.requestLogout()).to.equal('deferred');
    logout.remove();

    await import('../../src/components/campaign-list/campaign-list.js');
    const campaigns = await fixture<HTMLElementTagNameMap['campaign-list']>(
      html`<campaign-list .backend=${backend} .clock=${clock} .agent=${agent}></campaign-list>`,
    );
    await testing.waitUntil(() => campaigns.shadowRoot!.querySelector('.row--campaign'), 'campaigns did not load', {
      timeout: 10_000,
    });

    expect(fetched(PHONE_LOADER), 'the tiny loader is there').to.have.length.greaterThan(0);
    expect(fetched(PHONE), 'no phone tools yet').to.deep.equal([]);
    expect(fetched(POLYFILL), 'no Temporal polyfill').to.deep.equal([]);
  });

  it('loadPhoneTools() downloads the phone tools on first use, once', async () => {
    const {expect} = testing;
    expect(fetched(PHONE)).to.deep.equal([]);
    const {loadPhoneTools} = await import('../../src/core/phone-loader.js');
    const tools = await loadPhoneTools();
    expect(tools.timeZonesForPhone('+12125550123')).to.deep.equal(['America/New_York']);
    const phone = fetched(PHONE);
    expect(phone.some((url) => /\/src\/core\/phone\.ts/.test(url))).to.equal(true);
    expect(phone.some((url) => /libphonenumber-js/.test(url))).to.equal(true);
    expect(await loadPhoneTools()).to.equal(tools);
    expect(fetched(PHONE)).to.have.length(phone.length);
    expect(fetched(POLYFILL), 'still no Temporal polyfill').to.deep.equal([]);
  });

  describe('the lists virtualize past a threshold, downloading the virtualizer then', () => {
    /** At the top of the window, whatever earlier tests left in the page. */
    const PINNED = 'position: fixed; inset-block-start: 0; inset-inline-start: 0; inline-size: 800px';
    const rows = (el: Element, selector = 'article[data-id]') => [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
    ];
    const frames = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    };
    let clock: ManualClock;
    let virtualList: typeof import('../../src/internal/virtual-list.js');

    before(async () => {
      await import('../../src/components/callback-list/callback-list.js');
      await import('../../src/components/campaign-list/campaign-list.js');
      const {ManualClock} = await import('../../src/core/clock.js');
      clock = new ManualClock(NOW);
      virtualList = await import('../../src/internal/virtual-list.js');
    });

    it('lists of up to VIRTUALIZE_ABOVE entries render every row themselves and download no virtualizer', async () => {
      const {expect, fixture, html} = testing;
      const {VIRTUALIZE_ABOVE} = virtualList;
      const list = await fixture<HTMLElementTagNameMap['callback-list']>(
        html`<callback-list
          locale="en-US"
          .agent=${AGENT}
          .clock=${clock}
          .callbacks=${callbacks(VIRTUALIZE_ABOVE - 1)}
        ></callback-list>`,
      );
      const grid = await fixture<HTMLElementTagNameMap['campaign-list']>(
        html`<campaign-list
          locale="en-US"
          filter="all"
          .agent=${AGENT}
          .clock=${clock}
          .campaigns=${campaigns(VIRTUALIZE_ABOVE)}
        ></campaign-list>`,
      );
      await frames(3);
      expect(rows(list)).to.have.length(VIRTUALIZE_ABOVE - 1); // and the Tomorrow heading
      expect(rows(grid, '.row--campaign')).to.have.length(VIRTUALIZE_ABOVE);
      expect(fetched(VIRTUALIZER), 'no virtualizer').to.deep.equal([]);
      list.remove();
      grid.remove();
    });

    it('a list growing past it shows its first rows at once, then only the rows in view; End and Home reach the last and first rows', async () => {
      const {expect, fixture, html, waitUntil} = testing;
      const {sendKeys} = await import('@web/test-runner-commands');
      const {VIRTUALIZE_ABOVE, FIRST_WINDOW, loadVirtualizer} = virtualList;
      const list = await fixture<HTMLElementTagNameMap['callback-list']>(
        html`<callback-list
          locale="en-US"
          .agent=${AGENT}
          .clock=${clock}
          .callbacks=${callbacks(VIRTUALIZE_ABOVE - 1)}
        ></callback-list>`,
      );
      expect(fetched(VIRTUALIZER)).to.deep.equal([]);
      list.style.cssText = PINNED; // virtualized rows render only where they can be seen
      list.callbacks = callbacks(1000);
      await list.updateComplete;
      // While the virtualizer downloads: the first entries (the Tomorrow heading, then rows), plainly; never blank.
      expect(rows(list).map((r) => r.dataset.id)).to.deep.equal(callbacks(FIRST_WINDOW - 1).map((c) => c.id));
      await loadVirtualizer(); // the very download the list started
      const modules = fetched(VIRTUALIZER);
      expect(modules.some((url) => url.endsWith('/virtualize.js'))).to.equal(true);
      expect(modules.some((url) => url.endsWith('/layouts/flow.js'))).to.equal(true);
      // Then the virtualizer's rendering: rows it positions, only those in view (and its overscan).
      const positioned = () => rows(list)[0]?.parentElement?.style.position === 'absolute';
      await waitUntil(positioned, 'the virtualizer renders the rows', {timeout: 10_000});
      expect(rows(list).length)
        .to.be.greaterThan(0)
        .and.lessThan(FIRST_WINDOW - 1);
      expect(rows(list)[0].getAttribute('aria-setsize')).to.equal('1000');
      rows(list)[0].focus();
      await sendKeys({press: 'End'});
      await waitUntil(
        () => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === 'cb-0999',
        'the last row gets focus',
        {timeout: 10_000},
      );
      expect(list.shadowRoot!.activeElement!.getAttribute('aria-posinset')).to.equal('1000');
      expect(rows(list).length).to.be.lessThan(FIRST_WINDOW);
      await sendKeys({press: 'Home'});
      await waitUntil(
        () => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id === 'cb-0000',
        'the first row gets focus',
        {timeout: 10_000},
      );
      list.remove();

      // Downloaded once: a second big list virtualizes at once.
      const grid = await fixture<HTMLElementTagNameMap['campaign-list']>(
        html`<campaign-list
          style=${PINNED}
          locale="en-US"
          filter="all"
          .agent=${AGENT}
          .clock=${clock}
          .campaigns=${campaigns(10_000)}
        ></campaign-list>`,
      );
      await waitUntil(() => rows(grid, '.row--campaign').length > 0, 'the grid rows', {timeout: 10_000});
      expect(rows(grid, '.row--campaign').length).to.be.lessThan(VIRTUALIZE_ABOVE);
      expect(fetched(VIRTUALIZER)).to.deep.equal(modules);
      grid.remove();
    });
  });
});
