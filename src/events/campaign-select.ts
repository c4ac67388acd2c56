import type {Campaign} from '../core/types.js';

export interface CampaignSelectDetail {
  /** The selected campaign (a copy). */
  campaign: Campaign;
}

/** The agent selected a campaign (click, Enter or Space on its row). Fired on user action only. Bubbles, composed. */
export class CampaignSelectEvent extends Event {
  readonly detail: CampaignSelectDetail;

  constructor(detail: CampaignSelectDetail) {
    super('campaign-select', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'campaign-select': CampaignSelectEvent;
  }
}
