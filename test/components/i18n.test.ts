import {expect, fixture, html, nextFrame} from '@open-wc/testing';
import {waitFor as waitUntil} from '../support/wait.js';
import {setupIgnoreWindowResizeObserverLoopErrors} from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import {setViewport} from '@web/test-runner-commands';
import {render} from 'lit';
import '../../src/components/agent-session/agent-session.js';
import type {AgentSessionElement} from '../../src/components/agent-session/agent-session.js';
import '../../src/components/callback-list/callback-list.js';
import '../../src/components/callback-scheduler/callback-scheduler.js';
import type {CallbackSchedulerElement} from '../../src/components/callback-scheduler/callback-scheduler.js';
import '../../src/components/campaign-list/campaign-list.js';
import '../../src/components/logout-countdown/logout-countdown.js';
import '../../src/components/timeslot-grid/timeslot-grid.js';
import type {TimeslotGridElement} from '../../src/components/timeslot-grid/timeslot-grid.js';
import type {LogoutDecision} from '../../src/core/backend.js';
import {ManualClock} from '../../src/core/clock.js';
import {DEMO_AGENTS, DEMO_CAMPAIGNS, DEMO_CONTACTS, demoCallbacks} from '../../src/core/demo-data.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {Temporal} from '../../src/core/temporal.js';
import type {Agent, Callback, Slot} from '../../src/core/types.js';
import {kitLocales} from '../../src/generated/locale-loaders.js';
import {kitLocale, kitLocaleFor, setKitLocale, type KitLocale} from '../../src/internal/localization.js';
import '../support/fresh-storage.js';

/**
 * Languages: for every language the kit ships (es, fr, pt-BR), every element rendered with an agent of that language
 * (through `<agent-session>`) shows no English UI string anywhere (text, aria-label, title, placeholder... in every
 * shadow root), shows that language's strings, and formats dates and times the way Intl does for the agent's locale
 * (day names, the locale's own 24-hour clock: es-ES "14:00", fr-CA "14 h 00", pt-BR "14:00"), with one time style
 * throughout (a row's label reads as its slots' start).
 *
 * The English strings are every `<source>` of xliff/<locale>.xlf, split at its placeholders: each piece of 4
 * characters or more must be absent, except pieces that read the same in both languages ("Manual", "Notes"). The
 * expected strings are the XLIFF's own targets (`t('Schedule callback')`), so the same checks run for every locale;
 * a few literal checks pin the Spanish (es-ES) wording. Data from the backend (customer and campaign names, notes) is
 * passed through as it is, so it is removed before checking.
 */

const NOW = '2026-11-23T14:56:00Z'; // Monday 9:56 in New York: a followup is in its reminder, a callback is overdue
const ZONE = 'America/New_York';
const MARIA: Agent = {id: 'agent-maria', name: 'María López', timeZone: ZONE, locale: 'es-ES'};
const MARIA_ES = MARIA;
const SOPHIA = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);

/** Each shipped language and the agent locale it is tested with (French with Canadian formats). */
const LANGUAGES: {kit: Exclude<KitLocale, 'en'>; agent: string}[] = [
  {kit: 'es', agent: 'es-ES'},
  {kit: 'fr', agent: 'fr-CA'},
  {kit: 'pt-BR', agent: 'pt-BR'},
];

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A backend that words its own messages in the agent's language, as a local deployment's would. */
class LocalBackend extends MemoryBackend {
  reason = 'El marcador le está preparando una llamada.';
  override async requestLogout(q: {agentId: string}): Promise<LogoutDecision> {
    const decision = await super.requestLogout(q);
    return decision.authorized ? decision : {...decision, reason: this.reason};
  }
}

// ---- what the XLIFF says ----

interface Catalog {
  /** English pieces that must not appear in the translated UI. */
  english: string[];
  /** Every target, placeholders removed. */
  targets: string[];
  /** English source (placeholders as {0}, {1}...) -> its target's pieces around the placeholders. */
  bySource: Map<string, string[]>;
}

let catalog: Catalog;

