import {expect} from 'chai';
import {BackendUnavailableError, ValidationError} from '../../src/core/errors.js';
import {
  LogoutNegotiation,
  markBelow,
  MAX_RECHECK_BACKOFF_MS,
  secondsLeft,
  type LogoutEffect,
} from '../../src/core/logout-negotiation.js';
import {Temporal} from '../../src/core/temporal.js';

const T0 = Temporal.Instant.from('2026-06-15T13:00:00Z');
const at = (seconds: number) => T0.add({milliseconds: Math.round(seconds * 1000)});
const refused = (seconds: number, reason = 'A predictive call is being set up for you.') =>
  ({authorized: false, notBefore: at(seconds), reason}) as const;
const AUTHORIZED = {authorized: true} as const;

function setUp() {
  const effects: LogoutEffect[] = [];
  const machine = new LogoutNegotiation({onEffect: (effect) => effects.push(effect)});
  /** The effects of one type since the last call (and forgets every effect seen so far). */
  const take = () => effects.splice(0);
  return {machine, effects, take};
}

/** Runs every deadline up to `until` as the element's deadline controller does; returns the rechecks asked. */
function runUntil(machine: LogoutNegotiation, until: Temporal.Instant): Temporal.Instant[] {
  const rechecks: Temporal.Instant[] = [];
  for (let i = 0; i < 10_000; i++) {
    const next = machine.nextDeadline();
    if (!next || Temporal.Instant.compare(next, until) > 0) break;
    if (machine.tick(next) === 'recheck') {
      rechecks.push(next);
      return rechecks;
    }
  }
  return rechecks;
}

