/**
 * <callback-scheduler> in the host states a CRM puts it in: on a call with another customer, with only a callback,
 * after a reload, with other agents booking. Every assertion is what the host or the agent observes: the heading,
 * the number field, the backend's rows and the events.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import fc from 'fast-check';
import sinon from 'sinon';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import '../../src/components/campaign-list/campaign-list.js';
import type {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {BackendUnavailableError, NotFoundError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {BackendEvent} from '../../src/core/backend.js';
import type {Callback, CallbackRequest, Contact} from '../../src/core/types.js';
import type {Disposition} from '../../src/context/interaction.js';
import '../support/fresh-storage.js';

const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const contact = (id: string): Contact => structuredClone(DEMO_CONTACTS.find((c) => c.id === id)!);
const SOPHIA = contact('contact-sophia'); // +1 415 mobile, +1 213 work 10:00-16:00
const OLIVIA = contact('contact-olivia'); // +1 212 mobile

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0\u2066-\u2069]/g, ' ')
    .replace(/\s*–\s*/g, ' – ')
    .replace(/\s+/g, ' ')
    .trim();
const text = (el: Element) => norm(el.shadowRoot!.textContent);
const heading = (el: CallbackSchedulerElement) => norm(el.shadowRoot!.querySelector('[part="title"]')!.textContent);
const numberField = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<HTMLSelectElement>('select.number')!;
const grid = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid')!;
const slotCell = (el: CallbackSchedulerElement, start: string) =>
  grid(el).shadowRoot!.querySelector<HTMLElement>(
    `[data-key="${Date.parse(start)}"], [data-keys~="${Date.parse(start)}"]`,
  );
const placesLeft = (el: CallbackSchedulerElement, start: string) => {
  const found = /(\d+) left/.exec(norm(slotCell(el, start)?.textContent));
  return found ? Number(found[1]) : undefined;
};
const bannerText = (el: CallbackSchedulerElement) =>
  norm(el.shadowRoot!.querySelector('.banner[role="alert"] > span')?.textContent);

async function settle(el: CallbackSchedulerElement) {
  await el.updateComplete;
  if (el.mode === 'web-callback' || !el.shadowRoot!.querySelector('timeslot-grid')) return;
  await waitUntil(
    () => {
      const g = grid(el);
      return g && !g.loading && g.shadowRoot!.querySelectorAll('[data-key]').length > 0;
    },
    'slots did not load',
    {timeout: 5000},
  );
  await el.updateComplete;
  await grid(el).updateComplete;
}

async function submit(el: CallbackSchedulerElement) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('form[aria-busy="true"]'), 'submit did not settle');
  await el.updateComplete;
}

async function book(backend: MemoryBackend, request: Partial<CallbackRequest>, key: string): Promise<Callback> {
  return backend.scheduleCallback(
    {
      contactId: 'contact-sophia',
      phone: '+14155267890',
      type: 'campaign',
      campaignId: 'camp-spring-renewals',
      start: '2026-11-24T19:00:00Z',
      timeZone: 'America/New_York',
      kind: 'callback',
      ...request,
    } as CallbackRequest,
    {idempotencyKey: key},
  );
}

const allCallbacks = async (backend: MemoryBackend) =>
  (await backend.listCallbacks({agentId: 'agent-maria'})).filter((c) => !c.id.startsWith('cb-demo'));

async function mount(
  backend: MemoryBackend,
  clock: ManualClock,
  scheduler: ReturnType<typeof html>,
  interaction?: unknown,
): Promise<CallbackSchedulerElement> {
  const session = await fixture<AgentSessionElement>(html`
    <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock} .interaction=${interaction}>
      ${scheduler}
    </agent-session>
  `);
  const el = session.querySelector('callback-scheduler')!;
  await settle(el);
  return el;
}