const TRIM = /^[\s.,:;!?¿¡()"'«»·…–-]+|[\s.,:;!?¿¡()"'«»·…–-]+$/gu;

async function loadCatalog(locale: string): Promise<Catalog> {
  const xml = new DOMParser().parseFromString(await (await fetch(`/xliff/${locale}.xlf`)).text(), 'application/xml');
  const pieces = (node: Element | null) => {
    const out: string[] = [];
    let current = '';
    for (const child of node?.childNodes ?? []) {
      if (child.nodeType === Node.TEXT_NODE) current += child.nodeValue;
      else {
        out.push(current);
        current = '';
      }
    }
    out.push(current);
    return out.map((p) => norm(p).replace(TRIM, ''));
  };
  const english = new Set<string>();
  const targets: string[] = [];
  const bySource = new Map<string, string[]>();
  for (const unit of xml.querySelectorAll('trans-unit')) {
    const target = unit.querySelector('target');
    expect(target, `${locale} translation of ${unit.getAttribute('id')}`).not.to.equal(null);
    const targetText = pieces(target).join(' ');
    targets.push(targetText);
    const source = unit.querySelector('source')!;
    let n = 0;
    const key = norm(
      [...source.childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? c.nodeValue : `{${n++}}`)).join(''),
    );
    if (!bySource.has(key)) bySource.set(key, pieces(target).filter(Boolean));
    for (const piece of pieces(source)) {
      // The same word in both languages ("Manual", "Notes") is not an untranslated string.
      if (
        piece.length >= 4 &&
        /\p{L}/u.test(piece) &&
        !new RegExp(`(^|\\P{L})${escape(piece)}(\\P{L}|$)`, 'u').test(targetText)
      )
        english.add(piece);
    }
  }
  return {english: [...english], targets, bySource};
}

/** The translation of an English message without placeholders, from the XLIFF under test. */
function t(source: string): string {
  const target = catalog.bySource.get(source);
  expect(target, `"${source}" in the XLIFF`).not.to.equal(undefined);
  return target!.join(' ');
}

/** The pieces of the translation of an English message with placeholders ("Times in {0}."). */
function tPieces(source: string): string[] {
  const target = catalog.bySource.get(source);
  expect(target, `"${source}" in the XLIFF`).not.to.equal(undefined);
  return target!;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching any time Intl writes with these options in this locale ("14 h 30 min 05 s" -> digits free). */
function intlPattern(locale: string, options: Intl.DateTimeFormatOptions): RegExp {
  const sample = norm(
    new Intl.DateTimeFormat(locale, {timeZone: 'UTC', ...options}).format(Date.UTC(2026, 0, 1, 13, 45, 30)),
  );
  return new RegExp(escape(sample).replace(/\d+/g, '\\d{1,2}'));
}

// ---- what the page shows ----

const ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'abbr',
];

/** Every text node and labelling attribute under `root`, through every shadow root, deeply. */
function uiStrings(root: Node): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.localName;
      if (parent !== 'style' && parent !== 'script') out.push(norm(node.nodeValue));
      return;
    }
    if (node instanceof Element) {
      for (const name of ATTRIBUTES) if (node.hasAttribute(name)) out.push(norm(node.getAttribute(name)));
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out.filter(Boolean);
}

/** Backend data shown as it is (the demo's names, notes, campaign names), longest first so overlaps go whole. */
function dataStrings(extra: string[] = []): string[] {
  return [
    ...DEMO_CONTACTS.map((c) => c.name),
    ...DEMO_AGENTS.map((a) => a.name),
    ...DEMO_CAMPAIGNS.map((c) => c.name),
    ...demoCallbacks(NOW, ZONE).flatMap((c) => (c.notes ? [c.notes] : [])),
    ...extra,
  ].sort((a, b) => b.length - a.length);
}

/** The English UI strings found under `root` (data removed first). */
function englishIn(root: Node, data: string[]): string[] {
  const found = new Set<string>();
  for (let text of uiStrings(root)) {
    for (const value of data) text = text.split(value).join(' ');
    for (const piece of catalog.english) {
      if (text.includes(piece) && new RegExp(`(^|\\P{L})${escape(piece)}(\\P{L}|$)`, 'u').test(text))
        found.add(`"${piece}" in "${text}"`);
    }
  }
  return [...found];
}

function expectTranslated(root: Node, data: string[], ...known: string[]): void {
  expect(englishIn(root, data), 'English UI strings left').to.deep.equal([]);
  const all = uiStrings(root).join('\n');
  for (const text of known) expect(all, `shows "${text}"`).to.contain(text);
}

const shadow = (el: Element | null | undefined) => el?.shadowRoot ?? null;
const part = (el: Element, name: string) => shadow(el)!.querySelector<HTMLElement>(`[part~="${name}"]`);

