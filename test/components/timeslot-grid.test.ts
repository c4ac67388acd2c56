import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
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
/** A slot's accessible name: its `aria-label` (the visible text first, then the context in parentheses). */
const names = (el: TimeslotGridElement) => cells(el).map((c) => norm(c.getAttribute('aria-label')));
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
      expect(names(el)[cells(el).indexOf(monday)]).to.match(/^1:00 – 2:00 AM \(EST, Monday, November 2\)/);
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
      expect(names(el)[0]).to.match(/^6:00 – 6:30 AM \(PST, Monday, November 23\)/);
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
      expect(norm(free.querySelector('.slot__meta')!.textContent)).to.equal('3 left');
      expect(free.getAttribute('part')).to.equal('slot slot-available');
      expect(names(el)[0]).to.equal('2:00 – 2:30 PM (EST, Monday, November 23), 3 left');
      expect(names(el)[1]).to.equal('2:30 – 3:00 PM (EST, Monday, November 23), Outside calling hours');
      expect(outside.getAttribute('aria-disabled')).to.equal('true');
      expect(outside.getAttribute('part')).to.equal('slot slot-unavailable');
      const description = el.shadowRoot!.getElementById(outside.getAttribute('aria-describedby')!)!;
      expect(norm(description.textContent)).to.contain("outside the customer's calling hours");
      expect(outside.title).to.equal("Unavailable: outside the customer's calling hours.");
      // The reason is an icon (hidden from screen readers: the name and description say it), not wrapped text.
      expect(norm(outside.textContent)).to.equal('2:30 – 3:00 PM');
      const icon = (cell: HTMLElement) => cell.querySelector('[part~="reason-icon"]')!;
      expect(icon(outside).getAttribute('aria-hidden')).to.equal('true');
      expect(icon(outside).innerHTML).to.not.equal(icon(full).innerHTML);
      expect(free.querySelector('[part~="reason-icon"]')).to.equal(null);
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
      // Compact: the start time in the second zone; its zone and role are in the name and the toolbar.
      expect(norm(cells(el)[0].querySelector('.slot__secondary')!.textContent)).to.equal('6:00 AM');
      expect(names(el)[0]).to.contain("6:00 AM (PST, customer's time)");
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

  describe('instant interactions (issue 17)', () => {
    /** Element and text nodes of a cell, itself included (comments are not nodes a user or axe sees). */
    const nodeCount = (cell: Element) => {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      let text = 0;
      while (walker.nextNode()) text++;
      return cell.querySelectorAll('*').length + 1 + text;
    };

    it('a slot cell is at most 10 DOM nodes, with two zones, places left or a reason', async () => {
      const slots = week('2026-11-23', 1);
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          secondary-time-zone="America/Los_Angeles"
          start-date="2026-11-23"
          locale="en-US"
          layout="week"
        ></timeslot-grid>`,
      );
      const free = cellAt(el, slots[0].start);
      const full = cellAt(el, slots[2].start);
      expect(free.querySelector('.slot__secondary')).to.not.equal(null);
      expect(free.querySelector('.slot__meta')).to.not.equal(null);
      expect(nodeCount(free)).to.be.at.most(10);
      expect(nodeCount(full)).to.be.at.most(10);
      for (const cell of cells(el)) expect(nodeCount(cell), cell.getAttribute('aria-label')!).to.be.at.most(10);
      // ...and still named with the range, the zone, the day and why it is unavailable
      expect(names(el)[2]).to.equal(
        '10:00 – 10:30 AM (EST, Monday, November 23), 7:00 AM (PST, in the second zone), Full',
      );
      expect(full.getAttribute('aria-describedby')).to.equal('reason-full');
      await expect(el).to.be.accessible();
    });

    /** Spies on every Intl.DateTimeFormat method that formats (`format` is a getter returning a bound function). */
    function spyOnIntl() {
      const proto = Intl.DateTimeFormat.prototype;
      const spies = [
        sinon.spy(proto, 'formatRange'),
        sinon.spy(proto, 'formatRangeToParts'),
        sinon.spy(proto, 'formatToParts'),
      ];
      const format = sinon.spy(proto, 'format', ['get']);
      return {
        calls: () => spies.reduce((n, spy) => n + spy.callCount, 0) + format.get.callCount,
        restore: () => sinon.restore(),
      };
    }

    /** The slot cells (data-key) that any mutation touched while `action` ran. */
    async function mutatedCells(el: TimeslotGridElement, action: () => Promise<void>): Promise<string[]> {
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((list) => records.push(...list));
      observer.observe(el.shadowRoot!, {subtree: true, childList: true, attributes: true, characterData: true});
      await action();
      await el.updateComplete;
      records.push(...observer.takeRecords());
      observer.disconnect();
      const touched = new Set<string>();
      for (const record of records) {
        const node = record.target instanceof Element ? record.target : record.target.parentElement;
        const cell = node?.closest<HTMLElement>('[data-key]');
        touched.add(cell ? cell.dataset.key! : `outside a cell: ${node?.className || node?.nodeName}`);
      }
      return [...touched].sort();
    }

    it('a selection change formats nothing and touches only the old and the new selected cells', async () => {
      const slots = week();
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          secondary-time-zone="America/Los_Angeles"
          start-date="2026-11-23"
          locale="en-US"
          layout="week"
        ></timeslot-grid>`,
      );
      cellAt(el, slots[6].start).click(); // first pick: the tab stop moves from slots[0] to slots[6]
      await el.updateComplete;
      const before = cells(el);
      const intl = spyOnIntl();
      let touched: string[];
      try {
        touched = await mutatedCells(el, async () => {
          cellAt(el, slots[9].start).click();
        });
        expect(intl.calls(), 'Intl formatting calls').to.equal(0);
      } finally {
        intl.restore();
      }
      expect(touched).to.deep.equal([slots[6].start, slots[9].start].map((s) => String(Date.parse(s))).sort());
      expect(cellAt(el, slots[9].start).getAttribute('aria-selected')).to.equal('true');
      expect(cellAt(el, slots[6].start).getAttribute('aria-selected')).to.equal('false');
      // the same DOM nodes, not re-created
      expect(cells(el).every((cell, i) => cell === before[i])).to.equal(true);
    });

    it('a focus move (arrow key) formats nothing and touches only the two cells', async () => {
      const slots = week();
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          start-date="2026-11-23"
          locale="en-US"
          layout="week"
        ></timeslot-grid>`,
      );
      cellAt(el, slots[0].start).focus();
      const intl = spyOnIntl();
      let touched: string[];
      try {
        touched = await mutatedCells(el, () => sendKeys({press: 'ArrowDown'}));
        expect(intl.calls(), 'Intl formatting calls').to.equal(0);
      } finally {
        intl.restore();
      }
      expect(active(el)).to.equal(cellAt(el, slots[1].start));
      expect(touched).to.deep.equal([slots[0].start, slots[1].start].map((s) => String(Date.parse(s))).sort());
    });
  });

  describe('clock (issue 18)', () => {
    it('takes "today" from its clock property: the default first day and the current-date heading', async () => {
      const clock = new ManualClock('2026-11-24T15:00:00Z');
      const el = await grid(
        html`<timeslot-grid .slots=${week()} .clock=${clock} time-zone=${NY} locale="en-US"></timeslot-grid>`,
      );
      expect(norm(el.shadowRoot!.querySelector('#range')!.textContent)).to.equal('Nov 24 – 30, 2026');
      expect(norm(el.shadowRoot!.querySelector('[aria-current="date"]')!.textContent)).to.contain('Tue, Nov 24');
      clock.set('2026-11-25T15:00:00Z');
      el.requestUpdate();
      await el.updateComplete;
      expect(norm(el.shadowRoot!.querySelector('[aria-current="date"]')!.textContent)).to.contain('Wed, Nov 25');
    });
  });

  describe('compact slots and bands (issue 15)', () => {
    /** 8:00-12:00 in New York on Monday 2026-11-23, 30-minute slots, with the reasons given per start time. */
    function morning(reasons: Record<string, Slot['reason'] | 'free'>): Slot[] {
      return generateSlots({
        timeZone: NY,
        from: '2026-11-23',
        to: '2026-11-23',
        slotMinutes: 30,
        hours: {start: '08:00', end: '12:00'},
      }).map((s) => {
        const at = `${String(s.start.hour).padStart(2, '0')}:${String(s.start.minute).padStart(2, '0')}`;
        const reason = reasons[at] ?? 'free';
        return {
          start: s.start.toInstant().toString(),
          end: s.end.toInstant().toString(),
          available: reason === 'free',
          ...(reason === 'free' ? {remaining: 2} : {reason}),
        };
      });
    }
    const bands = (el: TimeslotGridElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="band"]')];

    it('folds a run of unavailable slots with one reason into one band that is read but not focused', async () => {
      const slots = morning({
        '08:00': 'outside-calling-hours',
        '08:30': 'outside-calling-hours',
        '09:00': 'outside-calling-hours',
        '10:00': 'outside-contact-window',
        '10:30': 'outside-contact-window',
        '11:00': 'full',
      });
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          start-date="2026-11-23"
          locale="en-US"
          layout="week"
        ></timeslot-grid>`,
      );
      const [law, window] = bands(el);
      expect(bands(el)).to.have.length(2);
      expect(norm(law.textContent)).to.equal("8:00 – 9:30 AM: outside the customer's calling hours");
      expect(norm(window.textContent)).to.equal("10:00 – 11:00 AM: outside this number's contact hours");
      expect(norm(window.textContent)).to.not.contain('calling hours');
      expect(window.title).to.not.contain('calling hours');
      expect(law.getAttribute('role')).to.equal('gridcell');
      expect(law.getAttribute('aria-rowspan')).to.equal('3');
      expect(law.hasAttribute('tabindex')).to.equal(false);
      expect(law.getAttribute('aria-disabled')).to.equal('true');
      expect(law.dataset.keys).to.equal(
        slots
          .slice(0, 3)
          .map((slot) => Date.parse(slot.start))
          .join(' '),
      );
      // the band's slots are no cells of their own; a lone unavailable slot (11:00, full) stays a cell
      expect(cells(el).map((c) => norm(c.querySelector('.slot__time')!.textContent))).to.deep.equal([
        '9:30 – 10:00 AM',
        '11:00 – 11:30 AM',
        '11:30 AM – 12:00 PM',
      ]);
      // the band spans its rows: the next slot sits below it
      expect(cellAt(el, slots[3].start).getBoundingClientRect().top).to.be.at.least(
        law.getBoundingClientRect().bottom - 1,
      );
      // the keyboard skips bands: 9:30 -> 11:00
      cellAt(el, slots[3].start).focus();
      await sendKeys({press: 'ArrowDown'});
      expect(active(el)).to.equal(cellAt(el, slots[6].start));
      await sendKeys({press: 'ArrowUp'});
      await sendKeys({press: 'ArrowUp'});
      expect(active(el)).to.equal(cellAt(el, slots[3].start));
      await expect(el).to.be.accessible();
    });

    it('names every reason with its own words and icon', async () => {
      const reasons = [
        'outside-calling-hours',
        'outside-contact-window',
        'full',
        'past',
        'closed',
        'too-far-ahead',
        'owner-off-shift',
        'jurisdiction-holiday',
      ] as const;
      const slots: Slot[] = reasons.map((reason, i) => ({
        start: `2026-11-23T${String(13 + i).padStart(2, '0')}:00:00Z`,
        end: `2026-11-23T${String(13 + i).padStart(2, '0')}:30:00Z`,
        available: false,
        reason,
      }));
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          start-date="2026-11-23"
          locale="en-US"
          layout="week"
        ></timeslot-grid>`,
      );
      const all = cells(el);
      expect(all).to.have.length(reasons.length);
      const icons = all.map((c) => c.querySelector('[part~="reason-icon"] path')!.getAttribute('d'));
      expect(new Set(icons).size).to.equal(reasons.length);
      const titles = all.map((c) => c.title);
      expect(new Set(titles).size).to.equal(reasons.length);
      expect(titles[1]).to.not.contain('calling hours');
      expect(names(el)[1]).to.match(/Outside this number's hours$/);
      for (const cell of all) {
        const description = el.shadowRoot!.getElementById(cell.getAttribute('aria-describedby')!)!;
        expect(norm(description.textContent)).to.equal(cell.title);
      }
      await expect(el).to.be.accessible();
    });

    it('writes times in the locale clock everywhere: es-ES 8:00 (never 08:00), en-GB 08:00, en-US 8:00 AM', async () => {
      const slots = morning({'08:00': 'outside-calling-hours', '08:30': 'outside-calling-hours'});
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          time-zone=${NY}
          secondary-time-zone="America/Los_Angeles"
          start-date="2026-11-23"
          locale="es-ES"
          layout="week"
        ></timeslot-grid>`,
      );
      const text = () => norm(el.shadowRoot!.querySelector('[role="grid"]')!.textContent);
      expect(rowHeaders(el)[2]).to.equal('9:00');
      expect(norm(bands(el)[0].textContent)).to.match(/^8:00 – 9:00:/);
      expect(norm(cells(el)[0].querySelector('.slot__time')!.textContent)).to.equal('9:00 – 9:30');
      expect(text()).to.not.match(/\b0\d:\d\d/);
      // one zone style: the toolbar names zones in words, the slots name none (no "GMT-5" beside "hora del este")
      expect(norm(el.shadowRoot!.querySelector('#zone')!.textContent)).to.not.match(/GMT|UTC/);
      expect(text()).to.not.match(/GMT|UTC/);
      el.locale = 'en-GB';
      await el.updateComplete;
      expect(rowHeaders(el)[2]).to.equal('09:00');
      expect(norm(bands(el)[0].textContent)).to.match(/^08:00 – 09:00:/);
      expect(norm(cells(el)[0].querySelector('.slot__time')!.textContent)).to.equal('09:00 – 09:30');
      el.locale = 'en-US';
      await el.updateComplete;
      expect(rowHeaders(el)[2]).to.equal('9:00 AM');
      expect(norm(bands(el)[0].textContent)).to.match(/^8:00 – 9:00 AM:/);
    });

    it('keeps a selected slot that became unavailable out of a band, marked selected', async () => {
      const slots = morning({'08:00': 'full', '08:30': 'full', '09:00': 'full'});
      const el = await grid(
        html`<timeslot-grid
          .slots=${slots}
          value=${slots[1].start}
          time-zone=${NY}
          start-date="2026-11-23"
          locale="en-US"
          layout="week"
        ></timeslot-grid>`,
      );
      expect(cellAt(el, slots[1].start).getAttribute('aria-selected')).to.equal('true');
      expect(bands(el)).to.have.length(0); // 8:00 and 9:00 alone are no runs
    });
  });

  describe('layouts (issue 15)', () => {
    async function inBox(width: number, extra = html``) {
      const box = await fixture<HTMLDivElement>(
        html`<div style=${`inline-size: ${width}px`}>
          <timeslot-grid .slots=${week()} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid
          >${extra}
        </div>`,
      );
      const el = box.querySelector('timeslot-grid')!;
      await el.updateComplete;
      return {box, el};
    }
    const tabs = (el: TimeslotGridElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];

    it('never overflows its container, from 320px to 1280px', async () => {
      for (const width of [320, 360, 480, 560, 700, 900, 940, 1024, 1280]) {
        const {box, el} = await inBox(width);
        await waitUntil(() => el.shadowRoot!.querySelector('[role="grid"]'), `grid at ${width}`);
        expect(el.getBoundingClientRect().width, `${width}px`).to.be.at.most(width + 0.5);
        expect(box.scrollWidth, `${width}px box`).to.be.at.most(width + 0.5);
        const wrapper = el.shadowRoot!.querySelector<HTMLElement>('.wrapper')!;
        expect(wrapper.scrollWidth, `${width}px content`).to.be.at.most(Math.ceil(wrapper.clientWidth) + 1);
        expect(el.shadowRoot!.querySelector('.wrapper--day') !== null, `${width}px day layout`).to.equal(width < 560);
      }
    });

    it('narrow: one day at a time, a strip of days with their free slots, arrows to change the day', async () => {
      const slots = week();
      const {box, el} = await inBox(360);
      expect(tabs(el)).to.have.length(7);
      expect(tabs(el).map((t) => norm(t.querySelector('[part~="day-count"]')!.textContent))).to.deep.equal([
        '5',
        '5',
        '4',
        '5',
        '5',
        '0',
        '0',
      ]);
      expect(tabs(el)[0].getAttribute('aria-label')).to.equal('Mon 23, 5 available');
      expect(tabs(el).filter((t) => t.tabIndex === 0)).to.have.length(1);
      // only Monday's slots, as a list
      expect(cells(el).every((c) => c.dataset.day === '0')).to.equal(true);
      expect(cells(el)).to.have.length(6);
      const [first, second] = cells(el).map((c) => c.getBoundingClientRect());
      expect(second.top).to.be.greaterThan(first.top);
      expect(el.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]')).to.have.length(1);
      await expect(el).to.be.accessible();
      // the strip is one tab stop; arrows move the day
      tabs(el)[0].focus();
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(active(el)).to.equal(tabs(el)[1]);
      expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
      expect(cells(el).every((c) => c.dataset.day === '1')).to.equal(true);
      await sendKeys({press: 'End'});
      await el.updateComplete;
      expect(active(el)).to.equal(tabs(el)[6]);
      expect(norm(el.shadowRoot!.querySelector('.day-empty')!.textContent)).to.equal('No times on this day.');
      await sendKeys({press: 'Home'});
      await el.updateComplete;
      // Tab from the strip lands on the day's slot; arrows in the list: up/down in the day, left/right change day
      await sendKeys({press: 'Tab'});
      expect(active(el)).to.equal(cellAt(el, slots[0].start));
      await sendKeys({press: 'ArrowDown'});
      expect(active(el)).to.equal(cellAt(el, slots[1].start));
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(active(el)).to.equal(cellAt(el, slots[7].start)); // Tuesday 9:30
      expect(tabs(el)[1].getAttribute('aria-selected')).to.equal('true');
      await sendKeys({press: 'End'});
      expect(active(el)).to.equal(cellAt(el, slots[11].start));
      el.dir = 'rtl';
      await sendKeys({press: 'ArrowRight'}); // mirrored: the day before
      await el.updateComplete;
      expect(active(el)?.dataset.day).to.equal('0');
      el.dir = '';
      // wider: the week again
      box.style.inlineSize = '1100px';
      await waitUntil(() => el.shadowRoot!.querySelector('.wrapper--week'), 'week layout after widening');
      expect(tabs(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('[part~="day"]')).to.have.length(7);
    });

    it('--ck-timeslot-grid-cell-min-width moves the auto threshold: roomier columns, the week from wider boxes', async () => {
      const {box, el} = await inBox(800);
      expect(el.shadowRoot!.querySelector('.wrapper--week')).to.not.equal(null);
      box.style.setProperty('--ck-timeslot-grid-cell-min-width', '7.5rem');
      box.style.inlineSize = '801px'; // a resize makes the observer measure again
      await waitUntil(() => el.shadowRoot!.querySelector('.wrapper--day'), 'day layout under 7 x 7.5rem');
      box.style.inlineSize = '960px';
      await waitUntil(() => el.shadowRoot!.querySelector('.wrapper--week'), 'week layout at 960px');
    });

    it('layout="day" and layout="week" force one whatever the width', async () => {
      const {el} = await inBox(1000);
      el.layout = 'day';
      await el.updateComplete;
      expect(tabs(el)).to.have.length(7);
      const narrow = await inBox(400);
      narrow.el.layout = 'week';
      await narrow.el.updateComplete;
      expect(tabs(narrow.el)).to.have.length(0);
      expect(narrow.box.scrollWidth).to.be.at.most(400);
    });

    it('--ck-grid-max-height caps the slots, which scroll inside', async () => {
      const {el} = await inBox(900);
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
      const natural = scroller.getBoundingClientRect().height;
      el.style.setProperty('--ck-grid-max-height', '120px');
      expect(scroller.getBoundingClientRect().height).to.be.at.most(120);
      expect(scroller.scrollHeight).to.be.greaterThan(120);
      el.style.removeProperty('--ck-grid-max-height');
      expect(scroller.getBoundingClientRect().height).to.equal(natural);
    });
  });

  describe('focus never falls to <body> (issue 15)', () => {
    const slots = week();
    for (const layout of ['week', 'day'] as const) {
      it(`${layout}: PageDown keeps focus in the grid while the next week loads, then on the same place`, async () => {
        const el = await grid(
          html`<timeslot-grid
            .slots=${slots}
            time-zone=${NY}
            start-date="2026-11-23"
            locale="en-US"
            layout=${layout}
          ></timeslot-grid>`,
        );
        cellAt(el, slots[1].start).focus(); // Monday 9:30
        await sendKeys({press: 'PageDown'});
        await el.updateComplete;
        expect(document.activeElement).to.equal(el);
        expect(active(el)).to.not.equal(null);
        el.loading = true;
        await el.updateComplete;
        expect(document.activeElement).to.equal(el);
        expect(active(el)).to.not.equal(null);
        const next = week('2026-11-30');
        el.slots = next;
        el.loading = false;
        await el.updateComplete;
        await el.updateComplete;
        expect(active(el)).to.equal(cellAt(el, next[1].start));
      });
    }

    it('the week buttons keep focus on themselves', async () => {
      const el = await grid(
        html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date="2026-11-23" locale="en-US"></timeslot-grid>`,
      );
      const next = el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Next days"]')!;
      next.focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(active(el)).to.equal(next);
      el.slots = week('2026-11-30');
      await el.updateComplete;
      expect(active(el)).to.equal(next);
    });

    it("the empty week's Next week button hands focus to a slot when the slots arrive", async () => {
      const el = await grid(
        html`<timeslot-grid .slots=${[]} time-zone=${NY} start-date="2026-11-16" locale="en-US"></timeslot-grid>`,
      );
      const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Next week')!;
      button.focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(document.activeElement).to.equal(el);
      el.slots = slots;
      await el.updateComplete;
      await el.updateComplete;
      expect(active(el)?.dataset.key).to.equal(String(Date.parse(slots[0].start)));
    });
  });

  it('registering twice never throws', async () => {
    const again = await import('../../src/components/timeslot-grid/timeslot-grid.js');
    expect(customElements.get('timeslot-grid')).to.equal(again.TimeslotGridElement);
    expect(TimeslotGridElement).to.equal(again.TimeslotGridElement);
  });
});
