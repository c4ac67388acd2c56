// Issue 19 in the elements: the hand-off countdown and event of <callback-list>, and owner shifts in the grid.
import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import '../../src/components/callback-list/callback-list.js';
import type {CallbackListElement} from '../../src/components/callback-list/callback-list.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {SlotUnavailableError} from '../../src/core/errors.js';
import type {Agent, Callback, Campaign, Contact} from '../../src/core/types.js';
import type {CallbackHandedOffEvent} from '../../src/events/callback-handed-off.js';
import {setupIgnoreResizeObserverLoopErrors} from '../support/resize-observer-loop.js';
import '../support/fresh-storage.js';

const NY = 'America/New_York';
const NOW = '2026-06-15T13:00:00Z'; // Monday 09:00 in New York
const MARIA: Agent = {id: 'agent-maria', name: 'Maria Lopez', timeZone: NY, locale: 'en-US'};
const OLIVIA: Contact = {
  id: 'contact-olivia',
  name: 'Olivia Bennett',
  phones: [{number: '+12124561987', type: 'mobile'}],
};
const CAMPAIGN: Campaign = {
  id: 'camp',
  name: 'Renewals',
  status: 'running',
  dialingMode: 'preview',
  deliveryMode: 'manual',
  agentIds: ['agent-maria'],
};
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function settle(el: CallbackListElement) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
  await el.updateComplete;
}

describe('issue 19: owner shifts and the hand-off in the elements', () => {
  setupIgnoreResizeObserverLoopErrors(beforeEach, afterEach);

  it('<callback-list> counts down to the hand-off on the owner\'s overdue personal callback, then says "Handed to the campaign" and fires callback-handed-off once', async () => {
    const clock = new ManualClock(NOW);
    const own: Callback = {
      id: 'cb-own',
      contactId: OLIVIA.id,
      phone: OLIVIA.phones[0].number,
      type: 'personal',
      ownerAgentId: MARIA.id,
      campaignId: CAMPAIGN.id,
      start: '2026-06-15T13:30:00Z',
      timeZone: NY,
      kind: 'callback',
      status: 'scheduled',
      createdAt: NOW,
      updatedAt: NOW,
    };
    const backend = new MemoryBackend({
      clock,
      demo: false,
      agents: [MARIA],
      contacts: [OLIVIA],
      campaigns: [CAMPAIGN],
      callbacks: [own],
      policy: {personalHandOffMinutes: 10},
    });
    const handed: CallbackHandedOffEvent[] = [];
    const el = await fixture<CallbackListElement>(
      html`<callback-list
        locale="en-US"
        .agent=${MARIA}
        .clock=${clock}
        .backend=${backend}
        .policy=${{personalHandOffMinutes: 10}}
        @callback-handed-off=${(e: CallbackHandedOffEvent) => handed.push(e)}
      ></callback-list>`,
    );
    const handOff = () =>
      norm(el.shadowRoot!.querySelector('article[data-id="cb-own"] [part~="hand-off"]')?.textContent);
    await waitUntil(() => el.shadowRoot!.querySelector('article[data-id="cb-own"]'), 'row not shown', {timeout: 5000});
    expect(handOff()).to.equal(''); // not overdue yet
    clock.set('2026-06-15T13:32:00Z');
    await settle(el);
    await waitUntil(() => handOff() === 'Goes to the campaign in 8:00', `countdown: "${handOff()}"`, {timeout: 5000});
    clock.set('2026-06-15T13:39:05Z');
    await waitUntil(() => handOff() === 'Goes to the campaign in 0:55', `countdown: "${handOff()}"`, {timeout: 5000});
    clock.set('2026-06-15T13:40:00Z');
    backend.tick();
    await waitUntil(() => handOff() === 'Handed to the campaign', `after: "${handOff()}"`, {timeout: 5000});
    clock.set('2026-06-15T13:50:00Z');
    backend.tick();
    await settle(el);
    expect(handed).to.have.length(1);
    expect(handed[0].detail.fromAgentId).to.equal('agent-maria');
    expect(handed[0].detail.callback).to.include({id: 'cb-own', type: 'campaign', handedOffFrom: 'agent-maria'});
    await expect(el).to.be.accessible();
  });

  it('a personal callback for an owner off shift is not bookable: the grid shows it, the backend refuses it', async () => {
    // demo shifts: James (Chicago) is off on Wednesdays
    const backend = new MemoryBackend({clock: new ManualClock(NOW), seed: 2});
    const slots = await backend.getAvailability({
      from: '2026-06-17T15:00:00Z',
      to: '2026-06-17T16:00:00Z',
      type: 'personal',
      agentId: 'agent-james',
    });
    const grid = await fixture<TimeslotGridElement>(
      html`<timeslot-grid
        .slots=${slots}
        time-zone="America/Chicago"
        start-date="2026-06-17"
        locale="en-US"
      ></timeslot-grid>`,
    );
    await grid.updateComplete;
    // Two slots in a row with one reason fold into one band (issue 15): not bookable, the reason in words.
    expect(grid.shadowRoot!.querySelectorAll('[role="gridcell"][data-key]')).to.have.length(0);
    const bands = [...grid.shadowRoot!.querySelectorAll<HTMLElement>('[part~="band"]')];
    expect(bands).to.have.length(1);
    expect(bands[0].dataset.keys!.split(' ')).to.have.length(2);
    expect(bands[0].getAttribute('tabindex')).to.equal(null);
    expect(norm(bands[0].textContent)).to.contain("the callback's owner is off shift");
    const refused = await backend
      .scheduleCallback(
        {
          contactId: 'contact-olivia',
          phone: '+12124561987',
          type: 'personal',
          ownerAgentId: 'agent-james',
          start: '2026-06-17T15:00:00Z',
          timeZone: 'America/Chicago',
          kind: 'callback',
        },
        {idempotencyKey: 'k'},
      )
      .catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(SlotUnavailableError);
    expect(refused).to.include({reason: 'owner-off-shift'});
  });
});

describe('issue 19: the scheduler shows the owner hours', () => {
  it("shows the owner's hours for a personal callback and follows the owner picker", async () => {
    const {CallbackSchedulerElement} = await import('../../src/components/callback-scheduler/callback-scheduler.js');
    void CallbackSchedulerElement;
    const clock = new ManualClock('2026-06-17T13:00:00Z'); // Wednesday 09:00 in New York
    const backend = new MemoryBackend({clock, seed: 4});
    const el = document.createElement('callback-scheduler');
    Object.assign(el, {
      clock,
      backend,
      agent: {id: 'agent-maria', name: 'Maria Lopez', timeZone: NY, locale: 'en-US'},
      contact: OLIVIA,
      personal: true,
      policy: {callbackTypes: 'personal', canScheduleForOthers: true},
    });
    await fixture(html`<div>${el}</div>`);
    const hours = () => norm(el.shadowRoot!.querySelector('[part~="owner-hours"]')?.textContent);
    await waitUntil(() => hours() !== '', 'no owner hours', {timeout: 5000});
    expect(hours()).to.equal('Maria Lopez works 8:00 AM – 8:00 PM today');
    const select = [...el.shadowRoot!.querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === 'agent-james'),
    )!;
    select.value = 'agent-james';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => hours().startsWith('James'), `owner hours not updated: "${hours()}"`, {timeout: 5000});
    expect(hours()).to.equal('James Carter does not work today'); // off on Wednesdays
    await expect(el).to.be.accessible();
  });
});
