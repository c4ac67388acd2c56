/**
 * The benchmark page: bundled by bench/run.mjs (esbuild) and driven by puppeteer-core. Every case builds its
 * subject from scratch in a fresh container, times it with performance.now() from just before the subject is
 * created/changed until it is rendered (`updateComplete` for lit, the render call for the others), its content is
 * present and a forced layout (`getBoundingClientRect`) has run, then removes it.
 *
 * The lists render every row themselves up to VIRTUALIZE_ABOVE entries and virtualize past it, with the virtualizer
 * a lazy chunk the first big list of a page downloads (showing its first rows plainly meanwhile). This page loads
 * that chunk before measuring, as the code used to be part of the elements' own bundle (whose download is not timed
 * either): every sample times what a page that has the chunk renders. And a list sample ends only on its final
 * rendering: every row (plain), or rows the virtualizer has positioned, never a plain first window.
 */
import {Calendar} from '@fullcalendar/core';
import timeGridPlugin from '@fullcalendar/timegrid';
// Named zones for real: without a zone plugin FullCalendar treats 'Europe/London' like UTC and does not re-zone.
import luxon3Plugin from '@fullcalendar/luxon3';
import '../src/components/timeslot-grid/timeslot-grid.js';
import '../src/components/callback-list/callback-list.js';
import '../src/components/campaign-list/campaign-list.js';
import {ManualClock} from '../src/core/clock.js';
import {loadVirtualizer} from '../src/internal/virtual-list.js';
import {renderVanillaGrid} from './vanilla-grid.js';

const NOW = '2026-11-20T12:00:00Z';
const START_DATE = '2026-11-23';
const ZONE = 'America/New_York';
const OTHER_ZONE = 'Europe/London';
const AGENT = {id: 'agent-maria', name: 'Maria Lopez', timeZone: ZONE, locale: 'en-US'};
const clock = new ManualClock(NOW);

/** 7 days x `perDay` slots covering whole New York days; available 08:00-21:00 except every 7th (full). */
function makeSlots(perDay) {
  const minutes = (24 * 60) / perDay;
  const slots = [];
  // 2026-11-23T00:00 in New York is 05:00Z (EST, no DST change that week).
  const base = Date.parse('2026-11-23T05:00:00Z');
  for (let day = 0; day < 7; day++) {
    for (let i = 0; i < perDay; i++) {
      const start = base + (day * 24 * 60 + i * minutes) * 60_000;
      const hour = (i * minutes) / 60;
      const inHours = hour >= 8 && hour < 21;
      const full = inHours && (day * perDay + i) % 7 === 0;
      const slot = {
        start: new Date(start).toISOString(),
        end: new Date(start + minutes * 60_000).toISOString(),
        available: inHours && !full,
        capacity: 3,
      };
      if (slot.available) slot.remaining = 1 + (i % 3);
      else slot.reason = full ? 'full' : 'outside-calling-hours';
      slots.push(slot);
    }
  }
  return slots;
}
const SLOTS = {48: makeSlots(48), 96: makeSlots(96)};

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** Waits (a frame at a time) until `ready()` holds, then forces layout. */
async function until(ready, node) {
  for (let i = 0; !ready(); i++) {
    if (i > 600) throw new Error('bench: content never appeared');
    await frame();
  }
  node.getBoundingClientRect();
}

function container() {
  const box = document.createElement('div');
  box.style.cssText = 'inline-size:1100px;block-size:700px;overflow:auto';
  document.body.append(box);
  return box;
}

// ---- timeslot-grid ---------------------------------------------------------------------------------------------

function kitGrid(perDay) {
  const el = document.createElement('timeslot-grid');
  el.clock = clock;
  el.locale = 'en-US';
  el.timeZone = ZONE;
  el.startDate = START_DATE;
  el.slots = SLOTS[perDay];
  return el;
}
const kitCells = (el) => el.shadowRoot?.querySelector('[role="gridcell"][data-key]');

