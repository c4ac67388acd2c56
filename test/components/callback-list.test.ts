import {expect, fixture, html, nextFrame, oneEvent} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-list/callback-list.js';
import type {CallbackListElement} from '../../src/components/callback-list/callback-list.js';
import type {BackendEvent, SchedulingBackend} from '../../src/core/backend.js';
import {ManualClock, type Clock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {ValidationError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {loadPhoneTools} from '../../src/core/phone-loader.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Callback, Contact} from '../../src/core/types.js';
import type {CallbackCanceledEvent} from '../../src/events/callback-canceled.js';
import type {CallbackDueEvent} from '../../src/events/callback-due.js';
import type {CallbackExpiredEvent} from '../../src/events/callback-expired.js';
import type {CallbackLaunchEvent} from '../../src/events/callback-launch.js';
import type {CallbackListErrorEvent} from '../../src/events/callback-list-error.js';
import type {CallbackRescheduleRequestEvent} from '../../src/events/callback-reschedule-request.js';
import {loadVirtualizer, VIRTUALIZE_ABOVE} from '../../src/internal/virtual-list.js';
import {setupIgnoreResizeObserverLoopErrors} from '../support/resize-observer-loop.js';
import '../support/fresh-storage.js';

/** Monday 2026-11-23, 09:50 in New York (EST, UTC-5). */
const NOW = '2026-11-23T14:50:00Z';
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const CONTACTS: Contact[] = [
  {id: 'contact-olivia', name: 'Olivia Bennett', phones: [{number: '+12124561987', type: 'mobile'}]},
  {id: 'contact-ethan', name: 'Ethan Brooks', timeZone: 'America/Chicago', phones: []},
  {id: 'contact-ava', name: 'Ava Martinez', timeZone: 'America/Phoenix', phones: []},
];

/**
 * Intl puts narrow/thin spaces in times and ranges: compare with plain spaces. Names are bidi isolates (FSI…PDI,
 * invisible) in labels and announcements: the bidi tests check them, the others compare the text without them.
 */
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `iso` plus `minutes`, as an ISO instant. */
const plus = (iso: string, minutes: number) => Temporal.Instant.from(iso).add({minutes}).toString();

function callback(id: string, fields: Partial<Callback> = {}): Callback {
  return {
    id,
    contactId: 'contact-olivia',
    phone: '+12124561987',
    type: 'personal',
    ownerAgentId: 'agent-maria',
    start: plus(NOW, 10),
    timeZone: 'America/New_York',
    kind: 'callback',
    status: 'scheduled',
    createdAt: plus(NOW, -600),
    updatedAt: plus(NOW, -600),
    ...fields,
  };
}

/** Waits for the element and its virtualized rows (rendered after layout, a frame or two later). */
async function settle(el: CallbackListElement) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: CallbackListElement, selector: string) =>
  el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const $$ = (el: CallbackListElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const rows = (el: CallbackListElement) => $$(el, 'article[data-id]');
const row = (el: CallbackListElement, id: string) => $(el, `article[data-id="${id}"]`);
const headings = (el: CallbackListElement) => $$(el, '[role="heading"]').map((h) => norm(h.textContent));
const button = (scope: ParentNode, name: RegExp) =>
  [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    name.test(norm(b.getAttribute('aria-label') ?? b.textContent)),
  );
const toast = (el: CallbackListElement) => $(el, '.toast-region[role="status"]')!;
const groupOf = (el: CallbackListElement, id: string) => {
  // The heading above a row's cell in document order.
  let node = row(el, id)?.parentElement?.previousElementSibling;
  while (node && node.getAttribute('role') !== 'heading') node = node.previousElementSibling;
  return norm(node?.textContent).split(' ')[0];
};

interface Recorded {
  due: CallbackDueEvent[];
  expired: CallbackExpiredEvent[];
  launch: CallbackLaunchEvent[];
  errors: CallbackListErrorEvent[];
}

async function mount(props: {
  clock: Clock;
  callbacks?: Callback[];
  backend?: SchedulingBackend;
  contacts?: Contact[];
  policy?: object;
  attrs?: {inlineReschedule?: boolean};
}): Promise<{el: CallbackListElement; events: Recorded}> {
  const events: Recorded = {due: [], expired: [], launch: [], errors: []};
  const el = await fixture<CallbackListElement>(
    html`<callback-list
      locale="en-US"
      .agent=${MARIA}
      .clock=${props.clock}
      .backend=${props.backend}
      .callbacks=${props.callbacks}
      .contacts=${props.contacts}
      .policy=${props.policy}
      ?inline-reschedule=${props.attrs?.inlineReschedule ?? false}
      @callback-due=${(e: CallbackDueEvent) => events.due.push(e)}
      @callback-expired=${(e: CallbackExpiredEvent) => events.expired.push(e)}
      @callback-launch=${(e: CallbackLaunchEvent) => events.launch.push(e)}
      @callback-list-error=${(e: CallbackListErrorEvent) => events.errors.push(e)}
    ></callback-list>`,
  );
  await settle(el);
  return {el, events};
}

describe('<callback-list>', () => {
  // Rows of different heights are measured after layout: the benign "ResizeObserver loop" message is expected.
  setupIgnoreResizeObserverLoopErrors(beforeEach, afterEach);

  describe('listing', () => {
    it('lists the agent callbacks from the backend, grouped Overdue/Today/Tomorrow/Later in the agent zone', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const list = sinon.spy(backend, 'listCallbacks');
      await loadPhoneTools();
      const {el} = await mount({clock, backend});
      expect(list.calledOnce).to.equal(true);
      expect(list.firstCall.args[0]).to.deep.equal({agentId: 'agent-maria'});
      expect(headings(el)).to.deep.equal([
        'Overdue , 1 callback',
        'Today , 2 callbacks',
        'Tomorrow , 2 callbacks',
        'Later , 1 callback',
      ]);
      // Canceled and other agents' callbacks are not there; the completed one is hidden by the default filter.
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal([
        'cb-demo-overdue',
        'cb-demo-followup',
        'cb-demo-today',
        'cb-demo-tomorrow',
        'cb-demo-web',
        'cb-demo-liam',
      ]);
      const olivia = row(el, 'cb-demo-today')!;
      expect(norm(olivia.querySelector('[part="customer"]')!.textContent)).to.equal('Olivia Bennett');
      expect(norm(olivia.querySelector('[part="phone"]')!.textContent)).to.equal('Number (212) 456-1987');
      expect(norm(olivia.querySelector('[part="time"]')!.textContent)).to.equal('11:00 – 11:30 AM EST');
      expect(norm(olivia.querySelector('[part="type"]')!.textContent)).to.equal('Personal');
      expect(norm(olivia.querySelector('[part="status"]')!.textContent)).to.equal('Scheduled');
      expect(norm(olivia.querySelector('[part="notes"]')!.textContent)).to.contain('premium plan');
      // the customer's zone comes from the callback's customerTimeZones, else the contact, else the number
      const sophia = row(el, 'cb-demo-overdue')!;
      expect(norm(sophia.querySelector('[part="customer-time"]')!.textContent)).to.equal('Customer: 5:30 AM PST');
      expect(norm(sophia.querySelector('[part="status"]')!.textContent)).to.equal('Overdue');
      const noah = row(el, 'cb-demo-web')!;
      expect(norm(noah.querySelector('[part="type"]')!.textContent)).to.equal('Web callback');
      expect(norm(noah.querySelector('[part="customer-time"]')!.textContent)).to.equal('Customer: 9:00 – 11:00 AM HST');
      expect(norm(row(el, 'cb-demo-followup')!.querySelector('[part="type"]')!.textContent)).to.equal('Followup');
      expect(norm(row(el, 'cb-demo-liam')!.querySelector('[part="time"]')!.textContent)).to.equal(
        'Wed, Nov 25, 9:30 AM EST',
      );
      expect(norm(olivia.getAttribute('aria-label'))).to.equal(
        'Olivia Bennett, 11:00 – 11:30 AM EST, Personal, Scheduled',
      );
      expect(olivia.getAttribute('aria-posinset')).to.equal('3');
      expect(olivia.getAttribute('aria-setsize')).to.equal('6');
      expect(norm($(el, '[part="count"]')!.textContent)).to.equal('6 callbacks');
      await expect(el).to.be.accessible();
    });

    it('uses .callbacks set by the host and then never lists them from the backend', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const list = sinon.spy(backend, 'listCallbacks');
      const {el} = await mount({
        clock,
        backend,
        // Ethan's Chicago mobile: his zone comes from the number (the CRM has none), not from the booking zone
        callbacks: [
          callback('host-1', {contactId: 'contact-ethan', phone: '+17737042291', timeZone: 'America/New_York'}),
        ],
      });
      expect(list.called).to.equal(false);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['host-1']);
      // contacts come from the backend's listContacts() when the host gives none
      expect(norm(row(el, 'host-1')!.querySelector('[part="customer"]')!.textContent)).to.equal('Ethan Brooks');
      expect(norm(row(el, 'host-1')!.querySelector('[part="customer-time"]')!.textContent)).to.equal(
        'Customer: 9:00 AM CST',
      );
    });

    it('updates live from backend.subscribe and unsubscribes when removed', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const unsubscribe = sinon.spy();
      const original = backend.subscribe.bind(backend);
      const subscribe = sinon.stub(backend, 'subscribe').callsFake((listener: (e: BackendEvent) => void) => {
        const off = original(listener);
        return () => {
          unsubscribe();
          off();
        };
      });
      const {el} = await mount({clock, backend});
      expect(subscribe.calledOnce).to.equal(true);
      const saved = await backend.scheduleCallback(
        {
          contactId: 'contact-olivia',
          phone: '+12124561987',
          type: 'personal',
          ownerAgentId: 'agent-maria',
          start: '2026-11-23T21:30:00Z',
          timeZone: 'America/New_York',
          kind: 'callback',
          notes: 'Booked from another screen.',
        },
        {idempotencyKey: 'live-1'},
      );
      // someone else's personal callback does not belong here
      await backend.scheduleCallback(
        {
          contactId: 'contact-olivia',
          phone: '+12124561987',
          type: 'personal',
          ownerAgentId: 'agent-james',
          start: '2026-11-23T21:00:00Z',
          timeZone: 'America/New_York',
          kind: 'callback',
        },
        {idempotencyKey: 'live-2'},
      );
      await settle(el);
      expect(rows(el).map((r) => r.dataset.id)).to.include(saved.id);
      expect(rows(el)).to.have.length(7);
      await backend.cancelCallback('cb-demo-tomorrow');
      await settle(el);
      expect(row(el, 'cb-demo-tomorrow')).to.equal(null);
      expect(rows(el)).to.have.length(6);

      expect(unsubscribe.called).to.equal(false);
      // removing the element stops the subscription: later changes are not applied
      el.remove();
      expect(unsubscribe.calledOnce).to.equal(true);
      await backend.cancelCallback(saved.id);
      await el.updateComplete;
      expect(row(el, saved.id)).to.not.equal(null);
    });

    it('shows a busy state while loading', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1, latency: 150});
      const el = await fixture<CallbackListElement>(
        html`<callback-list locale="en-US" .agent=${MARIA} .clock=${clock} .backend=${backend}></callback-list>`,
      );
      const busy = $(el, '[aria-busy="true"]')!;
      expect(norm(busy.textContent)).to.equal('Loading your callbacks…');
      await expect(el).to.be.accessible();
      await waitUntil(() => !$(el, '[aria-busy="true"]') && rows(el).length === 6, 'the list never finished loading');
      await settle(el);
      expect($(el, '[aria-busy="true"]')).to.equal(null);
      expect(rows(el)).to.have.length(6);
    });

    it('subscribes and loads again when reconnected (changes were missed meanwhile)', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const subscribe = sinon.spy(backend, 'subscribe');
      const list = sinon.spy(backend, 'listCallbacks');
      const {el} = await mount({clock, backend});
      const parent = el.parentElement!;
      el.remove();
      await backend.cancelCallback('cb-demo-today'); // missed while away
      parent.append(el);
      await settle(el);
      await settle(el);
      expect(subscribe.calledTwice).to.equal(true);
      expect(list.calledTwice).to.equal(true);
      expect(row(el, 'cb-demo-today')).to.equal(null);
      expect(rows(el)).to.have.length(5);
    });

    it('shows an empty state that says what will appear here', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, demo: false, agents: [MARIA]});
      const {el} = await mount({clock, backend});
      const text = norm($(el, '.message--empty')!.textContent);
      expect(text).to.contain('No callbacks yet.');
      expect(text).to.contain('will appear here');
      expect(text).to.contain('reminded 5 minutes before');
      expect(rows(el)).to.have.length(0);
      expect($(el, '[part="count"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry that loads again', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('listCallbacks');
      const {el, events} = await mount({clock, backend});
      const alert = $(el, '[role="alert"]')!;
      expect(norm(alert.textContent)).to.contain('Your callbacks could not be loaded.');
      expect(norm(alert.textContent)).to.contain('The scheduling service is unavailable');
      expect(events.errors.map((e) => e.detail.operation)).to.deep.equal(['load']);
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible();
      button(alert, /^Try again$/)!.click();
      await settle(el);
      await settle(el);
      expect($(el, '[role="alert"]')).to.equal(null);
      expect(rows(el)).to.have.length(6);
    });

    it('reports invalid callbacks in the UI and as a typed error, and shows the valid ones', async () => {
      const clock = new ManualClock(NOW);
      const {el, events} = await mount({
        clock,
        contacts: CONTACTS,
        callbacks: [callback('ok'), callback('bad', {start: 'tomorrow at 3'})],
      });
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['ok']);
      expect(norm($(el, '[role="alert"]')!.textContent)).to.contain(
        'Callback "bad" has an invalid start "tomorrow at 3"',
      );
      expect(events.errors).to.have.length(1);
      expect(events.errors[0].detail.operation).to.equal('data');
      expect(events.errors[0].detail.error).to.be.instanceOf(ValidationError);
    });
  });

  describe('reminders', () => {
    it('fires callback-due exactly once at start minus the lead, highlights the row and shows a polite toast', async () => {
      const clock = new ManualClock(NOW);
      const {el, events} = await mount({
        clock,
        contacts: CONTACTS,
        callbacks: [callback('c1', {start: plus(NOW, 10)})],
      });
      expect(el.dueCount).to.equal(0);
      clock.advance({minutes: 4, seconds: 59});
      await settle(el);
      expect(events.due).to.have.length(0);
      expect(norm(row(el, 'c1')!.querySelector('[part="status"]')!.textContent)).to.equal('Scheduled');
      clock.advance({seconds: 1}); // 09:55 = 10:00 minus 5 minutes
      expect(events.due).to.have.length(1);
      expect(events.due[0].detail.callback.id).to.equal('c1');
      expect(events.due[0].detail.repeat).to.equal(false);
      expect(events.due[0].detail.contact?.name).to.equal('Olivia Bennett');
      await settle(el);
      expect(el.dueCount).to.equal(1);
      expect(el.getAttribute('due-count')).to.equal('1');
      expect(row(el, 'c1')!.getAttribute('part')).to.contain('row-due');
      expect(norm(row(el, 'c1')!.querySelector('[part="status"]')!.textContent)).to.equal('Due');
      expect(toast(el).getAttribute('aria-live')).to.equal('polite');
      expect(norm(toast(el).textContent)).to.contain('Callback due Olivia Bennett, Personal, at 10:00 AM.');
      await expect(el).to.be.accessible();
      clock.advance({minutes: 3});
      clock.advance({minutes: 30});
      await settle(el);
      expect(events.due).to.have.length(1);
    });

    it('Snooze silences the reminder and fires it again after 5 minutes; Dismiss stops it', async () => {
      const clock = new ManualClock(NOW);
      const {el, events} = await mount({clock, contacts: CONTACTS, callbacks: [callback('c1', {start: plus(NOW, 5)})]});
      expect(events.due).to.have.length(1); // due at once: starts in 5 minutes
      button(toast(el), /^Snooze 5 min/)!.click();
      await settle(el);
      expect(el.dueCount).to.equal(0);
      expect(norm(toast(el).textContent)).to.equal('');
      expect(row(el, 'c1')!.getAttribute('part')).to.not.contain('row-due');
      expect(norm(row(el, 'c1')!.textContent)).to.contain('Snoozed until 9:55 AM');
      // focus did not get lost with the toast: it is on the callback's row
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'c1'));
      clock.advance({minutes: 4, seconds: 59});
      expect(events.due).to.have.length(1);
      clock.advance({seconds: 1});
      expect(events.due).to.have.length(2);
      expect(events.due[1].detail.repeat).to.equal(true);
      await settle(el);
      expect(el.dueCount).to.equal(1);
      button(toast(el), /^Dismiss/)!.click();
      await settle(el);
      expect(el.dueCount).to.equal(0);
      expect(el.getAttribute('due-count')).to.equal('0');
      clock.advance({minutes: 20});
      await settle(el);
      expect(events.due).to.have.length(2);
      // dismissed, not forgotten: it stays listed, and Overdue now that its start has passed
      expect(groupOf(el, 'c1')).to.equal('Overdue');
    });

    it('reminds of personal callbacks and followups, campaign callbacks only with remind-campaign', async () => {
      const clock = new ManualClock(NOW);
      const callbacks = [
        callback('personal', {start: plus(NOW, 20)}),
        callback('followup', {kind: 'followup', start: plus(NOW, 20)}),
        callback('campaign', {type: 'campaign', campaignId: 'camp-x', ownerAgentId: undefined, start: plus(NOW, 20)}),
      ];
      const {el, events} = await mount({clock, contacts: CONTACTS, callbacks});
      clock.advance({minutes: 15});
      expect(events.due.map((e) => e.detail.callback.id)).to.deep.equal(['personal', 'followup']);
      await settle(el);
      expect(norm(row(el, 'campaign')!.querySelector('[part="status"]')!.textContent)).to.equal('Due');
      expect(el.dueCount).to.equal(2);
      el.remindCampaign = true;
      await settle(el);
      expect(events.due.map((e) => e.detail.callback.id)).to.deep.equal(['personal', 'followup', 'campaign']);
      expect(el.dueCount).to.equal(3);
    });

    it('uses policy.reminderLeadMinutes', async () => {
      const clock = new ManualClock(NOW);
      const {events} = await mount({
        clock,
        callbacks: [callback('c1', {start: plus(NOW, 30)})],
        policy: {reminderLeadMinutes: 15},
      });
      clock.advance({minutes: 14, seconds: 59});
      expect(events.due).to.have.length(0);
      clock.advance({seconds: 1});
      expect(events.due).to.have.length(1);
    });

    it('catches up when the tab becomes visible again (a clock that cannot notify)', async () => {
      let now = Temporal.Instant.from(NOW);
      const sleepyClock: Clock = {now: () => now};
      const {el, events} = await mount({
        clock: sleepyClock,
        callbacks: [callback('c1', {start: plus(NOW, 30)}), callback('f1', {kind: 'followup', start: plus(NOW, 40)})],
      });
      now = now.add({hours: 1}); // the tab slept through both
      expect(events.due).to.have.length(0);
      document.dispatchEvent(new Event('visibilitychange'));
      expect(events.due.map((e) => e.detail.callback.id)).to.deep.equal(['c1']);
      expect(events.expired.map((e) => e.detail.callback.id)).to.deep.equal(['f1']);
      await settle(el);
      expect(groupOf(el, 'c1')).to.equal('Overdue');
    });
  });

  describe('followups and overdue', () => {
    it('expires a followup at start plus followupExpiryMinutes, not before', async () => {
      const clock = new ManualClock(NOW);
      const {el, events} = await mount({
        clock,
        contacts: CONTACTS,
        callbacks: [
          callback('f1', {
            kind: 'followup',
            start: plus(NOW, 10),
            contactId: 'contact-ethan',
            timeZone: 'America/Chicago',
          }),
        ],
      });
      expect(norm(row(el, 'f1')!.querySelector('[part="expiry"]')!.textContent)).to.equal('Expires at 10:05 AM');
      clock.advance({minutes: 14, seconds: 59}); // start + 4:59
      await settle(el);
      expect(events.expired).to.have.length(0);
      expect(norm(toast(el).textContent)).to.contain(
        'Ethan Brooks, Followup, was due at 10:00 AM. Expires at 10:05 AM.',
      );
      expect(norm(row(el, 'f1')!.querySelector('[part="status"]')!.textContent)).to.equal('Overdue');
      expect(button(row(el, 'f1')!, /^Launch/)).to.not.equal(undefined);
      clock.advance({seconds: 1}); // start + 5:00
      expect(events.expired).to.have.length(1);
      expect(events.expired[0].detail.callback.id).to.equal('f1');
      expect(events.expired[0].detail.callback.status).to.equal('expired');
      await settle(el);
      expect(norm(row(el, 'f1')!.querySelector('[part="status"]')!.textContent)).to.equal('Expired');
      expect(row(el, 'f1')!.querySelector('[part="expiry"]')).to.equal(null);
      expect(button(row(el, 'f1')!, /^Launch/)).to.equal(undefined);
      expect(button(row(el, 'f1')!, /^Reschedule/)).to.not.equal(undefined);
      expect(groupOf(el, 'f1')).to.equal('Today');
      expect(el.dueCount).to.equal(0);
      expect(norm($(el, '.visually-hidden[role="status"]')!.textContent)).to.contain('expired');
      clock.advance({hours: 1});
      expect(events.expired).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('does not expire a followup that was launched', async () => {
      const clock = new ManualClock(NOW);
      const {el, events} = await mount({
        clock,
        callbacks: [callback('f1', {kind: 'followup', start: plus(NOW, 2)})],
      });
      clock.advance({minutes: 3});
      await settle(el);
      button(row(el, 'f1')!, /^Launch/)!.click();
      clock.advance({minutes: 10});
      await settle(el);
      expect(events.expired).to.have.length(0);
      expect(norm(row(el, 'f1')!.querySelector('[part="status"]')!.textContent)).to.equal('In progress');
    });

    it('keeps a personal callback past its start in Overdue until it is handled', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, contacts: CONTACTS, callbacks: [callback('c1', {start: plus(NOW, 1)})]});
      expect(groupOf(el, 'c1')).to.equal('Today');
      clock.advance({minutes: 2});
      await settle(el);
      expect(groupOf(el, 'c1')).to.equal('Overdue');
      clock.advance({hours: 20}); // the next day: still overdue, with its date
      await settle(el);
      expect(groupOf(el, 'c1')).to.equal('Overdue');
      expect(norm(row(el, 'c1')!.querySelector('[part="time"]')!.textContent)).to.equal('Mon, Nov 23, 9:51 AM EST');
      button(row(el, 'c1')!, /^Launch/)!.click();
      await settle(el);
      expect(groupOf(el, 'c1')).to.equal('Earlier');
      expect(norm(row(el, 'c1')!.querySelector('[part="status"]')!.textContent)).to.equal('In progress');
    });

    it('moves Tomorrow to Today at midnight in the agent zone', async () => {
      const clock = new ManualClock('2026-11-24T04:30:00Z'); // 23:30 in New York
      const {el} = await mount({clock, callbacks: [callback('c1', {start: '2026-11-24T15:00:00Z'})]});
      expect(groupOf(el, 'c1')).to.equal('Tomorrow');
      clock.advance({minutes: 30});
      await settle(el);
      expect(groupOf(el, 'c1')).to.equal('Today');
    });
  });

  describe('timers', () => {
    it('keeps one timer for the next moment whatever the number of callbacks, and none after removal', async () => {
      const timers = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
      try {
        const clock = new ManualClock(NOW);
        const callbacks = Array.from({length: 50}, (_, i) =>
          callback(`c${i}`, {start: plus(NOW, 30 + i * 10), kind: i % 2 ? 'followup' : 'callback'}),
        );
        const el = await fixture<CallbackListElement>(
          html`<callback-list .agent=${MARIA} .clock=${clock} .callbacks=${callbacks}></callback-list>`,
        );
        await el.updateComplete;
        expect(timers.countTimers()).to.equal(1);
        const due = sinon.spy();
        el.addEventListener('callback-due', due);
        // the one timer is for the first reminder, 25 minutes from now
        timers.tick(25 * 60_000 - 1);
        expect(due.called).to.equal(false);
        clock.advance({minutes: 25});
        expect(due.calledOnce).to.equal(true);
        expect(timers.countTimers()).to.equal(1);
        el.remove();
        expect(timers.countTimers()).to.equal(0);
        clock.advance({hours: 3}); // nothing wakes a removed list
        expect(timers.countTimers()).to.equal(0);
        expect(due.calledOnce).to.equal(true);
        document.dispatchEvent(new Event('visibilitychange'));
        expect(timers.countTimers()).to.equal(0);
      } finally {
        timers.restore();
      }
    });
  });

  describe('actions', () => {
    it('Launch fires a cancelable callback-launch; unless canceled the row shows it in progress', async () => {
      const clock = new ManualClock(NOW);
      const {el, events} = await mount({
        clock,
        contacts: CONTACTS,
        callbacks: [callback('c1', {start: plus(NOW, 3)}), callback('c2', {start: plus(NOW, 4)})],
      });
      el.addEventListener('callback-launch', (e) => {
        if (e.detail.callback.id === 'c2') e.preventDefault(); // the host is busy
      });
      expect(el.dueCount).to.equal(2);
      button(row(el, 'c1')!, /^Launch callback to Olivia Bennett$/)!.click();
      expect(events.launch).to.have.length(1);
      expect(events.launch[0].cancelable).to.equal(true);
      expect(events.launch[0].detail.callback.id).to.equal('c1');
      expect(events.launch[0].detail.callback.phone).to.equal('+12124561987');
      expect(events.launch[0].detail.contact?.name).to.equal('Olivia Bennett');
      await settle(el);
      expect(norm(row(el, 'c1')!.querySelector('[part="status"]')!.textContent)).to.equal('In progress');
      expect(button(row(el, 'c1')!, /^Launch/)).to.equal(undefined);
      expect(el.dueCount).to.equal(1);
      button(row(el, 'c2')!, /^Launch/)!.click();
      await settle(el);
      expect(events.launch).to.have.length(2);
      expect(norm(row(el, 'c2')!.querySelector('[part="status"]')!.textContent)).to.equal('Due');
      expect(el.dueCount).to.equal(1);
    });

    it('Cancel asks for confirmation, calls the backend once, and removes the row only on success', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1, latency: 30});
      const cancel = sinon.spy(backend, 'cancelCallback');
      const {el} = await mount({clock, backend});
      await waitUntil(() => row(el, 'cb-demo-today'), 'the rows (the backend answers after 30 ms)', {timeout: 5000});
      button(row(el, 'cb-demo-today')!, /^Cancel callback with Olivia Bennett$/)!.click();
      await settle(el);
      const dialog = $<HTMLDialogElement>(el, 'dialog.confirm')!;
      expect(dialog.open).to.equal(true);
      expect(norm(dialog.textContent)).to.contain(
        'The callback with Olivia Bennett on Mon, Nov 23, 11:00 – 11:30 AM EST',
      );
      expect(el.shadowRoot!.activeElement).to.equal(button(dialog, /^Keep callback$/));
      await expect(el).to.be.accessible();
      // Keep: nothing happens
      button(dialog, /^Keep callback$/)!.click();
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(cancel.called).to.equal(false);
      // focus goes back to what opened the dialog: the row's action menu button (Cancel was in its menu)
      expect(el.shadowRoot!.activeElement).to.equal(button(row(el, 'cb-demo-today')!, /^More actions for/));

      button(row(el, 'cb-demo-today')!, /^Cancel/)!.click();
      await settle(el);
      const canceled = oneEvent(el, 'callback-canceled') as Promise<CallbackCanceledEvent>;
      const confirm = button(dialog, /^Cancel callback$/)!;
      confirm.click();
      confirm.click(); // impatient double click
      await el.updateComplete;
      expect(cancel.calledOnce).to.equal(true);
      expect(cancel.firstCall.args[0]).to.equal('cb-demo-today');
      expect(row(el, 'cb-demo-today')).to.not.equal(null); // still there while the backend works
      expect(button(dialog, /Canceling/)!.getAttribute('aria-disabled')).to.equal('true');
      const event = await canceled;
      expect(event.detail.callback.id).to.equal('cb-demo-today');
      expect(event.detail.callback.status).to.equal('canceled');
      await settle(el);
      expect(row(el, 'cb-demo-today')).to.equal(null);
      expect(dialog.open).to.equal(false);
      expect(cancel.calledOnce).to.equal(true);
      expect(norm($(el, '.visually-hidden[role="status"]')!.textContent)).to.equal(
        'Callback with Olivia Bennett canceled.',
      );
      // focus goes to the next callback, not to the page
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-tomorrow'));
    });

    it('shows a failed cancellation, keeps the row, and lets the agent try again', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('cancelCallback');
      const cancel = sinon.spy(backend, 'cancelCallback');
      const {el, events} = await mount({clock, backend});
      button(row(el, 'cb-demo-today')!, /^Cancel/)!.click();
      await settle(el);
      const dialog = $<HTMLDialogElement>(el, 'dialog.confirm')!;
      button(dialog, /^Cancel callback$/)!.click();
      await oneEvent(el, 'callback-list-error');
      await settle(el);
      expect(cancel.calledOnce).to.equal(true);
      expect(events.errors.map((e) => e.detail.operation)).to.deep.equal(['cancel']);
      expect(events.errors[0].detail.callback?.id).to.equal('cb-demo-today');
      expect(norm(dialog.querySelector('[role="alert"]')!.textContent)).to.contain(
        'The callback could not be canceled: The scheduling service is unavailable',
      );
      expect(dialog.open).to.equal(true);
      expect(row(el, 'cb-demo-today')).to.not.equal(null);
      await expect(el).to.be.accessible();
      button(dialog, /^Try again: cancel callback$/)!.click();
      await oneEvent(el, 'callback-canceled');
      await settle(el);
      expect(cancel.calledTwice).to.equal(true);
      expect(row(el, 'cb-demo-today')).to.equal(null);
    });

    it('without a backend, lets the host cancel through callback-cancel-request and respondWith', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, contacts: CONTACTS, callbacks: [callback('c1'), callback('c2')]});
      const host = sinon.spy((e: GlobalEventHandlersEventMap['callback-cancel-request']) =>
        e.detail.respondWith(Promise.resolve()),
      );
      el.addEventListener('callback-cancel-request', host);
      button(row(el, 'c1')!, /^Cancel/)!.click();
      await settle(el);
      button($(el, 'dialog.confirm')!, /^Cancel callback$/)!.click();
      const event = (await oneEvent(el, 'callback-canceled')) as CallbackCanceledEvent;
      expect(host.calledOnce).to.equal(true);
      expect(host.firstCall.args[0].detail.callback.id).to.equal('c1');
      expect(event.detail.callback.id).to.equal('c1');
      await settle(el);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['c2']);

      // nobody answers: the agent is told, the row stays
      el.removeEventListener('callback-cancel-request', host);
      button(row(el, 'c2')!, /^Cancel/)!.click();
      await settle(el);
      button($(el, 'dialog.confirm')!, /^Cancel callback$/)!.click();
      await oneEvent(el, 'callback-list-error');
      await settle(el);
      expect(norm($(el, 'dialog.confirm [role="alert"]')!.textContent)).to.contain(
        'Nothing handled callback-cancel-request',
      );
      expect(row(el, 'c2')).to.not.equal(null);

      // the host refuses with preventDefault: nothing is canceled
      el.addEventListener('callback-cancel-request', (e) => e.preventDefault(), {once: true});
      button($(el, 'dialog.confirm')!, /^Try again/)!.click();
      await settle(el);
      expect($<HTMLDialogElement>(el, 'dialog.confirm')!.open).to.equal(false);
      expect(row(el, 'c2')).to.not.equal(null);
    });

    it('Reschedule fires callback-reschedule-request; without <callback-scheduler> that is all', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({
        clock,
        contacts: CONTACTS,
        callbacks: [callback('c1')],
        attrs: {inlineReschedule: true},
      });
      setTimeout(() => button(row(el, 'c1')!, /^Reschedule callback with Olivia Bennett$/)!.click());
      const event = (await oneEvent(el, 'callback-reschedule-request')) as CallbackRescheduleRequestEvent;
      expect(event.detail.callback.id).to.equal('c1');
      expect(event.cancelable).to.equal(true);
      await settle(el);
      expect($<HTMLDialogElement>(el, 'dialog.reschedule')!.open).to.equal(false);
    });
  });

  describe('dense rows and transient surfaces (issue 15)', () => {
    /** Nine callbacks over two days, each with notes, named customers and customer zones. */
    const nine = () =>
      Array.from({length: 9}, (_, i) =>
        callback(`d${i}`, {
          contactId: CONTACTS[i % 3].id,
          start: plus(NOW, 30 + i * 200),
          notes: 'Asked to be called back after her lunch break; renewal quote already sent.',
          customerTimeZones: ['America/Chicago'],
        }),
      );

    afterEach(() => setViewport({width: 800, height: 600}));

    it('at 1280 px, a 720 px list shows at least 8 of 9 rows, each with Launch and one menu button', async () => {
      await setViewport({width: 1320, height: 900});
      const clock = new ManualClock(NOW);
      const el = await fixture<CallbackListElement>(
        html`<div style="width: 1280px">
          <callback-list
            locale="en-US"
            style="--ck-callback-list-height: 720px"
            .agent=${MARIA}
            .clock=${clock}
            .contacts=${CONTACTS}
            .callbacks=${nine()}
          ></callback-list>
        </div>`,
      ).then((wrap) => wrap.querySelector('callback-list')!);
      await settle(el);
      const list = $(el, '.list')!.getBoundingClientRect();
      expect(Math.round(list.height)).to.equal(720);
      const inView = rows(el).filter((r) => {
        const box = r.getBoundingClientRect();
        return box.top >= list.top && box.bottom <= list.bottom;
      });
      expect(inView.length, 'rows fully visible').to.be.at.least(8);
      for (const r of rows(el)) {
        const visible = [...r.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.getClientRects().length);
        expect(visible.map((b) => norm(b.getAttribute('aria-label')).replace(/ (to|for) .*/, ''))).to.deep.equal([
          'Launch callback',
          'More actions',
        ]);
      }
      await expect(el).to.be.accessible();
    });

    it('in a 360 px panel nothing overflows horizontally', async () => {
      const clock = new ManualClock(NOW);
      const wrap = await fixture<HTMLElement>(
        html`<div style="width: 360px">
          <callback-list
            locale="en-US"
            .agent=${MARIA}
            .clock=${clock}
            .contacts=${CONTACTS}
            .callbacks=${nine()}
          ></callback-list>
        </div>`,
      );
      const el = wrap.querySelector('callback-list')!;
      await settle(el);
      const right = wrap.getBoundingClientRect().right;
      for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('.toolbar, .list, article, article *')) {
        expect(node.getBoundingClientRect().right, node.className).to.be.at.most(right + 0.5);
      }
      expect(wrap.scrollWidth).to.equal(wrap.clientWidth);
    });

    it('the action menu follows the APG menu button: Enter/Down open, arrows move, Escape and Tab close', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, callbacks: nine(), contacts: CONTACTS});
      const first = rows(el)[0];
      const more = button(first, /^More actions for/)!;
      const menu = first.querySelector<HTMLElement>('[role="menu"]')!;
      expect(more.getAttribute('aria-haspopup')).to.equal('menu');
      expect(more.getAttribute('aria-controls')).to.equal(menu.id);
      more.focus();
      await sendKeys({press: 'Enter'});
      await settle(el);
      expect(menu.matches(':popover-open')).to.equal(true);
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
      expect(items.map((i) => norm(i.textContent))).to.deep.equal(['Reschedule', 'Cancel']);
      expect(el.shadowRoot!.activeElement).to.equal(items[0]);
      await expect(el).to.be.accessible();
      await sendKeys({press: 'ArrowDown'});
      expect(el.shadowRoot!.activeElement).to.equal(items[1]);
      await sendKeys({press: 'ArrowDown'}); // wraps
      expect(el.shadowRoot!.activeElement).to.equal(items[0]);
      await sendKeys({press: 'End'});
      expect(el.shadowRoot!.activeElement).to.equal(items[1]);
      // Escape closes it and gives focus back to its button; the row keeps the tab stop
      await sendKeys({press: 'Escape'});
      await settle(el);
      expect(menu.matches(':popover-open')).to.equal(false);
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(more);
      // ArrowDown on the button opens it too (and does not move to the next row)
      await sendKeys({press: 'ArrowDown'});
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(items[0]);
      // Tab closes it; focus moves on from its button (out of the list: the other rows are not tab stops)
      await sendKeys({press: 'Tab'});
      await settle(el);
      expect(menu.matches(':popover-open')).to.equal(false);
      expect(el.shadowRoot!.activeElement?.closest('article') ?? null).to.equal(null);
    });

    it('Escape closes the cancel dialog and focus goes back to the menu button that opened it', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, callbacks: nine(), contacts: CONTACTS});
      const first = rows(el)[0];
      const more = button(first, /^More actions for/)!;
      more.focus();
      await sendKeys({press: 'Enter'});
      await settle(el);
      await sendKeys({press: 'ArrowDown'}); // Cancel
      await sendKeys({press: 'Enter'});
      await settle(el);
      const dialog = $<HTMLDialogElement>(el, 'dialog.confirm')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(first.querySelector('[role="menu"]')!.matches(':popover-open')).to.equal(false);
      await sendKeys({press: 'Escape'});
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(more);
    });

    it('the reschedule dialog is modal with the same backdrop as the cancel one; Escape returns focus to its opener', async () => {
      await import('../../src/components/callback-scheduler/callback-scheduler.js');
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, callbacks: nine(), contacts: CONTACTS, attrs: {inlineReschedule: true}});
      const first = rows(el)[0];
      const more = button(first, /^More actions for/)!;
      more.focus();
      await sendKeys({press: 'Enter'});
      await settle(el);
      await sendKeys({press: 'Enter'}); // Reschedule
      await settle(el);
      const reschedule = $<HTMLDialogElement>(el, 'dialog.reschedule')!;
      expect(reschedule.open).to.equal(true);
      expect(reschedule.matches(':modal')).to.equal(true);
      const backdrop = getComputedStyle(reschedule, '::backdrop').backgroundColor;
      expect(backdrop).to.not.be.oneOf(['', 'transparent', 'rgba(0, 0, 0, 0)']);
      await expect(el).to.be.accessible();
      await sendKeys({press: 'Escape'});
      await settle(el);
      expect(reschedule.open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(more);
      // the cancel confirmation has the same backdrop
      button(first, /^Cancel callback with/)!.click();
      await settle(el);
      const confirm = $<HTMLDialogElement>(el, 'dialog.confirm')!;
      expect(getComputedStyle(confirm, '::backdrop').backgroundColor).to.equal(backdrop);
      confirm.close();
    });

    it('events that arrive while the first load is on its way are applied after it: none lost', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      let emit: ((e: BackendEvent) => void) | undefined;
      sinon.stub(backend, 'subscribe').callsFake((listener: (e: BackendEvent) => void) => {
        emit = listener;
        return () => {};
      });
      const list = backend.listCallbacks.bind(backend);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      sinon.stub(backend, 'listCallbacks').callsFake(async (q, o) => {
        const listed = await list(q, o); // the list as it was when asked
        await gate;
        return listed;
      });
      const el = await fixture<CallbackListElement>(
        html`<callback-list locale="en-US" .agent=${MARIA} .clock=${clock} .backend=${backend}></callback-list>`,
      );
      await waitUntil(() => emit, 'subscribed', {timeout: 5000});
      emit!({type: 'callback-changed', callback: callback('late-1', {start: plus(NOW, 90)})});
      release();
      await waitUntil(() => row(el, 'late-1'), 'the change made during the load is shown', {timeout: 5000});
      expect(row(el, 'cb-demo-today'), 'and the list itself').to.not.equal(null);
    });
  });

  describe('keyboard and virtualization', () => {
    it('is one tab stop; arrows move between rows across group headings; Tab reaches the row actions', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const {el} = await mount({clock, backend});
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({press: 'Tab'}); // type filter
      await sendKeys({press: 'Tab'}); // status filter
      await sendKeys({press: 'Tab'}); // the list: its current row
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-overdue'));
      expect(rows(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
      await sendKeys({press: 'ArrowDown'}); // past the Today heading
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-followup'));
      await sendKeys({press: 'End'});
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-liam'));
      await sendKeys({press: 'ArrowUp'});
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-web'));
      await sendKeys({press: 'Home'});
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-overdue'));
      await sendKeys({press: 'ArrowDown'});
      await settle(el);
      await sendKeys({press: 'Tab'});
      expect(el.shadowRoot!.activeElement).to.equal(button(row(el, 'cb-demo-followup')!, /^Launch/));
      await sendKeys({press: 'Tab'}); // Reschedule and Cancel are in the row's action menu
      expect(el.shadowRoot!.activeElement).to.equal(button(row(el, 'cb-demo-followup')!, /^More actions for/));
      await sendKeys({press: 'Tab'}); // out of the list: other rows' buttons are not tab stops
      expect(el.shadowRoot!.activeElement?.closest('article') ?? null).to.equal(null);
      before.remove();
    });

    it('filters by type and status with the keyboard and says when nothing matches', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const {el} = await mount({clock, backend});
      const [typeSelect, statusSelect] = $$(el, 'select') as HTMLSelectElement[];
      expect(typeSelect.labels![0].textContent).to.contain('Type');
      typeSelect.focus();
      await sendKeys({press: 'ArrowDown'}); // Personal
      await settle(el);
      expect(el.filterType).to.equal('personal');
      expect(el.getAttribute('filter-type')).to.equal('personal');
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['cb-demo-today', 'cb-demo-liam']);
      await sendKeys({press: 'ArrowDown'}); // Campaign
      await sendKeys({press: 'ArrowDown'}); // Followup
      await settle(el);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['cb-demo-followup']);
      typeSelect.value = 'all';
      typeSelect.dispatchEvent(new Event('change'));
      statusSelect.focus();
      await sendKeys({press: 'End'}); // Completed
      await settle(el);
      expect(el.filterStatus).to.equal('completed');
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['cb-demo-done']);
      expect(groupOf(el, 'cb-demo-done')).to.equal('Earlier');
      el.filterType = 'web';
      await settle(el);
      expect(rows(el)).to.have.length(0);
      const message = $(el, '[part="message"]')!;
      expect(norm(message.textContent)).to.contain('No callbacks match these filters.');
      await expect(el).to.be.accessible();
      button(message, /^Show all callbacks$/)!.click();
      await settle(el);
      expect(rows(el)).to.have.length(7);
    });

    it('renders only the visible rows of 10,000 callbacks and still reaches the last one by keyboard', async () => {
      const clock = new ManualClock(NOW);
      const callbacks = Array.from({length: 10_000}, (_, i) =>
        callback(`big-${String(i).padStart(5, '0')}`, {
          start: plus('2026-11-24T13:00:00Z', i * 15),
          contactId: CONTACTS[i % 3].id,
          notes: i % 4 ? undefined : `Note ${i}`,
        }),
      );
      const {el} = await mount({clock, contacts: CONTACTS, callbacks});
      await loadVirtualizer(); // the lazy chunk (loaded at the first render past the threshold), then its layout
      await settle(el);
      expect(norm($(el, '[part="count"]')!.textContent)).to.equal('10,000 callbacks');
      expect(rows(el).length).to.be.greaterThan(3).and.lessThan(60);
      const first = rows(el)[0];
      expect(first.getAttribute('aria-posinset')).to.equal('1');
      expect(first.getAttribute('aria-setsize')).to.equal('10000');
      first.focus();
      await sendKeys({press: 'End'});
      await settle(el);
      await settle(el);
      const last = el.shadowRoot!.activeElement as HTMLElement;
      expect(last.dataset.id).to.equal('big-09999');
      expect(last.getAttribute('aria-posinset')).to.equal('10000');
      expect(rows(el).length).to.be.lessThan(60);
      await sendKeys({press: 'PageUp'});
      await settle(el);
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('big-09989');
      await sendKeys({press: 'Home'});
      await settle(el);
      await settle(el);
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal('big-00000');
      await expect(el).to.be.accessible();
    });
  });

  describe('plain up to the threshold, virtualized past it', () => {
    /** `count` callbacks tomorrow, 5 minutes apart: one Tomorrow heading, so `count + 1` entries. */
    const tomorrow = (count: number) =>
      Array.from({length: count}, (_, i) =>
        callback(`t-${String(i).padStart(3, '0')}`, {start: plus('2026-11-24T13:00:00Z', i * 5)}),
      );
    const active = (el: CallbackListElement) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
    const id = (i: number) => `t-${String(i).padStart(3, '0')}`;

    it(`renders every row of ${VIRTUALIZE_ABOVE} entries itself, with the keyboard reaching each of them`, async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, contacts: CONTACTS, callbacks: tomorrow(VIRTUALIZE_ABOVE - 1)});
      expect(headings(el)).to.deep.equal([`Tomorrow , ${VIRTUALIZE_ABOVE - 1} callbacks`]);
      expect(rows(el)).to.have.length(VIRTUALIZE_ABOVE - 1);
      expect(rows(el).filter((r) => r.tabIndex === 0)).to.have.length(1);
      expect($(el, '.list')!.tabIndex, 'the current row is the tab stop, not the list').to.equal(-1);
      rows(el)[0].focus();
      await sendKeys({press: 'End'});
      expect(active(el)).to.equal(id(VIRTUALIZE_ABOVE - 2));
      expect(el.shadowRoot!.activeElement!.getAttribute('aria-posinset')).to.equal(String(VIRTUALIZE_ABOVE - 1));
      const list = $(el, '.list')!.getBoundingClientRect();
      const last = el.shadowRoot!.activeElement!.getBoundingClientRect();
      expect(last.top >= list.top - 1 && last.bottom <= list.bottom + 1, 'the last row is scrolled into view').to.equal(
        true,
      );
      await sendKeys({press: 'PageUp'});
      expect(active(el)).to.equal(id(VIRTUALIZE_ABOVE - 12));
      await sendKeys({press: 'Home'});
      expect(active(el)).to.equal('t-000');
      await sendKeys({press: 'PageDown'});
      expect(active(el)).to.equal('t-010');
      await expect(el).to.be.accessible();
    });

    it('switches to virtualization when it grows past the threshold, keeping its size and the focused row', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({clock, contacts: CONTACTS, callbacks: tomorrow(VIRTUALIZE_ABOVE - 1)});
      const list = $(el, '.list')!;
      const size = list.getBoundingClientRect();
      rows(el)[0].focus();
      await sendKeys({press: 'PageDown'});
      expect(active(el)).to.equal('t-010');
      el.callbacks = tomorrow(VIRTUALIZE_ABOVE + 50);
      await loadVirtualizer();
      await settle(el);
      await settle(el);
      expect(rows(el).length, 'only the rows in view (and overscan)')
        .to.be.greaterThan(3)
        .and.lessThan(VIRTUALIZE_ABOVE);
      expect(active(el), 'focus is back on the same row').to.equal('t-010');
      expect(rows(el).filter((r) => r.tabIndex === 0)).to.deep.equal([el.shadowRoot!.activeElement]);
      expect($(el, '.list')).to.equal(list);
      const after = list.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([size.width, size.height]);
      await sendKeys({press: 'End'});
      await settle(el);
      await settle(el);
      expect(active(el)).to.equal(id(VIRTUALIZE_ABOVE + 49));
      expect(el.shadowRoot!.activeElement!.getAttribute('aria-setsize')).to.equal(String(VIRTUALIZE_ABOVE + 50));
      await sendKeys({press: 'Home'});
      await settle(el);
      await settle(el);
      expect(active(el)).to.equal('t-000');
      // Shrinking again keeps the virtualizer (already there): every row is still shown.
      el.callbacks = tomorrow(5);
      await settle(el);
      expect(rows(el).map((r) => r.dataset.id)).to.deep.equal(['t-000', 't-001', 't-002', 't-003', 't-004']);
      await expect(el).to.be.accessible();
    });
  });

  describe('inline reschedule', () => {
    // The real <callback-scheduler> from here on (the tests above run without one).
    before(() => import('../../src/components/callback-scheduler/callback-scheduler.js'));
    it('opens <callback-scheduler mode="reschedule"> in a dialog when defined and the host lets it', async () => {
      class StubScheduler extends HTMLElement {
        callback?: Callback;
      }
      if (!customElements.get('callback-scheduler')) customElements.define('callback-scheduler', StubScheduler);
      const clock = new ManualClock(NOW);
      const {el} = await mount({
        clock,
        contacts: CONTACTS,
        callbacks: [callback('c1'), callback('c2', {start: plus(NOW, 60)})],
        attrs: {inlineReschedule: true},
      });
      button(row(el, 'c1')!, /^Reschedule/)!.click();
      await settle(el);
      const dialog = $<HTMLDialogElement>(el, 'dialog.reschedule')!;
      expect(dialog.open).to.equal(true);
      const scheduler = dialog.querySelector('callback-scheduler') as StubScheduler;
      expect(scheduler.getAttribute('mode')).to.equal('reschedule');
      expect(scheduler.callback?.id).to.equal('c1');
      await expect(el).to.be.accessible();
      const moved = {...callback('c1'), start: '2026-11-24T20:00:00Z'};
      scheduler.dispatchEvent(
        new CustomEvent('callback-rescheduled', {bubbles: true, composed: true, detail: {callback: moved}}),
      );
      await settle(el);
      expect(dialog.open).to.equal(false);
      expect(groupOf(el, 'c1')).to.equal('Tomorrow');
      expect(norm(row(el, 'c1')!.querySelector('[part="time"]')!.textContent)).to.equal('3:00 PM EST');

      // the host takes over with preventDefault: no dialog
      el.addEventListener('callback-reschedule-request', (e) => e.preventDefault(), {once: true});
      button(row(el, 'c2')!, /^Reschedule/)!.click();
      await settle(el);
      expect(dialog.open).to.equal(false);
      // without inline-reschedule: events only
      el.inlineReschedule = false;
      await settle(el);
      button(row(el, 'c2')!, /^Reschedule/)!.click();
      await settle(el);
      expect(dialog.open).to.equal(false);
    });
  });

  describe('0.2: right in every host state (issue 14)', () => {
    /** waitUntil's default 1 s is short on a busy machine: conditions, not sleeps, so a long limit costs nothing. */
    const BUSY = {timeout: 5000};
    before(() => import('../../src/components/callback-scheduler/callback-scheduler.js'));
    const XAVIER: Contact = {id: 'contact-xavier', name: 'Xavier Hale', phones: []}; // no zone in the CRM
    const customerTime = (el: CallbackListElement, id: string) =>
      norm(row(el, id)?.querySelector('[part="customer-time"]')?.textContent);

    it("never takes the booking zone for the customer's: a Los Angeles number booked in the agent's zone", async () => {
      const clock = new ManualClock(NOW);
      const {el} = await mount({
        clock,
        contacts: [XAVIER],
        // booked by a New York agent in their own zone; the number is in San Francisco
        callbacks: [callback('la', {contactId: XAVIER.id, phone: '+14155267890', timeZone: 'America/New_York'})],
      });
      await waitUntil(() => customerTime(el, 'la') !== '', 'the phone chunk', BUSY);
      await settle(el);
      expect(customerTime(el, 'la')).to.equal('Customer: 7:00 AM PST');
    });

    it('takes customerTimeZones first (no phone chunk), then the CRM zone; an ambiguous number says so', async () => {
      const clock = new ManualClock(NOW);
      const ARI: Contact = {id: 'contact-ari', name: 'Ari Stone', timeZone: 'America/Phoenix', phones: []};
      const zoned = await mount({
        clock,
        contacts: [XAVIER, ARI],
        callbacks: [
          callback('given', {contactId: XAVIER.id, customerTimeZones: ['America/Chicago']}),
          callback('crm', {contactId: ARI.id, phone: '+14155267890', start: plus(NOW, 40)}),
        ],
      });
      expect(customerTime(zoned.el, 'given')).to.equal('Customer: 9:00 AM CST');
      expect(customerTime(zoned.el, 'crm')).to.equal('Customer: 8:30 AM MST'); // the CRM's zone, not the number's
      // every zone was known: the list never asked for the phone chunk, so the numbers stay in E.164
      expect(norm(row(zoned.el, 'given')!.querySelector('[part="phone"]')!.textContent)).to.equal(
        'Number +12124561987',
      );

      const idaho = await mount({
        clock,
        contacts: [XAVIER],
        callbacks: [callback('idaho', {contactId: XAVIER.id, phone: '+12084563817'})], // Pacific or Mountain
      });
      await waitUntil(() => customerTime(idaho.el, 'idaho') !== '', 'the phone chunk', BUSY);
      await settle(idaho.el);
      expect(customerTime(idaho.el, 'idaho')).to.equal('Customer: 7:00 AM–8:00 AM Pacific Time or Mountain Time');
      expect(norm(row(idaho.el, 'idaho')!.querySelector('[part="phone"]')!.textContent)).to.equal(
        'Number (208) 456-3817',
      );
    });

    it('Launch persists in-progress; a failure is shown in the row and retried with the same key, never fired twice', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('updateCallbackStatus');
      const update = sinon.spy(backend, 'updateCallbackStatus');
      const {el, events} = await mount({clock, backend});
      button(row(el, 'cb-demo-today')!, /^Launch/)!.click();
      await waitUntil(() => row(el, 'cb-demo-today')?.querySelector('.row__error[role="alert"]'), 'the error', BUSY);
      expect(events.launch).to.have.length(1);
      expect(update.firstCall.args.slice(0, 2)).to.deep.equal(['cb-demo-today', 'in-progress']);
      const key = update.firstCall.args[2].idempotencyKey;
      expect(key).to.be.a('string').and.not.equal('');
      const alert = row(el, 'cb-demo-today')!.querySelector('.row__error')!;
      expect(norm(alert.textContent)).to.contain('Could not save "In progress": The scheduling service is unavailable');
      expect(events.errors.map((e) => [e.detail.operation, e.detail.callback?.id])).to.deep.equal([
        ['status', 'cb-demo-today'],
      ]);
      expect(norm(row(el, 'cb-demo-today')!.querySelector('[part="status"]')!.textContent)).to.equal('In progress');
      await expect(el).to.be.accessible();

      button(alert, /^Try again$/)!.click();
      await waitUntil(() => !row(el, 'cb-demo-today')?.querySelector('.row__error'), 'the retry', BUSY);
      expect(update.callCount).to.equal(2);
      expect(update.secondCall.args[2].idempotencyKey).to.equal(key);
      const [saved] = (await backend.listCallbacks({agentId: 'agent-maria'})).filter((c) => c.id === 'cb-demo-today');
      expect(saved.status).to.equal('in-progress');
      expect(events.launch).to.have.length(1);
    });

    it('a status write cut off by a disconnect, or failed, is sent again with its key on reconnect and on resync', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1, latency: 40});
      let deliver: (e: BackendEvent) => void = () => undefined;
      const original = backend.subscribe.bind(backend);
      sinon.stub(backend, 'subscribe').callsFake((listener: (e: BackendEvent) => void) => {
        deliver = listener;
        return original(listener);
      });
      const update = sinon.spy(backend, 'updateCallbackStatus');
      const {el, events} = await mount({clock, backend});
      await waitUntil(() => row(el, 'cb-demo-today'), 'the rows', BUSY);
      const status = async (id: string) =>
        (await backend.listCallbacks({agentId: 'agent-maria'})).find((c) => c.id === id)?.status;

      button(row(el, 'cb-demo-today')!, /^Launch/)!.click();
      const parent = el.parentElement!;
      el.remove(); // the write is cut off (aborted) before the backend answers
      await waitUntil(
        async () => (await status('cb-demo-today')) === 'scheduled' && update.callCount === 1,
        'the cut-off write',
        BUSY,
      );
      parent.append(el);
      await waitUntil(async () => (await status('cb-demo-today')) === 'in-progress', 'the write on reconnect', BUSY);
      expect(update.callCount).to.equal(2);
      expect(update.secondCall.args[2].idempotencyKey).to.equal(update.firstCall.args[2].idempotencyKey);

      backend.failNext('updateCallbackStatus');
      await waitUntil(() => row(el, 'cb-demo-tomorrow'), 'the rows', BUSY);
      button(row(el, 'cb-demo-tomorrow')!, /^Launch/)!.click();
      await waitUntil(() => row(el, 'cb-demo-tomorrow')?.querySelector('.row__error'), 'the error', BUSY);
      deliver({type: 'resync'});
      await waitUntil(async () => (await status('cb-demo-tomorrow')) === 'in-progress', 'the write on resync', BUSY);
      expect(update.callCount).to.equal(4);
      expect(update.getCall(3).args[2].idempotencyKey).to.equal(update.getCall(2).args[2].idempotencyKey);
      expect(events.launch.map((e) => e.detail.callback.id)).to.deep.equal(['cb-demo-today', 'cb-demo-tomorrow']);
    });

    it('a followup expiry is persisted: a reload (a fresh list on the same backend) never fires callback-expired again', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const update = sinon.spy(backend, 'updateCallbackStatus');
      const first = await mount({clock, backend});
      clock.advance({minutes: 16}); // the followup started at 10:00 and expired at 10:05
      expect(first.events.expired.map((e) => e.detail.callback.id)).to.deep.equal(['cb-demo-followup']);
      await waitUntil(
        async () => {
          const rows = await backend.listCallbacks({agentId: 'agent-maria'});
          return rows.find((c) => c.id === 'cb-demo-followup')?.status === 'expired';
        },
        'the persisted expiry',
        BUSY,
      );
      expect(update.firstCall.args.slice(0, 2)).to.deep.equal(['cb-demo-followup', 'expired']);
      first.el.remove();

      const reload = await mount({clock, backend});
      clock.advance({minutes: 30});
      await settle(reload.el);
      expect(reload.events.expired).to.have.length(0);
      expect(norm(row(reload.el, 'cb-demo-followup')!.querySelector('[part="status"]')!.textContent)).to.equal(
        'Expired',
      );
      expect(update.callCount).to.equal(1);
    });

    it('reloads on resync (events were missed), keeping the agent on their row', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      let deaf = false;
      let deliver: (e: BackendEvent) => void = () => undefined;
      const original = backend.subscribe.bind(backend);
      sinon.stub(backend, 'subscribe').callsFake((listener: (e: BackendEvent) => void) => {
        deliver = listener;
        return original((e) => deaf || listener(e)); // deaf: a connection that lost events
      });
      const list = sinon.spy(backend, 'listCallbacks');
      const {el} = await mount({clock, backend});
      row(el, 'cb-demo-tomorrow')!.focus();
      deaf = true;
      await backend.cancelCallback('cb-demo-today'); // missed
      deaf = false;
      await settle(el);
      expect(row(el, 'cb-demo-today')).to.not.equal(null);
      deliver({type: 'resync'});
      await waitUntil(() => !row(el, 'cb-demo-today'), 'the reload', BUSY);
      await settle(el);
      expect(list.callCount).to.equal(2);
      expect(el.shadowRoot!.activeElement).to.equal(row(el, 'cb-demo-tomorrow'));
      // callback-changed still updates rows as before
      await backend.cancelCallback('cb-demo-web');
      await settle(el);
      expect(row(el, 'cb-demo-web')).to.equal(null);
    });

    it('isolates names: an unterminated U+202E in a name cannot reverse the text after it', async () => {
      const clock = new ManualClock(NOW);
      const spoof = 'Eve \u202Eevil';
      const sneaky = 'Max \u2069\u202Emore'; // tries to close the isolate early with a PDI
      const {el} = await mount({
        clock,
        contacts: [
          {id: 'contact-eve', name: spoof, phones: []},
          {id: 'contact-max', name: sneaky, phones: []},
        ],
        callbacks: [
          callback('c1', {contactId: 'contact-eve', start: plus(NOW, 5)}),
          callback('c2', {contactId: 'contact-max', start: plus(NOW, 60)}),
        ],
      });
      // the toast: the name is a <bdi>, the rest of the sentence is outside it
      const text = $(el, '.toast__text')!;
      const bdi = text.querySelector('bdi')!;
      expect(bdi.textContent).to.equal(spoof);
      expect(text.firstElementChild).to.equal(bdi);
      let after = '';
      for (let node = bdi.nextSibling; node; node = node.nextSibling) {
        if (node.nodeType !== Node.COMMENT_NODE) after += node.textContent; // Lit's markers are comments
      }
      expect(norm(after)).to.equal(', Personal, at 9:55 AM.');
      // the row shows it isolated; labels and titles carry FSI…PDI
      expect(row(el, 'c1')!.querySelector('[part="customer"] bdi')!.textContent).to.equal(spoof);
      expect(row(el, 'c1')!.querySelector('[part="customer"]')!.getAttribute('title')).to.equal(`\u2068${spoof}\u2069`);
      const launch = [...row(el, 'c1')!.querySelectorAll('button')].find((b) => /^Launch/.test(b.textContent!.trim()))!;
      expect(launch.getAttribute('aria-label')).to.equal(`Launch callback to \u2068${spoof}\u2069`);
      expect(row(el, 'c1')!.getAttribute('aria-label')!.startsWith(`\u2068${spoof}\u2069, `)).to.equal(true);
      // a PDI inside a name is dropped: it cannot end the isolate before the name does
      expect(row(el, 'c2')!.getAttribute('aria-label')!.startsWith('\u2068Max \u202Emore\u2069, ')).to.equal(true);
      // the live announcement
      launch.click();
      await settle(el);
      expect($(el, '.visually-hidden[role="status"]')!.textContent).to.equal(
        `Callback to \u2068${spoof}\u2069 launched: in progress.`,
      );
      // the cancel dialog
      button(row(el, 'c2')!, /^Cancel/)!.click();
      await settle(el);
      const confirm = $(el, '#confirm-text')!;
      expect(confirm.querySelector('bdi')!.textContent).to.equal('Max \u202Emore');
      expect(norm(confirm.textContent)).to.match(/ on Mon, Nov 23, 10:50 AM EST will be canceled/);
    });

    /** A backend with everything but `listContacts`: the list cannot name customers from a contacts list. */
    function withoutContactsList(backend: MemoryBackend): SchedulingBackend {
      return {
        getAvailability: (q, o) => backend.getAvailability(q, o),
        scheduleCallback: (r, o) => backend.scheduleCallback(r, o),
        rescheduleCallback: (id, r, o) => backend.rescheduleCallback(id, r, o),
        cancelCallback: (id, o) => backend.cancelCallback(id, o),
        listCallbacks: (q, o) => backend.listCallbacks(q, o),
        listCampaigns: (q, o) => backend.listCampaigns(q, o),
        requestLogout: (q) => backend.requestLogout(q),
        getContact: (id, o) => backend.getContact(id, o),
        updateCallbackStatus: (id, status, o) => backend.updateCallbackStatus(id, status, o),
        subscribe: (listener) => backend.subscribe(listener),
      };
    }

    it('a server that does not serve contacts: the list says why customers are unnamed, never silently', async () => {
      const {UnsupportedOperationError} = await import('../../src/core/http-backend.js');
      const clock = new ManualClock(NOW);
      const backend = {
        ...withoutContactsList(new MemoryBackend({clock, seed: 1})),
        listContacts: () =>
          Promise.reject(new UnsupportedOperationError('listContacts', 'GET /contacts', 404, 'serve contacts')),
      };
      const {el, events} = await mount({clock, backend});
      expect(norm(row(el, 'cb-demo-today')!.querySelector('[part="customer"]')!.textContent)).to.equal(
        'Unknown customer',
      );
      expect(norm($(el, '[role="alert"]')!.textContent)).to.equal(
        'Customer names could not be loaded. This server does not serve contacts (GET /contacts).',
      );
      expect(events.errors.map((e) => [e.detail.operation, e.detail.error.name])).to.deep.equal([
        ['load', 'UnsupportedOperationError'],
      ]);
      await expect(el).to.be.accessible();
    });

    /** Reschedules `id` from the list's dialog to `start` (same day) with the real <callback-scheduler>. */
    async function rescheduleInline(el: CallbackListElement, id: string, start: string) {
      button(row(el, id)!, /^Reschedule/)!.click();
      await settle(el);
      const scheduler = $(el, 'dialog.reschedule callback-scheduler') as HTMLElement & {
        updateComplete: Promise<boolean>;
      };
      const cell = () =>
        scheduler.shadowRoot
          ?.querySelector('timeslot-grid')
          ?.shadowRoot?.querySelector<HTMLElement>(`[data-key="${Date.parse(start)}"]`);
      await waitUntil(() => cell(), 'the slot in the scheduler', {timeout: 5000});
      cell()!.click();
      await scheduler.updateComplete;
      scheduler.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      return scheduler;
    }

    async function listIn(session: Element) {
      const el = session.querySelector('callback-list')!;
      await settle(el);
      await waitUntil(() => rows(el).length > 0, 'the rows', BUSY);
      return el;
    }

    it("Reschedule during a call with another customer keeps the callback's own contact and phone (backend row)", async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const ethan = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-ethan')!);
      const session = await fixture(html`
        <agent-session
          .agent=${MARIA}
          .backend=${backend}
          .clock=${clock}
          .interaction=${{contact: ethan, phone: ethan.phones[1]}}
        >
          <callback-list locale="en-US" inline-reschedule></callback-list>
        </agent-session>
      `);
      const el = await listIn(session);
      const moved = oneEvent(el, 'callback-rescheduled');
      await rescheduleInline(el, 'cb-demo-tomorrow', '2026-11-24T18:00:00Z'); // Ava, Phoenix
      await moved;
      const [saved] = (await backend.listCallbacks({agentId: 'agent-maria'})).filter(
        (c) => c.id === 'cb-demo-tomorrow',
      );
      expect(saved).to.include({contactId: 'contact-ava', phone: '+16022531176', start: '2026-11-24T18:00:00Z'});
    });

    it('inline reschedule with only the callback (no interaction, no contacts list): the scheduler loads its contact', async () => {
      const clock = new ManualClock(NOW);
      const memory = new MemoryBackend({clock, seed: 1});
      const backend = withoutContactsList(memory);
      const getContact = sinon.spy(backend, 'getContact');
      const session = await fixture(html`
        <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}>
          <callback-list locale="en-US" inline-reschedule></callback-list>
        </agent-session>
      `);
      const el = await listIn(session);
      const scheduler = await rescheduleInline(el, 'cb-demo-tomorrow', '2026-11-24T18:00:00Z');
      try {
        await waitUntil(
          async () =>
            (await memory.listCallbacks({agentId: 'agent-maria'})).find((c) => c.id === 'cb-demo-tomorrow')?.start ===
            '2026-11-24T18:00:00Z',
          "the reschedule to be saved (the scheduler must load the callback's contact with backend.getContact)",
          {timeout: 4000},
        );
      } catch (error) {
        const shown = norm(scheduler.shadowRoot?.querySelector('[role="alert"]')?.textContent);
        throw new Error(`${(error as Error).message}. The scheduler says: "${shown}"`);
      }
      expect(getContact.calledWith('contact-ava')).to.equal(true);
      const [saved] = (await memory.listCallbacks({agentId: 'agent-maria'})).filter((c) => c.id === 'cb-demo-tomorrow');
      expect(saved).to.include({contactId: 'contact-ava', phone: '+16022531176', start: '2026-11-24T18:00:00Z'});
    });
  });
});
