import {msg, str} from '@lit/localize';
import {Task, TaskStatus} from '@lit/task';
import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {classMap} from 'lit/directives/class-map.js';
import {createIdempotencyKey, type BackendEvent, type SchedulingBackend} from '../../core/backend.js';
import {BackendUnavailableError, CallbackKitError, ValidationError, type FieldError} from '../../core/errors.js';
import {loadPhoneTools, type PhoneTools} from '../../core/phone-loader.js';
import {Temporal} from '../../core/temporal.js';
import {isValidTimeZone, startOfLocalDay} from '../../core/time.js';
import type {Callback, CallbackStatus, CallbackStatusUpdate, Contact} from '../../core/types.js';
import {CallbackCancelRequestEvent} from '../../events/callback-cancel-request.js';
import {CallbackCanceledEvent} from '../../events/callback-canceled.js';
import {CallbackDueEvent} from '../../events/callback-due.js';
import {CallbackExpiredEvent} from '../../events/callback-expired.js';
import {CallbackHandedOffEvent} from '../../events/callback-handed-off.js';
import {CallbackLaunchEvent} from '../../events/callback-launch.js';
import {CallbackListErrorEvent, type CallbackListOperation} from '../../events/callback-list-error.js';
import {CallbackRescheduleRequestEvent} from '../../events/callback-reschedule-request.js';
import {DeadlineController} from '../../internal/deadline-controller.js';
import {defineElement} from '../../internal/define.js';
import {dateTimeFormat, formatTime, formatTimeRange, isolate, zoneLongName} from '../../internal/format.js';
import {createResponder, NoHandlerError, withTimeout} from '../../internal/host-request.js';
import {errorMessage} from '../../internal/localization.js';
import {KitElement} from '../../internal/kit-element.js';
import {VirtualList} from '../../internal/virtual-list.js';
import {
  CallbackListModel,
  STATUS_FILTERS,
  TYPE_FILTERS,
  type DayBounds,
  type DisplayType,
  type Entries,
  type Entry,
  type GroupKey,
  type ListItem,
  type StatusFilter,
  type TimingPolicy,
  type TypeFilter,
} from './callback-list-model.js';
import {styles} from './callback-list.styles.js';

export type {DisplayType, GroupKey, StatusFilter, TypeFilter} from './callback-list-model.js';

/** How long Snooze silences a reminder. */
const SNOOZE_MINUTES = 5;
/** Reminders shown at once in the toast; the rest are counted. */
const TOAST_MAX = 3;
/** Rows moved by PageUp/PageDown. */
const PAGE_ROWS = 10;

const groupLabel = (group: GroupKey): string => {
  switch (group) {
    case 'overdue':
      return msg('Overdue');
    case 'today':
      return msg('Today');
    case 'tomorrow':
      return msg('Tomorrow');
    case 'later':
      return msg('Later');
    case 'earlier':
      return msg('Earlier');
  }
};

const typeLabel = (type: DisplayType | 'all'): string => {
  switch (type) {
    case 'personal':
      return msg('Personal');
    case 'campaign':
      return msg('Campaign');
    case 'followup':
      return msg('Followup');
    case 'web':
      return msg('Web callback');
    case 'all':
      return msg('All types');
  }
};

const statusLabel = (status: CallbackStatus | StatusFilter): string => {
  switch (status) {
    case 'scheduled':
      return msg('Scheduled');
    case 'due':
      return msg('Due');
    case 'in-progress':
      return msg('In progress');
    case 'completed':
      return msg('Completed');
    case 'expired':
      return msg('Expired');
    case 'canceled':
      return msg('Canceled');
    case 'active':
      return msg('Not completed');
    case 'all':
      return msg('All statuses');
  }
};

/** Renders text holding FSI…PDI isolates (from `isolate`) with each isolate as a `<bdi>` element in the DOM. */
function withBdi(text: string): Array<string | TemplateResult> {
  const parts = text.split(/\u2068([^\u2069]*)\u2069/);
  return parts.map((part, i) => (i % 2 ? html`<bdi>${part}</bdi>` : part));
}

/** A status write the list owes the backend (launch, followup expiry), kept to retry with the same key. */
interface StatusWrite {
  status: CallbackStatusUpdate;
  /** The callback's start when the write was decided: a moved callback starts a new intent (new key). */
  start: string;
  key: string;
  busy: boolean;
  error?: string;
}