async function gridFirst(perDay) {
  const box = container();
  const t0 = performance.now();
  const el = kitGrid(perDay);
  box.append(el);
  await el.updateComplete;
  await until(() => kitCells(el), el);
  const t = performance.now() - t0;
  box.remove();
  return t;
}

async function gridZone(perDay) {
  const box = container();
  const el = kitGrid(perDay);
  box.append(el);
  await el.updateComplete;
  await until(() => kitCells(el), el);
  const t0 = performance.now();
  el.timeZone = OTHER_ZONE;
  await el.updateComplete;
  el.getBoundingClientRect();
  const t = performance.now() - t0;
  box.remove();
  return t;
}

// ---- vanilla baseline ------------------------------------------------------------------------------------------

async function vanillaFirst(perDay) {
  const box = container();
  const t0 = performance.now();
  const host = document.createElement('div');
  box.append(host);
  renderVanillaGrid(host, {slots: SLOTS[perDay], timeZone: ZONE, startDate: START_DATE});
  await until(() => host.shadowRoot.querySelector('[role="gridcell"][data-key]'), host);
  const t = performance.now() - t0;
  box.remove();
  return t;
}

async function vanillaZone(perDay) {
  const box = container();
  const host = document.createElement('div');
  box.append(host);
  renderVanillaGrid(host, {slots: SLOTS[perDay], timeZone: ZONE, startDate: START_DATE});
  host.getBoundingClientRect();
  const t0 = performance.now();
  renderVanillaGrid(host, {slots: SLOTS[perDay], timeZone: OTHER_ZONE, startDate: START_DATE});
  await Promise.resolve();
  host.getBoundingClientRect();
  const t = performance.now() - t0;
  box.remove();
  return t;
}

// ---- FullCalendar timeGridWeek ---------------------------------------------------------------------------------

function fcEvents(perDay) {
  return SLOTS[perDay].map((slot) =>
    slot.available
      ? {start: slot.start, end: slot.end, title: slot.remaining === 1 ? '1 left' : `${slot.remaining} left`}
      : {start: slot.start, end: slot.end, display: 'background', title: slot.reason},
  );
}
const FC_EVENTS = {48: fcEvents(48), 96: fcEvents(96)};

function fcCalendar(host, perDay) {
  const minutes = (24 * 60) / perDay;
  return new Calendar(host, {
    plugins: [timeGridPlugin, luxon3Plugin],
    initialView: 'timeGridWeek',
    initialDate: START_DATE,
    firstDay: 1,
    locale: 'en-US',
    timeZone: ZONE,
    now: NOW,
    allDaySlot: false,
    slotDuration: {minutes},
    slotLabelInterval: {minutes},
    slotMinTime: '00:00',
    slotMaxTime: '24:00',
    height: 'auto',
    events: FC_EVENTS[perDay],
  });
}
const fcReady = (host) => host.querySelector('.fc-timegrid-event, .fc-bg-event');

async function fcFirst(perDay) {
  const box = container();
  const t0 = performance.now();
  const host = document.createElement('div');
  box.append(host);
  const calendar = fcCalendar(host, perDay);
  calendar.render();
  await Promise.resolve();
  await until(() => fcReady(host), host);
  const t = performance.now() - t0;
  calendar.destroy();
  box.remove();
  return t;
}

async function fcZone(perDay) {
  const box = container();
  const host = document.createElement('div');
  box.append(host);
  const calendar = fcCalendar(host, perDay);
  calendar.render();
  await until(() => fcReady(host), host);
  const t0 = performance.now();
  calendar.setOption('timeZone', OTHER_ZONE);
  await Promise.resolve();
  await until(() => fcReady(host), host);
  const t = performance.now() - t0;
  calendar.destroy();
  box.remove();
  return t;
}

// ---- lists -----------------------------------------------------------------------------------------------------

const CONTACTS = Array.from({length: 50}, (_, i) => ({
  id: `contact-${i}`,
  name: `Customer ${i}`,
  phones: [{number: `+1212555${String(1000 + i).slice(-4)}`, type: 'mobile'}],
  timeZone: ZONE,
}));

