import type {Campaign} from '../core/types.js';

export interface CampaignStartedDetail {
  /** The campaign as the element knows it (a copy): status `started` or `running`, `startedAt` when known. */
  campaign: Campaign;
  /**
   * `true` when the campaign was already running when the list first loaded for this agent (the "login"
   * snapshot), `false` when it started while the list was open.
   */
  startedBeforeLogin: boolean;
}

/**
 * A campaign the agent is assigned to has started (or had started before the agent logged in). Fired once per
 * campaign start (tracked by campaign id and `startedAt`), for starts the element learns from its backend: the
 * subscription, or the first load (one event per campaign already running, `startedBeforeLogin: true`).
 *
 * Cancelable: `preventDefault()` to show your own notice instead of the element's. Bubbles, composed.
 */
export class CampaignStartedEvent extends Event {
  readonly detail: CampaignStartedDetail;

  constructor(detail: CampaignStartedDetail) {
    super('campaign-started', {bubbles: true, composed: true, cancelable: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-started': CampaignStartedEvent;
  }
}
