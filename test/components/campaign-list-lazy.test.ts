/**
 * `<campaign-list>`'s lazy surfaces, in a page of their own (nothing loaded them before): the code that asks the
 * host for a preview record is downloaded on intent (the button takes focus, or the pointer enters it), never for
 * first paint, and the keyboard alone gets a record through it.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/components/campaign-list/campaign-list.js';
import type {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_AGENTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {PreviewRecordRequestEvent} from '../../src/events/preview-record-request.js';
import {waitFor as waitUntil} from '../support/wait.js';

const NOW = '2026-11-23T14:00:00Z';
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const fetched = (chunk: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => chunk.test(path));
const RECORD_CHUNK = /\/campaign-list\/record-request\.(ts|js)$/;

async function setup() {
  const clock = new ManualClock(NOW);
  const el = await fixture<CampaignListElement>(
    html`<campaign-list
      .backend=${new MemoryBackend({clock, seed: 1})}
      .clock=${clock}
      .agent=${DEMO_AGENTS[0]}
      locale="en-US"
    ></campaign-list>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.row--campaign'), 'the rows');
  return el;
}

const rowOf = (el: CampaignListElement, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row--campaign')].find(
    (row) => norm(row.querySelector('.name')!.textContent) === name,
  )!;
const focused = (el: CampaignListElement) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<campaign-list> lazy surfaces', () => {
  it('Get next record: its code loads when the button takes focus, and the keyboard alone gets a record', async () => {
    const el = await setup();
    const row = rowOf(el, 'Service Follow-up');
    const button = row.querySelector<HTMLButtonElement>('.record-button')!;
    expect(norm(button.textContent)).to.equal('Get next record');
    expect(fetched(RECORD_CHUNK), 'not downloaded for first paint').to.deep.equal([]);

    const requests: PreviewRecordRequestEvent[] = [];
    const respond = (event: PreviewRecordRequestEvent) => {
      requests.push(event);
      event.detail.respondWith({id: 'rec-7', contactName: 'Olivia Bennett'});
    };
    document.addEventListener('preview-record-request', respond);
    try {
      row.querySelector<HTMLElement>('[data-col="0"]')!.focus();
      await sendKeys({press: 'End'}); // the record button takes the tab stop and focus: intent
      expect(focused(el)).to.equal(button);
      await waitUntil(() => fetched(RECORD_CHUNK).length > 0, 'the chunk is requested on focus');
      await sendKeys({press: 'Enter'});
      await waitUntil(() => requests.length === 1, 'preview-record-request');
      expect(requests[0].detail.campaign.id).to.equal('camp-service-followup');
      await waitUntil(
        () => norm(row.querySelector('[part="record-result"]')?.textContent) === 'Next record: Olivia Bennett.',
        'the record in the row',
      );
      expect(norm(el.shadowRoot!.querySelector('[role="status"][aria-live]')!.textContent)).to.equal(
        'Service Follow-up: Next record: Olivia Bennett.',
      );
      expect(focused(el), 'focus stays on the button').to.equal(button);
      expect(requests).to.have.length(1);
    } finally {
      document.removeEventListener('preview-record-request', respond);
    }
  });
});
