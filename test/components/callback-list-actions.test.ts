/**
 * The row action menus of `<callback-list>` are a lazy chunk (row-menu.ts): not downloaded with the element, but
 * when idle after its first render or on intent. An agent who goes for a menu with the keyboard right after the
 * first render gets the same menu, and the Cancel dialog from it, with the same focus rules, as when the chunk is
 * there. (The failed download: callback-list-actions-offline.test.ts, a page of its own.)
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {waitFor as waitUntil} from '../support/wait.js';
import {ManualClock} from '../../src/core/clock.js';
import {AGENT, NOW, manyCallbacks} from '../support/list-data.js';

performance.setResourceTimingBufferSize(100_000);
const MENU = /\/src\/components\/callback-list\/row-menu\.ts$/;
const fetched = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => pattern.test(path));

describe('<callback-list> action menus (lazy chunk)', () => {
  it('importing the element does not download the menus', async () => {
    await import('../../src/components/callback-list/callback-list.js');
    expect(fetched(/\/src\/components\/callback-list\/callback-list\.ts$/), 'the element').to.have.length(1);
    expect(fetched(MENU), 'no menu code yet').to.deep.equal([]);
  });

  it('from the first render, by keyboard only: Enter on "More actions" opens the menu, Cancel the dialog, Escape goes back', async () => {
    const el = await fixture<HTMLElementTagNameMap['callback-list']>(
      html`<callback-list
        locale="en-US"
        .agent=${AGENT}
        .clock=${new ManualClock(NOW)}
        .callbacks=${manyCallbacks(3)}
      ></callback-list>`,
    );
    const root = el.shadowRoot!;
    const first = root.querySelector<HTMLElement>('article[data-id="cb-0000"]')!;
    const more = first.querySelector<HTMLElement>('.action--more')!;
    const menu = first.querySelector<HTMLElement>('[role="menu"]')!;
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    for (let i = 0; i < 5; i++) await sendKeys({press: 'Tab'}); // type, status, the row, Launch, More actions
    expect(root.activeElement).to.equal(more);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => menu.matches(':popover-open'), 'the menu opens');
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    await waitUntil(() => root.activeElement === items[0], 'focus on its first item');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(menu).position, "the menu's own styles came with it").to.equal('fixed');
    await sendKeys({press: 'ArrowDown'});
    expect(root.activeElement).to.equal(items[1]);
    await sendKeys({press: 'Enter'}); // Cancel
    const dialog = root.querySelector<HTMLDialogElement>('dialog.confirm')!;
    await waitUntil(() => dialog.open && root.activeElement?.classList.contains('keep'), 'the confirmation, on Keep');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(menu.matches(':popover-open')).to.equal(false);
    expect(getComputedStyle(dialog, '::backdrop').backgroundColor).to.not.be.oneOf(['', 'rgba(0, 0, 0, 0)']);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !dialog.open && root.activeElement === more, 'closed; focus back on "More actions"');
    expect(fetched(MENU), 'the menu code, downloaded meanwhile').to.have.length(1);
    before.remove();
  });
});
