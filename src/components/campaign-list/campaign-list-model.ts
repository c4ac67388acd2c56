/**
 * The data side of `<campaign-list>`: checking campaigns, labels and plain-language explanations, filtering and
 * sorting. No DOM here, so it stays fast for 10,000 campaigns and easy to test.
 */
import {msg, str} from '@lit/localize';
import {Temporal} from '../../core/temporal.js';
import type {Campaign, CampaignStatus, DeliveryMode, DialingMode} from '../../core/types.js';

/** `active`: started and running campaigns only (the default); `all`: every campaign of the agent. */
export type CampaignFilter = 'active' | 'all';
/** The column a list is sorted by. */
export type CampaignSortKey = 'name' | 'status' | 'start';
export type SortDirection = 'ascending' | 'descending';

export const STATUSES: readonly CampaignStatus[] = ['started', 'running', 'paused', 'stopped', 'completed'];
export const DIALING_MODES: readonly DialingMode[] = ['preview', 'push-preview', 'progressive', 'predictive'];
export const DELIVERY_MODES: readonly DeliveryMode[] = ['manual', 'automatic'];

/** Started ("active") and running campaigns are the live ones: the default view, and what start notices are about. */
export const isLive = (campaign: Campaign | undefined): boolean =>
  campaign?.status === 'started' || campaign?.status === 'running';

/** Manual delivery in preview mode: the agent requests each record ("Get next record"). */
export const isManualPreview = (campaign: Campaign): boolean =>
  campaign.dialingMode === 'preview' && campaign.deliveryMode === 'manual';

/** One start of one campaign: a notice is shown once per key, never again. */
export const startKey = (campaign: Campaign): string => `${campaign.id}\u0000${campaign.startedAt ?? ''}`;

export function statusLabel(status: string): string {
  switch (status) {
    case 'started':
      return msg('Started');
    case 'running':
      return msg('Running');
    case 'paused':
      return msg('Paused');
    case 'stopped':
      return msg('Stopped');
    case 'completed':
      return msg('Completed');
    default:
      return msg(str`Unknown (${status})`);
  }
}

export function dialingLabel(mode: string): string {
  switch (mode) {
    case 'preview':
      return msg('Preview');
    case 'push-preview':
      return msg('Push preview');
    case 'progressive':
      return msg('Progressive');
    case 'predictive':
      return msg('Predictive');
    default:
      return msg(str`Unknown (${mode})`);
  }
}

export function deliveryLabel(mode: string): string {
  switch (mode) {
    case 'manual':
      return msg('Manual');
    case 'automatic':
      return msg('Automatic');
    default:
      return msg(str`Unknown (${mode})`);
  }
}

/**
 * What a dialing mode means for the agent, in plain words (from the vendor guides: in predictive and progressive
 * modes the system dials and connects answered calls; in preview mode records reach the agent, who reviews and
 * then dials; push preview delivers them automatically, manual delivery means the agent requests each one).
 */
export function modeExplanation(campaign: Campaign): string {
  switch (campaign.dialingMode) {
    case 'preview':
      return campaign.deliveryMode === 'automatic'
        ? msg(
            "Preview: the system sends you calling records from the campaign's list. You review the customer's details, then dial the number yourself.",
          )
        : msg(
            "Preview with manual delivery: when you are ready, you ask for the next record from the campaign's calling list (Get next record), review the customer's details, then dial the number yourself.",
          );
    case 'push-preview':
      return msg(
        "Push preview: the system sends calling records to your desktop automatically when you are Ready. You review the customer's details, then dial the number yourself.",
      );
    case 'progressive':
      return msg(
        'Progressive: the system dials customers from the calling list for you and connects a call to you only when the customer answers.',
      );
    case 'predictive':
      return msg(
        'Predictive: the system dials customers from the calling list for you, predicting when agents will be free, and connects answered calls to you. It may dial before an agent is free, so calls can arrive right after the last one.',
      );
    default:
      return msg('This dialing mode is not known to this version of the list.');
  }
}

const instants = new WeakMap<Campaign, number | null>();

