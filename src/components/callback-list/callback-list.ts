import {msg, str} from '@lit/localize';
import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {CallbackKitError, ValidationError, type FieldError} from '../../core/errors.js';
import {Temporal} from '../../core/temporal.js';
import type {Callback, Contact} from '../../core/types.js';
import {CallbackLaunchEvent} from '../../events/callback-launch.js';
import {CallbackListErrorEvent, type CallbackListOperation} from '../../events/callback-list-error.js';
import {CallbackRescheduleRequestEvent} from '../../events/callback-reschedule-request.js';
import {LiveCollection} from '../../internal/controllers/live-collection.js';
import {RovingFocus} from '../../internal/controllers/roving-focus.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {toKitError} from '../../internal/errors.js';
import {isolate} from '../../internal/format.js';
import {errorMessage} from '../../internal/localization.js';
import {KitElement} from '../../internal/kit-element.js';
import {VirtualList} from '../../internal/virtual-list.js';
import {
  CallbackListModel,
  dayBounds,
  keptRow,
  rowAfter,
  rowKeys,
  STATUS_FILTERS,
  timingPolicy,
  TYPE_FILTERS,
  type DayBounds,
  type Entries,
  type Entry,
  type StatusFilter,
  type TimingPolicy,
  type TypeFilter,
} from './callback-list-model.js';
import {
  countLabel,
  dataProblem,
  filterProblems,
  renderEmpty,
  renderHeading,
  renderLoading,
  renderNoMatch,
  renderProblems,
  renderRow,
  renderToolbar,
  when,
  type RowHandlers,
} from './callback-list-templates.js';
import {rowView, toastItems, type ViewContext} from './callback-list-view.js';
import {styles} from './callback-list.styles.js';
import {Customers} from './customers.js';
import {HandOff} from './hand-off.js';
import {LiveChanges, loadCallbackData, type Loaded} from './callback-list-data.js';
import {ListDialogs} from './list-dialogs.js';
import {Reminders, SNOOZE_MINUTES} from './reminders.js';
import {RowMenus} from './row-menus.js';
import {StatusWrites} from './status-writes.js';

export type {DisplayType, GroupKey, StatusFilter, TypeFilter} from './callback-list-model.js';

