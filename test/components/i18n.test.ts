import {expect, fixture, html, nextFrame, waitUntil} from '@open-wc/testing';
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
import {kitLocale, kitLocaleFor, setKitLocale} from '../../src/internal/localization.js';
import '../support/fresh-storage.js';

/**
 * Languages: every element rendered with a Spanish agent (`es-ES`, through `<agent-session>`) shows no English UI
 * string anywhere (text, aria-label, title, placeholder... in every shadow root), shows the Spanish ones, and formats
 * dates and times the Spanish way (day names, 24-hour clock) unless an hour cycle is forced.
 *
 * The English strings are every `<source>` of xliff/es.xlf, split at its placeholders: each piece of 4 characters or
 * more must be absent, except pieces that read the same in both languages ("Manual", "Personal"). Data from the
 * backend (customer and campaign names, notes) is passed through as it is, so it is removed before checking.
 */

const NOW = '2026-11-23T14:56:00Z'; // Monday 9:56 in New York: a followup is in its reminder, a callback is overdue
const ZONE = 'America/New_York';
const MARIA_ES: Agent = {id: 'agent-maria', name: 'María López', timeZone: ZONE, locale: 'es-ES'};
const SOPHIA = structuredClone(DEMO_CONTACTS.find((c) => c.id === 'contact-sophia')!);

const norm = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A backend that words its own messages in Spanish, as a Spanish deployment's would. */
class SpanishBackend extends MemoryBackend {
  override async requestLogout(q: {agentId: string}): Promise<LogoutDecision> {
    const decision = await super.requestLogout(q);
    return decision.authorized ? decision : {...decision, reason: 'El marcador le está preparando una llamada.'};
  }
}

// ---- what the XLIFF says ----

interface Catalog {
  /** English pieces that must not appear in a Spanish UI. */
  english: string[];
  /** Every Spanish target, placeholders removed. */
  spanish: string[];
}

let catalog: Catalog;

