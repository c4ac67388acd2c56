/**
 * The state behind `<callback-list>`, kept apart from rendering: the callbacks by id, what the agent did locally
 * (launched, snoozed, dismissed), which reminders have fired and which followups expired, the next moment something
 * happens, and the grouped, filtered entries the virtualized list shows. Pure: every method takes "now" in epoch
 * milliseconds, nothing reads a clock or sets a timer.
 */
import {msg, str} from '@lit/localize';
import type {FieldError} from '../../core/errors.js';
import {Temporal} from '../../core/temporal.js';
import {startOfLocalDay} from '../../core/time.js';
import type {Callback, CallbackStatus} from '../../core/types.js';

/** The type a row shows: the callback's `type`, or its kind for followups and web callbacks. */
export type DisplayType = 'personal' | 'campaign' | 'followup' | 'web';
export type GroupKey = 'overdue' | 'today' | 'tomorrow' | 'later' | 'earlier';
/** `active`: everything but completed; `all`; or one status (`due` includes overdue items). */
export type StatusFilter = 'active' | 'all' | 'scheduled' | 'due' | 'in-progress' | 'expired' | 'completed';
export type TypeFilter = 'all' | DisplayType;

export const GROUP_ORDER: readonly GroupKey[] = ['overdue', 'today', 'tomorrow', 'later', 'earlier'];
export const TYPE_FILTERS: readonly TypeFilter[] = ['all', 'personal', 'campaign', 'followup', 'web'];
export const STATUS_FILTERS: readonly StatusFilter[] = [
  'active',
  'all',
  'scheduled',
  'due',
  'in-progress',
  'expired',
  'completed',
];

const MINUTE = 60_000;

/** One callback with its instants parsed once. */
export interface ListItem {
  callback: Callback;
  type: DisplayType;
  startMs: number;
  endMs?: number;
  /** When an unhandled item moves to Overdue: its start, or the end of a web callback's From/Till window. */
  overdueMs: number;
}

export type Entry =
  | {kind: 'heading'; key: string; group: GroupKey; count: number}
  | {kind: 'row'; key: string; group: GroupKey; item: ListItem; position: number};

export interface Entries {
  list: Entry[];
  /** Number of rows (callbacks) in `list`. */
  rows: number;
}

export interface DayBounds {
  /** Start of today, tomorrow and the day after, in the agent's zone (epoch ms). */
  today: number;
  tomorrow: number;
  dayAfter: number;
}

export interface TimingPolicy {
  reminderLeadMinutes: number;
  followupExpiryMinutes: number;
  /** Whether campaign callbacks remind too (personal callbacks and followups always do). */
  remindCampaign: boolean;
}

/** The element's timing from the policy (a negative or non-finite number of minutes falls back to 5). */
export function timingPolicy(
  policy: {reminderLeadMinutes: number; followupExpiryMinutes: number},
  remindCampaign: boolean,
): TimingPolicy {
  const minutes = (value: number, fallback: number) => (Number.isFinite(value) && value >= 0 ? value : fallback);
  return {
    reminderLeadMinutes: minutes(policy.reminderLeadMinutes, 5),
    followupExpiryMinutes: minutes(policy.followupExpiryMinutes, 5),
    remindCampaign,
  };
}

/** The start of today, tomorrow and the day after `now` in `zone`. */
export function dayBounds(now: Temporal.Instant, zone: string): DayBounds {
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  const at = (days: number) => startOfLocalDay(today.add({days}), zone).epochMilliseconds;
  return {today: at(0), tomorrow: at(1), dayAfter: at(2)};
}

export interface Evaluation {
  due: Array<{item: ListItem; repeat: boolean}>;
  expired: ListItem[];
}

export const displayType = (c: Callback): DisplayType =>
  c.kind === 'followup'
    ? 'followup'
    : c.kind === 'web-callback'
      ? 'web'
      : c.type === 'campaign'
        ? 'campaign'
        : 'personal';

const SIMPLE_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO instant (offset or Z required). Fast path for the common shape, Temporal for the rest. */
const parseMs = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  if (SIMPLE_INSTANT.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return ms;
  }
  try {
    return Temporal.Instant.from(value).epochMilliseconds;
  } catch {
    return undefined;
  }
};