describe('LogoutNegotiation: the negotiated logout without a DOM', () => {
  describe('request', () => {
    it('idle -> requesting -> authorized at once: one authorized effect, confirmation focused', () => {
      const {machine, take} = setUp();
      expect(machine.phase).to.equal('idle');
      expect(machine.requestTrigger).to.equal('request');
      const token = machine.begin('request', 'agent-maria');
      expect(machine.phase).to.equal('requesting');
      expect(machine.busy && machine.listening).to.equal(true);
      expect(machine.requestTrigger).to.equal(undefined); // never two requests
      expect(machine.answered(token, AUTHORIZED, T0)).to.equal(true);
      expect(machine.phase).to.equal('authorized');
      expect(machine.listening).to.equal(false);
      expect(take()).to.deep.equal([
        {type: 'announce', announcement: {kind: 'authorized'}},
        {type: 'focus', surface: 'confirmation'},
        {type: 'authorized', agentId: 'agent-maria', deferred: false, source: 'response'},
      ]);
      expect(machine.requestTrigger).to.equal(undefined);
      expect(machine.canDismiss).to.equal(false); // no deferral: nothing to fold
    });

    it('refused: deferred with the reason, the total wait, one refusal, the panel focused and announced', () => {
      const {machine, take} = setUp();
      const token = machine.begin('request', 'agent-maria');
      machine.answered(token, refused(125, '  Wrap-up.  '), T0);
      expect(machine.phase).to.equal('deferred');
      expect(machine.deferral).to.deep.equal({notBefore: at(125), reason: 'Wrap-up.', totalMs: 125_000, refusals: 1});
      expect(machine.remainingMs(at(5))).to.equal(120_000);
      expect(take()).to.deep.equal([
        {type: 'announce', announcement: {kind: 'deferred', again: false, reason: 'Wrap-up.', remainingMs: 125_000}},
        {type: 'focus', surface: 'panel'},
      ]);
    });

    it('a failed request is the error phase with the problem, the Retry focused and an error effect', () => {
      const {machine, take} = setUp();
      const token = machine.begin('request', 'agent-maria');
      const error = new BackendUnavailableError();
      expect(machine.failed(token, error)).to.equal(true);
      expect(machine.phase).to.equal('error');
      expect(machine.problem).to.equal(error);
      expect(take()).to.deep.equal([
        {type: 'focus', surface: 'retry'},
        {type: 'error', error, operation: 'request', agentId: 'agent-maria'},
      ]);
      expect(machine.requestTrigger).to.equal('retry');
      expect(machine.retryTrigger).to.equal('retry');
      const retry = machine.begin('retry', 'agent-maria');
      expect(machine.phase).to.equal('requesting');
      expect(machine.problem).to.equal(undefined);
      machine.failed(retry, error);
      expect(take().at(-1)).to.deep.include({type: 'error', operation: 'request'}); // a retry is a request
    });
  });

  describe('the countdown, driven by the time it is fed', () => {
    it('ticks once per displayed second, announces each whole minute and 10 s, and asks again at notBefore', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'a'), refused(125), T0);
      take();
      expect(machine.nextDeadline()).to.deep.equal(at(1)); // 02:05 -> 02:04
      const announced: number[] = [];
      let recheckAt: Temporal.Instant | undefined;
      for (let i = 0; i < 500 && !recheckAt; i++) {
        const next = machine.nextDeadline()!;
        if (machine.tick(next) === 'recheck') recheckAt = next;
        for (const effect of take()) {
          if (effect.type === 'announce' && effect.announcement.kind === 'time-left')
            announced.push(effect.announcement.remainingMs);
        }
      }
      expect(announced).to.deep.equal([120_000, 60_000, 10_000]);
      expect(recheckAt).to.deep.equal(at(125));
      expect(machine.tick(at(126))).to.equal(undefined); // asked once, not again
    });

    it('a tab that slept past several marks hears one announcement: the time left now', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'a'), refused(600), T0);
      take();
      expect(machine.tick(at(300))).to.equal(undefined);
      expect(take()).to.deep.equal([{type: 'announce', announcement: {kind: 'time-left', remainingMs: 300_000}}]);
      expect(machine.nextDeadline()).to.deep.equal(at(301));
      expect(machine.tick(at(300.5))).to.equal(undefined);
      expect(take()).to.deep.equal([]);
    });

    it('recheck: checking keeps the deferral and stops the deadlines; a second refusal counts and says "again"', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'agent-maria'), refused(8), T0);
      expect(runUntil(machine, at(8))).to.deep.equal([at(8)]);
      expect(machine.agentFor('recheck', 'someone-else')).to.equal('agent-maria');
      expect(machine.agentFor('request', 'someone-else')).to.equal('someone-else');
      const token = machine.begin('recheck', 'agent-maria');
      expect(machine.phase).to.equal('deferred');
      expect(machine.checking && machine.busy).to.equal(true);
      expect(machine.nextDeadline()).to.equal(undefined);
      take();
      machine.answered(token, refused(20, 'A second call.'), at(8));
      expect(machine.checking).to.equal(false);
      expect(machine.deferral).to.deep.include({notBefore: at(20), refusals: 2, totalMs: 12_000});
      expect(take()[0]).to.deep.equal({
        type: 'announce',
        announcement: {kind: 'deferred', again: true, reason: 'A second call.', remainingMs: 12_000},
      });
    });

    it('a refusal with notBefore already past backs off 1 s, 2 s, 4 s ... up to 30 s, never a loop', () => {
      const {machine} = setUp();
      let now = T0;
      let token = machine.begin('request', 'a');
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        machine.answered(token, refused(-5), now);
        expect(machine.deferral!.totalMs).to.equal(0);
        const next = machine.nextDeadline()!;
        waits.push(next.epochMilliseconds - now.epochMilliseconds);
        expect(machine.tick(next)).to.equal('recheck');
        now = next;
        token = machine.begin('recheck', 'a');
      }
      expect(waits).to.deep.equal([1000, 2000, 4000, 8000, 16_000, MAX_RECHECK_BACKOFF_MS, 30_000, 30_000]);
      // a refusal in the future again starts the backoff over
      const later = now.add({seconds: 100});
      machine.answered(token, {authorized: false, notBefore: later, reason: ''}, now);
      machine.answered(machine.begin('recheck', 'a'), {authorized: false, notBefore: now, reason: ''}, later);
      expect(machine.nextDeadline()).to.deep.equal(later.add({seconds: 1}));
    });

    it('a failed recheck stays deferred with the problem, unfolds the chip, and stops asking by itself', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'agent-maria'), refused(8), T0);
      machine.dismiss();
      runUntil(machine, at(8));
      const token = machine.begin('recheck', 'agent-maria');
      take();
      const error = new BackendUnavailableError();
      machine.failed(token, error);
      expect(machine.phase).to.equal('deferred');
      expect(machine.problem).to.equal(error);
      expect(machine.dismissed).to.equal(false); // the chip never hides a problem
      expect(take()).to.deep.equal([
        {type: 'focus', surface: 'retry'},
        {type: 'error', error, operation: 'recheck', agentId: 'agent-maria'},
      ]);
      expect(machine.nextDeadline()).to.equal(undefined);
      expect(machine.retryTrigger).to.equal('recheck');
      // the backend's event can still authorize
      expect(machine.backendAuthorized('agent-maria')).to.equal(true);
      expect(machine.phase).to.equal('authorized');
    });
  });

  describe('authorization pushed while deferred', () => {
    it("the backend's event for this agent authorizes once; another agent's or a late one changes nothing", () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'agent-maria'), refused(60), T0);
      take();
      expect(machine.backendAuthorized('agent-james')).to.equal(false);
      expect(machine.phase).to.equal('deferred');
      expect(machine.backendAuthorized('agent-maria')).to.equal(true);
      expect(take().filter((e) => e.type === 'authorized')).to.deep.equal([
        {type: 'authorized', agentId: 'agent-maria', deferred: true, notBefore: at(60), source: 'backend-event'},
      ]);
      expect(machine.backendAuthorized('agent-maria')).to.equal(false);
      expect(machine.authorize()).to.equal(false);
      expect(take()).to.deep.equal([]);
      expect(machine.nextDeadline()).to.equal(undefined);
      expect(machine.deferral?.notBefore).to.deep.equal(at(60)); // kept for the confirmation
    });

    it('authorize() (the host pushes it) works only while deferred', () => {
      const {machine, take} = setUp();
      expect(machine.authorize()).to.equal(false);
      const token = machine.begin('request', 'a');
      expect(machine.authorize()).to.equal(false);
      machine.answered(token, refused(60), T0);
      expect(machine.authorize()).to.equal(true);
      expect(take().at(-1)).to.deep.include({type: 'authorized', source: 'backend-event', deferred: true});
    });

    it('an event while a new request is asked is not the answer to it', () => {
      const {machine} = setUp();
      machine.begin('request', 'agent-maria');
      expect(machine.backendAuthorized('agent-maria')).to.equal(false);
      expect(machine.phase).to.equal('requesting');
    });
  });

  describe('stale answers are ignored', () => {
    it('after a cancel: the answer, the failure and the backend event of the canceled logout change nothing', () => {
      const {machine, take} = setUp();
      const token = machine.begin('request', 'agent-maria');
      machine.cancel();
      take();
      expect(machine.answered(token, AUTHORIZED, T0)).to.equal(false);
      expect(machine.failed(token, new BackendUnavailableError())).to.equal(false);
      expect(machine.backendAuthorized('agent-maria')).to.equal(false);
      expect(machine.phase).to.equal('idle');
      expect(take()).to.deep.equal([]);
    });

    it('after a newer request: only the newest answer counts', () => {
      const {machine} = setUp();
      const first = machine.begin('request', 'a');
      machine.vetoed();
      const second = machine.begin('request', 'a');
      expect(machine.answered(first, refused(60), T0)).to.equal(false);
      expect(machine.phase).to.equal('requesting');
      expect(machine.answered(second, refused(30), T0)).to.equal(true);
      expect(machine.deferral?.notBefore).to.deep.equal(at(30));
    });

    it('after an authorization: a late recheck answer or failure does not undo it', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'a'), refused(8), T0);
      runUntil(machine, at(8));
      const recheck = machine.begin('recheck', 'a');
      machine.backendAuthorized('a');
      take();
      expect(machine.answered(recheck, refused(30), at(8))).to.equal(false);
      expect(machine.failed(recheck, new BackendUnavailableError())).to.equal(false);
      expect(machine.phase).to.equal('authorized');
      expect(take()).to.deep.equal([]);
    });

    it("a cancel's backend outcome after a newer logout fires its error but leaves the new logout's screen alone", () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'agent-maria'), refused(60), T0);
      machine.cancel();
      const told = take().find((e) => e.type === 'tell-backend-canceled');
      expect(told).to.deep.include({type: 'tell-backend-canceled', agentId: 'agent-maria'});
      machine.begin('request', 'agent-maria');
      const error = new BackendUnavailableError();
      machine.cancelSettled((told as {token: number}).token, 'agent-maria', error);
      expect(machine.cancelProblem).to.equal(undefined);
      expect(take()).to.deep.equal([{type: 'error', error, operation: 'cancel', agentId: 'agent-maria'}]);
    });
  });

  describe('cancel, veto, reset: one way back to idle', () => {
    it('cancel while deferred: idle with the canceled note, events in order, the backend to be told', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'agent-maria'), refused(60), T0);
      machine.dismiss();
      take();
      expect(machine.cancel()).to.equal(true);
      expect(machine.phase).to.equal('idle');
      expect(machine.note).to.deep.equal({kind: 'canceled'});
      expect(machine.deferral).to.equal(undefined);
      expect(machine.dismissed).to.equal(false);
      expect(machine.nextDeadline()).to.equal(undefined);
      const effects = take();
      expect(effects.slice(0, 3)).to.deep.equal([
        {type: 'announce', announcement: {kind: 'canceled'}},
        {type: 'focus', surface: 'logout-button'},
        {type: 'canceled', agentId: 'agent-maria', notBefore: at(60)},
      ]);
      expect(effects[3]).to.deep.include({type: 'tell-backend-canceled', agentId: 'agent-maria'});
      expect(machine.cancel()).to.equal(false); // nothing left to cancel
    });

    it('cancel while requesting has no notBefore; without an agent there is no backend to tell', () => {
      const {machine, take} = setUp();
      machine.begin('request', undefined);
      machine.cancel();
      expect(take().filter((e) => e.type === 'canceled' || e.type === 'tell-backend-canceled')).to.deep.equal([
        {type: 'canceled', agentId: undefined},
      ]);
    });

    it('a failed cancel shows its problem until Retry tells the backend again; told, it is gone', () => {
      const {machine, take} = setUp();
      machine.begin('request', 'agent-maria');
      machine.cancel();
      const {token} = take().find((e) => e.type === 'tell-backend-canceled') as {token: number};
      const error = new BackendUnavailableError();
      machine.cancelSettled(token, 'agent-maria', error);
      expect(machine.cancelProblem).to.equal(error);
      expect(machine.note).to.deep.equal({kind: 'canceled'});
      take();
      expect(machine.retryCancel()).to.equal(true);
      expect(machine.cancelProblem).to.equal(undefined);
      const again = take();
      expect(again).to.have.length(1);
      expect(again[0]).to.deep.include({type: 'tell-backend-canceled', agentId: 'agent-maria'});
      machine.cancelSettled((again[0] as {token: number}).token, 'agent-maria');
      expect(machine.cancelProblem).to.equal(undefined);
      expect(machine.retryCancel()).to.equal(false);
    });

    it('a veto of a request: idle with the reason; nothing to tell the backend', () => {
      const {machine, take} = setUp();
      machine.vetoed('Save your call notes first.');
      expect(machine.phase).to.equal('idle');
      expect(machine.note).to.deep.equal({kind: 'vetoed', reason: 'Save your call notes first.'});
      expect(take()).to.deep.equal([
        {type: 'announce', announcement: {kind: 'vetoed', reason: 'Save your call notes first.'}},
        {type: 'focus', surface: 'logout-button'},
      ]);
      machine.vetoed();
      expect(machine.note).to.deep.equal({kind: 'vetoed'});
    });

    it('a veto of a recheck gives up the deferral and tells the backend', () => {
      const {machine, take} = setUp();
      machine.answered(machine.begin('request', 'agent-maria'), refused(8), T0);
      runUntil(machine, at(8));
      take();
      machine.vetoed('Unsaved notes.');
      expect(machine.phase).to.equal('idle');
      expect(machine.deferral).to.equal(undefined);
      expect(take().at(-1)).to.deep.include({type: 'tell-backend-canceled', agentId: 'agent-maria'});
    });

    it('reset: from authorized or error back to idle, forgetting everything; never while asked or deferred', () => {
      const {machine} = setUp();
      const token = machine.begin('request', 'a');
      expect(machine.reset()).to.equal(false);
      machine.answered(token, refused(30), T0);
      expect(machine.reset()).to.equal(false);
      machine.authorize();
      machine.dismiss();
      expect(machine.reset()).to.equal(true);
      expect([machine.phase, machine.deferral, machine.dismissed, machine.note]).to.deep.equal([
        'idle',
        undefined,
        false,
        undefined,
      ]);
      machine.failed(machine.begin('request', 'a'), new ValidationError([], 'Bad.'));
      expect(machine.reset()).to.equal(true);
      expect(machine.problem).to.equal(undefined);
    });
  });

  describe('dismiss and expand', () => {
    it('fold the panel or a deferred confirmation into the chip and back; an error is dismissed to idle', () => {
      const {machine} = setUp();
      expect(machine.canDismiss).to.equal(false);
      const token = machine.begin('request', 'a');
      expect(machine.canDismiss).to.equal(false); // nothing to fold while asking
      machine.answered(token, refused(30), T0);
      expect(machine.canDismiss).to.equal(true);
      expect(machine.dismiss()).to.equal(true);
      expect(machine.dismissed).to.equal(true);
      expect(machine.dismiss()).to.equal(false);
      expect(machine.expand()).to.equal(true);
      expect(machine.expand()).to.equal(false);
      machine.dismiss();
      machine.authorize();
      expect(machine.dismissed).to.equal(true); // authorized in the chip
      machine.expand();
      expect(machine.canDismiss).to.equal(true);
      machine.reset();
      machine.failed(machine.begin('request', 'a'), new BackendUnavailableError());
      expect(machine.dismiss()).to.equal(true);
      expect(machine.phase).to.equal('idle');
      expect(machine.problem).to.equal(undefined);
    });
  });

  describe('time helpers', () => {
    it('secondsLeft rounds up and stops at 0; markBelow walks minutes, then 10 s, then none', () => {
      expect([secondsLeft(8200), secondsLeft(8000), secondsLeft(1), secondsLeft(0), secondsLeft(-5)]).to.deep.equal([
        9, 8, 1, 0, 0,
      ]);
      expect([markBelow(125_000), markBelow(120_000), markBelow(60_000), markBelow(10_000)]).to.deep.equal([
        120_000,
        60_000,
        10_000,
        undefined,
      ]);
    });
  });
});
