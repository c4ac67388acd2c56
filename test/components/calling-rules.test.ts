// Issue 19 in the elements: the grid names the jurisdiction and its window, the scheduler applies
// policy.callingRules itself (events-only and web-callback modes too) and refuses a submit that breaks a rule.
import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Agent, Contact, Slot} from '../../src/core/types.js';
import {SlotSelectEvent} from '../../src/events/slot-select.js';
import {usCallingRules} from '../../src/rules/us.js';
import '../support/fresh-storage.js';

const NY = 'America/New_York';
const NOW = '2026-06-15T13:00:00Z'; // Monday 09:00 in New York
const AGENT: Agent = {id: 'agent-ada', name: 'Ada Park', timeZone: NY, locale: 'en-US'};
const MIAMI: Contact = {id: 'crm-305', name: 'Rosa Diaz', phones: [{number: '+13055550123', type: 'mobile'}]};

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** The slot's cell, or the band it was folded into (issue 15: runs of unavailable slots with one reason). */
const cellAt = (el: TimeslotGridElement, start: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-key="${Date.parse(start)}"], [data-keys~="${Date.parse(start)}"]`)!;
/** The reason a slot shows: the end of its accessible name ("range (zone, day), reason"), or of its band's text. */
const reasonOf = (el: TimeslotGridElement, start: string) => {
  const cell = cellAt(el, start);
  if (!cell) return '';
  return cell.dataset.keys
    ? norm(cell.textContent).replace(/^.*?: /, '')
    : norm(cell.getAttribute('aria-disabled') ? cell.getAttribute('aria-label') : '').replace(/^.*\), /, '');
};

async function grid(slots: Slot[], startDate: string) {
  const el = await fixture<TimeslotGridElement>(
    html`<timeslot-grid .slots=${slots} time-zone=${NY} start-date=${startDate} locale="en-US"></timeslot-grid>`,
  );
  await el.updateComplete;
  return el;
}

describe('calling rules in the elements (issue 19)', () => {
  describe('<timeslot-grid>', () => {
    it('shows "Florida: calls 8 AM–8 PM" for a +1 305 number at 20:30 with usCallingRules', async () => {
      const backend = new MemoryBackend({
        clock: new ManualClock(NOW),
        demo: false,
        agents: [AGENT],
        contacts: [MIAMI],
        openingHours: {start: '08:00', end: '22:00'},
        policy: {callingRules: usCallingRules},
      });
      const slots = await backend.getAvailability({
        from: '2026-06-15T23:00:00Z',
        to: '2026-06-16T01:30:00Z',
        type: 'campaign',
        phone: MIAMI.phones[0].number,
      });
      const el = await grid(slots, '2026-06-15');
      const late = '2026-06-16T00:30:00Z'; // 20:30 in Miami
      expect(reasonOf(el, late)).to.equal('Florida: calls 8 AM–8 PM');
      expect(norm(cellAt(el, late).title)).to.equal('Florida: calls 8 AM–8 PM');
      const description = el.shadowRoot!.getElementById(cellAt(el, late).getAttribute('aria-describedby')!)!;
      expect(norm(description.textContent)).to.contain("the law of the customer's state or province");
      expect(cellAt(el, '2026-06-15T23:30:00Z').getAttribute('aria-disabled')).to.equal(null); // 19:30 is fine
      await expect(el).to.be.accessible();
    });

    it('says when a day or a holiday has no calls, and tells the contact window from the law', async () => {
      const sunday = '2026-06-21T15:00:00Z';
      const holiday = '2027-01-01T15:00:00Z';
      const contact = '2026-06-22T13:00:00Z';
      const slot = (start: string, extra: Partial<Slot>): Slot => ({
        start,
        end: new Date(Date.parse(start) + 1_800_000).toISOString().replace('.000', ''),
        available: false,
        ...extra,
      });
      const el = await grid(
        [
          slot(sunday, {
            reason: 'jurisdiction-no-calls-day',
            rule: {reason: 'jurisdiction-no-calls-day', jurisdiction: 'US-AL', timeZone: 'America/Chicago'},
          }),
          slot(contact, {reason: 'outside-contact-window'}),
        ],
        '2026-06-21',
      );
      expect(reasonOf(el, sunday)).to.equal('Alabama: no calls on Sundays');
      expect(reasonOf(el, contact)).to.equal("Outside this number's hours");
      expect(cellAt(el, contact).title).to.equal(
        "Unavailable: outside the hours this number's customer agreed to be called.",
      );
      const newYear = await grid(
        [
          slot(holiday, {
            reason: 'jurisdiction-holiday',
            rule: {
              reason: 'jurisdiction-holiday',
              jurisdiction: 'US-AL',
              holiday: "New Year's Day",
              timeZone: 'America/Chicago',
            },
          }),
        ],
        '2027-01-01',
      );
      expect(reasonOf(newYear, holiday)).to.equal("Alabama: holiday (New Year's Day)");
    });
  });

  describe('<callback-scheduler> applies policy.callingRules itself', () => {
    async function hostOnly(mode: 'new' | 'web-callback', submits: Event[]) {
      const el = document.createElement('callback-scheduler');
      Object.assign(el, {
        clock: new ManualClock(NOW),
        agent: AGENT,
        contact: MIAMI,
        mode,
        policy: {callingRules: usCallingRules},
        responseTimeout: 1000,
      });
      // events-only: no backend; the host supplies availability (every evening slot free) and answers submits
      el.addEventListener('availability-request', (e) =>
        (e as GlobalEventHandlersEventMap['availability-request']).detail.respondWith([
          {start: '2026-06-15T23:30:00Z', end: '2026-06-16T00:00:00Z', available: true},
          {start: '2026-06-16T00:30:00Z', end: '2026-06-16T01:00:00Z', available: true},
        ]),
      );
      el.addEventListener('callback-submit', (e) => submits.push(e));
      await fixture(html`<div>${el}</div>`);
      await el.updateComplete;
      return el as CallbackSchedulerElement;
    }
    /** Submits and waits until the form says why it refused (a condition: the submit's checks may load code). */
    const submitAndSettle = async (el: CallbackSchedulerElement, error: string) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => norm(el.shadowRoot!.querySelector(error)?.textContent) !== '', `no ${error} message`, {
        timeout: 10_000,
      });
      await el.updateComplete;
    };

    it('events-only: a host slot breaking a rule is shown with the rule, and a submit of it is refused naming the rule', async () => {
      const submits: Event[] = [];
      const el = await hostOnly('new', submits);
      const inner = () => el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid')!;
      await waitUntil(() => inner()?.slots?.length === 2, 'no slots', {timeout: 5000});
      await inner().updateComplete;
      await waitUntil(() => reasonOf(inner(), '2026-06-16T00:30:00Z') !== '', 'rule not applied', {timeout: 5000});
      expect(reasonOf(inner(), '2026-06-16T00:30:00Z')).to.equal('Florida: calls 8 AM–8 PM');
      // a pick of it anyway (e.g. a stale grid) is refused at submit, before the host is asked
      inner().dispatchEvent(
        new SlotSelectEvent({
          slot: {start: '2026-06-16T00:30:00Z', end: '2026-06-16T01:00:00Z', available: true},
          start: '2026-06-16T00:30:00Z',
          zonedStart: '2026-06-15T20:30:00-04:00[America/New_York]',
        }),
      );
      await el.updateComplete;
      await submitAndSettle(el, '#error-slot');
      expect(norm(el.shadowRoot!.querySelector('#error-slot')?.textContent)).to.equal(
        'Calls to this number are not allowed then by law (Florida: calls 8 AM–8 PM). Choose another time.',
      );
      expect(submits).to.have.length(0);
    });

    it('web-callback: a From/Till breaking a rule is refused at the From field naming the rule', async () => {
      const submits: Event[] = [];
      const el = await hostOnly('web-callback', submits);
      const [from, till] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.interval input.time-input');
      from.value = '20:00'; // Miami is in New York's zone: 8 PM there
      from.dispatchEvent(new Event('input'));
      till.value = '20:45';
      till.dispatchEvent(new Event('input'));
      await el.updateComplete;
      await submitAndSettle(el, '#error-from');
      expect(norm(el.shadowRoot!.querySelector('#error-from')?.textContent)).to.equal(
        'Calls to this number are not allowed then by law (Florida: calls 8 AM–8 PM). Choose another time.',
      );
      expect(submits).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });
});
