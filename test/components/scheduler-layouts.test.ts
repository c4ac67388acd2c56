/**
 * <callback-scheduler> in real host layouts (issue 15): a two-column grid at 1024/1280/1920 px, a 360 px side panel, a
 * modal dialog and a flex row. It is never wider than its container, never taller than its content (Save close to the
 * last slot row), and under 1,600 px in a 360 px panel.
 */
import {expect, fixture, html} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {setViewport} from '@web/test-runner-commands';
import type {TemplateResult} from 'lit';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import '../support/fresh-storage.js';

const NOW = '2026-11-23T14:00:00Z'; // Monday 9:00 AM in New York
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const SOPHIA = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);

const grid = (el: CallbackSchedulerElement) => el.shadowRoot!.querySelector<TimeslotGridElement>('timeslot-grid')!;

async function render(layout: (scheduler: TemplateResult) => TemplateResult) {
  const clock = new ManualClock(NOW);
  const backend = new MemoryBackend({clock, seed: 11});
  const scheduler = html`<callback-scheduler
    .contact=${SOPHIA}
    campaign-id="camp-spring-renewals"
  ></callback-scheduler>`;
  const root = await fixture<HTMLElement>(html`
    <div style="margin:0">
      <agent-session .agent=${MARIA} .backend=${backend} .clock=${clock}>${layout(scheduler)}</agent-session>
    </div>
  `);
  const el = root.querySelector('callback-scheduler')!;
  await el.updateComplete;
  await waitUntil(
    () => {
      const g = grid(el);
      return g && !g.loading && g.shadowRoot!.querySelectorAll('[data-key]').length > 0;
    },
    'slots did not load',
    {timeout: 8000},
  );
  await grid(el).updateComplete;
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return {root, el, session: root.querySelector<AgentSessionElement>('agent-session')!};
}

/** What a user sees of the layout: widths, the height, and how far Save is from the last slot row. */
function measure(el: CallbackSchedulerElement, container: Element) {
  const box = el.getBoundingClientRect();
  const g = grid(el);
  const gridBox = g.getBoundingClientRect();
  const rows = [...g.shadowRoot!.querySelectorAll<HTMLElement>('[data-key]')].map((s) => s.getBoundingClientRect());
  const lastRow = Math.min(Math.max(...rows.map((r) => r.bottom)), gridBox.bottom);
  const save = el.shadowRoot!.querySelector<HTMLElement>('[part="submit"]')!.getBoundingClientRect();
  return {
    width: box.width,
    height: box.height,
    containerWidth: container.getBoundingClientRect().width,
    schedulerOverflow: el.scrollWidth - el.clientWidth,
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    saveGap: save.top - lastRow,
    saveInside: save.right <= box.right + 0.5 && save.left >= box.left - 0.5,
  };
}

function expectFits(m: ReturnType<typeof measure>, label: string) {
  expect(m.width, `${label}: scheduler width vs its container`).to.be.at.most(m.containerWidth + 0.5);
  expect(m.pageOverflow, `${label}: the page scrolls sideways`).to.be.at.most(0);
  expect(m.saveGap, `${label}: Save is ${Math.round(m.saveGap)} px below the last slot row`).to.be.below(400);
  expect(m.saveInside, `${label}: Save inside the scheduler`).to.equal(true);
}

describe('<callback-scheduler> in host layouts', () => {
  afterEach(async () => {
    await setViewport({width: 800, height: 600});
  });

  for (const width of [1024, 1280, 1920]) {
    it(`a two-column grid at ${width} px: fits its column, no blank gap above Save`, async () => {
      await setViewport({width, height: 900});
      const {root, el} = await render(
        (s) =>
          html`<main style="display:grid;grid-template-columns:1fr 1fr;gap:16px;padding:16px">
            <section>${s}</section>
            <aside>Other panel</aside>
          </main>`,
      );
      const m = measure(el, root.querySelector('section')!);
      expectFits(m, `grid ${width}`);
      expect(m.height, `grid ${width}: height`).to.be.below(2000);
    });
  }

  it('a 360 px side panel: one day at a time, under 1,600 px tall, nothing wider than the panel', async () => {
    await setViewport({width: 1280, height: 900});
    const {root, el} = await render(
      (s) =>
        html`<div style="display:flex">
          <div style="flex:1">Page</div>
          <aside style="inline-size:360px;flex:none;border-inline-start:1px solid #ccc">${s}</aside>
        </div>`,
    );
    const m = measure(el, root.querySelector('aside')!);
    expectFits(m, 'panel 360');
    expect(m.height, 'panel 360: height').to.be.below(1600);
  });

  it('a modal dialog: fits the dialog, Save close to the slots', async () => {
    await setViewport({width: 1280, height: 900});
    const {root, el} = await render(
      (s) => html`<dialog style="inline-size:min(720px, 90vw);max-block-size:none">${s}</dialog>`,
    );
    const dialog = root.querySelector('dialog')!;
    dialog.showModal();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expectFits(measure(el, dialog), 'dialog');
    dialog.close();
  });

  it('a flex row beside a list: shrinks with the row, never wider than its share', async () => {
    await setViewport({width: 1024, height: 900});
    const {root, el} = await render(
      (s) =>
        html`<div style="display:flex;gap:16px">
          <div style="flex:1 1 0;min-inline-size:0">List</div>
          <div class="slot" style="flex:1 1 0;min-inline-size:0">${s}</div>
        </div>`,
    );
    expectFits(measure(el, root.querySelector('.slot')!), 'flex row');
  });

  it('is axe-clean in the 360 px panel and in the wide layout', async function () {
    this.timeout(60_000); // axe over a whole week of slots is slow on a busy machine
    await setViewport({width: 1280, height: 900});
    const narrow = await render((s) => html`<aside style="inline-size:360px">${s}</aside>`);
    await expect(narrow.el).to.be.accessible();
    const wide = await render((s) => html`<div style="inline-size:1200px">${s}</div>`);
    await expect(wide.el).to.be.accessible();
  });
});
