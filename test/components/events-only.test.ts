// The events-only integration as docs/events-only.md describes it, element by element: the host's answer through
// detail.respondWith, the exact message when the host never answers (the default timeouts, on fake timers), the
// message when nobody handles a request, and vetoes. The elements' own test files cover the rest.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import sinon from 'sinon';
import '../../src/components/callback-list/callback-list.js';
import type {CallbackListElement} from '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import type {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import {loadPreviewRecords} from '../../src/components/campaign-list/preview-records.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import type {LogoutCountdownElement} from '../../src/components/logout-countdown/logout-countdown.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {HostTimeoutError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Agent, Callback, Campaign, Contact} from '../../src/core/types.js';
import {setupIgnoreResizeObserverLoopErrors} from '../support/resize-observer-loop.js';
import '../support/fresh-storage.js';

const NOW = '2026-06-15T13:00:00Z'; // Monday 09:00 in New York
const AGENT: Agent = {id: 'agent-ada', name: 'Ada Park', timeZone: 'America/New_York', locale: 'en-US'};
const CONTACT: Contact = {id: 'crm-4711', name: 'Grace Hopper', phones: [{number: '+14155267890', type: 'mobile'}]};
const CALLBACK: Callback = {
  id: 'cb-1',
  contactId: CONTACT.id,
  phone: '+14155267890',
  type: 'personal',
  ownerAgentId: AGENT.id,
  start: '2026-06-16T16:00:00Z',
  end: '2026-06-16T16:30:00Z',
  timeZone: 'America/New_York',
  kind: 'callback',
  status: 'scheduled',
  createdAt: NOW,
  updatedAt: NOW,
};
const PREVIEW: Campaign = {
  id: 'camp-preview',
  name: 'Preview Renewals',
  status: 'running',
  dialingMode: 'preview',
  deliveryMode: 'manual',
  startedAt: '2026-06-15T12:00:00Z',
};

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const shadowText = (el: Element, selector: string) => norm(el.shadowRoot!.querySelector(selector)?.textContent);
const grid = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid')!;

/** Fake setTimeout that still advances with real time (so waitUntil works) and jumps on tick(). */
const fakeTimers = () =>
  sinon.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    shouldAdvanceTime: true,
  });

