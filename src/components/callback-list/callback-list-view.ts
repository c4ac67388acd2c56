/**
 * What `<callback-list>` shows of its state at one moment: each row's texts and flags and the reminders of the
 * toast, computed from the model, the customers and the clock's "now" for the templates to render.
 */
import {msg, str} from '@lit/localize';
import {Temporal} from '../../core/temporal.js';
import {formatTime, isolate} from '../../internal/format.js';
import type {CallbackListModel, DayBounds, Entry, ListItem, TimingPolicy} from './callback-list-model.js';
import {
  customerTime,
  statusLabel,
  typeLabel,
  when,
  type RowView,
  type ToastItemView,
} from './callback-list-templates.js';
import type {Customers} from './customers.js';
import type {HandOff} from './hand-off.js';
import type {StatusWrites} from './status-writes.js';

/** Everything a view is computed from. */
export interface ViewContext {
  model: CallbackListModel;
  customers: Customers;
  writes: StatusWrites;
  handOff: HandOff;
  timing: TimingPolicy;
  locale: string | undefined;
  /** The agent's zone. */
  zone: string;
  nowMs: number;
  days: DayBounds;
  /** Rows in the list (for `aria-setsize`). */
  rows: number;
  tabIndex(id: string): 0 | -1;
  menuOpen(id: string): boolean;
}

/** When an open followup expires, in the agent's zone. */
export function expiryTime(item: ListItem, ctx: Pick<ViewContext, 'timing' | 'locale' | 'zone'>): string {
  const at = Temporal.Instant.fromEpochMilliseconds(item.startMs + ctx.timing.followupExpiryMinutes * 60_000);
  return formatTime(at, {locale: ctx.locale, timeZone: ctx.zone});
}

/** What a row shows. */
export function rowView(entry: Extract<Entry, {kind: 'row'}>, ctx: ViewContext): RowView {
  const {item, group} = entry;
  const {callback} = item;
  const {model, customers, timing, locale, zone, nowMs, days} = ctx;
  const status = model.status(item, nowMs, timing);
  const open = status === 'scheduled' || status === 'due';
  const alerting = model.isAlerting(item, nowMs, timing);
  const snoozedUntil = model.snoozedUntil(item, nowMs);
  const rawName = customers.name(callback);
  const name = isolate(rawName); // in aria-labels and titles
  const agentTime = when(item, zone, !(item.startMs >= days.today && item.startMs < days.dayAfter), locale);
  const zones = customers.zones(callback);
  const write = ctx.writes.get(callback.id);
  const type = item.type;
  const shownStatus = group === 'overdue' ? msg('Overdue') : statusLabel(status);
  return {
    id: callback.id,
    start: callback.start,
    parts: `row${alerting ? ' row-due' : ''}${group === 'overdue' ? ' row-overdue' : ''}`,
    classes: {
      row: true,
      'row--due': alerting,
      'row--overdue': group === 'overdue',
      'row--closed': !open,
      [`row--status-${status}`]: true,
    },
    tab: ctx.tabIndex(entry.key),
    label: [name, agentTime, typeLabel(type), shownStatus].join(', '),
    position: entry.position,
    setSize: ctx.rows,
    agentTime,
    rawName,
    name,
    known: !!customers.contact(callback),
    phone: customers.phone(callback, locale),
    type,
    status,
    shownStatus,
    customerTime: zones?.length ? customerTime(item, zones, zone, locale) : zones ? {unknown: true} : undefined,
    expires: open && type === 'followup' ? expiryTime(item, ctx) : undefined,
    handOff: ctx.handOff.text(item, open, nowMs),
    snoozed:
      snoozedUntil === undefined
        ? undefined
        : formatTime(Temporal.Instant.fromEpochMilliseconds(snoozedUntil), {locale, timeZone: zone}),
    notes: callback.notes || undefined,
    writeError: write?.error ? msg(str`Could not save "${statusLabel(write.status)}": ${write.error}`) : undefined,
    open,
    expired: status === 'expired',
    menuOpen: ctx.menuOpen(callback.id),
  };
}

/** The reminders of the toast (the first `max` of those showing). */
export function toastItems(alerting: ListItem[], max: number, ctx: ViewContext): ToastItemView[] {
  return alerting.slice(0, max).map((item) => {
    const name = isolate(ctx.customers.name(item.callback));
    const start = Temporal.Instant.fromEpochMilliseconds(item.startMs);
    const time = formatTime(start, {locale: ctx.locale, timeZone: ctx.zone});
    const type = typeLabel(item.type);
    return {
      id: item.callback.id,
      name,
      text:
        ctx.nowMs >= item.overdueMs
          ? msg(str`${name}, ${type}, was due at ${time}.`)
          : msg(str`${name}, ${type}, at ${time}.`),
      expires: item.type === 'followup' ? expiryTime(item, ctx) : undefined,
    };
  });
}