function makeCallbacks(n) {
  const base = Date.parse('2026-11-20T13:00:00Z');
  return Array.from({length: n}, (_, i) => {
    const start = new Date(base + i * 15 * 60_000).toISOString();
    return {
      id: `cb-${i}`,
      contactId: CONTACTS[i % CONTACTS.length].id,
      phone: CONTACTS[i % CONTACTS.length].phones[0].number,
      type: i % 3 ? 'personal' : 'campaign',
      ownerAgentId: AGENT.id,
      start,
      timeZone: ZONE,
      kind: i % 5 ? 'callback' : 'followup',
      notes: i % 4 ? undefined : `Note ${i}`,
      status: 'scheduled',
      createdAt: NOW,
      updatedAt: NOW,
    };
  });
}

const STATUSES = ['running', 'started', 'paused', 'stopped', 'completed'];
const MODES = ['preview', 'push-preview', 'progressive', 'predictive'];
function makeCampaigns(n) {
  return Array.from({length: n}, (_, i) => ({
    id: `cmp-${i}`,
    name: `Campaign ${String(i).padStart(5, '0')}`,
    status: STATUSES[i % STATUSES.length],
    dialingMode: MODES[i % MODES.length],
    deliveryMode: i % 2 ? 'manual' : 'automatic',
    startedAt: new Date(Date.parse(NOW) - i * 60_000).toISOString(),
    agentIds: [AGENT.id],
  }));
}
const DATA = {};
const data = (kind, n) => (DATA[`${kind}:${n}`] ??= kind === 'callbacks' ? makeCallbacks(n) : makeCampaigns(n));

/**
 * Whether a list shows its final rows: all `n` of them (rendered plainly), or rows positioned by the virtualizer.
 * `item` maps a row to the virtualizer's item element (the element it positions).
 */
function listReady(el, selector, n, item) {
  const rows = el.shadowRoot.querySelectorAll(selector);
  return rows.length > 0 && (rows.length === n || item(rows[0]).style.position === 'absolute');
}
const CALLBACK_ROW = 'article[data-id]';
const CAMPAIGN_ROW = '.row--campaign';
const callbacksReady = (el, n) => listReady(el, CALLBACK_ROW, n, (row) => row.parentElement); // the .cell around it
const campaignsReady = (el, n) => listReady(el, CAMPAIGN_ROW, n, (row) => row);

async function callbackList(n) {
  const callbacks = data('callbacks', n);
  const box = container();
  const t0 = performance.now();
  const el = document.createElement('callback-list');
  el.agent = AGENT;
  el.clock = clock;
  el.locale = 'en-US';
  el.contacts = CONTACTS;
  el.callbacks = callbacks;
  el.filterStatus = 'all';
  el.style.blockSize = '600px';
  box.append(el);
  await el.updateComplete;
  await until(() => callbacksReady(el, n), el);
  const t = performance.now() - t0;
  box.remove();
  return t;
}

async function campaignList(n) {
  const campaigns = data('campaigns', n);
  const box = container();
  const t0 = performance.now();
  const el = document.createElement('campaign-list');
  el.agent = AGENT;
  el.clock = clock;
  el.locale = 'en-US';
  el.filter = 'all';
  el.campaigns = campaigns;
  el.style.blockSize = '600px';
  box.append(el);
  await el.updateComplete;
  await until(() => campaignsReady(el, n), el);
  const t = performance.now() - t0;
  box.remove();
  return t;
}

// ---- interactions ----------------------------------------------------------------------------------------------

/**
 * Slot pick, with a real click: `pick:<who>` builds the grid (untimed), arms a MutationObserver for the target
 * cell's `aria-selected="true"` and returns the cell's centre; bench/run.mjs then clicks there with the mouse
 * (puppeteer: pointerdown, mousedown, focus, pointerup, mouseup, click) and calls `finishPick()`. The time runs
 * from the pointerdown event's timeStamp (when the browser created the input event) until the cell says
 * aria-selected="true" and a forced layout has run.
 */
