/**
 * What `<callback-list>` renders, apart from its state: labels, times as the agent reads them, and the templates of
 * its rows (with their action menu), headings, reminder toast and dialogs. The element computes a view of each part
 * and hands it over with its handlers; nothing here keeps state.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {Temporal} from '../../core/temporal.js';
import type {CallbackStatus} from '../../core/types.js';
import {dateTimeFormat, formatTime, formatTimeRange, zoneLongName} from '../../internal/format.js';
import {
  STATUS_FILTERS,
  TYPE_FILTERS,
  type DisplayType,
  type GroupKey,
  type ListItem,
  type StatusFilter,
  type TypeFilter,
} from './callback-list-model.js';

export const groupLabel = (group: GroupKey): string => {
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

export const typeLabel = (type: DisplayType | 'all'): string => {
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

export const statusLabel = (status: CallbackStatus | StatusFilter): string => {
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
/** The classes of a `{class: on}` map, for a `class` attribute (the list's rows and headings own theirs). */
const classes = (map: Record<string, boolean>): string =>
  Object.keys(map)
    .filter((name) => map[name])
    .join(' ');

export function withBdi(text: string): Array<string | TemplateResult> {
  const parts = text.split(/\u2068([^\u2069]*)\u2069/);
  return parts.map((part, i) => (i % 2 ? html`<bdi>${part}</bdi>` : part));
}

/** The date of an instant in a zone, `YYYY-MM-DD`. */
const localDate = (ms: number, zone: string): string =>
  dateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone}).format(ms);