/** `startedAt` as epoch milliseconds, or undefined when missing or invalid (cached per campaign object). */
export function startMs(campaign: Campaign): number | undefined {
  let value = instants.get(campaign);
  if (value === undefined) {
    value = null;
    if (typeof campaign.startedAt === 'string') {
      try {
        value = Temporal.Instant.from(campaign.startedAt).epochMilliseconds;
      } catch {
        value = null;
      }
    }
    instants.set(campaign, value);
  }
  return value ?? undefined;
}

/** The result of checking a list: the campaigns to show (last one wins for a repeated id) and what was wrong. */
export interface CheckedCampaigns {
  campaigns: Campaign[];
  problems: string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';

/**
 * Checks a list from a host or a backend. Entries without an id cannot be tracked and are left out; entries with
 * an unknown status or mode or an invalid start time are kept (shown as unknown) so nothing silently disappears.
 * Every problem is described for the agent's screen.
 */
export function checkCampaigns(list: unknown): CheckedCampaigns {
  const problems: string[] = [];
  if (!Array.isArray(list)) {
    return {campaigns: [], problems: [msg('The campaigns given to the list are not an array.')]};
  }
  const byId = new Map<string, Campaign>();
  list.forEach((entry: unknown, index) => {
    if (!isObject(entry) || typeof entry.id !== 'string' || entry.id === '') {
      problems.push(msg(str`Campaign number ${index + 1} has no id and is not shown.`));
      return;
    }
    const campaign = entry as unknown as Campaign;
    const name = typeof campaign.name === 'string' && campaign.name ? campaign.name : campaign.id;
    if (name !== campaign.name) problems.push(msg(str`Campaign "${campaign.id}" has no name.`));
    if (!STATUSES.includes(campaign.status)) {
      problems.push(msg(str`Campaign "${name}" has an unknown status "${String(campaign.status)}".`));
    }
    if (!DIALING_MODES.includes(campaign.dialingMode)) {
      problems.push(msg(str`Campaign "${name}" has an unknown dialing mode "${String(campaign.dialingMode)}".`));
    }
    if (!DELIVERY_MODES.includes(campaign.deliveryMode)) {
      problems.push(msg(str`Campaign "${name}" has an unknown delivery mode "${String(campaign.deliveryMode)}".`));
    }
    if (campaign.startedAt !== undefined && campaign.startedAt !== null && startMs(campaign) === undefined) {
      problems.push(msg(str`Campaign "${name}" has an invalid start time "${String(campaign.startedAt)}".`));
    }
    if (byId.has(campaign.id)) {
      problems.push(msg(str`Campaign id "${campaign.id}" appears more than once: the last one is shown.`));
      byId.delete(campaign.id);
    }
    byId.set(campaign.id, name === campaign.name ? campaign : {...campaign, name});
  });
  return {campaigns: [...byId.values()], problems};
}

const statusRank = (status: string): number => {
  const rank = STATUSES.indexOf(status as CampaignStatus);
  return rank < 0 ? STATUSES.length : rank;
};

/** The rows to show: filtered, then sorted (stable: ties by name, then id; missing start times always last). */
export function buildView(
  campaigns: readonly Campaign[],
  {
    filter,
    sortBy,
    direction,
    collator,
  }: {filter: CampaignFilter; sortBy: CampaignSortKey; direction: SortDirection; collator: Intl.Collator},
): {rows: Campaign[]; liveCount: number} {
  let liveCount = 0;
  const rows: Campaign[] = [];
  for (const campaign of campaigns) {
    const live = isLive(campaign);
    if (live) liveCount++;
    if (live || filter === 'all') rows.push(campaign);
  }
  const sign = direction === 'descending' ? -1 : 1;
  const byName = (a: Campaign, b: Campaign) =>
    collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  let compare: (a: Campaign, b: Campaign) => number;
  switch (sortBy) {
    case 'name':
      compare = (a, b) => sign * byName(a, b);
      break;
    case 'status':
      compare = (a, b) => sign * (statusRank(a.status) - statusRank(b.status)) || byName(a, b);
      break;
    default:
      compare = (a, b) => {
        const [x, y] = [startMs(a), startMs(b)];
        if (x === undefined || y === undefined) {
          // Campaigns that never started go last in both directions.
          return x === y ? byName(a, b) : x === undefined ? 1 : -1;
        }
        return sign * (x - y) || byName(a, b);
      };
  }
  rows.sort(compare);
  return {rows, liveCount};
}
