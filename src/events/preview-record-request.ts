import type {Campaign} from '../core/types.js';
import type {Responder} from './responder.js';

/** A calling record from a campaign's calling list, as the host hands it back. */
export interface PreviewRecord {
  /** The record's id in the host's calling list. */
  id: string;
  /** Who the record is about, shown to the agent. */
  contactName?: string;
  /** The number to dial, E.164. */
  phone?: string;
  /** Anything else the host keeps with the record; the element ignores it. */
  data?: Record<string, unknown>;
}

export interface PreviewRecordRequestDetail extends Responder<PreviewRecord | null> {
  /** The manual preview campaign to take the next record from (a copy). */
  campaign: Campaign;
  /** The agent asking, when known. */
  agentId?: string;
  /** Aborted when the element stops waiting (timeout, or the element was removed): cancel your fetch. */
  signal: AbortSignal;
}

/**
 * The agent asked for the next record of a manual preview campaign ("Get next record"). The host fetches it:
 * call `event.detail.respondWith(promise)` synchronously in the listener with a promise of the `PreviewRecord`
 * (or `null` when the calling list has no record left). The button stays busy until the promise settles or the
 * element's `request-timeout` passes, then shows the record or the error.
 *
 * Cancelable: `preventDefault()` without `respondWith` means the host handles the request entirely on its own
 * (the element goes back to idle and shows nothing). Bubbles, composed.
 */
export class PreviewRecordRequestEvent extends Event {
  readonly detail: PreviewRecordRequestDetail;

  constructor(detail: PreviewRecordRequestDetail) {
    super('preview-record-request', {bubbles: true, composed: true, cancelable: true});
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'preview-record-request': PreviewRecordRequestEvent;
  }
}
