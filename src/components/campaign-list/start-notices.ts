/**
 * The start notices of `<campaign-list>`: each start of a campaign (its id + `startedAt`) is told once. On the first
 * list for an agent (the login snapshot) the campaigns already running give ONE combined notice and one
 * `campaign-started` each with `startedBeforeLogin: true`; later starts (live, or found by a reload) get a notice
 * each. Neither a reload, a status change (started -> running) nor a dismissal brings one back.
 */
import {msg, str} from '@lit/localize';
import type {ReactiveControllerHost} from 'lit';
import type {Campaign} from '../../core/types.js';
import {CampaignStartedEvent} from '../../events/campaign-started.js';
import {isolate} from '../../internal/format.js';
import {isLive, startKey, startMs} from './campaign-list-model.js';
import type {Notice} from './campaign-list-templates.js';

/** Names listed in the combined "already running" notice before "and N more". */
const NOTICE_NAMES = 5;

/** A copy the host may keep or change (events carry copies). */
export function copyCampaign(campaign: Campaign): Campaign {
  try {
    return structuredClone(campaign);
  } catch {
    return {...campaign, ...(campaign.agentIds ? {agentIds: [...campaign.agentIds]} : {})};
  }
}

export interface StartNoticesOptions {
  nowMs(): number;
  locale(): string | undefined;
}

export class StartNotices {
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: StartNoticesOptions;
  /** Starts the agent has been told about (or the host took over): never repeated. */
  readonly #seen = new Set<string>();
  #serial = 0;
  /** The agent whose login snapshot was taken; undefined until then. */
  loginAgent?: string;
  /** On screen, oldest first. */
  notices: Notice[] = [];

  constructor(host: ReactiveControllerHost & EventTarget, options: StartNoticesOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Another agent signed in: what was told to the previous one does not count for this one. */
  reset(): void {
    this.loginAgent = undefined;
    this.#seen.clear();
    this.notices = [];
    this.#host.requestUpdate();
  }

  dismiss(id: string): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.#host.requestUpdate();
  }

  dismissAll(): void {
    this.notices = [];
    this.#host.requestUpdate();
  }

  /**
   * A list for an agent: the first one is the login snapshot (one combined notice for what already ran; starts seen
   * meanwhile are new), later ones tell only the starts not told yet. `dispatch`: fire `campaign-started` (never for
   * the host's own data).
   */
  snapshot(campaigns: Campaign[], startedMeanwhile: Campaign[], agent: string, dispatch: boolean): void {
    if (this.loginAgent === agent) {
      this.announce([...campaigns, ...startedMeanwhile], false, dispatch);
      return;
    }
    this.loginAgent = agent;
    const meanwhile = new Set(startedMeanwhile.map(startKey));
    this.announce(
      campaigns.filter((c) => !meanwhile.has(startKey(c))),
      true,
      dispatch,
    );
    this.announce(startedMeanwhile, false, true);
  }

  /**
   * Tells the agent about live campaigns whose start they have not been told about: one `campaign-started` each
   * (when `dispatch`; cancelable, to replace the notice), then one notice each, or one combined notice before login.
   */
  announce(campaigns: Campaign[], beforeLogin: boolean, dispatch: boolean): void {
    const fresh = campaigns.filter((c) => isLive(c) && !this.#seen.has(startKey(c)));
    if (!fresh.length) return;
    for (const campaign of fresh) this.#seen.add(startKey(campaign));
    const shown = dispatch
      ? fresh.filter((campaign) =>
          this.#host.dispatchEvent(
            new CampaignStartedEvent({campaign: copyCampaign(campaign), startedBeforeLogin: beforeLogin}),
          ),
        )
      : fresh;
    if (!shown.length) return;
    const now = this.#options.nowMs();
    const added: Notice[] = beforeLogin
      ? [{id: `notice-${++this.#serial}`, kind: 'before-login', message: this.#beforeLoginMessage(shown)}]
      : shown.map((campaign) => ({
          id: `notice-${++this.#serial}`,
          kind: 'started' as const,
          message: msg(str`Campaign ${isolate(campaign.name)} has started.`),
          at: startMs(campaign) ?? now,
        }));
    this.notices = [...this.notices, ...added];
    this.#host.requestUpdate();
  }

  #beforeLoginMessage(campaigns: Campaign[]): string {
    if (campaigns.length === 1) {
      return msg(str`Campaign ${isolate(campaigns[0].name)} was already running when you logged in.`);
    }
    const names = campaigns.slice(0, NOTICE_NAMES).map((c) => isolate(c.name));
    if (campaigns.length > NOTICE_NAMES) names.push(msg(str`${campaigns.length - NOTICE_NAMES} more`));
    let list: string;
    try {
      list = new Intl.ListFormat(this.#options.locale(), {type: 'conjunction'}).format(names);
    } catch {
      list = names.join(', ');
    }
    return msg(str`${campaigns.length} campaigns were already running when you logged in: ${list}.`);
  }
}
