import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/agent-session/agent-session.js';
import {
  LogoutCountdownElement,
  type LogoutCancelingBackend,
} from '../../src/components/logout-countdown/logout-countdown.js';
import type {BackendEvent, LogoutDecision, SchedulingBackend} from '../../src/core/backend.js';
import {ManualClock, type Clock} from '../../src/core/clock.js';
import {BackendUnavailableError, ValidationError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Agent} from '../../src/core/types.js';
import type {LogoutAuthorizedEvent} from '../../src/events/logout-authorized.js';
import type {LogoutCanceledEvent} from '../../src/events/logout-canceled.js';
import type {LogoutErrorEvent} from '../../src/events/logout-error.js';
import type {LogoutRequestEvent} from '../../src/events/logout-request.js';
import {HostTimeoutError, NoHandlerError} from '../../src/core/errors.js';

const T0 = '2026-06-15T13:00:00Z'; // 9:00 AM in New York
const MARIA: Agent = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const at = (seconds: number) => Temporal.Instant.from(T0).add({seconds}).toString();

/** Intl puts narrow no-break spaces before AM/PM; the element alternates a trailing no-break space. */
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A backend whose logout answers and events the test scripts; everything else is the MemoryBackend's. */
class ScriptedBackend extends MemoryBackend {
  answers: Array<LogoutDecision | Error> = [];
  listeners = new Set<(e: BackendEvent) => void>();
  cancelStub = sinon.stub<[{agentId: string}], Promise<void>>().resolves();

  override cancelLogout(q: {agentId: string}): Promise<void> {
    return this.cancelStub(q);
  }

  override async requestLogout(_q: {agentId: string}): Promise<LogoutDecision> {
    const next = this.answers.shift() ?? {authorized: true};
    if (next instanceof Error) throw next;
    return next;
  }

