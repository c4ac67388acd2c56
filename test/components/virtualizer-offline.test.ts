/**
 * A list past `VIRTUALIZE_ABOVE` entries whose virtualizer chunk cannot be downloaded (a deploy replaced the
 * chunks, the network dropped): the agent still gets every row, plainly, with the keyboard working, and nothing
 * is lost. The `offline-chunks` command answers 503 for the virtualizer's modules on this page only
 * (test/plugins/offline-chunks.mjs, puppeteer request interception).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {ManualClock} from '../../src/core/clock.js';
import {AGENT, NOW, manyCallbacks as callbacks, manyCampaigns as campaigns} from '../support/list-data.js';
import {VIRTUALIZE_ABOVE} from '../../src/internal/virtual-list.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/campaign-list/campaign-list.js';

const COUNT = VIRTUALIZE_ABOVE * 2;

const virtualizerRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/@lit-labs\/virtualizer\/(?!support\/)/.test(path));

describe('lists when the virtualizer cannot be downloaded', () => {
  before(async () => {
    await executeServerCommand('offline-chunks', {pattern: '/@lit-labs/virtualizer/(?!support/)'});
  });
  after(async () => {
    await executeServerCommand('offline-chunks', {pattern: null});
  });

  it('<callback-list> shows every row plainly and the keyboard reaches the last one', async () => {
    const el = await fixture<HTMLElementTagNameMap['callback-list']>(
      html`<callback-list
        locale="en-US"
        .agent=${AGENT}
        .clock=${new ManualClock(NOW)}
        .callbacks=${callbacks(COUNT)}
      ></callback-list>`,
    );
    const rows = () => el.shadowRoot!.querySelectorAll('article[data-id]');
    await waitUntil(() => rows().length === COUNT, 'every row once the download failed', {timeout: 5000});
    expect(virtualizerRequests(), 'the download was tried').to.not.deep.equal([]);
    (rows()[0] as HTMLElement).focus();
    await sendKeys({press: 'End'});
    expect((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id).to.equal(
      `cb-${String(COUNT - 1).padStart(4, '0')}`,
    );
    expect(
      el.shadowRoot!.querySelectorAll('article[data-id][tabindex="0"]'),
      'one row in the tab order',
    ).to.have.length(1);
  });

  it('<campaign-list> shows every row plainly', async () => {
    const el = await fixture<HTMLElementTagNameMap['campaign-list']>(
      html`<campaign-list
        locale="en-US"
        filter="all"
        .agent=${AGENT}
        .clock=${new ManualClock(NOW)}
        .campaigns=${campaigns(COUNT)}
      ></campaign-list>`,
    );
    await waitUntil(
      () => el.shadowRoot!.querySelectorAll('.row--campaign').length === COUNT,
      'every row once the download failed',
      {timeout: 5000},
    );
  });
});