/** A thrown value as the kit's typed error (anything unknown is a backend failure). */
function toKitError(error: unknown): CallbackKitError {
  if (error instanceof CallbackKitError) return error;
  const message = error instanceof Error && error.message ? error.message : undefined;
  return new BackendUnavailableError(message ?? msg('The scheduling service is unavailable. Try again in a moment.'), {
    cause: error,
  });
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/** What the load task produces. */
interface Loaded {
  /** Undefined when the host owns `.callbacks`. */
  callbacks?: Callback[];
  /** The agent's campaigns (to accept live changes of their callbacks); undefined when unknown. */
  campaignIds?: Set<string>;
  contacts?: Contact[];
  /** `listContacts` failed (e.g. a server without the contact routes): customers cannot be named. */
  contactsError?: CallbackKitError;
}

/** A backend that can also list contacts (MemoryBackend does; the contract does not require it). */
type ContactSource = SchedulingBackend & {
  listContacts?: (o?: {signal?: AbortSignal}) => Contact[] | Promise<Contact[]>;
};

interface ConfirmState {
  callback: Callback;
  busy: boolean;
  error?: string;
}

/**
 * The agent's callbacks and followups, grouped Overdue / Today / Tomorrow / Later (and Earlier for handled ones) in
 * the agent's time zone. Each row shows the customer, the number, the time in the agent's and the customer's zone,
 * the type (personal, campaign, followup, web), the status and the notes, with Launch, Reschedule and Cancel.
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
 * PageUp/PageDown by ten; Tab reaches the current row's actions. Filters are native selects.
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
 * @csspart actions - A row's action buttons.
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
  #contacts = new Map<string, Contact>();
  #loadedContacts?: Contact[];
  #campaignIds?: Set<string>;
  /** Live changes received while a load is running, applied after it (so none is lost). */
  #buffer?: Callback[];
  #unsubscribe?: () => void;
  #subscribedBackend?: SchedulingBackend;
  #phone?: PhoneTools;
  /** The phone chunk is being downloaded, or failed (`'failed'`: customer zones from numbers stay unknown). */
  #phoneLoad?: 'loading' | 'failed';
  #phoneCheckKey = '';
  /** Status writes not yet confirmed by the backend, by callback id. */
  #writes = new Map<string, StatusWrite>();
  #deadlineKey = '';
  #deadlineVersion = -1;
  #pendingFocus?: string;
  /** The entries in the DOM (indexes) when the list last rendered: all of them, or the virtualizer's range. */
  #rendered = {first: 0, last: -1};
  #focusToast = false;
  #operations = new AbortController();
  #deadline = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    next: () => {
      const now = this.resolvedClock.now();
      const midnightAfter = (ms: number) => this.#dayBounds(Temporal.Instant.fromEpochMilliseconds(ms)).tomorrow;
      const next = this.#model.next(now.epochMilliseconds, this.#timing, midnightAfter);
      return next === undefined ? undefined : Temporal.Instant.fromEpochMilliseconds(next);
    },
    run: (now) => this.#onDeadline(now),
  });
  /** Callbacks of this list the backend handed to their campaign (the row says so). */
  #handedOff = new Set<string>();
  /** Re-renders every second while an overdue personal callback counts down to its hand-off. */
  #handOffTicker = new DeadlineController(this, {
    clock: () => this.resolvedClock,
    whileHidden: false,
    next: () => {
      const handOffAt = this.#handOffRule();
      if (!handOffAt) return undefined; // no hand-off policy: nothing to count down (no pass over the items)
      const nowMs = this.resolvedClock.now().epochMilliseconds;
      let live = false;
      for (const item of this.#model.items()) {
        const at = handOffAt(item.callback);
        if (at !== undefined && at > nowMs - 1000 && item.startMs <= nowMs + 1000) {
          live = true;
          break;
        }
      }
      // the next second after the one last shown: a clock that jumps re-renders at once
      return live ? Temporal.Instant.fromEpochMilliseconds((this.#handOffSecond + 1) * 1000) : undefined;
    },
    run: (now) => {
      this.#handOffSecond = Math.floor(now.epochMilliseconds / 1000);
      this.requestUpdate();
    },
  });
  #handOffSecond = 0;

  /**
   * When the agent's own personal callback goes to its campaign if not launched (`policy.personalHandOffMinutes`
   * after its start), or undefined: no policy, not the agent's, a followup, no campaign, or not open.
   */
  #handOffAt(callback: Callback): number | undefined {
    return this.#handOffRule()?.(callback);
  }

  /** The hand-off instant of a callback under today's policy and agent, or undefined without a hand-off policy. */
  #handOffRule(): ((callback: Callback) => number | undefined) | undefined {
    const minutes = this.resolvedPolicy.personalHandOffMinutes;
    if (minutes === undefined || !(minutes >= 0)) return undefined;
    const agentId = this.resolvedAgent?.id;
    return (callback) => {
      if (callback.type !== 'personal' || callback.kind === 'followup' || !callback.campaignId) return undefined;
      if (callback.ownerAgentId !== agentId || this.#handedOff.has(callback.id)) return undefined;
      if (callback.status !== 'scheduled' && callback.status !== 'due') return undefined;
      const start = Date.parse(callback.start);
      return Number.isNaN(start) ? undefined : start + minutes * 60_000;
    };
  }

  #loader = new Task(this, {
    task: async ([backend, agentId, hostOwned], {signal}): Promise<Loaded | undefined> => {
      if (!backend) return undefined;
      if (!hostOwned && !agentId) {
        throw new ValidationError([
          {
            field: 'agent',
            code: 'required',
            message: msg('No agent: set .agent or place the list in <agent-session>.'),
          },
        ]);
      }
      if (!hostOwned) this.#buffer = [];
      const source = backend as ContactSource;
      const [callbacks, campaigns, contacts] = await Promise.all([
        hostOwned ? undefined : backend.listCallbacks({agentId: agentId!}, {signal}),
        agentId ? backend.listCampaigns({agentId}, {signal}).catch(() => undefined) : undefined,
        this.contacts === undefined && typeof source.listContacts === 'function'
          ? Promise.resolve()
              .then(() => source.listContacts!({signal}))
              .catch((error: unknown) => (isAbort(error) ? undefined : toKitError(error)))
          : undefined,
      ]);
      const failed = contacts instanceof CallbackKitError ? contacts : undefined;
      return {
        callbacks,
        campaignIds: campaigns && new Set(campaigns.map((c) => c.id)),
        contacts: failed ? undefined : (contacts as Contact[] | undefined),
        contactsError: failed,
      };
    },
    args: () => [this.resolvedBackend, this.resolvedAgent?.id, this.callbacks !== undefined] as const,
    onComplete: (loaded) => this.#applyLoaded(loaded),
    onError: (error) => this.#applyLoadError(error),
  });

  /** The rows: all of them for a short list; virtualized (the virtualizer loaded on first use) for a long one. */
  #list = new VirtualList<Entry | undefined>(this, {
    container: () => this.listElement,
    scroller: true,
    rangeChanged: (range) => this.handleRangeChanged(range),
    beforeSwitch: () => this.#keepFocusAcrossSwitch(),
  });

  @query('.list') private listElement?: HTMLElement;
  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  @query('dialog.reschedule') private rescheduleDialog?: HTMLDialogElement;

  /** Problems with the callbacks given (shown in an alert). */
  @state() private dataProblems: string[] = [];
  /** Problems with the filter attributes (shown in an alert). */
  @state() private filterProblems: string[] = [];
  @state() private loadError?: CallbackKitError;
  /** Listing the contacts failed: rows say "Unknown customer", this says why. */
  @state() private contactsError?: CallbackKitError;
  /** The row holding the list's single tab stop. */
  @state() private activeId?: string;
  /** Polite announcement (canceled, launched, expired...). */
  @state() private announcement = '';
  @state() private confirming?: ConfirmState;
  @state() private rescheduling?: Callback;

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
    const policy = this.resolvedPolicy;
    const minutes = (value: number, fallback: number) => (Number.isFinite(value) && value >= 0 ? value : fallback);
    return {
      reminderLeadMinutes: minutes(policy.reminderLeadMinutes, 5),
      followupExpiryMinutes: minutes(policy.followupExpiryMinutes, 5),
      remindCampaign: this.remindCampaign,
    };
  }

  get #typeFilter(): TypeFilter {
    return TYPE_FILTERS.includes(this.filterType) ? this.filterType : 'all';
  }

  get #statusFilter(): StatusFilter {
    return STATUS_FILTERS.includes(this.filterStatus) ? this.filterStatus : 'active';
  }

  /** The phone formatting region: the locale's ("en-US" -> US), else US. */
  get #region(): string {
    try {
      const tag = this.resolvedLocale ?? (typeof navigator === 'undefined' ? 'en-US' : navigator.language);
      return new Intl.Locale(tag).maximize().region ?? 'US';
    } catch {
      return 'US';
    }
  }

  #count(n: number): string {
    if (n === 1) return msg('1 callback');
    let count: string;
    try {
      count = new Intl.NumberFormat(this.resolvedLocale).format(n);
    } catch {
      count = String(n);
    }
    return msg(str`${count} callbacks`);
  }

  #dayBounds(now: Temporal.Instant): DayBounds {
    const zone = this.agentTimeZone;
    const today = now.toZonedDateTimeISO(zone).toPlainDate();
    const at = (days: number) => startOfLocalDay(today.add({days}), zone).epochMilliseconds;
    return {today: at(0), tomorrow: at(1), dayAfter: at(2)};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#operations.signal.aborted) this.#operations = new AbortController();
    // Back after a disconnect: changes were missed while unsubscribed, so load again.
    if (this.hasUpdated) {
      this.#syncSubscription();
      if (this.resolvedBackend) void this.#loader.run();
      this.#retryFailedWrites(); // writes cut off by the disconnect
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribedBackend = undefined;
    this.#operations.abort();
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('callbacks') && this.callbacks !== undefined) {
      const errors = this.#model.replaceAll(Array.isArray(this.callbacks) ? this.callbacks : []);
      this.#reportData(errors, true);
    }
    if (changed.has('contacts') || changed.has('session')) this.#indexContacts();
    if (changed.has('filterType') || changed.has('filterStatus')) this.#checkFilters();
    this.#loadPhoneToolsIfNeeded();
    this.#syncSubscription();
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
    if (!this.#handOffTicker.pending) this.#handOffTicker.update();
    const now = this.resolvedClock.now();
    const nowMs = now.epochMilliseconds;
    const days = this.#dayBounds(now);
    const entriesKey = `${this.#model.version}|${this.#typeFilter}|${this.#statusFilter}|${days.today}|${settings}`;
    if (entriesKey !== this.#entriesKey) {
      const previous = this.#entries;
      this.#entriesKey = entriesKey;
      this.#entries = this.#model.entries(nowMs, timing, days, {type: this.#typeFilter, status: this.#statusFilter});
      this.#keepActiveRow(previous);
    }
    this.dueCount = this.#model.alerting(nowMs, timing).length;
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('confirming')) {
      const dialog = this.confirmDialog;
      if (this.confirming && dialog && !dialog.open) {
        dialog.showModal();
        dialog.querySelector<HTMLButtonElement>('.keep')?.focus();
      } else if (!this.confirming && dialog?.open) dialog.close();
    }
    if (changed.has('rescheduling')) {
      const dialog = this.rescheduleDialog;
      if (this.rescheduling && dialog && !dialog.open) dialog.showModal();
      else if (!this.rescheduling && dialog?.open) dialog.close();
    }
    if (this.#focusToast) {
      this.#focusToast = false;
      this.renderRoot.querySelector<HTMLElement>('.toast .action')?.focus();
    }
    this.#tryPendingFocus();
  }

  #indexContacts(): void {
    this.#contacts = new Map((this.contacts ?? this.#loadedContacts ?? []).map((c) => [c.id, c]));
  }

  /**
   * Downloads the phone chunk only when a callback needs it for its customer's zone: no `customerTimeZones` and no
   * CRM `contact.timeZone`. Numbers are formatted once it is there, shown in E.164 otherwise.
   */
  #loadPhoneToolsIfNeeded(): void {
    if (this.#phone || this.#phoneLoad) return;
    const key = `${this.#model.version}|${this.#contacts.size}`;
    if (key === this.#phoneCheckKey) return;
    this.#phoneCheckKey = key;
    let needed = false;
    for (const item of this.#model.items()) {
      if (!this.#knownZones(item.callback)) {
        needed = true;
        break;
      }
    }
    if (!needed) return;
    this.#phoneLoad = 'loading';
    loadPhoneTools().then(
      (tools) => {
        this.#phone = tools;
        this.#phoneLoad = undefined;
        this.requestUpdate();
      },
      () => {
        this.#phoneLoad = 'failed'; // numbers stay in E.164, zones from numbers unknown
        this.requestUpdate();
      },
    );
  }

  #checkFilters(): void {
    const problems: string[] = [];
    if (!TYPE_FILTERS.includes(this.filterType)) {
      problems.push(msg(str`Unknown filter-type "${this.filterType}": showing all types.`));
    }
    if (!STATUS_FILTERS.includes(this.filterStatus)) {
      problems.push(msg(str`Unknown filter-status "${this.filterStatus}": showing callbacks not completed.`));
    }
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
    const messages = errors.map((e) => e.message);
    const shown = messages.slice(0, 3).join(' ') + (messages.length > 3 ? ` (+${messages.length - 3})` : '');
    const problem =
      errors.length === 1
        ? msg(str`A callback could not be shown: ${shown}`)
        : msg(str`${errors.length} callback problems, not shown: ${shown}`);
    this.dataProblems = [...previous, problem].slice(-3);
    this.#fail('data', new ValidationError(errors));
  }

  #fail(operation: CallbackListOperation, error: CallbackKitError, callback?: Callback): void {
    this.dispatchEvent(new CallbackListErrorEvent({operation, error, callback}));
  }

  #syncSubscription(): void {
    const backend = this.isConnected ? this.resolvedBackend : undefined;
    if (backend === this.#subscribedBackend) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedBackend = backend;
    this.#campaignIds = undefined;
    if (backend) this.#unsubscribe = backend.subscribe(this.#onBackendEvent);
  }

  #onBackendEvent = (event: BackendEvent): void => {
    if (event.type === 'resync') {
      // Events were missed (a reconnection, a gap the server could not replay): load everything again, keeping the
      // agent's place (the current row, filters, scroll), and retry the status writes that failed.
      this.refresh();
      this.#retryFailedWrites();
      return;
    }
    if (event.type === 'callback-handed-off' && event.callback) {
      if (!this.#model.has(event.callback.id) && event.fromAgentId !== this.resolvedAgent?.id) return;
      if (this.#handedOff.has(event.callback.id)) return;
      this.#handedOff.add(event.callback.id);
      const name = isolate(this.#name(event.callback));
      this.announcement = msg(str`The callback with ${name} was handed to the campaign.`);
      this.dispatchEvent(new CallbackHandedOffEvent({callback: event.callback, fromAgentId: event.fromAgentId}));
      if (this.#buffer) this.#buffer.push(event.callback);
      else this.#applyChange(event.callback);
      return;
    }
    if (event.type !== 'callback-changed' || !event.callback) return;
    if (this.#buffer) this.#buffer.push(event.callback);
    else this.#applyChange(event.callback);
  };

  /** Whether a changed callback belongs in this agent's list. */
  #isMine(callback: Callback): boolean {
    if (this.#model.has(callback.id)) return true;
    const agentId = this.resolvedAgent?.id;
    if (callback.type === 'personal') return !!agentId && callback.ownerAgentId === agentId;
    if (!callback.campaignId) return false;
    if (this.#campaignIds) return this.#campaignIds.has(callback.campaignId);
    for (const item of this.#model.items()) if (item.callback.campaignId === callback.campaignId) return true;
    return false;
  }

  #applyChange(callback: Callback): void {
    if (!this.#isMine(callback)) return;
    const errors = this.#model.upsert(callback);
    if (errors.length) this.#reportData(errors, false);
    this.requestUpdate();
  }

  #applyLoaded(loaded: Loaded | undefined): void {
    if (!loaded) return;
    this.loadError = undefined;
    this.#campaignIds = loaded.campaignIds;
    // Never a silent "Unknown customer": say why the names are missing.
    this.contactsError = loaded.contactsError;
    if (loaded.contactsError) this.#fail('load', loaded.contactsError);
    if (loaded.contacts) {
      this.#loadedContacts = loaded.contacts;
      this.#indexContacts();
    }
    if (loaded.callbacks && this.callbacks === undefined) {
      this.#reportData(this.#model.replaceAll(loaded.callbacks), true);
    }
    const buffered = this.#buffer ?? [];
    this.#buffer = undefined;
    for (const callback of buffered) this.#applyChange(callback);
    this.requestUpdate();
  }

  #applyLoadError(error: unknown): void {
    const buffered = this.#buffer ?? [];
    this.#buffer = undefined;
    if (isAbort(error)) return;
    for (const callback of buffered) this.#applyChange(callback);
    this.loadError = toKitError(error);
    this.#fail('load', this.loadError);
  }

  /** Runs what the clock reached: expiries, reminders, snooze ends; then regroups. */
  #onDeadline(now: Temporal.Instant): void {
    const timing = this.#timing;
    const {due, expired} = this.#model.evaluate(now.epochMilliseconds, timing);
    this.dueCount = this.#model.alerting(now.epochMilliseconds, timing).length;
    this.requestUpdate();
    for (const item of expired) {
      const name = isolate(this.#name(item.callback));
      this.announcement = msg(str`The followup with ${name} expired: it was not launched in time.`);
      // After this update: a synchronous backend answers (and emits) at once, which must not re-enter the update.
      queueMicrotask(() => this.#persistStatus(item.callback, 'expired'));
      this.dispatchEvent(new CallbackExpiredEvent({callback: {...item.callback, status: 'expired'}}));
    }
    for (const {item, repeat} of due) {
      const contact = this.#contacts.get(item.callback.contactId);
      this.dispatchEvent(new CallbackDueEvent({callback: {...item.callback, status: 'due'}, contact, repeat}));
    }
  }

  /**
   * Keeps the tab stop on a row that still exists: when its row went away (canceled elsewhere, filtered out), the
   * row now at its place takes it, and focus follows if it was in the row that went away.
   */
  #keepActiveRow(previous: Entries): void {
    const rows = this.#entries.list.filter((e) => e.kind === 'row');
    const id = this.activeId;
    if (id && rows.some((r) => r.key === id)) return;
    const before = previous.list.filter((e) => e.kind === 'row');
    const at = Math.max(
      0,
      before.findIndex((r) => r.key === id),
    );
    this.activeId = rows[Math.min(at, rows.length - 1)]?.key;
    const focused = this.shadowRoot?.activeElement?.closest('article[data-id]') as HTMLElement | null | undefined;
    if (this.activeId && id && focused?.dataset.id === id) this.#pendingFocus = this.activeId;
  }

  #entryIndex(id: string | undefined): number {
    return id === undefined ? -1 : this.#entries.list.findIndex((e) => e.kind === 'row' && e.key === id);
  }

  #rowElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
  }

  /** Moves the tab stop and focus to a row, scrolling it into view (rendering it first when virtualized away). */
  #focusRow(id: string): void {
    this.activeId = id;
    const row = this.#rowElement(id);
    if (row) {
      row.focus();
      return;
    }
    this.#pendingFocus = id;
    this.#list.scrollToIndex(this.#entryIndex(id));
  }

  /** The rows are rendered anew (the list switched to virtualization): focus in a row goes back to the tab stop. */
  #keepFocusAcrossSwitch(): void {
    const row = this.shadowRoot?.activeElement?.closest<HTMLElement>('article[data-id]');
    if (row) this.#pendingFocus ??= this.activeId ?? row.dataset.id;
  }

  #tryPendingFocus(): void {
    const id = this.#pendingFocus;
    if (!id) return;
    const row = this.#rowElement(id);
    if (row) {
      this.#pendingFocus = undefined;
      row.focus();
    }
  }

  #name(callback: Callback): string {
    return this.#contacts.get(callback.contactId)?.name ?? msg('Unknown customer');
  }

  /** The customer's zones known without the phone chunk: the callback's `customerTimeZones`, else the contact's. */
  #knownZones(callback: Callback): string[] | undefined {
    const given = Array.isArray(callback.customerTimeZones) ? callback.customerTimeZones.filter(isValidTimeZone) : [];
    if (given.length) return [...new Set(given)];
    const zone = this.#contacts.get(callback.contactId)?.timeZone;
    return zone && isValidTimeZone(zone) ? [zone] : undefined;
  }

  /**
   * The customer's candidate zones, most likely first: `callback.customerTimeZones`, else the CRM's
   * `contact.timeZone`, else the number's zones (the phone chunk). Never the booking zone `callback.timeZone`: an
   * agent books in their own zone. `undefined` while the phone chunk loads; empty when unknown.
   */
  #customerZones(callback: Callback): string[] | undefined {
    const known = this.#knownZones(callback);
    if (known) return known;
    if (!this.#phone) return this.#phoneLoad === 'failed' ? [] : undefined;
    return this.#phone.timeZonesForPhone(callback.phone).filter(isValidTimeZone);
  }

  /**
   * "Customer: same time as you", "Customer: 8:00 AM PST", or for a number that may be in several zones the spread
   * of its local times and the zones: "Customer: 8:00 AM–9:00 AM Pacific Time or Mountain Time".
   */
  #customerTime(item: ListItem, zones: string[], agentZone: string): string {
    const start = Temporal.Instant.fromEpochMilliseconds(item.startMs);
    const locale = this.resolvedLocale;
    const zoned = (zone: string) => formatTime(start, {timeZone: zone, zoneName: true});
    const distinct = [...new Map(zones.map((zone) => [zoned(zone), zone])).values()];
    if (distinct.length === 1) {
      const [zone] = distinct;
      if (zoned(zone) === zoned(agentZone)) return msg('Customer: same time as you');
      const withDate = this.#localDate(item.startMs, zone) !== this.#localDate(item.startMs, agentZone);
      return msg(str`Customer: ${this.#when(item, zone, withDate)}`);
    }
    const local = distinct
      .map((zone) => ({zone, wall: start.toZonedDateTimeISO(zone).toPlainDateTime()}))
      .sort((a, b) => Temporal.PlainDateTime.compare(a.wall, b.wall));
    const first = formatTime(start, {locale, timeZone: local[0].zone});
    const last = formatTime(start, {locale, timeZone: local[local.length - 1].zone});
    const names = [...new Set(local.map(({zone}) => zoneLongName(zone, locale, start)))];
    let where: string;
    try {
      where = new Intl.ListFormat(locale, {type: 'disjunction'}).format(names);
    } catch {
      where = names.join(' / ');
    }
    const range = first === last ? first : `${first}–${last}`;
    return msg(str`Customer: ${range} ${where}`);
  }

  /** "2:00 PM EST", "2:00 – 4:00 PM EST" for a web callback, with the date when it is not today or tomorrow. */
  #when(item: ListItem, zone: string, withDate: boolean): string {
    const locale = this.resolvedLocale;
    const start = Temporal.Instant.fromEpochMilliseconds(item.startMs);
    const time =
      item.endMs !== undefined && item.endMs > item.startMs
        ? formatTimeRange(start, Temporal.Instant.fromEpochMilliseconds(item.endMs), {
            locale,
            timeZone: zone,
            zoneName: true,
          })
        : formatTime(start, {locale, timeZone: zone, zoneName: true});
    if (!withDate) return time;
    const date = dateTimeFormat(locale, {weekday: 'short', month: 'short', day: 'numeric', timeZone: zone});
    return `${date.format(item.startMs)}, ${time}`;
  }

  /** When an open followup expires, in the agent's zone. */
  #expiry(item: ListItem): string {
    const at = Temporal.Instant.fromEpochMilliseconds(item.startMs + this.#timing.followupExpiryMinutes * 60_000);
    return formatTime(at, {locale: this.resolvedLocale, timeZone: this.agentTimeZone});
  }

  #localDate(ms: number, zone: string): string {
    return dateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone}).format(ms);
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
    queueMicrotask(() => this.#tryPendingFocus());
  }

  private handleListFocusIn(event: FocusEvent): void {
    const target = event.target as HTMLElement;
    if (target === this.listElement) {
      // The tab stop's row was virtualized away: bring it back and focus it.
      if (this.activeId) this.#focusRow(this.activeId);
      return;
    }
    const row = target.closest<HTMLElement>('article[data-id]');
    if (row?.dataset.id && row.dataset.id !== this.activeId) this.activeId = row.dataset.id;
  }

  private handleListKeydown(event: KeyboardEvent): void {
    if (event.altKey || event.metaKey) return;
    const rows = this.#entries.list.filter((e) => e.kind === 'row');
    if (!rows.length) return;
    const current = Math.max(
      0,
      rows.findIndex((r) => r.key === this.activeId),
    );
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = current + 1;
        break;
      case 'ArrowUp':
        next = current - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      case 'PageDown':
        next = current + PAGE_ROWS;
        break;
      case 'PageUp':
        next = current - PAGE_ROWS;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.#focusRow(rows[Math.max(0, Math.min(rows.length - 1, next))].key);
  }

  private handleLaunch(id: string): void {
    const item = this.#model.get(id);
    const now = this.resolvedClock.now().epochMilliseconds;
    if (!item || !this.#model.isOpen(item, now, this.#timing)) return;
    const contact = this.#contacts.get(item.callback.contactId);
    const event = new CallbackLaunchEvent({callback: item.callback, contact});
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.#model.launch(id);
    this.announcement = msg(str`Callback to ${isolate(this.#name(item.callback))} launched: in progress.`);
    this.#persistStatus(item.callback, 'in-progress');
    this.requestUpdate();
  }

  /**
   * Persists a lifecycle step (`in-progress` on launch, `expired` on followup expiry) with
   * `backend.updateCallbackStatus`, so a reload (another element over the same backend) shows it and never fires
   * `callback-expired` again. One idempotency key per intent: a failure is shown in the row and retried (Try again,
   * a resync) with the same key, never as a second change. Without a backend (or one without the method) the host
   * persists it from `callback-launch`/`callback-expired`.
   */
  #persistStatus(callback: Callback, status: CallbackStatusUpdate): void {
    const backend = this.resolvedBackend;
    if (!backend || typeof backend.updateCallbackStatus !== 'function') return;
    const previous = this.#writes.get(callback.id);
    const write: StatusWrite =
      previous && previous.status === status && previous.start === callback.start
        ? previous
        : {status, start: callback.start, key: createIdempotencyKey(), busy: false};
    if (write.busy) return;
    write.busy = true;
    write.error = undefined;
    this.#writes.set(callback.id, write);
    const signal = this.#operations.signal;
    backend.updateCallbackStatus(callback.id, status, {idempotencyKey: write.key, signal}).then(
      (saved) => {
        write.busy = false;
        if (this.#writes.get(callback.id) === write) this.#writes.delete(callback.id);
        if (saved && typeof saved.id === 'string') this.#applyChange(saved);
        this.requestUpdate();
      },
      (error: unknown) => {
        write.busy = false;
        if (signal.aborted || isAbort(error)) return; // reconnected later: a resync or Try again sends it again
        const kitError = toKitError(error);
        write.error = errorMessage(kitError);
        this.#fail('status', kitError, callback);
        this.requestUpdate();
      },
    );
  }

  /**
   * Sends a status write again with its key, unless it no longer applies: the callback is gone, was moved to another
   * time (a new intent), or already has that status.
   */
  #retryWrite(id: string): void {
    const write = this.#writes.get(id);
    if (!write || write.busy) return;
    const callback = this.#model.get(id)?.callback;
    if (!callback || callback.start !== write.start || callback.status === write.status) {
      this.#writes.delete(id);
      this.requestUpdate();
      return;
    }
    this.#persistStatus(callback, write.status);
  }

  /** Sends again (same keys) the status writes that failed or were cut off. */
  #retryFailedWrites(): void {
    for (const id of [...this.#writes.keys()]) this.#retryWrite(id);
  }

  private handleRetryWrite(id: string): void {
    this.#retryWrite(id);
  }

  private handleReschedule(id: string): void {
    const item = this.#model.get(id);
    if (!item) return;
    const event = new CallbackRescheduleRequestEvent({callback: item.callback});
    this.dispatchEvent(event);
    if (event.defaultPrevented || !this.inlineReschedule || !customElements.get('callback-scheduler')) return;
    this.rescheduling = item.callback;
  }

  private handleRescheduled(event: Event): void {
    const callback = (event as Event & {detail?: {callback?: Callback}}).detail?.callback;
    if (callback && typeof callback.id === 'string') {
      const errors = this.#model.upsert(callback);
      if (errors.length) this.#reportData(errors, false);
      this.announcement = msg(str`Callback with ${isolate(this.#name(callback))} rescheduled.`);
    }
    this.#closeReschedule();
  }

  #closeReschedule(): void {
    const id = this.rescheduling?.id;
    this.rescheduling = undefined;
    if (id && this.#model.has(id)) this.#pendingFocus = id;
  }

  private handleCancelClick(id: string): void {
    const item = this.#model.get(id);
    if (!item) return;
    this.activeId = id;
    this.confirming = {callback: item.callback, busy: false};
  }

  private handleConfirmDialogCancel(event: Event): void {
    // Escape: close unless the cancellation is already running.
    if (this.confirming?.busy) event.preventDefault();
  }

  private handleConfirmDialogClose(): void {
    const id = this.confirming?.callback.id;
    this.confirming = undefined;
    if (id && this.#model.has(id)) {
      this.#pendingFocus = undefined;
      this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"] .action--cancel`)?.focus();
    }
  }

  private handleKeep(): void {
    this.confirmDialog?.close();
  }

  private async handleConfirmCancel(): Promise<void> {
    const confirming = this.confirming;
    if (!confirming || confirming.busy) return;
    const callback = this.#model.get(confirming.callback.id)?.callback ?? confirming.callback;
    // The row that takes the tab stop afterwards, chosen now: a live event may remove the row before we resume.
    const rows = this.#entries.list.filter((e) => e.kind === 'row');
    const index = rows.findIndex((r) => r.key === callback.id);
    const neighbour = index < 0 ? undefined : (rows[index + 1] ?? rows[index - 1]);
    this.confirming = {callback, busy: true};
    const signal = this.#operations.signal;
    const responder = createResponder<void>();
    const request = new CallbackCancelRequestEvent({callback, respondWith: (value) => responder.respondWith(value)});
    this.dispatchEvent(request);
    const backend = this.resolvedBackend;
    let work: Promise<void>;
    if (responder.response) {
      const aborted = new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), {once: true}),
      );
      work = withTimeout(Promise.race([responder.response, aborted]), this.responseTimeout, 'callback-cancel-request');
    } else if (request.defaultPrevented) {
      this.announcement = msg('The callback was kept.');
      this.confirming = undefined; // before close(): the close handler must not re-open the dialog
      this.confirmDialog?.close();
      return;
    } else if (backend) {
      work = backend.cancelCallback(callback.id, {signal});
    } else {
      work = Promise.reject(new NoHandlerError('callback-cancel-request'));
    }
    try {
      await work;
    } catch (error) {
      if (signal.aborted || isAbort(error)) {
        this.confirming = undefined;
        return;
      }
      const kitError = toKitError(error);
      if (this.confirming?.callback.id === callback.id) {
        this.confirming = {callback, busy: false, error: errorMessage(kitError)};
      }
      this.#fail('cancel', kitError, callback);
      return;
    }
    this.#model.remove(callback.id);
    this.announcement = msg(str`Callback with ${isolate(this.#name(callback))} canceled.`);
    this.confirming = undefined;
    this.confirmDialog?.close();
    if (neighbour && this.#model.has(neighbour.key)) {
      this.activeId = neighbour.key;
      this.#pendingFocus = neighbour.key;
    }
    this.requestUpdate();
    this.dispatchEvent(new CallbackCanceledEvent({callback: {...callback, status: 'canceled'}}));
  }

  private handleSnooze(id: string): void {
    this.snooze(id);
    this.#afterToastAction(id);
  }

  private handleDismiss(id: string): void {
    this.dismiss(id);
    this.#afterToastAction(id);
  }

  private handleDismissAll(): void {
    const now = this.resolvedClock.now().epochMilliseconds;
    const alerting = this.#model.alerting(now, this.#timing);
    for (const item of alerting) this.#model.dismiss(item.callback.id);
    this.requestUpdate();
    if (alerting[0]) this.#focusRowSoon(alerting[0].callback.id);
  }

  private handleRetry(): void {
    this.refresh();
  }

  /** Focus does not get lost with the toast entry that had it: next reminder, else the callback's row. */
  #afterToastAction(id: string): void {
    const now = this.resolvedClock.now().epochMilliseconds;
    if (this.#model.alerting(now, this.#timing).length) this.#focusToast = true;
    else this.#focusRowSoon(id);
  }

  #focusRowSoon(id: string): void {
    if (!this.#model.has(id)) return;
    this.activeId = id;
    void this.updateComplete.then(() => this.#focusRow(id));
  }

  /** Loads the callbacks again from the backend (no-op when the host owns `.callbacks` and there is no backend). */
  refresh(): void {
    this.loadError = undefined;
    void this.#loader.run();
  }

  /** Silences a callback's reminder for `minutes` (default 5); it reminds again (`callback-due`) afterwards. */
  snooze(id: string, minutes: number = SNOOZE_MINUTES): void {
    const now = this.resolvedClock.now();
    const span = Number.isFinite(minutes) && minutes > 0 ? minutes : SNOOZE_MINUTES;
    this.#model.snooze(id, now.epochMilliseconds + span * 60_000);
    this.requestUpdate();
  }

  /** Stops a callback's reminder for its current start time (the row stays). */
  dismiss(id: string): void {
    this.#model.dismiss(id);
    this.requestUpdate();
  }

  #renderHeading(entry: Extract<Entry, {kind: 'heading'}>): TemplateResult {
    const level =
      Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 3;
    return html`<div
      class=${classMap({heading: true, [`heading--${entry.group}`]: true})}
      part="group-heading"
      role="heading"
      aria-level=${level}
    >
      ${groupLabel(entry.group)}
      <span class="heading__count"><span class="visually-hidden">, </span>${this.#count(entry.count)}</span>
    </div>`;
  }

  #renderRow(entry: Extract<Entry, {kind: 'row'}>, nowMs: number, days: DayBounds): TemplateResult {
    const {item, group} = entry;
    const {callback} = item;
    const timing = this.#timing;
    const status = this.#model.status(item, nowMs, timing);
    const open = status === 'scheduled' || status === 'due';
    const alerting = this.#model.isAlerting(item, nowMs, timing);
    const snoozedUntil = this.#model.snoozedUntil(item, nowMs);
    const agentZone = this.agentTimeZone;
    const rawName = this.#name(callback);
    const name = isolate(rawName); // in aria-labels and titles
    const known = this.#contacts.has(callback.contactId);
    const withDate = !(item.startMs >= days.today && item.startMs < days.dayAfter);
    const agentTime = this.#when(item, agentZone, withDate);
    const customerZones = this.#customerZones(callback);
    const customerTime = customerZones?.length ? this.#customerTime(item, customerZones, agentZone) : undefined;
    const write = this.#writes.get(callback.id);
    const phone = this.#phone?.formatPhone(callback.phone, this.#region) ?? callback.phone;
    const type = item.type;
    const active = entry.key === this.activeId;
    const tab = active ? 0 : -1;
    const parts = `row${alerting ? ' row-due' : ''}${group === 'overdue' ? ' row-overdue' : ''}`;
    const shownStatus = group === 'overdue' ? msg('Overdue') : statusLabel(status);
    const label = [name, agentTime, typeLabel(type), shownStatus].join(', ');
    const expires = open && type === 'followup' ? this.#expiry(item) : undefined;
    const handOffAt = open ? this.#handOffAt(callback) : undefined;
    const handOffIn =
      handOffAt !== undefined && item.startMs <= nowMs && handOffAt > nowMs
        ? Math.ceil((handOffAt - nowMs) / 1000)
        : undefined;
    const handedOff = this.#handedOff.has(callback.id) || !!callback.handedOffFrom;
    const countdown =
      handOffIn === undefined ? '' : `${Math.floor(handOffIn / 60)}:${String(handOffIn % 60).padStart(2, '0')}`;
    // The cell pads the row: the virtualizer's flow layout positions its children itself, margins do not add up.
    const reschedule = html`<button
      type="button"
      class="action"
      part="action"
      tabindex=${tab}
      aria-label=${msg(str`Reschedule callback with ${name}`)}
      @click=${() => this.handleReschedule(callback.id)}
    >
      ${msg('Reschedule')}
    </button>`;
    return html`<div class="cell">
      <article
        part=${parts}
        class=${classMap({
          row: true,
          'row--due': alerting,
          'row--overdue': group === 'overdue',
          'row--closed': !open,
          [`row--status-${status}`]: true,
        })}
        data-id=${callback.id}
        tabindex=${tab}
        aria-label=${label}
        aria-posinset=${entry.position}
        aria-setsize=${this.#entries.rows}
      >
        <div class="row__main">
          <span class="row__time" part="time"><time datetime=${callback.start}>${agentTime}</time></span>
          <span class=${classMap({row__customer: true, 'row__customer--unknown': !known})} part="customer" title=${name}
            ><bdi>${rawName}</bdi></span
          >
          <span class="row__phone" part="phone"
            ><span class="visually-hidden">${msg('Number')} </span><bdi>${phone}</bdi></span
          >
        </div>
        <div class="row__meta">
          <span class=${`badge badge--type badge--${type}`} part="type">${typeLabel(type)}</span>
          <span class=${`badge badge--status badge--${status}`} part="status">${shownStatus}</span>
          ${
            customerTime
              ? html`<span class="row__customer-time" part="customer-time">${customerTime}</span>`
              : customerZones
                ? html`<span class="row__customer-time" part="customer-time"
                    >${msg("Customer's time zone unknown")}</span
                  >`
                : nothing
          }
          ${expires ? html`<span class="row__expiry" part="expiry">${msg(str`Expires at ${expires}`)}</span>` : nothing}
          ${
            handOffIn !== undefined
              ? html`<span class="row__expiry row__hand-off" part="hand-off"
                  >${msg(str`Goes to the campaign in ${countdown}`)}</span
                >`
              : handedOff
                ? html`<span class="row__expiry row__hand-off" part="hand-off">${msg('Handed to the campaign')}</span>`
                : nothing
          }
          ${
            snoozedUntil !== undefined
              ? html`<span class="row__snoozed"
                  >${msg(
                    str`Snoozed until ${formatTime(Temporal.Instant.fromEpochMilliseconds(snoozedUntil), {
                      locale: this.resolvedLocale,
                      timeZone: agentZone,
                    })}`,
                  )}</span
                >`
              : nothing
          }
        </div>
        ${callback.notes ? html`<p class="row__notes" part="notes" dir="auto" title=${callback.notes}>${callback.notes}</p>` : nothing}
        ${
          write?.error
            ? html`<p class="message message--error row__error" part="message" role="alert">
                <span>${msg(str`Could not save "${statusLabel(write.status)}": ${write.error}`)}</span>
                <button
                  type="button"
                  class="action"
                  part="action"
                  tabindex=${tab}
                  @click=${() => this.handleRetryWrite(callback.id)}
                >
                  ${msg('Try again')}
                </button>
              </p>`
            : nothing
        }
        ${
          open
            ? html`<div class="row__actions" part="actions">
                <button
                  type="button"
                  class="action action--primary"
                  part="action"
                  tabindex=${tab}
                  aria-label=${msg(str`Launch callback to ${name}`)}
                  @click=${() => this.handleLaunch(callback.id)}
                >
                  ${msg('Launch')}
                </button>
                ${reschedule}
                <button
                  type="button"
                  class="action action--cancel"
                  part="action"
                  tabindex=${tab}
                  aria-label=${msg(str`Cancel callback with ${name}`)}
                  aria-haspopup="dialog"
                  @click=${() => this.handleCancelClick(callback.id)}
                >
                  ${msg('Cancel')}
                </button>
              </div>`
            : status === 'expired'
              ? html`<div class="row__actions" part="actions">${reschedule}</div>`
              : nothing
        }
      </article>
    </div>`;
  }

  #renderList(nowMs: number, days: DayBounds) {
    const rows = this.#list.render({
      items: this.#entries.list,
      // The virtualizer may ask for an index past the end for a moment after the list shrank: render nothing there.
      keyFunction: (entry: Entry | undefined, index: number) => entry?.key ?? `gone:${index}`,
      renderItem: (entry: Entry | undefined) =>
        !entry ? html`` : entry.kind === 'heading' ? this.#renderHeading(entry) : this.#renderRow(entry, nowMs, days),
    });
    const activeIndex = this.#entryIndex(this.activeId);
    const {first, last} = (this.#rendered = this.#list.range);
    const activeRendered = activeIndex >= first && activeIndex <= last;
    return html`<div
      class="list"
      part="list"
      role="group"
      aria-label=${this.label ?? msg('Callbacks')}
      aria-describedby="keys"
      aria-busy=${this.#loader.status === TaskStatus.PENDING ? 'true' : 'false'}
      tabindex=${activeRendered ? -1 : 0}
      @keydown=${this.handleListKeydown}
      @focusin=${this.handleListFocusIn}
    >
      ${rows}
    </div>`;
  }

  #renderToast(nowMs: number) {
    const alerting = this.#model.alerting(nowMs, this.#timing);
    if (!alerting.length) return nothing;
    const zone = this.agentTimeZone;
    const locale = this.resolvedLocale;
    return html`<div class="toast" part="toast">
      <p class="toast__title">
        ${alerting.length === 1 ? msg('Callback due') : msg(str`${alerting.length} callbacks due`)}
      </p>
      <ul class="toast__list">
        ${alerting.slice(0, TOAST_MAX).map((item) => {
          const name = isolate(this.#name(item.callback));
          const start = Temporal.Instant.fromEpochMilliseconds(item.startMs);
          const time = formatTime(start, {locale, timeZone: zone});
          const overdue = nowMs >= item.overdueMs;
          const expires = item.type === 'followup' ? this.#expiry(item) : undefined;
          return html`<li class="toast__item">
            <span class="toast__text"
              >${withBdi(
                overdue
                  ? msg(str`${name}, ${typeLabel(item.type)}, was due at ${time}.`)
                  : msg(str`${name}, ${typeLabel(item.type)}, at ${time}.`),
              )}${expires ? html` <strong>${msg(str`Expires at ${expires}.`)}</strong>` : nothing}</span
            >
            <span class="toast__actions">
              <button
                type="button"
                class="action action--primary"
                part="action"
                aria-label=${msg(str`Launch callback to ${name}`)}
                @click=${() => this.handleLaunch(item.callback.id)}
              >
                ${msg('Launch')}
              </button>
              <button
                type="button"
                class="action"
                part="action"
                aria-label=${msg(str`Snooze 5 min: remind me about ${name} in 5 minutes`)}
                @click=${() => this.handleSnooze(item.callback.id)}
              >
                ${msg('Snooze 5 min')}
              </button>
              <button
                type="button"
                class="action"
                part="action"
                aria-label=${msg(str`Dismiss the reminder for ${name}`)}
                @click=${() => this.handleDismiss(item.callback.id)}
              >
                ${msg('Dismiss')}
              </button>
            </span>
          </li>`;
        })}
      </ul>
      ${
        alerting.length > TOAST_MAX
          ? html`<p class="toast__more">
              ${
                alerting.length - TOAST_MAX === 1
                  ? msg('1 more due in the list.')
                  : msg(str`${alerting.length - TOAST_MAX} more due in the list.`)
              }
              <button type="button" class="action" part="action" @click=${this.handleDismissAll}>
                ${msg('Dismiss all')}
              </button>
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderConfirm() {
    const confirming = this.confirming;
    const callback = confirming?.callback;
    const item = callback ? this.#model.get(callback.id) : undefined;
    const zone = this.agentTimeZone;
    const when = item ? this.#when(item, zone, true) : '';
    const name = callback ? isolate(this.#name(callback)) : '';
    return html`<dialog
      class="dialog confirm"
      part="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      @cancel=${this.handleConfirmDialogCancel}
      @close=${this.handleConfirmDialogClose}
    >
      ${
        callback
          ? html`<h2 id="confirm-title" class="dialog__title">${msg('Cancel this callback?')}</h2>
              <p id="confirm-text">
                ${withBdi(
                  msg(str`The callback with ${name} on ${when} will be canceled and the customer will not be called.`),
                )}
              </p>
              ${
                confirming?.error
                  ? html`<p class="message message--error" part="message" role="alert">
                      ${msg(str`The callback could not be canceled: ${confirming.error}`)}
                    </p>`
                  : nothing
              }
              <div class="dialog__actions">
                <button type="button" class="action keep" part="action" @click=${this.handleKeep}>
                  ${msg('Keep callback')}
                </button>
                <button
                  type="button"
                  class="action action--danger"
                  part="action"
                  aria-disabled=${confirming?.busy ? 'true' : 'false'}
                  @click=${this.handleConfirmCancel}
                >
                  ${
                    confirming?.busy
                      ? msg('Canceling…')
                      : confirming?.error
                        ? msg('Try again: cancel callback')
                        : msg('Cancel callback')
                  }
                </button>
              </div>`
          : nothing
      }
    </dialog>`;
  }

  #renderReschedule() {
    const callback = this.rescheduling;
    return html`<dialog
      class="dialog reschedule"
      part="dialog"
      aria-label=${msg('Reschedule callback')}
      @close=${() => this.#closeReschedule()}
    >
      ${
        callback
          ? html`<div class="dialog__head">
                <h2 class="dialog__title">
                  ${withBdi(msg(str`Reschedule the callback with ${isolate(this.#name(callback))}`))}
                </h2>
                <button type="button" class="action" part="action" @click=${() => this.rescheduleDialog?.close()}>
                  ${msg('Close')}
                </button>
              </div>
              <callback-scheduler
                mode="reschedule"
                .callback=${callback}
                .contact=${this.#contacts.get(callback.contactId)}
                .backend=${this.backend}
                .clock=${this.clock}
                .policy=${this.policy}
                .agent=${this.agent}
                @callback-rescheduled=${this.handleRescheduled}
                @callback-cancel=${() => this.rescheduleDialog?.close()}
              ></callback-scheduler>`
          : nothing
      }
    </dialog>`;
  }

  #renderBody(nowMs: number, days: DayBounds) {
    const loading =
      this.#loader.status === TaskStatus.PENDING && this.#model.size === 0 && this.callbacks === undefined;
    if (loading) {
      return html`<div class="message message--loading" part="message" aria-busy="true">
        <span class="visually-hidden">${msg('Loading your callbacks…')}</span>
        ${[0, 1, 2].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    if (this.loadError && this.#model.size === 0) return nothing; // the error message says it all
    if (this.#entries.rows === 0) {
      if (this.#model.size > 0) {
        return html`<div class="message" part="message">
          <span>${msg('No callbacks match these filters.')}</span>
          <button type="button" class="action" part="action" @click=${this.handleShowAll}>
            ${msg('Show all callbacks')}
          </button>
        </div>`;
      }
      const lead = this.#timing.reminderLeadMinutes;
      return html`<div class="message message--empty" part="message">
        <p class="message__title">${msg('No callbacks yet.')}</p>
        <p>
          ${msg(
            str`Callbacks and followups you schedule, and the callbacks of your campaigns, will appear here by day: overdue, today, tomorrow and later. You will be reminded ${lead} minutes before each of your personal callbacks.`,
          )}
        </p>
      </div>`;
    }
    return this.#renderList(nowMs, days);
  }

  override render() {
    const now = this.resolvedClock.now();
    const nowMs = now.epochMilliseconds;
    const days = this.#dayBounds(now);
    const typeFilter = this.#typeFilter;
    const statusFilter = this.#statusFilter;
    return html`
      <div class="toolbar" part="toolbar">
        <label class="filter" part="filter"
          ><span>${msg('Type')}</span>
          <select @change=${this.handleTypeChange}>
            ${TYPE_FILTERS.map(
              (type) => html`<option value=${type} ?selected=${type === typeFilter}>${typeLabel(type)}</option>`,
            )}
          </select></label
        >
        <label class="filter" part="filter"
          ><span>${msg('Status')}</span>
          <select @change=${this.handleStatusChange}>
            ${STATUS_FILTERS.map(
              (status) =>
                html`<option value=${status} ?selected=${status === statusFilter}>${statusLabel(status)}</option>`,
            )}
          </select></label
        >
        ${this.#model.size ? html`<span class="count" part="count">${this.#count(this.#entries.rows)}</span>` : nothing}
      </div>
      ${[...this.filterProblems, ...this.dataProblems].map(
        (p) => html`<div class="message message--error" part="message" role="alert">${p}</div>`,
      )}
      ${
        this.contactsError && this.#model.size
          ? html`<div class="message message--error" part="message" role="alert">
              ${msg(str`Customer names could not be loaded. ${errorMessage(this.contactsError)}`)}
            </div>`
          : nothing
      }
      ${
        this.loadError
          ? html`<div class="message message--error" part="message" role="alert">
              <span>${msg(str`Your callbacks could not be loaded. ${errorMessage(this.loadError)}`)}</span>
              <button type="button" class="action" part="action" @click=${this.handleRetry}>${msg('Try again')}</button>
            </div>`
          : nothing
      }
      ${this.#renderBody(nowMs, days)}
      <p id="keys" hidden>
        ${msg('Up and down arrows move between callbacks; Tab reaches the actions of the current one.')}
      </p>
      <div class="toast-region" role="status" aria-live="polite">${this.#renderToast(nowMs)}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#renderConfirm()} ${this.#renderReschedule()}
    `;
  }
}

defineElement('callback-list', CallbackListElement);

declare global {
  interface HTMLElementTagNameMap {
    'callback-list': CallbackListElement;
  }
}