/**
 * The agent's callbacks and followups, grouped Overdue / Today / Tomorrow / Later (and Earlier for handled ones) in
 * the agent's time zone. Each row shows the customer, the number, the time in the agent's and the customer's zone,
 * the type (personal, campaign, followup, web), the status and the notes on two lines, with Launch and a menu button
 * holding Reschedule and Cancel (WAI-ARIA menu button: Enter, Space or Down opens it, arrows move, Escape closes it
 * and focus goes back to the button, Tab closes it).
 *
 * - Data: `backend.listCallbacks({agentId})`, or `.callbacks` when the host sets them (then nothing is listed), kept
 *   live through `backend.subscribe` (`callback-changed`) while connected, and loaded again on `resync` (events were
 *   missed) keeping the agent's row, filters and scroll. A failed `listContacts` is said in an alert.
 * - The customer's time: from `callback.customerTimeZones`, else the CRM's `contact.timeZone`, else the number's
 *   zones (the phone chunk, downloaded only when a callback needs it; an ambiguous number shows the spread of local
 *   times and its zones). Never from `callback.timeZone`, the zone the agent booked in.
 * - Lifecycle: Launch persists `in-progress` and a followup's expiry persists `expired` through
 *   `backend.updateCallbackStatus` (one idempotency key per intent; a failure is shown in the row with Try again
 *   and retried with the same key on a resync; events never fire twice). `due` is derived from the clock by every
 *   list and is not persisted.
 * - Names are bidi isolates: `<bdi>` in the DOM, FSI…PDI in labels, titles and announcements.
 * - Reminders: `policy.reminderLeadMinutes` before its start a personal callback or followup (campaign callbacks
 *   too with `remind-campaign`) becomes due: `callback-due` fires once, the row is highlighted, a toast with Launch,
 *   Snooze (5 minutes, then it reminds again) and Dismiss appears in a polite live region, and `due-count` counts
 *   the reminders showing (for the host's own badge). Unhandled callbacks past their start stay in Overdue.
 * - Followups not launched `policy.followupExpiryMinutes` after their start become `expired` (`callback-expired`).
 * - Time comes from the clock (context or `.clock`): ONE timer for the next reminder/expiry/regrouping moment, none
 *   while disconnected, recomputed when the tab becomes visible again or an injected clock jumps.
 * - Long lists (over 50 entries, headings included) are virtualized: only the rows in view are in the DOM. The
 *   virtualizer is a lazy chunk, downloaded by the first long list; shorter lists render every row themselves.
 *
 * Keyboard: the list is one tab stop (the current row); Up/Down move between callbacks, Home/End to the first/last,
 * PageUp/PageDown by ten; Tab reaches the current row's actions. Filters are native selects. Escape closes the
 * menus and dialogs alike, and focus goes back to what opened them.
 *
 * Cancel asks for confirmation in a modal dialog, then fires `callback-cancel-request` (answer it with
 * `detail.respondWith(promise)` in events-only integration) or calls `backend.cancelCallback`; the row disappears
 * only once that succeeded (`callback-canceled`), otherwise the error is shown and the row kept.
 *
 * @tagname callback-list
 * @summary The agent's callbacks and followups: grouped by day, live, with reminders, expiry, launch and cancel.
 *
 * @event {CallbackDueEvent} callback-due - A callback's reminder is due (once per start time; again after a snooze). `detail: {callback, contact?, repeat}`.
 * @event {CallbackHandedOffEvent} callback-handed-off - A personal callback of the list went to its campaign (the backend's `callback-handed-off`, `policy.personalHandOffMinutes`); the row says so. `detail: {callback, fromAgentId}`.
 * @event {CallbackExpiredEvent} callback-expired - A followup was not launched within `policy.followupExpiryMinutes` after its start. `detail: {callback}` (status `expired`).
 * @event {CallbackLaunchEvent} callback-launch - Cancelable. The agent launched a callback: dial `detail.callback.phone`. Unless canceled, the row shows it in progress. `detail: {callback, contact?}`.
 * @event {CallbackRescheduleRequestEvent} callback-reschedule-request - Cancelable. The agent wants to reschedule `detail.callback`. With `inline-reschedule` and `<callback-scheduler>` defined, the element opens it unless canceled.
 * @event {CallbackCancelRequestEvent} callback-cancel-request - Cancelable. The agent confirmed a cancellation; `detail.respondWith(promise)` lets the host cancel it (events-only), `preventDefault()` refuses, otherwise `backend.cancelCallback` is called. `detail: {callback, respondWith}`.
 * @event {CallbackCanceledEvent} callback-canceled - A cancellation succeeded; the row is gone. `detail: {callback}`.
 * @event {CallbackListErrorEvent} callback-list-error - Loading, canceling, persisting a status or the given data failed; the agent sees the message too. `detail: {operation, error, callback?}`.
 *
 * @csspart toolbar - The bar with the filters and the count.
 * @csspart filter - Each filter's label and select.
 * @csspart count - The number of callbacks shown.
 * @csspart list - The scrolling, virtualized list.
 * @csspart group-heading - A group heading (Overdue, Today, Tomorrow, Later, Earlier).
 * @csspart row - Every callback row.
 * @csspart row-due - A row whose reminder is showing (highlighted).
 * @csspart row-overdue - A row in the Overdue group.
 * @csspart customer - The customer's name.
 * @csspart phone - The formatted number.
 * @csspart time - The time in the agent's zone.
 * @csspart customer-time - The time in the customer's zone.
 * @csspart expiry - When an open followup expires.
 * @csspart hand-off - The countdown of the agent's overdue personal callback to its campaign, or "Handed to the campaign".
 * @csspart type - The type badge.
 * @csspart status - The status badge.
 * @csspart notes - The notes.
 * @csspart actions - A row's actions: Launch and the action menu's button (Reschedule alone on an expired row).
 * @csspart menu-button - A row's "More actions" button (also part `action`): opens its menu.
 * @csspart menu - A row's action menu (Reschedule, Cancel), shown in the top layer next to its button.
 * @csspart menu-item - Each item of a row's action menu.
 * @csspart action - Each action button (rows, toast, dialogs).
 * @csspart toast - The reminder toast.
 * @csspart message - The empty, loading and error messages.
 * @csspart dialog - The cancel confirmation and reschedule dialogs.
 *
 * @cssproperty --ck-callback-list-height - Height of the scrolling list (default `28rem`; `100%` fills a sized host).
 * @cssproperty --ck-callback-list-due-background - Background of a row whose reminder is showing (default `--ck-color-due-surface`).
 * @cssproperty --ck-callback-list-due-color - Accent (border, badge) of a due row (default `--ck-color-due`).
 * @cssproperty --ck-callback-list-overdue-color - Accent of overdue rows and the Overdue heading (default `--ck-color-danger`).
 * @cssproperty --ck-callback-list-row-background - Row background (default `--ck-color-surface`).
 * @cssproperty --ck-callback-list-toast-position - CSS `position` of the toast (default `fixed`, bottom inline-end of the viewport; `sticky` keeps it inside the element).
 * @cssproperty --ck-callback-list-toast-background - Toast background (default `--ck-color-surface`).
 * @cssproperty --ck-callback-list-background - Background of the list and its messages (default `--ck-color-surface-2`).
 * @cssproperty --ck-callback-list-border-color - Borders of the list and rows (default `--ck-color-border`).
 * @cssproperty --ck-callback-list-toast-z-index - `z-index` of the reminder toast (default 1000).
 */