/** Parses a callback for the list, or says which fields are wrong. */
export function toItem(callback: Callback): ListItem | FieldError[] {
  const errors: FieldError[] = [];
  const id = typeof callback?.id === 'string' && callback.id ? callback.id : undefined;
  if (!id) errors.push({field: 'id', code: 'required', message: msg('A callback has no id.')});
  const startMs = parseMs(callback?.start);
  if (startMs === undefined) {
    const start = String(callback?.start);
    errors.push({
      field: 'start',
      code: 'invalid-instant',
      message: id
        ? msg(str`Callback "${id}" has an invalid start "${start}" (ISO 8601 with offset or Z).`)
        : msg(str`A callback has an invalid start "${start}" (ISO 8601 with offset or Z).`),
    });
  }
  const endMs = callback?.end === undefined || callback.end === '' ? undefined : parseMs(callback.end);
  if (callback?.end !== undefined && callback.end !== '' && endMs === undefined) {
    const end = String(callback.end);
    errors.push({
      field: 'end',
      code: 'invalid-instant',
      message: id
        ? msg(str`Callback "${id}" has an invalid end "${end}".`)
        : msg(str`A callback has an invalid end "${end}".`),
    });
  }
  if (errors.length) return errors;
  const type = displayType(callback);
  const overdueMs = type === 'web' && endMs !== undefined && endMs > startMs! ? endMs : startMs!;
  return {callback, type, startMs: startMs!, endMs, overdueMs};
}

/** Local facts about one callback, valid only for the start time they were recorded at. */
interface Local<T> {
  startMs: number;
  value: T;
}

/**
 * The list's state. Reminders and local statuses are keyed by the callback's start time, so a callback moved to
 * another time (rescheduled elsewhere) reminds again and is no longer expired or in progress.
 */
export class CallbackListModel {
  #items = new Map<string, ListItem>();
  /** Local status the backend does not know: launched (`in-progress`) or expired followups. */
  #overlay = new Map<string, Local<'in-progress' | 'expired'>>();
  /** Start time whose reminder fired. */
  #reminded = new Map<string, number>();
  #snoozed = new Map<string, Local<number>>();
  #dismissed = new Map<string, number>();
  /** The last moment evaluated: render-only boundaries (overdue, midnight) after it still need a wake-up. */
  #evaluatedAt = -Infinity;
  /** Bumped on every change that can move, add, remove or restyle a row. */
  version = 0;

  get size(): number {
    return this.#items.size;
  }

  get(id: string): ListItem | undefined {
    return this.#items.get(id);
  }

  has(id: string): boolean {
    return this.#items.has(id);
  }

  items(): IterableIterator<ListItem> {
    return this.#items.values();
  }

