/**
 * `<campaign-list>` when a lazy chunk cannot be downloaded (a deploy replaced the chunks, the network dropped): the
 * agent is told, in the row and in the live region, and nothing is sent. The `offline-chunks` command answers 503
 * for the chunk on this page only (test/plugins/offline-chunks.mjs).
 */
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import '../../src/components/campaign-list/campaign-list.js';
import type {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_AGENTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {waitFor as waitUntil} from '../support/wait.js';

const NOW = '2026-11-23T14:00:00Z';
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('<campaign-list> when a lazy chunk cannot be downloaded', () => {
  before(async () => {
    await executeServerCommand('offline-chunks', {pattern: '/campaign-list/record-request\\.(ts|js)$'});
  });
  after(async () => {
    await executeServerCommand('offline-chunks', {pattern: null});
  });

  it('Get next record says the record could not be fetched, announces it, and asks the host nothing', async () => {
    const clock = new ManualClock(NOW);
    const el = await fixture<CampaignListElement>(
      html`<campaign-list
        .backend=${new MemoryBackend({clock, seed: 1})}
        .clock=${clock}
        .agent=${DEMO_AGENTS[0]}
        locale="en-US"
      ></campaign-list>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.record-button'), 'the rows');
    let asked = 0;
    const count = () => asked++;
    document.addEventListener('preview-record-request', count);
    try {
      const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row--campaign')].find(
        (r) => norm(r.querySelector('.name')!.textContent) === 'Service Follow-up',
      )!;
      const button = row.querySelector<HTMLButtonElement>('.record-button')!;
      const cell = button.closest<HTMLElement>('[data-col]')!;
      row.querySelector<HTMLElement>('[data-col="0"]')!.focus();
      await sendKeys({press: 'End'});
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({press: 'Enter'});
      await waitUntil(() => cell.querySelector('.record-result--error'), 'the error in the row');
      const result = norm(cell.querySelector('[part="record-result"]')!.textContent);
      expect(result).to.match(/^The record could not be fetched: .+/);
      expect(norm(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent)).to.equal(
        `Service Follow-up: ${result}`,
      );
      expect(button.hasAttribute('aria-disabled'), 'the button can be pressed again').to.equal(false);
      expect(norm(button.textContent)).to.equal('Get next record');
      expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(button);
      expect(asked, 'no preview-record-request').to.equal(0);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('preview-record-request', count);
    }
  });
});
