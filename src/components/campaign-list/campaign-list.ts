import {msg, str} from '@lit/localize';
import {initialState, Task, TaskStatus} from '@lit/task';
import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {classMap} from 'lit/directives/class-map.js';
import type {BackendEvent} from '../../core/backend.js';
import {Temporal} from '../../core/temporal.js';
import type {Campaign} from '../../core/types.js';
import {CampaignSelectEvent} from '../../events/campaign-select.js';
import {CampaignStartedEvent} from '../../events/campaign-started.js';
import {PreviewRecordRequestEvent, type PreviewRecord} from '../../events/preview-record-request.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {formatDate, formatTime, isolate, zoneLongName} from '../../internal/format.js';
import {BackendEventsController} from '../../internal/backend-events.js';
import {createResponder, HostTimeoutError, NoHandlerError, withTimeout} from '../../internal/host-request.js';
import {KitElement} from '../../internal/kit-element.js';
import {errorMessage} from '../../internal/localization.js';
import {VirtualList, type IndexRange} from '../../internal/virtual-list.js';
import {
  buildView,
  checkCampaigns,
  deliveryLabel,
  dialingLabel,
  isLive,
  isManualPreview,
  modeExplanation,
  startKey,
  startMs,
  statusLabel,
  type CampaignFilter,
  type CampaignSortKey,
  type CheckedCampaigns,
  type SortDirection,
} from './campaign-list-model.js';
import {styles} from './campaign-list.styles.js';

export type {CampaignFilter, CampaignSortKey, SortDirection} from './campaign-list-model.js';

/** The header row's index in keyboard navigation. */
const HEADER = -1;
/** Columns: campaign, status, dialing mode, delivery, start time, preview record. */
const COLUMN_COUNT = 6;
const LAST_COLUMN = COLUMN_COUNT - 1;
/** The columns that sort, by column index. */
const SORTABLE: Readonly<Record<number, CampaignSortKey>> = {0: 'name', 1: 'status', 4: 'start'};
const DEFAULT_TIMEOUT_MS = 15_000;
const FILTERS: readonly CampaignFilter[] = ['active', 'all'];
const SORT_KEYS: readonly CampaignSortKey[] = ['name', 'status', 'start'];
const DIRECTIONS: readonly SortDirection[] = ['ascending', 'descending'];
/** Names listed in the combined "already running" notice before "and N more". */
const NOTICE_NAMES = 5;

const columnTitle = (column: number): string => {
  switch (column) {
    case 0:
      return msg('Campaign');
    case 1:
      return msg('Status');
    case 2:
      return msg('Dialing mode');
    case 3:
      return msg('Delivery');
    case 4:
      // Not the "Started" status: a column heading (its own id, so it can be translated as a noun).
      return msg('Started', {id: 'campaign-list.column.started'});
    default:
      return msg('Records');
  }
};

const sortTitle = (key: CampaignSortKey): string =>
  key === 'name' ? columnTitle(0) : key === 'status' ? columnTitle(1) : columnTitle(4);

interface Notice {
  id: string;
  kind: 'started' | 'before-login';
  message: string;
  /** When it happened (epoch ms): the campaign's start, or when the list learnt of it. */
  at?: number;
}

interface RecordRequest {
  state: 'busy' | 'done' | 'error';
  message?: string;
  controller?: AbortController;
}

function copyCampaign(campaign: Campaign): Campaign {
  try {
    return structuredClone(campaign);
  } catch {
    return {...campaign, ...(campaign.agentIds ? {agentIds: [...campaign.agentIds]} : {})};
  }
}

function isAbort(error: unknown): boolean {
  return (error as {name?: unknown} | null)?.name === 'AbortError';
}

function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return errorMessage(error);
  if (typeof error === 'string' && error) return error;
  return msg('Something went wrong.');
}

