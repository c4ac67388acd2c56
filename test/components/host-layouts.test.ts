/**
 * The host-layouts suite (issue 15): every element of the kit on the MemoryBackend with its demo data, in the page
 * layouts CRM vendors embed it in (test/support/host-layouts.ts: a two-column grid at 1024, 1280 and 1920 px, a
 * 360 px side panel, a modal dialog, a wrapping flex row), measured from the host's side:
 *
 * - no horizontal overflow: the page does not scroll sideways; no element is wider than its own box
 *   (`scrollWidth <= clientWidth + 1`) nor sticks out of its card;
 * - no blank gap: the scheduler's Save button sits within 400 px below the last slot of its grid;
 * - the scheduler is never taller than its content: its last child's bottom within 48 px of its own bottom, and no
 *   band over 200 px tall with nothing in it, inside the scheduler or the stand-alone grid (found through the shadow
 *   roots); and it is under 1,600 px tall in the 360 px panel.
 *
 * A screenshot of each layout is saved as a test artifact: test-results/host-layouts/<browser>/<layout>.png (the
 * `screenshot` command, test/plugins/screenshot.mjs), and dialog-at-save.png (the dialog scrolled to Save).
 *
 * The assertions that fail today because of the known issue-15 defects are listed in KNOWN_LAYOUT_DEFECTS below:
 * logged as warnings with the value measured, not failed.
 *
 * Runs in Chromium (`npm run test:browser`) and Firefox (`npm run test:firefox`). Nothing waits a fixed time: each
 * layout waits for the slots and lists to load and for its layout to stop moving.
 */
import {expect, fixture} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {executeServerCommand, setViewport} from '@web/test-runner-commands';
import {
  HOST_LAYOUT_ELEMENTS,
  HOST_LAYOUTS,
  hostLayoutPage,
  hostLayoutSession,
  type HostLayoutElement,
  type HostLayoutName,
} from '../support/host-layouts.js';
import '../support/fresh-storage.js';
import {setupIgnoreResizeObserverLoopErrors} from '../support/resize-observer-loop.js';

/** What is measured, per element of a layout. */
type Assertion =
  /** the page scrolls sideways: `document.documentElement.scrollWidth > innerWidth` (element: `page`) */
  | 'page-overflow'
  /** the element is wider than its box: `scrollWidth > clientWidth + 1` */
  | 'element-overflow'
  /** the element's box sticks out of its container (its card) */
  | 'within-container'
  /** the scheduler's Save button is more than 400 px below the last slot of its grid */
  | 'save-gap'
  /** the scheduler's last child ends more than 48 px above the scheduler's own bottom */
  | 'fits-content'
  /** the element (scheduler, grid) has a band over 200 px tall with nothing in it: it is taller than its content */
  | 'blank-band'
  /** the scheduler is 1,600 px tall or more in the 360 px side panel */
  | 'panel-height';

type Browser = 'chromium' | 'firefox';
const BROWSER: Browser = navigator.userAgent.includes('Firefox') ? 'firefox' : 'chromium';

interface KnownDefect {
  layout: HostLayoutName;
  /** Only in this browser (both when absent). */
  browser?: Browser;
  element: HostLayoutElement | 'page';
  assertion: Assertion;
  /** What the suite measured when the entry was added (the value today, for the record). */
  measured: string;
}

/**
 * The assertions that fail today because of the known issue-15 defects (the scheduler follows its stacked narrow
 * layout's height; its 7-day grid is wider than narrow cards). Each is logged as a warning instead of failing, so
 * the suite can be in `npm test` before a fix. An entry whose assertion passes again is reported as "now passes" in
 * the log: remove it.
 */
// Emptied when the responsive scheduler landed (issue 15). Measured before it, at 1d4bc57: in the two-column grid at
// 1280 px the page was 1,377 px wide (the 7-day grid's hidden labels), the scheduler 9,740 px tall with Save 6,472 px
// below the last slot and a 6,334 px blank band (Chromium), the same in the dialog; 9,843 px tall in the 360 px panel.
const KNOWN_LAYOUT_DEFECTS: readonly KnownDefect[] = [];

const SAVE_GAP_MAX = 400;
const FIT_SLACK = 48;
const PANEL_HEIGHT_MAX = 1600;
const BLANK_BAND_MAX = 200;

interface Finding {
  element: HostLayoutElement | 'page';
  assertion: Assertion;
  ok: boolean;
  measured: string;
}

/** Every element under `root`, through open shadow roots. */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return found;
}

const rendered = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 0 || box.height > 0;
};

const px = (value: number) => `${Math.round(value)} px`;

/** The slots of the scheduler's grid (its `slot` parts), rendered ones only. */
const slotsOf = (host: Element) =>
  deepElements(host.shadowRoot!).filter((e) => e.part?.contains('slot') && rendered(e)) as HTMLElement[];

const saveButtonOf = (scheduler: Element) =>
  deepElements(scheduler.shadowRoot!).find((e) => e.part?.contains('submit')) as HTMLElement | undefined;

