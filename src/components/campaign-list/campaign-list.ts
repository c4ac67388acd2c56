import {msg, str} from '@lit/localize';
import {TaskStatus} from '@lit/task';
import {html, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {BackendEvent} from '../../core/backend.js';
import {Temporal} from '../../core/temporal.js';
import type {Campaign} from '../../core/types.js';
import {CampaignSelectEvent} from '../../events/campaign-select.js';
import {LiveCollection} from '../../internal/controllers/live-collection.js';
import {isRtl} from '../../internal/controllers/roving-focus.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {isAbort} from '../../internal/errors.js';
import {formatDate, formatTime, zoneLongName} from '../../internal/format.js';
import {KitElement} from '../../internal/kit-element.js';
import {
  buildView,
  checkCampaigns,
  startMs,
  type CampaignFilter,
  type CampaignSortKey,
  type CheckedCampaigns,
  type SortDirection,
} from './campaign-list-model.js';
import {
  COLUMN_COUNT,
  HEADER,
  renderBody,
  renderHeader,
  renderNotices,
  renderProblems,
  renderRow,
  renderToolbar,
  sortTitle,
  type RowContext,
} from './campaign-list-templates.js';
import {styles} from './campaign-list.styles.js';
import {GridFocus} from './grid-focus.js';
import {errorText, PreviewRecords} from './preview-records.js';
import {copyCampaign, StartNotices} from './start-notices.js';

export type {CampaignFilter, CampaignSortKey, SortDirection} from './campaign-list-model.js';

const DEFAULT_TIMEOUT_MS = 15_000;
const FILTERS: readonly CampaignFilter[] = ['active', 'all'];
const SORT_KEYS: readonly CampaignSortKey[] = ['name', 'status', 'start'];
const DIRECTIONS: readonly SortDirection[] = ['ascending', 'descending'];

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
 * or `response-timeout` passes, then the record (or the error) is shown in the row and announced. The code that asks
 * is a small lazy chunk, downloaded when the pointer enters or focus reaches a "Get next record" button (a press
 * before it arrives waits for it, busy); when it cannot be downloaded the row says the record could not be fetched.
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
  #lastAgent?: string;
  #liveProblem?: string;
  #records = new PreviewRecords(this, {
    agentId: () => this.resolvedAgent?.id,
    timeout: () => this.#timeout,
    announce: (text) => (this.announcement = text),
  });
  #notices = new StartNotices(this, {
    nowMs: () => this.resolvedClock.now().epochMilliseconds,
    locale: () => this.resolvedLocale,
  });
  /** The agent's campaigns from the backend, live (changes during a load are applied on top of it). */
  #live = new LiveCollection<{list: Campaign[]; agentId: string} | undefined>(this, {
    backend: () => this.resolvedBackend,
    key: () => [this.resolvedAgent?.id],
    hostOwned: () => this.#hostMode,
    load: async ({backend, hostOwned, signal}) => {
      const agentId = this.resolvedAgent?.id;
      if (hostOwned || !agentId) return undefined;
      const list = await backend.listCampaigns({agentId}, {signal});
      signal.throwIfAborted();
      return {list, agentId};
    },
    loaded: (loaded, early) => {
      if (loaded) this.#ingestBackend(loaded.list, loaded.agentId, early);
    },
    event: (event) => this.#onBackendEvent(event),
    subscribed: (error) => {
      this.#liveProblem = error === undefined ? undefined : msg(str`Live updates are unavailable: ${errorText(error)}`);
    },
  });
  /** Keep the keyboard position on the same campaign when the rows change (not after a filter change). */
  #followCampaign = true;
  #grid = new GridFocus(this, {view: () => this.#view});
  #scrollToTop = false;
  #today?: Temporal.PlainDate;

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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#records.abortBusy();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#live.sync();
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
  }

  /** Another agent signed in: what was told to the previous one does not count for this one. */
  #resetForAgent(): void {
    this.#notices.reset();
    this.#items = new Map();
    this.#itemProblems = [];
    this.#hostSource = undefined;
    this.#records.clear();
    this.#viewDirty = true;
  }

  #isMine(campaign: Campaign): boolean {
    const agent = this.resolvedAgent?.id;
    return !agent || !Array.isArray(campaign.agentIds) || campaign.agentIds.includes(agent);
  }

  /** A campaign an event is about, when it is one. */
  #campaignOf(event: BackendEvent): Campaign | undefined {
    if (event.type !== 'campaign-started' && event.type !== 'campaign-changed') return undefined;
    const campaign = event.campaign;
    return campaign && typeof campaign.id === 'string' ? campaign : undefined;
  }

  #onBackendEvent(event: BackendEvent): void {
    if (event.type === 'resync') return; // the collection loads again: starts found in it are told like any other
    const campaign = this.#campaignOf(event);
    if (!campaign) return;
    const mine = this.#isMine(campaign);
    if (!this.#hostMode) {
      if (mine) this.#items.set(campaign.id, campaign);
      else this.#items.delete(campaign.id);
      this.#viewDirty = true;
      this.requestUpdate();
    }
    // Before the login snapshot (no agent yet) there is nothing to compare a start with.
    if (mine && this.#notices.loginAgent === this.#agentKey) this.#notices.announce([campaign], false, true);
  }

  /**
   * Takes a list from the backend with the changes that arrived while it loaded (applied on top of it): the login
   * snapshot the first time for an agent, else a catch-up.
   */
  #ingestBackend(list: Campaign[], agentId: string, early: BackendEvent[]): void {
    const checked = checkCampaigns(list);
    this.#itemProblems = checked.problems;
    this.#items = new Map(checked.campaigns.filter((c) => this.#isMine(c)).map((c) => [c.id, c]));
    const started = new Map<string, Campaign>();
    for (const event of early) {
      const campaign = this.#campaignOf(event);
      if (!campaign) continue;
      if (!this.#isMine(campaign)) {
        this.#items.delete(campaign.id);
        continue;
      }
      this.#items.set(campaign.id, campaign);
      if (event.type === 'campaign-started' || started.has(campaign.id)) started.set(campaign.id, campaign);
    }
    this.#viewDirty = true;
    this.requestUpdate();
    this.#notices.snapshot([...this.#items.values()], [...started.values()], agentId, true);
  }

  /** Takes the host's `.campaigns`: the login snapshot the first time, else the starts among the changes. */
  #ingestHost(): void {
    this.#hostSource = this.campaigns;
    this.#host = checkCampaigns(this.campaigns);
    this.#viewDirty = true;
    // Host data never fires campaign-started (a property set).
    this.#notices.snapshot(this.#host.campaigns, [], this.#agentKey, false);
  }

  #rebuildView(): void {
    this.#viewDirty = false;
    const source = this.#hostMode ? (this.#host?.campaigns ?? []) : [...this.#items.values()];
    const focused = this.#grid.rowsFocused();
    const active = this.#grid.active;
    const activeId = this.#followCampaign && active.row !== HEADER ? this.#view[active.row]?.id : undefined;
    this.#followCampaign = true;
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
    if (active.row === HEADER) return;
    // Keep the keyboard position on the same campaign; when it is gone, on the row that took its place.
    const index = activeId !== undefined ? this.#indexById.get(activeId) : undefined;
    const row = index ?? Math.max(0, Math.min(active.row, rows.length - 1));
    const cell = {row, col: active.col};
    if (focused && rows.length) {
      this.#grid.roving.focusAfterUpdate(cell, 'quiet');
      const {first, last} = this.#grid.rows.range;
      if (this.#grid.rows.virtualized && (row < first || row > last)) this.#grid.scrollToRow(row);
    } else this.#grid.roving.active = cell;
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
    const active = this.#grid.active;
    if (active.row !== HEADER) this.#grid.roving.active = {row: 0, col: active.col};
    this.#followCampaign = false;
  }

  private handleFilterChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.checked) this.#setFilter(input.value as CampaignFilter);
  }

  private handleShowAll(): void {
    // The button goes away with the message: the grid's tab stop takes the focus.
    this.#setFilter('all');
    this.#grid.focusSoon({row: 0, col: 0}, 'scroll');
  }

  private async handleRetry(): Promise<void> {
    await this.#live.run();
    await this.updateComplete;
    // The Try again button is gone: focus the grid once its rows render (or the new Try again button).
    const retry = this.renderRoot.querySelector<HTMLElement>('.message--error button');
    if (retry) retry.focus();
    else {
      this.#grid.focusSoon(this.#grid.active, 'scroll');
      this.#grid.roving.retry();
    }
  }

  private async handleDismiss(id: string): Promise<void> {
    const index = this.#notices.notices.findIndex((n) => n.id === id);
    const hadFocus = (this.renderRoot as ShadowRoot).activeElement?.closest('.notices, .notices-actions') != null;
    this.#notices.dismiss(id);
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
      this.#grid.target(this.#grid.active) ??
      this.renderRoot.querySelector<HTMLElement>('.filter input:checked');
    next?.focus();
  }

  private handleGridClick(event: MouseEvent): void {
    const target = event.target as Element;
    if (target.closest('button, [popover]')) return; // buttons act on their own
    const position = this.#grid.positionOf(target);
    if (!position || position.row === HEADER) return;
    const campaign = this.#view[position.row];
    if (!campaign) return;
    this.#grid.roving.active = position;
    this.#select(campaign);
  }

  private handleGridKeydown(event: KeyboardEvent): void {
    if (event.altKey || (event.key !== 'Enter' && event.key !== ' ')) {
      this.#grid.roving.handleKeydown(event);
      return;
    }
    // Enter or Space selects the row's campaign (a button in the cell acts on its own).
    const position = this.#grid.positionOf(event.target as Element);
    if (!position || (event.target as Element).closest('button')) return;
    event.preventDefault();
    const campaign = position.row === HEADER ? undefined : this.#view[position.row];
    if (campaign) this.#select(campaign);
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
    let left = isRtl(this) ? anchor.right - box.width : anchor.left;
    left = Math.max(margin, Math.min(left, window.innerWidth - box.width - margin));
    let top = anchor.bottom + 4;
    if (top + box.height > window.innerHeight - margin) top = Math.max(margin, anchor.top - box.height - 4);
    popover.style.left = `${left}px`;
    popover.style.top = `${top}px`;
  }

  /** Loads the campaigns again from the backend (no-op when the host gives `.campaigns`). Starts missed meanwhile get their notice. */
  reload(): Promise<void> {
    return this.#hostMode ? Promise.resolve() : this.#live.run();
  }

  /** Dismisses every start notice (they are not shown again). */
  dismissAllNotices(): void {
    this.#notices.dismissAll();
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

  #tabIndex = (row: number, col: number): 0 | -1 => this.#grid.roving.tabIndex({row, col});

  #rowContext: RowContext = {
    selected: undefined,
    tabIndex: this.#tabIndex,
    start: (campaign) => this.#formatStart(campaign),
    request: (id) => this.#records.get(id),
    onRecord: (campaign) => this.#records.request(campaign),
    onRecordIntent: this.#records.prefetch,
    onHelpToggle: (event) => this.handleHelpToggle(event),
  };

  #renderGrid(busy: boolean) {
    const ctx = {...this.#rowContext, selected: this.selected};
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
      @focusin=${this.#grid.roving.handleFocusIn}
    >
      <div role="rowgroup" class="head">
        ${renderHeader(this.#sortBy, this.#direction, this.#tabIndex, (key) => this.#setSort(key))}
      </div>
      <!-- The scroller is the rows' rowgroup and out of the tab order: Firefox makes any scrolling box a tab stop,
        even one holding focusable rows (the grid keeps one tab stop, on a cell). -->
      <div class="scroller" part="scroller" role="rowgroup" tabindex="-1" @scroll=${this.handleScroll}>
        <div class="rows">
          ${this.#grid.rows.render({
            items: this.#view,
            keyFunction: (campaign: Campaign) => campaign.id,
            renderItem: (campaign: Campaign, index: number) => renderRow(campaign, index, ctx),
          })}
        </div>
      </div>
    </div>`;
  }

  #renderBody() {
    const hostMode = this.#hostMode;
    const status = this.#live.status;
    const error = this.#live.error;
    const busy = !hostMode && status === TaskStatus.PENDING;
    return renderBody({
      missing: hostMode ? undefined : !this.resolvedBackend ? 'backend' : !this.resolvedAgent ? 'agent' : undefined,
      failed: !hostMode && status === TaskStatus.ERROR && !isAbort(error) ? errorText(error) : undefined,
      loaded: hostMode || this.#notices.loginAgent === this.#agentKey,
      total: this.#total,
      shown: this.#view.length,
      filter: this.#filter,
      grid: () => this.#renderGrid(busy),
      retry: () => void this.handleRetry(),
      showAll: () => this.handleShowAll(),
    });
  }

  override render() {
    const now = this.resolvedClock.now();
    const locale = this.resolvedLocale;
    const zone = this.agentTimeZone;
    const counted = this.#hostMode || this.#notices.loginAgent === this.#agentKey;
    return html`
      ${renderNotices(
        this.#notices.notices,
        (ms) => {
          const at = Temporal.Instant.fromEpochMilliseconds(ms);
          return {text: formatTime(at, {locale, timeZone: zone}), datetime: at.toString()};
        },
        (id) => void this.handleDismiss(id),
        () => void this.handleDismissAll(),
      )}
      ${renderToolbar(
        this.#filter,
        counted ? {live: this.#liveCount, total: this.#total} : undefined,
        zoneLongName(zone, locale, now),
        (e) => this.handleFilterChange(e),
      )}
      ${renderProblems(this.#problems)} ${this.#renderBody()}
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
