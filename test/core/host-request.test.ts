import {expect} from 'chai';
import type {ReactiveController} from 'lit';
import {HostTimeoutError, NoHandlerError} from '../../src/core/errors.js';
import {createResponder} from '../../src/events/responder.js';
import {HostRequestController} from '../../src/internal/controllers/host-request.js';

/** A stand-in element: an EventTarget that runs its controllers' connected callbacks. */
class FakeHost extends EventTarget {
  controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  readonly updateComplete = Promise.resolve(true);
  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

function setUp() {
  const host = new FakeHost();
  const controller = new HostRequestController(host);
  host.connect();
  const responder = createResponder<string>();
  const event = new Event('thing-request', {cancelable: true});
  return {host, controller, responder, event};
}

describe('HostRequestController: the ask-the-host protocol', () => {
  it("the host's respondWith answers, and wins over its preventDefault by default", async () => {
    const {host, controller, responder, event} = setUp();
    host.addEventListener('thing-request', (e) => {
      responder.respondWith(Promise.resolve('from host'));
      e.preventDefault();
    });
    let fallbackCalls = 0;
    const outcome = await controller.ask({event, responder, timeout: 1000, fallback: async () => `${++fallbackCalls}`});
    expect(outcome).to.deep.equal({refused: false, value: 'from host', answeredBy: 'host'});
    expect(fallbackCalls).to.equal(0);
  });

  it("refusal 'always': a canceled event is refused even with an answer", async () => {
    const {host, controller, responder, event} = setUp();
    host.addEventListener('thing-request', (e) => {
      responder.respondWith('ignored');
      e.preventDefault();
    });
    const outcome = await controller.ask({event, responder, timeout: 1000, refusal: 'always'});
    expect(outcome.refused).to.equal(true);
  });

  it('preventDefault alone refuses; nothing else runs', async () => {
    const {host, controller, responder, event} = setUp();
    host.addEventListener('thing-request', (e) => e.preventDefault());
    let called = false;
    const outcome = await controller.ask({event, responder, timeout: 1000, fallback: () => ((called = true), 'x')});
    expect(outcome).to.deep.include({refused: true});
    expect(called).to.equal(false);
  });

  it('without an answer the fallback answers; without a fallback NoHandlerError names the event', async () => {
    const first = setUp();
    expect(await first.controller.ask({...first, timeout: 1000, fallback: () => 'backend'})).to.deep.equal({
      refused: false,
      value: 'backend',
      answeredBy: 'fallback',
    });
    const second = setUp();
    const error = await second.controller.ask({...second, timeout: 1000}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NoHandlerError);
    expect((error as NoHandlerError).event).to.equal('thing-request');
  });

  it('a host answer that never settles times out with HostTimeoutError; a slow fallback never does', async () => {
    const {host, controller, responder, event} = setUp();
    host.addEventListener('thing-request', () => responder.respondWith(new Promise<string>(() => {})));
    const error = await controller.ask({event, responder, timeout: 5}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HostTimeoutError);
    expect((error as Error).message).to.equal('No answer to thing-request within 5 ms. Try again.');
    const other = setUp();
    let resolve!: (v: string) => void;
    const slow = new Promise<string>((r) => (resolve = r));
    const asked = other.controller.ask({...other, timeout: 5, fallback: () => slow});
    // The fallback is not timed: it settles whenever it settles.
    setTimeout(() => resolve('late but fine'), 30);
    expect(await asked).to.deep.include({value: 'late but fine'});
  });

  it('the abort signal stops the wait with its reason', async () => {
    const {host, controller, responder, event} = setUp();
    host.addEventListener('thing-request', () => responder.respondWith(new Promise<string>(() => {})));
    const abort = new AbortController();
    const asked = controller.ask({event, responder, timeout: 0, signal: abort.signal}).catch((e: unknown) => e);
    const reason = new DOMException('Stopped', 'AbortError');
    abort.abort(reason);
    expect(await asked).to.equal(reason);
  });

  it('once the element is removed, it waits for the answer without a timer (the answer is not lost)', async () => {
    const {host, controller, responder, event} = setUp();
    let resolve!: (v: string) => void;
    host.addEventListener('thing-request', () => responder.respondWith(new Promise<string>((r) => (resolve = r))));
    const asked = controller.ask({event, responder, timeout: 20});
    host.disconnect();
    setTimeout(() => resolve('after removal'), 60);
    expect(await asked).to.deep.include({value: 'after removal', answeredBy: 'host'});
  });
});
