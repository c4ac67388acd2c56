import type {AvailabilityQuery} from '../core/backend.js';
import type {Slot} from '../core/types.js';
import type {Responder} from './responder.js';

export interface AvailabilityRequestDetail extends Responder<Slot[]> {
  query: AvailabilityQuery;
}

/**
 * `<callback-scheduler>` needs slots for a range. Answer with `detail.respondWith(promise of Slot[])` to supply them
 * (events-only integration, or to override the backend). Unanswered, the element asks its backend, or without one
 * offers every policy slot (checked against the calling window). Bubbles, composed.
 */
export class AvailabilityRequestEvent extends Event {
  readonly detail: AvailabilityRequestDetail;

  constructor(detail: AvailabilityRequestDetail) {
    super('availability-request', {bubbles: true, composed: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'availability-request': AvailabilityRequestEvent;
  }
}