  /** Replaces every callback (a fresh load or a new `.callbacks`). Canceled ones are left out. Returns the invalid ones' errors. */
  replaceAll(callbacks: readonly Callback[]): FieldError[] {
    const errors: FieldError[] = [];
    const next = new Map<string, ListItem>();
    for (const callback of callbacks ?? []) {
      const item = toItem(callback);
      if (Array.isArray(item)) errors.push(...item);
      else if (callback.status !== 'canceled') next.set(callback.id, item);
    }
    this.#items = next;
    for (const map of [this.#overlay, this.#reminded, this.#snoozed, this.#dismissed]) {
      for (const id of map.keys()) if (!next.has(id)) map.delete(id);
    }
    this.version++;
    return errors;
  }

  /** Adds or updates one callback (a live change); a canceled one is removed. Returns errors when it is invalid. */
  upsert(callback: Callback): FieldError[] {
    if (callback?.status === 'canceled') {
      this.remove(callback.id);
      return [];
    }
    const item = toItem(callback);
    if (Array.isArray(item)) return item;
    this.#items.set(callback.id, item);
    this.version++;
    return [];
  }

  remove(id: string): boolean {
    const removed = this.#items.delete(id);
    for (const map of [this.#overlay, this.#reminded, this.#snoozed, this.#dismissed]) map.delete(id);
    if (removed) this.version++;
    return removed;
  }

  /** The status shown: the backend's, with the local launch/expiry, and `due` from `start - lead`. */
  status(item: ListItem, nowMs: number, policy: TimingPolicy): CallbackStatus {
    const {callback} = item;
    if (callback.status === 'scheduled' || callback.status === 'due') {
      const local = this.#overlay.get(callback.id);
      if (local && local.startMs === item.startMs) return local.value;
      if (nowMs >= item.startMs - policy.reminderLeadMinutes * MINUTE) return 'due';
    }
    return callback.status;
  }

  /** Whether the agent can still act on it (launch, reschedule): not launched, done or expired. */
  isOpen(item: ListItem, nowMs: number, policy: TimingPolicy): boolean {
    const status = this.status(item, nowMs, policy);
    return status === 'scheduled' || status === 'due';
  }

  remindable(item: ListItem, policy: TimingPolicy): boolean {
    return item.callback.type === 'personal' || item.type === 'followup' || policy.remindCampaign;
  }

  /** Whether the item's reminder is showing now: fired for this start, not snoozed, not dismissed, still open. */
  isAlerting(item: ListItem, nowMs: number, policy: TimingPolicy): boolean {
    const id = item.callback.id;
    if (this.#reminded.get(id) !== item.startMs || this.#dismissed.get(id) === item.startMs) return false;
    const snooze = this.#snoozed.get(id);
    if (snooze && snooze.startMs === item.startMs && nowMs < snooze.value) return false;
    return this.isOpen(item, nowMs, policy);
  }

  /** The items whose reminder is showing, earliest start first. */
  alerting(nowMs: number, policy: TimingPolicy): ListItem[] {
    const result: ListItem[] = [];
    for (const id of this.#reminded.keys()) {
      const item = this.#items.get(id);
      if (item && this.isAlerting(item, nowMs, policy)) result.push(item);
    }
    return result.sort((a, b) => a.startMs - b.startMs || (a.callback.id < b.callback.id ? -1 : 1));
  }

  /** The snooze end of an item, when snoozed now. */
  snoozedUntil(item: ListItem, nowMs: number): number | undefined {
    const snooze = this.#snoozed.get(item.callback.id);
    return snooze && snooze.startMs === item.startMs && nowMs < snooze.value ? snooze.value : undefined;
  }

  snooze(id: string, untilMs: number): void {
    const item = this.#items.get(id);
    if (!item) return;
    this.#snoozed.set(id, {startMs: item.startMs, value: untilMs});
    this.version++;
  }

  dismiss(id: string): void {
    const item = this.#items.get(id);
    if (!item) return;
    this.#dismissed.set(id, item.startMs);
    this.#snoozed.delete(id);
    this.version++;
  }

  /** Marks a callback launched (in progress) until the backend says otherwise or it moves. */
  launch(id: string): void {
    const item = this.#items.get(id);
    if (!item) return;
    this.#overlay.set(id, {startMs: item.startMs, value: 'in-progress'});
    this.#snoozed.delete(id);
    this.version++;
  }

  /**
   * Applies everything reached at `nowMs`: followups past `start + expiry` expire (and do not remind any more),
   * reminders reached at `start - lead` fire once per start time, snoozes that ended fire again.
   */
  evaluate(nowMs: number, policy: TimingPolicy): Evaluation {
    const result: Evaluation = {due: [], expired: []};
    const lead = policy.reminderLeadMinutes * MINUTE;
    const expiry = policy.followupExpiryMinutes * MINUTE;
    for (const item of this.#items.values()) {
      if (!this.isOpen(item, nowMs, policy)) continue;
      const id = item.callback.id;
      if (item.type === 'followup' && nowMs >= item.startMs + expiry) {
        this.#overlay.set(id, {startMs: item.startMs, value: 'expired'});
        this.#snoozed.delete(id);
        result.expired.push(item);
        continue;
      }
      if (!this.remindable(item, policy)) continue;
      if (this.#reminded.get(id) !== item.startMs) {
        if (nowMs >= item.startMs - lead) {
          this.#reminded.set(id, item.startMs);
          this.#snoozed.delete(id);
          this.#dismissed.delete(id);
          result.due.push({item, repeat: false});
        }
        continue;
      }
      const snooze = this.#snoozed.get(id);
      if (snooze && snooze.startMs === item.startMs && nowMs >= snooze.value) {
        this.#snoozed.delete(id);
        if (this.#dismissed.get(id) !== item.startMs) result.due.push({item, repeat: true});
      }
    }
    this.#evaluatedAt = nowMs;
    this.version++;
    const byStart = (a: ListItem, b: ListItem) => a.startMs - b.startMs;
    result.due.sort((a, b) => byStart(a.item, b.item));
    result.expired.sort(byStart);
    return result;
  }

  /**
   * The next moment (epoch ms) something must happen: a reminder, a snooze end or an expiry not yet applied (even
   * when already past, so it runs at once), or a display change after the last evaluation (a row going due or
   * Overdue, midnight moving Tomorrow to Today; `midnightAfter(ms)` gives the first local midnight after `ms`).
   * Undefined when nothing is pending.
   */
  next(nowMs: number, policy: TimingPolicy, midnightAfter: (ms: number) => number): number | undefined {
    if (!this.#items.size) return undefined;
    // Never evaluated yet, or the clock went back: evaluate at once (that sets the reference for boundaries).
    if (nowMs < this.#evaluatedAt || this.#evaluatedAt === -Infinity) return nowMs;
    const after = this.#evaluatedAt;
    const lead = policy.reminderLeadMinutes * MINUTE;
    const expiry = policy.followupExpiryMinutes * MINUTE;
    let next = Infinity;
    const consider = (ms: number) => {
      if (ms < next) next = ms;
    };
    const boundary = (ms: number) => {
      if (ms > after && ms < next) next = ms;
    };
    for (const item of this.#items.values()) {
      if (!this.isOpen(item, nowMs, policy)) continue;
      const id = item.callback.id;
      if (item.type === 'followup') consider(item.startMs + expiry);
      if (this.remindable(item, policy)) {
        if (this.#reminded.get(id) !== item.startMs) consider(item.startMs - lead);
        const snooze = this.#snoozed.get(id);
        if (snooze && snooze.startMs === item.startMs) consider(snooze.value);
      }
      boundary(item.startMs - lead);
      boundary(item.overdueMs);
    }
    // The midnight after the last evaluation (not after now): a clock that jumped past it still regroups.
    boundary(midnightAfter(after));
    return next === Infinity ? undefined : next;
  }

  /** The group of an item at `nowMs`: Overdue while open past its start, else by its start's local day. */
  group(item: ListItem, nowMs: number, policy: TimingPolicy, days: DayBounds): GroupKey {
    if (nowMs >= item.overdueMs && this.isOpen(item, nowMs, policy)) return 'overdue';
    if (item.startMs < days.today) return 'earlier';
    if (item.startMs < days.tomorrow) return 'today';
    if (item.startMs < days.dayAfter) return 'tomorrow';
    return 'later';
  }

  matches(item: ListItem, status: CallbackStatus, type: TypeFilter, filter: StatusFilter): boolean {
    if (type !== 'all' && item.type !== type) return false;
    if (filter === 'all') return true;
    if (filter === 'active') return status !== 'completed';
    return status === filter;
  }

  /** Headings and rows in display order for the filters: groups in `GROUP_ORDER`, rows by start time. */
  entries(
    nowMs: number,
    policy: TimingPolicy,
    days: DayBounds,
    filters: {type: TypeFilter; status: StatusFilter},
  ): Entries {
    const groups = new Map<GroupKey, ListItem[]>(GROUP_ORDER.map((g) => [g, []]));
    for (const item of this.#items.values()) {
      if (!this.matches(item, this.status(item, nowMs, policy), filters.type, filters.status)) continue;
      groups.get(this.group(item, nowMs, policy, days))!.push(item);
    }
    const list: Entry[] = [];
    let position = 0;
    for (const group of GROUP_ORDER) {
      const items = groups.get(group)!;
      if (!items.length) continue;
      items.sort((a, b) => a.startMs - b.startMs || (a.callback.id < b.callback.id ? -1 : 1));
      list.push({kind: 'heading', key: `group:${group}`, group, count: items.length});
      for (const item of items) list.push({kind: 'row', key: item.callback.id, group, item, position: ++position});
    }
    return {list, rows: position};
  }
}

/** Rows moved by PageUp/PageDown. */
const PAGE_ROWS = 10;

/** The row keys of the entries, in order (headings left out). */
export const rowKeys = (entries: Entries): string[] => entries.list.filter((e) => e.kind === 'row').map((e) => e.key);

/**
 * The row that keeps the tab stop after the entries changed: `id` while it is still a row, else the row now at its
 * place in `previous` (the last one when it was further down), undefined for an empty list.
 */
export function keptRow(previous: Entries, keys: string[], id: string | undefined): string | undefined {
  if (id && keys.includes(id)) return id;
  const before = previous.list.filter((e) => e.kind === 'row');
  const at = Math.max(
    0,
    before.findIndex((r) => r.key === id),
  );
  return keys[Math.min(at, keys.length - 1)];
}

/**
 * Where a navigation key leads from a row: `up`/`down` by one, `home`/`end` to the first/last row,
 * `page-up`/`page-down` by ten (stopping at the ends). Undefined for other keys or an empty list.
 */
export function rowAfter(keys: string[], id: string, key: string): string | undefined {
  if (!keys.length) return undefined;
  const current = Math.max(0, keys.indexOf(id));
  const steps: Record<string, number> = {
    down: current + 1,
    up: current - 1,
    home: 0,
    end: keys.length - 1,
    'page-down': current + PAGE_ROWS,
    'page-up': current - PAGE_ROWS,
  };
  const next = steps[key];
  return next === undefined ? undefined : keys[Math.max(0, Math.min(keys.length - 1, next))];
}
