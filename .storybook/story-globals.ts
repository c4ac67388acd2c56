/**
 * The toolbar's globals (locale, theme, agent zone, direction) applied to every story.
 *
 * Stories wrap their elements in `<agent-session>` with explicit properties, so the decorator cannot simply pass
 * props down: it wraps the story in `<ck-story-globals>` (story-only, not part of the kit), which carries `dir` and
 * `lang` for everything inside and sets `locale`, `time-zone` and `theme` on every `<agent-session>` inside it,
 * after each render and whenever a session appears later (a MutationObserver). A global left at "story default"
 * gives each session back the attribute value it had before. In the Canvas (not in Docs, which keep their light
 * page), the theme also sets the page's `color-scheme` and canvas colours, so "auto" follows the system.
 */
import type {Decorator, Preview} from '@storybook/web-components-vite';
import {html} from 'lit';

/**
 * The agent zones offered. Keys, not IANA names, are the global's values: Storybook drops URL globals with a `/`
 * (`?globals=zone:madrid` works, `zone:Europe/Madrid` would not).
 */
const ZONES: Record<string, {zone: string; title: string}> = {
  'new-york': {zone: 'America/New_York', title: 'New York'},
  chicago: {zone: 'America/Chicago', title: 'Chicago'},
  'los-angeles': {zone: 'America/Los_Angeles', title: 'Los Angeles'},
  madrid: {zone: 'Europe/Madrid', title: 'Madrid'},
  kolkata: {zone: 'Asia/Kolkata', title: 'Kolkata (UTC+5:30)'},
  sydney: {zone: 'Australia/Sydney', title: 'Sydney'},
};

/** Toolbar items. `''` means "whatever the story says". */
export const storyGlobalTypes: NonNullable<Preview['globalTypes']> = {
  locale: {
    description: 'UI language and date/time formats (sets `locale` on every <agent-session>)',
    toolbar: {
      title: 'Locale',
      icon: 'globe',
      items: [
        {value: '', title: 'Story default'},
        {value: 'en-US', title: 'English (United States)'},
        {value: 'es-ES', title: 'Español (España)'},
        {value: 'fr-FR', title: 'Français (France)'},
        {value: 'fr-CA', title: 'Français (Canada)'},
        {value: 'pt-BR', title: 'Português (Brasil)'},
      ],
      dynamicTitle: true,
    },
  },
  theme: {
    description: 'Colour scheme (sets `theme` on every <agent-session>)',
    toolbar: {
      title: 'Theme',
      icon: 'contrast',
      items: [
        {value: 'auto', title: 'Auto (follow the system)'},
        {value: 'light', title: 'Light'},
        {value: 'dark', title: 'Dark'},
      ],
      dynamicTitle: true,
    },
  },
  zone: {
    description: "The agent's time zone (sets `time-zone` on every <agent-session>)",
    toolbar: {
      title: 'Agent zone',
      icon: 'time',
      items: [
        {value: '', title: "Agent's own zone"},
        ...Object.entries(ZONES).map(([value, {title}]) => ({value, title})),
      ],
      dynamicTitle: true,
    },
  },
  direction: {
    description: 'Text direction of the story',
    toolbar: {
      title: 'Direction',
      icon: 'transfer',
      items: [
        {value: 'ltr', title: 'Left to right'},
        {value: 'rtl', title: 'Right to left'},
      ],
      dynamicTitle: true,
    },
  },
};

export const storyInitialGlobals = {locale: '', theme: 'auto', zone: '', direction: 'ltr'};

interface StoryGlobals {
  locale: string;
  theme: string;
  zone: string;
  direction: string;
}

/** Session attribute -> the global that sets it. */
const SESSION_ATTRIBUTES = {locale: 'locale', 'time-zone': 'zone', theme: 'theme'} as const;

/** What each session's attributes were before a global touched them, to give them back. */
const originals = new WeakMap<Element, Map<string, string | null>>();

function applyTo(session: Element, globals: StoryGlobals): void {
  let saved = originals.get(session);
  if (!saved) originals.set(session, (saved = new Map()));
  for (const [attribute, key] of Object.entries(SESSION_ATTRIBUTES)) {
    const value = key === 'zone' ? (ZONES[globals.zone]?.zone ?? '') : globals[key];
    const overrides = key === 'theme' ? value !== 'auto' : value !== '';
    if (!saved.has(attribute)) saved.set(attribute, session.getAttribute(attribute));
    const target = overrides ? value : saved.get(attribute);
    if (target === null || target === undefined) session.removeAttribute(attribute);
    else if (session.getAttribute(attribute) !== target) session.setAttribute(attribute, target);
  }
}

/** Story-only wrapper: `dir`/`lang` for its content, the globals for every `<agent-session>` inside. */
class StoryGlobalsElement extends HTMLElement {
  #globals: StoryGlobals = storyInitialGlobals;
  #observer = new MutationObserver(() => this.#apply());

  set globals(globals: StoryGlobals) {
    this.#globals = globals;
    this.#apply();
  }

  connectedCallback(): void {
    this.style.display = 'contents';
    this.#observer.observe(this, {childList: true, subtree: true});
    this.#apply();
  }

  disconnectedCallback(): void {
    this.#observer.disconnect();
  }

  #apply(): void {
    this.dir = this.#globals.direction;
    if (this.#globals.locale) this.lang = this.#globals.locale;
    else this.removeAttribute('lang');
    for (const session of this.querySelectorAll('agent-session')) applyTo(session, this.#globals);
  }
}

if (!customElements.get('ck-story-globals')) customElements.define('ck-story-globals', StoryGlobalsElement);

declare global {
  interface HTMLElementTagNameMap {
    'ck-story-globals': StoryGlobalsElement;
  }
}

/** The canvas follows the theme; Docs pages keep their own light look (the iframe is shared, so undo it there). */
function applyToPage(globals: StoryGlobals | undefined): void {
  const root = document.documentElement;
  root.style.colorScheme = globals ? (globals.theme === 'auto' ? 'light dark' : globals.theme) : '';
  document.body.style.background = globals ? 'Canvas' : '';
  document.body.style.color = globals ? 'CanvasText' : '';
}

export const withStoryGlobals: Decorator = (story, context) => {
  const globals = {...storyInitialGlobals, ...context.globals} as StoryGlobals;
  applyToPage(context.viewMode === 'story' ? globals : undefined);
  return html`<ck-story-globals .globals=${globals}>${story()}</ck-story-globals>`;
};
