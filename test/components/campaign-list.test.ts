import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {setupIgnoreWindowResizeObserverLoopErrors} from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/agent-session/agent-session.js';
import {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_AGENTS} from '../../src/core/demo-data.js';
import {BackendUnavailableError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Campaign} from '../../src/core/types.js';
import type {CampaignSelectEvent} from '../../src/events/campaign-select.js';
import type {CampaignStartedEvent} from '../../src/events/campaign-started.js';
import type {PreviewRecord, PreviewRecordRequestEvent} from '../../src/events/preview-record-request.js';
import {loadVirtualizer, VIRTUALIZE_ABOVE} from '../../src/internal/virtual-list.js';
import {loadPreviewRecords} from '../../src/components/campaign-list/preview-records.js';

const [MARIA, , LUCIA] = DEMO_AGENTS;
/** Monday 2026-11-23, 9:00 AM in New York: the demo's running campaigns started at 6:45 AM EST (11:45Z). */
const NOW = '2026-11-23T14:00:00Z';

/** The text as read, without the isolates (FSI/PDI) around interpolated names (scheduler-host-states tests them). */
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Lit updates, then the virtualizer's layout (ResizeObserver and animation frames), then Lit again. */
async function settle(el: CampaignListElement) {
  for (let i = 0; i < 4; i++) {
    await el.updateComplete;
    await frame();
  }
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: CampaignListElement, selector: string) =>
  el.shadowRoot!.querySelector<T & HTMLElement>(selector);
