/**
 * Lazy chunks, proven in a real Chromium page: importing and using an element downloads neither the Temporal
 * polyfill (Chromium has a native Temporal) nor the phone tools (parser + prefix table) until something asks for
 * them with `loadPhoneTools()`. Every module the page fetches is in the Resource Timing buffer.
 *
 * Everything is imported dynamically, after the buffer is raised, so no fetch can go unrecorded. The size budgets
 * (scripts/size.mjs) check the same split in the production bundle.
 */
import type {ManualClock} from '../../src/core/clock.js';

const PHONE = /\/src\/core\/phone(-zones\.generated)?\.ts|\/libphonenumber-js\//;
const POLYFILL = /\/temporal-polyfill\/|\/temporal-utils\//;
const PHONE_LOADER = /\/src\/core\/phone-loader\.ts/;

const initialEntries = performance.getEntriesByType('resource').length;
performance.setResourceTimingBufferSize(100_000);

const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(new URL(name).pathname));

describe('lazy chunks (Chromium, native Temporal)', () => {
  let testing: typeof import('@open-wc/testing');
  let restoreErrors: (() => void) | undefined;

  before(async () => {
    testing = await import('@open-wc/testing');
    const {ignoreWindowResizeObserverLoopErrors} =
      await import('@lit-labs/virtualizer/support/resize-observer-errors.js');
    restoreErrors = ignoreWindowResizeObserverLoopErrors({suppressErrorLogging: true});
  });
  after(() => restoreErrors?.());

  it('the Resource Timing buffer held every fetch of the page so far', () => {
    testing.expect(initialEntries, 'the default buffer (250) was not full before it was raised').to.be.below(250);
  });

  it('<timeslot-grid>, <logout-countdown> and <campaign-list> render and work without the polyfill or the phone tools', async () => {
    const {expect, fixture, html} = testing;
    const {isNativeTemporal} = await import('../../src/core/temporal.js');
    expect(isNativeTemporal, 'this Chromium has a native Temporal').to.equal(true);

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
    await testing.waitUntil(() => campaigns.shadowRoot!.querySelector('.row--campaign'), 'campaigns did not load');

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
});
