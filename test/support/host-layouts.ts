/**
 * The host-layouts test page (issue 15): every element of the kit on the MemoryBackend with its demo data, inside
 * the page layouts CRM vendors embed it in. Used by test/components/host-layouts.test.ts (which measures them) and
 * stories/host-layouts.stories.ts (which shows them).
 *
 * - `grid-1024`, `grid-1280`, `grid-1920`: a two-column CSS grid (lists and logout on the left, the scheduler and a
 *   stand-alone grid on the right), the viewport that wide;
 * - `panel-360`: a 360 px side panel next to the CRM's main area (the elements stacked in it);
 * - `dialog`: a modal `<dialog>` (opened with `showModal()`) holding the elements;
 * - `flex-row`: a wrapping flex row of cards (`flex: 1 1 20rem`, no `min-inline-size: 0`, as hosts often write it).
 *
 * Each element sits in its own card (`.hl-card`, `data-element` = its tag), which is what the test calls its
 * container; `<agent-session>` wraps the whole layout.
 */
import {html, type TemplateResult} from 'lit';
import {ref} from 'lit/directives/ref.js';

import '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {Interaction} from '../../src/context/interaction.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_AGENTS, DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import type {Slot} from '../../src/core/types.js';

/** The layouts, by name (also the screenshot's file name). */
export type HostLayoutName = 'grid-1024' | 'grid-1280' | 'grid-1920' | 'panel-360' | 'dialog' | 'flex-row';

export interface HostLayout {
  name: HostLayoutName;
  /** What the layout is, for people. */
  title: string;
  /** The viewport the layout is measured in. */
  viewport: {width: number; height: number};
}

export const HOST_LAYOUTS: readonly HostLayout[] = [
  {name: 'grid-1024', title: 'Two-column CSS grid at 1024 px', viewport: {width: 1024, height: 900}},
  {name: 'grid-1280', title: 'Two-column CSS grid at 1280 px', viewport: {width: 1280, height: 900}},
  {name: 'grid-1920', title: 'Two-column CSS grid at 1920 px', viewport: {width: 1920, height: 1000}},
  {name: 'panel-360', title: '360 px side panel', viewport: {width: 1280, height: 900}},
  {name: 'dialog', title: 'Modal <dialog>', viewport: {width: 1280, height: 900}},
  {name: 'flex-row', title: 'Wrapping flex row of cards', viewport: {width: 1280, height: 900}},
];

/** The kit's elements, as the host-layouts page renders them (each in its own card). */
export const HOST_LAYOUT_ELEMENTS = [
  'agent-session',
  'timeslot-grid',
  'callback-scheduler',
  'logout-countdown',
  'callback-list',
  'campaign-list',
] as const;

export type HostLayoutElement = (typeof HOST_LAYOUT_ELEMENTS)[number];

/** Monday 2026-11-23, 9:00 AM in New York: the demo data's day. */
export const HOST_LAYOUT_NOW = '2026-11-23T14:00:00Z';

/** Maria Lopez, New York, en-US: the signed-in agent. */
const AGENT = DEMO_AGENTS.find((agent) => agent.id === 'agent-maria')!;

/** Sophia Nguyen (San Francisco mobile), on the line: the scheduler fills itself from this interaction. */
const SOPHIA = DEMO_CONTACTS.find((contact) => contact.id === 'contact-sophia')!;

/** One demo session: a ManualClock at HOST_LAYOUT_NOW, a seeded MemoryBackend, the interaction, the grid's slots. */
export interface HostLayoutSession {
  clock: ManualClock;
  backend: MemoryBackend;
  interaction: Interaction;
  /** The stand-alone `<timeslot-grid>`'s slots: the backend's availability for the demo week. */
  slots: Slot[];
}

/** A fresh demo session (the stand-alone grid's slots loaded from the backend, as a host would). */
export async function hostLayoutSession(): Promise<HostLayoutSession> {
  const clock = new ManualClock(HOST_LAYOUT_NOW);
  const backend = new MemoryBackend({clock, seed: 7});
  const contact = structuredClone(SOPHIA);
  const slots = await backend.getAvailability({
    from: HOST_LAYOUT_NOW,
    to: '2026-11-30T05:00:00Z',
    type: 'campaign',
    campaignId: 'camp-spring-renewals',
    agentId: AGENT.id,
    phone: contact.phones[0].number,
    contactId: contact.id,
  });
  return {clock, backend, interaction: {contact, phone: contact.phones[0]}, slots};
}

