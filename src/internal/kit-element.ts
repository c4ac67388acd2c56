import {consume} from '@lit/context';
import {LitElement} from 'lit';
import {property, state} from 'lit/decorators.js';
import {agentSessionContext, type AgentSession} from '../context/agent-session.js';
import type {SchedulingBackend} from '../core/backend.js';
import {systemClock, type Clock} from '../core/clock.js';
import {isValidTimeZone} from '../core/time-zone.js';
import {resolvePolicy, type Agent, type SchedulingPolicy} from '../core/types.js';
import {defaultTimeZone} from './format.js';
import type {LazyChunk} from './lazy-chunk.js';
import {followKitLocale, kitStringsLoading} from './localization.js';

/**
 * Base of the elements that talk to a backend: consumes the agent session and resolves every setting with
 * the element's own property first, then the session, then a default. Every element works with no provider.
 *
 * Language: every element re-renders when the kit's UI language changes (`setKitLocale`, page-global). Dates and
 * times use `resolvedLocale` (own `locale`, then `lang`, then the agent's). Inside an agent session the session sets
 * the UI language; outside one, an element's own `locale`/`lang` sets it (see src/internal/localization.ts).
 */
export class KitElement extends LitElement {
  /** The agent session from the nearest `<agent-session>` (or any `@provide` host). */
  @consume({context: agentSessionContext, subscribe: true})
  @state()
  protected session?: AgentSession;

  /** The backend to use; wins over the session's. Without either, the element asks the host through events. */
  @property({attribute: false}) backend?: SchedulingBackend;

  /** The clock to read; wins over the session's (default: the system clock). */
  @property({attribute: false}) clock?: Clock;

  /** Scheduling rules; wins over the session's (missing fields: `DEFAULT_POLICY`). */
  @property({attribute: false}) policy?: Partial<SchedulingPolicy>;

  /** The signed-in agent; wins over the session's. */
  @property({attribute: false}) agent?: Agent;

  /**
   * BCP 47 locale of dates and times; defaults to `lang`, then the agent's locale, then the browser's. Outside an
   * `<agent-session>`, it (or `lang`) also sets the kit's UI language, which is page-global: Spanish for `es*`, else
   * English. Inside a session, the session's locale sets the UI language.
   */
  @property({reflect: true}) locale?: string;

  constructor() {
    super();
    followKitLocale(this, {ownLocale: () => this.locale || this.lang || undefined, inSession: () => !!this.session});
  }

  /**
   * While the UI strings of a newly set language load, or this element's own strings in the current language (each
   * element group's strings are a chunk of their own), the update waits for them: no flash of English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = kitStringsLoading(this);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The lazy chunks' downloads this element waits for (see `loadChunk`). */
  #chunks = new Set<Promise<unknown>>();

  /**
   * Downloads a lazy chunk this element needs now (once for the page; again after a failure): the element renders
   * when it arrives or fails, and `updateComplete` waits for it. Resolves with the module, or with undefined after
   * `failed` was told the error (say it in the UI; the next call downloads again).
   */
  protected loadChunk<M>(chunk: LazyChunk<M>, failed?: (error: unknown) => void): Promise<M | undefined> {
    if (chunk.module) return Promise.resolve(chunk.module);
    const wait: Promise<M | undefined> = chunk
      .load()
      .catch((error: unknown) => void failed?.(error))
      .finally(() => {
        this.#chunks.delete(wait);
        this.requestUpdate();
      });
    this.#chunks.add(wait);
    return wait;
  }

  /** Also waits for the lazy chunks this element loads (`loadChunk`) and the render that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#chunks.size) {
      await Promise.all(this.#chunks);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** The resolved backend, or undefined in events-only integration. */
  protected get resolvedBackend(): SchedulingBackend | undefined {
    return this.backend ?? this.session?.backend;
  }

  protected get resolvedClock(): Clock {
    return this.clock ?? this.session?.clock ?? systemClock;
  }

  protected get resolvedPolicy(): SchedulingPolicy {
    return this.policy
      ? resolvePolicy({...this.session?.policy, ...this.policy})
      : (this.session?.policy ?? resolvePolicy());
  }

  protected get resolvedAgent(): Agent | undefined {
    return this.agent ?? this.session?.agent;
  }

  /** The agent's zone (valid), else the browser's. */
  protected get agentTimeZone(): string {
    const zone = this.resolvedAgent?.timeZone;
    return zone && isValidTimeZone(zone) ? zone : defaultTimeZone();
  }

  protected get resolvedLocale(): string | undefined {
    return this.locale || this.lang || this.resolvedAgent?.locale || undefined;
  }
}
