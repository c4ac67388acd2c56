import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {generateSlots} from '../../src/core/time.js';
import type {Slot} from '../../src/core/types.js';

const NY = 'America/New_York';
/** Intl uses narrow/thin spaces around the range dash: compare with plain spaces. */
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s*–\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim();

const hourly = (...starts: string[]): Slot[] =>
  starts.map((start) => ({
    start,
    end: new Date(Date.parse(start) + 3_600_000).toISOString().replace('.000', ''),
    available: true,
  }));

/** A business week of 30-minute slots (09:00-12:00) in New York, some unavailable. */
function week(from = '2026-11-23', days = 5): Slot[] {
  const to = new Date(Date.parse(`${from}T12:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return generateSlots({timeZone: NY, from, to, slotMinutes: 30, hours: {start: '09:00', end: '12:00'}}).map(
    (s, i) => ({
      start: s.start.toInstant().toString(),
      end: s.end.toInstant().toString(),
      available: i % 5 !== 2,
      capacity: 3,
      remaining: i % 5 === 2 ? 0 : 3 - (i % 3),
      ...(i % 5 === 2 ? {reason: 'full' as const} : {}),
    }),
  );
}

const cells = (el: TimeslotGridElement) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"][data-key]'),
];
/** A gridcell's accessible name is computed from its content (visible text plus visually hidden context). */
const names = (el: TimeslotGridElement) => cells(el).map((c) => norm(c.textContent));
const rowHeaders = (el: TimeslotGridElement) =>
  [...el.shadowRoot!.querySelectorAll('[role="rowheader"]')].map((h) => norm(h.textContent));
const active = (el: TimeslotGridElement) => el.shadowRoot!.activeElement as HTMLElement | null;
const cellAt = (el: TimeslotGridElement, start: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-key="${Date.parse(start)}"]`)!;

async function grid(template: ReturnType<typeof html>) {
  const el = await fixture<TimeslotGridElement>(template);
  await el.updateComplete;
  return el;
}

describe('<timeslot-grid>', () => {
  describe('DST', () => {
    it('spring forward: five hourly slots from 2026-03-08T05:00Z render 12, 1, 3, 4 and 5 AM and no 2 AM', async () => {
      const slots = hourly(
        '2026-03-08T05:00:00Z',
        '2026-03-08T06:00:00Z',
        '2026-03-08T07:00:00Z',
        '2026-03-08T08:00:00Z',
        '2026-03-08T09:00:00Z',
      );
      const el = await grid(
        html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-03-08" locale="en-US"></timeslot-grid>`,
      );
      expect(cells(el)).to.have.length(5);
      expect(rowHeaders(el)).to.deep.equal(['12:00 AM', '1:00 AM', '3:00 AM', '4:00 AM', '5:00 AM']);
      const visible = cells(el).map((c) => norm(c.querySelector('.slot__time')!.textContent));
      expect(visible).to.deep.equal([
        '12:00 – 1:00 AM',
        '1:00 – 3:00 AM',
        '3:00 – 4:00 AM',
        '4:00 – 5:00 AM',
        '5:00 – 6:00 AM',
      ]);
      expect(names(el).some((n) => /^2:\d\d/.test(n))).to.equal(false);
      expect(norm(el.shadowRoot!.textContent)).to.not.match(/\b2:\d\d AM/);
      await expect(el).to.be.accessible();
    });

    it('fall back: four hourly slots from 2026-11-01T04:00Z render four cells and the two 1 AM cells differ', async () => {
      const slots = hourly(
        '2026-11-01T04:00:00Z',
        '2026-11-01T05:00:00Z',
        '2026-11-01T06:00:00Z',
        '2026-11-01T07:00:00Z',
      );
      const el = await grid(
        html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-01" locale="en-US"></timeslot-grid>`,
      );
      expect(cells(el)).to.have.length(4);
      const oneAm = names(el).filter((n) => n.startsWith('1:00'));
      expect(oneAm).to.have.length(2);
      expect(oneAm[0]).to.not.equal(oneAm[1]);
      expect(oneAm[0]).to.contain('EDT');
      expect(oneAm[1]).to.contain('EST');
      // visible labels and row headings carry the zone abbreviation too, in time order
      expect(rowHeaders(el)).to.deep.equal(['12:00 AM', '1:00 AM EDT', '1:00 AM EST', '2:00 AM']);
      const visible = cells(el).map((c) => norm(c.querySelector('.slot__time')!.textContent));
      expect(visible[1]).to.equal('1:00 AM EDT – 1:00 AM EST');
      expect(visible[2]).to.equal('1:00 – 2:00 AM EST');
      await expect(el).to.be.accessible();
    });

    it('keeps a fall-back day in time order with 30-minute slots next to ordinary days', async () => {
      const slots = generateSlots({
        timeZone: NY,
        from: '2026-10-31',
        to: '2026-11-01',
        slotMinutes: 30,
        hours: {start: '00:30', end: '02:30'},
      }).map((s) => ({start: s.start.toInstant().toString(), end: s.end.toInstant().toString(), available: true}));
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          start-date="2026-10-31"
          days="2"
          locale="en-US"
        ></timeslot-grid>`,
      );
      expect(rowHeaders(el)).to.deep.equal([
        '12:30 AM',
        '1:00 AM EDT',
        '1:30 AM EDT',
        '1:00 AM EST',
        '1:30 AM EST',
        '2:00 AM',
      ]);
      // Saturday has one 1:00 and one 1:30 (no fold rows); Sunday has both twice
      const sunday = cells(el).filter((c) => c.dataset.day === '1');
      expect(sunday).to.have.length(6);
      expect(cells(el).filter((c) => c.dataset.day === '0')).to.have.length(4);
    });

    it('names the zone in a row heading only when every day in the row shares it (the week of a fall back)', async () => {
      const slots = generateSlots({
        timeZone: NY,
        from: '2026-10-31',
        to: '2026-11-02',
        slotMinutes: 60,
        hours: {start: '01:00', end: '02:00'},
      }).map((s) => ({start: s.start.toInstant().toString(), end: s.end.toInstant().toString(), available: true}));
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          start-date="2026-10-31"
          days="3"
          locale="en-US"
        ></timeslot-grid>`,
      );
      // Saturday 1 AM EDT, Sunday 1 AM EDT and 1 AM EST, Monday 1 AM EST
      expect(rowHeaders(el)).to.deep.equal(['1:00 AM', '1:00 AM EST']);
      const monday = cells(el).find((c) => c.dataset.day === '2')!;
      expect(names(el)[cells(el).indexOf(monday)]).to.match(/^1:00 – 2:00 AM EST, Monday, November 2/);
    });

    it('formats a slot across local midnight without dates, and pads 24-hour clocks', async () => {
      const slots = [{start: '2026-11-23T18:00:00Z', end: '2026-11-23T19:00:00Z', available: true}];
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone="Asia/Kolkata"
          start-date="2026-11-23"
          days="1"
          locale="en-GB"
        ></timeslot-grid>`,
      );
      expect(norm(cells(el)[0].querySelector('.slot__time')!.textContent)).to.equal('23:30 – 00:30');
      el.timeZone = 'Europe/London';
      await el.updateComplete;
      expect(rowHeaders(el)).to.deep.equal(['18:00']);
      el.slots = [{start: '2026-11-23T09:00:00Z', end: '2026-11-23T09:30:00Z', available: true}];
      await el.updateComplete;
      expect(rowHeaders(el)).to.deep.equal(['09:00']);
    });

    it('relabels at once when timeZone changes, without asking for slots again', async () => {
      const slots = week('2026-11-23', 1);
      const el = await grid(
        html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      const rangeChange = sinon.spy();
      el.addEventListener('range-change', rangeChange);
      expect(rowHeaders(el)[0]).to.equal('9:00 AM');
      el.timeZone = 'America/Los_Angeles';
      await el.updateComplete;
      expect(rowHeaders(el)[0]).to.equal('6:00 AM');
      expect(names(el)[0]).to.match(/^6:00 – 6:30 AM PST, Monday, November 23/);
      el.timeZone = 'Asia/Kolkata';
      await el.updateComplete;
      expect(rowHeaders(el)[0]).to.equal('7:30 PM');
      expect(rangeChange.called).to.equal(false);
      expect(el.slots).to.equal(slots);
    });

    it('places slots in half-hour and no-DST zones (Newfoundland, Lord Howe, Arizona)', async () => {
      const slots = hourly('2026-03-08T12:00:00Z');
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone="America/St_Johns"
          start-date="2026-03-08"
          days="1"
          locale="en-US"
        ></timeslot-grid>`,
      );
      expect(rowHeaders(el)).to.deep.equal(['9:30 AM']);
      el.timeZone = 'Australia/Lord_Howe';
      await el.updateComplete;
      expect(rowHeaders(el)).to.deep.equal(['11:00 PM']);
      el.timeZone = 'America/Phoenix';
      el.startDate = '2026-03-08';
      await el.updateComplete;
      expect(rowHeaders(el)).to.deep.equal(['5:00 AM']);
    });
  });

  describe('layout and labels', () => {
    it('shows one column per day with the date and the number of available slots', async () => {
      const el = await grid(
        html`<timeslot-grid .slots=${week()} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      const headers = [...el.shadowRoot!.querySelectorAll('[role="columnheader"][part="day"]')].map((h) =>
        norm(h.textContent),
      );
      expect(headers).to.have.length(7);
      expect(headers[0]).to.equal('Mon, Nov 23 5 available');
      expect(headers[5]).to.equal('Sat, Nov 28 0 available');
      expect(rowHeaders(el)).to.have.length(6);
      expect(norm(el.shadowRoot!.querySelector('#range')!.textContent)).to.equal('Nov 23 – 29, 2026');
      expect(norm(el.shadowRoot!.querySelector('#zone')!.textContent)).to.equal('Times in Eastern Time');
    });

    it('shows an available range with places left, and an unavailable slot greyed with its reason in the description', async () => {
      const slots: Slot[] = [
        {start: '2026-11-23T19:00:00Z', end: '2026-11-23T19:30:00Z', available: true, capacity: 3, remaining: 3},
        {start: '2026-11-23T19:30:00Z', end: '2026-11-23T20:00:00Z', available: false, reason: 'outside-calling-hours'},
        {
          start: '2026-11-23T20:00:00Z',
          end: '2026-11-23T20:30:00Z',
          available: false,
          reason: 'full',
          capacity: 3,
          remaining: 0,
        },
      ];
      const el = await grid(
        html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      const [free, outside, full] = cells(el);
      expect(norm(free.querySelector('.slot__time')!.textContent)).to.equal('2:00 – 2:30 PM');
      expect(norm(free.querySelector('.slot__meta')!.textContent)).to.equal(', 3 left');
      expect(free.getAttribute('part')).to.equal('slot slot-available');
      expect(names(el)[0]).to.equal('2:00 – 2:30 PM EST, Monday, November 23, 3 left');
      expect(names(el)[1]).to.equal('2:30 – 3:00 PM EST, Monday, November 23, Outside calling hours');
      expect(outside.getAttribute('aria-disabled')).to.equal('true');
      expect(outside.getAttribute('part')).to.equal('slot slot-unavailable');
      const description = el.shadowRoot!.getElementById(outside.getAttribute('aria-describedby')!)!;
      expect(norm(description.textContent)).to.contain("outside the customer's calling hours");
      expect(outside.title).to.equal("Unavailable: outside the customer's calling hours.");
      expect(norm(outside.querySelector('.slot__reason')!.textContent)).to.equal(', Outside calling hours');
      expect(norm(full.querySelector('.slot__reason')!.textContent)).to.equal(', Full');
      expect(full.getAttribute('aria-describedby')).to.equal('reason-full');
      expect(getComputedStyle(outside).backgroundColor).to.not.equal(getComputedStyle(free).backgroundColor);
      await expect(el).to.be.accessible();
    });

    it('shows each slot in a second zone too', async () => {
      const slots = week('2026-11-23', 1).slice(0, 2);
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          secondary-time-zone="America/Los_Angeles"
          secondary-label="customer's time"
          start-date="2026-11-23"
          locale="en-US"
        ></timeslot-grid>`,
      );
      expect(norm(cells(el)[0].querySelector('.slot__secondary')!.textContent)).to.equal(
        "6:00 – 6:30 AM PST customer's time",
      );
      expect(names(el)[0]).to.contain("6:00 – 6:30 AM PST customer's time");
      expect(norm(el.shadowRoot!.querySelector('#zone')!.textContent)).to.equal(
        "Times in Eastern Time · customer's time: Pacific Time",
      );
      await expect(el).to.be.accessible();
    });

    it('follows the hour cycle: h23 on request, the locale default otherwise', async () => {
      const slots = [{start: '2026-11-23T19:00:00Z', end: '2026-11-23T19:30:00Z', available: true}];
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          start-date="2026-11-23"
          hour-cycle="h23"
          locale="en-US"
        ></timeslot-grid>`,
      );
      expect(norm(cells(el)[0].querySelector('.slot__time')!.textContent)).to.equal('14:00 – 14:30');
      el.hourCycle = undefined;
      el.locale = 'es-ES';
      await el.updateComplete;
      expect(norm(cells(el)[0].querySelector('.slot__time')!.textContent)).to.equal('14:00 – 14:30');
      el.locale = 'en-US';
      await el.updateComplete;
      expect(norm(cells(el)[0].querySelector('.slot__time')!.textContent)).to.equal('2:00 – 2:30 PM');
    });

    it('stacks days vertically in a narrow container', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 320px">
          <timeslot-grid .slots=${week()} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>
        </div>`,
      );
      const el = wrapper.querySelector('timeslot-grid')!;
      await el.updateComplete;
      const gridEl = el.shadowRoot!.querySelector<HTMLElement>('[role="grid"]')!;
      expect(getComputedStyle(gridEl).flexDirection).to.equal('column');
      const monday = cellAt(el, week()[0].start).getBoundingClientRect();
      const mondayLast = cellAt(el, week()[5].start).getBoundingClientRect();
      const tuesday = cellAt(el, week()[6].start).getBoundingClientRect();
      expect(mondayLast.top).to.be.greaterThan(monday.top);
      expect(tuesday.top).to.be.greaterThan(mondayLast.top);
      wrapper.style.width = '1100px';
      expect(getComputedStyle(gridEl).display).to.equal('grid');
      await expect(el).to.be.accessible();
    });

    it('defaults zone and locale to the agent session, and today to the session clock', async () => {
      const clock = new ManualClock('2026-11-23T15:00:00Z');
      const session = await fixture<AgentSessionElement>(
        html`<agent-session
          events-only
          .clock=${clock}
          .agent=${{id: 'a', name: 'A', timeZone: 'Europe/Madrid', locale: 'es-ES'}}
          ><timeslot-grid .slots=${week()}></timeslot-grid
        ></agent-session>`,
      );
      const el = session.querySelector('timeslot-grid')!;
      await el.updateComplete;
      expect(rowHeaders(el)[0]).to.equal('15:00');
      expect(el.shadowRoot!.querySelector('[aria-current="date"]')!.textContent).to.contain('23');
    });

    it('reports an unknown zone in its UI and keeps working in the default zone', async () => {
      const el = await grid(
        html`<timeslot-grid
          .slots=${week()}
          time-zone="Mars/Olympus"
          start-date="2026-11-23"
          locale="en-US"
        ></timeslot-grid>`,
      );
      expect(norm(el.shadowRoot!.querySelector('[role="alert"]')!.textContent)).to.contain(
        'Unknown time zone "Mars/Olympus"',
      );
      expect(cells(el).length).to.be.greaterThan(0);
    });
  });

  describe('keyboard (APG grid)', () => {
    let el: TimeslotGridElement;
    const slots = week();
    beforeEach(async () => {
      el = await grid(
        html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
    });

    it('has exactly one tab stop, on the first available slot', async () => {
      expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]').length).to.equal(1);
      const before = await fixture(html`<button>before</button>`);
      (before as HTMLElement).focus();
      el.remove();
      before.after(el);
      await el.updateComplete;
      await sendKeys({press: 'Tab'}); // previous days button
      await sendKeys({press: 'Tab'}); // next days button
      await sendKeys({press: 'Tab'});
      expect(active(el)?.dataset.key).to.equal(String(Date.parse(slots[0].start)));
    });

    it('moves with the arrows in both directions, skipping days without slots', async () => {
      cellAt(el, slots[0].start).focus();
      await sendKeys({press: 'ArrowRight'});
      expect(active(el)).to.equal(cellAt(el, slots[6].start)); // Tuesday 9:00
      await sendKeys({press: 'ArrowDown'});
      expect(active(el)).to.equal(cellAt(el, slots[7].start)); // Tuesday 9:30
      await sendKeys({press: 'ArrowLeft'});
      expect(active(el)).to.equal(cellAt(el, slots[1].start)); // Monday 9:30
      await sendKeys({press: 'ArrowUp'});
      expect(active(el)).to.equal(cellAt(el, slots[0].start));
      await sendKeys({press: 'ArrowUp'}); // top edge: stays
      expect(active(el)).to.equal(cellAt(el, slots[0].start));
      expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]').length).to.equal(1);
    });

    it('Home/End go to the row ends, Ctrl+Home/End to the grid ends', async () => {
      cellAt(el, slots[7].start).focus();
      await sendKeys({press: 'End'});
      expect(active(el)).to.equal(cellAt(el, slots[25].start)); // Friday 9:30
      await sendKeys({press: 'Home'});
      expect(active(el)).to.equal(cellAt(el, slots[1].start)); // Monday 9:30
      await sendKeys({down: 'Control'});
      await sendKeys({press: 'End'});
      await sendKeys({up: 'Control'});
      expect(active(el)).to.equal(cellAt(el, slots.at(-1)!.start));
      await sendKeys({down: 'Control'});
      await sendKeys({press: 'Home'});
      await sendKeys({up: 'Control'});
      expect(active(el)).to.equal(cellAt(el, slots[0].start));
    });

    it('Enter and Space select an available slot and fire slot-select; unavailable slots are not selectable', async () => {
      const select = sinon.spy();
      el.addEventListener('slot-select', select);
      cellAt(el, slots[1].start).focus();
      await sendKeys({press: 'Enter'});
      expect(select.callCount).to.equal(1);
      const detail = select.firstCall.args[0].detail;
      expect(detail.start).to.equal(slots[1].start);
      expect(detail.slot).to.equal(slots[1]);
      expect(detail.zonedStart).to.equal('2026-11-23T09:30:00-05:00[America/New_York]');
      expect(el.value).to.equal(slots[1].start);
      await el.updateComplete;
      expect(cellAt(el, slots[1].start).getAttribute('aria-selected')).to.equal('true');
      expect(cellAt(el, slots[1].start).getAttribute('part')).to.contain('slot-selected');
      await sendKeys({press: 'ArrowDown'}); // slots[2] is full
      await sendKeys({press: ' '});
      expect(select.callCount).to.equal(1);
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: ' '});
      expect(select.callCount).to.equal(2);
      expect(select.secondCall.args[0].detail.start).to.equal(slots[3].start);
      await expect(el).to.be.accessible();
    });

    it('PageDown/PageUp move a week, fire range-change, and keep focus at the same place when the new slots arrive', async () => {
      const ranges: unknown[] = [];
      el.addEventListener('range-change', (e) => ranges.push(e.detail));
      cellAt(el, slots[7].start).focus(); // Tuesday 9:30
      await sendKeys({press: 'PageDown'});
      expect(ranges).to.deep.equal([
        {
          startDate: '2026-11-30',
          endDate: '2026-12-06',
          from: '2026-11-30T05:00:00Z',
          to: '2026-12-07T05:00:00Z',
          timeZone: NY,
        },
      ]);
      expect(el.startDate).to.equal('2026-11-30');
      const next = week('2026-11-30');
      el.slots = next;
      await el.updateComplete;
      await el.updateComplete;
      expect(active(el)).to.equal(cellAt(el, next[7].start)); // the next Tuesday 9:30
      await sendKeys({press: 'PageUp'});
      expect((ranges[1] as {startDate: string}).startDate).to.equal('2026-11-23');
    });

    it('keeps focus on the same slot when slots are replaced, or on its nearest when it is gone', async () => {
      cellAt(el, slots[8].start).focus(); // Tuesday 10:00
      el.slots = slots.map((s) => ({...s}));
      await el.updateComplete;
      expect(active(el)?.dataset.key).to.equal(String(Date.parse(slots[8].start)));
      el.slots = slots.filter((_, i) => i !== 8);
      await el.updateComplete;
      await el.updateComplete;
      const now = active(el)!;
      expect(now.dataset.day).to.equal('1'); // still Tuesday
      expect([String(Date.parse(slots[7].start)), String(Date.parse(slots[9].start))]).to.include(now.dataset.key);
    });

    it('swaps left and right in right-to-left pages', async () => {
      el.dir = 'rtl';
      cellAt(el, slots[6].start).focus(); // Tuesday
      await sendKeys({press: 'ArrowRight'});
      expect(active(el)).to.equal(cellAt(el, slots[0].start)); // Monday
    });
  });

  describe('states', () => {
    it('loading: a skeleton with aria-busy', async () => {
      const el = await grid(
        html`<timeslot-grid loading time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      expect(el.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(0);
      expect(norm(el.shadowRoot!.querySelector('[part="day-count"]')!.textContent)).to.equal('Loading…');
      await expect(el).to.be.accessible();
    });

    it('empty: says so and offers the next week', async () => {
      const el = await grid(
        html`<timeslot-grid .slots=${[]} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      expect(norm(el.shadowRoot!.querySelector('[part="message"]')!.textContent)).to.contain(
        'No times available this week.',
      );
      const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Next week')!;
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'range-change');
      expect(event.detail.startDate).to.equal('2026-11-30');
      await expect(el).to.be.accessible();
    });

    it('error: shows the message and Try again fires range-change for the same days', async () => {
      const el = await grid(
        html`<timeslot-grid
          error="The scheduling service is unavailable."
          time-zone=${NY}
          start-date="2026-11-23"
          locale="en-US"
        ></timeslot-grid>`,
      );
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(norm(alert.textContent)).to.contain('The scheduling service is unavailable.');
      setTimeout(() => (alert.querySelector('button') as HTMLButtonElement).click());
      const event = await oneEvent(el, 'range-change');
      expect(event.detail).to.include({startDate: '2026-11-23', endDate: '2026-11-29'});
      await expect(el).to.be.accessible();
    });

    it('announces the number of available times when new slots arrive', async () => {
      const el = await grid(
        html`<timeslot-grid .slots=${[]} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      el.slots = week();
      await el.updateComplete;
      expect(norm(el.shadowRoot!.querySelector('[role="status"]')!.textContent)).to.equal(
        'Nov 23 – 29, 2026: 24 available times.',
      );
    });

    it('the week buttons move the range too', async () => {
      const el = await grid(
        html`<timeslot-grid .slots=${week()} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      const previous = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Previous days"]')!;
      setTimeout(() => previous.click());
      const event = await oneEvent(el, 'range-change');
      expect(event.detail.startDate).to.equal('2026-11-16');
    });
  });

  it('registering twice never throws', async () => {
    const again = await import('../../src/components/timeslot-grid/timeslot-grid.js');
    expect(customElements.get('timeslot-grid')).to.equal(again.TimeslotGridElement);
    expect(TimeslotGridElement).to.equal(again.TimeslotGridElement);
  });
});
