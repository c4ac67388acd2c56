import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import sinon from 'sinon';
import {ManualClock, SimulatedClock, type Clock} from '../../src/core/clock.js';
import {Temporal} from '../../src/core/temporal.js';
import {DeadlineController} from '../../src/internal/deadline-controller.js';

class DeadlineProbe extends LitElement {
  clockValue: Clock = new ManualClock('2026-11-23T14:00:00Z');
  deadline?: Temporal.Instant;
  runs = 0;
  controller = new DeadlineController(this, {
    clock: () => this.clockValue,
    next: () => this.deadline,
    run: () => {
      this.runs++;
      this.deadline = undefined;
    },
  });
}
customElements.define('deadline-probe', DeadlineProbe);

describe('DeadlineController', () => {
  afterEach(() => sinon.restore());

  it('divides real delays by the clock rate (a 60x simulated minute is one real second)', async () => {
    const timers = sinon.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      now: Date.parse('2026-11-23T14:00:00Z'),
    });
    const el = document.createElement('deadline-probe') as DeadlineProbe;
    el.clockValue = new SimulatedClock('2026-11-23T14:00:00Z', {rate: 60});
    el.deadline = Temporal.Instant.from('2026-11-23T14:01:00Z');
    document.body.append(el);
    timers.tick(999);
    expect(el.runs).to.equal(0);
    timers.tick(2);
    expect(el.runs).to.equal(1);
    el.remove();
    expect(timers.countTimers()).to.equal(0);
  });

  it('follows a clock that arrives after connection (context) and drops the old subscription', async () => {
    const el = await fixture<DeadlineProbe>(html`<deadline-probe></deadline-probe>`);
    const first = el.clockValue as ManualClock;
    const second = new ManualClock('2026-11-23T14:00:00Z');
    el.deadline = Temporal.Instant.from('2026-11-23T14:05:00Z');
    el.clockValue = second;
    el.requestUpdate();
    await el.updateComplete;
    first.advance({minutes: 10}); // the old clock no longer drives anything
    expect(el.runs).to.equal(0);
    second.advance({minutes: 5});
    expect(el.runs).to.equal(1);
  });
});