/** Waits until the scheduler and the stand-alone grid show slots and the lists have loaded. */
async function loaded(root: Element) {
  const scheduler = root.querySelector('callback-scheduler')!;
  const grid = root.querySelector('timeslot-grid')!;
  await waitUntil(() => slotsOf(scheduler).length > 0 && !!saveButtonOf(scheduler), 'the scheduler shows no slots', {
    timeout: 20_000,
  });
  await waitUntil(() => slotsOf(grid).length > 0, 'the stand-alone grid shows no slots', {timeout: 20_000});
  for (const tag of ['callback-list', 'campaign-list', 'logout-countdown'] as const) {
    const element = root.querySelector(tag)!;
    await waitUntil(
      () => !deepElements(element.shadowRoot!).some((e) => e.getAttribute('aria-busy') === 'true'),
      `<${tag}> is still loading`,
      {timeout: 20_000},
    );
  }
}

/** Waits until no element's box moves between two animation frames (rows measured, virtualizers settled). */
async function stableLayout(root: Element) {
  const boxes = () =>
    JSON.stringify(
      [...root.querySelectorAll(HOST_LAYOUT_ELEMENTS.join(','))].map((e) => {
        const {x, y, width, height} = e.getBoundingClientRect();
        return [x, y, width, height, e.scrollWidth];
      }),
    );
  let last = '';
  let same = 0;
  await waitUntil(
    async () => {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = boxes();
      same = now === last ? same + 1 : 0;
      last = now;
      return same >= 2;
    },
    'the layout kept moving',
    {timeout: 20_000, interval: 0},
  );
}

/**
 * The tallest horizontal band of `host`'s box that none of its rendered leaf elements (through shadow roots, clipped
 * to the box) reaches: blank space inside the element, e.g. a container sized for another layout than the one shown.
 */
function blankBand(host: Element): {height: number; from: number} {
  const box = host.getBoundingClientRect();
  const spans = deepElements(host.shadowRoot!)
    .filter((e) => rendered(e) && ![...e.children].some(rendered) && getComputedStyle(e).visibility !== 'hidden')
    .map((e) => e.getBoundingClientRect())
    .map((r) => [Math.max(r.top, box.top), Math.min(r.bottom, box.bottom)] as const)
    .filter(([top, bottom]) => bottom > top)
    .sort((a, b) => a[0] - b[0]);
  let reached = box.top;
  let band = {height: 0, from: 0};
  for (const [top, bottom] of [...spans, [box.bottom, box.bottom] as const]) {
    if (top - reached > band.height) band = {height: top - reached, from: reached - box.top};
    reached = Math.max(reached, bottom);
  }
  return band;
}

/** `element`'s place for people: its kit hosts and itself, e.g. `callback-scheduler > timeslot-grid > span.visually-hidden`. */
function describeElement(element: Element): string {
  const names: string[] = [];
  for (let e: Element | undefined = element; e;) {
    const name = e.localName + (e.classList.length ? `.${[...e.classList].join('.')}` : '');
    if (e === element || e.localName.includes('-')) names.unshift(name);
    const parent: Node | null = e.parentNode;
    e = parent instanceof ShadowRoot ? parent.host : ((parent as Element | null) ?? undefined);
    if (e === document.body) break;
  }
  return names.join(' > ');
}

/**
 * The element past the viewport's right edge that reaches furthest while still inside the page's scroll width
 * (what widens the page; boxes clipped by a scroller inside reach further but do not count), if any.
 */
function widest(root: Element): string {
  const limit = document.documentElement.scrollWidth + 1;
  let found: {element: Element; right: number} | undefined;
  for (const element of [root, ...deepElements(root)]) {
    const {right} = element.getBoundingClientRect();
    if (right > window.innerWidth + 1 && right <= limit && right >= (found?.right ?? 0)) found = {element, right};
  }
  return found ? `; widest: ${describeElement(found.element)} to ${px(found.right)}` : '';
}

