import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {BackendUnavailableError, SlotUnavailableError} from '../../src/core/errors.js';
import {AuthError} from '../../src/core/http-backend.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Callback, Contact, SchedulingPolicy} from '../../src/core/types.js';
import '../support/fresh-storage.js';

const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const contact = (id: string): Contact => structuredClone(DEMO_CONTACTS.find((c) => c.id === id)!);
const SOPHIA = contact('contact-sophia'); // San Francisco mobile +1 415
const ISABELLA = contact('contact-isabella'); // Idaho 208-456: Pacific or Mountain

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s*–\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();

interface Setup {
  el: CallbackSchedulerElement;
  backend: MemoryBackend;
  clock: ManualClock;
  session: AgentSessionElement;
}

async function setup(
  options: {
    mode?: string;
    contact?: Contact;
    policy?: Partial<SchedulingPolicy>;
    callback?: Callback;
    dispositions?: unknown[];
  } = {},
): Promise<Setup> {
  const clock = new ManualClock(NOW);
  const backend = new MemoryBackend({clock, seed: 11});
  const session = await fixture<AgentSessionElement>(html`
    <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock} .policy=${options.policy ?? {}}>
      <callback-scheduler
        mode=${options.mode ?? 'new'}
        .contact=${options.contact ?? SOPHIA}
        .callback=${options.callback}
        .dispositions=${options.dispositions ?? []}
        campaign-id="camp-spring-renewals"
      ></callback-scheduler>
    </agent-session>
  `);
  const el = session.querySelector('callback-scheduler')!;
  await settle(el);
  return {el, backend, clock, session};
}

const grid = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid')!;
const slotCell = (el: CallbackSchedulerElement, start: string) =>
  grid(el).shadowRoot!.querySelector<HTMLElement>(
    `[data-key="${Date.parse(start)}"], [data-keys~="${Date.parse(start)}"]`,
  );

/** Waits until the availability has loaded and everything rendered. */
async function settle(el: CallbackSchedulerElement) {
  await el.updateComplete;
  if (el.mode === 'web-callback' || !el.shadowRoot!.querySelector('timeslot-grid')) return;
  await waitUntil(
    () => {
      const g = grid(el);
      return g && !g.loading && g.shadowRoot!.querySelectorAll('[data-key]').length > 0;
    },
    'slots did not load', // within the busy machine's bound (support/wait.ts): two schedulers' first loads at load 35 took over 5 s
  );
  await el.updateComplete;
  await grid(el).updateComplete;
}

const text = (el: CallbackSchedulerElement) => norm(el.shadowRoot!.textContent);
const submitButton = (el: CallbackSchedulerElement) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!;
const alertText = (el: CallbackSchedulerElement) => norm(el.shadowRoot!.querySelector('[role="alert"]')?.textContent);
/** The form's banner message as the agent reads it (without its Retry button), found by its alert role. */
const bannerText = (el: CallbackSchedulerElement) =>
  norm(el.shadowRoot!.querySelector('.banner[role="alert"] > span')?.textContent);
const retryButton = (el: CallbackSchedulerElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="alert"] button')].find(
    (b) => norm(b.textContent) === 'Retry',
  );
const UNKNOWN_OUTCOME = (reason: string) =>
  `The callback may not have been saved: ${reason} Retry is safe: it never creates a second callback. Your entries are kept.`;
const NOT_SAVED = (reason: string) => `The callback could not be saved: ${reason} Your entries are kept.`;

