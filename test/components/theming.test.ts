import {expect, html, nextFrame} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {setupIgnoreWindowResizeObserverLoopErrors} from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {emulateMedia, executeServerCommand, setViewport} from '@web/test-runner-commands';
import {render} from 'lit';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement, SessionTheme} from '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_CONTACTS} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Slot} from '../../src/core/types.js';
import '../support/fresh-storage.js';

/**
 * Theming across the kit: every element in dark mode (forced by `<agent-session theme="dark">`, and by the system
 * preference on a page that declares `color-scheme: light dark`) and in forced colors passes axe; the theme really
 * changes colours; tokens set by a host reach the elements; right-to-left layouts mirror; reduced motion stops
 * animations; every token an element reads is documented.
 *
 * Forced colors: `emulateMedia({forcedColors})` does nothing under puppeteer, so the `emulate-forced-colors` command
 * of test/plugins/forced-colors.mjs (registered in web-test-runner.config.mjs) sets it through the DevTools protocol
 * in Chromium, and through the tab's forced-colors override in Firefox (test/plugins/firefox-page.mjs).
 */

// The lists are virtualized: their ResizeObservers may loop once while the desktops render (in `before` hooks).
setupIgnoreWindowResizeObserverLoopErrors(before, after);

// Every element on screen at once (the lists are virtualized: rows render only where they can be seen).
before(() => setViewport({width: 1600, height: 2000}));

/** Monday 2026-11-23, 9:56 AM in New York: a followup at 10:00 is in its reminder, another callback is overdue. */
const NOW = '2026-11-23T14:56:00Z';
const MARIA = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York', locale: 'en-US'};
const SOPHIA = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);
const TAGS = [
  'agent-session',
  'timeslot-grid',
  'callback-scheduler',
  'callback-list',
  'campaign-list',
  'logout-countdown',
] as const;
type Tag = (typeof TAGS)[number];

interface Desktop {
  container: HTMLElement;
  session: AgentSessionElement;
  backend: MemoryBackend;
  clock: ManualClock;
  get(tag: Tag): HTMLElement;
}

