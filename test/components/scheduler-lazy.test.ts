/**
 * <callback-scheduler>'s lazily loaded pieces (issue 17): the week's `<timeslot-grid>` is a chunk of its own, downloaded
 * with the first availability request. When that download fails (a deploy replaced the chunks, the network dropped),
 * the agent reads why in the week's place and gets it with Retry, by keyboard too; nothing else in the form is lost.
 * The `offline-chunks` command answers 503 for the grid's module on this page only (test/plugins/offline-chunks.mjs).
 *
 * Nothing in this file imports the grid: its first download is the scheduler's own.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {waitFor as waitUntil} from '../support/wait.js';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import '../support/fresh-storage.js';

const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const SOPHIA = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const gridRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/timeslot-grid\/timeslot-grid\.(js|ts)$/.test(path));

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<callback-scheduler> when its week grid cannot be downloaded', () => {
  before(async () => {
    await executeServerCommand('offline-chunks', {pattern: '/timeslot-grid/timeslot-grid\\.(js|ts)$'});
  });
  after(async () => {
    await executeServerCommand('offline-chunks', {pattern: null});
  });

  it("says so in the week's place with Retry; Retry by keyboard brings the week, slots and all", async () => {
    expect(customElements.get('timeslot-grid'), 'no one loaded the grid before').to.equal(undefined);
    const clock = new ManualClock(NOW);
    const backend = new MemoryBackend({clock, seed: 11});
    const session = await fixture<AgentSessionElement>(html`
      <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}>
        <callback-scheduler .contact=${SOPHIA} campaign-id="camp-spring-renewals"></callback-scheduler>
      </agent-session>
    `);
    const el = session.querySelector<CallbackSchedulerElement>('callback-scheduler')!;
    const root = el.shadowRoot!;
    const alert = () => root.querySelector<HTMLElement>('.grid-box [role="alert"]');
    await waitUntil(() => alert(), 'the failed download is shown', {timeout: 20_000});
    expect(gridRequests(), 'the download was tried').to.not.deep.equal([]);
    expect(norm(alert()!.textContent)).to.equal('The scheduling service is unavailable. Try again in a moment. Retry');
    expect(root.querySelector('timeslot-grid')).to.equal(null);
    expect(root.querySelector('.pending'), 'no endless "Loading…"').to.equal(null);
    // the rest of the form is there and keeps working
    const notes = root.querySelector('textarea')!;
    notes.focus();
    await sendKeys({type: 'Call after lunch'});
    expect(root.querySelector('[part="submit"]')).to.not.equal(null);

    await executeServerCommand('offline-chunks', {pattern: null});
    const retry = alert()!.querySelector('button')!;
    expect(norm(retry.textContent)).to.equal('Retry');
    retry.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(
      () => root.querySelector('timeslot-grid')?.shadowRoot?.querySelectorAll('[data-key]').length,
      'the week with its slots after Retry',
      {timeout: 20_000},
    );
    await el.updateComplete;
    expect(alert()).to.equal(null);
    expect(root.contains(deepActive()) || deepActive() === el, 'focus stays in the scheduler').to.equal(true);
    expect(deepActive()?.classList.contains('grid-box'), "focus is in the week's place").to.equal(true);
    expect(notes.value, 'the notes were kept').to.equal('Call after lunch');
  });
});