async function loadCatalog(): Promise<Catalog> {
  const xml = new DOMParser().parseFromString(await (await fetch('/xliff/es.xlf')).text(), 'application/xml');
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
    return out.map((p) => norm(p).replace(/^[\s.,:;!?¿¡()"'·…–-]+|[\s.,:;!?¿¡()"'·…–-]+$/gu, ''));
  };
  const english = new Set<string>();
  const spanish: string[] = [];
  for (const unit of xml.querySelectorAll('trans-unit')) {
    const target = unit.querySelector('target');
    expect(target, `translation of ${unit.getAttribute('id')}`).not.to.equal(null);
    const targetText = pieces(target).join(' ');
    spanish.push(targetText);
    for (const piece of pieces(unit.querySelector('source'))) {
      // The same word in both languages ("Manual", "Personal") is not an untranslated string.
      if (
        piece.length >= 4 &&
        /\p{L}/u.test(piece) &&
        !new RegExp(`(^|\\P{L})${escape(piece)}(\\P{L}|$)`, 'u').test(targetText)
      )
        english.add(piece);
    }
  }
  return {english: [...english], spanish};
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

function expectSpanish(root: Node, data: string[], ...known: string[]): void {
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
  backend: SpanishBackend;
  clock: ManualClock;
  data: string[];
  get<T extends HTMLElement = HTMLElement>(tag: string): T;
}

/**
 * Every element in one `<agent-session>` whose agent is Spanish, each showing its content. The window is made tall:
 * a virtualizer renders only the rows inside the window's viewport.
 */
async function desktop(): Promise<Desktop> {
  await setViewport({width: 1280, height: 3000});
  const clock = new ManualClock(NOW);
  const backend = new SpanishBackend({clock, seed: 3});
  const today = Temporal.Instant.from(NOW).toZonedDateTimeISO(ZONE).toPlainDate();
  const slots: Slot[] = await backend.getAvailability({
    from: today.toZonedDateTime(ZONE).toInstant().toString(),
    to: today.add({days: 3}).toZonedDateTime(ZONE).toInstant().toString(),
    type: 'personal',
    agentId: MARIA_ES.id,
  });
  const container = document.createElement('div');
  document.body.append(container);
  render(
    html`<agent-session .agent=${MARIA_ES} .backend=${backend} .clock=${clock}>
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
  backend.reserveAgentForCall(MARIA_ES.id, 120); // the dialer holds the agent: logout is deferred
  await (get('logout-countdown') as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
  part(get('logout-countdown'), 'logout-button')!.click();
  backend.startCampaign('camp-winback'); // a start notice
  const state = () => ({
    panel: !!part(get('logout-countdown'), 'panel'),
    notice: !!part(get('campaign-list'), 'notice'),
    campaigns: !!shadow(get('campaign-list'))!.querySelector('[part~="row"]'),
    callbacks: !!shadow(get('callback-list'))!.querySelector('[part~="row"]'),
    toast: !!shadow(get('callback-list'))!.querySelector('[part~="toast"]'),
  });
  await waitUntil(() => Object.values(state()).every(Boolean), undefined, {timeout: 8000}).catch(() => {
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

/** A `<callback-scheduler>` in a mode, with a Spanish agent, once its slots (if any) are on screen. */
async function scheduler(
  mode: string,
  options: {callback?: Callback; dispositions?: unknown[]} = {},
): Promise<{el: CallbackSchedulerElement; backend: MemoryBackend; data: string[]}> {
  const clock = new ManualClock(NOW);
  const backend = new MemoryBackend({clock, seed: 11});
  const session = await fixture<AgentSessionElement>(html`
    <agent-session .agent=${MARIA_ES} .backend=${backend} .clock=${clock}>
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

describe('languages (Spanish through <agent-session>)', () => {
  before(async () => {
    catalog = await loadCatalog();
  });

  // The virtualized lists resize while rendering, in the before() hooks too: ignore that benign error throughout.
  setupIgnoreWindowResizeObserverLoopErrors(before, after);

  after(async () => {
    await setKitLocale('en');
  });

  describe('the Spanish strings', () => {
    it('are a lazily loaded chunk: not fetched until a Spanish locale is asked for', async () => {
      const loaded = () =>
        performance.getEntriesByType('resource').some((entry) => /generated\/locales\/es\.(ts|js)/.test(entry.name));
      expect(kitLocale()).to.equal('en');
      expect(loaded(), 'es strings fetched before any Spanish locale').to.equal(false);
      await setKitLocale('es-MX');
      expect(kitLocale()).to.equal('es');
      expect(loaded(), 'es strings fetched once asked for').to.equal(true);
      await setKitLocale('en-US');
      expect(kitLocale()).to.equal('en');
    });

    it('maps any BCP 47 tag to Spanish or English', () => {
      for (const tag of ['es', 'es-ES', 'es-MX', 'es-419', 'ES', 'es_AR', 'es-MX-u-hc-h23'])
        expect(kitLocaleFor(tag), tag).to.equal('es');
      for (const tag of ['en', 'en-US', 'en-GB', 'fr-FR', 'pt-BR', 'eus', '', 'not a tag', undefined])
        expect(kitLocaleFor(tag), String(tag)).to.equal('en');
    });

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
    });

    it('cover every message: the catalog has English pieces to look for and a target for each unit', () => {
      expect(catalog.english.length).to.be.above(250);
      expect(catalog.spanish.length).to.be.above(250);
      expect(catalog.english).to.include('Schedule callback');
      expect(catalog.english).not.to.include('Manual'); // the same in Spanish
    });
  });

  describe('every element on one desktop', () => {
    let desk: Desktop | undefined;
    before(async () => {
      desk = await desktop();
    });
    after(() => dispose(desk));

    it('the session sets the kit language from its agent (es-ES -> es)', () => {
      expect(kitLocale()).to.equal('es');
    });

    it('<timeslot-grid> with slots: Spanish labels, Spanish day names, 24-hour clock', () => {
      const grid = desk!.get<TimeslotGridElement>('timeslot-grid');
      expectSpanish(grid, desk!.data, 'Horarios disponibles', 'Días anteriores', 'Días siguientes', 'segunda zona');
      const text = uiStrings(grid).join('\n');
      expect(text).to.contain('lunes, 23 de noviembre'); // Intl, es-ES
      expect(text).to.match(/\b14:00\b/); // h23 from the locale
      expect(text).not.to.match(/\b(AM|PM)\b/);
      expect(norm(part(grid, 'day')!.textContent)).to.match(/^lun, 23 nov/);
    });

    it('<callback-list> with callbacks, a due reminder and a cancel dialog', async () => {
      const list = desk!.get('callback-list');
      expectSpanish(
        list,
        desk!.data,
        'Con retraso',
        'Hoy',
        'Iniciar',
        'Reprogramar',
        'Posponer 5 min',
        'Seguimiento',
        'Todos los tipos',
        'Sin completar',
      );
      shadow(list)!.querySelector<HTMLButtonElement>('.action--cancel')!.click();
      await (list as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
      expectSpanish(list, desk!.data, '¿Cancelar esta devolución de llamada?', 'Conservar devolución de llamada');
      shadow(list)!.querySelector<HTMLButtonElement>('dialog .keep')!.click();
    });

    it('<campaign-list> with campaigns, a start notice and the dialing-mode help', () => {
      const list = desk!.get('campaign-list');
      expectSpanish(
        list,
        desk!.data,
        'Mis campañas',
        'Modo de marcación',
        'En ejecución',
        'Obtener siguiente registro',
      );
      expect(uiStrings(list).join('\n')).to.match(/Se inició la campaña|ya estaba en ejecución/);
    });

    it('<logout-countdown> deferred (panel), then as a chip', async () => {
      const logout = desk!.get<HTMLElement & {updateComplete: Promise<unknown>}>('logout-countdown');
      expectSpanish(
        logout,
        desk!.data,
        'Esperando la autorización para cerrar sesión',
        'Cancelar cierre de sesión',
        'Ocultar',
      );
      expect(norm(part(logout, 'expected')!.textContent)).to.match(/Prevista a las \d{1,2}:\d{2}:\d{2}\./);
      part(logout, 'dismiss-button')!.click();
      await logout.updateComplete;
      expect(part(logout, 'chip')).not.to.equal(null);
      expectSpanish(logout, desk!.data, 'Cierre de sesión en', 'Selecciónelo para ver los detalles');
      expect(part(logout, 'chip')!.title).to.match(/faltan \d+ (minutos?|segundos?)/);
    });

    it('<agent-session> words its own problems in Spanish', async () => {
      const session = desk!.session;
      session.timeZone = 'Marte/Base';
      await session.updateComplete;
      expectSpanish(session, desk!.data, 'Zona horaria desconocida "Marte/Base"');
      session.timeZone = undefined;
      await session.updateComplete;
      expect(part(session, 'error')).to.equal(null);
    });
  });

  describe('<callback-scheduler> in each mode', () => {
    it('new: Spanish form, month calendar with Spanish day names', async () => {
      const {el, backend, data} = await scheduler('new');
      try {
        expectSpanish(
          el,
          data,
          'Nueva devolución de llamada',
          'Programar devolución de llamada',
          'Número al que llamar',
          'Mostrar horas en',
          'Horarios de devolución de llamada',
          'Su hora',
        );
        const calendar = shadow(el)!.querySelector('ck-month-calendar')!;
        const text = uiStrings(calendar).join('\n');
        expect(text).to.contain('noviembre de 2026');
        expect(text).to.contain('lunes');
        expect(text).to.contain('Mes siguiente');
      } finally {
        backend.dispose();
      }
    });

    it('new: its own validation and saving messages are Spanish', async () => {
      const {el, backend, data} = await scheduler('new');
      try {
        const select = shadow(el)!.querySelector<HTMLSelectElement>('select')!;
        select.value = '__new__';
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
        await el.submit();
        await el.updateComplete;
        expectSpanish(el, data, 'Ingrese el número al que se llamará.', 'Nuevo número', 'Disponible desde');
      } finally {
        backend.dispose();
      }
    });

    it('reschedule', async () => {
      const clock = new ManualClock(NOW);
      const source = new MemoryBackend({clock, seed: 11});
      const callback = (await source.listCallbacks({agentId: MARIA_ES.id})).find((c) => c.id === 'cb-demo-today')!;
      source.dispose();
      const {el, backend, data} = await scheduler('reschedule', {callback});
      try {
        expectSpanish(el, data, 'Reprogramar devolución de llamada', 'Reprogramar');
      } finally {
        backend.dispose();
      }
    });

    it('next-attempt: disposition required, then the next-call controls', async () => {
      const dispositions = [
        {id: 'sale', label: 'Venta', requiresCallback: false},
        {id: 'call-back', label: 'Pidió que lo llamen', requiresCallback: true},
      ];
      const {el, backend, data} = await scheduler('next-attempt', {dispositions});
      try {
        await el.submit();
        await el.updateComplete;
        expectSpanish(el, data, 'Próximo intento de llamada', 'Tipificación', 'Elija una tipificación.');
        shadow(el)!.querySelector<HTMLInputElement>('input[value="call-back"]')!.click();
        await settle(el);
        expectSpanish(el, data, 'Guardar próximo intento', 'Horarios de devolución de llamada');
      } finally {
        backend.dispose();
      }
    });

    it('followup', async () => {
      const {el, backend, data} = await scheduler('followup');
      try {
        expectSpanish(el, data, 'Programar seguimiento', 'Un seguimiento es suyo');
      } finally {
        backend.dispose();
      }
    });

    it('web-callback: From/Till in Spanish, and the confirmation after saving', async () => {
      const {el, backend, data} = await scheduler('web-callback');
      try {
        expectSpanish(el, data, 'Devolución de llamada web', 'Desde', 'Hasta', 'Día', 'Zona horaria:');
        const saved = await el.submit();
        await el.updateComplete;
        expect(saved, 'the web callback was saved').not.to.equal(undefined);
        expectSpanish(el, data, 'Devolución de llamada web programada', 'su hora', 'Programar otra', 'Cerrar');
      } finally {
        backend.dispose();
      }
    });
  });

  describe('which locale wins', () => {
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
        html`<timeslot-grid lang="es-MX" time-zone=${ZONE}></timeslot-grid>`,
      );
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
      session.agent = {...MARIA_ES, locale: 'en-US'};
      await waitUntil(() => kitLocale() === 'en', 'the session did not switch the kit to English');
      await logout.updateComplete;
      expect(norm(part(logout, 'logout-button')!.textContent)).to.equal('Log out');
      backend.dispose();
    });
  });
});
