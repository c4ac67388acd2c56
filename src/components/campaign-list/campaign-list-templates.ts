/**
 * What `<campaign-list>` renders, apart from its state: the grid's header and rows (with the dialing-mode help
 * popover and "Get next record"), the start notices and the toolbar. The element hands over what to show and its
 * handlers; nothing here keeps state.
 */
import {msg, str} from '@lit/localize';
import {html, nothing, type TemplateResult} from 'lit';
import {classMap} from 'lit/directives/class-map.js';
import type {Campaign} from '../../core/types.js';
import {
  deliveryLabel,
  dialingLabel,
  isLive,
  isManualPreview,
  modeExplanation,
  statusLabel,
  type CampaignFilter,
  type CampaignSortKey,
  type SortDirection,
} from './campaign-list-model.js';

/** The header row's index in keyboard navigation. */
export const HEADER = -1;
/** Columns: campaign, status, dialing mode, delivery, start time, preview record. */
export const COLUMN_COUNT = 6;
/** The columns that sort, by column index. */
export const SORTABLE: Readonly<Record<number, CampaignSortKey>> = {0: 'name', 1: 'status', 4: 'start'};

export const columnTitle = (column: number): string => {
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

export const sortTitle = (key: CampaignSortKey): string =>
  key === 'name' ? columnTitle(0) : key === 'status' ? columnTitle(1) : columnTitle(4);

/** A "Get next record" request of a row. */
export interface RecordRequest {
  state: 'busy' | 'done' | 'error';
  message?: string;
  controller?: AbortController;
}

/** What a row needs besides its campaign. */
export interface RowContext {
  selected: string | undefined;
  tabIndex(row: number, col: number): 0 | -1;
  start(campaign: Campaign): {text: string; datetime: string} | undefined;
  request(id: string): RecordRequest | undefined;
  onRecord(campaign: Campaign): void;
  /** The pointer entered, or focus reached, a "Get next record" button: the agent may be about to press it. */
  onRecordIntent(): void;
  onHelpToggle(event: Event): void;
}

function renderRecordCell(campaign: Campaign, index: number, ctx: RowContext): TemplateResult {
  if (!isManualPreview(campaign)) {
    return html`<div
      role="gridcell"
      class="cell cell--record"
      part="cell"
      data-col="5"
      tabindex=${ctx.tabIndex(index, 5)}
    >
      <span class="muted" aria-hidden="true">—</span
      ><span class="visually-hidden">${msg('Records are delivered automatically')}</span>
    </div>`;
  }
  const request = ctx.request(campaign.id);
  const busy = request?.state === 'busy';
  const live = isLive(campaign);
  return html`<div role="gridcell" class="cell cell--record" part="cell" data-col="5">
    <button
      type="button"
      class="record-button"
      part="record-button"
      data-widget
      tabindex=${ctx.tabIndex(index, 5)}
      aria-disabled=${busy || !live ? 'true' : nothing}
      aria-describedby=${live ? nothing : 'record-unavailable'}
      @click=${() => ctx.onRecord(campaign)}
      @pointerenter=${ctx.onRecordIntent}
      @focus=${ctx.onRecordIntent}
    >
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${msg('Getting record…')}` : msg('Get next record')}
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

export function renderRow(campaign: Campaign, index: number, ctx: RowContext): TemplateResult {
  const selected = ctx.selected === campaign.id;
  const status = String(campaign.status);
  const start = ctx.start(campaign);
  const helpId = `mode-help-${index}`;
  const dialing = dialingLabel(campaign.dialingMode);
  const tab = (col: number) => ctx.tabIndex(index, col);
  return html`<div
    role="row"
    class=${classMap({row: true, 'row--campaign': true, 'row--selected': selected})}
    part=${selected ? 'row row-selected' : 'row'}
    data-index=${index}
    data-id=${campaign.id}
    aria-rowindex=${index + 2}
    aria-selected=${selected ? 'true' : 'false'}
  >
    <div role="rowheader" class="cell cell--name" part="cell" data-col="0" tabindex=${tab(0)}>
      <span class="name" title=${campaign.name}>${campaign.name}</span
      ><span class="visually-hidden">, ${statusLabel(status)}</span>
    </div>
    <div role="gridcell" class="cell cell--status" part="cell" data-col="1" tabindex=${tab(1)}>
      <span class=${`badge badge--${status}`} part=${`status status-${status}`}>${statusLabel(status)}</span>
    </div>
    <div role="gridcell" class="cell cell--mode" part="cell" data-col="2">
      <span>${dialing}</span>
      <button
        type="button"
        class="help"
        part="mode-help"
        data-widget
        tabindex=${tab(2)}
        popovertarget=${helpId}
        aria-label=${msg(str`About ${dialing} dialing`)}
      >
        ?
      </button>
      <div id=${helpId} popover class="help-popover" part="mode-help-popover" @toggle=${ctx.onHelpToggle}>
        ${modeExplanation(campaign)}
      </div>
    </div>
    <div role="gridcell" class="cell cell--delivery" part="cell" data-col="3" tabindex=${tab(3)}>
      <span class="label-narrow" aria-hidden="true">${msg('Delivery:')}</span
      ><span class="value">${deliveryLabel(campaign.deliveryMode)}</span>
    </div>
    <div role="gridcell" class="cell cell--start" part="cell" data-col="4" tabindex=${tab(4)}>
      <span class="label-narrow" aria-hidden="true">${msg('Started:')}</span
      ><span class="value"
        >${
          start
            ? html`<time datetime=${start.datetime}>${start.text}</time>`
            : html`<span class="muted">${campaign.startedAt ? msg('Unknown') : msg('Not started')}</span>`
        }</span
      >
    </div>
    ${renderRecordCell(campaign, index, ctx)}
  </div>`;
}

export function renderHeader(
  sortBy: CampaignSortKey,
  direction: SortDirection,
  tabIndex: (row: number, col: number) => 0 | -1,
  onSort: (key: CampaignSortKey) => void,
): TemplateResult {
  return html`<div role="row" class="row row--header" part="header" aria-rowindex="1">
    ${Array.from({length: COLUMN_COUNT}, (_, col) => {
      const key = SORTABLE[col];
      if (!key) {
        return html`<div
          role="columnheader"
          class="cell cell--head cell--plain"
          data-col=${col}
          tabindex=${tabIndex(HEADER, col)}
        >
          ${columnTitle(col)}
        </div>`;
      }
      const sorted = sortBy === key;
      return html`<div
        role="columnheader"
        class="cell cell--head"
        data-col=${col}
        aria-sort=${sorted ? direction : nothing}
      >
        <button
          type="button"
          class="sort"
          part="sort-button"
          data-widget
          tabindex=${tabIndex(HEADER, col)}
          @click=${() => onSort(key)}
        >
          ${columnTitle(col)}<span class="sort__icon" aria-hidden="true"
            >${sorted ? (direction === 'ascending' ? '▲' : '▼') : '↕'}</span
          >
        </button>
      </div>`;
    })}
  </div>`;
}

/** A start notice. */
export interface Notice {
  id: string;
  kind: 'started' | 'before-login';
  message: string;
  /** When it happened (epoch ms): the campaign's start, or when the list learnt of it. */
  at?: number;
}

export function renderNotices(
  notices: Notice[],
  time: (ms: number) => {text: string; datetime: string},
  onDismiss: (id: string) => void,
  onDismissAll: () => void,
): TemplateResult {
  return html`<div class="notices" part="notices" role="log" aria-label=${msg('Campaign notices')}>
      ${notices.map((notice) => {
        const at = notice.at === undefined ? undefined : time(notice.at);
        return html`<div class=${`notice notice--${notice.kind}`} part="notice" data-notice=${notice.id}>
          <span class="notice__text" title=${notice.message}>${notice.message}</span>
          ${at ? html`<time class="notice__time" datetime=${at.datetime}>${at.text}</time>` : nothing}
          <button
            type="button"
            class="notice__dismiss"
            part="notice-dismiss"
            aria-label=${msg('Dismiss notice')}
            @click=${() => onDismiss(notice.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>`;
      })}
    </div>
    ${
      notices.length > 1
        ? html`<div class="notices-actions">
            <button type="button" class="link-button" @click=${onDismissAll}>${msg('Dismiss all notices')}</button>
          </div>`
        : nothing
    }`;
}

export function renderToolbar(
  filter: CampaignFilter,
  counts: {live: number; total: number} | undefined,
  zone: string,
  onChange: (event: Event) => void,
): TemplateResult {
  return html`<div class="toolbar" part="toolbar">
    <fieldset class="filter" part="filter">
      <legend class="filter__legend">${msg('Show')}</legend>
      <label class="filter__option"
        ><input type="radio" name="filter" value="active" .checked=${filter === 'active'} @change=${onChange} />${
          counts ? msg(str`Active and running (${counts.live})`) : msg('Active and running')
        }</label
      ><label class="filter__option"
        ><input type="radio" name="filter" value="all" .checked=${filter === 'all'} @change=${onChange} />${
          counts ? msg(str`All (${counts.total})`) : msg('All')
        }</label
      >
    </fieldset>
    <span class="zone">${msg(str`Times in ${zone}`)}</span>
  </div>`;
}

/** The alert listing the element's problems (the first three, then how many more). */
export function renderProblems(problems: string[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<div class="message message--error" part="message" role="alert">
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
  </div>`;
}

/** What the body shows: why there is nothing, the load's error, or the grid and its count. */
export interface BodyView {
  /** Neither a backend nor `.campaigns`; or a backend without an agent. */
  missing?: 'backend' | 'agent';
  /** The load failed: its message. */
  failed?: string;
  /** The first list for the agent (or the host's) is there. */
  loaded: boolean;
  total: number;
  shown: number;
  filter: CampaignFilter;
  grid: () => TemplateResult;
  retry: () => void;
  showAll: () => void;
}

export function renderBody(view: BodyView): TemplateResult {
  if (view.missing) {
    return html`<div class="message" part="message">
      ${
        view.missing === 'backend'
          ? msg('No campaigns to show: give the list a backend (or an agent session), or set its campaigns property.')
          : msg('No agent: place the list inside an agent session or set its agent property.')
      }
    </div>`;
  }
  const error = view.failed
    ? html`<div class="message message--error" part="message" role="alert">
        <span class="message__text">${msg(str`Your campaigns could not be loaded. ${view.failed}`)}</span>
        <button type="button" @click=${view.retry}>${msg('Try again')}</button>
      </div>`
    : nothing;
  if (!view.loaded) {
    return view.failed
      ? html`${error}`
      : html`<div class="message" part="message" role="status">${msg('Loading your campaigns…')}</div>`;
  }
  if (view.total === 0) {
    return html`${error}
      <div class="message" part="message">${msg('You are not assigned to any campaigns.')}</div>`;
  }
  if (view.shown === 0) {
    return html`${error}
      <div class="message" part="message">
        <span>${msg('None of your campaigns is active or running right now.')}</span>
        <button type="button" @click=${view.showAll}>${msg(str`Show all campaigns (${view.total})`)}</button>
      </div>`;
  }
  const count =
    view.filter === 'all'
      ? view.total === 1
        ? msg('1 campaign')
        : msg(str`${view.total} campaigns`)
      : msg(str`${view.shown} of ${view.total} campaigns`);
  return html`${error}${view.grid()}
    <div class="footer" part="footer">${count}</div>`;
}