describe('<callback-scheduler> in host states', () => {
  describe('reschedule keeps the callback its own customer', () => {
    it("during a call with another customer: heading, number and the saved row are the callback's own", async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const original = await book(backend, {}, 'k1');
      const el = await mount(
        backend,
        clock,
        html`<callback-scheduler mode="reschedule" .callback=${original}></callback-scheduler>`,
        {contact: OLIVIA, phone: OLIVIA.phones[0], campaign: {id: 'camp-premium-upgrade'}},
      );
      await waitUntil(() => heading(el).includes('Sophia'), 'heading');
      expect(heading(el)).to.equal('Reschedule callback · Sophia Nguyen');
      expect(heading(el)).not.to.contain('Olivia');
      expect(numberField(el).value).to.equal('+14155267890');
      expect([...numberField(el).options].map((o) => o.value)).not.to.include('+12124561987');
      slotCell(el, '2026-11-24T20:00:00Z')!.click();
      await submit(el);
      const saved = (await allCallbacks(backend)).find((c) => c.id === original.id)!;
      expect(saved.contactId).to.equal('contact-sophia');
      expect(saved.phone).to.equal('+14155267890');
      expect(saved.campaignId).to.equal('camp-spring-renewals');
      expect(saved.start).to.equal('2026-11-24T20:00:00Z');
      expect(await allCallbacks(backend)).to.have.length(1);
    });

    it('with only .callback: loads the customer with backend.getContact and saves', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const original = await book(backend, {}, 'k1');
      const getContact = sinon.spy(backend, 'getContact');
      const el = await mount(
        backend,
        clock,
        html`<callback-scheduler mode="reschedule" .callback=${original}></callback-scheduler>`,
      );
      await waitUntil(() => heading(el).includes('Sophia'), 'heading');
      expect(getContact.firstCall.args[0]).to.equal('contact-sophia');
      slotCell(el, '2026-11-24T20:00:00Z')!.click();
      await submit(el);
      expect(text(el)).not.to.contain('No customer is selected');
      expect(text(el)).to.contain('Moved to');
      const saved = (await allCallbacks(backend)).find((c) => c.id === original.id)!;
      expect(saved.contactId).to.equal('contact-sophia');
      expect(saved.start).to.equal('2026-11-24T20:00:00Z');
    });

    it("with only .callback and a backend that cannot give the contact: the callback's own contactId and number", async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const original = await book(backend, {}, 'k1');
      sinon.stub(backend, 'getContact').rejects(new NotFoundError('Contact "contact-sophia"'));
      const el = await mount(
        backend,
        clock,
        html`<callback-scheduler mode="reschedule" .callback=${original}></callback-scheduler>`,
      );
      await waitUntil(() => heading(el).includes('415'), 'heading');
      expect(numberField(el).value).to.equal('+14155267890');
      slotCell(el, '2026-11-24T20:00:00Z')!.click();
      await submit(el);
      const saved = (await allCallbacks(backend)).find((c) => c.id === original.id)!;
      expect(saved.contactId).to.equal('contact-sophia');
      expect(saved.start).to.equal('2026-11-24T20:00:00Z');
    });
  });

  it('web-callback with .callback reschedules that web callback: same id, no second callback', async () => {
    const clock = new ManualClock(NOW);
    const backend = new MemoryBackend({clock, seed: 3});
    const original = await book(
      backend,
      {kind: 'web-callback', start: '2026-11-24T17:00:00Z', end: '2026-11-24T18:00:00Z', timeZone: 'America/New_York'},
      'k1',
    );
    const reschedule = sinon.spy(backend, 'rescheduleCallback');
    const schedule = sinon.spy(backend, 'scheduleCallback');
    const done = sinon.spy();
    const el = await mount(
      backend,
      clock,
      html`<callback-scheduler mode="web-callback" .callback=${original} .contact=${SOPHIA}></callback-scheduler>`,
    );
    el.addEventListener('callback-rescheduled', done);
    const from = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input.time-input')[0];
    expect(norm(from.value)).to.equal('12:00 PM'); // the callback's time, in the locale's hour cycle
    from.value = '14:00';
    from.dispatchEvent(new Event('input'));
    const till = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input.time-input')[1];
    till.value = '15:00';
    till.dispatchEvent(new Event('input'));
    await submit(el);
    expect(schedule.called).to.equal(false);
    expect(reschedule.firstCall.args[0]).to.equal(original.id);
    expect(done.calledOnce).to.equal(true);
    const rows = await allCallbacks(backend);
    expect(rows).to.have.length(1);
    expect(rows[0].start).to.equal('2026-11-24T19:00:00Z');
  });

  it("the CRM's zone and the number's zones are both candidates, and the agent sees why", async () => {
    const clock = new ManualClock(NOW);
    // A London customer (CRM) whose number is a New York mobile.
    const london: Contact = {
      id: 'contact-london',
      name: 'Harriet Cole',
      timeZone: 'Europe/London',
      phones: [{number: '+12124561111', type: 'mobile'}],
    };
    const backend = new MemoryBackend({clock, seed: 3, contacts: [...DEMO_CONTACTS, london]});
    const schedule = sinon.spy(backend, 'scheduleCallback');
    const el = await mount(
      backend,
      clock,
      html`<callback-scheduler .contact=${london} campaign-id="camp-spring-renewals"></callback-scheduler>`,
    );
    // The customer's clocks: London first (the CRM's), New York (the number's).
    const clocks = norm(el.shadowRoot!.querySelector('[part="clocks"]')!.textContent);
    expect(clocks).to.contain('GMT');
    expect(clocks).to.contain('EST');
    expect(text(el)).to.contain('Calling hours are checked in both');
    // 16:00 New York = 21:00 London: outside the calling window in London, although legal in New York.
    const late = slotCell(el, '2026-11-24T21:00:00Z')!;
    expect(late.getAttribute('aria-disabled') ?? late.getAttribute('aria-describedby') ?? '').not.to.equal(null);
    expect(late.matches('[part~="slot-unavailable"]')).to.equal(true);
    // 9:00 New York = 14:00 London: fine in both.
    slotCell(el, '2026-11-24T14:00:00Z')!.click();
    await submit(el);
    expect(schedule.firstCall.args[0].customerTimeZones).to.deep.equal(['Europe/London', 'America/New_York']);
  });

  it('interaction.disposition preselects the disposition in next-attempt mode', async () => {
    const clock = new ManualClock(NOW);
    const backend = new MemoryBackend({clock, seed: 3});
    const dispositions: Disposition[] = [
      {id: 'sale', label: 'Sale', requiresCallback: false},
      {id: 'call-back', label: 'Customer asked to call back', requiresCallback: true},
    ];
    const el = await mount(
      backend,
      clock,
      html`<callback-scheduler mode="next-attempt" .dispositions=${dispositions}></callback-scheduler>`,
      {contact: SOPHIA, phone: SOPHIA.phones[0], campaign: {id: 'camp-spring-renewals'}, disposition: dispositions[1]},
    );
    await settle(el);
    const checked = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="disposition"]:checked');
    expect(checked?.value).to.equal('call-back');
    expect(el.shadowRoot!.querySelector('timeslot-grid')).not.to.equal(null);
  });

  describe('availability stays current', () => {
    const SLOT = '2026-11-24T16:00:00Z'; // Tue 11:00 AM New York, 8:00 AM San Francisco

    it('after "Schedule another" the slot just booked shows one place fewer, and booking it again succeeds', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3, slotCapacity: 3});
      const el = await mount(
        backend,
        clock,
        html`<callback-scheduler .contact=${SOPHIA} campaign-id="camp-spring-renewals"></callback-scheduler>`,
      );
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click(); // campaign callback
      await settle(el);
      await waitUntil(() => placesLeft(el, SLOT) !== undefined, 'places left shown');
      const before = placesLeft(el, SLOT)!;
      expect(before).to.be.greaterThan(1);
      slotCell(el, SLOT)!.click();
      await submit(el);
      expect(text(el)).to.contain('Callback set for');
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Schedule another')!.click();
      await settle(el);
      await waitUntil(() => placesLeft(el, SLOT) === before - 1, 'the places left did not update');
      slotCell(el, SLOT)!.click();
      await submit(el);
      expect(text(el)).to.contain('Callback set for');
      expect((await allCallbacks(backend)).filter((c) => c.start === SLOT && c.contactId === SOPHIA.id)).to.have.length(
        2,
      );
    });

    it("another agent's booking updates the open grid's places left, live", async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3, slotCapacity: 3});
      const el = await mount(
        backend,
        clock,
        html`<callback-scheduler .contact=${SOPHIA} campaign-id="camp-spring-renewals"></callback-scheduler>`,
      );
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
      await settle(el);
      slotCell(el, SLOT)!.click();
      await el.updateComplete;
      await waitUntil(() => norm(slotCell(el, SLOT)?.textContent).includes('2 left'), 'two places');
      await book(backend, {start: SLOT, phone: '+12124561987', contactId: 'contact-olivia'}, 'other-1');
      await waitUntil(() => norm(slotCell(el, SLOT)?.textContent).includes('1 left'), 'the places left did not update');
      await book(backend, {start: SLOT, phone: '+12124561987', contactId: 'contact-olivia'}, 'other-2');
      await waitUntil(() => slotCell(el, SLOT)?.matches('[part~="slot-unavailable"]'), 'slot filled');
      // The agent's pick was taken by someone else: said next to the grid, before any Save.
      await waitUntil(() => text(el).includes('was just filled'), 'the lost pick is not explained');
    });

    it('a resync event reloads the availability', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      let emit: ((e: BackendEvent) => void) | undefined;
      const subscribe = backend.subscribe.bind(backend);
      sinon.stub(backend, 'subscribe').callsFake((listener) => {
        emit = listener;
        return subscribe(listener);
      });
      await mount(backend, clock, html`<callback-scheduler .contact=${SOPHIA}></callback-scheduler>`);
      const availability = sinon.spy(backend, 'getAvailability');
      await waitUntil(() => emit, 'subscribed');
      emit!({type: 'resync'});
      await waitUntil(() => availability.called, 'no reload on resync');
    });
  });

  describe('an unknown outcome survives a reload', () => {
    /** Sophia's scheduler saves, the answer is lost after the commit, and the agent reloads (the page goes away). */
    async function saveAndLoseTheAnswer() {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const first = await mount(backend, clock, html`<callback-scheduler .contact=${SOPHIA}></callback-scheduler>`);
      backend.failNext('scheduleCallback', new BackendUnavailableError(), {afterCommit: true});
      await submit(first);
      first.closest('agent-session')!.remove();
      return {clock, backend};
    }

    it('the scheduler for that contact shows the pending attempt and settles it with the same key: one callback', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const first = await mount(backend, clock, html`<callback-scheduler .contact=${SOPHIA}></callback-scheduler>`);
      backend.failNext('scheduleCallback', new BackendUnavailableError(), {afterCommit: true});
      const picked = grid(first).value!;
      await submit(first);
      expect(bannerText(first)).to.contain('may not have been saved');
      expect(await allCallbacks(backend)).to.have.length(1); // committed, answer lost
      const key = schedule.firstCall.args[1].idempotencyKey;
      first.closest('agent-session')!.remove(); // the agent reloads the page

      const again = await mount(backend, clock, html`<callback-scheduler .contact=${SOPHIA}></callback-scheduler>`);
      await waitUntil(() => bannerText(again).includes('may not have been saved'), 'no pending banner');
      // The agent enters the same callback again: the same key goes out, and the backend answers with the first one.
      slotCell(again, picked)!.click();
      const done = sinon.spy();
      again.addEventListener('callback-scheduled', done);
      await submit(again);
      expect(schedule.lastCall.args[1].idempotencyKey).to.equal(key);
      expect(done.calledOnce).to.equal(true);
      expect(await allCallbacks(backend)).to.have.length(1);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('callback-kit:'))).to.deep.equal([]);
    });

    it('a different entry after the reload moves the pending callback instead of creating a second one', async () => {
      const {clock, backend} = await saveAndLoseTheAnswer();
      const again = await mount(backend, clock, html`<callback-scheduler .contact=${SOPHIA}></callback-scheduler>`);
      await waitUntil(() => bannerText(again).includes('may not have been saved'), 'no pending banner');
      slotCell(again, '2026-11-24T20:00:00Z')!.click();
      await submit(again);
      const rows = await allCallbacks(backend);
      expect(rows).to.have.length(1);
      expect(rows[0].start).to.equal('2026-11-24T20:00:00Z');
    });

    it('Retry in the pending banner settles it without any new entry', async () => {
      const {clock, backend} = await saveAndLoseTheAnswer();
      const again = await mount(backend, clock, html`<callback-scheduler .contact=${SOPHIA}></callback-scheduler>`);
      await waitUntil(() => bannerText(again).includes('may not have been saved'), 'no pending banner');
      const done = sinon.spy();
      again.addEventListener('callback-scheduled', done);
      [...again.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="alert"] button')]
        .find((b) => norm(b.textContent) === 'Retry')!
        .click();
      await waitUntil(() => done.called, 'not settled');
      expect(await allCallbacks(backend)).to.have.length(1);
    });

    it('another contact does not see the pending attempt', async () => {
      const {clock, backend} = await saveAndLoseTheAnswer();
      const other = await mount(backend, clock, html`<callback-scheduler .contact=${OLIVIA}></callback-scheduler>`);
      await other.updateComplete;
      expect(bannerText(other)).to.equal('');
    });
  });

  describe('bidi isolation of names', () => {
    const RLO = '\u202e';
    it("the scheduler's heading isolates the customer's name", async () => {
      const clock = new ManualClock(NOW);
      const evil = {...SOPHIA, name: `${RLO}Eve`};
      const backend = new MemoryBackend({
        clock,
        seed: 3,
        contacts: [...DEMO_CONTACTS.filter((c) => c.id !== SOPHIA.id), evil],
      });
      const el = await mount(backend, clock, html`<callback-scheduler .contact=${evil}></callback-scheduler>`);
      const bdi = el.shadowRoot!.querySelector('[part="title"] bdi');
      expect(bdi?.textContent).to.equal(`${RLO}Eve`);
    });

    it('the campaign list\'s "already running" notice isolates campaign names', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({
        clock,
        seed: 3,
        campaigns: [
          {
            id: 'c-evil',
            name: `${RLO}Evil`,
            status: 'running',
            dialingMode: 'preview',
            deliveryMode: 'manual',
            startedAt: '2026-11-23T13:00:00Z',
            agentIds: ['agent-maria'],
          },
        ],
      });
      const session = await fixture<AgentSessionElement>(html`
        <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}
          ><campaign-list></campaign-list
        ></agent-session>
      `);
      const list = session.querySelector<CampaignListElement>('campaign-list')!;
      await waitUntil(() => text(list).includes('already running'), 'no notice');
      const all = list.shadowRoot!.textContent!;
      const at = all.indexOf(`${RLO}Evil`);
      expect(at).to.be.greaterThan(0);
      expect(all[at - 1]).to.equal('\u2068'); // FSI ... PDI around the name
      expect(all[at + `${RLO}Evil`.length]).to.equal('\u2069');
    });
  });

  it('a campaign list reloads its campaigns on resync', async () => {
    const clock = new ManualClock(NOW);
    const backend = new MemoryBackend({clock, seed: 3});
    let emit: ((e: BackendEvent) => void) | undefined;
    const subscribe = backend.subscribe.bind(backend);
    sinon.stub(backend, 'subscribe').callsFake((listener) => {
      emit = listener;
      return subscribe(listener);
    });
    const session = await fixture<AgentSessionElement>(html`
      <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}><campaign-list></campaign-list></agent-session>
    `);
    const list = session.querySelector<CampaignListElement>('campaign-list')!;
    await waitUntil(() => emit, 'subscribed');
    await list.updateComplete;
    const load = sinon.spy(backend, 'listCampaigns');
    emit!({type: 'resync'});
    await waitUntil(() => load.called, 'no reload on resync');
  });

  it('property: the saved contact and number are those in the heading and the number field; one row per new callback, none per reschedule', async () => {
    const contacts = ['contact-sophia', 'contact-olivia', 'contact-ethan', 'contact-mason'].map(contact);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          owner: fc.integer({min: 0, max: contacts.length - 1}),
          onCall: fc.option(fc.integer({min: 0, max: contacts.length - 1}), {nil: undefined}),
          phoneIndex: fc.integer({min: 0, max: 1}),
          reschedule: fc.boolean(),
          give: fc.constantFrom('contact', 'interaction', 'callback-only'),
        }),
        async ({owner, onCall, phoneIndex, reschedule, give}) => {
          const clock = new ManualClock(NOW);
          const backend = new MemoryBackend({clock, seed: 5});
          const customer = contacts[owner];
          const callable = customer.phones.filter((p) => !p.contactFrom && !p.contactUntil);
          const phone = callable[phoneIndex % callable.length];
          const existing = reschedule
            ? await book(backend, {contactId: customer.id, phone: phone.number, start: '2026-11-25T19:00:00Z'}, 'p0')
            : undefined;
          const before = (await allCallbacks(backend)).length;
          const callOn = onCall === undefined ? undefined : contacts[onCall];
          const interaction =
            give === 'interaction' && !reschedule
              ? {contact: customer, phone, campaign: {id: 'camp-spring-renewals'}}
              : callOn
                ? {contact: callOn, phone: callOn.phones[0], campaign: {id: 'camp-spring-renewals'}}
                : undefined;
          const el = await mount(
            backend,
            clock,
            reschedule
              ? html`<callback-scheduler
                  mode="reschedule"
                  .callback=${existing}
                  .contact=${give === 'contact' ? customer : undefined}
                ></callback-scheduler>`
              : html`<callback-scheduler
                  .contact=${give === 'interaction' ? undefined : customer}
                  phone=${give === 'interaction' ? undefined : phone.number}
                  campaign-id="camp-spring-renewals"
                ></callback-scheduler>`,
            interaction,
          );
          await waitUntil(() => heading(el).includes(customer.name), 'heading');
          const shownNumber = numberField(el).value;
          const shownName = heading(el).split(' · ')[1];
          const schedule = sinon.spy(backend, 'scheduleCallback');
          const rescheduleSpy = sinon.spy(backend, 'rescheduleCallback');
          const free = [...grid(el).shadowRoot!.querySelectorAll<HTMLElement>('[part~="slot-available"]')].find(
            (c) => Number(c.dataset.key) !== Date.parse('2026-11-25T19:00:00Z'),
          )!;
          free.click();
          await submit(el);
          const saved = schedule.called
            ? await schedule.firstCall.returnValue
            : await rescheduleSpy.firstCall.returnValue;
          expect(contacts.find((c) => c.id === saved.contactId)!.name).to.equal(shownName);
          expect(saved.phone).to.equal(shownNumber);
          expect(saved.contactId).to.equal(customer.id);
          expect((await allCallbacks(backend)).length).to.equal(before + (reschedule ? 0 : 1));
          el.closest('agent-session')!.remove();
        },
      ),
      {numRuns: 12, seed: 14},
    );
  });
});
