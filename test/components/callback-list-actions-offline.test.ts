/**
 * `<callback-list>` whose action menus' chunk (row-menu.ts) cannot be downloaded (a deploy replaced the chunks, the
 * network dropped): the agent asking for a row's menu is told in an alert, the host gets a typed
 * `callback-list-error`, focus stays where it was, and the rest of the list keeps working. The
 * `offline-chunks` command answers 503 for that module on this page only (a page of its own: a browser keeps a
 * failed module import for the page).
 */
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {waitFor as waitUntil} from '../support/wait.js';
import {ManualClock} from '../../src/core/clock.js';
import {CallbackKitError} from '../../src/core/errors.js';
import type {CallbackListErrorEvent} from '../../src/events/callback-list-error.js';
import {AGENT, NOW, manyCallbacks} from '../support/list-data.js';
import '../../src/components/callback-list/callback-list.js';

describe('<callback-list> when its action menus cannot be downloaded', () => {
  before(async () => {
    await executeServerCommand('offline-chunks', {pattern: '/src/components/callback-list/row-menu\\.ts$'});
  });
  after(async () => {
    await executeServerCommand('offline-chunks', {pattern: null});
  });

  it('says so in an alert and a callback-list-error (operation load); focus stays on the button; Launch still works', async () => {
    const errors: CallbackListErrorEvent[] = [];
    const el = await fixture<HTMLElementTagNameMap['callback-list']>(
      html`<callback-list
        locale="en-US"
        .agent=${AGENT}
        .clock=${new ManualClock(NOW)}
        .callbacks=${manyCallbacks(3)}
        @callback-list-error=${(e: CallbackListErrorEvent) => errors.push(e)}
      ></callback-list>`,
    );
    const root = el.shadowRoot!;
    const first = root.querySelector<HTMLElement>('article[data-id="cb-0000"]')!;
    const more = first.querySelector<HTMLElement>('.action--more')!;
    const alerts = () => [...root.querySelectorAll('[role="alert"]')].map((a) => a.textContent!.trim());
    more.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => errors.length === 1, 'callback-list-error');
    const {detail} = errors[0];
    expect(detail.operation).to.equal('load');
    expect(detail.error).to.be.instanceOf(CallbackKitError);
    expect(detail.error.code).to.equal('backend-unavailable');
    expect(detail.error.message, 'names what failed').to.contain('row-menu');
    await el.updateComplete;
    expect(alerts()).to.deep.equal([detail.error.message]);
    expect(root.activeElement).to.equal(more);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(first.querySelector('[role="menu"]')!.matches(':popover-open')).to.equal(false);

    // ArrowDown on the button asks again: said again, focus stays
    await sendKeys({press: 'ArrowDown'});
    await waitUntil(() => errors.length === 2, 'callback-list-error again');
    expect(root.activeElement).to.equal(more);
    expect(first.querySelector('[role="menu"]')!.matches(':popover-open')).to.equal(false);

    // the list itself goes on working
    const launched = oneEvent(el, 'callback-launch');
    first.querySelector<HTMLElement>('.action--primary')!.click();
    expect((await launched).detail.callback.id).to.equal('cb-0000');
  });
});