let pending;
async function pickSetup(who, perDay) {
  const box = container();
  let host;
  if (who === 'kit') {
    host = kitGrid(perDay);
    box.append(host);
    await host.updateComplete;
    await until(() => kitCells(host), host);
  } else {
    host = document.createElement('div');
    box.append(host);
    renderVanillaGrid(host, {slots: SLOTS[perDay], timeZone: ZONE, startDate: START_DATE});
  }
  const root = host.shadowRoot;
  // the 10th available cell of the second day: never the active one, below the first rows
  const available = [...root.querySelectorAll('[role="gridcell"][data-key]:not([aria-disabled="true"])')];
  const key = available[Math.min(available.length - 1, 40)].dataset.key;
  const target = () => root.querySelector(`[data-key="${key}"]`);
  target().scrollIntoView({block: 'center', inline: 'center'});
  let t0;
  box.addEventListener('pointerdown', (event) => (t0 ??= event.timeStamp), {capture: true});
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (target()?.getAttribute('aria-selected') !== 'true') return;
      host.getBoundingClientRect();
      const t1 = performance.now();
      observer.disconnect();
      resolve(t1);
    });
    observer.observe(root, {attributes: true, subtree: true, attributeFilter: ['aria-selected']});
  });
  pending = {box, done, t0: () => t0};
  const rect = target().getBoundingClientRect();
  return {x: rect.x + rect.width / 2, y: rect.y + rect.height / 2};
}
async function finishPick() {
  const {box, done, t0} = pending;
  const t1 = await Promise.race([
    done,
    new Promise((_, reject) => setTimeout(() => reject(new Error('bench: the click selected nothing')), 10_000)),
  ]);
  pending = undefined;
  box.remove();
  if (t0() === undefined) throw new Error('bench: no pointerdown reached the grid');
  return t1 - t0();
}

/** `<callback-list>` with `n` callbacks (untimed), then the filter changes to personal: timed until only those show. */
async function callbackFilter(n) {
  const box = container();
  const el = document.createElement('callback-list');
  Object.assign(el, {agent: AGENT, clock, locale: 'en-US', contacts: CONTACTS, callbacks: data('callbacks', n)});
  el.filterStatus = 'all';
  el.style.blockSize = '600px';
  box.append(el);
  await el.updateComplete;
  await until(() => callbacksReady(el, n), el);
  const personalOnly = () => {
    const rows = [...el.shadowRoot.querySelectorAll(CALLBACK_ROW)];
    return rows.length > 0 && rows.every((row) => Number(row.dataset.id.slice(3)) % 3 !== 0);
  };
  const t0 = performance.now();
  el.filterType = 'personal';
  await el.updateComplete;
  await until(personalOnly, el);
  const t = performance.now() - t0;
  box.remove();
  return t;
}

/** `<campaign-list>` with `n` campaigns (untimed), then sorted by name, descending: timed until the last name leads. */
async function campaignSort(n) {
  const box = container();
  const el = document.createElement('campaign-list');
  Object.assign(el, {agent: AGENT, clock, locale: 'en-US', filter: 'all', campaigns: data('campaigns', n)});
  el.style.blockSize = '600px';
  box.append(el);
  await el.updateComplete;
  await until(() => campaignsReady(el, n), el);
  const last = `Campaign ${String(n - 1).padStart(5, '0')}`;
  const t0 = performance.now();
  el.sortBy = 'name';
  el.sortDirection = 'descending';
  await el.updateComplete;
  await until(() => el.shadowRoot.querySelector(CAMPAIGN_ROW)?.textContent.includes(last), el);
  const t = performance.now() - t0;
  box.remove();
  return t;
}

/** Every node (elements, text, comments) in `node`'s subtree, itself included. */
function nodesIn(node) {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_ALL);
  let count = 1;
  while (walker.nextNode()) count++;
  return count;
}
/** DOM nodes per slot cell (median over the cells) and in the whole rendered subtree. */
function domCounts(root) {
  const cells = [...root.querySelectorAll('[role="gridcell"][data-key]')].map(nodesIn).sort((a, b) => a - b);
  return {nodesPerCell: cells[cells.length >> 1], nodesTotal: nodesIn(root)};
}

