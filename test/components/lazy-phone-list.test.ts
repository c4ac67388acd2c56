/**
 * `<callback-list>` downloads the phone chunk (parser + prefix tables) only when a callback needs it: a page whose
 * callbacks carry their zones (`Callback.customerTimeZones`) fetches no phone module at all; a callback without them
 * (and without a CRM contact zone) makes the list load it, once, to derive the customer's zones from the number.
 *
 * Its own test file, so its own page: every module the page fetches is in the Resource Timing buffer, and no
 * earlier test has loaded the phone tools. Everything is imported dynamically, after the buffer is raised.
 */
import type {Callback} from '../../src/core/types.js';
// Plain data, no runtime imports.
import {AGENT, NOW, manyCallbacks} from '../support/list-data.js';

const PHONE = /\/src\/core\/phone(-(zones|regions)\.generated)?\.ts|\/libphonenumber-js\//;

performance.setResourceTimingBufferSize(100_000);
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(new URL(name).pathname));

/**
 * Waits until every request the page started so far has most likely finished: five fetches, one after the other,
 * each started after anything the list asked for (an import the list started while rendering is answered before
 * them). A phone chunk the list wrongly requested is then in the Resource Timing buffer.
 */
async function networkSettled(): Promise<void> {
  for (let i = 0; i < 5; i++) await fetch(`/package.json?settle=${i}-${performance.now()}`, {cache: 'no-store'});
}

describe('<callback-list> and the phone chunk', () => {
  let testing: typeof import('@open-wc/testing');
  let clock: import('../../src/core/clock.js').ManualClock;

  before(async () => {
    testing = await import('@open-wc/testing');
    await import('../../src/components/callback-list/callback-list.js');
    const {ManualClock} = await import('../../src/core/clock.js');
    clock = new ManualClock(NOW);
  });

  const customerTimes = (el: Element) =>
    [...el.shadowRoot!.querySelectorAll('[part="customer-time"]')].map((e) =>
      e.textContent!.replace(/\s+/g, ' ').trim(),
    );
  const mount = (callbacks: Callback[]) =>
    testing.fixture<HTMLElementTagNameMap['callback-list']>(
      testing.html`<callback-list locale="en-US" .agent=${AGENT} .clock=${clock} .callbacks=${callbacks}></callback-list>`,
    );

  it('a page with a list of callbacks that carry their zones requests no phone chunk', async () => {
    const {expect, waitUntil} = testing;
    // New York numbers, but the customers are in Chicago (customerTimeZones wins over the number)
    const callbacks = manyCallbacks(3).map((c) => ({...c, customerTimeZones: ['America/Chicago']}));
    const list = await mount(callbacks);
    await waitUntil(() => customerTimes(list).length === 3, 'the rows did not render');
    expect(customerTimes(list)).to.deep.equal([
      'Customer: 7:00 AM CST',
      'Customer: 7:05 AM CST',
      'Customer: 7:10 AM CST',
    ]);
    // a render pass later (and a clock tick), still nothing asked for the phone tools
    clock.advance({minutes: 1});
    await list.updateComplete;
    await networkSettled();
    expect(fetched(/\/src\/components\/callback-list\//), 'the list itself was fetched').to.not.deep.equal([]);
    expect(fetched(PHONE), 'no phone chunk').to.deep.equal([]);
    list.remove();
  });

  it('a list with a callback lacking its zones loads the phone chunk and derives them from the number', async () => {
    const {expect, waitUntil} = testing;
    expect(fetched(PHONE), 'nothing fetched it before').to.deep.equal([]);
    const [zoned, bare] = manyCallbacks(2);
    const list = await mount([
      {...zoned!, customerTimeZones: ['America/Chicago']},
      {...bare!, phone: '+14155267890'},
    ]);
    await waitUntil(() => customerTimes(list).length === 2 && customerTimes(list)[1] !== '', 'no derived zone', {
      timeout: 20_000,
    });
    expect(customerTimes(list)).to.deep.equal(['Customer: 7:00 AM CST', 'Customer: 5:05 AM PST']);
    const phone = fetched(PHONE);
    expect(
      phone.some((url) => /\/src\/core\/phone\.ts/.test(url)),
      'src/core/phone.ts',
    ).to.equal(true);
    expect(
      phone.some((url) => /libphonenumber-js/.test(url)),
      'libphonenumber-js',
    ).to.equal(true);
    list.remove();
  });
});