const $$ = (el: CampaignListElement, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const rows = (el: CampaignListElement) => $$(el, '.row--campaign');
const names = (el: CampaignListElement) => rows(el).map((r) => norm(r.querySelector('.name')!.textContent));
const rowOf = (el: CampaignListElement, name: string) =>
  rows(el).find((r) => norm(r.querySelector('.name')!.textContent) === name)!;
const cell = (row: HTMLElement, col: number) => row.querySelector<HTMLElement>(`[data-col="${col}"]`)!;
/** A cell's value (without the labels only the narrow layout shows). */
const value = (row: HTMLElement, col: number) => {
  const c = cell(row, col);
  return norm((c.querySelector('.value') ?? c).textContent);
};
const notices = (el: CampaignListElement) =>
  $$(el, '[part="notice"]').map((n) => norm(n.querySelector('.notice__text')!.textContent));
const focused = (el: CampaignListElement) => el.shadowRoot!.activeElement as HTMLElement | null;
/** The focused grid position: [aria-rowindex of its row, column]. */
const position = (el: CampaignListElement) => {
  const active = focused(el);
  const row = active?.closest('[role="row"]');
  return [Number(row?.getAttribute('aria-rowindex')), Number(active?.closest<HTMLElement>('[data-col]')?.dataset.col)];
};
const tabStops = (el: CampaignListElement) => $$(el, '[role="grid"] [tabindex="0"]');

interface Setup {
  agent?: (typeof DEMO_AGENTS)[number];
  backend?: MemoryBackend;
  campaigns?: Campaign[];
  attrs?: {filter?: string; sortBy?: string; responseTimeout?: number};
}

const listeners: Array<() => void> = [];
/** Records every event of a type that reaches the document (listening before the element exists). */
function record<E extends Event>(type: string): E[] {
  const seen: E[] = [];
  const listener = (event: Event) => seen.push(event as E);
  document.addEventListener(type, listener);
  listeners.push(() => document.removeEventListener(type, listener));
  return seen;
}

async function setup({agent = MARIA, backend, campaigns, attrs = {}}: Setup = {}) {
  const clock = new ManualClock(NOW);
  backend ??= new MemoryBackend({clock, seed: 1});
  const el = await fixture<CampaignListElement>(
    html`<campaign-list
      .backend=${backend}
      .clock=${clock}
      .agent=${agent}
      .campaigns=${campaigns}
      filter=${attrs.filter ?? 'active'}
      sort-by=${attrs.sortBy ?? 'status'}
      response-timeout=${attrs.responseTimeout ?? 15000}
      locale="en-US"
    ></campaign-list>`,
  );
  await settle(el);
  return {el, clock, backend};
}

/** Host-side campaigns with distinct start times (and one never started), for sorting. */
const SORTABLE: Campaign[] = [
  {
    id: 'b',
    name: 'Bravo',
    status: 'running',
    dialingMode: 'progressive',
    deliveryMode: 'automatic',
    startedAt: '2026-11-23T08:00:00Z',
  },
  {
    id: 'a',
    name: 'alpha',
    status: 'paused',
    dialingMode: 'predictive',
    deliveryMode: 'automatic',
    startedAt: '2026-11-23T09:00:00Z',
  },
  {
    id: 'c',
    name: 'Charlie',
    status: 'started',
    dialingMode: 'preview',
    deliveryMode: 'manual',
    startedAt: '2026-11-23T10:00:00Z',
  },
  {id: 'd', name: 'Delta', status: 'completed', dialingMode: 'push-preview', deliveryMode: 'automatic'},
  {
    id: 'e',
    name: 'Echo',
    status: 'stopped',
    dialingMode: 'progressive',
    deliveryMode: 'automatic',
    startedAt: '2026-11-23T07:00:00Z',
  },
];

describe('<campaign-list>', () => {
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => {
    listeners.splice(0).forEach((off) => off());
    sinon.restore();
  });

  describe('data and layout', () => {
    it("lists the agent's active and running campaigns from listCampaigns, with status, modes and start time in the agent's zone", async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const list = sinon.spy(backend, 'listCampaigns');
      const {el} = await setup({backend});
      expect(list.calledOnce).to.equal(true);
      expect(list.firstCall.args[0]).to.deep.equal({agentId: 'agent-maria'});
      expect(names(el)).to.deep.equal(['Service Follow-up', 'Spring Renewals']);
      const spring = rowOf(el, 'Spring Renewals');
      expect(norm(cell(spring, 1).textContent)).to.equal('Running');
      expect(norm(cell(spring, 2).querySelector('span')!.textContent)).to.equal('Progressive');
      expect(value(spring, 3)).to.equal('Automatic');
      expect(norm(cell(spring, 4).querySelector('time')!.textContent)).to.equal('6:45 AM');
      expect(cell(spring, 4).querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-23T11:45:00Z');
      const service = rowOf(el, 'Service Follow-up');
      expect(norm(cell(service, 2).querySelector('span')!.textContent)).to.equal('Preview');
      expect(value(service, 3)).to.equal('Manual');
      expect(norm($(el, '.zone')!.textContent)).to.equal('Times in Eastern Time');
      expect(norm($(el, '[part="footer"]')!.textContent)).to.equal('2 of 4 campaigns');
      await expect(el).to.be.accessible();
    });

    it("shows start times in the agent's own zone and locale, with the date when not today", async () => {
      const {el} = await setup({agent: LUCIA});
      el.locale = 'es-ES';
      await settle(el);
      expect(names(el)).to.deep.equal(['Encuesta de Satisfacción', 'Service Follow-up']);
      // 11:45Z is 12:45 in Madrid (CET) in a 24-hour locale
      expect(value(rowOf(el, 'Service Follow-up'), 4)).to.equal('12:45');
      const yesterday = await setup({
        campaigns: [{...SORTABLE[0], startedAt: '2026-11-22T20:30:00Z'}],
      });
      expect(value(rows(yesterday.el)[0], 4)).to.equal('Sun, Nov 22, 3:30 PM');
    });

    it('the filter shows all campaigns and back, by keyboard', async () => {
      const {el} = await setup();
      const active = $<HTMLInputElement>(el, 'input[value="active"]')!;
      expect(active.checked).to.equal(true);
      expect(norm($(el, '[part="filter"]')!.textContent)).to.contain('Active and running (2)');
      active.focus();
      await sendKeys({press: 'ArrowRight'});
      await settle(el);
      expect(el.filter).to.equal('all');
      expect(el.getAttribute('filter')).to.equal('all');
      expect(norm($(el, '[role="status"][aria-live]')!.textContent)).to.equal('Showing all 4 campaigns.');
      expect(names(el)).to.deep.equal(['Service Follow-up', 'Spring Renewals', 'Customer Win-Back', 'Holiday Offers']);
      expect(rows(el).map((r) => norm(cell(r, 1).textContent))).to.deep.equal([
        'Running',
        'Running',
        'Paused',
        'Stopped',
      ]);
      expect(value(rowOf(el, 'Customer Win-Back'), 4)).to.equal('Not started');
      expect(norm($(el, '[part="footer"]')!.textContent)).to.equal('4 campaigns');
      await expect(el).to.be.accessible();
      await sendKeys({press: 'ArrowLeft'});
      await settle(el);
      expect(el.filter).to.equal('active');
      expect(names(el)).to.have.length(2);
    });

    it('sorts by name, status and start time from the header row, by keyboard', async () => {
      const {el} = await setup({campaigns: SORTABLE, attrs: {filter: 'all'}});
      const header = (col: number) => $(el, `.row--header [data-col="${col}"]`)!;
      expect(names(el)).to.deep.equal(['Charlie', 'Bravo', 'alpha', 'Echo', 'Delta']); // status order by default
      expect(header(1).getAttribute('aria-sort')).to.equal('ascending');
      $<HTMLInputElement>(el, 'input[value="all"]')!.focus();
      await sendKeys({press: 'Tab'});
      expect(position(el)).to.deep.equal([2, 0]);
      await sendKeys({press: 'ArrowUp'});
      await el.updateComplete;
      expect(focused(el)).to.equal(header(0).querySelector('button'));
      await sendKeys({press: 'Enter'});
      await settle(el);
      expect(names(el)).to.deep.equal(['alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
      expect(header(0).getAttribute('aria-sort')).to.equal('ascending');
      expect(header(1).hasAttribute('aria-sort')).to.equal(false);
      expect(norm($(el, '[role="status"][aria-live]')!.textContent)).to.equal('Sorted by Campaign, ascending.');
      await sendKeys({press: ' '});
      await settle(el);
      expect(names(el)).to.deep.equal(['Echo', 'Delta', 'Charlie', 'Bravo', 'alpha']);
      expect(header(0).getAttribute('aria-sort')).to.equal('descending');
      for (let i = 0; i < 4; i++) await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(focused(el)).to.equal(header(4).querySelector('button'));
      await sendKeys({press: 'Enter'});
      await settle(el);
      expect(el.sortBy).to.equal('start');
      expect(names(el)).to.deep.equal(['Echo', 'Bravo', 'alpha', 'Charlie', 'Delta']);
      await sendKeys({press: 'Enter'});
      await settle(el);
      expect(names(el), 'never-started campaigns stay last').to.deep.equal([
        'Charlie',
        'alpha',
        'Bravo',
        'Echo',
        'Delta',
      ]);
      expect(el.getAttribute('sort-direction')).to.equal('descending');
      await expect(el).to.be.accessible();
    });

    it("each row's header cell carries the status, and the grid tells the true row count", async () => {
      const {el} = await setup();
      const grid = $(el, '[role="grid"]')!;
      expect(grid.getAttribute('aria-label')).to.equal('My campaigns');
      expect(grid.getAttribute('aria-rowcount')).to.equal('3');
      const first = rows(el)[0];
      expect(first.getAttribute('aria-rowindex')).to.equal('2');
      const rowHeader = first.querySelector('[role="rowheader"]')!;
      expect(norm(rowHeader.textContent)).to.equal('Service Follow-up, Running');
      expect(first.querySelectorAll('[role="gridcell"]')).to.have.length(5);
      expect($$(el, '[role="columnheader"]').map((h) => norm(h.textContent).replace(/[▲▼↕]/g, ''))).to.deep.equal([
        'Campaign',
        'Status',
        'Dialing mode',
        'Delivery',
        'Started',
        'Records',
      ]);
    });

    it('explains each dialing mode in plain words', async () => {
      const {el} = await setup({attrs: {filter: 'all'}});
      const help = (name: string) => cell(rowOf(el, name), 2).querySelector<HTMLButtonElement>('button')!;
      const popover = (name: string) => cell(rowOf(el, name), 2).querySelector<HTMLElement>('[popover]')!;
      expect(help('Spring Renewals').getAttribute('aria-label')).to.equal('About Progressive dialing');
      help('Spring Renewals').click();
      await el.updateComplete;
      expect(popover('Spring Renewals').matches(':popover-open')).to.equal(true);
      expect(norm(popover('Spring Renewals').textContent)).to.contain(
        'the system dials customers from the calling list for you and connects a call to you only when the customer answers',
      );
      await expect(el).to.be.accessible();
      await sendKeys({press: 'Escape'});
      expect(popover('Spring Renewals').matches(':popover-open')).to.equal(false);
      expect(norm(popover('Customer Win-Back').textContent)).to.contain('predicting when agents will be free');
      expect(norm(popover('Holiday Offers').textContent)).to.contain(
        'sends calling records to your desktop automatically',
      );
      expect(norm(popover('Service Follow-up').textContent)).to.contain('you ask for the next record');
    });
  });

  describe('keyboard (APG grid)', () => {
    it('has exactly one tab stop, and moves with the arrows, Home/End and Ctrl+Home/End', async function () {
      const {el} = await setup({attrs: {filter: 'all'}});
      // Something focusable after the list, so Tab out of the grid stays in the page in every browser (Firefox
      // would move to its own toolbar) and Shift+Tab comes back from it.
      const after = document.createElement('button');
      after.textContent = 'After the list';
      el.after(after);
      expect(tabStops(el)).to.have.length(1);
      $<HTMLInputElement>(el, 'input[value="all"]')!.focus();
      await sendKeys({press: 'Tab'});
      expect(position(el)).to.deep.equal([2, 0]);
      expect(focused(el)!.getAttribute('role')).to.equal('rowheader');
      await sendKeys({press: 'Tab'});
      expect(focused(el)?.closest('[role="grid"]') ?? null, 'Tab leaves the grid').to.equal(null);
      await sendKeys({down: 'Shift'});
      await sendKeys({press: 'Tab'});
      await sendKeys({up: 'Shift'});
      expect(position(el)).to.deep.equal([2, 0]);
      await sendKeys({press: 'ArrowRight'});
      expect(position(el)).to.deep.equal([2, 1]);
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(focused(el)!.matches('button.help'), 'the cell with a single button focuses the button').to.equal(true);
      await sendKeys({press: 'End'});
      await el.updateComplete;
      expect(norm(focused(el)!.textContent)).to.equal('Get next record'); // Service Follow-up is manual preview
      await sendKeys({press: 'Home'});
      await sendKeys({press: 'ArrowDown'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([3, 0]);
      expect(norm(focused(el)!.textContent)).to.equal('Spring Renewals, Running');
      expect(tabStops(el)).to.deep.equal([focused(el)]);
      await sendKeys({down: 'Control'});
      await sendKeys({press: 'End'});
      await sendKeys({up: 'Control'});
      await settle(el);
      expect(position(el)).to.deep.equal([5, 5]);
      await sendKeys({press: 'ArrowDown'}); // bottom edge: stays
      await el.updateComplete;
      expect(position(el)).to.deep.equal([5, 5]);
      await sendKeys({down: 'Control'});
      await sendKeys({press: 'Home'});
      await sendKeys({up: 'Control'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([1, 0]);
      expect(tabStops(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('in a narrow panel, rows become cards and the arrows skip the header cells it hides', async () => {
      const {el} = await setup({attrs: {filter: 'all'}});
      el.style.inlineSize = '320px';
      await settle(el);
      const header = (col: number) => $(el, `.row--header [data-col="${col}"]`)!;
      expect(header(2).getClientRects().length).to.equal(0);
      const spring = rowOf(el, 'Spring Renewals');
      expect(cell(spring, 1).getBoundingClientRect().top).to.be.lessThan(cell(spring, 2).getBoundingClientRect().top);
      cell(rows(el)[0], 0).focus();
      await sendKeys({press: 'ArrowUp'});
      await sendKeys({press: 'ArrowRight'});
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(focused(el)).to.equal(header(4).querySelector('button'));
      await sendKeys({press: 'ArrowRight'}); // the last shown header cell: stays
      await el.updateComplete;
      expect(focused(el)).to.equal(header(4).querySelector('button'));
      await expect(el).to.be.accessible();
    });

    it('swaps left and right in right-to-left pages', async () => {
      const {el} = await setup();
      el.setAttribute('dir', 'rtl');
      await settle(el);
      cell(rows(el)[0], 1).focus();
      await sendKeys({press: 'ArrowLeft'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([2, 2]);
      await sendKeys({press: 'ArrowRight'});
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([2, 0]);
    });

    it('Enter, Space and click select a campaign and fire campaign-select', async () => {
      const {el} = await setup();
      const selects = record<CampaignSelectEvent>('campaign-select');
      cell(rows(el)[0], 0).focus();
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(selects).to.have.length(1);
      expect(selects[0].detail.campaign.id).to.equal('camp-service-followup');
      expect(el.selected).to.equal('camp-service-followup');
      expect(el.getAttribute('selected')).to.equal('camp-service-followup');
      expect(rows(el)[0].getAttribute('aria-selected')).to.equal('true');
      expect(rows(el)[0].getAttribute('part')).to.equal('row row-selected');
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: ' '});
      await el.updateComplete;
      expect(selects.map((e) => e.detail.campaign.id)).to.deep.equal(['camp-service-followup', 'camp-spring-renewals']);
      cell(rows(el)[0], 3).click();
      await el.updateComplete;
      expect(selects).to.have.length(3);
      expect(rows(el)[0].getAttribute('aria-selected')).to.equal('true');
      expect(rows(el)[1].getAttribute('aria-selected')).to.equal('false');
      el.selected = 'camp-spring-renewals';
      await el.updateComplete;
      expect(selects, 'a programmatic selection fires nothing').to.have.length(3);
      await expect(el).to.be.accessible();
    });
  });

  const many = (count: number): Campaign[] =>
    Array.from({length: count}, (_, i) => ({
      id: `c-${i}`,
      name: `Campaign ${String(i).padStart(5, '0')}`,
      status: (['paused', 'stopped', 'completed', 'running'] as const)[i % 4],
      dialingMode: (['preview', 'push-preview', 'progressive', 'predictive'] as const)[i % 4],
      deliveryMode: i % 4 === 0 ? 'manual' : 'automatic',
      startedAt: new Date(Date.parse(NOW) - i * 60_000).toISOString(),
    }));
  /** Ctrl+ a key. */
  const withCtrl = async (key: string) => {
    await sendKeys({down: 'Control'});
    await sendKeys({press: key});
    await sendKeys({up: 'Control'});
  };

  describe('plain up to the threshold, virtualized past it', () => {
    it(`renders every row of ${VIRTUALIZE_ABOVE} campaigns itself, with the keyboard reaching each of them`, async () => {
      const {el} = await setup({campaigns: many(VIRTUALIZE_ABOVE), attrs: {filter: 'all', sortBy: 'name'}});
      expect(rows(el)).to.have.length(VIRTUALIZE_ABOVE);
      expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(VIRTUALIZE_ABOVE + 1));
      expect(rows(el).at(-1)!.getAttribute('aria-rowindex')).to.equal(String(VIRTUALIZE_ABOVE + 1));
      expect(tabStops(el)).to.have.length(1);
      cell(rows(el)[0], 0).focus();
      await sendKeys({press: 'PageDown'});
      await el.updateComplete;
      const [afterPage] = position(el);
      expect(afterPage, 'a page is the rows in view').to.be.greaterThan(3).and.lessThan(20);
      await sendKeys({press: 'PageUp'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([2, 0]);
      await withCtrl('End');
      await el.updateComplete;
      expect(position(el)).to.deep.equal([VIRTUALIZE_ABOVE + 1, 5]);
      expect(norm(focused(el)!.closest('[role="row"]')!.querySelector('.name')!.textContent)).to.equal(
        `Campaign ${String(VIRTUALIZE_ABOVE - 1).padStart(5, '0')}`,
      );
      await waitUntil(() => {
        const box = focused(el)!.getBoundingClientRect();
        const view = $(el, '.scroller')!.getBoundingClientRect();
        return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
      }, 'the focused row is scrolled into view');
      await withCtrl('Home');
      await el.updateComplete;
      expect(position(el)).to.deep.equal([1, 0]);
      expect(tabStops(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('switches to virtualization when it grows past the threshold, keeping its size and the focused row', async () => {
      const {el} = await setup({campaigns: many(VIRTUALIZE_ABOVE), attrs: {filter: 'all', sortBy: 'name'}});
      const scroller = $(el, '.scroller')!;
      const size = scroller.getBoundingClientRect();
      cell(rows(el)[0], 0).focus();
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'ArrowDown'});
      await sendKeys({press: 'ArrowRight'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([4, 1]);
      // The new ones paused: no start notices push the grid out of the window (rows render only where seen).
      el.campaigns = many(VIRTUALIZE_ABOVE + 50).map((c, i) => (i < VIRTUALIZE_ABOVE ? c : {...c, status: 'paused'}));
      await loadVirtualizer();
      await settle(el);
      await waitUntil(() => focused(el), 'focus comes back to the grid');
      expect(rows(el).length, 'only the rows in view (and overscan)')
        .to.be.greaterThan(3)
        .and.lessThan(VIRTUALIZE_ABOVE);
      expect(position(el)).to.deep.equal([4, 1]);
      expect(tabStops(el)).to.deep.equal([focused(el)]);
      expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(VIRTUALIZE_ABOVE + 51));
      expect($(el, '.scroller')).to.equal(scroller);
      const after = scroller.getBoundingClientRect();
      expect([after.width, after.height]).to.deep.equal([size.width, size.height]);
      await withCtrl('End');
      await waitUntil(() => position(el)[0] === VIRTUALIZE_ABOVE + 51, 'the last row gets focus');
      expect(rows(el).length).to.be.lessThan(VIRTUALIZE_ABOVE);
      await withCtrl('Home');
      await el.updateComplete;
      expect(position(el)).to.deep.equal([1, 0]);
      await expect(el).to.be.accessible();
    });
  });

  describe('10,000 campaigns', () => {
    it('renders only the rows in view and the keyboard still reaches every row', async () => {
      const {el} = await setup({campaigns: many(10_000), attrs: {filter: 'all', sortBy: 'name'}});
      await loadVirtualizer(); // the lazy chunk (loaded at the first render past the threshold), then its layout
      await settle(el);
      const grid = $(el, '[role="grid"]')!;
      expect(grid.getAttribute('aria-rowcount')).to.equal('10001');
      expect(rows(el).length).to.be.greaterThan(3).and.lessThan(100);
      expect(norm($(el, '[part="footer"]')!.textContent)).to.equal('10000 campaigns');
      cell(rows(el)[0], 0).focus();
      await sendKeys({press: 'PageDown'});
      await settle(el);
      const [afterPage] = position(el);
      expect(afterPage).to.be.greaterThan(3);
      await sendKeys({down: 'Control'});
      await sendKeys({press: 'End'});
      await sendKeys({up: 'Control'});
      await waitUntil(() => position(el)[0] === 10001, 'the last row gets focus');
      expect(norm(focused(el)!.closest('[role="row"]')!.querySelector('.name')!.textContent)).to.equal(
        'Campaign 09999',
      );
      await waitUntil(() => {
        const box = focused(el)!.getBoundingClientRect();
        const view = $(el, '.scroller')!.getBoundingClientRect();
        return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
      }, 'the focused row is scrolled into view');
      expect(rows(el).length).to.be.lessThan(100);
      expect(tabStops(el)).to.have.length(1);
      await sendKeys({press: 'Home'});
      await el.updateComplete;
      expect(position(el)).to.deep.equal([10001, 0]);
      await expect(el).to.be.accessible();
    });

    it('keeps one tab stop, and focus, in the rendered rows when the agent scrolls away', async () => {
      const {el} = await setup({campaigns: many(10_000), attrs: {filter: 'all', sortBy: 'name'}});
      await loadVirtualizer();
      await settle(el);
      cell(rows(el)[0], 0).focus();
      const scroller = $(el, '.scroller')!;
      scroller.scrollTop = scroller.scrollHeight / 2;
      await settle(el);
      await waitUntil(() => focused(el)?.closest('.row--campaign'), 'focus stays on a rendered row');
      expect(position(el)[0]).to.be.greaterThan(1000);
      expect(tabStops(el)).to.have.length(1);
      expect(rows(el)).to.include(focused(el)!.closest('.row--campaign'));
    });
  });

  describe('start notices', () => {
    it('campaigns running before load give ONE combined notice and one campaign-started each with startedBeforeLogin', async () => {
      const started = record<CampaignStartedEvent>('campaign-started');
      const {el} = await setup();
      expect(started.map((e) => [e.detail.campaign.id, e.detail.startedBeforeLogin])).to.deep.equal([
        ['camp-spring-renewals', true],
        ['camp-service-followup', true],
      ]);
      expect(started[0].cancelable && started[0].bubbles && started[0].composed).to.equal(true);
      expect(notices(el)).to.deep.equal([
        '2 campaigns were already running when you logged in: Spring Renewals and Service Follow-up.',
      ]);
      const log = $(el, '[part="notices"]')!;
      expect(log.getAttribute('role')).to.equal('log');
      expect(log.getAttribute('aria-label')).to.equal('Campaign notices');
      await el.reload();
      await settle(el);
      expect(started, 'a reload repeats nothing').to.have.length(2);
      expect(notices(el)).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it("a campaign started through the backend's subscription gives exactly one notice and one campaign-started", async () => {
      const {el, backend, clock} = await setup();
      const started = record<CampaignStartedEvent>('campaign-started');
      backend.startCampaign('camp-winback');
      await settle(el);
      expect(started).to.have.length(1);
      expect(started[0].detail.startedBeforeLogin).to.equal(false);
      expect(started[0].detail.campaign).to.include({id: 'camp-winback', status: 'started', startedAt: NOW});
      expect(notices(el)).to.have.length(2);
      expect(notices(el)[1]).to.equal('Campaign Customer Win-Back has started.');
      const time = $$(el, '[part="notice"]')[1].querySelector('time')!;
      expect(norm(time.textContent)).to.equal('9:00 AM');
      expect(time.getAttribute('datetime')).to.equal(NOW);
      expect(norm(cell(rowOf(el, 'Customer Win-Back'), 1).textContent)).to.equal('Started');
      expect(names(el)[0], 'a started campaign sorts first').to.equal('Customer Win-Back');
      clock.advance({seconds: 31}); // the backend moves it to running: campaign-changed
      await settle(el);
      expect(norm(cell(rowOf(el, 'Customer Win-Back'), 1).textContent)).to.equal('Running');
      backend.startCampaign('camp-winback'); // already running: nothing
      await el.reload();
      await settle(el);
      expect(started).to.have.length(1);
      expect(notices(el)).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('notices can be dismissed by keyboard and are not repeated; a real restart is a new start', async () => {
      const {el, backend, clock} = await setup();
      backend.startCampaign('camp-winback');
      await settle(el);
      expect(notices(el)).to.have.length(2);
      $<HTMLButtonElement>(el, '[part="notice-dismiss"]')!.focus();
      await sendKeys({press: 'Enter'});
      await settle(el);
      expect(notices(el)).to.deep.equal(['Campaign Customer Win-Back has started.']);
      expect(focused(el), 'focus moves to the next notice').to.equal($(el, '[part="notice-dismiss"]'));
      await sendKeys({press: 'Enter'});
      await settle(el);
      expect(notices(el)).to.deep.equal([]);
      expect(focused(el)?.closest('[role="grid"]'), 'then to the grid').to.not.equal(null);
      backend.setCampaignStatus('camp-spring-renewals', 'paused');
      backend.setCampaignStatus('camp-spring-renewals', 'running'); // resumed: same start
      await el.reload();
      await settle(el);
      expect(notices(el)).to.deep.equal([]);
      backend.setCampaignStatus('camp-spring-renewals', 'stopped');
      clock.advance({minutes: 10});
      backend.startCampaign('camp-spring-renewals');
      await settle(el);
      expect(notices(el)).to.deep.equal(['Campaign Spring Renewals has started.']);
      await expect(el).to.be.accessible();
    });

    it('canceling campaign-started replaces the notice with your own', async () => {
      const cancel = (event: Event) => event.preventDefault();
      document.addEventListener('campaign-started', cancel);
      listeners.push(() => document.removeEventListener('campaign-started', cancel));
      const started = record<CampaignStartedEvent>('campaign-started');
      const {el, backend} = await setup();
      backend.startCampaign('camp-winback');
      await settle(el);
      expect(started).to.have.length(3);
      expect(notices(el)).to.deep.equal([]);
      expect(names(el)).to.include('Customer Win-Back');
    });

    it('ignores campaigns of other agents', async () => {
      const {el, backend} = await setup({attrs: {filter: 'all'}});
      const started = record<CampaignStartedEvent>('campaign-started');
      backend.startCampaign('camp-premium-upgrade'); // James and Aiko only
      backend.startCampaign('camp-winter-collections');
      await settle(el);
      expect(started).to.have.length(0);
      expect(notices(el)).to.have.length(1);
      expect(names(el)).to.have.length(4);
    });

    it('a campaign started while the list was loading is a new start, not one from before login', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1, latency: 60});
      const started = record<CampaignStartedEvent>('campaign-started');
      const el = await fixture<CampaignListElement>(
        html`<campaign-list .backend=${backend} .clock=${clock} .agent=${MARIA} locale="en-US"></campaign-list>`,
      );
      expect(norm($(el, '[part="message"]')!.textContent)).to.equal('Loading your campaigns…');
      expect($(el, '[part="message"]')!.getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
      backend.startCampaign('camp-winback');
      await waitUntil(() => rows(el).length > 0);
      await settle(el);
      expect(started.map((e) => [e.detail.campaign.id, e.detail.startedBeforeLogin])).to.deep.equal([
        ['camp-spring-renewals', true],
        ['camp-service-followup', true],
        ['camp-winback', false],
      ]);
      expect(notices(el)).to.deep.equal([
        '2 campaigns were already running when you logged in: Spring Renewals and Service Follow-up.',
        'Campaign Customer Win-Back has started.',
      ]);
    });

    it('catches up on starts missed while it was out of the page, once', async () => {
      const {el, backend} = await setup();
      const started = record<CampaignStartedEvent>('campaign-started');
      const parent = el.parentElement!;
      el.remove();
      backend.startCampaign('camp-holiday-offers');
      parent.append(el);
      await waitUntil(() => started.length === 1);
      await settle(el);
      expect(started[0].detail).to.deep.include({startedBeforeLogin: false});
      expect(started[0].detail.campaign.id).to.equal('camp-holiday-offers');
      expect(notices(el)).to.have.length(2);
      expect(notices(el)[1]).to.contain('Campaign Holiday Offers has started.');
    });
  });

  describe('preview records', () => {
    // The code that asks the host is a lazy chunk loaded on intent (campaign-list-lazy.test.ts tests that path):
    // here it is there, so the request goes out at once.
    before(() => loadPreviewRecords());
    function deferred<T>() {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
      return {promise, resolve, reject};
    }
    const recordButton = (el: CampaignListElement, name = 'Service Follow-up') =>
      cell(rowOf(el, name), 5).querySelector<HTMLButtonElement>('button')!;
    const result = (el: CampaignListElement, name = 'Service Follow-up') =>
      norm(cell(rowOf(el, name), 5).querySelector('[part="record-result"]')?.textContent);

    it('Get next record asks the host with a cancelable preview-record-request and shows the record', async () => {
      const {el} = await setup();
      const answer = deferred<PreviewRecord | null>();
      const requests = record<PreviewRecordRequestEvent>('preview-record-request');
      const respond = (event: PreviewRecordRequestEvent) => event.detail.respondWith(answer.promise);
      document.addEventListener('preview-record-request', respond);
      listeners.push(() => document.removeEventListener('preview-record-request', respond));
      cell(rowOf(el, 'Service Follow-up'), 0).focus();
      await sendKeys({press: 'End'});
      await el.updateComplete;
      expect(focused(el)).to.equal(recordButton(el));
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(requests).to.have.length(1);
      const {detail} = requests[0];
      expect(requests[0].cancelable).to.equal(true);
      expect(detail.campaign.id).to.equal('camp-service-followup');
      expect(detail.agentId).to.equal('agent-maria');
      expect(detail.signal.aborted).to.equal(false);
      expect(recordButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(norm(recordButton(el).textContent)).to.equal('Getting record…');
      await expect(el).to.be.accessible();
      await sendKeys({press: 'Enter'}); // busy: no second request
      expect(requests).to.have.length(1);
      answer.resolve({id: 'rec-1', contactName: 'Olivia Bennett', phone: '+12124561987'});
      await settle(el);
      expect(recordButton(el).hasAttribute('aria-disabled')).to.equal(false);
      expect(norm(recordButton(el).textContent)).to.equal('Get next record');
      expect(result(el)).to.equal('Next record: Olivia Bennett, +12124561987.');
      expect(norm($(el, '[role="status"][aria-live]')!.textContent)).to.equal(
        'Service Follow-up: Next record: Olivia Bennett, +12124561987.',
      );
      expect(focused(el)).to.equal(recordButton(el));
      await expect(el).to.be.accessible();
    });

    it("shows the host's error, and null as an empty calling list", async () => {
      const {el} = await setup();
      let answer: () => Promise<PreviewRecord | null> = () =>
        Promise.reject(new BackendUnavailableError('The dialer is not answering.'));
      const respond = (event: PreviewRecordRequestEvent) => event.detail.respondWith(answer());
      document.addEventListener('preview-record-request', respond);
      listeners.push(() => document.removeEventListener('preview-record-request', respond));
      recordButton(el).click();
      await settle(el);
      expect(result(el)).to.equal('The record could not be fetched: The dialer is not answering.');
      expect($(el, '.record-result--error')).to.not.equal(null);
      await expect(el).to.be.accessible();
      answer = () => Promise.resolve(null);
      recordButton(el).click();
      await settle(el);
      expect(result(el)).to.equal('No records left in the calling list of Service Follow-up.');
      answer = () => Promise.resolve({contactName: 'No id'} as unknown as PreviewRecord);
      recordButton(el).click();
      await settle(el);
      expect(result(el)).to.equal(
        'The record could not be fetched: The answer to the request is not a record (it has no id).',
      );
    });

    it('times out after response-timeout, aborts detail.signal and leaves no timer', async () => {
      const {el} = await setup({attrs: {responseTimeout: 5000}});
      const timers = sinon.useFakeTimers({toFake: ['setTimeout', 'clearTimeout'], shouldClearNativeTimers: true});
      const requests = record<PreviewRecordRequestEvent>('preview-record-request');
      const respond = (event: PreviewRecordRequestEvent) => event.detail.respondWith(new Promise(() => {}));
      document.addEventListener('preview-record-request', respond);
      listeners.push(() => document.removeEventListener('preview-record-request', respond));
      const before = timers.countTimers();
      recordButton(el).click();
      await el.updateComplete;
      expect(timers.countTimers()).to.equal(before + 1);
      await timers.tickAsync(4999);
      expect(norm(recordButton(el).textContent)).to.equal('Getting record…');
      await timers.tickAsync(1);
      await el.updateComplete;
      expect(result(el)).to.equal('No record arrived within 5 seconds. Try again.');
      expect(requests[0].detail.signal.aborted).to.equal(true);
      expect(timers.countTimers()).to.equal(before);
      timers.restore();
    });

    it('with nobody answering it says so; canceled without an answer, the host took over', async () => {
      const {el} = await setup();
      recordButton(el).click();
      await el.updateComplete;
      expect(result(el)).to.equal('Records cannot be requested here: nothing answered the request.');
      const takeOver = (event: Event) => event.preventDefault();
      document.addEventListener('preview-record-request', takeOver);
      listeners.push(() => document.removeEventListener('preview-record-request', takeOver));
      recordButton(el).click();
      await el.updateComplete;
      expect(result(el)).to.equal('');
      expect(recordButton(el).hasAttribute('aria-disabled')).to.equal(false);
    });

    it('is offered for manual preview campaigns only, and only while they run', async () => {
      const campaigns: Campaign[] = [
        {...SORTABLE[2], status: 'paused', name: 'Paused preview'},
        {...SORTABLE[2], id: 'c2', name: 'Live preview'},
        SORTABLE[0],
      ];
      const {el} = await setup({campaigns, attrs: {filter: 'all'}});
      const requests = record<PreviewRecordRequestEvent>('preview-record-request');
      expect(cell(rowOf(el, 'Bravo'), 5).querySelector('button')).to.equal(null);
      expect(norm(cell(rowOf(el, 'Bravo'), 5).textContent)).to.contain('Records are delivered automatically');
      const paused = recordButton(el, 'Paused preview');
      expect(paused.getAttribute('aria-disabled')).to.equal('true');
      expect(norm(el.shadowRoot!.getElementById(paused.getAttribute('aria-describedby')!)!.textContent)).to.equal(
        'Records can be requested while the campaign is active or running.',
      );
      paused.click();
      await el.updateComplete;
      expect(requests).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('live collection and transient surfaces', () => {
    it('a change that arrives while a reload is on its way is not undone by the older list', async () => {
      const {el, backend} = await setup({attrs: {filter: 'all'}});
      const status = () => value(rowOf(el, 'Spring Renewals'), 1);
      expect(status()).to.equal('Running');
      const list = backend.listCampaigns.bind(backend);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      sinon.stub(backend, 'listCampaigns').callsFake(async (q, o) => {
        const listed = await list(q, o); // the list as it was when asked
        await gate;
        return listed;
      });
      const reloaded = el.reload();
      await new Promise((resolve) => setTimeout(resolve, 0));
      backend.setCampaignStatus('camp-spring-renewals', 'paused'); // campaign-changed, during the reload
      await settle(el);
      release();
      await reloaded;
      await settle(el);
      expect(status(), 'the change made during the reload').to.equal('Paused');
    });

    it('Escape closes a dialing-mode explanation and focus stays on its button', async () => {
      const {el} = await setup();
      const help = rows(el)[0].querySelector<HTMLButtonElement>('.help')!;
      help.focus();
      await sendKeys({press: 'Enter'});
      const popover = rows(el)[0].querySelector<HTMLElement>('.help-popover')!;
      await waitUntil(() => popover.matches(':popover-open'), 'the explanation opens', {timeout: 5000});
      await expect(el).to.be.accessible();
      await sendKeys({press: 'Escape'});
      await waitUntil(() => !popover.matches(':popover-open'), 'Escape closes it', {timeout: 5000});
      expect(focused(el)).to.equal(help);
    });

    it('arrows follow the reading direction in right-to-left', async () => {
      const {el} = await setup();
      el.dir = 'rtl';
      await settle(el);
      cell(rows(el)[0], 0).focus();
      await sendKeys({press: 'ArrowLeft'}); // towards the inline end: the next column
      expect(position(el)).to.deep.equal([2, 1]);
      await sendKeys({press: 'ArrowRight'});
      expect(position(el)).to.deep.equal([2, 0]);
    });
  });

  describe('states and sources', () => {
    it('error: says what failed, and Try again loads', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      backend.failNext('listCampaigns', new BackendUnavailableError('The campaign service is down.'));
      const {el} = await setup({backend});
      const alert = $(el, '[role="alert"]')!;
      expect(norm(alert.textContent)).to.equal(
        'Your campaigns could not be loaded. The campaign service is down. Try again',
      );
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await waitUntil(() => rows(el).length === 2);
      expect($(el, '[role="alert"]')).to.equal(null);
      await waitUntil(() => position(el)[0] === 2, 'focus moves from the gone button to the grid');
    });

    it('empty: an agent with no campaigns', async () => {
      const clock = new ManualClock(NOW);
      const {el} = await setup({backend: new MemoryBackend({clock, demo: false, agents: [MARIA]})});
      expect(norm($(el, '[part="message"]')!.textContent)).to.equal('You are not assigned to any campaigns.');
      expect($(el, '[role="grid"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('nothing active: says so and offers to show all', async () => {
      const {el} = await setup({campaigns: [SORTABLE[1], SORTABLE[3]]});
      const message = $(el, '[part="message"]')!;
      expect(norm(message.textContent)).to.equal(
        'None of your campaigns is active or running right now. Show all campaigns (2)',
      );
      await expect(el).to.be.accessible();
      message.querySelector('button')!.click();
      await settle(el);
      expect(names(el)).to.deep.equal(['alpha', 'Delta']);
      expect(position(el), 'focus moves from the gone button to the grid').to.deep.equal([2, 0]);
    });

    it('host campaigns win over the backend, give notices but no campaign-started', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const list = sinon.spy(backend, 'listCampaigns');
      const started = record<CampaignStartedEvent>('campaign-started');
      const {el} = await setup({backend, campaigns: SORTABLE});
      expect(list.called).to.equal(false);
      expect(names(el)).to.deep.equal(['Charlie', 'Bravo']);
      expect(notices(el)).to.deep.equal(['2 campaigns were already running when you logged in: Bravo and Charlie.']);
      el.campaigns = SORTABLE.map((c) => (c.id === 'c' ? {...c, status: 'running' as const} : c));
      await settle(el);
      expect(notices(el), 'Charlie going from started to running is the same start').to.have.length(1);
      el.campaigns = SORTABLE.map((c) => (c.id === 'a' ? {...c, status: 'running' as const} : c));
      await settle(el);
      expect(notices(el)[1], 'alpha was paused at login: resumed, it is news').to.equal('Campaign alpha has started.');
      el.campaigns = SORTABLE.map((c) => (c.id === 'e' ? {...c, status: 'started' as const, startedAt: NOW} : c));
      await settle(el);
      expect(notices(el)).to.have.length(3);
      expect(notices(el)[2]).to.equal('Campaign Echo has started.');
      backend.startCampaign('camp-winback'); // the backend still tells about starts, with the event
      await settle(el);
      expect(started.map((e) => e.detail.campaign.id)).to.deep.equal(['camp-winback']);
      expect(names(el), 'but the host list is what is shown').to.not.include('Customer Win-Back');
    });

    it('reports invalid campaigns and attributes in its UI and keeps showing the rest', async () => {
      const campaigns = [
        SORTABLE[0],
        {name: 'No id', status: 'running'},
        {...SORTABLE[2], status: 'warming-up'},
        {...SORTABLE[0], id: 'x', name: 'Bad time', startedAt: 'yesterday'},
      ] as unknown as Campaign[];
      const {el} = await setup({campaigns, attrs: {filter: 'all'}});
      el.setAttribute('sort-by', 'priority');
      await settle(el);
      const alert = $(el, '[role="alert"]')!;
      const items = [...alert.querySelectorAll('li')].map((li) => norm(li.textContent));
      expect(items).to.deep.equal([
        'Unknown sort-by "priority": expected name, status or start.',
        'Campaign number 2 has no id and is not shown.',
        'Campaign "Charlie" has an unknown status "warming-up".',
        '…and 1 more problem.',
      ]);
      expect(names(el)).to.have.members(['Bravo', 'Charlie', 'Bad time']);
      expect(norm(cell(rowOf(el, 'Charlie'), 1).textContent)).to.equal('Unknown (warming-up)');
      expect(value(rowOf(el, 'Bad time'), 4)).to.equal('Unknown');
      await expect(el).to.be.accessible();
    });

    it('says what is missing without a backend or campaigns', async () => {
      const el = await fixture<CampaignListElement>(html`<campaign-list .agent=${MARIA}></campaign-list>`);
      expect(norm($(el, '[part="message"]')!.textContent)).to.contain('give the list a backend');
      await expect(el).to.be.accessible();
    });

    it('takes agent, backend, clock and zone from <agent-session>', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const session = await fixture(
        html`<agent-session .backend=${backend} .clock=${clock} .agent=${LUCIA}
          ><campaign-list></campaign-list
        ></agent-session>`,
      );
      const el = session.querySelector('campaign-list')!;
      await waitUntil(() => rows(el).length === 2);
      await settle(el);
      expect(names(el)).to.deep.equal(['Encuesta de Satisfacción', 'Service Follow-up']);
      expect(value(rows(el)[0], 4)).to.equal('12:45');
      // Lucía's screen is Spanish: the kit follows the agent's locale
      expect(norm($(el, '.zone')!.textContent)).to.contain('Zona horaria');
      expect(notices(el)[0]).to.contain('2 campañas ya estaban en ejecución');
    });

    it('leaves no timer and no subscription behind when removed', async () => {
      const timers = sinon.useFakeTimers({
        toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
        shouldClearNativeTimers: true,
      });
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 1});
      const subscribe = backend.subscribe.bind(backend);
      const unsubscribes: sinon.SinonSpy[] = [];
      sinon.stub(backend, 'subscribe').callsFake((listener) => {
        const off = sinon.spy(subscribe(listener));
        unsubscribes.push(off);
        return off;
      });
      const el = await fixture<CampaignListElement>(
        html`<campaign-list .backend=${backend} .clock=${clock} .agent=${MARIA}></campaign-list>`,
      );
      await el.updateComplete;
      expect(unsubscribes).to.have.length(1);
      expect(timers.countTimers(), 'one timer: the next midnight').to.equal(1);
      const started = record<CampaignStartedEvent>('campaign-started');
      el.remove();
      expect(timers.countTimers()).to.equal(0);
      expect(unsubscribes[0].calledOnce).to.equal(true);
      backend.startCampaign('camp-winback');
      expect(started).to.have.length(0);
      timers.restore();
    });

    it('registering twice never throws', async () => {
      const {defineElement} = await import('../../src/internal/define.js');
      expect(() => defineElement('campaign-list', class extends CampaignListElement {})).to.not.throw();
      expect(customElements.get('campaign-list')).to.equal(CampaignListElement);
    });
  });
});