  override subscribe(listener: (e: BackendEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BackendEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

const root = (el: LogoutCountdownElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: LogoutCountdownElement, selector: string) =>
  root(el).querySelector<T & Element>(selector) as T | null;
const text = (node: Element | null) => norm(node?.textContent);
const liveRegion = (el: LogoutCountdownElement) => $(el, '[role="status"]')!;
const said = (el: LogoutCountdownElement) => text(liveRegion(el));
const panel = (el: LogoutCountdownElement) => $(el, '[part="panel"]');
const panelTime = (el: LogoutCountdownElement) => text($(el, '[part="panel"] [part="countdown"]'));
const chip = (el: LogoutCountdownElement) => $<HTMLButtonElement>(el, '[part="chip"]');
const button = (el: LogoutCountdownElement, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => norm(b.textContent) === name) ?? null;
const focused = (el: LogoutCountdownElement) => root(el).activeElement as HTMLElement | null;

/** Lets promise chains (backend answers) settle without timers, then waits for the render. */
async function flush(el: LogoutCountdownElement) {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await el.updateComplete;
}

async function advance(el: LogoutCountdownElement, clock: ManualClock, duration: Temporal.DurationLike) {
  clock.advance(duration);
  await flush(el);
}

async function mount(backend: MemoryBackend | undefined, clock: Clock, options: {agent?: Agent | null} = {}) {
  const agent = options.agent === null ? undefined : (options.agent ?? MARIA);
  const el = await fixture<LogoutCountdownElement>(
    html`<logout-countdown .backend=${backend} .clock=${clock} .agent=${agent} locale="en-US"></logout-countdown>`,
  );
  await el.updateComplete;
  return el;
}

/** Counts the events of a type fired by `el` from now on. */
function record<T extends Event>(el: LogoutCountdownElement, type: string): T[] {
  const events: T[] = [];
  el.addEventListener(type, (e) => events.push(e as T));
  return events;
}

function setVisibility(state: 'hidden' | 'visible') {
  if (state === 'visible') delete (document as {visibilityState?: unknown}).visibilityState;
  else Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => state});
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<logout-countdown>', () => {
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock(T0);
  });

  afterEach(() => {
    sinon.restore();
    delete (document as {visibilityState?: unknown}).visibilityState;
  });

  describe('requesting', () => {
    it('shows a Log out button; no-button hides it and requestLogout() still works', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      const el = await mount(backend, clock);
      expect(button(el, 'Log out')).to.not.equal(null);
      await expect(el).to.be.accessible();

      el.noButton = true;
      await el.updateComplete;
      expect(root(el).querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
      expect(await el.requestLogout()).to.equal('authorized');
    });

    it('authorized at once: logout-request, one backend call, logout-authorized and a confirmation', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      const ask = sinon.spy(backend, 'requestLogout');
      const el = await mount(backend, clock);
      const authorized = record<LogoutAuthorizedEvent>(el, 'logout-authorized');

      const requested = oneEvent(el, 'logout-request') as Promise<LogoutRequestEvent>;
      button(el, 'Log out')!.focus();
      button(el, 'Log out')!.click();
      const request = await requested;
      expect(request.cancelable).to.equal(true);
      expect(request.bubbles && request.composed).to.equal(true);
      expect(request.detail.agentId).to.equal('agent-maria');
      expect(request.detail.trigger).to.equal('request');
      expect(request.detail.hasBackend).to.equal(true);
      await flush(el);

      expect(ask.callCount).to.equal(1);
      expect(ask.firstCall.args[0]).to.deep.equal({agentId: 'agent-maria'});
      expect(authorized).to.have.length(1);
      expect(authorized[0].detail).to.deep.equal({agentId: 'agent-maria', deferred: false, source: 'response'});
      expect(el.logoutState).to.equal('authorized');
      expect(text($(el, '[part="confirmation"]'))).to.contain('Logoff authorized. You are being logged out.');
      expect(said(el)).to.equal('Logoff authorized. You are being logged out.');
      expect(focused(el)?.getAttribute('part')).to.equal('confirmation');
      await expect(el).to.be.accessible();

      // already authorized: nothing more is asked
      expect(await el.requestLogout()).to.equal('authorized');
      expect(ask.callCount).to.equal(1);
      el.reset();
      await el.updateComplete;
      expect(el.logoutState).to.equal('idle');
      expect(button(el, 'Log out')).to.not.equal(null);
    });

    it('never asks twice while a request is in flight (double click, repeated requestLogout())', async () => {
      const backend = new MemoryBackend({clock, seed: 1, latency: 30});
      const ask = sinon.spy(backend, 'requestLogout');
      const el = await mount(backend, clock);
      const logout = button(el, 'Log out')!;
      logout.click();
      await el.updateComplete;
      const busy = button(el, 'Requesting logout…')!;
      expect(busy.getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '.base')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      busy.click();
      void el.requestLogout();
      await waitUntil(() => el.logoutState === 'authorized', 'the logout was never authorized');
      await flush(el);
      expect(ask.callCount).to.equal(1);
      expect(el.logoutState).to.equal('authorized');
    });

    it('works inside <agent-session>: agent and clock come from the session', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 30);
      const ask = sinon.spy(backend, 'requestLogout');
      const session = await fixture(html`
        <agent-session agent-id="agent-maria" .backend=${backend} .clock=${clock}>
          <logout-countdown locale="en-US"></logout-countdown>
        </agent-session>
      `);
      const el = session.querySelector('logout-countdown')!;
      await el.updateComplete;
      expect(await el.requestLogout()).to.equal('deferred');
      expect(ask.firstCall.args[0]).to.deep.equal({agentId: 'agent-maria'});
      await el.updateComplete;
      expect(panelTime(el)).to.equal('00:30');
      await advance(el, clock, {seconds: 12});
      expect(panelTime(el)).to.equal('00:18');
    });
  });

  describe('host veto', () => {
    it('preventDefault stops the logout before the backend is asked and says so', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      const ask = sinon.spy(backend, 'requestLogout');
      const el = await mount(backend, clock);
      const authorized = record(el, 'logout-authorized');
      el.addEventListener('logout-request', (e) => e.preventDefault());
      expect(await el.requestLogout()).to.equal('idle');
      await el.updateComplete;
      expect(ask.callCount).to.equal(0);
      expect(authorized).to.have.length(0);
      expect(text($(el, '[part="note"]'))).to.equal('Logout stopped by the application.');
      expect(said(el)).to.equal('Logout stopped by the application.');
      expect(button(el, 'Log out')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('veto(reason) tells the agent why', async () => {
      const el = await mount(new MemoryBackend({clock, seed: 1}), clock);
      el.addEventListener('logout-request', (e) => e.veto('Save your call notes first.'));
      await el.requestLogout();
      await el.updateComplete;
      expect(text($(el, '[part="note"]'))).to.equal('Logout stopped: Save your call notes first.');
    });

    it('a veto when asking again gives up the deferral and tells the backend', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [{authorized: false, notBefore: at(8), reason: 'A predictive call is being set up for you.'}];
      const el = await mount(backend, clock);
      const triggers: string[] = [];
      el.addEventListener('logout-request', (e) => {
        triggers.push(e.detail.trigger);
        if (e.detail.trigger === 'recheck') e.veto('Unsaved notes.');
      });
      await el.requestLogout();
      await advance(el, clock, {seconds: 8});
      expect(triggers).to.deep.equal(['request', 'recheck']);
      expect(el.logoutState).to.equal('idle');
      expect(text($(el, '[part="note"]'))).to.equal('Logout stopped: Unsaved notes.');
      expect(backend.cancelStub.calledOnceWith({agentId: 'agent-maria'})).to.equal(true);
      expect(backend.listeners.size).to.equal(0);
    });
  });

  describe('deferred', () => {
    it('shows the panel with the reason, a live mm:ss countdown and the expected time', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 125);
      const el = await mount(backend, clock);
      button(el, 'Log out')!.focus();
      expect(await el.requestLogout()).to.equal('deferred');
      await el.updateComplete;

      expect(el.notBefore).to.equal(at(125));
      expect(el.logoutState).to.equal('deferred');
      expect(el.matches(':state(deferred)') && !el.matches(':state(idle)')).to.equal(true);
      expect(text($(el, '[part="title"]'))).to.equal('Awaiting logoff authorization');
      expect(text($(el, '[part="reason"]'))).to.match(/^A (predictive|progressive) call is being set up for you/);
      expect(panelTime(el)).to.equal('02:05');
      expect(text($(el, '[part="expected"]'))).to.equal('Expected at 9:02:05 AM. You stay logged in until then.');
      expect(panel(el)!.getAttribute('role')).to.equal('group');
      expect(panel(el)!.getAttribute('aria-labelledby')).to.equal('title');
      expect(focused(el)).to.equal(panel(el));
      // the visible countdown is a timer, outside every live region: it is never re-announced each second
      const timer = $(el, '[role="timer"]')!;
      expect(timer.getAttribute('aria-label')).to.equal('Time left');
      expect(timer.closest('[aria-live], [role="status"], [role="alert"], [role="log"]')).to.equal(null);
      await expect(el).to.be.accessible();

      await advance(el, clock, {seconds: 1});
      expect(panelTime(el)).to.equal('02:04');
      await advance(el, clock, {milliseconds: 64_500});
      expect(panelTime(el)).to.equal('01:00'); // 59.5 s left rounds up
      await advance(el, clock, {milliseconds: 500});
      expect(panelTime(el)).to.equal('00:59');
      await expect(el).to.be.accessible();
    });

    it('authorized by the backend event at notBefore: one logout-authorized and a confirmation', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 8);
      const el = await mount(backend, clock);
      const authorized = record<LogoutAuthorizedEvent>(el, 'logout-authorized');
      await el.requestLogout();
      await advance(el, clock, {seconds: 7});
      expect(panelTime(el)).to.equal('00:01');
      expect(authorized).to.have.length(0);
      await advance(el, clock, {seconds: 1});
      expect(authorized).to.have.length(1);
      expect(authorized[0].detail).to.include({agentId: 'agent-maria', deferred: true, notBefore: at(8)});
      expect(el.logoutState).to.equal('authorized');
      expect(text($(el, '[part="confirmation"]'))).to.contain('Logoff authorized.');
      await advance(el, clock, {seconds: 30});
      expect(authorized).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it("takes the backend's logout-authorized event before notBefore, and ignores other agents' events", async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [{authorized: false, notBefore: at(60), reason: 'A call is being set up for you.'}];
      const el = await mount(backend, clock);
      const authorized = record<LogoutAuthorizedEvent>(el, 'logout-authorized');
      await el.requestLogout();
      await advance(el, clock, {seconds: 20});
      backend.emit({type: 'logout-authorized', agentId: 'agent-james'});
      await el.updateComplete;
      expect(el.logoutState).to.equal('deferred');
      backend.emit({type: 'logout-authorized', agentId: 'agent-maria'});
      await el.updateComplete;
      expect(authorized).to.have.length(1);
      expect(authorized[0].detail.source).to.equal('backend-event');
      expect(said(el)).to.equal('Logoff authorized. You are being logged out.');
      expect(backend.listeners.size).to.equal(0);
    });

    it('asks again when the countdown ends: still refused shows the new notBefore, then authorized', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [
        {authorized: false, notBefore: at(8), reason: 'A predictive call is being set up for you.'},
        {authorized: false, notBefore: at(20), reason: 'A second call is being set up for you.'},
        {authorized: true},
      ];
      const ask = sinon.spy(backend, 'requestLogout');
      const el = await mount(backend, clock);
      const triggers: string[] = [];
      el.addEventListener('logout-request', (e) => triggers.push(e.detail.trigger));
      const authorized = record<LogoutAuthorizedEvent>(el, 'logout-authorized');
      await el.requestLogout();
      await advance(el, clock, {seconds: 8});
      expect(ask.callCount).to.equal(2);
      expect(triggers).to.deep.equal(['request', 'recheck']);
      expect(el.notBefore).to.equal(at(20));
      expect(panelTime(el)).to.equal('00:12');
      expect(text($(el, '[part="reason"]'))).to.equal('A second call is being set up for you.');
      expect(said(el)).to.equal(
        'Logoff still not authorized. A second call is being set up for you. Time left: 12 seconds.',
      );
      await advance(el, clock, {seconds: 12});
      expect(ask.callCount).to.equal(3);
      expect(authorized).to.have.length(1);
      expect(authorized[0].detail).to.deep.include({source: 'response', notBefore: at(20)});
    });

    it('refused twice by the MemoryBackend (the dialer picked the agent again)', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 8);
      const el = await mount(backend, clock);
      const authorized = record(el, 'logout-authorized');
      await el.requestLogout();
      await advance(el, clock, {seconds: 5});
      backend.reserveAgentForCall('agent-maria', 20); // a new call before the first one was through
      await advance(el, clock, {seconds: 3});
      expect(el.logoutState).to.equal('deferred');
      expect(panelTime(el)).to.equal('00:17');
      expect(authorized).to.have.length(0);
      await advance(el, clock, {seconds: 17});
      expect(authorized).to.have.length(1);
    });

    it('a refusal with a notBefore already past is asked again with a backoff, not in a loop', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      const past = {authorized: false as const, notBefore: at(-5), reason: 'Busy.'};
      backend.answers = [past, past, past, {authorized: true}];
      const ask = sinon.spy(backend, 'requestLogout');
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      expect(ask.callCount).to.equal(1);
      expect(panelTime(el)).to.equal('00:00');
      await advance(el, clock, {milliseconds: 999});
      expect(ask.callCount).to.equal(1);
      await advance(el, clock, {milliseconds: 1});
      expect(ask.callCount).to.equal(2);
      await advance(el, clock, {seconds: 1});
      expect(ask.callCount).to.equal(2); // second wait: 2 s
      await advance(el, clock, {seconds: 1});
      expect(ask.callCount).to.equal(3);
      await advance(el, clock, {seconds: 4});
      expect(ask.callCount).to.equal(4);
      expect(el.logoutState).to.equal('authorized');
    });
  });

  describe('announcements', () => {
    it('the deferral and reason, then each whole minute, then 10 seconds, then the authorization; never every second', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 125);
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      const heard: string[] = [];
      let last = '';
      const listen = () => {
        const now = liveRegion(el).textContent ?? '';
        if (now !== last) heard.push(norm(now));
        last = now;
      };
      listen();
      for (let second = 1; second <= 130 && el.logoutState === 'deferred'; second++) {
        await advance(el, clock, {seconds: 1});
        listen();
      }
      expect(heard).to.have.length(5);
      expect(heard[0]).to.match(
        /^Awaiting logoff authorization\. A (predictive|progressive) call is being set up for you.*Time left: 2 minutes, 5 seconds\.$/,
      );
      expect(heard.slice(1)).to.deep.equal([
        '2 minutes left before logoff authorization.',
        '1 minute left before logoff authorization.',
        '10 seconds left before logoff authorization.',
        'Logoff authorized. You are being logged out.',
      ]);
    });

    it('a short deferral: the deferral, then the authorization only', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 8);
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      const heard = [said(el)];
      for (let second = 1; second <= 8; second++) {
        await advance(el, clock, {seconds: 1});
        if (said(el) !== heard.at(-1)) heard.push(said(el));
      }
      expect(heard).to.have.length(2);
      expect(heard[0]).to.contain('Time left: 8 seconds.');
      expect(heard[1]).to.equal('Logoff authorized. You are being logged out.');
    });
  });

  describe('dismiss to a status chip', () => {
    it('keeps the time left in the chip label and tooltip, expands again, and confirms the authorization', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 90);
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      button(el, 'Dismiss')!.click();
      await el.updateComplete;

      expect(panel(el)).to.equal(null);
      expect(el.matches(':state(dismissed)')).to.equal(true);
      expect(focused(el)).to.equal(chip(el));
      expect(text(chip(el))).to.equal('Logoff in 01:30');
      expect(chip(el)!.title).to.equal(
        'Awaiting logoff authorization: 1 minute, 30 seconds left. Select to show details.',
      );
      await expect(el).to.be.accessible();

      await advance(el, clock, {seconds: 1});
      expect(text(chip(el))).to.equal('Logoff in 01:29');
      expect(chip(el)!.title).to.contain('1 minute, 29 seconds left');

      chip(el)!.click();
      await el.updateComplete;
      expect(panel(el)).to.not.equal(null);
      expect(focused(el)).to.equal(panel(el));
      expect(panelTime(el)).to.equal('01:29');

      button(el, 'Dismiss')!.click();
      await el.updateComplete;
      await advance(el, clock, {seconds: 89});
      expect(el.logoutState).to.equal('authorized');
      expect(text(chip(el))).to.equal('✓ Logoff authorized');
      expect(chip(el)!.title).to.equal('Logoff authorized. Select to show the message.');
      expect(focused(el)).to.equal(chip(el));
      await expect(el).to.be.accessible();
      chip(el)!.click();
      await el.updateComplete;
      expect(text($(el, '[part="confirmation"]'))).to.contain('Logoff authorized.');
    });
  });

  describe('cancel', () => {
    it('fires logout-canceled, keeps the agent logged in and ignores the later authorization', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 60);
      const el = await mount(backend, clock);
      const authorized = record(el, 'logout-authorized');
      await el.requestLogout();
      await el.updateComplete;
      const canceled = oneEvent(el, 'logout-canceled') as Promise<LogoutCanceledEvent>;
      button(el, 'Cancel logout')!.focus();
      button(el, 'Cancel logout')!.click();
      const event = await canceled;
      expect(event.detail).to.deep.equal({agentId: 'agent-maria', notBefore: at(60)});
      await el.updateComplete;
      expect(el.logoutState).to.equal('idle');
      expect(text($(el, '[part="note"]'))).to.equal('Logout canceled. You stay logged in.');
      expect(said(el)).to.equal('Logout canceled. You stay logged in.');
      expect(focused(el)).to.equal(button(el, 'Log out'));
      await expect(el).to.be.accessible();
      await advance(el, clock, {seconds: 90});
      expect(authorized).to.have.length(0);
      expect(el.logoutState).to.equal('idle');
    });

    it('tells a backend that has cancelLogout, and shows a Retry when that fails', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [{authorized: false, notBefore: at(60), reason: 'A call is being set up for you.'}];
      backend.cancelStub.onFirstCall().rejects(new BackendUnavailableError());
      const el = await mount(backend, clock);
      const errors = record<LogoutErrorEvent>(el, 'logout-error');
      await el.requestLogout();
      await el.cancelLogout();
      await el.updateComplete;
      expect(backend.cancelStub.firstCall.args[0]).to.deep.equal({agentId: 'agent-maria'});
      expect(errors).to.have.length(1);
      expect(errors[0].detail.operation).to.equal('cancel');
      expect(errors[0].detail.error).to.be.instanceOf(BackendUnavailableError);
      expect(text($(el, '[role="alert"]'))).to.contain('The server could not be told of the cancel');
      await expect(el).to.be.accessible();
      button(el, 'Retry')!.click();
      await flush(el);
      expect(backend.cancelStub.callCount).to.equal(2);
      expect($(el, '[role="alert"]')).to.equal(null);
    });
  });

  describe('errors', () => {
    it('backend down: the error with Retry, the agent still logged in; Retry asks again', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('requestLogout');
      const el = await mount(backend, clock);
      const authorized = record(el, 'logout-authorized');
      const errors = record<LogoutErrorEvent>(el, 'logout-error');
      button(el, 'Log out')!.focus();
      button(el, 'Log out')!.click();
      await flush(el);

      expect(el.logoutState).to.equal('error');
      expect(text($(el, '[role="alert"]'))).to.equal(
        'Logout failed. The scheduling service is unavailable. Try again in a moment. You are still logged in.',
      );
      expect(errors).to.have.length(1);
      expect(errors[0].detail.operation).to.equal('request');
      expect(errors[0].detail.error).to.be.instanceOf(BackendUnavailableError);
      expect(authorized).to.have.length(0);
      expect(focused(el)).to.equal(button(el, 'Retry'));
      await expect(el).to.be.accessible();

      const retried = oneEvent(el, 'logout-request') as Promise<LogoutRequestEvent>;
      button(el, 'Retry')!.click();
      expect((await retried).detail.trigger).to.equal('retry');
      await flush(el);
      expect(authorized).to.have.length(1);
    });

    it('Dismiss on an error goes back to the Log out button', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('requestLogout');
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      button(el, 'Dismiss')!.click();
      await el.updateComplete;
      expect(el.logoutState).to.equal('idle');
      expect(button(el, 'Log out')).to.not.equal(null);
    });

    it('a failed recheck keeps the deferral with a Retry; the backend event can still authorize', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [
        {authorized: false, notBefore: at(8), reason: 'A call is being set up for you.'},
        new TypeError('Failed to fetch'),
      ];
      const el = await mount(backend, clock);
      const errors = record<LogoutErrorEvent>(el, 'logout-error');
      await el.requestLogout();
      await el.updateComplete;
      button(el, 'Dismiss')!.click();
      await el.updateComplete;
      await advance(el, clock, {seconds: 8});
      expect(el.logoutState).to.equal('deferred');
      expect(panel(el)).to.not.equal(null); // the chip never hides a problem
      expect(text($(el, '[role="alert"]'))).to.equal(
        'Could not check the logoff authorization: The scheduling service is unavailable. Try again in a moment. You are still logged in.',
      );
      expect(errors[0].detail.operation).to.equal('recheck');
      expect(errors[0].detail.error).to.be.instanceOf(BackendUnavailableError);
      expect(button(el, 'Retry')).to.not.equal(null);
      await expect(el).to.be.accessible();
      backend.emit({type: 'logout-authorized', agentId: 'agent-maria'});
      await el.updateComplete;
      expect(el.logoutState).to.equal('authorized');
    });

    it('says so when there is a backend but no agent', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      const ask = sinon.spy(backend, 'requestLogout');
      const el = await mount(backend, clock, {agent: null});
      const errors = record<LogoutErrorEvent>(el, 'logout-error');
      await el.requestLogout();
      await el.updateComplete;
      expect(ask.callCount).to.equal(0);
      expect(text($(el, '[role="alert"]'))).to.contain('No agent is signed in');
      expect(errors[0].detail.error).to.be.instanceOf(ValidationError);
    });
  });

  describe('host-handled, without a backend', () => {
    it('answers through respondWith, including when the countdown ends', async () => {
      const el = await mount(undefined, clock);
      const triggers: string[] = [];
      el.addEventListener('logout-request', (e) => {
        triggers.push(e.detail.trigger);
        expect(e.detail.hasBackend).to.equal(false);
        e.detail.respondWith(
          Promise.resolve(
            e.detail.trigger === 'request'
              ? {authorized: false, notBefore: at(8), reason: 'Wrap-up of your last call.'}
              : {authorized: true},
          ),
        );
      });
      const authorized = record<LogoutAuthorizedEvent>(el, 'logout-authorized');
      expect(await el.requestLogout()).to.equal('deferred');
      await el.updateComplete;
      expect(text($(el, '[part="reason"]'))).to.equal('Wrap-up of your last call.');
      expect(panelTime(el)).to.equal('00:08');
      await expect(el).to.be.accessible();
      await advance(el, clock, {seconds: 8});
      expect(triggers).to.deep.equal(['request', 'recheck']);
      expect(authorized).to.have.length(1);
      expect(authorized[0].detail).to.deep.include({agentId: 'agent-maria', deferred: true, source: 'response'});
    });

    it('authorize() lets a host push the authorization', async () => {
      const el = await mount(undefined, clock);
      el.addEventListener('logout-request', (e) =>
        e.detail.respondWith({authorized: false, notBefore: at(60), reason: 'Busy.'}),
      );
      const authorized = record<LogoutAuthorizedEvent>(el, 'logout-authorized');
      await el.requestLogout();
      el.authorize();
      await el.updateComplete;
      expect(authorized).to.have.length(1);
      expect(el.logoutState).to.equal('authorized');
    });

    it('nobody answers: NoHandlerError is shown and Retry asks the host again', async () => {
      const el = await mount(undefined, clock);
      const errors = record<LogoutErrorEvent>(el, 'logout-error');
      expect(await el.requestLogout()).to.equal('error');
      await el.updateComplete;
      expect(errors[0].detail.error).to.be.instanceOf(NoHandlerError);
      expect(text($(el, '[role="alert"]'))).to.contain('Nothing handled logout-request');
      expect(text($(el, '[role="alert"]'))).to.contain('You are still logged in.');
      el.addEventListener('logout-request', (e) => e.detail.respondWith({authorized: true}));
      button(el, 'Retry')!.click();
      await flush(el);
      expect(el.logoutState).to.equal('authorized');
    });

    it('the host does not answer in time: HostTimeoutError', async () => {
      const el = await mount(undefined, clock);
      el.responseTimeout = 30;
      el.addEventListener('logout-request', (e) => e.detail.respondWith(new Promise<LogoutDecision>(() => {})));
      const errors = record<LogoutErrorEvent>(el, 'logout-error');
      expect(await el.requestLogout()).to.equal('error');
      expect(errors[0].detail.error).to.be.instanceOf(HostTimeoutError);
    });

    it('an invalid answer is a ValidationError, never a silent logout', async () => {
      const el = await mount(undefined, clock);
      el.addEventListener('logout-request', (e) =>
        e.detail.respondWith({authorized: false, notBefore: 'soon', reason: 'x'} as LogoutDecision),
      );
      const authorized = record(el, 'logout-authorized');
      expect(await el.requestLogout()).to.equal('error');
      await el.updateComplete;
      expect(text($(el, '[role="alert"]'))).to.contain('notBefore "soon" is not an ISO instant');
      expect(authorized).to.have.length(0);
    });
  });

  describe('timers', () => {
    it('one timer while deferred and visible, none while hidden, exact after a 5-minute sleep', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [{authorized: false, notBefore: at(600), reason: 'A call is being set up for you.'}];
      // a real clock gives no notice when time jumps: only the visibilitychange does
      const sleepy: Clock = {now: () => clock.now()};
      const el = await mount(backend, sleepy);
      const timers = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
      await el.requestLogout();
      await el.updateComplete;
      expect(panelTime(el)).to.equal('10:00');
      expect(timers.countTimers()).to.equal(1);

      setVisibility('hidden');
      await el.updateComplete;
      expect(timers.countTimers()).to.equal(0);
      clock.advance({minutes: 5}); // the tab sleeps: no timer runs, no notice
      await flush(el);
      expect(panelTime(el)).to.equal('10:00');

      setVisibility('visible');
      await el.updateComplete;
      expect(panelTime(el)).to.equal('05:00');
      expect(said(el)).to.equal('5 minutes left before logoff authorization.');
      expect(timers.countTimers()).to.equal(1);

      // the one timer fires at the next whole second, read from the clock
      clock.advance({milliseconds: 1000});
      timers.tick(1000);
      await el.updateComplete;
      expect(panelTime(el)).to.equal('04:59');
      expect(timers.countTimers()).to.equal(1);
    });

    it('leaves no timer and no backend subscription after removal, and resumes when put back', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 120);
      let subscribed = 0;
      let unsubscribed = 0;
      const subscribe = backend.subscribe.bind(backend);
      sinon.stub(backend, 'subscribe').callsFake((listener) => {
        subscribed++;
        const off = subscribe(listener);
        return () => {
          unsubscribed++;
          off();
        };
      });
      const el = await mount(backend, clock);
      const authorized = record(el, 'logout-authorized');
      const timers = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
      await el.requestLogout();
      await el.updateComplete;
      expect(timers.countTimers()).to.equal(1);
      expect([subscribed, unsubscribed]).to.deep.equal([1, 0]);

      const parent = el.parentElement!;
      el.remove();
      expect(timers.countTimers()).to.equal(0);
      expect([subscribed, unsubscribed]).to.deep.equal([1, 1]);
      await advance(el, clock, {seconds: 130});
      expect(timers.countTimers()).to.equal(0);
      expect(authorized).to.have.length(0);
      expect(el.logoutState).to.equal('deferred');

      parent.append(el); // put back: the overdue recheck runs at once
      await flush(el);
      expect(authorized).to.have.length(1);
      expect(timers.countTimers()).to.equal(0);
      expect([subscribed, unsubscribed]).to.deep.equal([2, 2]);
    });

    it('no timer once authorized or canceled', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 30);
      const el = await mount(backend, clock);
      const timers = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
      await el.requestLogout();
      expect(timers.countTimers()).to.equal(1);
      await el.cancelLogout();
      expect(timers.countTimers()).to.equal(0);
      backend.reserveAgentForCall('agent-maria', 30);
      await el.requestLogout();
      expect(timers.countTimers()).to.equal(1);
      await advance(el, clock, {seconds: 30});
      expect(el.logoutState).to.equal('authorized');
      expect(timers.countTimers()).to.equal(0);
    });
  });

  describe('Escape closes the transient surface, as Dismiss does', () => {
    /** Presses Escape with real keyboard input; returns whether the element took it (the keydown was canceled). */
    async function escape(el: LogoutCountdownElement): Promise<boolean> {
      let taken = false;
      const listen = (e: KeyboardEvent) => (taken = e.key === 'Escape' && e.defaultPrevented);
      document.addEventListener('keydown', listen);
      await sendKeys({press: 'Escape'});
      document.removeEventListener('keydown', listen);
      await el.updateComplete;
      return taken;
    }

    it('the panel folds into the chip, focus on the chip; the logout stays deferred; Escape on the chip is left alone', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 90);
      const el = await mount(backend, clock);
      const canceled = record(el, 'logout-canceled');
      button(el, 'Log out')!.focus();
      await el.requestLogout();
      await el.updateComplete;
      expect(focused(el)).to.equal(panel(el));

      button(el, 'Cancel logout')!.focus(); // anywhere inside the panel
      expect(await escape(el)).to.equal(true);
      expect(panel(el)).to.equal(null);
      expect(focused(el)).to.equal(chip(el));
      expect(el.matches(':state(dismissed)')).to.equal(true);
      expect(el.logoutState).to.equal('deferred');
      expect(canceled).to.have.length(0); // Escape never cancels the logout
      await expect(el).to.be.accessible();

      expect(await escape(el)).to.equal(false); // nothing transient left: the page's own Escape runs
      expect(chip(el)).to.not.equal(null);

      chip(el)!.click(); // what opened the panel again gets focus back on the next Escape
      await el.updateComplete;
      expect(focused(el)).to.equal(panel(el));
      expect(await escape(el)).to.equal(true);
      expect(focused(el)).to.equal(chip(el));
    });

    it("a deferred logout's confirmation folds into the chip; an immediate one (no Dismiss) is left to the page", async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 8);
      const el = await mount(backend, clock);
      button(el, 'Log out')!.focus();
      await el.requestLogout();
      await advance(el, clock, {seconds: 8});
      expect(focused(el)?.getAttribute('part')).to.equal('confirmation');
      expect(await escape(el)).to.equal(true);
      expect(text(chip(el))).to.equal('✓ Logoff authorized');
      expect(focused(el)).to.equal(chip(el));
      await expect(el).to.be.accessible();

      el.reset();
      await el.updateComplete;
      button(el, 'Log out')!.focus();
      await el.requestLogout(); // authorized at once
      await el.updateComplete;
      expect(focused(el)?.getAttribute('part')).to.equal('confirmation');
      expect(await escape(el)).to.equal(false);
      expect($(el, '[part="confirmation"]')).to.not.equal(null);
    });

    it('an error goes back to the Log out button, focus on it', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('requestLogout');
      const el = await mount(backend, clock);
      button(el, 'Log out')!.focus();
      button(el, 'Log out')!.click();
      await flush(el);
      expect(focused(el)).to.equal(button(el, 'Retry'));
      expect(await escape(el)).to.equal(true);
      expect(el.logoutState).to.equal('idle');
      expect(focused(el)).to.equal(button(el, 'Log out'));
      await expect(el).to.be.accessible();
    });

    it('inside a host dialog, the first Escape closes the logout panel and the dialog stays open', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 60);
      const dialog = await fixture<HTMLDialogElement>(html`
        <dialog aria-label="Agent status">
          <logout-countdown .backend=${backend} .clock=${clock} .agent=${MARIA} locale="en-US"></logout-countdown>
        </dialog>
      `);
      dialog.showModal();
      const el = dialog.querySelector('logout-countdown')!;
      await el.updateComplete;
      button(el, 'Log out')!.focus();
      await el.requestLogout();
      await el.updateComplete;
      expect(await escape(el)).to.equal(true);
      expect(chip(el)).to.not.equal(null);
      expect(dialog.open).to.equal(true);
      dialog.close();
    });
  });

  describe('typed backend and host waits', () => {
    it('a plain SchedulingBackend object with cancelLogout (no cast) is told of the cancel', async () => {
      const told: Array<{agentId: string}> = [];
      const memory = new MemoryBackend({clock, seed: 1});
      const backend: SchedulingBackend = {
        getAvailability: (q, o) => memory.getAvailability(q, o),
        scheduleCallback: (r, o) => memory.scheduleCallback(r, o),
        rescheduleCallback: (id, r, o) => memory.rescheduleCallback(id, r, o),
        cancelCallback: (id, o) => memory.cancelCallback(id, o),
        listCallbacks: (q, o) => memory.listCallbacks(q, o),
        listCampaigns: (q, o) => memory.listCampaigns(q, o),
        getContact: (id, o) => memory.getContact(id, o),
        updateCallbackStatus: (id, status, o) => memory.updateCallbackStatus(id, status, o),
        subscribe: () => () => {},
        requestLogout: async () => ({authorized: false, notBefore: at(60), reason: 'A call is being set up for you.'}),
        cancelLogout: async (q) => {
          told.push(q);
        },
      };
      // the compatibility name still describes such a backend
      const compatible: LogoutCancelingBackend = {cancelLogout: backend.cancelLogout!};
      expect(compatible.cancelLogout).to.be.a('function');
      const el = await mount(backend as MemoryBackend, clock);
      await el.requestLogout();
      await el.cancelLogout();
      expect(told).to.deep.equal([{agentId: 'agent-maria'}]);
    });

    it("removed while waiting for the host's answer: no timeout timer runs, and the answer is not lost", async () => {
      const el = await mount(undefined, clock);
      let answer!: (decision: LogoutDecision) => void;
      el.addEventListener('logout-request', (e) =>
        e.detail.respondWith(new Promise<LogoutDecision>((resolve) => (answer = resolve))),
      );
      const timers = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
      const asked = el.requestLogout();
      await flush(el);
      expect(timers.countTimers()).to.equal(1); // the response-timeout
      const parent = el.parentElement!;
      el.remove();
      await flush(el);
      expect(timers.countTimers()).to.equal(0);
      timers.tick(60_000); // far past response-timeout
      answer({authorized: true});
      expect(await asked).to.equal('authorized');
      parent.append(el);
      await el.updateComplete;
      expect(text($(el, '[part="confirmation"]'))).to.contain('Logoff authorized.');
    });
  });

  describe('layout', () => {
    it('in a 360 px side panel the countdown panel fits: no overflow, every button inside it', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 125);
      const aside = await fixture<HTMLElement>(html`
        <aside style="inline-size: 360px">
          <logout-countdown .backend=${backend} .clock=${clock} .agent=${MARIA} locale="en-US"></logout-countdown>
        </aside>
      `);
      const el = aside.querySelector('logout-countdown')!;
      await el.requestLogout();
      await el.updateComplete;
      const box = panel(el)!.getBoundingClientRect();
      expect(box.width).to.be.at.most(360);
      expect(panel(el)!.scrollWidth).to.be.at.most(panel(el)!.clientWidth);
      for (const b of root(el).querySelectorAll('button')) {
        const r = b.getBoundingClientRect();
        expect(r.left >= box.left && r.right <= box.right, norm(b.textContent)).to.equal(true);
      }
      await expect(el).to.be.accessible();
    });

    it('in a toolbar (flex row) the Log out button keeps its natural width', async () => {
      const bar = await fixture<HTMLElement>(html`
        <div style="display: flex; align-items: center; gap: 8px; inline-size: 600px">
          <span>Maria Lopez</span>
          <logout-countdown
            .backend=${new MemoryBackend({clock, seed: 1})}
            .clock=${clock}
            .agent=${MARIA}
          ></logout-countdown>
        </div>
      `);
      const el = bar.querySelector('logout-countdown')!;
      await el.updateComplete;
      const logout = button(el, 'Log out')!;
      expect(logout.getBoundingClientRect().width).to.be.above(40);
      expect(logout.scrollWidth).to.be.at.most(logout.clientWidth);
    });

    it('at 00:00 the ring draws no progress (no round cap left as a dot)', async () => {
      const backend = new ScriptedBackend({clock, seed: 1});
      backend.answers = [{authorized: false, notBefore: at(-1), reason: 'Busy.'}];
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      expect(panelTime(el)).to.equal('00:00');
      expect(getComputedStyle($(el, '.ring__progress')!).visibility).to.equal('hidden');
    });
  });

  describe('motion', () => {
    afterEach(async () => {
      await emulateMedia({reducedMotion: 'no-preference'});
    });

    /** A CSS time ('1s', '1e-05s', '0.01ms') in seconds. */
    const seconds = (time: string) => (time.endsWith('ms') ? parseFloat(time) / 1000 : parseFloat(time));

    it('pulses the chip and animates the ring, unless reduced motion is preferred (then no visible motion)', async () => {
      const backend = new MemoryBackend({clock, seed: 1});
      backend.reserveAgentForCall('agent-maria', 60);
      const el = await mount(backend, clock);
      await el.requestLogout();
      await el.updateComplete;
      const ring = $(el, '.ring__progress')!;
      await emulateMedia({reducedMotion: 'no-preference'});
      expect(getComputedStyle(ring).transitionDuration).to.equal('1s');
      await emulateMedia({reducedMotion: 'reduce'});
      // the shared a11y module's rule: motion shortened to 0.01 ms (not a visible transition)
      expect(seconds(getComputedStyle(ring).transitionDuration)).to.be.below(0.001);

      button(el, 'Dismiss')!.click();
      await el.updateComplete;
      const dot = $(el, '[part="chip-indicator"]')!;
      const still = getComputedStyle(dot);
      expect(seconds(still.animationDuration)).to.be.below(0.001);
      expect(still.animationIterationCount).to.equal('1');
      await emulateMedia({reducedMotion: 'no-preference'});
      const moving = getComputedStyle(dot);
      expect(moving.animationName).to.equal('pulse');
      expect(moving.animationDuration).to.equal('1.6s');
      expect(moving.animationIterationCount).to.equal('infinite');
    });
  });
});