/** Measures a rendered layout. */
function measure(name: HostLayoutName, root: Element): Finding[] {
  const findings: Finding[] = [];
  const doc = document.documentElement;
  findings.push({
    element: 'page',
    assertion: 'page-overflow',
    ok: doc.scrollWidth <= window.innerWidth,
    measured: `page scrollWidth ${px(doc.scrollWidth)}, viewport ${px(window.innerWidth)}${widest(root)}`,
  });
  for (const tag of HOST_LAYOUT_ELEMENTS) {
    const element = (tag === 'agent-session' ? root : root.querySelector(tag)) as HTMLElement;
    expect(element, `<${tag}> in ${name}`).to.be.instanceOf(HTMLElement);
    findings.push({
      element: tag,
      assertion: 'element-overflow',
      ok: element.scrollWidth <= element.clientWidth + 1,
      measured: `scrollWidth ${px(element.scrollWidth)}, clientWidth ${px(element.clientWidth)}`,
    });
    const container = element.parentElement!;
    const box = element.getBoundingClientRect();
    const outer = container.getBoundingClientRect();
    findings.push({
      element: tag,
      assertion: 'within-container',
      ok: box.left >= outer.left - 1 && box.right <= outer.right + 1,
      measured: `x ${px(box.left)}-${px(box.right)} in ${px(outer.left)}-${px(outer.right)}`,
    });
  }
  const scheduler = root.querySelector('callback-scheduler')!;
  const box = scheduler.getBoundingClientRect();
  const grid = scheduler.shadowRoot!.querySelector('timeslot-grid');
  const gridBottom = grid?.getBoundingClientRect().bottom ?? Infinity;
  // the last slot's bottom, as far as the grid shows it (a grid that scrolls inside shows only part of its rows)
  const lastSlot = Math.max(
    ...slotsOf(scheduler).map((slot) => Math.min(slot.getBoundingClientRect().bottom, gridBottom)),
  );
  const save = saveButtonOf(scheduler)!.getBoundingClientRect();
  findings.push({
    element: 'callback-scheduler',
    assertion: 'save-gap',
    ok: save.top - lastSlot <= SAVE_GAP_MAX,
    measured: `Save ${px(save.top - lastSlot)} below the last slot (scheduler ${px(box.height)} tall, grid ${px(grid?.getBoundingClientRect().height ?? 0)})`,
  });
  const contentBottom = Math.max(
    ...[...scheduler.shadowRoot!.children].filter(rendered).map((child) => child.getBoundingClientRect().bottom),
  );
  findings.push({
    element: 'callback-scheduler',
    assertion: 'fits-content',
    ok: box.bottom - contentBottom <= FIT_SLACK,
    measured: `${px(box.bottom - contentBottom)} below its last child (scheduler ${px(box.height)} tall)`,
  });
  for (const host of [scheduler, root.querySelector('timeslot-grid')!]) {
    const band = blankBand(host);
    findings.push({
      element: host.localName as HostLayoutElement,
      assertion: 'blank-band',
      ok: band.height <= BLANK_BAND_MAX,
      measured: `${px(band.height)} blank from ${px(band.from)} down (element ${px(host.getBoundingClientRect().height)} tall)`,
    });
  }
  if (name === 'panel-360') {
    findings.push({
      element: 'callback-scheduler',
      assertion: 'panel-height',
      ok: box.height < PANEL_HEIGHT_MAX,
      measured: `${px(box.height)} tall, ${px(box.width)} wide`,
    });
  }
  return findings;
}

/** Fails on the findings not listed in KNOWN_LAYOUT_DEFECTS; logs the listed ones (and listed ones that now pass). */
function judge(name: HostLayoutName, findings: Finding[]) {
  const known = (f: Finding) =>
    KNOWN_LAYOUT_DEFECTS.some(
      (d) =>
        d.layout === name &&
        (d.browser ?? BROWSER) === BROWSER &&
        d.element === f.element &&
        d.assertion === f.assertion,
    );
  const failures: string[] = [];
  for (const f of findings) {
    const line = `${name} <${f.element}> ${f.assertion}: ${f.measured}`;
    if (f.ok && known(f)) console.warn(`KNOWN_LAYOUT_DEFECTS entry now passes (remove it): ${line}`);
    else if (!f.ok && known(f)) console.warn(`known layout defect (issue 15): ${line}`);
    else if (!f.ok) failures.push(line);
  }
  expect(failures, `layout assertions failed in ${name}`).to.deep.equal([]);
}

describe('host layouts', function () {
  // Rows of different heights are measured after layout: the benign "ResizeObserver loop" message is expected.
  setupIgnoreResizeObserverLoopErrors(beforeEach, afterEach);
  this.timeout(60_000);

  after(() => setViewport({width: 800, height: 600}));

  for (const layout of HOST_LAYOUTS) {
    it(`${layout.name}: ${layout.title} at ${layout.viewport.width} px: no overflow, no blank gap`, async () => {
      await setViewport(layout.viewport);
      await waitUntil(() => window.innerWidth === layout.viewport.width, 'the viewport did not change', {
        timeout: 10_000,
      });
      const session = await hostLayoutSession();
      const root = await fixture(hostLayoutPage(layout.name, session));
      try {
        await loaded(root);
        await stableLayout(root);
        const findings = measure(layout.name, root);
        await executeServerCommand('screenshot', {name: layout.name, folder: 'host-layouts'});
        if (layout.name === 'dialog') {
          // the dialog scrolls inside: a second picture with the scheduler's Save button in view
          saveButtonOf(root.querySelector('callback-scheduler')!)!.scrollIntoView({block: 'center'});
          await stableLayout(root);
          await executeServerCommand('screenshot', {name: 'dialog-at-save', folder: 'host-layouts'});
        }
        judge(layout.name, findings);
      } finally {
        session.backend.dispose();
      }
    });
  }
});
