/**
 * The day layout of `<timeslot-grid>` is a chunk of its own (timeslot-grid-day.ts), loaded the first time a grid
 * shows one day at a time. This file runs in a page of its own, so its first test sees the chunk not loaded yet.
 */
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {generateSlots} from '../../src/core/time.js';
import type {Slot} from '../../src/core/types.js';

const NY = 'America/New_York';

/** Monday to Friday 2026-11-23..27, 30-minute slots 09:00-12:00 in New York, every third one full. */
const slots: Slot[] = generateSlots({
  timeZone: NY,
  from: '2026-11-23',
  to: '2026-11-27',
  slotMinutes: 30,
  hours: {start: '09:00', end: '12:00'},
}).map((s, i) => ({
  start: s.start.toInstant().toString(),
  end: s.end.toInstant().toString(),
  available: i % 3 !== 1,
  ...(i % 3 === 1 ? {reason: 'full' as const} : {}),
}));

const dayChunkRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('timeslot-grid-day'));
const active = (el: TimeslotGridElement) => el.shadowRoot!.activeElement as HTMLElement | null;
const tabs = (el: TimeslotGridElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
const cellAt = (el: TimeslotGridElement, start: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-key="${Date.parse(start)}"]`)!;

describe('<timeslot-grid> day layout as a lazy chunk', () => {
  it('a week never downloads the day layout', async () => {
    const el = await fixture<TimeslotGridElement>(
      html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US" layout="week">
      </timeslot-grid>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[part~="day"]')).to.have.length(7);
    expect(dayChunkRequests()).to.deep.equal([]);
  });

  it('from its first render, the day layout works with the keyboard alone', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">Before</button>
        <timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US" layout="day">
        </timeslot-grid>
      </div>`,
    );
    const el = box.querySelector('timeslot-grid')!;
    // updateComplete waits for the chunk and the render that shows it
    await el.updateComplete;
    expect(dayChunkRequests(), 'the chunk was downloaded').to.have.length.greaterThan(0);
    expect(tabs(el)).to.have.length(7);
    expect(el.shadowRoot!.querySelector('.day-placeholder')).to.equal(null);
    // its styles came with it: the strip is a grid of seven columns, the day's slots a column
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="day-strip"]')!).display).to.equal('grid');
    expect(getComputedStyle(el.shadowRoot!.querySelector('.grid--day')!).flexDirection).to.equal('column');

    box.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({press: 'Tab'}); // previous days
    await sendKeys({press: 'Tab'}); // next days
    expect(active(el)?.getAttribute('aria-label')).to.equal('Next days');
    await sendKeys({press: 'Tab'}); // the strip: one tab stop, on the day shown
    expect(active(el)).to.equal(tabs(el)[0]);
    await sendKeys({press: 'ArrowRight'});
    await el.updateComplete;
    expect(active(el)).to.equal(tabs(el)[1]);
    expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({press: 'Tab'}); // Tuesday's first available slot
    expect(active(el)).to.equal(cellAt(el, slots[6].start));
    await sendKeys({press: 'ArrowDown'}); // 9:30 is full but a cell of its own: focusable
    expect(active(el)).to.equal(cellAt(el, slots[7].start));
    await sendKeys({press: 'ArrowDown'});
    expect(active(el)).to.equal(cellAt(el, slots[8].start));
    const picked = oneEvent(el, 'slot-select');
    await sendKeys({press: 'Enter'});
    expect((await picked).detail.start).to.equal(slots[8].start);
    expect(cellAt(el, slots[8].start).getAttribute('aria-selected')).to.equal('true');
    await sendKeys({press: 'ArrowLeft'}); // Monday, the nearest slot
    await el.updateComplete;
    expect(active(el)?.dataset.day).to.equal('0');
    expect(tabs(el)[0].getAttribute('aria-selected')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