/** The page's own styles (the host's, not the kit's). */
const styles = html`<style>
  body {
    margin: 0;
  }
  .hl-page {
    box-sizing: border-box;
    min-block-size: 100vh;
    background: #eef1f5;
    color: #1f2328;
    font:
      0.875rem/1.4 system-ui,
      sans-serif;
  }
  .hl-page * {
    box-sizing: border-box;
  }
  .hl-card {
    padding: 0.75rem;
    border: 1px solid #d8dee6;
    border-radius: 8px;
    background: #ffffff;
  }
  .hl-card > h2 {
    margin: 0 0 0.5rem;
    font-size: 0.95rem;
  }
  .hl-stack {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  /* two-column CSS grid */
  .hl-grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    align-items: start;
    gap: 1rem;
    padding: 1rem;
  }
  .hl-grid > .hl-stack {
    min-inline-size: 0;
  }
  /* side panel */
  .hl-panel-page {
    display: flex;
    align-items: flex-start;
  }
  .hl-panel-page > main {
    flex: 1;
    min-inline-size: 0;
    padding: 1rem;
  }
  .hl-panel {
    flex: none;
    inline-size: 360px;
    padding: 0.5rem;
    border-inline-start: 1px solid #d8dee6;
    background: #f8fafc;
  }
  /* modal dialog */
  .hl-dialog {
    inline-size: min(48rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: 1rem;
    border: none;
    border-radius: 12px;
    background: #eef1f5;
    overflow: auto;
  }
  .hl-dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  /* wrapping flex row */
  .hl-flex {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 1rem;
    padding: 1rem;
  }
  .hl-flex > .hl-card {
    flex: 1 1 20rem;
  }
</style>`;

/** One card: a heading and the element. */
const card = (element: HostLayoutElement, title: string, content: TemplateResult) =>
  html`<section class="hl-card" data-element=${element}>
    <h2>${title}</h2>
    ${content}
  </section>`;

function cards(session: HostLayoutSession) {
  return {
    logout: card('logout-countdown', 'Log out', html`<logout-countdown></logout-countdown>`),
    scheduler: card(
      'callback-scheduler',
      'Schedule a callback',
      html`<callback-scheduler campaign-id="camp-spring-renewals" heading-level="3"></callback-scheduler>`,
    ),
    grid: card(
      'timeslot-grid',
      'Team availability',
      html`<timeslot-grid .slots=${session.slots} start-date="2026-11-23" label="Team availability"></timeslot-grid>`,
    ),
    callbacks: card(
      'callback-list',
      'My callbacks',
      html`<callback-list label="My callbacks" heading-level="3" inline-reschedule></callback-list>`,
    ),
    campaigns: card('campaign-list', 'My campaigns', html`<campaign-list label="My campaigns"></campaign-list>`),
  };
}

/** Opens a modal dialog once it is in the document. */
const showModal = ref((element) => {
  const dialog = element as HTMLDialogElement | undefined;
  if (!dialog) return;
  const open = () => {
    if (dialog.isConnected && !dialog.open) dialog.showModal();
  };
  if (dialog.isConnected) open();
  else queueMicrotask(open);
});

/** The placeholder content of the CRM's own main area. */
const crmMain = html`<h1 style="margin: 0 0 0.5rem; font-size: 1.1rem">Northwind CRM</h1>
  <p>The CRM's own page: a contact record, its history, notes.</p>`;

/** The layout's content (inside `<agent-session>`). */
function layoutContent(name: HostLayoutName, session: HostLayoutSession): TemplateResult {
  const c = cards(session);
  const all = [c.scheduler, c.grid, c.logout, c.callbacks, c.campaigns];
  switch (name) {
    case 'grid-1024':
    case 'grid-1280':
    case 'grid-1920':
      return html`<div class="hl-page hl-grid" data-layout=${name}>
        <div class="hl-stack">${c.logout} ${c.callbacks} ${c.campaigns}</div>
        <div class="hl-stack">${c.scheduler} ${c.grid}</div>
      </div>`;
    case 'panel-360':
      return html`<div class="hl-page hl-panel-page" data-layout=${name}>
        <main>${crmMain}</main>
        <aside class="hl-panel hl-stack" aria-label="Callbacks">${all}</aside>
      </div>`;
    case 'dialog':
      return html`<div class="hl-page" data-layout=${name}>
        <main style="padding: 1rem">${crmMain}</main>
        <dialog class="hl-dialog" aria-label="Callbacks" ${showModal}>
          <div class="hl-stack">${all}</div>
        </dialog>
      </div>`;
    case 'flex-row':
      return html`<div class="hl-page hl-flex" data-layout=${name}>${all}</div>`;
  }
}

/** The whole host page of a layout: its styles and `<agent-session>` (the demo session) around the layout. */
export function hostLayoutPage(name: HostLayoutName, session: HostLayoutSession): TemplateResult {
  return html`<agent-session
    .agent=${AGENT}
    .backend=${session.backend}
    .clock=${session.clock}
    .interaction=${session.interaction}
    locale="en-US"
  >
    ${styles} ${layoutContent(name, session)}
  </agent-session>`;
}
