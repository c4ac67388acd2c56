/**
 * Strict CSP and Trusted Types: every element runs through its main flow on a page served with
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`
 * (web-test-runner.csp.config.mjs) and the page records zero `securitypolicyviolation` events
 * (test/csp/violations.js listens from before the first module loads).
 */
import {expect, fixture, html, nextFrame, oneEvent} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {ignoreWindowResizeObserverLoopErrors} from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import type {CallbackListElement} from '../../src/components/callback-list/callback-list.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import type {LogoutCountdownElement} from '../../src/components/logout-countdown/logout-countdown.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {generateSlots} from '../../src/core/time.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
  target: string;
}
declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const violations = () => window.__cspViolations ?? [];
/** The text as read: interpolated names are isolated (FSI/PDI), which reading ignores. */
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

async function settle(el: {updateComplete: Promise<unknown>}) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
  await el.updateComplete;
}

describe('strict CSP and Trusted Types', () => {
  let restoreErrors: (() => void) | undefined;
  before(() => {
    restoreErrors = ignoreWindowResizeObserverLoopErrors({suppressErrorLogging: true});
  });
  after(() => restoreErrors?.());
  afterEach(function () {
    const seen = violations().map(
      (v) => `${v.directive} on ${v.target}: ${v.blockedURI} ${v.sourceFile}:${v.line} ${v.sample}`,
    );
    window.__cspViolations = [];
    if (seen.length) console.log(JSON.stringify([...new Set(seen)], null, 1));
    expect([...new Set(seen)], `CSP violations during "${this.currentTest?.title}"`).to.deep.equal([]);
  });

  it('the page is served with the strict policy and the violation recorder is in place', async () => {
    const response = await fetch(location.href);
    const policy = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ]) {
      expect(policy).to.contain(directive);
    }
    expect(policy).to.not.contain('unsafe');
    expect(window.__cspViolations).to.be.an('array');
  });

  it('<timeslot-grid>: renders and selects a slot', async () => {
    const slots = generateSlots({
      timeZone: 'America/New_York',
      from: '2026-11-23',
      to: '2026-11-27',
      slotMinutes: 30,
      hours: {start: '09:00', end: '12:00'},
    }).map((s, i) => ({
      start: s.start.toInstant().toString(),
      end: s.end.toInstant().toString(),
      available: i % 4 !== 1,
      ...(i % 4 === 1 ? {reason: 'full' as const} : {}),
    }));
    const grid = await fixture<TimeslotGridElement>(
      html`<timeslot-grid
        .slots=${slots}
        time-zone="America/New_York"
        start-date="2026-11-23"
        locale="en-US"
      ></timeslot-grid>`,
    );
    const cell = grid.shadowRoot!.querySelector<HTMLElement>(
      '[role="gridcell"][data-key]:not([aria-disabled="true"])',
    )!;
    const selected = oneEvent(grid, 'slot-select');
    cell.click();
    expect((await selected).detail.slot.start).to.equal(slots[0].start);
    await grid.updateComplete;
    expect(grid.value).to.equal(slots[0].start);
  });

  it('<callback-scheduler>: submits a callback to the MemoryBackend', async () => {
    const clock = new ManualClock('2026-11-23T14:00:00Z');
    const backend = new MemoryBackend({clock, seed: 3});
    const contact = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);
    const session = await fixture<AgentSessionElement>(html`
      <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}>
        <callback-scheduler .contact=${contact} campaign-id="camp-spring-renewals"></callback-scheduler>
      </agent-session>
    `);
    const el = session.querySelector<CallbackSchedulerElement>('callback-scheduler')!;
    await waitUntil(
      () => {
        const grid = el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid');
        return grid && !grid.loading && grid.shadowRoot!.querySelector('[data-key]');
      },
      'slots did not load',
      {timeout: 5000},
    );
    await el.updateComplete;
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Wants to renew the premium plan';
    textarea.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const scheduled = oneEvent(el, 'callback-scheduled');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    const {callback} = (await scheduled).detail;
    expect(callback.notes).to.equal('Wants to renew the premium plan');
    const mine = await backend.listCallbacks({agentId: 'agent-maria'});
    expect(mine.filter((c) => c.id === callback.id)).to.have.length(1);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="summary"]')).to.not.equal(null);
  });

  it('<callback-list>: a due reminder, then a cancellation', async () => {
    const clock = new ManualClock('2026-11-23T14:50:00Z');
    const backend = new MemoryBackend({clock, seed: 1});
    const el = await fixture<CallbackListElement>(
      html`<callback-list locale="en-US" .agent=${MARIA} .clock=${clock} .backend=${backend}></callback-list>`,
    );
    await settle(el);
    const due = oneEvent(el, 'callback-due');
    clock.advance({minutes: 65}); // 11:00 AM EST is 16:00Z: due at 15:55Z
    expect((await due).detail.callback.id).to.be.a('string');
    await settle(el);
    const row = el.shadowRoot!.querySelector<HTMLElement>('article[data-id="cb-demo-today"]')!;
    [...row.querySelectorAll('button')].find((b) => /^Cancel/.test(norm(b.getAttribute('aria-label'))))!.click();
    await settle(el);
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')!;
    expect(dialog.open).to.equal(true);
    const canceled = oneEvent(el, 'callback-canceled');
    [...dialog.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Cancel callback')!.click();
    expect((await canceled).detail.callback.status).to.equal('canceled');
    await settle(el);
    expect(el.shadowRoot!.querySelector('article[data-id="cb-demo-today"]')).to.equal(null);
  });

  it('<campaign-list>: campaigns with a start notice', async () => {
    const clock = new ManualClock('2026-11-23T14:00:00Z');
    const backend = new MemoryBackend({clock, seed: 1});
    const el = await fixture<CampaignListElement>(
      html`<campaign-list locale="en-US" .agent=${MARIA} .clock=${clock} .backend=${backend}></campaign-list>`,
    );
    await settle(el);
    const started = oneEvent(el, 'campaign-started');
    backend.startCampaign('camp-winback');
    expect((await started).detail.campaign.id).to.equal('camp-winback');
    await settle(el);
    const notices = [...el.shadowRoot!.querySelectorAll('[part="notice"]')].map((n) => norm(n.textContent));
    expect(notices.some((n) => n.includes('Campaign Customer Win-Back has started.'))).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('.row--campaign').length).to.be.greaterThan(0);
  });

  it('<logout-countdown>: deferred, then authorized', async () => {
    const clock = new ManualClock('2026-11-23T14:00:00Z');
    const backend = new MemoryBackend({clock, seed: 1});
    backend.reserveAgentForCall('agent-maria', 8);
    const el = await fixture<LogoutCountdownElement>(
      html`<logout-countdown locale="en-US" .agent=${MARIA} .clock=${clock} .backend=${backend}></logout-countdown>`,
    );
    expect(await el.requestLogout()).to.equal('deferred');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="ring"]')).to.not.equal(null);
    const authorized = oneEvent(el, 'logout-authorized');
    clock.advance({seconds: 8});
    expect((await authorized).detail.deferred).to.equal(true);
    await el.updateComplete;
    expect(el.logoutState).to.equal('authorized');
  });

  it('the recorder sees a violation when there is one (Trusted Types and style attributes are enforced)', async () => {
    expect(violations()).to.deep.equal([]);
    const div = document.createElement('div');
    document.body.append(div);
    expect(() => {
      div.innerHTML = '<b>untrusted</b>';
    }).to.throw(TypeError);
    div.setAttribute('style', 'color: red');
    await waitUntil(() => violations().length >= 2, 'the violations were not reported');
    const seen = violations().map((v) => v.directive);
    window.__cspViolations = []; // the expected ones: afterEach finds none left
    expect(getComputedStyle(div).color, 'the style attribute was blocked').to.not.equal('rgb(255, 0, 0)');
    div.remove();
    expect(seen).to.include.members(['require-trusted-types-for', 'style-src-attr']);
  });
});