export class CallbackListElement extends KitElement {
  static override styles = styles;

  #model = new CallbackListModel();
  #entries: Entries = {list: [], rows: 0};
  #entriesKey = '';
  #customers = new Customers(() => this.requestUpdate());
  #name = (callback: Callback): string => this.#customers.name(callback);
  #writes = new StatusWrites({
    backend: () => this.resolvedBackend,
    signal: () => this.#operations.signal,
    current: (id) => this.#model.get(id)?.callback,
    saved: (callback) => this.#changes.change(callback),
    failed: (error, callback) => this.#fail('status', error, callback),
    changed: () => this.requestUpdate(),
  });
  #deadlineKey = '';
  #deadlineVersion = -1;
  /** The entries in the DOM (indexes) when the list last rendered: all of them, or the virtualizer's range. */
  #rendered = {first: 0, last: -1};
  #operations = new AbortController();
  #dialogs = new ListDialogs(this, {
    current: (id) => this.#model.get(id)?.callback,
    name: (callback) => this.#name(callback),
    contact: (callback) => this.#customers.contact(callback),
    when: (callback) => {
      const item = this.#model.get(callback.id);
      return item ? when(item, this.agentTimeZone, true, this.resolvedLocale) : '';
    },
    backend: () => this.resolvedBackend,
    timeout: () => this.responseTimeout,
    signal: () => this.#operations.signal,
    announce: (text) => (this.announcement = text),
    failed: (error, callback) => this.#fail('cancel', error, callback),
    neighbour: (id) => {
      const keys = rowKeys(this.#entries);
      const index = keys.indexOf(id);
      return index < 0 ? undefined : (keys[index + 1] ?? keys[index - 1]);
    },
    canceled: (callback, neighbour) => {
      this.#model.remove(callback.id);
      if (neighbour && this.#model.has(neighbour)) this.#roving.focusAfterUpdate(neighbour);
      this.requestUpdate();
    },
    rescheduled: (callback) => {
      const errors = this.#model.upsert(callback);
      if (errors.length) this.#reportData(errors, false);
      this.requestUpdate();
    },
    focusRow: (id) => this.#roving.focusAfterUpdate(id),
    schedulerProps: () => ({backend: this.backend, clock: this.clock, policy: this.policy, agent: this.agent}),
  });
  #deadline = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    next: () => {
      const now = this.resolvedClock.now();
      const midnightAfter = (ms: number) =>
        dayBounds(Temporal.Instant.fromEpochMilliseconds(ms), this.agentTimeZone).tomorrow;
      const next = this.#model.next(now.epochMilliseconds, this.#timing, midnightAfter);
      return next === undefined ? undefined : Temporal.Instant.fromEpochMilliseconds(next);
    },
    run: (now) => this.#reminders.run(now.epochMilliseconds),
  });
  #reminders = new Reminders(this, {
    model: this.#model,
    customers: this.#customers,
    writes: this.#writes,
    timing: () => this.#timing,
    nowMs: () => this.resolvedClock.now().epochMilliseconds,
    announce: (text) => (this.announcement = text),
    counted: (count) => (this.dueCount = count),
    launch: (id) => this.handleLaunch(id),
    focusRow: (id) => {
      if (!this.#model.has(id)) return;
      this.#roving.active = id;
      void this.updateComplete.then(() => this.#roving.focus(id));
    },
  });
  #handOff = new HandOff(this, {
    clock: () => this.resolvedClock,
    minutes: () => this.resolvedPolicy.personalHandOffMinutes,
    agentId: () => this.resolvedAgent?.id,
    items: () => this.#model.items(),
  });

  /** The agent's callbacks (and campaigns, contacts) from the backend, live; the host's `.callbacks` win. */
  #live = new LiveCollection<Loaded>(this, {
    backend: () => this.resolvedBackend,
    key: () => [this.resolvedAgent?.id],
    hostOwned: () => this.callbacks !== undefined,
    load: (request) => loadCallbackData(request, this.resolvedAgent?.id, this.contacts !== undefined),
    loaded: (loaded, early) => this.#changes.loaded(loaded, early),
    failed: (error) => {
      this.loadError = toKitError(error);
      this.#fail('load', this.loadError);
    },
    event: (event) => this.#changes.event(event),
    subscribed: () => (this.#changes.campaignIds = undefined),
  });

  /** What a load and the backend's events change in the list. */
  #changes = new LiveChanges(this, {
    model: this.#model,
    handOff: this.#handOff,
    agentId: () => this.resolvedAgent?.id,
    hostOwned: () => this.callbacks !== undefined,
    name: (callback) => this.#name(callback),
    announce: (text) => (this.announcement = text),
    reportData: (errors, replace) => this.#reportData(errors, replace),
    loaded: (contactsError) => {
      this.loadError = undefined;
      this.contactsError = contactsError; // never a silent "Unknown customer": say why the names are missing
      if (contactsError) this.#fail('load', contactsError);
    },
    indexContacts: () => this.#indexContacts(),
    resynced: () => {
      this.loadError = undefined;
      this.#writes.retryAll();
    },
  });

  /** The list's single tab stop: the current row (by callback id). */
  #roving = new RovingFocus<string>(this, {
    element: (id) => this.#rowElement(id),
    positionOf: (node) => node.closest<HTMLElement>('article[data-id]')?.dataset.id,
    move: (id, key) => rowAfter(rowKeys(this.#entries), id, key),
    reveal: (id) => this.#list.scrollToIndex(this.#entryIndex(id)),
  });

  /** The row menus (their code is a lazy chunk). */
  #menus = new RowMenus(this, {
    button: (id) => this.#rowElement(id)?.querySelector<HTMLElement>('.action--more'),
    menu: (id) => this.#rowElement(id)?.querySelector<HTMLElement>('[role="menu"]'),
    load: (chunk, failed) => this.loadChunk(chunk, failed),
    failed: (error) => this.#fail('load', error),
  });

  /** The rows: all of them for a short list; virtualized (the virtualizer loaded on first use) for a long one. */
  #list = new VirtualList<Entry | undefined>(this, {
    container: () => this.listElement,
    scroller: true,
    rangeChanged: (range) => this.handleRangeChanged(range),
    beforeSwitch: () => this.#keepFocusAcrossSwitch(),
  });

  /** The scrolling list (the virtualizer's host when long), when rendered. */
  private get listElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.list');
  }

  /** Problems with the callbacks given (shown in an alert). */
  @state() private dataProblems: string[] = [];
  /** Problems with the filter attributes (shown in an alert). */
  @state() private filterProblems: string[] = [];
  @state() private loadError?: CallbackKitError;
  /** Listing the contacts failed: rows say "Unknown customer", this says why. */
  @state() private contactsError?: CallbackKitError;
  /** Polite announcement (canceled, launched, expired...). */
  @state() private announcement = '';

  /** The callbacks to show, set by the host: they win over the backend (which is then not asked to list them). */
  @property({attribute: false}) callbacks?: Callback[];

  /** Contacts to name customers and find their zone; defaults to the backend's `listContacts()` when it has one. */
  @property({attribute: false}) contacts?: Contact[];

  /** Shows one type only: `all`, `personal`, `campaign`, `followup` or `web`. */
  @property({attribute: 'filter-type', reflect: true}) filterType: TypeFilter = 'all';

  /** Shows one status: `active` (all but completed), `all`, `scheduled`, `due`, `in-progress`, `expired`, `completed`. */
  @property({attribute: 'filter-status', reflect: true}) filterStatus: StatusFilter = 'active';

  /** Opens `<callback-scheduler mode="reschedule">` in a dialog on Reschedule, when that element is defined. */
  @property({type: Boolean, attribute: 'inline-reschedule', reflect: true}) inlineReschedule = false;

  /** Campaign callbacks remind too (by default only personal callbacks and followups do). */
  @property({type: Boolean, attribute: 'remind-campaign', reflect: true}) remindCampaign = false;

  /** Read-only: the number of reminders showing now (due, not snoozed or dismissed), for the host's own badge. */
  @property({type: Number, attribute: 'due-count', reflect: true}) dueCount = 0;

  /** Level of the group headings (1-6). */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 3;

  /** Accessible name of the list. */
  @property() label?: string;

  /** Milliseconds to wait for a host's `respondWith` answer to `callback-cancel-request`. */
  @property({type: Number, attribute: 'response-timeout'}) responseTimeout = 30_000;

  get #timing(): TimingPolicy {
    return timingPolicy(this.resolvedPolicy, this.remindCampaign);
  }

  get #typeFilter(): TypeFilter {
    return TYPE_FILTERS.includes(this.filterType) ? this.filterType : 'all';
  }

  get #statusFilter(): StatusFilter {
    return STATUS_FILTERS.includes(this.filterStatus) ? this.filterStatus : 'active';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#menus.connect(); // the row menus download on intent (or when idle after the first render)
    if (this.#operations.signal.aborted) this.#operations = new AbortController();
    if (this.hasUpdated) this.#writes.retryAll(); // writes cut off by the disconnect
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#operations.abort();
  }

  override firstUpdated(): void {
    this.#menus.prefetchWhenIdle();
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('callbacks') && this.callbacks !== undefined) {
      const errors = this.#model.replaceAll(Array.isArray(this.callbacks) ? this.callbacks : []);
      this.#reportData(errors, true);
    }
    if (changed.has('contacts') || changed.has('session')) this.#indexContacts();
    if (changed.has('filterType') || changed.has('filterStatus')) this.#checkFilters();
    this.#customers.loadPhoneToolsIfNeeded(this.#callbacks(), this.#model.version);
    this.#live.sync();
    const timing = this.#timing;
    const settings = `${timing.reminderLeadMinutes}|${timing.followupExpiryMinutes}|${timing.remindCampaign}|${this.agentTimeZone}`;
    if (
      this.#model.version !== this.#deadlineVersion ||
      settings !== this.#deadlineKey ||
      changed.has('clock') ||
      changed.has('session')
    ) {
      this.#deadline.update(); // may run reminders and expiries reached meanwhile
      this.#deadlineKey = settings;
      this.#deadlineVersion = this.#model.version;
    }
    this.#handOff.update();
    const now = this.resolvedClock.now();
    const nowMs = now.epochMilliseconds;
    const days = dayBounds(now, this.agentTimeZone);
    const entriesKey = `${this.#model.version}|${this.#typeFilter}|${this.#statusFilter}|${days.today}|${settings}`;
    if (entriesKey !== this.#entriesKey) {
      const previous = this.#entries;
      this.#entriesKey = entriesKey;
      this.#entries = this.#model.entries(nowMs, timing, days, {type: this.#typeFilter, status: this.#statusFilter});
      this.#keepActiveRow(previous);
    }
    this.dueCount = this.#model.alerting(nowMs, timing).length;
  }

  #indexContacts(): void {
    this.#customers.setContacts(this.contacts ?? this.#changes.contacts ?? []);
  }

  *#callbacks(): Iterable<Callback> {
    for (const item of this.#model.items()) yield item.callback;
  }

  #checkFilters(): void {
    const problems = filterProblems(this.filterType, this.filterStatus);
    if (problems.length && problems.join() !== this.filterProblems.join()) {
      const fields: FieldError[] = problems.map((message) => ({field: 'filter', code: 'invalid', message}));
      this.#fail('data', new ValidationError(fields));
    }
    this.filterProblems = problems;
  }

  /** Shows invalid callbacks in the alert and reports them (replacing earlier data problems on a full replace). */
  #reportData(errors: FieldError[], replace: boolean): void {
    const previous = replace ? [] : this.dataProblems;
    if (!errors.length) {
      if (replace && this.dataProblems.length) this.dataProblems = [];
      return;
    }
    this.dataProblems = [...previous, dataProblem(errors.map((e) => e.message))].slice(-3);
    this.#fail('data', new ValidationError(errors));
  }

  #fail(operation: CallbackListOperation, error: CallbackKitError, callback?: Callback): void {
    this.dispatchEvent(new CallbackListErrorEvent({operation, error, callback}));
  }

  /**
   * Keeps the tab stop on a row that still exists: when its row went away (canceled elsewhere, filtered out), the
   * row now at its place takes it, and focus follows if it was in the row that went away.
   */
  #keepActiveRow(previous: Entries): void {
    const id = this.#roving.active;
    const next = keptRow(previous, rowKeys(this.#entries), id);
    if (next === id) return;
    this.#roving.active = next;
    const focused = this.shadowRoot?.activeElement?.closest('article[data-id]') as HTMLElement | null | undefined;
    if (next && id && focused?.dataset.id === id) this.#roving.focusAfterUpdate(next);
  }

  #entryIndex(id: string | undefined): number {
    return id === undefined ? -1 : this.#entries.list.findIndex((e) => e.kind === 'row' && e.key === id);
  }

  #rowElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
  }

  /** The rows are rendered anew (the list switched to virtualization): focus in a row goes back to the tab stop. */
  #keepFocusAcrossSwitch(): void {
    const row = this.shadowRoot?.activeElement?.closest<HTMLElement>('article[data-id]');
    if (row && !this.#roving.pending) this.#roving.focusAfterUpdate(this.#roving.active ?? row.dataset.id!);
  }

  private handleTypeChange(event: Event): void {
    this.filterType = (event.target as HTMLSelectElement).value as TypeFilter;
  }

  private handleStatusChange(event: Event): void {
    this.filterStatus = (event.target as HTMLSelectElement).value as StatusFilter;
  }

  private handleShowAll(): void {
    this.filterType = 'all';
    this.filterStatus = 'all';
  }

  private handleRangeChanged({first, last}: {first: number; last: number}): void {
    // The list is a tab stop only while the current row is not rendered: render again when the range moved.
    if (first !== this.#rendered.first || last !== this.#rendered.last) this.requestUpdate();
    queueMicrotask(() => this.#roving.retry());
  }

  private handleListFocusIn(event: FocusEvent): void {
    if (event.target === this.listElement) {
      // The tab stop's row was virtualized away: bring it back and focus it.
      const id = this.#roving.active;
      if (id) this.#roving.focus(id);
      return;
    }
    this.#roving.handleFocusIn(event);
  }

  private handleLaunch(id: string): void {
    const item = this.#model.get(id);
    const now = this.resolvedClock.now().epochMilliseconds;
    if (!item || !this.#model.isOpen(item, now, this.#timing)) return;
    const contact = this.#customers.contact(item.callback);
    const event = new CallbackLaunchEvent({callback: item.callback, contact});
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.#model.launch(id);
    this.announcement = msg(str`Callback to ${isolate(this.#name(item.callback))} launched: in progress.`);
    this.#writes.persist(item.callback, 'in-progress');
    this.requestUpdate();
  }

  /** A menu item was chosen: the menu closes and what the item opens remembers the menu's button. */
  #openerOf(id: string, clicked: HTMLElement): {id: string; element: HTMLElement} {
    const inMenu = !!clicked.closest('[role="menu"]');
    if (inMenu) this.#menus.menu?.close(false);
    const element = inMenu ? (this.#rowElement(id)?.querySelector<HTMLElement>('.action--more') ?? clicked) : clicked;
    return {id, element};
  }

  private handleReschedule(id: string, clicked: HTMLElement): void {
    const item = this.#model.get(id);
    if (!item) return;
    const opener = this.#openerOf(id, clicked);
    const event = new CallbackRescheduleRequestEvent({callback: item.callback});
    this.dispatchEvent(event);
    if (event.defaultPrevented || !this.inlineReschedule || !customElements.get('callback-scheduler')) {
      if (clicked.closest('[role="menu"]')) opener.element.focus(); // the menu is gone: focus its button
      return;
    }
    this.#dialogs.reschedule(item.callback, opener);
  }

  private handleCancelClick(id: string, clicked: HTMLElement): void {
    const item = this.#model.get(id);
    if (!item) return;
    this.#roving.active = id;
    this.#dialogs.confirmCancel(item.callback, this.#openerOf(id, clicked));
  }

  private handleRetry(): void {
    this.refresh();
  }

  /** Loads the callbacks again from the backend (no-op when the host owns `.callbacks` and there is no backend). */
  refresh(): void {
    this.loadError = undefined;
    void this.#live.run();
  }

  /** Silences a callback's reminder for `minutes` (default 5); it reminds again (`callback-due`) afterwards. */
  snooze(id: string, minutes: number = SNOOZE_MINUTES): void {
    this.#reminders.snooze(id, minutes);
  }

  /** Stops a callback's reminder for its current start time (the row stays). */
  dismiss(id: string): void {
    this.#reminders.dismiss(id);
  }

  #rowHandlers: RowHandlers = {
    launch: (id) => this.handleLaunch(id),
    reschedule: (id, opener) => this.handleReschedule(id, opener),
    cancel: (id, opener) => this.handleCancelClick(id, opener),
    retryWrite: (id) => this.#writes.retry(id),
    ...this.#menus.handlers,
  };

  #view(nowMs: number, days: DayBounds): ViewContext {
    return {
      model: this.#model,
      customers: this.#customers,
      writes: this.#writes,
      handOff: this.#handOff,
      timing: this.#timing,
      locale: this.resolvedLocale,
      zone: this.agentTimeZone,
      nowMs,
      days,
      rows: this.#entries.rows,
      tabIndex: (id) => this.#roving.tabIndex(id),
      menuOpen: (id) => this.#menus.menu?.openId === id,
    };
  }

  #renderList(nowMs: number, days: DayBounds) {
    const level =
      Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 3;
    const view = this.#view(nowMs, days);
    const rows = this.#list.render({
      items: this.#entries.list,
      // The virtualizer may ask for an index past the end for a moment after the list shrank: render nothing there.
      keyFunction: (entry: Entry | undefined, index: number) => entry?.key ?? `gone:${index}`,
      renderItem: (entry: Entry | undefined) =>
        !entry
          ? html``
          : entry.kind === 'heading'
            ? renderHeading(entry.group, countLabel(entry.count, this.resolvedLocale), level)
            : renderRow(rowView(entry, view), this.#rowHandlers),
    });
    const activeIndex = this.#entryIndex(this.#roving.active);
    const {first, last} = (this.#rendered = this.#list.range);
    const activeRendered = activeIndex >= first && activeIndex <= last;
    return html`<div
      class="list"
      part="list"
      role="group"
      aria-label=${this.label ?? msg('Callbacks')}
      aria-describedby="keys"
      aria-busy=${this.#live.pending ? 'true' : 'false'}
      tabindex=${activeRendered ? -1 : 0}
      @keydown=${this.#roving.handleKeydown}
      @focusin=${this.handleListFocusIn}
      @scroll=${() => this.#menus.menu?.handleScroll()}
    >
      ${rows}
    </div>`;
  }

  #renderBody(nowMs: number, days: DayBounds) {
    if (this.#live.pending && this.#model.size === 0 && this.callbacks === undefined) return renderLoading();
    if (this.loadError && this.#model.size === 0) return nothing; // the error message says it all
    if (this.#entries.rows === 0) {
      return this.#model.size > 0
        ? renderNoMatch(() => this.handleShowAll())
        : renderEmpty(this.#timing.reminderLeadMinutes);
    }
    return this.#renderList(nowMs, days);
  }

  override render() {
    const now = this.resolvedClock.now();
    const nowMs = now.epochMilliseconds;
    const days = dayBounds(now, this.agentTimeZone);
    return html`
      ${renderToolbar({
        type: this.#typeFilter,
        status: this.#statusFilter,
        count: this.#model.size ? countLabel(this.#entries.rows, this.resolvedLocale) : undefined,
        onType: (e) => this.handleTypeChange(e),
        onStatus: (e) => this.handleStatusChange(e),
      })}
      ${renderProblems(
        [...this.filterProblems, ...this.dataProblems, ...(this.#menus.error ? [errorMessage(this.#menus.error)] : [])],
        this.contactsError && this.#model.size ? errorMessage(this.contactsError) : undefined,
        this.loadError && errorMessage(this.loadError),
        () => this.handleRetry(),
      )}
      ${this.#renderBody(nowMs, days)}
      <p id="keys" hidden>
        ${msg('Up and down arrows move between callbacks; Tab reaches the actions of the current one.')}
      </p>
      <div class="toast-region" role="status" aria-live="polite">
        ${this.#reminders.render((alerting, max) => toastItems(alerting, max, this.#view(nowMs, days)))}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#dialogs.render()}
    `;
  }
}

defineElement('callback-list', CallbackListElement);

declare global {
  interface HTMLElementTagNameMap {
    'callback-list': CallbackListElement;
  }
}