describe('events-only integration (docs/events-only.md)', () => {
  // The lists are virtualized: rows are measured after layout, and the benign "ResizeObserver loop" message is expected.
  setupIgnoreResizeObserverLoopErrors(beforeEach, afterEach);
  let timers: sinon.SinonFakeTimers | undefined;

  afterEach(() => {
    timers?.restore();
    timers = undefined;
  });

  describe('<callback-scheduler>', () => {
    async function scheduler(listeners: Record<string, (e: Event) => void>, backend?: MemoryBackend) {
      const clock = new ManualClock(NOW);
      const el = document.createElement('callback-scheduler');
      Object.assign(el, {clock, agent: AGENT, contact: CONTACT, backend});
      for (const [type, listener] of Object.entries(listeners)) el.addEventListener(type, listener);
      await fixture(html`<div>${el}</div>`);
      await el.updateComplete;
      return el;
    }

    it('availability-request: a host that never answers gets the timeout message in the grid, and Try again asks again', async () => {
      timers = fakeTimers();
      const requests: Event[] = [];
      const el = await scheduler({
        'availability-request': (e) => {
          requests.push(e);
          (e as GlobalEventHandlersEventMap['availability-request']).detail.respondWith(new Promise(() => {}));
        },
      });
      await waitUntil(() => requests.length === 1, 'no availability-request', {timeout: 5000});
      timers.tick(30_000);
      await waitUntil(() => !!grid(el).error, 'no timeout shown', {timeout: 5000});
      await grid(el).updateComplete;
      expect(shadowText(grid(el), '.message--error span')).to.equal(
        'No answer to availability-request within 30 seconds. Try again.',
      );
      await expect(el).to.be.accessible();
      grid(el).shadowRoot!.querySelector<HTMLButtonElement>('.message--error button')!.click();
      await waitUntil(() => requests.length === 2, 'Try again did not ask again', {timeout: 5000});
    });

    it('callback-submit: the host answer wins over preventDefault and the backend, which is not called', async () => {
      const backend = new MemoryBackend({
        clock: new ManualClock(NOW),
        seed: 3,
        demo: false,
        agents: [AGENT],
        contacts: [CONTACT],
      });
      const schedule = sinon.spy(backend, 'scheduleCallback');
      const el = await scheduler(
        {
          'callback-submit': (e) => {
            const {detail} = e as GlobalEventHandlersEventMap['callback-submit'];
            e.preventDefault();
            detail.respondWith({...detail.request, id: 'crm-1', status: 'scheduled', createdAt: NOW, updatedAt: NOW});
            expect(() => detail.respondWith({} as Callback)).to.throw(
              'respondWith() was already called for this event.',
            );
          },
        },
        backend,
      );
      await waitUntil(() => !!grid(el).value, 'no slot preselected', {timeout: 5000});
      const scheduled = oneEvent(el, 'callback-scheduled');
      await el.submit();
      expect((await scheduled).detail.callback.id).to.equal('crm-1');
      expect(schedule.called).to.equal(false);
    });

    it('callback-submit: a host that never answers gets the timeout message and a Retry with the same key', async () => {
      const keys: string[] = [];
      const el = await scheduler({
        'availability-request': (e) =>
          (e as GlobalEventHandlersEventMap['availability-request']).detail.respondWith([
            {start: '2026-06-15T17:00:00Z', end: '2026-06-15T17:30:00Z', available: true},
          ]),
        'callback-submit': (e) => {
          const {detail} = e as GlobalEventHandlersEventMap['callback-submit'];
          keys.push(detail.idempotencyKey);
          detail.respondWith(new Promise<Callback>(() => {}));
        },
      });
      await waitUntil(() => grid(el).value === '2026-06-15T17:00:00Z', 'no slot', {timeout: 5000});
      timers = fakeTimers();
      const failed = oneEvent(el, 'callback-schedule-error');
      const saving = el.submit();
      await waitUntil(() => keys.length === 1, 'no callback-submit'); // Save may first download its chunk (issue 17)
      timers.tick(30_000);
      await saving;
      expect((await failed).detail.error).to.be.instanceOf(HostTimeoutError);
      await el.updateComplete;
      // The host may have saved it after all: the agent is told so, and that Retry cannot create a second callback.
      expect(shadowText(el, '[role="alert"] span')).to.equal(
        'The callback may not have been saved: No answer to callback-submit within 30 seconds. Try again. Retry is safe: it never creates a second callback. Your entries are kept.',
      );
      await expect(el).to.be.accessible();
      const retried = el.submit();
      await waitUntil(() => keys.length === 2, 'no second callback-submit');
      timers.tick(30_000);
      await retried;
      expect(keys).to.have.length(2);
      expect(keys[1]).to.equal(keys[0]);
    });

    it('callback-submit: detail.veto(reason) shows why, preventDefault() alone a general message; the form stays, no backend call', async () => {
      const backend = new MemoryBackend({
        clock: new ManualClock(NOW),
        seed: 3,
        demo: false,
        agents: [AGENT],
        contacts: [CONTACT],
      });
      const schedule = sinon.spy(backend, 'scheduleCallback');
      let veto = (e: GlobalEventHandlersEventMap['callback-submit']) => e.detail.veto('Finish the call wrap-up first.');
      const el = await scheduler(
        {'callback-submit': (e) => veto(e as GlobalEventHandlersEventMap['callback-submit'])},
        backend,
      );
      await waitUntil(() => !!grid(el).value, 'no slot preselected', {timeout: 5000});
      const notes = el.shadowRoot!.querySelector('textarea')!;
      notes.value = 'Wants a call after 5 pm';
      notes.dispatchEvent(new Event('input'));
      const chosen = grid(el).value;

      expect(await el.submit()).to.equal(undefined);
      await el.updateComplete;
      expect(shadowText(el, '[role="alert"] span')).to.equal(
        'The callback could not be saved: Finish the call wrap-up first. Your entries are kept.',
      );
      await expect(el).to.be.accessible();

      veto = (e) => e.preventDefault();
      expect(await el.submit()).to.equal(undefined);
      await el.updateComplete;
      expect(shadowText(el, '[role="alert"] span')).to.equal(
        'The callback could not be saved: Your CRM did not accept it. Your entries are kept.',
      );

      veto = (e) => e.veto('Save the call notes first.'); // on the event too, as logout-request has it
      await el.submit();
      await el.updateComplete;
      expect(shadowText(el, '[role="alert"] span')).to.equal(
        'The callback could not be saved: Save the call notes first. Your entries are kept.',
      );
      expect(schedule.called).to.equal(false);
      expect(notes.value).to.equal('Wants a call after 5 pm');
      expect(grid(el).value).to.equal(chosen);
    });
  });

  describe('<callback-list>', () => {
    async function list(listener?: (e: GlobalEventHandlersEventMap['callback-cancel-request']) => void) {
      const el = await fixture<CallbackListElement>(html`
        <callback-list
          .clock=${new ManualClock(NOW)}
          .agent=${AGENT}
          .callbacks=${[CALLBACK]}
          .contacts=${[CONTACT]}
          @callback-cancel-request=${listener}
        ></callback-list>
      `);
      await waitUntil(() => el.shadowRoot!.querySelector('article[data-id="cb-1"]'), 'no row', {timeout: 5000});
      return el;
    }

    async function confirmCancel(el: CallbackListElement) {
      el.shadowRoot!.querySelector<HTMLButtonElement>('article[data-id="cb-1"] .action--cancel')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('dialog.confirm .action--danger')!.click();
      await el.updateComplete;
    }

    it('callback-cancel-request: a host that never answers gets the timeout message in the dialog', async () => {
      const el = await list((e) => e.detail.respondWith(new Promise<void>(() => {})));
      timers = fakeTimers();
      const failed = oneEvent(el, 'callback-list-error');
      await confirmCancel(el);
      timers.tick(30_000);
      const {detail} = await failed;
      expect(detail.operation).to.equal('cancel');
      expect(detail.error).to.be.instanceOf(HostTimeoutError);
      await el.updateComplete;
      expect(shadowText(el, 'dialog.confirm [role="alert"]')).to.equal(
        'The callback could not be canceled: No answer to callback-cancel-request within 30 seconds. Try again.',
      );
      await expect(el).to.be.accessible();
      expect(el.shadowRoot!.querySelector('article[data-id="cb-1"]')).not.to.equal(null);
    });

    it('callback-cancel-request: unanswered without a backend says nothing handled it; a veto keeps the callback', async () => {
      const el = await list();
      await confirmCancel(el);
      await waitUntil(() => el.shadowRoot!.querySelector('dialog.confirm [role="alert"]'), 'no error', {timeout: 5000});
      expect(shadowText(el, 'dialog.confirm [role="alert"]')).to.equal(
        'The callback could not be canceled: Nothing handled callback-cancel-request: give the element a backend or answer the event with detail.respondWith(promise).',
      );

      const vetoed = await list((e) => e.preventDefault());
      let canceled = false;
      vetoed.addEventListener('callback-canceled', () => (canceled = true));
      const dialog = vetoed.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')!;
      await confirmCancel(vetoed);
      await waitUntil(() => !dialog.open, 'the dialog stays open', {timeout: 5000});
      expect(vetoed.shadowRoot!.querySelector('article[data-id="cb-1"]')).not.to.equal(null);
      expect(norm(vetoed.shadowRoot!.textContent)).to.contain('The callback was kept.');
      expect(canceled).to.equal(false);
    });
  });

  describe('<campaign-list>', () => {
    it('preview-record-request: a host that never answers gets the timeout message, and detail.signal aborts', async () => {
      let signal: AbortSignal | undefined;
      const el = await fixture<CampaignListElement>(html`
        <campaign-list
          .clock=${new ManualClock(NOW)}
          .agent=${AGENT}
          .campaigns=${[PREVIEW]}
          @preview-record-request=${(e: GlobalEventHandlersEventMap['preview-record-request']) => {
            signal = e.detail.signal;
            e.detail.respondWith(new Promise(() => {}));
          }}
        ></campaign-list>
      `);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="record-button"]'), 'no Get next record button', {
        timeout: 5000,
      });
      await loadPreviewRecords(); // a lazy chunk (loaded on intent): there before the clock is faked
      timers = fakeTimers();
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="record-button"]')!.click();
      await el.updateComplete;
      timers.tick(15_000);
      await waitUntil(() => signal?.aborted, 'signal not aborted', {timeout: 5000});
      await el.updateComplete;
      expect(shadowText(el, '[part~="record-result"]')).to.equal('No record arrived within 15 seconds. Try again.');
      await expect(el).to.be.accessible();
    });
  });

  describe('<logout-countdown>', () => {
    async function countdown(listener: (e: GlobalEventHandlersEventMap['logout-request']) => void) {
      const el = await fixture<LogoutCountdownElement>(html`
        <logout-countdown .clock=${new ManualClock(NOW)} .agent=${AGENT} @logout-request=${listener}></logout-countdown>
      `);
      return el;
    }

    it('logout-request: a host that never answers gets the timeout message; the agent stays logged in', async () => {
      const el = await countdown((e) => e.detail.respondWith(new Promise(() => {})));
      timers = fakeTimers();
      const asking = el.requestLogout();
      timers.tick(30_000);
      expect(await asking).to.equal('error');
      await el.updateComplete;
      expect(shadowText(el, '[part="error"] [role="alert"]')).to.equal(
        'Logout failed. No answer to logout-request within 30 seconds. Try again. You are still logged in.',
      );
      await expect(el).to.be.accessible();
    });

    it('logout-request: the veto wins over respondWith, and says why', async () => {
      const el = await countdown((e) => {
        e.detail.respondWith({authorized: true});
        e.veto('Save your call notes first.');
      });
      let authorized = false;
      el.addEventListener('logout-authorized', () => (authorized = true));
      expect(await el.requestLogout()).to.equal('idle');
      await el.updateComplete;
      expect(shadowText(el, '[part="note"]')).to.equal('Logout stopped: Save your call notes first.');
      await expect(el).to.be.accessible();
      expect(authorized).to.equal(false);
    });
  });
});