async function submit(el: CallbackSchedulerElement) {
  submitButton(el).click();
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('form[aria-busy="true"]'), 'submit did not settle');
  await el.updateComplete;
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<callback-scheduler>', () => {
  describe('new mode', () => {
    it('defaults to the agent zone, the number being called and the next available slot 30 minutes from now', async () => {
      const {el, backend} = await setup();
      const availability = sinon.spy(backend, 'getAvailability');
      expect(text(el)).to.contain('New callback · Sophia Nguyen');
      expect(text(el)).to.contain('Your time 9:00 AM EST');
      expect(text(el)).to.contain("Customer's time 6:00 AM PST");
      expect(grid(el).timeZone).to.equal('America/New_York');
      // 08:00 PT is 11:00 ET: the first slot the law allows for a San Francisco number
      expect(grid(el).value).to.equal('2026-11-23T16:00:00Z');
      expect(text(el)).to.contain('Chosen: Monday, November 23, 11:00 – 11:30 AM EST');
      const early = slotCell(el, '2026-11-23T14:30:00Z')!;
      expect(early.getAttribute('aria-disabled')).to.equal('true');
      expect(early.getAttribute('aria-describedby')).to.equal('reason-outside-calling-hours');
      expect(availability.called).to.equal(false); // no refetch without a reason
      await expect(el).to.be.accessible();
    });

    it('saves through the backend once, fires callback-scheduled and confirms in both zones', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const scheduled = sinon.spy();
      el.addEventListener('callback-scheduled', scheduled);
      slotCell(el, '2026-11-23T17:00:00Z')!.click();
      await el.updateComplete;
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Wants to renew the premium plan';
      textarea.dispatchEvent(new Event('input'));
      await submit(el);
      expect(schedule.callCount).to.equal(1);
      const [request, options] = schedule.firstCall.args;
      expect(request).to.deep.equal({
        contactId: 'contact-sophia',
        phone: '+14155267890',
        type: 'personal',
        ownerAgentId: 'agent-maria',
        campaignId: 'camp-spring-renewals',
        start: '2026-11-23T17:00:00Z',
        end: '2026-11-23T17:30:00Z',
        timeZone: 'America/New_York',
        notes: 'Wants to renew the premium plan',
        kind: 'callback',
        customerTimeZones: ['America/Los_Angeles'],
      });
      expect(options.idempotencyKey).to.be.a('string').with.length.greaterThan(8);
      expect(scheduled.callCount).to.equal(1);
      const {callback} = scheduled.firstCall.args[0].detail;
      expect(callback.status).to.equal('scheduled');
      expect(norm(el.shadowRoot!.querySelector('[part="summary"]')!.textContent)).to.contain(
        'Callback set for Mon, Nov 23, 12:00 PM your time (9:00 AM customer).',
      );
      const mine = await backend.listCallbacks({agentId: 'agent-maria'});
      expect(mine.filter((c) => c.id === callback.id)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('can be completed with the keyboard only', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.focus();
      for (let i = 0; i < 20 && !deepActive()?.matches('[role="gridcell"]'); i++) await sendKeys({press: 'Tab'});
      expect(deepActive()?.getAttribute('data-key')).to.equal(String(Date.parse('2026-11-23T16:00:00Z')));
      await sendKeys({press: 'ArrowDown'}); // 11:30 AM
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      for (let i = 0; i < 10 && deepActive()?.getAttribute('part') !== 'submit'; i++) await sendKeys({press: 'Tab'});
      await sendKeys({press: 'Enter'});
      await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), 'not saved');
      expect(schedule.firstCall.args[0].start).to.equal('2026-11-23T16:30:00Z');
      expect(deepActive()?.getAttribute('part')).to.equal('summary'); // focus moves to the confirmation
    });

    it('shows the policy-forced type instead of a choice', async () => {
      const {el: personal} = await setup({policy: {callbackTypes: 'personal'}});
      expect(personal.shadowRoot!.querySelector('input[type="checkbox"]')).to.equal(null);
      expect(text(personal)).to.contain('Personal callback: only the owner gets this call');
      const {el, backend} = await setup({policy: {callbackTypes: 'campaign'}});
      expect(text(el)).to.contain('Campaign callback: any agent of the campaign can make this call');
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0].type).to.equal('campaign');
      expect(schedule.firstCall.args[0]).to.not.have.property('ownerAgentId');
    });

    it('lets an agent allowed to schedule for others pick the owner', async () => {
      const {el, backend} = await setup({policy: {canScheduleForOthers: true}});
      const select = [...el.shadowRoot!.querySelectorAll('select')].find((s) =>
        s.closest('label')?.textContent?.includes('Owner'),
      )!;
      expect(select.value).to.equal('agent-maria');
      select.value = 'agent-james';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0].ownerAgentId).to.equal('agent-james');
    });

    it("switches to the customer's zone and shows every candidate of a split area code", async () => {
      const {el} = await setup({contact: ISABELLA});
      expect(text(el)).to.match(/Customer's time 6:00 AM PST or 7:00 AM MST/);
      const customer = el.shadowRoot!.querySelector<HTMLInputElement>('input[value="customer"]')!;
      customer.click();
      await settle(el);
      expect(grid(el).timeZone).to.equal('America/Los_Angeles');
      expect(grid(el).secondaryTimeZone).to.equal('America/New_York');
      const candidates = el.shadowRoot!.querySelector<HTMLSelectElement>('.candidates select')!;
      expect([...candidates.options].map((o) => o.value)).to.deep.equal(['America/Los_Angeles', 'America/Boise']);
      candidates.value = 'America/Boise';
      candidates.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(grid(el).timeZone).to.equal('America/Boise');
      // 8:00 AM Mountain is 7:00 AM Pacific: still outside the law in one candidate zone
      expect(slotCell(el, '2026-11-23T15:00:00Z')!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('"Another zone" is a searchable zone picker (ck-zone-picker, loaded on demand) with the likely zones first', async () => {
      const {el} = await setup();
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="other"]')!.click();
      await el.updateComplete;
      await customElements.whenDefined('ck-zone-picker');
      const picker = el.shadowRoot!.querySelector<
        HTMLElement & {candidates: string[]; value: string; updateComplete: Promise<unknown>}
      >('ck-zone-picker')!;
      await picker.updateComplete;
      expect(picker.candidates).to.deep.equal(['America/Los_Angeles', 'America/New_York']);
      expect(el.shadowRoot!.querySelector('input[list="zones"]')).to.equal(null); // no free-text IANA box
      // Nothing picked yet: Save says so at the picker, and focus goes into it
      await submit(el);
      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
      expect(norm(picker.shadowRoot!.querySelector('[part="error"]')!.textContent)).to.equal(
        'Choose a time zone from the list.',
      );
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(deepActive()).to.equal(input);
      await sendKeys({type: 'Kolkata'});
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(picker.value).to.equal('Asia/Kolkata');
      expect(grid(el).timeZone).to.equal('Asia/Kolkata');
      expect(picker.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('takes a new number with its type and contact window, and enforces the window', async () => {
      const {el, backend} = await setup();
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
      select.value = '__new__';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const tel = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="tel"]')!;
      tel.value = '12345';
      tel.dispatchEvent(new Event('input'));
      tel.dispatchEvent(new Event('blur'));
      await el.updateComplete;
      expect(norm(el.shadowRoot!.querySelector('#error-phone')!.textContent)).to.contain('not a valid phone number');
      expect(tel.getAttribute('aria-invalid')).to.equal('true');
      tel.value = '303 572 8800';
      tel.dispatchEvent(new Event('input'));
      tel.dispatchEvent(new Event('blur'));
      const [from, until] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.new-number input.time-input');
      from.value = '10:00';
      from.dispatchEvent(new Event('input'));
      until.value = '12:00';
      until.dispatchEvent(new Event('input'));
      await settle(el);
      expect(tel.value).to.equal('(303) 572-8800');
      expect(text(el)).to.contain("Customer's time 7:00 AM MST");
      // 12:00 Mountain is 14:00 Eastern: outside the number's window although legal
      expect(slotCell(el, '2026-11-23T19:00:00Z')!.getAttribute('aria-disabled')).to.equal('true');
      expect(slotCell(el, '2026-11-23T17:00:00Z')!.getAttribute('aria-disabled')).to.equal(null);
      slotCell(el, '2026-11-23T17:00:00Z')!.click();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0]).to.deep.include({
        phone: '+13035728800',
        newPhone: {number: '+13035728800', type: 'mobile', contactFrom: '10:00', contactUntil: '12:00'},
      });
      expect(el.shadowRoot!.querySelector('[part="summary"]')).to.not.equal(null);
    });

    it('counts notes against their limit', async () => {
      const {el} = await setup();
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      expect(textarea.maxLength).to.equal(500);
      textarea.value = 'Call after lunch';
      textarea.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(norm(el.shadowRoot!.querySelector('#notes-count')!.textContent)).to.equal('16 of 500 characters');
    });

    it('says in words when the chosen time has passed meanwhile', async () => {
      const {el, clock, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      clock.advance({hours: 3}); // 12:00 PM: the 11:00 AM default is now past
      await submit(el);
      expect(schedule.called).to.equal(false);
      expect(norm(el.shadowRoot!.querySelector('#error-slot')!.textContent)).to.equal(
        'That time has passed. Choose a later time.',
      );
      await expect(el).to.be.accessible();
    });

    it('requires a customer', async () => {
      const clock = new ManualClock(NOW);
      const el = await fixture<CallbackSchedulerElement>(
        html`<callback-scheduler
          .clock=${clock}
          .agent=${MARIA}
          .backend=${new MemoryBackend({clock})}
        ></callback-scheduler>`,
      );
      await el.updateComplete;
      await submit(el);
      expect(alertText(el)).to.contain('No customer is selected');
    });

    it('closes with Cancel or Escape (callback-cancel)', async () => {
      const {el} = await setup();
      const cancel = sinon.spy();
      el.addEventListener('callback-cancel', cancel);
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Cancel')!.click();
      el.shadowRoot!.querySelector('textarea')!.focus();
      await sendKeys({press: 'Escape'});
      expect(cancel.callCount).to.equal(2);
    });
  });

  describe('nothing silently dropped (issue 15)', () => {
    /** Picks "New number…", types a valid number and fills the contact window's ends given. */
    async function newNumber(el: CallbackSchedulerElement, window: {from?: string; until?: string}) {
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select.number')!;
      select.value = '__new__';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const tel = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="tel"]')!;
      tel.value = '303 572 8800';
      tel.dispatchEvent(new Event('input'));
      tel.dispatchEvent(new Event('blur'));
      const [from, until] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.new-number input.time-input');
      from.value = window.from ?? '';
      from.dispatchEvent(new Event('input'));
      until.value = window.until ?? '';
      until.dispatchEvent(new Event('input'));
      await settle(el);
      return {from, until};
    }

    it('a contact window with From but no Until blocks Save, with the message at Until and focus on it', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const {until} = await newNumber(el, {from: '10:00'});
      slotCell(el, '2026-11-23T17:00:00Z')!.click();
      await submit(el);
      expect(schedule.called).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="summary"]')).to.equal(null);
      expect(until.getAttribute('aria-invalid')).to.equal('true');
      expect(until.getAttribute('aria-describedby')).to.equal('error-new-until');
      expect(norm(el.shadowRoot!.querySelector('#error-new-until')!.textContent)).to.equal(
        'Enter the Until time too, or clear Reachable from.',
      );
      expect(el.shadowRoot!.activeElement).to.equal(until);
      await expect(el).to.be.accessible();
      // Filled in: the error goes, and it saves with both ends
      until.value = '12:00';
      until.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#error-new-until')).to.equal(null);
      await submit(el);
      expect(schedule.firstCall.args[0].newPhone).to.deep.include({contactFrom: '10:00', contactUntil: '12:00'});
    });

    it('an Until without From blocks Save too, with the message at From', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const {from} = await newNumber(el, {until: '12:00'});
      slotCell(el, '2026-11-23T17:00:00Z')!.click();
      await submit(el);
      expect(schedule.called).to.equal(false);
      expect(from.getAttribute('aria-invalid')).to.equal('true');
      expect(from.getAttribute('aria-describedby')).to.equal('error-new-from');
      expect(el.shadowRoot!.activeElement).to.equal(from);
    });

    it('changing the number keeps the picked time when the new number allows it', async () => {
      const {el} = await setup();
      slotCell(el, '2026-11-23T22:00:00Z')!.click(); // 5:00 PM ET = 2:00 PM PT: inside the work number's 10-16
      await el.updateComplete;
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select.number')!;
      select.value = '+12132471856';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(grid(el).value).to.equal('2026-11-23T22:00:00Z');
      expect(norm(el.shadowRoot!.querySelector('#number-note')!.textContent)).to.equal('');
    });

    it('changing the number to one that cannot be called then clears the pick and says so next to the number', async () => {
      const {el} = await setup();
      slotCell(el, '2026-11-23T17:00:00Z')!.click(); // 12:00 PM ET = 9:00 AM PT: before the work number's 10:00
      await el.updateComplete;
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select.number')!;
      select.value = '+12132471856';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(grid(el).value).to.equal(undefined);
      const note = el.shadowRoot!.querySelector('#number-note')!;
      expect(note.getAttribute('role')).to.equal('status'); // announced
      expect(norm(note.textContent)).to.equal(
        'The time you picked (12:00 – 12:30 PM) cannot be used with this number: pick another time.',
      );
      expect(select.getAttribute('aria-describedby')).to.contain('number-note');
      // next to the number, not 1,800 px away: right under its field
      const gap = note.getBoundingClientRect().top - select.getBoundingClientRect().bottom;
      expect(gap).to.be.within(0, 60);
      await expect(el).to.be.accessible();
      slotCell(el, '2026-11-23T22:00:00Z')!.click();
      await el.updateComplete;
      expect(norm(note.textContent)).to.equal('');
    });
  });

  describe('the keyboard path (issue 15)', () => {
    it("time fields are text fields: one tab stop each, any hour cycle, shown in the locale's", async () => {
      const {el} = await setup({mode: 'web-callback'});
      const [from, till] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.interval input.time-input');
      from.focus();
      from.select();
      await sendKeys({type: '2:30 pm'});
      await sendKeys({press: 'Tab'});
      expect(deepActive(), 'one Tab from From lands on Till').to.equal(till);
      await el.updateComplete;
      expect(norm(from.value)).to.equal('2:30 PM');
      till.select();
      await sendKeys({type: '1530'});
      await sendKeys({press: 'Tab'});
      await el.updateComplete;
      expect(norm(till.value)).to.equal('3:30 PM');
      from.focus();
      from.select();
      await sendKeys({type: '25:00'});
      await submit(el);
      expect(norm(el.shadowRoot!.querySelector('#error-from')!.textContent)).to.equal('Enter a From time.');
      expect(deepActive()).to.equal(from);
    });

    it('books a customer-time slot from the first tab stop in at most 12 keys, one stop per widget', async function () {
      this.timeout(30_000);
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      let keys = 0;
      const path: string[] = [];
      const press = async (key: string) => {
        keys++;
        path.push(key);
        await sendKeys({press: key});
        await el.updateComplete;
      };
      const where = () => {
        const active = deepActive();
        if (!active || active === document.body) return 'body';
        return active.getAttribute('part') ?? active.getAttribute('aria-label') ?? active.tagName.toLowerCase();
      };
      // The first tab stop: the type checkbox (focus is put there; not counted)
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.focus();
      await press('Tab'); // the number
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('select.number'));
      await press('Tab'); // the zone radio group: one stop
      expect((deepActive() as HTMLInputElement).value).to.equal('agent');
      await press('ArrowDown'); // the customer's zone
      await settle(el);
      expect((deepActive() as HTMLInputElement).value).to.equal('customer');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="customer"]')!.checked).to.equal(true);
      await press('Tab'); // the calendar: one stop (its month buttons are for the mouse; PageUp/PageDown)
      expect(deepActive()?.getAttribute('part')).to.equal('day');
      // on to the grid: its week buttons, then the slot holding its tab stop
      while (deepActive()?.getAttribute('part')?.includes('slot') !== true && keys < 12) await press('Tab');
      const first = deepActive() as HTMLElement;
      expect(first.getAttribute('aria-disabled'), 'focus lands on a bookable slot').to.not.equal('true');
      await press('ArrowDown'); // 30 minutes later
      await press('Enter'); // pick it
      const picked = new Date(Number((deepActive() as HTMLElement).dataset.key)).toISOString().replace('.000Z', 'Z');
      expect(grid(el).value).to.equal(picked);
      expect(picked).to.equal('2026-11-23T16:30:00Z'); // 8:30 AM in San Francisco, the slot after the default pick
      await press('Tab'); // notes
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('textarea'));
      await press('Tab'); // Save
      expect(where()).to.equal('submit');
      await press('Enter');
      await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), 'not saved');
      expect(keys, `keys pressed: ${path.join(' ')}`).to.be.at.most(12);
      expect(schedule.callCount).to.equal(1);
      expect(schedule.firstCall.args[0]).to.deep.include({
        start: picked,
        timeZone: 'America/Los_Angeles',
      });
    });
  });

  describe('failures', () => {
    it('"That time was just taken": refreshes the slots and keeps every other field', async () => {
      const {el, backend} = await setup();
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Keep me';
      textarea.dispatchEvent(new Event('input'));
      // someone books Maria's 11:00 meanwhile (personal: one per owner and slot)
      await backend.scheduleCallback(
        {
          contactId: 'contact-olivia',
          phone: '+12124561987',
          type: 'personal',
          ownerAgentId: 'agent-maria',
          start: '2026-11-23T16:00:00Z',
          timeZone: 'America/New_York',
          kind: 'callback',
        },
        {idempotencyKey: 'other-agent-screen'},
      );
      const availability = sinon.spy(backend, 'getAvailability');
      const errors = sinon.spy();
      el.addEventListener('callback-schedule-error', errors);
      await submit(el);
      expect(alertText(el)).to.contain('That time was just taken');
      expect(errors.firstCall.args[0].detail.error).to.be.instanceOf(SlotUnavailableError);
      await settle(el);
      expect(availability.callCount).to.equal(1);
      expect(slotCell(el, '2026-11-23T16:00:00Z')!.getAttribute('aria-disabled')).to.equal('true');
      expect(grid(el).value).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('Keep me');
      expect(el.shadowRoot!.querySelector('select')!.value).to.equal('+14155267890');
      await expect(el).to.be.accessible();
    });

    it('keeps the form on a network failure; Retry reuses the idempotency key and creates exactly one callback', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      backend.failNext('scheduleCallback', new BackendUnavailableError());
      await submit(el);
      expect(bannerText(el)).to.equal(UNKNOWN_OUTCOME('The scheduling service is unavailable. Try again in a moment.'));
      await expect(el).to.be.accessible();
      retryButton(el)!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), 'retry did not save');
      expect(schedule.callCount).to.equal(2);
      expect(schedule.secondCall.args[1].idempotencyKey).to.equal(schedule.firstCall.args[1].idempotencyKey);
      const mine = await backend.listCallbacks({agentId: 'agent-maria'});
      expect(mine.filter((c) => c.contactId === 'contact-sophia' && c.start === '2026-11-23T16:00:00Z')).to.have.length(
        1,
      );
    });

    it('a lost answer (saved, then the connection dropped) retried never creates two callbacks', async () => {
      const {el, backend} = await setup();
      backend.failNext('scheduleCallback', new BackendUnavailableError(), {afterCommit: true});
      await submit(el);
      // the callback exists although the element saw a failure: the agent must not be told it was not saved
      expect(bannerText(el)).to.equal(UNKNOWN_OUTCOME('The scheduling service is unavailable. Try again in a moment.'));
      expect(alertText(el)).to.not.contain('could not be saved');
      await submit(el); // the agent presses the button again: same request, same key
      expect(el.shadowRoot!.querySelector('[part="summary"]')).to.not.equal(null);
      const mine = await backend.listCallbacks({agentId: 'agent-maria'});
      expect(mine.filter((c) => c.contactId === 'contact-sophia' && c.start === '2026-11-23T16:00:00Z')).to.have.length(
        1,
      );
    });

    for (const afterCommit of [true, false]) {
      it(`an edit after an unknown outcome (${afterCommit ? 'answer lost after the save' : 'failed before the save'}) never creates a second callback`, async () => {
        const {el, backend} = await setup();
        const schedule = sinon.spy(backend, 'scheduleCallback');
        const reschedule = sinon.spy(backend, 'rescheduleCallback');
        const scheduled = sinon.spy();
        el.addEventListener('callback-scheduled', scheduled);
        backend.failNext('scheduleCallback', new BackendUnavailableError(), {afterCommit});
        await submit(el);
        expect(bannerText(el)).to.equal(
          UNKNOWN_OUTCOME('The scheduling service is unavailable. Try again in a moment.'),
        );
        // the agent changes the notes and submits again: a different request
        const textarea = el.shadowRoot!.querySelector('textarea')!;
        textarea.value = 'Edited after the error';
        textarea.dispatchEvent(new Event('input'));
        await submit(el);
        expect(el.shadowRoot!.querySelector('[part="summary"]')).to.not.equal(null);
        // the earlier attempt was replayed with its own key, then updated: one callback, with the edit
        expect(schedule.callCount).to.equal(2);
        expect(schedule.secondCall.args[1].idempotencyKey).to.equal(schedule.firstCall.args[1].idempotencyKey);
        expect(reschedule.callCount).to.equal(1);
        const mine = await backend.listCallbacks({agentId: 'agent-maria'});
        const sophia = mine.filter((c) => c.contactId === 'contact-sophia' && c.start === '2026-11-23T16:00:00Z');
        expect(sophia).to.have.length(1);
        expect(sophia[0].notes).to.equal('Edited after the error');
        expect(scheduled.callCount).to.equal(1);
        expect(scheduled.firstCall.args[0].detail.callback.id).to.equal(sophia[0].id);
      });
    }

    it('says "could not be saved" only when nothing was saved: a refusal (403) vs. an answer lost after the save', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Renewal';
      textarea.dispatchEvent(new Event('input'));
      // definite: the server answered and refused, so nothing exists
      backend.failNext('scheduleCallback', new AuthError(403));
      await submit(el);
      expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(bannerText(el)).to.equal(NOT_SAVED('You are not allowed to do this.'));
      // ambiguous: the answer was lost, so the callback may exist and Retry is the safe way on
      backend.failNext('scheduleCallback', new BackendUnavailableError('The connection to the CRM was lost.'), {
        afterCommit: true,
      });
      retryButton(el)!.click();
      await waitUntil(() => bannerText(el).startsWith('The callback may not'), 'no ambiguous banner');
      expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(bannerText(el)).to.equal(UNKNOWN_OUTCOME('The connection to the CRM was lost.'));
      expect(retryButton(el)).to.not.equal(undefined);
      expect(textarea.value).to.equal('Renewal');
      await expect(el).to.be.accessible();
      retryButton(el)!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), 'retry did not save');
      expect(schedule.callCount).to.equal(3);
      const mine = await backend.listCallbacks({agentId: 'agent-maria'});
      expect(mine.filter((c) => c.notes === 'Renewal')).to.have.length(1);
    });

    it('shows an availability error in the grid with a retry', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      backend.failNext('getAvailability');
      const el = await fixture<CallbackSchedulerElement>(
        html`<callback-scheduler
          .clock=${clock}
          .agent=${MARIA}
          .backend=${backend}
          .contact=${SOPHIA}
        ></callback-scheduler>`,
      );
      await waitUntil(() => grid(el)?.error, 'no error shown');
      await grid(el).updateComplete;
      const retry = grid(el).shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!;
      retry.click();
      await settle(el);
      expect(grid(el).error).to.equal(undefined);
      expect(grid(el).value).to.equal('2026-11-23T16:00:00Z');
    });
  });

  describe('modes', () => {
    it('reschedule: prefilled from the callback, saved with rescheduleCallback, same id', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 5});
      const original = await backend.scheduleCallback(
        {
          contactId: 'contact-sophia',
          phone: '+12132471856',
          type: 'campaign',
          campaignId: 'camp-spring-renewals',
          start: '2026-11-24T19:00:00Z',
          timeZone: 'America/Los_Angeles',
          kind: 'callback',
          notes: 'Billing question',
        },
        {idempotencyKey: 'first'},
      );
      const session = await fixture<AgentSessionElement>(html`
        <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}>
          <callback-scheduler mode="reschedule" .callback=${original} .contact=${SOPHIA}></callback-scheduler>
        </agent-session>
      `);
      const el = session.querySelector('callback-scheduler')!;
      await settle(el);
      expect(text(el)).to.contain('Reschedule callback · Sophia Nguyen');
      expect(el.shadowRoot!.querySelector('select')!.value).to.equal('+12132471856');
      expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('Billing question');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).to.equal(false);
      expect(grid(el).timeZone).to.equal('America/Los_Angeles');
      // the callback's zone is the customer's: the form says so rather than "another zone"
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="customer"]')!.checked).to.equal(true);
      expect(grid(el).value).to.equal('2026-11-24T19:00:00Z');
      const reschedule = sinon.spy(backend, 'rescheduleCallback');
      await submit(el); // nothing changed yet
      expect(reschedule.called).to.equal(false);
      expect(norm(el.shadowRoot!.querySelector('#error-slot')!.textContent)).to.equal(
        'Nothing changed: choose a new time or another number.',
      );
      const done = sinon.spy();
      el.addEventListener('callback-rescheduled', done);
      slotCell(el, '2026-11-24T20:00:00Z')!.click();
      await submit(el);
      expect(reschedule.firstCall.args[0]).to.equal(original.id);
      expect(reschedule.firstCall.args[1].start).to.equal('2026-11-24T20:00:00Z');
      expect(done.firstCall.args[0].detail.callback.id).to.equal(original.id);
      expect(norm(el.shadowRoot!.querySelector('[part="summary"]')!.textContent)).to.contain(
        'Moved to Tue, Nov 24, 3:00 PM your time (12:00 PM customer).',
      );
      const all = await backend.listCallbacks({agentId: 'agent-maria'});
      expect(all.filter((c) => c.contactId === 'contact-sophia' && c.notes === 'Billing question')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('next-attempt: only a disposition that requires a callback reveals the next-call controls; the request carries it', async () => {
      const dispositions = [
        {id: 'sale', label: 'Sale', requiresCallback: false},
        {id: 'call-back', label: 'Customer asked to call back', requiresCallback: true},
      ];
      const {el, backend} = await setup({mode: 'next-attempt', dispositions});
      expect(el.shadowRoot!.querySelector('timeslot-grid')).to.equal(null);
      await expect(el).to.be.accessible();
      const picked = sinon.spy();
      el.addEventListener('disposition-select', picked);
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sale"]')!.click();
      await el.updateComplete;
      expect(picked.firstCall.args[0].detail.disposition).to.deep.equal(dispositions[0]);
      expect(text(el)).to.contain('This disposition needs no further call.');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="call-back"]')!.click();
      await settle(el);
      expect(grid(el)).to.not.equal(null);
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0]).to.deep.include({dispositionId: 'call-back', kind: 'callback'});
      await expect(el).to.be.accessible();
    });

    it('followup: personal, owned by the agent, with its expiry stated', async () => {
      const {el, backend} = await setup({mode: 'followup'});
      expect(el.shadowRoot!.querySelector('input[type="checkbox"]')).to.equal(null);
      expect(text(el)).to.contain('expires 5 minutes after its start if not launched');
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0]).to.deep.include({
        kind: 'followup',
        type: 'personal',
        ownerAgentId: 'agent-maria',
      });
      expect(text(el)).to.contain('Followup set for');
      await expect(el).to.be.accessible();
    });

    it('web-callback: starts on the first legal hour for the customer', async () => {
      const {el, backend} = await setup({mode: 'web-callback'});
      const [from, till] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.interval input.time-input');
      // 9:00 AM in New York is 6:00 AM in San Francisco: 8:00 AM there is 11:00 AM here
      expect([norm(from.value), norm(till.value)]).to.deep.equal(['11:00 AM', '12:00 PM']); // the locale's hour cycle
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0]).to.deep.include({start: '2026-11-23T16:00:00Z', end: '2026-11-23T17:00:00Z'});
    });

    it('web-callback: an "On" date and a From/Till interval instead of a slot', async () => {
      const {el, backend} = await setup({mode: 'web-callback'});
      expect(el.shadowRoot!.querySelector('timeslot-grid')).to.equal(null);
      const [from, till] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.interval input.time-input');
      const day = el
        .shadowRoot!.querySelector('ck-month-calendar')!
        .shadowRoot!.querySelector<HTMLElement>('[data-date="2026-11-24"]')!;
      day.click();
      from.value = '14:00';
      from.dispatchEvent(new Event('input'));
      till.value = '13:00';
      till.dispatchEvent(new Event('input'));
      await submit(el);
      expect(norm(el.shadowRoot!.querySelector('#error-till')!.textContent)).to.equal('Till must be after From.');
      await expect(el).to.be.accessible();
      till.value = '15:30';
      till.dispatchEvent(new Event('input'));
      const schedule = sinon.spy(backend, 'scheduleCallback');
      await submit(el);
      expect(schedule.firstCall.args[0]).to.deep.include({
        kind: 'web-callback',
        start: '2026-11-24T19:00:00Z',
        end: '2026-11-24T20:30:00Z',
      });
    });

    it('web-callback: refuses an interval outside the customer calling hours, in words', async () => {
      const {el} = await setup({mode: 'web-callback'});
      const [from, till] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('.interval input.time-input');
      from.value = '10:00'; // 7:00 AM in San Francisco
      from.dispatchEvent(new Event('input'));
      till.value = '11:00';
      till.dispatchEvent(new Event('input'));
      await submit(el);
      expect(norm(el.shadowRoot!.querySelector('#error-from')!.textContent)).to.equal(
        "That time is outside the customer's calling hours (8:00 AM to 9:00 PM their time).",
      );
    });
  });

  describe('events-only hosts', () => {
    async function hostOnly(answer?: (e: GlobalEventHandlersEventMap['callback-submit']) => void) {
      const clock = new ManualClock(NOW);
      const el = await fixture<CallbackSchedulerElement>(
        html`<callback-scheduler
          .clock=${clock}
          .agent=${MARIA}
          .contact=${SOPHIA}
          response-timeout="100"
        ></callback-scheduler>`,
      );
      if (answer) el.addEventListener('callback-submit', answer);
      await settle(el);
      return el;
    }

    it('offers policy slots checked against the calling window when nothing supplies availability', async () => {
      const el = await hostOnly();
      expect(slotCell(el, '2026-11-23T15:00:00Z')!.getAttribute('aria-disabled')).to.equal('true'); // 7:00 AM PT
      expect(grid(el).value).to.equal('2026-11-23T16:00:00Z');
    });

    it('takes slots from availability-request', async () => {
      const clock = new ManualClock(NOW);
      const el = document.createElement('callback-scheduler');
      Object.assign(el, {clock, agent: MARIA, contact: SOPHIA});
      el.addEventListener('availability-request', (e) =>
        e.detail.respondWith(
          Promise.resolve([{start: '2026-11-24T18:00:00Z', end: '2026-11-24T18:30:00Z', available: true}]),
        ),
      );
      await fixture(html`<div>${el}</div>`);
      await settle(el);
      expect(grid(el).shadowRoot!.querySelectorAll('[data-key]').length).to.equal(1);
      expect(grid(el).value).to.equal('2026-11-24T18:00:00Z');
    });

    it('callback-submit: the host saves the request and hands back the callback', async () => {
      let seen: GlobalEventHandlersEventMap['callback-submit']['detail'] | undefined;
      const el = await hostOnly((e) => {
        seen = e.detail;
        e.detail.respondWith(
          Promise.resolve({
            ...e.detail.request,
            id: 'crm-42',
            status: 'scheduled',
            createdAt: NOW,
            updatedAt: NOW,
          } as Callback),
        );
      });
      const scheduled = oneEvent(el, 'callback-scheduled');
      await submit(el);
      expect(seen!.request).to.deep.include({
        contactId: 'contact-sophia',
        start: '2026-11-23T16:00:00Z',
        phone: '+14155267890',
      });
      expect(seen!.operation).to.equal('schedule');
      expect((await scheduled).detail.callback.id).to.equal('crm-42');
    });

    it('shows the error the host throws, and a timeout when the host never answers', async () => {
      const el = await hostOnly((e) =>
        e.detail.respondWith(Promise.reject(new BackendUnavailableError('CRM is down.'))),
      );
      await submit(el);
      expect(alertText(el)).to.contain('CRM is down.');
      const silent = await hostOnly((e) => e.detail.respondWith(new Promise<Callback>(() => {})));
      const error = oneEvent(silent, 'callback-schedule-error');
      await submit(silent);
      expect((await error).detail.error.message).to.contain('No answer to callback-submit');
      expect(alertText(silent)).to.contain('No answer to callback-submit');
      await expect(silent).to.be.accessible();
    });

    it('says what is missing when nobody handles the submit (nothing was saved)', async () => {
      const el = await hostOnly();
      await submit(el);
      expect(bannerText(el)).to.equal(
        NOT_SAVED(
          'Nothing handled callback-submit: give the element a backend or answer the event with detail.respondWith(promise).',
        ),
      );
    });
  });

  describe('host veto (callback-submit)', () => {
    /** A scheduler on a backend whose saves are spied on, with the agent's own entries in it. */
    async function filledIn(veto: (e: GlobalEventHandlersEventMap['callback-submit']) => void) {
      const setupResult = await setup({policy: {canScheduleForOthers: true}});
      const {el, backend} = setupResult;
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const outcomes = sinon.spy();
      el.addEventListener('callback-scheduled', outcomes);
      el.addEventListener('callback-schedule-error', outcomes);
      el.addEventListener('callback-submit', veto);
      const owner = [...el.shadowRoot!.querySelectorAll('select')].find((s) =>
        s.closest('label')?.textContent?.includes('Owner'),
      )!;
      owner.value = 'agent-james';
      owner.dispatchEvent(new Event('change'));
      await settle(el);
      slotCell(el, '2026-11-23T19:00:00Z')!.click();
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Call after the wrap-up';
      textarea.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return {...setupResult, schedule, outcomes, owner, textarea};
    }

    it('detail.veto(reason) shows the reason as an alert and keeps every entry; nothing is saved', async () => {
      const veto = (e: GlobalEventHandlersEventMap['callback-submit']) =>
        e.detail.veto('Finish the call wrap-up first.');
      const {el, schedule, outcomes, owner, textarea} = await filledIn(veto);
      await submit(el);
      expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(bannerText(el)).to.equal(NOT_SAVED('Finish the call wrap-up first.'));
      expect(retryButton(el)).to.equal(undefined); // nothing to retry: the agent submits again when ready
      expect(schedule.called).to.equal(false);
      expect(outcomes.called).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part="summary"]')).to.equal(null);
      expect(grid(el).value).to.equal('2026-11-23T19:00:00Z');
      expect(owner.value).to.equal('agent-james');
      expect(textarea.value).to.equal('Call after the wrap-up');
      await expect(el).to.be.accessible();
      // the host lets it through: exactly what the agent entered is saved
      el.removeEventListener('callback-submit', veto);
      await submit(el);
      expect(schedule.callCount).to.equal(1);
      expect(schedule.firstCall.args[0]).to.deep.include({
        start: '2026-11-23T19:00:00Z',
        ownerAgentId: 'agent-james',
        notes: 'Call after the wrap-up',
      });
      expect(el.shadowRoot!.querySelector('[part="summary"]')).to.not.equal(null);
    });

    it('preventDefault() alone shows a general message; nothing is saved', async () => {
      const {el, schedule, outcomes, textarea} = await filledIn((e) => e.preventDefault());
      await submit(el);
      expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(bannerText(el)).to.equal(NOT_SAVED('Your CRM did not accept it.'));
      expect(schedule.called).to.equal(false);
      expect(outcomes.called).to.equal(false);
      expect(grid(el).value).to.equal('2026-11-23T19:00:00Z');
      expect(textarea.value).to.equal('Call after the wrap-up');
    });

    it('a veto after an answer was lost still says the callback may have been saved', async () => {
      const {el, backend} = await setup();
      const schedule = sinon.spy(backend, 'scheduleCallback');
      backend.failNext('scheduleCallback', new BackendUnavailableError(), {afterCommit: true});
      await submit(el);
      const veto = (e: GlobalEventHandlersEventMap['callback-submit']) =>
        e.detail.veto('Finish the call wrap-up first.');
      el.addEventListener('callback-submit', veto);
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Edited';
      textarea.dispatchEvent(new Event('input'));
      await submit(el);
      // the first attempt was saved: "could not be saved" would be false
      expect(bannerText(el)).to.equal(UNKNOWN_OUTCOME('Finish the call wrap-up first.'));
      expect(schedule.callCount).to.equal(1);
      el.removeEventListener('callback-submit', veto);
      retryButton(el)!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), 'retry did not save');
      const mine = await backend.listCallbacks({agentId: 'agent-maria'});
      const sophia = mine.filter((c) => c.contactId === 'contact-sophia' && c.start === '2026-11-23T16:00:00Z');
      expect(sophia.map((c) => c.notes)).to.deep.equal(['Edited']);
    });
  });

  it('fills itself from the interaction context; its own properties win', async () => {
    const clock = new ManualClock(NOW);
    const backend = new MemoryBackend({clock, seed: 9});
    const session = await fixture<AgentSessionElement>(html`
      <agent-session
        .agent=${MARIA}
        .backend=${backend}
        .clock=${clock}
        .interaction=${{contact: ISABELLA, phone: ISABELLA.phones[1], campaign: {id: 'camp-premium-upgrade'}}}
      >
        <callback-scheduler></callback-scheduler>
        <callback-scheduler .contact=${SOPHIA} phone="+12132471856"></callback-scheduler>
      </agent-session>
    `);
    const [fromContext, own] = session.querySelectorAll('callback-scheduler');
    await settle(fromContext);
    await settle(own);
    expect(text(fromContext)).to.contain('Isabella Rossi');
    expect(fromContext.shadowRoot!.querySelector('select')!.value).to.equal('+12083457702');
    expect(text(own)).to.contain('Sophia Nguyen');
    expect(own.shadowRoot!.querySelector('select')!.value).to.equal('+12132471856');
    const schedule = sinon.spy(backend, 'scheduleCallback');
    await submit(fromContext);
    expect(schedule.firstCall.args[0].campaignId).to.equal('camp-premium-upgrade');
  });
});