/**
 * "My Campaigns": the outbound campaigns the agent is assigned to, with their status (Started, Running, Paused,
 * Stopped, Completed), dialing mode (with a plain-language explanation), delivery mode and start time in the
 * agent's zone. Active (Started) and running campaigns are shown by default; a filter shows all of them; the
 * list sorts by name, status or start time.
 *
 * Data: `backend.listCampaigns({agentId})`, kept live through `backend.subscribe` (`campaign-started`,
 * `campaign-changed`); or the host's own `.campaigns`, which always win (the element then never lists them
 * itself; set `.campaigns` only once you have the list: the first list set is taken as the state at login).
 *
 * Start notices: when a campaign of the agent starts, a dismissable notice ("Campaign Spring Renewals has
 * started.") appears in a polite live region and `campaign-started` is fired. On the first load, the campaigns
 * that were already running give ONE combined notice ("2 campaigns were already running when you logged in: …")
 * and one `campaign-started` per campaign with `startedBeforeLogin: true`. Each start (campaign id + `startedAt`)
 * is told once: neither a reload, a status change (started → running), nor a dismissal brings it back.
 * `campaign-started` is fired for what the element learns from its backend, never for host property sets (a
 * host that sets `.campaigns` already knows; the notices are still shown).
 *
 * Manual preview campaigns offer "Get next record": a cancelable `preview-record-request` whose
 * `detail.respondWith(promise)` lets the host fetch the record. The button stays busy until the promise settles
 * or `response-timeout` passes, then the record (or the error) is shown in the row and announced.
 *
 * Keyboard (WAI-ARIA grid): one tab stop; arrows move between cells (the header row's sort buttons included);
 * Home/End to the row's ends, Ctrl+Home/End to the first/last cell of the grid; PageUp/PageDown by a page;
 * Enter or Space selects the campaign (`campaign-select`) or presses the button in the cell. Each row's header
 * cell carries the campaign's status, so moving between rows reads "Spring Renewals, Running". Over 50 rows are
 * virtualized (only those in view are rendered; the virtualizer is a lazy chunk downloaded then), with
 * `aria-rowcount`/`aria-rowindex` giving the true position.
 *
 * @tagname campaign-list
 * @summary My Campaigns: live status, start notices, dialing-mode help and preview records.
 *
 * @event {CampaignStartedEvent} campaign-started - A campaign of the agent started (`detail: {campaign, startedBeforeLogin}`). Once per start; cancelable to replace the element's notice with your own.
 * @event {CampaignSelectEvent} campaign-select - The agent selected a campaign (`detail: {campaign}`).
 * @event {PreviewRecordRequestEvent} preview-record-request - "Get next record" on a manual preview campaign. Cancelable; answer with `detail.respondWith(promise of PreviewRecord | null)`; `detail.signal` aborts when the element stops waiting.
 *
 * @csspart notices - The live region holding the start notices.
 * @csspart notice - One start notice.
 * @csspart notice-dismiss - A notice's dismiss button.
 * @csspart toolbar - The bar with the filter and the time zone.
 * @csspart filter - The Active and running / All filter.
 * @csspart message - Loading, empty, error and problem messages.
 * @csspart grid - The campaign grid.
 * @csspart header - The header row.
 * @csspart sort-button - The buttons that sort by a column.
 * @csspart scroller - The scrolling area around the (virtualized) rows.
 * @csspart row - A campaign row.
 * @csspart row-selected - The selected campaign's row.
 * @csspart cell - Every cell of a campaign row.
 * @csspart status - A status badge (also `status-started`, `status-running`, `status-paused`, `status-stopped`, `status-completed`).
 * @csspart mode-help - The button that explains a dialing mode.
 * @csspart mode-help-popover - The explanation of a dialing mode.
 * @csspart record-button - The "Get next record" button.
 * @csspart record-result - The record or error shown after a request.
 * @csspart footer - The count below the grid.
 *
 * @cssproperty --ck-campaign-list-max-height - Height of the scrolling area before it scrolls (default 24rem).
 * @cssproperty --ck-campaign-list-columns - `grid-template-columns` of the six columns.
 * @cssproperty --ck-campaign-list-background - Grid background (default `--ck-color-surface`).
 * @cssproperty --ck-campaign-list-border-color - Borders (default `--ck-color-border`).
 * @cssproperty --ck-campaign-list-muted-color - Secondary text (default `--ck-color-muted`).
 * @cssproperty --ck-campaign-list-row-hover-background - Row background under the pointer (default `--ck-color-surface-2`).
 * @cssproperty --ck-campaign-list-selected-background - Selected row and filter background (default `--ck-color-selected-surface`).
 * @cssproperty --ck-campaign-list-selected-color - Selected row marker and filter text (default `--ck-color-available`).
 * @cssproperty --ck-campaign-list-started-background - "Started" badge background (default `#dbeafe` / `#1e3a5f`, light / dark).
 * @cssproperty --ck-campaign-list-started-color - "Started" badge text (default `#1e40af` / `#bfdbfe`).
 * @cssproperty --ck-campaign-list-running-background - "Running" badge background (default `#dcfce7` / `#14532d`).
 * @cssproperty --ck-campaign-list-running-color - "Running" badge text (default `#166534` / `#bbf7d0`).
 * @cssproperty --ck-campaign-list-paused-background - "Paused" badge background (default `#fef3c7` / `#4a3606`).
 * @cssproperty --ck-campaign-list-paused-color - "Paused" badge text (default `#854d0e` / `#fde68a`).
 * @cssproperty --ck-campaign-list-inactive-background - "Stopped"/"Completed" badge and message background (default `#f1f3f5` / `#2a2d31`).
 * @cssproperty --ck-campaign-list-inactive-color - "Stopped"/"Completed" badge text (default `#4b5563` / `#c9ced6`).
 * @cssproperty --ck-campaign-list-notice-background - Start notice background (default `--ck-color-info-surface`).
 * @cssproperty --ck-campaign-list-notice-color - Start notice text (default `--ck-color-info`).
 * @cssproperty --ck-campaign-list-color - Text colour (default `--ck-color-text`).
 */
export class CampaignListElement extends KitElement {
  static override styles = styles;