// ---- fixtures ----

interface Desktop {
  container: HTMLElement;
  session: AgentSessionElement;
  backend: LocalBackend;
  clock: ManualClock;
  data: string[];
  get<T extends HTMLElement = HTMLElement>(tag: string): T;
}

/**
 * Every element in one `<agent-session>` whose agent speaks `agent`, each showing its content. The window is made
 * tall: a virtualizer renders only the rows inside the window's viewport.
 */
async function desktop(agent: Agent): Promise<Desktop> {
  await setViewport({width: 1280, height: 3000});
  const clock = new ManualClock(NOW);
  const backend = new LocalBackend({clock, seed: 3});
  backend.reason = t('The dialer is setting up a call for you.');
  const today = Temporal.Instant.from(NOW).toZonedDateTimeISO(ZONE).toPlainDate();
  const slots: Slot[] = await backend.getAvailability({
    from: today.toZonedDateTime(ZONE).toInstant().toString(),
    to: today.add({days: 3}).toZonedDateTime(ZONE).toInstant().toString(),
    type: 'personal',
    agentId: agent.id,
  });
  const container = document.createElement('div');
  document.body.append(container);
  render(
    html`<agent-session .agent=${agent} .backend=${backend} .clock=${clock}>
      <callback-list
        style="--ck-callback-list-height: 20rem; --ck-callback-list-toast-position: static"
      ></callback-list>
      <campaign-list></campaign-list>
      <logout-countdown></logout-countdown>
      <timeslot-grid
        .slots=${slots}
        start-date=${today.toString()}
        days="3"
        secondary-time-zone="America/Los_Angeles"
        value=${slots.find((s) => s.available)!.start}
      ></timeslot-grid>
    </agent-session>`,
    container,
  );
  const session = container.querySelector('agent-session')!;
  const get = <T extends HTMLElement = HTMLElement>(tag: string) => session.querySelector<T>(tag)!;
  await session.updateComplete;
  backend.reserveAgentForCall(agent.id, 120); // the dialer holds the agent: logout is deferred
  await (get('logout-countdown') as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
  part(get('logout-countdown'), 'logout-button')!.click();
  // A start notice once the campaigns are shown (a campaign started before that is part of the login snapshot:
  // "2 campaigns were already running when you logged in"). Each element loads its own strings' chunk first.
  await waitUntil(() => shadow(get('campaign-list'))!.querySelector('[part~="row"]'), 'the campaigns are shown', {
    timeout: 20_000,
  });
  backend.startCampaign('camp-winback'); // a start notice
  const state = () => ({
    panel: !!part(get('logout-countdown'), 'panel'),
    notice: !!part(get('campaign-list'), 'notice'),
    campaigns: !!shadow(get('campaign-list'))!.querySelector('[part~="row"]'),
    callbacks: !!shadow(get('callback-list'))!.querySelector('[part~="row"]'),
    toast: !!shadow(get('callback-list'))!.querySelector('[part~="toast"]'),
  });
  await waitUntil(() => Object.values(state()).every(Boolean), undefined, {timeout: 20_000}).catch(() => {
    throw new Error(`the elements did not all render their content: ${JSON.stringify(state())}`);
  });
  for (let i = 0; i < 3; i++) await nextFrame();
  return {container, session, backend, clock, data: dataStrings(), get};
}

async function dispose(desk: Desktop | undefined): Promise<void> {
  await setViewport({width: 800, height: 600});
  if (!desk) return;
  render(null, desk.container);
  desk.container.remove();
  desk.backend.dispose();
}

/** A `<callback-scheduler>` in a mode, with an agent of the language under test, once its slots are on screen. */
async function scheduler(
  agent: Agent,
  mode: string,
  options: {callback?: Callback; dispositions?: unknown[]} = {},
): Promise<{el: CallbackSchedulerElement; backend: MemoryBackend; data: string[]}> {
  const clock = new ManualClock(NOW);
  const backend = new MemoryBackend({clock, seed: 11});
  const session = await fixture<AgentSessionElement>(html`
    <agent-session .agent=${agent} .backend=${backend} .clock=${clock}>
      <callback-scheduler
        mode=${mode}
        .contact=${SOPHIA}
        .callback=${options.callback}
        .dispositions=${options.dispositions ?? []}
        campaign-id="camp-spring-renewals"
      ></callback-scheduler>
    </agent-session>
  `);
  const el = session.querySelector('callback-scheduler')!;
  await settle(el);
  return {el, backend, data: dataStrings((options.dispositions as {label: string}[] | undefined)?.map((d) => d.label))};
}

async function settle(el: CallbackSchedulerElement): Promise<void> {
  await el.updateComplete;
  const grid = () => shadow(el)!.querySelector<TimeslotGridElement>('timeslot-grid');
  if (grid()) {
    await waitUntil(
      () => !grid()!.loading && shadow(grid())!.querySelectorAll('[data-key]').length > 0,
      'slots did not load',
      {timeout: 5000},
    );
    await grid()!.updateComplete;
  }
  const calendar = shadow(el)!.querySelector<HTMLElement & {updateComplete: Promise<unknown>}>('ck-month-calendar');
  await calendar?.updateComplete;
  await el.updateComplete;
}

// ---- tests ----

/** Any duration `spokenDuration` can say in this locale ("2 minutes", "1 seconde"), digits free. */
function durationPattern(locale: string): RegExp {
  const words = (['minute', 'second'] as const).flatMap((unit) =>
    [1, 2].map((n) =>
      escape(norm(new Intl.NumberFormat(locale, {style: 'unit', unit, unitDisplay: 'long'}).format(n))).replace(
        /\d+/,
        '\\d+',
      ),
    ),
  );
  return new RegExp(`(${words.join('|')})`);
}

describe('languages (every shipped language through <agent-session>)', () => {
  // The lazy-chunk checks read resource timings: keep them all (the browser stops recording at 250 by default).
  before(() => performance.setResourceTimingBufferSize(100_000));

  // The virtualized lists resize while rendering, in the before() hooks too: ignore that benign error throughout.
  setupIgnoreWindowResizeObserverLoopErrors(before, after);

  after(async () => {
    await setKitLocale('en');
  });

  it('every language of lit-localize.json is tested here', () => {
    expect(LANGUAGES.map((l) => l.kit).sort()).to.deep.equal(kitLocales.filter((l) => l !== 'en').sort());
  });

  it('maps any BCP 47 tag to a shipped language: same tag, else same language, else English', () => {
    const cases: [string | undefined, KitLocale][] = [
      ['es', 'es'],
      ['es-ES', 'es'],
      ['es-MX', 'es'],
      ['es-419', 'es'],
      ['ES', 'es'],
      ['es_AR', 'es'],
      ['es-MX-u-hc-h23', 'es'],
      ['fr', 'fr'],
      ['fr-CA', 'fr'],
      ['fr-FR', 'fr'],
      ['fr_CA', 'fr'],
      ['fr-CA-u-hc-h12', 'fr'],
      ['pt-BR', 'pt-BR'],
      ['pt-br', 'pt-BR'],
      ['pt_BR', 'pt-BR'],
      ['pt', 'pt-BR'],
      ['pt-PT', 'pt-BR'],
      ['en', 'en'],
      ['en-US', 'en'],
      ['en-GB', 'en'],
      ['de-DE', 'en'],
      ['eus', 'en'],
      ['', 'en'],
      ['not a tag', 'en'],
      [undefined, 'en'],
    ];
    for (const [tag, kit] of cases) expect(kitLocaleFor(tag), String(tag)).to.equal(kit);
  });

  for (const language of LANGUAGES) {
    const {kit, agent: agentLocale} = language;
    const agent: Agent = {...MARIA, locale: agentLocale};
    const intl = (options: Intl.DateTimeFormatOptions, at: number) =>
      norm(new Intl.DateTimeFormat(agentLocale, options).format(at));
    const MONDAY = Date.UTC(2026, 10, 23, 12);

    describe(`${kit} (agent locale ${agentLocale})`, () => {
      before(async () => {
        catalog = await loadCatalog(kit);
      });

      describe(`the ${kit} strings`, () => {
        it('are lazily loaded chunks: not fetched until the language is asked for', async () => {
          // src/generated/locales/<locale>.<group>.ts: the common strings and one chunk per element group
          const chunk = new RegExp(`generated/locales/${escape(kit)}\\.[\\w-]+\\.(ts|js)`);
          const loaded = () => performance.getEntriesByType('resource').some((entry) => chunk.test(entry.name));
          await setKitLocale('en');
          expect(kitLocale()).to.equal('en');
          expect(loaded(), `${kit} strings fetched before any ${kit} locale`).to.equal(false);
          await setKitLocale(agentLocale);
          expect(kitLocale()).to.equal(kit);
          expect(loaded(), `${kit} strings fetched once asked for`).to.equal(true);
          await setKitLocale('en-US');
          expect(kitLocale()).to.equal('en');
        });

        it('cover every message: the catalog has English pieces to look for and a target for each unit', () => {
          expect(catalog.english.length).to.be.above(250);
          expect(catalog.targets.length).to.be.above(250);
          expect(catalog.english).to.include('Schedule callback');
        });

        if (kit === 'es') {
          it('the check finds English UI strings, in text and labelling attributes, deep in shadow roots', () => {
            const host = document.createElement('div');
            const root = host.attachShadow({mode: 'open'});
            root.innerHTML = `<p>Programar</p><button aria-label="Next days">›</button><span title="Zona">Callback times</span>`;
            expect(englishIn(host, [])).to.include.members([
              '"Next days" in "Next days"',
              '"Callback times" in "Callback times"',
            ]);
            // Data passed through (a customer named like a label) is not counted.
            root.innerHTML = `<p>Call Next days</p>`;
            expect(englishIn(host, ['Call Next days'])).to.deep.equal([]);
            expect(catalog.english).not.to.include('Manual'); // the same in Spanish
          });
        }
      });

      describe('every element on one desktop', () => {
        let desk: Desktop | undefined;
        before(async () => {
          desk = await desktop(agent);
        });
        after(() => dispose(desk));

        it(`the session sets the kit language from its agent (${agentLocale} -> ${kit})`, () => {
          expect(kitLocale()).to.equal(kit);
        });

        it("<timeslot-grid> with slots: translated labels, the locale's day names and 24-hour clock", () => {
          const grid = desk!.get<TimeslotGridElement>('timeslot-grid');
          expectTranslated(grid, desk!.data, t('Available times'), t('Previous days'), t('Next days'));
          const text = uiStrings(grid).join('\n');
          expect(text).to.contain(intl({weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC'}, MONDAY));
          // 2 PM in New York, as the locale writes a short time (es-ES "14:00", fr-CA "14 h 00").
          const twoPm = intl({timeStyle: 'short', timeZone: ZONE}, Date.parse('2026-11-23T19:00:00Z'));
          expect(twoPm).not.to.match(/\d\D*[ap]\.? ?m\b/i);
          expect(text).to.contain(twoPm);
          expect(text).not.to.match(/\b(AM|PM)\b|\b[ap]\. ?m\./);
          expect(norm(part(grid, 'day')!.textContent)).to.contain(
            intl({weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC'}, MONDAY),
          );
        });

        it('<timeslot-grid> writes times one way: each row label reads as the start of its slots', () => {
          const grid = desk!.get<TimeslotGridElement>('timeslot-grid');
          const rows = [...shadow(grid)!.querySelectorAll('[role="row"]')].filter((row) =>
            row.querySelector('[part~="time"]'),
          );
          expect(rows.length).to.be.above(3);
          for (const row of rows) {
            const label = norm(row.querySelector('[part~="time"]')!.textContent);
            for (const time of row.querySelectorAll('.slot__time'))
              expect(norm(time.textContent).slice(0, label.length), `the row of ${label}`).to.equal(label);
          }
        });

        it('<callback-list> with callbacks, a due reminder and a cancel dialog', async () => {
          const list = desk!.get('callback-list');
          expectTranslated(
            list,
            desk!.data,
            t('Overdue'),
            t('Today'),
            t('Launch'),
            t('Reschedule'),
            t('Snooze 5 min'),
            t('Followup'),
            t('All types'),
            t('Not completed'),
          );
          shadow(list)!.querySelector<HTMLButtonElement>('.action--cancel')!.click();
          await (list as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
          expectTranslated(list, desk!.data, t('Cancel this callback?'), t('Keep callback'));
          shadow(list)!.querySelector<HTMLButtonElement>('dialog .keep')!.click();
        });

        it('<campaign-list> with campaigns, a start notice and the dialing-mode help', () => {
          const list = desk!.get('campaign-list');
          expectTranslated(list, desk!.data, t('My campaigns'), t('Dialing mode'), t('Running'), t('Get next record'));
          const text = uiStrings(list).join('\n');
          const notices = [
            tPieces('Campaign {0} has started.'),
            tPieces('Campaign {0} was already running when you logged in.'),
          ];
          expect(
            notices.some((pieces) => pieces.every((piece) => text.includes(piece))),
            'a start notice in the language',
          ).to.equal(true);
        });

        it('<logout-countdown> deferred (panel), then as a chip', async () => {
          const logout = desk!.get<HTMLElement & {updateComplete: Promise<unknown>}>('logout-countdown');
          expectTranslated(
            logout,
            desk!.data,
            t('Awaiting logoff authorization'),
            t('Cancel logout'),
            t('The dialer is setting up a call for you.'),
          );
          const [before] = tPieces('Expected at {0}. You stay logged in until then.');
          const time = intlPattern(agentLocale, {hour: 'numeric', minute: '2-digit', second: '2-digit'});
          expect(norm(part(logout, 'expected')!.textContent)).to.match(new RegExp(`^${escape(before)} ${time.source}`));
          part(logout, 'dismiss-button')!.click();
          await logout.updateComplete;
          expect(part(logout, 'chip')).not.to.equal(null);
          expectTranslated(logout, desk!.data, t('Logoff in'));
          const title = norm(part(logout, 'chip')!.title);
          for (const piece of tPieces('Awaiting logoff authorization: {0} left. Select to show details.'))
            expect(title).to.contain(piece);
          expect(title).to.match(durationPattern(agentLocale));
        });

        it('<agent-session> words its own problems in the language', async () => {
          const session = desk!.session;
          session.timeZone = 'Marte/Base';
          await session.updateComplete;
          const [unknown] = tPieces('Unknown time zone "{0}": using {1}.');
          expectTranslated(session, desk!.data, unknown, 'Marte/Base');
          session.timeZone = undefined;
          await session.updateComplete;
          expect(part(session, 'error')).to.equal(null);
        });
      });

      describe('<callback-scheduler> in each mode', () => {
        it("new: translated form, month calendar with the locale's month and day names", async () => {
          const {el, backend, data} = await scheduler(agent, 'new');
          try {
            expectTranslated(
              el,
              data,
              t('New callback'),
              t('Schedule callback'),
              t('Number to call'),
              t('Show times in'),
              t('Callback times'),
              t('Your time'),
            );
            const calendar = shadow(el)!.querySelector('ck-month-calendar')!;
            const text = uiStrings(calendar).join('\n');
            expect(text).to.contain(intl({month: 'long', year: 'numeric', timeZone: 'UTC'}, MONDAY));
            expect(text).to.contain(intl({weekday: 'long', timeZone: 'UTC'}, MONDAY));
            expect(text).to.contain(t('Next month'));
          } finally {
            backend.dispose();
          }
        });

        it('new: its own validation and saving messages are translated, and the phone types', async () => {
          const {el, backend, data} = await scheduler(agent, 'new');
          try {
            const select = shadow(el)!.querySelector<HTMLSelectElement>('select')!;
            select.value = '__new__';
            select.dispatchEvent(new Event('change'));
            await el.updateComplete;
            await el.submit();
            await el.updateComplete;
            expectTranslated(
              el,
              data,
              t('Enter the number to call.'),
              t('New number'),
              t('Reachable from'),
              t('Mobile'),
              t('Work'),
            );
            if (kit === 'es') {
              // Spain's words, not Latin America's.
              const text = uiStrings(el).join('\n');
              expect(text).to.contain('Introduzca el número al que se va a llamar.');
              expect(text).to.contain('Móvil');
              expect(text).not.to.match(/Celular|Ingrese/);
            }
          } finally {
            backend.dispose();
          }
        });

        it('reschedule', async () => {
          const clock = new ManualClock(NOW);
          const source = new MemoryBackend({clock, seed: 11});
          const callback = (await source.listCallbacks({agentId: agent.id})).find((c) => c.id === 'cb-demo-today')!;
          source.dispose();
          const {el, backend, data} = await scheduler(agent, 'reschedule', {callback});
          try {
            expectTranslated(el, data, t('Reschedule callback'), t('Reschedule'));
          } finally {
            backend.dispose();
          }
        });

        it('next-attempt: disposition required, then the next-call controls', async () => {
          const dispositions = [
            {id: 'sale', label: 'Venta', requiresCallback: false},
            {id: 'call-back', label: 'Pidió que lo llamen', requiresCallback: true},
          ];
          const {el, backend, data} = await scheduler(agent, 'next-attempt', {dispositions});
          try {
            await el.submit();
            await el.updateComplete;
            expectTranslated(el, data, t('Next call attempt'), t('Disposition'), t('Choose a disposition.'));
            shadow(el)!.querySelector<HTMLInputElement>('input[value="call-back"]')!.click();
            await settle(el);
            expectTranslated(el, data, t('Save next attempt'), t('Callback times'));
          } finally {
            backend.dispose();
          }
        });

        it('followup', async () => {
          const {el, backend, data} = await scheduler(agent, 'followup');
          try {
            const [yours] = tPieces(
              'A followup is yours: it comes to you as a preview call and expires {0} minutes after its start if not launched.',
            );
            expectTranslated(el, data, t('Schedule followup'), yours);
          } finally {
            backend.dispose();
          }
        });

        it('web-callback: From/Till translated, and the confirmation after saving', async () => {
          const {el, backend, data} = await scheduler(agent, 'web-callback');
          try {
            const [timesIn] = tPieces('Times in {0}.');
            expectTranslated(el, data, t('Web callback'), t('From'), t('Till'), t('On'), timesIn);
            const saved = await el.submit();
            await el.updateComplete;
            expect(saved, 'the web callback was saved').not.to.equal(undefined);
            const [set] = tPieces('Web callback set for {0}, {1} your time ({2} customer).');
            expectTranslated(el, data, set, t('Schedule another'), t('Close'));
          } finally {
            backend.dispose();
          }
        });
      });
    });
  }

  describe('which locale wins', () => {
    before(async () => {
      catalog = await loadCatalog('es');
    });

    it('hour-cycle="h12" wins over the locale: 12-hour times in Spanish', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const today = Temporal.Instant.from(NOW).toZonedDateTimeISO(ZONE).toPlainDate();
      const slots = await backend.getAvailability({
        from: today.toZonedDateTime(ZONE).toInstant().toString(),
        to: today.add({days: 1}).toZonedDateTime(ZONE).toInstant().toString(),
        type: 'personal',
        agentId: MARIA_ES.id,
      });
      const session = await fixture<AgentSessionElement>(
        html`<agent-session .agent=${MARIA_ES} .backend=${backend} .clock=${clock}>
          <timeslot-grid .slots=${slots} start-date=${today.toString()} days="1" hour-cycle="h12"></timeslot-grid>
        </agent-session>`,
      );
      const grid = session.querySelector('timeslot-grid')!;
      await grid.updateComplete;
      const text = uiStrings(grid).join('\n');
      expect(text).to.match(/\b2:00 p\. ?m\./);
      expect(text).not.to.match(/\b14:00\b/);
      expect(text).to.contain('Horarios disponibles');
      backend.dispose();
    });

    it('a Unicode hour-cycle extension in the agent locale forces the clock everywhere (es-MX-u-hc-h23)', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const slots: Slot[] = [{start: '2026-11-23T19:00:00Z', end: '2026-11-23T19:30:00Z', available: true}];
      const session = await fixture<AgentSessionElement>(
        html`<agent-session .agent=${{...MARIA_ES, locale: 'es-MX-u-hc-h23'}} .backend=${backend} .clock=${clock}>
          <timeslot-grid .slots=${slots} start-date="2026-11-23" days="1"></timeslot-grid>
        </agent-session>`,
      );
      const grid = session.querySelector('timeslot-grid')!;
      await waitUntil(() => kitLocale() === 'es');
      await grid.updateComplete;
      const text = uiStrings(grid).join('\n');
      expect(text).to.match(/\b14:00\b/); // es-MX alone is a 12-hour locale
      expect(text).not.to.match(/p\. ?m\./);
      expect(text).to.contain('Horarios disponibles');
      backend.dispose();
    });

    it('French UI strings with the host-given formats: fr-CA "14 h 00", fr-FR "14:00"', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const slots: Slot[] = [{start: '2026-11-23T19:00:00Z', end: '2026-11-23T19:30:00Z', available: true}];
      for (const locale of ['fr-CA', 'fr-FR']) {
        const session = await fixture<AgentSessionElement>(
          html`<agent-session .agent=${{...MARIA, locale}} .backend=${backend} .clock=${clock}>
            <timeslot-grid .slots=${slots} start-date="2026-11-23" days="1"></timeslot-grid>
          </agent-session>`,
        );
        const grid = session.querySelector('timeslot-grid')!;
        await waitUntil(() => kitLocale() === 'fr', `${locale} did not switch the kit to French`);
        await grid.updateComplete;
        const text = uiStrings(grid).join('\n');
        const twoPm = norm(
          new Intl.DateTimeFormat(locale, {timeStyle: 'short', timeZone: ZONE}).format(Date.parse(slots[0].start)),
        );
        expect(text, locale).to.contain(twoPm);
        expect(text, locale).to.contain('Créneaux disponibles');
        session.remove();
      }
      expect(
        norm(new Intl.DateTimeFormat('fr-CA', {timeStyle: 'short', timeZone: ZONE}).format(Date.parse(slots[0].start))),
      ).not.to.equal(
        norm(new Intl.DateTimeFormat('fr-FR', {timeStyle: 'short', timeZone: ZONE}).format(Date.parse(slots[0].start))),
      );
      backend.dispose();
    });

    it("inside a session, an element with its own locale formats dates in it; the UI stays the session's", async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const today = Temporal.Instant.from(NOW).toZonedDateTimeISO(ZONE).toPlainDate();
      const slots = await backend.getAvailability({
        from: today.toZonedDateTime(ZONE).toInstant().toString(),
        to: today.add({days: 1}).toZonedDateTime(ZONE).toInstant().toString(),
        type: 'personal',
        agentId: MARIA_ES.id,
      });
      const session = await fixture<AgentSessionElement>(
        html`<agent-session .agent=${MARIA_ES} .backend=${backend} .clock=${clock}>
          <timeslot-grid .slots=${slots} start-date=${today.toString()} days="1" locale="en-US"></timeslot-grid>
        </agent-session>`,
      );
      const grid = session.querySelector('timeslot-grid')!;
      await waitUntil(() => kitLocale() === 'es');
      await grid.updateComplete;
      expect(kitLocale()).to.equal('es');
      const text = uiStrings(grid).join('\n');
      expect(text).to.contain('Monday, November 23');
      expect(text).to.match(/\b2:00 PM\b/);
      expect(text).to.contain('Horarios disponibles');
      backend.dispose();
    });

    it("without a session, an element's own lang sets the kit language (and back)", async () => {
      await setKitLocale('en');
      const grid = await fixture<TimeslotGridElement>(
        html`<timeslot-grid lang="pt-BR" time-zone=${ZONE}></timeslot-grid>`,
      );
      await waitUntil(() => kitLocale() === 'pt-BR', 'the grid did not switch the kit to Portuguese');
      await grid.updateComplete;
      expect(uiStrings(grid).join('\n')).to.contain('Próximos dias');
      grid.lang = 'es-MX';
      await grid.updateComplete;
      await waitUntil(() => kitLocale() === 'es', 'the grid did not switch the kit to Spanish');
      await grid.updateComplete;
      expect(uiStrings(grid).join('\n')).to.contain('Días siguientes');
      grid.lang = 'en-US';
      await grid.updateComplete;
      await waitUntil(() => kitLocale() === 'en', 'the grid did not switch the kit back to English');
      await grid.updateComplete;
      expect(uiStrings(grid).join('\n')).to.contain('Next days');
    });

    it('a session switching its agent to English re-renders every element in English', async () => {
      const clock = new ManualClock(NOW);
      const backend = new MemoryBackend({clock, seed: 3});
      const session = await fixture<AgentSessionElement>(
        html`<agent-session .agent=${MARIA_ES} .backend=${backend} .clock=${clock}>
          <logout-countdown></logout-countdown>
        </agent-session>`,
      );
      const logout = session.querySelector('logout-countdown')!;
      await waitUntil(() => kitLocale() === 'es');
      await logout.updateComplete;
      expect(norm(part(logout, 'logout-button')!.textContent)).to.equal('Cerrar sesión');
      session.agent = {...MARIA_ES, locale: 'fr-CA'};
      await waitUntil(() => kitLocale() === 'fr', 'the session did not switch the kit to French');
      await logout.updateComplete;
      expect(norm(part(logout, 'logout-button')!.textContent)).to.equal('Se déconnecter');
      session.agent = {...MARIA_ES, locale: 'en-US'};
      await waitUntil(() => kitLocale() === 'en', 'the session did not switch the kit to English');
      await logout.updateComplete;
      expect(norm(part(logout, 'logout-button')!.textContent)).to.equal('Log out');
      backend.dispose();
    });
  });
});
