/**
 * `<timeslot-grid>` when its lazy chunks cannot be downloaded (a deploy replaced them, the network dropped): the day
 * layout (timeslot-grid-day.ts) and the calling rules' words (internal/calling-rule-text.ts). The `offline-chunks`
 * command answers 503 for them on this page only (test/plugins/offline-chunks.mjs).
 */
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {waitFor as waitUntil} from '../support/wait.js';
import {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import type {Slot} from '../../src/core/types.js';

const NY = 'America/New_York';
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Monday 2026-11-23 in New York: 9:00 free, 9:30 forbidden by Florida's calling hours, 10:00 free. */
const slots: Slot[] = [
  {start: '2026-11-23T14:00:00Z', end: '2026-11-23T14:30:00Z', available: true},
  {
    start: '2026-11-23T14:30:00Z',
    end: '2026-11-23T15:00:00Z',
    available: false,
    reason: 'outside-jurisdiction-hours',
    rule: {jurisdiction: 'US-FL', reason: 'outside-jurisdiction-hours', start: '08:00', end: '09:00'},
  } as Slot,
  {start: '2026-11-23T15:00:00Z', end: '2026-11-23T15:30:00Z', available: true},
];

const alerts = (el: TimeslotGridElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="alert"]')].map((a) => norm(a.textContent));
const active = (el: TimeslotGridElement) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<timeslot-grid> when its lazy chunks cannot be downloaded', () => {
  before(async () => {
    await executeServerCommand('offline-chunks', {pattern: 'timeslot-grid-day|calling-rule-text'});
  });
  after(async () => {
    await executeServerCommand('offline-chunks', {pattern: null});
  });

  it('says so with Try again, keeps the week buttons and the reason words, and recovers', async () => {
    const el = await fixture<TimeslotGridElement>(
      html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US" layout="day">
      </timeslot-grid>`,
    );
    await waitUntil(() => alerts(el).length > 0, 'an error once the downloads failed');
    expect(alerts(el)).to.deep.equal(['Something went wrong. Try again']);
    // no strip yet, no endless skeleton: a still placeholder
    expect(el.shadowRoot!.querySelectorAll('[role="tab"]')).to.have.length(0);
    const placeholder = el.shadowRoot!.querySelector('.day-placeholder')!;
    expect(placeholder.classList.contains('skeleton')).to.equal(false);
    // the rest of the element works: the week buttons ask for other days
    const next = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Next days"]')!;
    const asked = oneEvent(el, 'range-change');
    next.click();
    expect((await asked).detail.startDate).to.equal('2026-11-30');
    el.startDate = '2026-11-23';
    await el.updateComplete;

    // back online: Try again, from the keyboard, loads both and focus lands on the day's slot
    await executeServerCommand('offline-chunks', {pattern: null});
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="alert"] button')][0];
    retry.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[role="tab"]'), 'the day layout after Try again');
    expect(alerts(el)).to.deep.equal([]);
    expect(document.activeElement).to.equal(el);
    await waitUntil(() => active(el)?.dataset.key === String(Date.parse(slots[0].start)), 'focus on the first slot');
    const forbidden = el.shadowRoot!.querySelector<HTMLElement>(`[data-key="${Date.parse(slots[1].start)}"]`)!;
    await waitUntil(
      () => norm(forbidden.title) === 'Florida: calls 8 AM–9 AM',
      `the rule's words (${forbidden.title})`,
    );
  });
});