  /** Campaigns from the backend (list + subscription), by id. */
  #items = new Map<string, Campaign>();
  #itemProblems: string[] = [];
  /** The host's `.campaigns`, checked, and by id. */
  #host?: CheckedCampaigns;
  #hostSource?: unknown;
  /** The rows shown (filtered, sorted). */
  #view: Campaign[] = [];
  #indexById = new Map<string, number>();
  #liveCount = 0;
  #total = 0;
  #viewDirty = true;
  #collator?: {locale: string | undefined; collator: Intl.Collator};
  /** Starts (campaign id + startedAt) the agent has been told about (or the host took over): never repeated. */
  #seen = new Set<string>();
  /** The agent whose login snapshot was taken (the first load); undefined until then. */
  #loginAgent?: string;
  #lastAgent?: string;
  /** Backend changes that arrived before the first load completed. */
  #early = new Map<string, {campaign: Campaign; started: boolean}>();
  /** Live campaign changes (and resync) from the resolved backend while connected. */
  readonly #events = new BackendEventsController(this, {
    backend: () => this.resolvedBackend,
    listener: (event) => this.#onBackendEvent(event),
    onChange: (error) => {
      this.#liveProblem = error === undefined ? undefined : msg(str`Live updates are unavailable: ${errorText(error)}`);
    },
  });
  #liveProblem?: string;
  #wasConnected = false;
  #requests = new Map<string, RecordRequest>();
  #noticeSerial = 0;
  /** Keyboard position: a row index (HEADER for the header row) and a column; the row's campaign id. */
  #activeRow = 0;
  #activeCol = 0;
  #activeId?: string;
  /** The rows: all of them for a short list; virtualized (the virtualizer loaded on first use) for a long one. */
  #rows = new VirtualList<Campaign>(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.rows'),
    rangeChanged: (range) => this.handleRangeChanged(range),
    beforeSwitch: () => this.#keepFocusAcrossSwitch(),
  });
  /** Rows moved by PageUp/PageDown: the rows in view, less one (the last known). */
  #pageSize = 10;
  /** A row being scrolled to by the keyboard: the range is not clamped to the view until it arrives. */
  #scrollTarget?: number;
  #scrollAttempts = 0;
  #pendingFocus: false | 'scroll' | 'quiet' = false;
  #scrollToTop = false;
  #today?: Temporal.PlainDate;

  #load = new Task(this, {
    task: async ([backend, agentId, hostMode], {signal}) => {
      if (hostMode || !backend || !agentId) return initialState;
      const list = await backend.listCampaigns({agentId}, {signal});
      signal.throwIfAborted();
      this.#ingestBackend(list, agentId);
      return true;
    },
    args: () => [this.resolvedBackend, this.resolvedAgent?.id, this.campaigns !== undefined] as const,
  });

  /** Re-renders at the agent's midnight, so "today" start times gain their date. One timer, none while disconnected. */
  #midnight = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    next: () => {
      const zone = this.agentTimeZone;
      const today = this.resolvedClock.now().toZonedDateTimeISO(zone).toPlainDate();
      return today.add({days: 1}).toZonedDateTime({timeZone: zone}).toInstant();
    },
    run: () => this.requestUpdate(),
  });

  /** Start notices on screen, oldest first. */
  @state() private notices: Notice[] = [];

  /** Polite announcement of sorting, filtering and preview-record results. */
  @state() private announcement = '';

  /** The campaigns to show. When set, they win over the backend: the element neither lists nor overwrites them. */
  @property({attribute: false}) campaigns?: Campaign[];

  /** `active` (started and running campaigns, the default) or `all`. */
  @property({reflect: true}) filter: CampaignFilter = 'active';

  /** The column the list is sorted by: `name`, `status` (the default: started, running, paused, stopped, completed) or `start`. */
  @property({attribute: 'sort-by', reflect: true}) sortBy: CampaignSortKey = 'status';

  /** `ascending` (the default) or `descending`. Campaigns that never started stay last either way. */
  @property({attribute: 'sort-direction', reflect: true}) sortDirection: SortDirection = 'ascending';

  /** Id of the selected campaign. Set by the agent's choice (with `campaign-select`) or by the host. */
  @property({reflect: true}) selected?: string;

  /** Milliseconds to wait for the host's answer to `preview-record-request` (default 15000; 0 waits forever). */
  @property({type: Number, attribute: 'response-timeout'}) responseTimeout: number = DEFAULT_TIMEOUT_MS;

  /** Accessible name of the grid (default "My campaigns"). */
  @property() label?: string;

  get #hostMode(): boolean {
    return this.campaigns !== undefined;
  }

  get #agentKey(): string {
    return this.resolvedAgent?.id ?? '';
  }

  get #filter(): CampaignFilter {
    return FILTERS.includes(this.filter) ? this.filter : 'active';
  }

  get #sortBy(): CampaignSortKey {
    return SORT_KEYS.includes(this.sortBy) ? this.sortBy : 'status';
  }

  get #direction(): SortDirection {
    return DIRECTIONS.includes(this.sortDirection) ? this.sortDirection : 'ascending';
  }

  get #timeout(): number {
    const ms = Number(this.responseTimeout);
    return Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_TIMEOUT_MS;
  }

  /** Problems with the element's own attributes and data, shown in its UI. */
  get #problems(): string[] {
    const problems: string[] = [];
    if (!FILTERS.includes(this.filter)) {
      problems.push(msg(str`Unknown filter "${String(this.filter)}": expected active or all.`));
    }
    if (!SORT_KEYS.includes(this.sortBy)) {
      problems.push(msg(str`Unknown sort-by "${String(this.sortBy)}": expected name, status or start.`));
    }
    if (!DIRECTIONS.includes(this.sortDirection)) {
      problems.push(
        msg(str`Unknown sort-direction "${String(this.sortDirection)}": expected ascending or descending.`),
      );
    }
    const ms = Number(this.responseTimeout);
    if (!Number.isFinite(ms) || ms < 0) {
      problems.push(
        msg(
          str`Invalid response-timeout "${String(this.responseTimeout)}": using ${DEFAULT_TIMEOUT_MS / 1000} seconds.`,
        ),
      );
    }
    if (this.#liveProblem) problems.push(this.#liveProblem);
    return [...problems, ...(this.#hostMode ? (this.#host?.problems ?? []) : this.#itemProblems)];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: catch up on what happened while away (starts missed meanwhile get their notice).
    if (this.#wasConnected && !this.#hostMode && this.resolvedBackend) void this.#load.run();
    this.#wasConnected = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load.abort();
    for (const [id, request] of this.#requests) {
      if (request.state !== 'busy') continue;
      request.controller?.abort(new DOMException('The element was removed from the page.', 'AbortError'));
      this.#requests.delete(id);
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#events.sync();
    const agent = this.#agentKey;
    if (this.#lastAgent !== undefined && agent !== this.#lastAgent) this.#resetForAgent();
    this.#lastAgent = agent;
    if (this.#hostMode && this.campaigns !== this.#hostSource) this.#ingestHost();
    if (!this.#hostMode && this.#hostSource !== undefined) {
      this.#hostSource = this.#host = undefined;
      this.#viewDirty = true;
    }
    const locale = this.resolvedLocale;
    if (!this.#collator || this.#collator.locale !== locale) {
      this.#collator = {locale, collator: new Intl.Collator(locale, {sensitivity: 'base', numeric: true})};
      this.#viewDirty = true;
    }
    if (changed.has('filter') || changed.has('sortBy') || changed.has('sortDirection')) this.#viewDirty = true;
    if (this.#viewDirty) this.#rebuildView();
    this.#today = this.resolvedClock.now().toZonedDateTimeISO(this.agentTimeZone).toPlainDate();
  }

  override updated(changed: PropertyValues<this>): void {
    if ((changed as PropertyValues).has('session') || changed.has('clock') || changed.has('agent')) {
      this.#midnight.update();
    }
    if (this.#scrollToTop) {
      this.#scrollToTop = false;
      this.renderRoot.querySelector('.scroller')?.scrollTo({top: 0});
    }
    this.#tryFocus();
  }

  /** Another agent signed in: what was told to the previous one does not count for this one. */
  #resetForAgent(): void {
    this.#loginAgent = undefined;
    this.#seen.clear();
    this.#early.clear();
    this.#items = new Map();
    this.#itemProblems = [];
    this.#hostSource = undefined;
    for (const request of this.#requests.values()) request.controller?.abort();
    this.#requests.clear();
    this.notices = [];
    this.#viewDirty = true;
  }

  #isMine(campaign: Campaign): boolean {
    const agent = this.resolvedAgent?.id;
    return !agent || !Array.isArray(campaign.agentIds) || campaign.agentIds.includes(agent);
  }

  #onBackendEvent = (event: BackendEvent): void => {
    if (event.type === 'resync') {
      // Events may have been missed: reload (starts found in the reload are told like any other).
      if (!this.#hostMode && this.#loginAgent === this.#agentKey) void this.#load.run();
      return;
    }
    if (event.type !== 'campaign-started' && event.type !== 'campaign-changed') return;
    const campaign = event.campaign;
    if (!campaign || typeof campaign.id !== 'string') return;
    const mine = this.#isMine(campaign);
    if (!this.#hostMode) {
      if (mine) this.#items.set(campaign.id, campaign);
      else this.#items.delete(campaign.id);
      this.#viewDirty = true;
      this.requestUpdate();
    }
    if (!mine) return;
    if (this.#loginAgent !== this.#agentKey) {
      // The first load is still on its way: sort this out once it arrives.
      const started = event.type === 'campaign-started' || !!this.#early.get(campaign.id)?.started;
      this.#early.set(campaign.id, {campaign, started});
      return;
    }
    this.#announceStarts([campaign], false, true);
  };

  /** Takes a list from the backend: the login snapshot the first time for an agent, else a catch-up. */
  #ingestBackend(list: Campaign[], agentId: string): void {
    const checked = checkCampaigns(list);
    this.#itemProblems = checked.problems;
    this.#items = new Map(checked.campaigns.filter((c) => this.#isMine(c)).map((c) => [c.id, c]));
    const early = [...this.#early.values()];
    this.#early.clear();
    for (const {campaign} of early) this.#items.set(campaign.id, campaign);
    this.#viewDirty = true;
    this.requestUpdate();
    this.#snapshot(
      [...this.#items.values()],
      early.filter((e) => e.started).map((e) => e.campaign),
      agentId,
      true,
    );
  }

  /** Takes the host's `.campaigns`: the login snapshot the first time, else the starts among the changes. */
  #ingestHost(): void {
    this.#hostSource = this.campaigns;
    this.#host = checkCampaigns(this.campaigns);
    this.#viewDirty = true;
    const early = [...this.#early.values()];
    this.#early.clear();
    // Host data never fires campaign-started (a property set); starts that came from the backend do.
    this.#snapshot(
      this.#host.campaigns,
      early.filter((e) => e.started).map((e) => e.campaign),
      this.#agentKey,
      false,
    );
  }

  /** The first list for an agent: one combined notice for what already ran; starts seen meanwhile are new. */
  #snapshot(campaigns: Campaign[], startedMeanwhile: Campaign[], agent: string, dispatch: boolean): void {
    if (this.#loginAgent === agent) {
      this.#announceStarts([...campaigns, ...startedMeanwhile], false, dispatch);
      return;
    }
    this.#loginAgent = agent;
    const meanwhile = new Set(startedMeanwhile.map(startKey));
    this.#announceStarts(
      campaigns.filter((c) => !meanwhile.has(startKey(c))),
      true,
      dispatch,
    );
    this.#announceStarts(startedMeanwhile, false, true);
  }

  /**
   * Tells the agent about live campaigns whose start (id + startedAt) they have not been told about: one
   * `campaign-started` each (when `dispatch`), then one notice each, or one combined notice before login.
   */
  #announceStarts(campaigns: Campaign[], beforeLogin: boolean, dispatch: boolean): void {
    const fresh = campaigns.filter((c) => isLive(c) && !this.#seen.has(startKey(c)));
    if (!fresh.length) return;
    for (const campaign of fresh) this.#seen.add(startKey(campaign));
    const shown = dispatch
      ? fresh.filter((campaign) =>
          this.dispatchEvent(
            new CampaignStartedEvent({campaign: copyCampaign(campaign), startedBeforeLogin: beforeLogin}),
          ),
        )
      : fresh;
    if (!shown.length) return;
    const now = this.resolvedClock.now().epochMilliseconds;
    const added: Notice[] = beforeLogin
      ? [{id: `notice-${++this.#noticeSerial}`, kind: 'before-login', message: this.#beforeLoginMessage(shown)}]
      : shown.map((campaign) => ({
          id: `notice-${++this.#noticeSerial}`,
          kind: 'started' as const,
          message: msg(str`Campaign ${isolate(campaign.name)} has started.`),
          at: startMs(campaign) ?? now,
        }));
    this.notices = [...this.notices, ...added];
  }

  #beforeLoginMessage(campaigns: Campaign[]): string {
    if (campaigns.length === 1) {
      return msg(str`Campaign ${isolate(campaigns[0].name)} was already running when you logged in.`);
    }
    const names = campaigns.slice(0, NOTICE_NAMES).map((c) => isolate(c.name));
    if (campaigns.length > NOTICE_NAMES) names.push(msg(str`${campaigns.length - NOTICE_NAMES} more`));
    let list: string;
    try {
      list = new Intl.ListFormat(this.resolvedLocale, {type: 'conjunction'}).format(names);
    } catch {
      list = names.join(', ');
    }
    return msg(str`${campaigns.length} campaigns were already running when you logged in: ${list}.`);
  }

  #rebuildView(): void {
    this.#viewDirty = false;
    const source = this.#hostMode ? (this.#host?.campaigns ?? []) : [...this.#items.values()];
    const focused = this.#rowsFocused();
    const {rows, liveCount} = buildView(source, {
      filter: this.#filter,
      sortBy: this.#sortBy,
      direction: this.#direction,
      collator: this.#collator!.collator,
    });
    this.#view = rows;
    this.#liveCount = liveCount;
    this.#total = source.length;
    this.#indexById = new Map(rows.map((c, i) => [c.id, i]));
    if (this.#activeRow === HEADER) return;
    // Keep the keyboard position on the same campaign; when it is gone, on the row that took its place.
    const index = this.#activeId !== undefined ? this.#indexById.get(this.#activeId) : undefined;
    const row = index ?? Math.max(0, Math.min(this.#activeRow, rows.length - 1));
    this.#activeRow = row;
    this.#activeId = rows[row]?.id;
    if (focused && rows.length) {
      this.#pendingFocus = 'quiet';
      const {first, last} = this.#rows.range;
      if (this.#rows.virtualized && (row < first || row > last)) this.#scrollToRow(row);
    }
  }

  #rowsFocused(): boolean {
    const active = (this.renderRoot as ShadowRoot | undefined)?.activeElement;
    return !!active?.closest('.row--campaign');
  }

  #rowElement(row: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.row--campaign[data-index="${row}"]`);
  }

  /** The element holding the tab stop: a cell, or the single button in it. */
  #activeTarget(): HTMLElement | null {
    const row =
      this.#activeRow === HEADER
        ? this.renderRoot.querySelector<HTMLElement>('.row--header')
        : this.#rowElement(this.#activeRow);
    const cell = row?.querySelector<HTMLElement>(`[data-col="${this.#activeCol}"]`);
    return cell?.querySelector<HTMLElement>('[data-widget]') ?? cell ?? null;
  }

  #tryFocus(): void {
    if (!this.#pendingFocus) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this) {
      this.#pendingFocus = false; // the agent went elsewhere meanwhile: do not pull focus back
      return;
    }
    const target = this.#activeTarget();
    if (!target) return;
    const quiet = this.#pendingFocus === 'quiet';
    this.#pendingFocus = false;
    target.focus({preventScroll: quiet});
    if (!quiet && target.closest('.row--campaign')) this.#reveal(target);
  }

  /**
   * The virtualizer positions a row it just rendered a frame or two later, and corrects its estimates of the rows
   * around it as it measures them: keep the focused row inside the scroller until it has stayed there for three
   * frames (at most a dozen frames; none once it is no longer the tab stop or is gone).
   */
  #reveal(target: HTMLElement, frames = 12, stable = 0): void {
    requestAnimationFrame(() => {
      const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
      if (!scroller || !target.isConnected || this.#activeTarget() !== target) return;
      const box = target.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      let delta = 0;
      if (box.top < view.top) delta = box.top - view.top;
      else if (box.bottom > view.bottom) delta = Math.min(box.bottom - view.bottom, box.top - view.top);
      if (Math.abs(delta) >= 1) scroller.scrollTop += delta;
      const settled = Math.abs(delta) < 1 ? stable + 1 : 0;
      if (settled < 3 && frames > 1) this.#reveal(target, frames - 1, settled);
    });
  }

  /**
   * Scrolls an unrendered row into the middle of the scroller, from the average row height (the virtualizer
   * measures rows as they render); `handleRangeChanged` corrects the estimate until the row is rendered.
   */
  #scrollToRow(row: number, attempt = 0): void {
    if (!this.#rows.virtualized) {
      // Only the first rows are rendered while the virtualizer loads: scroll once it is there (handleRangeChanged).
      this.#scrollTarget = row;
      this.#scrollAttempts = 0;
      return;
    }
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller || !this.#view.length) return;
    this.#scrollTarget = row;
    this.#scrollAttempts = attempt;
    const perRow = scroller.scrollHeight / this.#view.length;
    scroller.scrollTop = Math.max(0, row * perRow - (scroller.clientHeight - perRow) / 2);
  }

  /** Moves the tab stop (and focus) to a cell, scrolling its row into view when it is not rendered. */
  #moveTo(row: number, col: number): void {
    this.#activeRow = row;
    this.#activeCol = col;
    if (row !== HEADER) this.#activeId = this.#view[row]?.id;
    this.#pendingFocus = 'scroll';
    if (row !== HEADER && !this.#rowElement(row)) this.#scrollToRow(row);
    this.requestUpdate();
  }

  /** Where an element of the grid is: row index (HEADER for the header) and column. */
  #positionOf(element: Element | null): {row: number; col: number} | undefined {
    const cell = element?.closest<HTMLElement>('[data-col]');
    const row = cell?.closest<HTMLElement>('[role="row"]');
    if (!cell || !row) return undefined;
    return {row: row.dataset.index === undefined ? HEADER : Number(row.dataset.index), col: Number(cell.dataset.col)};
  }

  /** Header cells hidden by the narrow layout are skipped by the arrows. */
  #headerColumnShown(col: number): boolean {
    const cell = this.renderRoot.querySelector<HTMLElement>(`.row--header [data-col="${col}"]`);
    return !!cell && cell.getClientRects().length > 0;
  }

  #stepColumn(row: number, col: number, step: 1 | -1): number {
    for (let c = col + step; c >= 0 && c <= LAST_COLUMN; c += step) {
      if (row !== HEADER || this.#headerColumnShown(c)) return c;
    }
    return col;
  }

  #edgeColumn(row: number, last: boolean): number {
    return this.#stepColumn(row, last ? COLUMN_COUNT : -1, last ? -1 : 1);
  }

  #select(campaign: Campaign): void {
    this.selected = campaign.id;
    this.dispatchEvent(new CampaignSelectEvent({campaign: copyCampaign(campaign)}));
  }

  #setSort(key: CampaignSortKey): void {
    const direction: SortDirection =
      this.#sortBy === key && this.#direction === 'ascending' ? 'descending' : 'ascending';
    this.sortBy = key;
    this.sortDirection = direction;
    this.#scrollToTop = true;
    this.announcement =
      direction === 'ascending'
        ? msg(str`Sorted by ${sortTitle(key)}, ascending.`)
        : msg(str`Sorted by ${sortTitle(key)}, descending.`);
  }

  #setFilter(filter: CampaignFilter): void {
    if (filter === this.#filter) return;
    this.filter = filter;
    this.#scrollToTop = true;
    this.announcement =
      filter === 'all'
        ? this.#total === 1
          ? msg('Showing the only campaign.')
          : msg(str`Showing all ${this.#total} campaigns.`)
        : this.#liveCount === 1
          ? msg('Showing 1 active or running campaign.')
          : msg(str`Showing ${this.#liveCount} active and running campaigns.`);
    if (this.#activeRow !== HEADER) this.#activeRow = 0;
    this.#activeId = undefined;
  }

  async #requestRecord(campaign: Campaign): Promise<void> {
    const id = campaign.id;
    if (this.#requests.get(id)?.state === 'busy' || !isLive(campaign)) return;
    const controller = new AbortController();
    const responder = createResponder<PreviewRecord | null>();
    const event = new PreviewRecordRequestEvent({
      campaign: copyCampaign(campaign),
      agentId: this.resolvedAgent?.id,
      signal: controller.signal,
      respondWith: (response) => responder.respondWith(response),
    });
    const proceed = this.dispatchEvent(event);
    const response = responder.response;
    if (!response) {
      if (proceed) {
        const message = msg('Records cannot be requested here: nothing answered the request.');
        console.warn(new NoHandlerError('preview-record-request').message);
        this.#setRequest(id, {state: 'error', message});
        this.announcement = message;
      } else this.#setRequest(id, undefined); // the host took it over
      return;
    }
    this.#setRequest(id, {state: 'busy', controller});
    const aborted = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {once: true}),
    );
    try {
      const record = await withTimeout(Promise.race([response, aborted]), this.#timeout, 'preview-record-request');
      let message: string;
      if (record === null || record === undefined) {
        message = msg(str`No records left in the calling list of ${isolate(campaign.name)}.`);
      } else if (typeof record !== 'object' || typeof record.id !== 'string' || !record.id) {
        throw new TypeError(msg('The answer to the request is not a record (it has no id).'));
      } else {
        const who = [record.contactName, record.phone].filter((part) => typeof part === 'string' && part).join(', ');
        message = who ? msg(str`Next record: ${who}.`) : msg(str`Next record: ${record.id}.`);
      }
      if (this.#requests.get(id)?.controller !== controller) return;
      this.#setRequest(id, {state: 'done', message});
      this.announcement = msg(str`${isolate(campaign.name)}: ${message}`);
    } catch (error) {
      // Removed from the page, or another agent signed in meanwhile: nothing to show.
      if (this.#requests.get(id)?.controller !== controller) return;
      // The host's own error (a CallbackKitError says precisely what failed), or the element's timeout.
      const message =
        error instanceof HostTimeoutError
          ? msg(str`No record arrived within ${Math.max(1, Math.round(this.#timeout / 1000))} seconds. Try again.`)
          : msg(str`The record could not be fetched: ${errorText(error)}`);
      if (!controller.signal.aborted) controller.abort(error);
      this.#setRequest(id, {state: 'error', message});
      this.announcement = msg(str`${isolate(campaign.name)}: ${message}`);
    }
  }

  #setRequest(id: string, request: RecordRequest | undefined): void {
    if (request) this.#requests.set(id, request);
    else this.#requests.delete(id);
    this.requestUpdate();
  }

  private handleFilterChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.checked) this.#setFilter(input.value as CampaignFilter);
  }

  private handleShowAll(): void {
    // The button goes away with the message: the grid's tab stop takes the focus.
    this.#setFilter('all');
    this.#activeRow = 0;
    this.#activeCol = 0;
    this.#pendingFocus = 'scroll';
  }

  private handleSortClick(key: CampaignSortKey): void {
    this.#setSort(key);
  }

  private async handleRetry(): Promise<void> {
    await this.#load.run();
    await this.updateComplete;
    // The Try again button is gone: focus the grid once its rows render (or the new Try again button).
    const retry = this.renderRoot.querySelector<HTMLElement>('.message--error button');
    if (retry) retry.focus();
    else {
      this.#pendingFocus = 'scroll';
      this.#tryFocus();
    }
  }

  private async handleDismiss(id: string): Promise<void> {
    const index = this.notices.findIndex((n) => n.id === id);
    const hadFocus = (this.renderRoot as ShadowRoot).activeElement?.closest('.notices, .notices-actions') != null;
    this.notices = this.notices.filter((n) => n.id !== id);
    if (!hadFocus) return;
    await this.updateComplete;
    this.#focusAfterDismiss(index);
  }

  private async handleDismissAll(): Promise<void> {
    this.dismissAllNotices();
    await this.updateComplete;
    this.#focusAfterDismiss(0);
  }

  #focusAfterDismiss(index: number): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.notice__dismiss')];
    const next =
      buttons[Math.min(index, buttons.length - 1)] ??
      this.#activeTarget() ??
      this.renderRoot.querySelector<HTMLElement>('.filter input:checked');
    next?.focus();
  }

  private handleGridClick(event: MouseEvent): void {
    const target = event.target as Element;
    if (target.closest('button, [popover]')) return; // buttons act on their own
    const position = this.#positionOf(target);
    if (!position || position.row === HEADER) return;
    const campaign = this.#view[position.row];
    if (!campaign) return;
    this.#activeRow = position.row;
    this.#activeCol = position.col;
    this.#activeId = campaign.id;
    this.#select(campaign);
  }

  private handleGridFocusIn(event: FocusEvent): void {
    const position = this.#positionOf(event.target as Element);
    if (!position || (position.row === this.#activeRow && position.col === this.#activeCol)) return;
    this.#activeRow = position.row;
    this.#activeCol = position.col;
    if (position.row !== HEADER) this.#activeId = this.#view[position.row]?.id;
    this.requestUpdate();
  }

  private handleGridKeydown(event: KeyboardEvent): void {
    const position = this.#positionOf(event.target as Element);
    if (!position || event.altKey) return;
    const {row, col} = position;
    const last = this.#view.length - 1;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const ctrl = event.ctrlKey || event.metaKey;
    let next: {row: number; col: number} | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = {row: Math.min(row + 1, last), col};
        break;
      case 'ArrowUp':
        next = {row: Math.max(row - 1, HEADER), col};
        if (next.row === HEADER && !this.#headerColumnShown(col)) next.col = this.#edgeColumn(HEADER, false);
        break;
      case 'ArrowRight':
        next = {row, col: this.#stepColumn(row, col, rtl ? -1 : 1)};
        break;
      case 'ArrowLeft':
        next = {row, col: this.#stepColumn(row, col, rtl ? 1 : -1)};
        break;
      case 'Home':
        next = ctrl ? {row: HEADER, col: this.#edgeColumn(HEADER, false)} : {row, col: this.#edgeColumn(row, false)};
        break;
      case 'End':
        next = ctrl ? {row: last, col: LAST_COLUMN} : {row, col: this.#edgeColumn(row, true)};
        break;
      case 'PageDown':
        next = {row: Math.min(Math.max(row, 0) + this.#page(), last), col};
        break;
      case 'PageUp':
        next = {row: row === HEADER ? HEADER : Math.max(row - this.#page(), 0), col};
        break;
      case 'Enter':
      case ' ': {
        if ((event.target as Element).closest('button')) return; // the button's own activation
        event.preventDefault();
        const campaign = row === HEADER ? undefined : this.#view[row];
        if (campaign) this.#select(campaign);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    if (next.row === row && next.col === col) return;
    this.#moveTo(next.row, next.col);
  }

  /** The rows in view, less one (the virtualizer's count, or measured when every row is rendered). */
  #page(): number {
    const visible = this.#rows.visibleRange();
    if (visible && visible.first >= 0 && visible.last >= visible.first) {
      this.#pageSize = Math.max(1, visible.last - visible.first);
    }
    return this.#pageSize;
  }

  /** The rows are rendered anew (the grid switched to virtualization): focus in a row comes back to it. */
  #keepFocusAcrossSwitch(): void {
    if (!this.#pendingFocus && this.#activeRow !== HEADER && this.#rowsFocused()) this.#pendingFocus = 'quiet';
  }

  private handleRangeChanged(range: IndexRange): void {
    const target = this.#scrollTarget;
    if (target !== undefined && (target < range.first || target > range.last) && this.#scrollAttempts < 5) {
      // Not there yet (the estimate was off, or the scroll is still on its way): estimate again.
      queueMicrotask(() => this.#scrollToRow(target, this.#scrollAttempts + 1));
    } else if (target !== undefined) {
      this.#scrollTarget = undefined;
    } else if (
      // A row waiting for focus (e.g. after the grid switched to virtualization) is on its way, not scrolled away.
      !this.#pendingFocus &&
      this.#activeRow !== HEADER &&
      range.first >= 0 &&
      this.#view.length > 0 &&
      (this.#activeRow < range.first || this.#activeRow > range.last)
    ) {
      // The tab stop's row is about to be recycled (the agent scrolled away): keep a tab stop in what is
      // rendered, and keep focus in the grid if it was there. This listener runs before the virtualizer re-renders.
      const focused = this.#rowsFocused();
      this.#activeRow = Math.min(Math.max(this.#activeRow, range.first), range.last);
      this.#activeId = this.#view[this.#activeRow]?.id;
      if (focused) this.#pendingFocus = 'quiet';
      this.requestUpdate();
    }
    queueMicrotask(() => this.#tryFocus());
  }

  private handleScroll(): void {
    // Explanations are positioned next to their button: close them rather than leave them floating.
    for (const popover of this.renderRoot.querySelectorAll<HTMLElement>('.help-popover')) {
      try {
        if (popover.matches(':popover-open')) popover.hidePopover();
      } catch {
        /* no Popover API: nothing is open */
      }
    }
  }

  private handleHelpToggle(event: Event): void {
    const popover = event.target as HTMLElement;
    if ((event as ToggleEvent).newState !== 'open') return;
    const button = this.renderRoot.querySelector<HTMLElement>(`[popovertarget="${popover.id}"]`);
    if (!button) return;
    const anchor = button.getBoundingClientRect();
    const box = popover.getBoundingClientRect();
    const margin = 8;
    const rtl = getComputedStyle(this).direction === 'rtl';
    let left = rtl ? anchor.right - box.width : anchor.left;
    left = Math.max(margin, Math.min(left, window.innerWidth - box.width - margin));
    let top = anchor.bottom + 4;
    if (top + box.height > window.innerHeight - margin) top = Math.max(margin, anchor.top - box.height - 4);
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
  }

  private handleRecordClick(campaign: Campaign): void {
    void this.#requestRecord(campaign);
  }

  /** Loads the campaigns again from the backend (no-op when the host gives `.campaigns`). Starts missed meanwhile get their notice. */
  reload(): Promise<void> {
    return this.#hostMode ? Promise.resolve() : this.#load.run();
  }

  /** Dismisses every start notice (they are not shown again). */
  dismissAllNotices(): void {
    this.notices = [];
  }

  #formatStart(campaign: Campaign): {text: string; datetime: string} | undefined {
    const ms = startMs(campaign);
    if (ms === undefined) return undefined;
    const instant = Temporal.Instant.fromEpochMilliseconds(ms);
    const zone = this.agentTimeZone;
    const locale = this.resolvedLocale;
    const time = formatTime(instant, {locale, timeZone: zone});
    const date = instant.toZonedDateTimeISO(zone).toPlainDate();
    const text = this.#today && date.equals(this.#today) ? time : `${formatDate(date, locale)}, ${time}`;
    return {text, datetime: instant.toString()};
  }

  #tabIndex(row: number, col: number): number {
    return this.#activeRow === row && this.#activeCol === col ? 0 : -1;
  }

  #renderRecordCell(campaign: Campaign, index: number) {
    if (!isManualPreview(campaign)) {
      return html`<div
        role="gridcell"
        class="cell cell--record"
        part="cell"
        data-col="5"
        tabindex=${this.#tabIndex(index, 5)}
      >
        <span class="muted" aria-hidden="true">—</span
        ><span class="visually-hidden">${msg('Records are delivered automatically')}</span>
      </div>`;
    }
    const request = this.#requests.get(campaign.id);
    const busy = request?.state === 'busy';
    const live = isLive(campaign);
    return html`<div role="gridcell" class="cell cell--record" part="cell" data-col="5">
      <button
        type="button"
        class="record-button"
        part="record-button"
        data-widget
        tabindex=${this.#tabIndex(index, 5)}
        aria-disabled=${busy || !live ? 'true' : nothing}
        aria-describedby=${live ? nothing : 'record-unavailable'}
        @click=${() => this.handleRecordClick(campaign)}
      >
        ${
          busy
            ? html`<span class="spinner" aria-hidden="true"></span>${msg('Getting record…')}`
            : msg('Get next record')
        }
      </button>
      ${
        request?.message
          ? html`<span class=${`record-result record-result--${request.state}`} part="record-result"
              >${request.message}</span
            >`
          : nothing
      }
    </div>`;
  }

  #renderRow(campaign: Campaign, index: number) {
    const selected = this.selected === campaign.id;
    const status = String(campaign.status);
    const start = this.#formatStart(campaign);
    const helpId = `mode-help-${index}`;
    const dialing = dialingLabel(campaign.dialingMode);
    return html`<div
      role="row"
      class=${classMap({row: true, 'row--campaign': true, 'row--selected': selected})}
      part=${selected ? 'row row-selected' : 'row'}
      data-index=${index}
      data-id=${campaign.id}
      aria-rowindex=${index + 2}
      aria-selected=${selected ? 'true' : 'false'}
    >
      <div role="rowheader" class="cell cell--name" part="cell" data-col="0" tabindex=${this.#tabIndex(index, 0)}>
        <span class="name" title=${campaign.name}>${campaign.name}</span
        ><span class="visually-hidden">, ${statusLabel(status)}</span>
      </div>
      <div role="gridcell" class="cell cell--status" part="cell" data-col="1" tabindex=${this.#tabIndex(index, 1)}>
        <span class=${`badge badge--${status}`} part=${`status status-${status}`}>${statusLabel(status)}</span>
      </div>
      <div role="gridcell" class="cell cell--mode" part="cell" data-col="2">
        <span>${dialing}</span>
        <button
          type="button"
          class="help"
          part="mode-help"
          data-widget
          tabindex=${this.#tabIndex(index, 2)}
          popovertarget=${helpId}
          aria-label=${msg(str`About ${dialing} dialing`)}
        >
          ?
        </button>
        <div id=${helpId} popover class="help-popover" part="mode-help-popover" @toggle=${this.handleHelpToggle}>
          ${modeExplanation(campaign)}
        </div>
      </div>
      <div role="gridcell" class="cell cell--delivery" part="cell" data-col="3" tabindex=${this.#tabIndex(index, 3)}>
        <span class="label-narrow" aria-hidden="true">${msg('Delivery:')}</span
        ><span class="value">${deliveryLabel(campaign.deliveryMode)}</span>
      </div>
      <div role="gridcell" class="cell cell--start" part="cell" data-col="4" tabindex=${this.#tabIndex(index, 4)}>
        <span class="label-narrow" aria-hidden="true">${msg('Started:')}</span
        ><span class="value"
          >${
            start
              ? html`<time datetime=${start.datetime}>${start.text}</time>`
              : html`<span class="muted">${campaign.startedAt ? msg('Unknown') : msg('Not started')}</span>`
          }</span
        >
      </div>
      ${this.#renderRecordCell(campaign, index)}
    </div>`;
  }

  #renderHeader() {
    return html`<div role="row" class="row row--header" part="header" aria-rowindex="1">
      ${Array.from({length: COLUMN_COUNT}, (_, col) => {
        const key = SORTABLE[col];
        if (!key) {
          return html`<div
            role="columnheader"
            class="cell cell--head cell--plain"
            data-col=${col}
            tabindex=${this.#tabIndex(HEADER, col)}
          >
            ${columnTitle(col)}
          </div>`;
        }
        const sorted = this.#sortBy === key;
        const ascending = this.#direction === 'ascending';
        return html`<div
          role="columnheader"
          class="cell cell--head"
          data-col=${col}
          aria-sort=${sorted ? this.#direction : nothing}
        >
          <button
            type="button"
            class="sort"
            part="sort-button"
            data-widget
            tabindex=${this.#tabIndex(HEADER, col)}
            @click=${() => this.handleSortClick(key)}
          >
            ${columnTitle(col)}<span class="sort__icon" aria-hidden="true"
              >${sorted ? (ascending ? '▲' : '▼') : '↕'}</span
            >
          </button>
        </div>`;
      })}
    </div>`;
  }

  #renderGrid(busy: boolean) {
    return html`<div
      role="grid"
      class="grid"
      part="grid"
      aria-label=${this.label ?? msg('My campaigns')}
      aria-rowcount=${this.#view.length + 1}
      aria-colcount=${COLUMN_COUNT}
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${this.handleGridKeydown}
      @click=${this.handleGridClick}
      @focusin=${this.handleGridFocusIn}
    >
      <div role="rowgroup" class="head">${this.#renderHeader()}</div>
      <!-- The scroller is the rows' rowgroup and out of the tab order: Firefox makes any scrolling box a tab stop,
        even one holding focusable rows (the grid keeps one tab stop, on a cell). -->
      <div class="scroller" part="scroller" role="rowgroup" tabindex="-1" @scroll=${this.handleScroll}>
        <div class="rows">
          ${this.#rows.render({
            items: this.#view,
            keyFunction: (campaign: Campaign) => campaign.id,
            renderItem: (campaign: Campaign, index: number) => this.#renderRow(campaign, index),
          })}
        </div>
      </div>
    </div>`;
  }

  #renderNotices() {
    const locale = this.resolvedLocale;
    const zone = this.agentTimeZone;
    return html`<div class="notices" part="notices" role="log" aria-label=${msg('Campaign notices')}>
        ${this.notices.map(
          (notice) =>
            html`<div class=${`notice notice--${notice.kind}`} part="notice" data-notice=${notice.id}>
              <span class="notice__text" title=${notice.message}>${notice.message}</span>
              ${
                notice.at !== undefined
                  ? html`<time
                      class="notice__time"
                      datetime=${Temporal.Instant.fromEpochMilliseconds(notice.at).toString()}
                      >${formatTime(Temporal.Instant.fromEpochMilliseconds(notice.at), {locale, timeZone: zone})}</time
                    >`
                  : nothing
              }
              <button
                type="button"
                class="notice__dismiss"
                part="notice-dismiss"
                aria-label=${msg('Dismiss notice')}
                @click=${() => this.handleDismiss(notice.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>`,
        )}
      </div>
      ${
        this.notices.length > 1
          ? html`<div class="notices-actions">
              <button type="button" class="link-button" @click=${this.handleDismissAll}>
                ${msg('Dismiss all notices')}
              </button>
            </div>`
          : nothing
      }`;
  }

  #renderToolbar() {
    const filter = this.#filter;
    const now = this.resolvedClock.now();
    const counted = this.#hostMode || this.#loginAgent === this.#agentKey;
    return html`<div class="toolbar" part="toolbar">
      <fieldset class="filter" part="filter">
        <legend class="filter__legend">${msg('Show')}</legend>
        <label class="filter__option"
          ><input
            type="radio"
            name="filter"
            value="active"
            .checked=${filter === 'active'}
            @change=${this.handleFilterChange}
          />${counted ? msg(str`Active and running (${this.#liveCount})`) : msg('Active and running')}</label
        ><label class="filter__option"
          ><input
            type="radio"
            name="filter"
            value="all"
            .checked=${filter === 'all'}
            @change=${this.handleFilterChange}
          />${counted ? msg(str`All (${this.#total})`) : msg('All')}</label
        >
      </fieldset>
      <span class="zone">${msg(str`Times in ${zoneLongName(this.agentTimeZone, this.resolvedLocale, now)}`)}</span>
    </div>`;
  }

  #renderBody() {
    const hostMode = this.#hostMode;
    const status = this.#load.status;
    const error = this.#load.error;
    const loaded = hostMode || this.#loginAgent === this.#agentKey;
    if (!hostMode && !this.resolvedBackend) {
      return html`<div class="message" part="message">
        ${msg('No campaigns to show: give the list a backend (or an agent session), or set its campaigns property.')}
      </div>`;
    }
    if (!hostMode && !this.resolvedAgent) {
      return html`<div class="message" part="message">
        ${msg('No agent: place the list inside an agent session or set its agent property.')}
      </div>`;
    }
    const failed = !hostMode && status === TaskStatus.ERROR && !isAbort(error);
    const errorMessage = failed
      ? html`<div class="message message--error" part="message" role="alert">
          <span>${msg(str`Your campaigns could not be loaded. ${errorText(error)}`)}</span>
          <button type="button" @click=${this.handleRetry}>${msg('Try again')}</button>
        </div>`
      : nothing;
    if (!loaded) {
      return failed
        ? errorMessage
        : html`<div class="message" part="message" role="status">${msg('Loading your campaigns…')}</div>`;
    }
    const busy = !hostMode && status === TaskStatus.PENDING;
    if (this.#total === 0) {
      return html`${errorMessage}
        <div class="message" part="message">${msg('You are not assigned to any campaigns.')}</div>`;
    }
    if (this.#view.length === 0) {
      return html`${errorMessage}
        <div class="message" part="message">
          <span>${msg('None of your campaigns is active or running right now.')}</span>
          <button type="button" @click=${this.handleShowAll}>${msg(str`Show all campaigns (${this.#total})`)}</button>
        </div>`;
    }
    return html`${errorMessage}${this.#renderGrid(busy)}
      <div class="footer" part="footer">
        ${
          this.#filter === 'all'
            ? this.#total === 1
              ? msg('1 campaign')
              : msg(str`${this.#total} campaigns`)
            : msg(str`${this.#view.length} of ${this.#total} campaigns`)
        }
      </div>`;
  }

  override render() {
    const problems = this.#problems;
    return html`
      ${this.#renderNotices()} ${this.#renderToolbar()}
      ${
        problems.length
          ? html`<div class="message message--error" part="message" role="alert">
              <ul>
                ${problems.slice(0, 3).map((p) => html`<li>${p}</li>`)}
                ${
                  problems.length === 4
                    ? html`<li>${msg('…and 1 more problem.')}</li>`
                    : problems.length > 4
                      ? html`<li>${msg(str`…and ${problems.length - 3} more problems.`)}</li>`
                      : nothing
                }
              </ul>
            </div>`
          : nothing
      }
      ${this.#renderBody()}
      <div hidden>
        <span id="record-unavailable">${msg('Records can be requested while the campaign is active or running.')}</span>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}

defineElement('campaign-list', CampaignListElement);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-list': CampaignListElement;
  }
}