/** "2:00 PM EST", "2:00 – 4:00 PM EST" for a web callback, with the date when asked. */
export function when(item: ListItem, zone: string, withDate: boolean, locale: string | undefined): string {
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

/**
 * "Customer: same time as you", "Customer: 8:00 AM PST", or for a number that may be in several zones the spread
 * of its local times and the zones: "Customer: 8:00 AM–9:00 AM Pacific Time or Mountain Time".
 */
export function customerTime(item: ListItem, zones: string[], agentZone: string, locale: string | undefined): string {
  const start = Temporal.Instant.fromEpochMilliseconds(item.startMs);
  const zoned = (zone: string) => formatTime(start, {timeZone: zone, zoneName: true});
  const distinct = [...new Map(zones.map((zone) => [zoned(zone), zone])).values()];
  if (distinct.length === 1) {
    const [zone] = distinct;
    if (zoned(zone) === zoned(agentZone)) return msg('Customer: same time as you');
    const withDate = localDate(item.startMs, zone) !== localDate(item.startMs, agentZone);
    return msg(str`Customer: ${when(item, zone, withDate, locale)}`);
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

/** What a row shows, computed by the element. */
export interface RowView {
  id: string;
  /** The callback's start (ISO), for `<time datetime>`. */
  start: string;
  parts: string;
  classes: Record<string, boolean>;
  tab: 0 | -1;
  label: string;
  position: number;
  setSize: number;
  agentTime: string;
  /** The customer's name as given (rendered in a `<bdi>`), and isolated for labels. */
  rawName: string;
  name: string;
  known: boolean;
  phone: string;
  type: DisplayType;
  status: CallbackStatus;
  shownStatus: string;
  /** "Customer: …"; `unknown` when the zones are known to be unknown; undefined while the phone chunk loads. */
  customerTime?: string | {unknown: true};
  expires?: string;
  handOff?: string;
  snoozed?: string;
  notes?: string;
  writeError?: string;
  /** Scheduled or due: Launch, with Reschedule and Cancel in the menu. */
  open: boolean;
  /** Expired: Reschedule only (shown as a button). */
  expired: boolean;
  menuOpen: boolean;
}

/** What a row's controls call. */
export interface RowHandlers {
  launch(id: string): void;
  reschedule(id: string, opener: HTMLElement): void;
  cancel(id: string, opener: HTMLElement): void;
  retryWrite(id: string): void;
  menuButtonClick(id: string, event: MouseEvent): void;
  menuButtonKeydown(id: string, event: KeyboardEvent): void;
  menuKeydown(id: string, event: KeyboardEvent): void;
  menuFocusOut(id: string, event: FocusEvent): void;
}

export function renderHeading(group: GroupKey, count: string, level: number): TemplateResult {
  return html`<div class=${`heading heading--${group}`} part="group-heading" role="heading" aria-level=${level}>
    ${groupLabel(group)}
    <span class="heading__count"><span class="visually-hidden">, </span>${count}</span>
  </div>`;
}

function renderMenu(row: RowView, on: RowHandlers): TemplateResult {
  const {id, name} = row;
  return html`<button
      type="button"
      class="action action--more icon quiet"
      part="action menu-button"
      tabindex=${row.tab}
      aria-label=${msg(str`More actions for ${name}`)}
      aria-haspopup="menu"
      aria-expanded=${row.menuOpen ? 'true' : 'false'}
      aria-controls=${`menu-${row.position}`}
      @click=${(e: MouseEvent) => on.menuButtonClick(id, e)}
      @keydown=${(e: KeyboardEvent) => on.menuButtonKeydown(id, e)}
    >
      <span aria-hidden="true">⋯</span>
    </button>
    <div
      id=${`menu-${row.position}`}
      class="menu"
      part="menu"
      role="menu"
      popover="manual"
      aria-label=${msg(str`Actions for ${name}`)}
      @keydown=${(e: KeyboardEvent) => on.menuKeydown(id, e)}
      @focusout=${(e: FocusEvent) => on.menuFocusOut(id, e)}
    >
      <button
        type="button"
        class="menu__item action--reschedule"
        part="menu-item"
        role="menuitem"
        tabindex="-1"
        aria-label=${msg(str`Reschedule callback with ${name}`)}
        @click=${(e: MouseEvent) => on.reschedule(id, e.currentTarget as HTMLElement)}
      >
        ${msg('Reschedule')}
      </button>
      <button
        type="button"
        class="menu__item menu__item--danger action--cancel"
        part="menu-item"
        role="menuitem"
        tabindex="-1"
        aria-label=${msg(str`Cancel callback with ${name}`)}
        aria-haspopup="dialog"
        @click=${(e: MouseEvent) => on.cancel(id, e.currentTarget as HTMLElement)}
      >
        ${msg('Cancel')}
      </button>
    </div>`;
}

function renderActions(row: RowView, on: RowHandlers): TemplateResult | typeof nothing {
  if (row.open) {
    return html`<div class="row__actions" part="actions">
      <button
        type="button"
        class="action action--primary primary"
        part="action"
        tabindex=${row.tab}
        aria-label=${msg(str`Launch callback to ${row.name}`)}
        @click=${() => on.launch(row.id)}
      >
        ${msg('Launch')}
      </button>
      ${renderMenu(row, on)}
    </div>`;
  }
  if (!row.expired) return nothing;
  return html`<div class="row__actions" part="actions">
    <button
      type="button"
      class="action action--reschedule"
      part="action"
      tabindex=${row.tab}
      aria-label=${msg(str`Reschedule callback with ${row.name}`)}
      @click=${(e: MouseEvent) => on.reschedule(row.id, e.currentTarget as HTMLElement)}
    >
      ${msg('Reschedule')}
    </button>
  </div>`;
}

/** One callback: a cell holding the row (the cell pads it: the virtualizer positions cells, margins do not add up). */
export function renderRow(row: RowView, on: RowHandlers): TemplateResult {
  const customer = row.customerTime;
  return html`<div class="cell">
    <article
      part=${row.parts}
      class=${classes(row.classes)}
      data-id=${row.id}
      tabindex=${row.tab}
      aria-label=${row.label}
      aria-posinset=${row.position}
      aria-setsize=${row.setSize}
    >
      <div class="row__main">
        <span class="row__time" part="time"><time datetime=${row.start}>${row.agentTime}</time></span>
        <span
          class=${row.known ? 'row__customer' : 'row__customer row__customer--unknown'}
          part="customer"
          title=${row.name}
          ><bdi>${row.rawName}</bdi></span
        >
        <span class="row__phone" part="phone"
          ><span class="visually-hidden">${msg('Number')} </span><bdi>${row.phone}</bdi></span
        >
      </div>
      <div class="row__meta">
        <span class=${`badge badge--type badge--${row.type}`} part="type">${typeLabel(row.type)}</span>
        <span class=${`badge badge--status badge--${row.status}`} part="status">${row.shownStatus}</span>
        ${
          typeof customer === 'string'
            ? html`<span class="row__customer-time" part="customer-time">${customer}</span>`
            : customer
              ? html`<span class="row__customer-time" part="customer-time"
                  >${msg("Customer's time zone unknown")}</span
                >`
              : nothing
        }
        ${row.expires ? html`<span class="row__expiry" part="expiry">${msg(str`Expires at ${row.expires}`)}</span>` : nothing}
        ${row.handOff ? html`<span class="row__expiry row__hand-off" part="hand-off">${row.handOff}</span>` : nothing}
        ${row.snoozed ? html`<span class="row__snoozed">${msg(str`Snoozed until ${row.snoozed}`)}</span>` : nothing}
        ${row.notes ? html`<p class="row__notes" part="notes" dir="auto" title=${row.notes}>${row.notes}</p>` : nothing}
      </div>
      ${
        row.writeError
          ? html`<p class="message message--error row__error" part="message" role="alert">
              <span>${row.writeError}</span>
              <button
                type="button"
                class="action"
                part="action"
                tabindex=${row.tab}
                @click=${() => on.retryWrite(row.id)}
              >
                ${msg('Try again')}
              </button>
            </p>`
          : nothing
      }
      ${renderActions(row, on)}
    </article>
  </div>`;
}

/** One reminder of the toast. */
export interface ToastItemView {
  id: string;
  name: string;
  text: string;
  expires?: string;
}

export interface ToastHandlers {
  launch(id: string): void;
  snooze(id: string): void;
  dismiss(id: string): void;
  dismissAll(): void;
}

export function renderToast(items: ToastItemView[], total: number, on: ToastHandlers): TemplateResult {
  const more = total - items.length;
  return html`<div class="toast" part="toast">
    <p class="toast__title">${total === 1 ? msg('Callback due') : msg(str`${total} callbacks due`)}</p>
    <ul class="toast__list">
      ${items.map(
        (item) =>
          html`<li class="toast__item">
            <span class="toast__text"
              >${withBdi(item.text)}${item.expires ? html` <strong>${msg(str`Expires at ${item.expires}.`)}</strong>` : nothing}</span
            >
            <span class="toast__actions">
              <button
                type="button"
                class="action action--primary primary"
                part="action"
                aria-label=${msg(str`Launch callback to ${item.name}`)}
                @click=${() => on.launch(item.id)}
              >
                ${msg('Launch')}
              </button>
              <button
                type="button"
                class="action"
                part="action"
                aria-label=${msg(str`Snooze 5 min: remind me about ${item.name} in 5 minutes`)}
                @click=${() => on.snooze(item.id)}
              >
                ${msg('Snooze 5 min')}
              </button>
              <button
                type="button"
                class="action"
                part="action"
                aria-label=${msg(str`Dismiss the reminder for ${item.name}`)}
                @click=${() => on.dismiss(item.id)}
              >
                ${msg('Dismiss')}
              </button>
            </span>
          </li>`,
      )}
    </ul>
    ${
      more > 0
        ? html`<p class="toast__more">
            ${more === 1 ? msg('1 more due in the list.') : msg(str`${more} more due in the list.`)}
            <button type="button" class="action" part="action" @click=${on.dismissAll}>${msg('Dismiss all')}</button>
          </p>`
        : nothing
    }
  </div>`;
}

/** The cancel confirmation's content. */
export interface ConfirmView {
  name: string;
  when: string;
  busy: boolean;
  error?: string;
}

export function renderConfirm(
  view: ConfirmView | undefined,
  on: {cancel(e: Event): void; close(): void; keep(): void; confirm(): void},
): TemplateResult {
  return html`<dialog
    class="dialog confirm"
    part="dialog"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-text"
    @cancel=${on.cancel}
    @close=${on.close}
  >
    ${
      view
        ? html`<h2 id="confirm-title" class="dialog__title">${msg('Cancel this callback?')}</h2>
            <p id="confirm-text">
              ${withBdi(
                msg(
                  str`The callback with ${view.name} on ${view.when} will be canceled and the customer will not be called.`,
                ),
              )}
            </p>
            ${
              view.error
                ? html`<p class="message message--error" part="message" role="alert">
                    ${msg(str`The callback could not be canceled: ${view.error}`)}
                  </p>`
                : nothing
            }
            <div class="dialog__actions">
              <button type="button" class="action keep" part="action" @click=${on.keep}>${msg('Keep callback')}</button>
              <button
                type="button"
                class="action action--danger danger"
                part="action"
                aria-disabled=${view.busy ? 'true' : 'false'}
                @click=${on.confirm}
              >
                ${
                  view.busy
                    ? msg('Canceling…')
                    : view.error
                      ? msg('Try again: cancel callback')
                      : msg('Cancel callback')
                }
              </button>
            </div>`
        : nothing
    }
  </dialog>`;
}

/** The messages in place of the list: loading, nothing matching the filters, no callbacks yet. */
export function renderLoading(): TemplateResult {
  return html`<div class="message message--loading" part="message" aria-busy="true">
    <span class="visually-hidden">${msg('Loading your callbacks…')}</span>
    ${[0, 1, 2].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
  </div>`;
}

export function renderNoMatch(showAll: () => void): TemplateResult {
  return html`<div class="message" part="message">
    <span>${msg('No callbacks match these filters.')}</span>
    <button type="button" class="action" part="action" @click=${showAll}>${msg('Show all callbacks')}</button>
  </div>`;
}

export function renderEmpty(lead: number): TemplateResult {
  return html`<div class="message message--empty" part="message">
    <p class="message__title">${msg('No callbacks yet.')}</p>
    <p>
      ${msg(
        str`Callbacks and followups you schedule, and the callbacks of your campaigns, will appear here by day: overdue, today, tomorrow and later. You will be reminded ${lead} minutes before each of your personal callbacks.`,
      )}
    </p>
  </div>`;
}

/** The filters and the count above the list. */
export interface ToolbarView {
  type: TypeFilter;
  status: StatusFilter;
  /** "12 callbacks" (undefined: no callbacks at all). */
  count?: string;
  onType(event: Event): void;
  onStatus(event: Event): void;
}

export function renderToolbar(view: ToolbarView): TemplateResult {
  return html`<div class="toolbar" part="toolbar">
    <label class="filter" part="filter"
      ><span>${msg('Type')}</span>
      <select @change=${view.onType}>
        ${TYPE_FILTERS.map(
          (type) => html`<option value=${type} ?selected=${type === view.type}>${typeLabel(type)}</option>`,
        )}
      </select></label
    >
    <label class="filter" part="filter"
      ><span>${msg('Status')}</span>
      <select @change=${view.onStatus}>
        ${STATUS_FILTERS.map(
          (status) => html`<option value=${status} ?selected=${status === view.status}>${statusLabel(status)}</option>`,
        )}
      </select></label
    >
    ${view.count ? html`<span class="count" part="count">${view.count}</span>` : nothing}
  </div>`;
}

/** The alerts above the list: bad filters or data, contacts that could not be listed, a failed load (Try again). */
export function renderProblems(
  problems: string[],
  contactsError: string | undefined,
  loadError: string | undefined,
  retry: () => void,
): TemplateResult {
  return html`${problems.map((p) => html`<div class="message message--error" part="message" role="alert">${p}</div>`)}
  ${
    contactsError
      ? html`<div class="message message--error" part="message" role="alert">
          ${msg(str`Customer names could not be loaded. ${contactsError}`)}
        </div>`
      : nothing
  }
  ${
    loadError
      ? html`<div class="message message--error" part="message" role="alert">
          <span class="message__text">${msg(str`Your callbacks could not be loaded. ${loadError}`)}</span>
          <button type="button" class="action" part="action" @click=${retry}>${msg('Try again')}</button>
        </div>`
      : nothing
  }`;
}

/** Problems with the filter attributes (the list then shows all types / callbacks not completed). */
export function filterProblems(type: string, status: string): string[] {
  const problems: string[] = [];
  if (!TYPE_FILTERS.includes(type as TypeFilter)) {
    problems.push(msg(str`Unknown filter-type "${type}": showing all types.`));
  }
  if (!STATUS_FILTERS.includes(status as StatusFilter)) {
    problems.push(msg(str`Unknown filter-status "${status}": showing callbacks not completed.`));
  }
  return problems;
}

/** "1 callback", "12 callbacks" (the number in the locale's digits). */
export function countLabel(n: number, locale: string | undefined): string {
  if (n === 1) return msg('1 callback');
  let count: string;
  try {
    count = new Intl.NumberFormat(locale).format(n);
  } catch {
    count = String(n);
  }
  return msg(str`${count} callbacks`);
}

/** One alert for callbacks that could not be shown (their first three messages). */
export function dataProblem(messages: string[]): string {
  const shown = messages.slice(0, 3).join(' ') + (messages.length > 3 ? ` (+${messages.length - 3})` : '');
  return messages.length === 1
    ? msg(str`A callback could not be shown: ${shown}`)
    : msg(str`${messages.length} callback problems, not shown: ${shown}`);
}