/** Counts what a case rendered (a sanity check that the subjects show the same thing). */
async function census(name, size) {
  const box = container();
  let out;
  if (name === 'kit') {
    const el = kitGrid(size);
    box.append(el);
    await el.updateComplete;
    const root = el.shadowRoot;
    out = {
      gridcells: root.querySelectorAll('[role="gridcell"][data-key]').length,
      rows: root.querySelectorAll('[role="row"]').length,
      sample: root.querySelector('[role="gridcell"][data-key]:not([aria-disabled])')?.textContent.replace(/\s+/g, ' '),
      ...domCounts(root),
    };
  } else if (name === 'vanilla') {
    const host = document.createElement('div');
    box.append(host);
    renderVanillaGrid(host, {slots: SLOTS[size], timeZone: ZONE, startDate: START_DATE});
    const root = host.shadowRoot;
    out = {
      gridcells: root.querySelectorAll('[role="gridcell"][data-key]').length,
      rows: root.querySelectorAll('[role="row"]').length,
      sample: root.querySelector('[role="gridcell"][data-key]:not([aria-disabled])')?.textContent.replace(/\s+/g, ' '),
      ...domCounts(root),
    };
  } else if (name === 'fullcalendar') {
    const host = document.createElement('div');
    box.append(host);
    const calendar = fcCalendar(host, size);
    calendar.render();
    await until(() => fcReady(host), host);
    const firstEventTime = () => host.querySelector('.fc-timegrid-event .fc-event-time')?.textContent;
    out = {
      events: host.querySelectorAll('.fc-timegrid-event').length,
      background: host.querySelectorAll('.fc-bg-event').length,
      slots: host.querySelectorAll('td.fc-timegrid-slot-lane').length,
      nodesTotal: nodesIn(host),
      firstEventTime: firstEventTime(),
    };
    // the luxon3 plugin re-zones for real: the same first event shows London time (New York + 5 h) after the switch
    calendar.setOption('timeZone', OTHER_ZONE);
    await Promise.resolve();
    await until(() => fcReady(host) && firstEventTime() !== out.firstEventTime, host);
    out.firstEventTimeInLondon = firstEventTime();
    calendar.destroy();
  } else {
    const el = document.createElement(name);
    Object.assign(el, {agent: AGENT, clock, locale: 'en-US'});
    if (name === 'callback-list')
      Object.assign(el, {contacts: CONTACTS, callbacks: data('callbacks', size), filterStatus: 'all'});
    else Object.assign(el, {filter: 'all', campaigns: data('campaigns', size)});
    el.style.blockSize = '600px';
    box.append(el);
    const selector = name === 'callback-list' ? CALLBACK_ROW : CAMPAIGN_ROW;
    await until(() => (name === 'callback-list' ? callbacksReady(el, size) : campaignsReady(el, size)), el);
    out = {
      rowsInDom: el.shadowRoot.querySelectorAll(selector).length,
      text: el.shadowRoot.querySelector('[part="count"]')?.textContent?.trim(),
      nodesTotal: nodesIn(el.shadowRoot),
    };
  }
  box.remove();
  return out;
}

await loadVirtualizer();

window.__bench = {
  cases: {
    'grid-first:kit': gridFirst,
    'grid-first:vanilla': vanillaFirst,
    'grid-first:fullcalendar': fcFirst,
    'grid-zone:kit': gridZone,
    'grid-zone:vanilla': vanillaZone,
    'grid-zone:fullcalendar': fcZone,
    'list:callback-list': callbackList,
    'list:campaign-list': campaignList,
    'pick:kit': (perDay) => pickSetup('kit', perDay),
    'pick:vanilla': (perDay) => pickSetup('vanilla', perDay),
    'list-filter:callback-list': callbackFilter,
    'list-sort:campaign-list': campaignSort,
  },
  finishPick,
  census,
  nativeTemporal: typeof globalThis.Temporal !== 'undefined',
};