const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? null;
const part = (el: Element, name: string) => shadow(el)!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Renders every element inside one `<agent-session>` and waits until each shows its content. */
async function desktop(options: {theme?: SessionTheme; dir?: 'ltr' | 'rtl'} = {}): Promise<Desktop> {
  const clock = new ManualClock(NOW);
  const backend = new MemoryBackend({clock, seed: 3});
  const today = Temporal.Instant.from(NOW).toZonedDateTimeISO('America/New_York').toPlainDate();
  const slots: Slot[] = await backend.getAvailability({
    from: today.toZonedDateTime('America/New_York').toInstant().toString(),
    to: today.add({days: 3}).toZonedDateTime('America/New_York').toInstant().toString(),
    type: 'personal',
    agentId: MARIA.id,
  });
  const chosen = slots.find((slot) => slot.available)!.start;
  const container = document.createElement('div');
  // Pinned to the top of the page: virtualized rows render only in view, whatever a test left below.
  container.style.cssText = 'position: absolute; inset-block-start: 0; inset-inline-start: 0; inline-size: 1600px';
  if (options.dir) container.dir = options.dir;
  document.body.append(container);
  render(
    html`<agent-session .agent=${MARIA} .backend=${backend} .clock=${clock} theme=${options.theme ?? 'auto'}>
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; padding: 1rem">
        <div>
          <logout-countdown></logout-countdown>
          <campaign-list></campaign-list>
          <callback-list
            style="--ck-callback-list-height: 24rem; --ck-callback-list-toast-position: static"
          ></callback-list>
        </div>
        <div>
          <timeslot-grid .slots=${slots} start-date=${today.toString()} days="3" value=${chosen}></timeslot-grid>
          <callback-scheduler .contact=${SOPHIA} campaign-id="camp-spring-renewals"></callback-scheduler>
        </div>
      </div>
    </agent-session>`,
    container,
  );
  const session = container.querySelector('agent-session')!;
  const get = (tag: Tag) => (tag === 'agent-session' ? session : session.querySelector<HTMLElement>(tag)!);
  await session.updateComplete;

  // Logout waits: the dialer is setting up a call, so the countdown panel shows.
  backend.reserveAgentForCall(MARIA.id, 120);
  const logout = get('logout-countdown');
  await (logout as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
  part(logout, 'logout-button')!.click();
  // A campaign starts: the campaign list shows its notice.
  backend.startCampaign('camp-winback');

  const ready: Record<string, () => boolean> = {
    'logout panel': () => !!part(logout, 'panel'),
    'campaign notice': () => !!part(get('campaign-list'), 'notice'),
    'campaign rows': () => !!part(get('campaign-list'), 'row'),
    'due callback': () => !!part(get('callback-list'), 'row-due'),
    'scheduler slots': () =>
      !!shadow(shadow(get('callback-scheduler'))!.querySelector('timeslot-grid'))?.querySelector('[part~="slot"]'),
  };
  const missing = () => Object.keys(ready).filter((name) => !ready[name]());
  // a condition with a generous bound (a loaded machine renders slowly), not a count of fixed sleeps
  await waitUntil(() => missing().length === 0, undefined, {timeout: 20_000}).catch(() => {
    dispose({container, backend});
    throw new Error(`Not rendered: ${missing().join(', ')}`);
  });
  for (let i = 0; i < 3; i++) await nextFrame();
  return {container, session, backend, clock, get};
}

function dispose(desk: Pick<Desktop, 'container' | 'backend'> | undefined): void {
  if (!desk) return;
  render(null, desk.container);
  desk.container.remove();
  desk.backend.dispose();
}

/** Relative luminance (0 black .. 1 white) of a computed `rgb()`/`rgba()` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((n) => {
    const c = Number(n) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** What a CSS colour (e.g. the system colour `Highlight`) computes to on this page. */
function resolveColor(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/**
 * One axe test per element of `desk()`. Under forced colors, axe's colour-contrast rule reads
 * `-webkit-text-fill-color`, which Chromium's getComputedStyle still resolves to the author colour while the text
 * is painted in the forced system colour: every dark-theme text would be reported against the forced white canvas.
 * The user's palette decides contrast there; the rule is skipped and the places that opt out of forcing
 * (`forced-color-adjust: none`) are checked to use system colour pairs instead (see the Highlight test).
 */
function axeEveryElement(desk: () => Desktop | undefined, options: {forcedColors?: boolean} = {}): void {
  for (const tag of TAGS) {
    it(`<${tag}> passes axe`, async () => {
      await expect(desk()!.get(tag)).to.be.accessible(
        options.forcedColors ? {ignoredRules: ['color-contrast']} : undefined,
      );
    });
  }
}

describe('theming', function () {
  // Whole desks of elements, rendered and checked with axe (several per test): minutes on a loaded machine. A bound
  // on a hang only (CONTRIBUTING.md, "Running the tests under load").
  this.timeout(180_000);
  describe('dark mode forced by <agent-session theme="dark">', () => {
    let desk: Desktop | undefined;
    before(async () => {
      desk = await desktop({theme: 'dark'});
    });
    after(() => dispose(desk));

    axeEveryElement(() => desk);

    it('theme="dark" turns the text light and the surfaces dark', async () => {
      const {session, get} = desk!;
      expect(session.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(session).colorScheme).to.equal('dark');
      expect(luminance(getComputedStyle(session).backgroundColor)).to.be.below(0.05);
      for (const tag of TAGS.slice(1)) {
        expect(getComputedStyle(get(tag)).colorScheme, tag).to.equal('dark');
        expect(luminance(getComputedStyle(get(tag)).color), tag).to.be.above(0.6);
      }
      const row = shadow(get('callback-list'))!.querySelector<HTMLElement>('[part~="row"]')!;
      expect(luminance(getComputedStyle(row).backgroundColor)).to.be.below(0.05);
    });

    it('switching theme back to "light" at run time turns the text dark again', async () => {
      const {session, get} = desk!;
      session.theme = 'light';
      await session.updateComplete;
      expect(session.getAttribute('theme')).to.equal('light');
      expect(luminance(getComputedStyle(get('timeslot-grid')).color)).to.be.below(0.05);
      expect(luminance(getComputedStyle(session).backgroundColor)).to.be.above(0.9);
      session.theme = 'dark';
      await session.updateComplete;
      expect(luminance(getComputedStyle(get('timeslot-grid')).color)).to.be.above(0.6);
    });
  });

  describe('dark mode from prefers-color-scheme, on a page that declares color-scheme: light dark', () => {
    let desk: Desktop | undefined;
    before(async () => {
      await emulateMedia({colorScheme: 'dark'});
      // What a dark-mode-aware host page does: opt in, and paint its own canvas.
      document.documentElement.style.colorScheme = 'light dark';
      document.body.style.background = 'Canvas';
      document.body.style.color = 'CanvasText';
      desk = await desktop();
    });
    after(async () => {
      dispose(desk);
      document.documentElement.style.colorScheme = '';
      document.body.style.background = '';
      document.body.style.color = '';
      await emulateMedia({colorScheme: 'light'});
    });

    axeEveryElement(() => desk);

    it('theme="auto" follows the page into dark; theme="light" keeps the session light', async () => {
      const {session, get} = desk!;
      expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(session.theme).to.equal('auto');
      expect(luminance(getComputedStyle(get('campaign-list')).color)).to.be.above(0.6);
      session.theme = 'light';
      await session.updateComplete;
      expect(luminance(getComputedStyle(get('campaign-list')).color)).to.be.below(0.05);
      await expect(get('campaign-list')).to.be.accessible();
      session.theme = 'auto';
      await session.updateComplete;
    });

    it('a page that does not declare a colour scheme keeps the kit light, like itself', async () => {
      document.documentElement.style.colorScheme = '';
      try {
        expect(luminance(getComputedStyle(desk!.get('timeslot-grid')).color)).to.be.below(0.05);
      } finally {
        document.documentElement.style.colorScheme = 'light dark';
      }
    });
  });

  describe('forced colors (emulated)', () => {
    let desk: Desktop | undefined;
    before(async () => {
      await executeServerCommand('emulate-forced-colors', {active: true});
      desk = await desktop({theme: 'dark'});
    });
    after(async () => {
      dispose(desk);
      await executeServerCommand('emulate-forced-colors', {active: false});
    });

    it('is active', () => {
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    });

    axeEveryElement(() => desk, {forcedColors: true});

    it('the selected slot and the selected day use the system Highlight colours', async () => {
      const grid = desk!.get('timeslot-grid');
      const selected = part(grid, 'slot-selected')!;
      expect(getComputedStyle(selected).backgroundColor).to.equal(resolveColor('Highlight'));
      expect(getComputedStyle(selected).color).to.equal(resolveColor('HighlightText'));
      const calendar = shadow(desk!.get('callback-scheduler'))!.querySelector('ck-month-calendar')!;
      const day = shadow(calendar)!.querySelector<HTMLElement>('[aria-selected="true"]')!;
      expect(getComputedStyle(day).backgroundColor).to.equal(resolveColor('Highlight'));
    });

    it('text inside highlighted rows is drawn in the system colours, never in theme colours', async () => {
      // The due row keeps its Highlight border; its text is forced like everything else (the user's palette).
      const due = part(desk!.get('callback-list'), 'row-due')!;
      expect(getComputedStyle(due).borderInlineStartColor).to.equal(resolveColor('Highlight'));
      for (const name of ['phone', 'expiry', 'customer-time']) {
        const node = due.querySelector(`[part~="${name}"]`);
        if (node) expect(getComputedStyle(node).color, name).to.equal(resolveColor('CanvasText'));
      }
      // The selected campaign row opts out of forcing (Highlight background): all of its text is HighlightText.
      const list = desk!.get('campaign-list') as HTMLElement & {selected?: string; updateComplete: Promise<unknown>};
      list.selected = 'camp-spring-renewals';
      await list.updateComplete;
      const row = part(list, 'row-selected')!;
      expect(getComputedStyle(row).backgroundColor).to.equal(resolveColor('Highlight'));
      for (const node of row.querySelectorAll('*')) {
        expect(getComputedStyle(node).color, node.className).to.equal(resolveColor('HighlightText'));
      }
    });
  });

  describe('tokens', () => {
    let desk: Desktop | undefined;
    before(async () => {
      desk = await desktop();
    });
    after(() => dispose(desk));

    it('global tokens set by the host reach every element; per-element tokens win over them', async () => {
      const {session, get} = desk!;
      session.style.setProperty('--ck-color-accent', 'rgb(1, 2, 3)');
      session.style.setProperty('--ck-color-text', 'rgb(4, 5, 6)');
      session.style.setProperty('--ck-font-family', 'monospace');
      const submit = part(get('callback-scheduler'), 'submit')!;
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(1, 2, 3)');
      for (const tag of TAGS.slice(1)) {
        expect(getComputedStyle(get(tag)).color, tag).to.equal('rgb(4, 5, 6)');
        expect(getComputedStyle(get(tag)).fontFamily, tag).to.equal('monospace');
      }
      const grid = get('timeslot-grid') as TimeslotGridElement;
      // --ck-color-selected defaults to the accent...
      expect(getComputedStyle(part(grid, 'slot-selected')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      // ...and the grid's own token wins over both.
      grid.style.setProperty('--ck-timeslot-grid-selected-background', 'rgb(7, 8, 9)');
      expect(getComputedStyle(part(grid, 'slot-selected')!).backgroundColor).to.equal('rgb(7, 8, 9)');
      session.style.setProperty('--ck-space-2', '13px');
      expect(getComputedStyle(part(grid, 'toolbar')!).columnGap).to.equal('13px');
      session.removeAttribute('style');
      grid.removeAttribute('style');
    });

    it('--ck-color-scheme on any ancestor forces the scheme without <agent-session theme>', async () => {
      const {container, get} = desk!;
      container.style.setProperty('--ck-color-scheme', 'dark');
      try {
        expect(getComputedStyle(get('logout-countdown')).colorScheme).to.equal('dark');
        expect(luminance(getComputedStyle(get('logout-countdown')).color)).to.be.above(0.6);
      } finally {
        container.style.removeProperty('--ck-color-scheme');
      }
    });

    it('every token an element reads is documented in its manifest entry and in docs/theming.md', async () => {
      const manifest = (await (await fetch('/custom-elements.json')).json()) as {
        modules: {declarations?: {tagName?: string; cssProperties?: {name: string}[]}[]}[];
      };
      const docs = await (await fetch('/docs/theming.md')).text();
      const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
      const documentedBy = (tag: string) =>
        (declarations.find((d) => d.tagName === tag)?.cssProperties ?? []).map((p) => p.name);
      /** The tokens an element's own sheets read (the first sheet is the shared token block). */
      const readBy = (tag: string) => {
        const ctor = customElements.get(tag) as unknown as {elementStyles: {cssText: string}[]};
        const own = ctor.elementStyles
          .slice(1)
          .map((sheet) => sheet.cssText)
          .join('\n');
        // Private steps of the shared modules (--_ck-text-sm, --_ck-control-height...) have no public token.
        const publicTokens = new Set(
          [...ctor.elementStyles[0].cssText.matchAll(/--_ck-([a-z0-9-]+):\s*var\(\s*--ck-\1\b/g)].map(
            (m) => `--ck-${m[1]}`,
          ),
        );
        const tokens = [...own.matchAll(/var\(\s*(--_?ck-[a-z0-9-]+)/g)]
          .map((m) => m[1])
          .filter((name) => !name.startsWith('--_ck-') || publicTokens.has(name.replace('--_ck-', '--ck-')))
          .map((name) => name.replace('--_ck-', '--ck-'));
        // --ck-font is made of these three (see src/internal/tokens.ts).
        return tokens.includes('--ck-font')
          ? [...tokens, '--ck-font-family', '--ck-font-size', '--ck-line-height']
          : tokens;
      };
      // <ck-month-calendar> is part of <callback-scheduler>: the scheduler documents what the calendar reads.
      const groups: Record<string, string[]> = Object.fromEntries(TAGS.map((tag) => [tag, [tag]]));
      groups['callback-scheduler'].push('ck-month-calendar');
      for (const [tag, members] of Object.entries(groups)) {
        const read = new Set(['--ck-color-scheme', ...members.flatMap(readBy)]);
        const documented = new Set(documentedBy(tag));
        for (const token of read) {
          expect(documented.has(token), `${token} in the JSDoc of <${tag}>`).to.equal(true);
          expect(docs, `${token} in docs/theming.md`).to.contain(`\`${token}\``);
        }
        for (const token of documented) {
          expect(read.has(token), `<${tag}> documents ${token} but never reads it`).to.equal(true);
        }
      }
    });
  });

  describe('right to left', () => {
    let ltr: Desktop | undefined;
    let rtl: Desktop | undefined;
    before(async () => {
      ltr = await desktop();
      rtl = await desktop({dir: 'rtl'});
    });
    after(() => {
      dispose(ltr);
      dispose(rtl);
    });

    const x = (el: Element | null) => el!.getBoundingClientRect().left;

    it('toolbars mirror: the previous-week button sits at the inline start, the zone at the inline end', async () => {
      for (const [desk, dir] of [
        [ltr!, 'ltr'],
        [rtl!, 'rtl'],
      ] as const) {
        const grid = desk.get('timeslot-grid');
        const [previous, next] = shadow(grid)!.querySelectorAll('[part~="nav-button"]');
        const zone = shadow(grid)!.querySelector('.zone');
        if (dir === 'ltr') {
          expect(x(previous)).to.be.below(x(next));
          expect(x(zone)).to.be.above(x(next));
        } else {
          expect(x(previous)).to.be.above(x(next));
          expect(x(zone)).to.be.below(x(next));
        }
      }
    });

    it('day columns and accents follow the inline direction', async () => {
      const days = (desk: Desktop) => [...shadow(desk.get('timeslot-grid'))!.querySelectorAll('[part~="day"]')];
      const [firstLtr, secondLtr] = days(ltr!);
      expect(x(firstLtr)).to.be.below(x(secondLtr));
      const [firstRtl, secondRtl] = days(rtl!);
      expect(x(firstRtl)).to.be.above(x(secondRtl));
      // The waiting accent of the logout panel is on the inline-start edge: right in RTL.
      const panel = (desk: Desktop) => getComputedStyle(part(desk.get('logout-countdown'), 'panel')!);
      expect(panel(ltr!).borderLeftWidth).to.equal('4px');
      expect(panel(rtl!).borderRightWidth).to.equal('4px');
      expect(panel(rtl!).borderLeftWidth).to.equal('1px');
      // The callback count sits at the inline end of its toolbar.
      const count = (desk: Desktop) => part(desk.get('callback-list'), 'count');
      const toolbar = (desk: Desktop) => part(desk.get('callback-list'), 'toolbar')!;
      expect(x(count(ltr!))).to.be.above(x(toolbar(ltr!)) + toolbar(ltr!).offsetWidth / 2);
      expect(x(count(rtl!))).to.be.below(x(toolbar(rtl!)) + toolbar(rtl!).offsetWidth / 2);
    });

    it('the week and month arrows are left to the text engine (bidi-mirrored ‹ ›, never transformed)', async () => {
      // ‹ and › have Bidi_Mirrored=Yes: in right-to-left text they are drawn flipped. A CSS flip on top would
      // turn them back to point the wrong way (the previous-week button, on the right, pointing left).
      for (const desk of [ltr!, rtl!]) {
        const grid = desk.get('timeslot-grid');
        const calendar = shadow(desk.get('callback-scheduler'))!.querySelector('ck-month-calendar')!;
        for (const host of [grid, calendar]) {
          const [previous, next] = shadow(host)!.querySelectorAll<HTMLElement>('[part~="nav-button"]');
          expect(previous.textContent!.trim()).to.equal('‹');
          expect(next.textContent!.trim()).to.equal('›');
          for (const glyph of shadow(host)!.querySelectorAll('[part~="nav-button"] *'))
            expect(getComputedStyle(glyph).transform).to.equal('none');
        }
      }
      const calendar = shadow(rtl!.get('callback-scheduler'))!.querySelector('ck-month-calendar')!;
      const [previous, next] = shadow(calendar)!.querySelectorAll('[part~="nav-button"]');
      expect(x(previous)).to.be.above(x(next)); // the previous month is on the right in right-to-left
    });

    it('passes axe in right-to-left', async () => {
      for (const tag of TAGS) await expect(rtl!.get(tag)).to.be.accessible();
    });
  });

  describe('reduced motion', () => {
    let desk: Desktop | undefined;
    before(async () => {
      desk = await desktop();
    });
    after(async () => {
      dispose(desk);
      await emulateMedia({reducedMotion: 'no-preference'});
    });

    it('the due row and the started-campaign dot stop animating', async () => {
      const due = () => shadow(desk!.get('callback-list'))!.querySelector('[part~="row-due"]')!;
      const started = () => part(desk!.get('campaign-list'), 'status-started')!;
      expect(getComputedStyle(due()).animationName).to.equal('attention');
      expect(getComputedStyle(started(), '::before').animationName).to.equal('pulse');
      await emulateMedia({reducedMotion: 'reduce'});
      expect(getComputedStyle(due()).animationName).to.equal('none');
      expect(getComputedStyle(started(), '::before').animationName).to.equal('none');
    });
  });
});
