/**
 * "Get next record" of `<campaign-list>`'s manual preview campaigns: per campaign, the request's state and the
 * message the row shows (the record, none left, the host's error or the timeout).
 *
 * Asking the host (`preview-record-request`, answered with `detail.respondWith(promise)`) is a lazy chunk
 * (`record-request.ts`): no first paint needs it. It starts downloading on intent (`prefetch()`: the pointer enters
 * a "Get next record" button, or the button takes focus), so the request usually goes out at once; a press that
 * comes first keeps the button busy until the chunk is there. When the chunk cannot be downloaded the row shows
 * "The record could not be fetched: …" (announced, like any failed request) and the next press tries again.
 */
import {msg, str} from '@lit/localize';
import type {ReactiveControllerHost} from 'lit';
import {HostTimeoutError} from '../../core/errors.js';
import type {Campaign} from '../../core/types.js';
import {PreviewRecordRequestEvent, type PreviewRecord} from '../../events/preview-record-request.js';
import {createResponder} from '../../events/responder.js';
import {HostRequestController} from '../../internal/controllers/host-request.js';
import {isolate} from '../../internal/format.js';
import {LazyChunk} from '../../internal/lazy-chunk.js';
import {errorMessage} from '../../internal/localization.js';
import {isLive} from './campaign-list-model.js';
import type {RecordRequest} from './campaign-list-templates.js';
import type {RecordAsker} from './record-request.js';
import {copyCampaign} from './start-notices.js';

export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return errorMessage(error);
  if (typeof error === 'string' && error) return error;
  return msg('Something went wrong.');
}

export interface PreviewRecordsOptions {
  agentId(): string | undefined;
  /** Milliseconds to wait for the host's answer (0: no limit). */
  timeout(): number;
  announce(text: string): void;
}

type RecordChunk = typeof import('./record-request.js');
/** The code that asks the host for a record: once for the page; after a failed download the next call tries again. */
const recordChunk = new LazyChunk<RecordChunk>(() => import('./record-request.js'));

/** Downloads the code that asks the host for a record. The list calls it on intent; a page may call it ahead of time. */
export function loadPreviewRecords(): Promise<void> {
  return recordChunk.load().then(() => undefined);
}

export class PreviewRecords {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PreviewRecordsOptions;
  readonly #requests = new Map<string, RecordRequest>();
  readonly #ask: HostRequestController;
  #asker?: RecordAsker;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PreviewRecordsOptions) {
    this.#host = host;
    this.#options = options;
    this.#ask = new HostRequestController(host);
  }

  get(id: string): RecordRequest | undefined {
    return this.#requests.get(id);
  }

  /** Stops waiting for every answer (another agent signed in): nothing is shown for them. */
  clear(): void {
    for (const request of this.#requests.values()) request.controller?.abort();
    this.#requests.clear();
  }

  /** The element left the page: the requests on their way are aborted (`detail.signal`) and forgotten. */
  abortBusy(): void {
    for (const [id, request] of this.#requests) {
      if (request.state !== 'busy') continue;
      request.controller?.abort(new DOMException('The element was removed from the page.', 'AbortError'));
      this.#requests.delete(id);
    }
  }

  /** The agent is about to ask (pointer on, or focus in, a "Get next record" button): download the code now. */
  prefetch = (): void => recordChunk.prefetch(); // a failure is told when a request needs the code

  #askerOf({RecordAsker}: RecordChunk): RecordAsker {
    return (this.#asker ??= new RecordAsker({
      options: this.#options,
      ask: this.#ask,
      get: (id) => this.#requests.get(id),
      set: (id, request) => this.#set(id, request),
      copy: copyCampaign,
      isolate,
      errorText,
      timedOut: (error) => error instanceof HostTimeoutError,
      event: (detail) => new PreviewRecordRequestEvent(detail),
      responder: () => createResponder<PreviewRecord | null>(),
    }));
  }

  /** "Get next record": asks the host at once when the code is there, else as soon as it arrives. */
  request(campaign: Campaign): void {
    const id = campaign.id;
    if (this.#requests.get(id)?.state === 'busy' || !isLive(campaign)) return;
    if (recordChunk.module) {
      void this.#askerOf(recordChunk.module).request(campaign);
      return;
    }
    // Busy until the chunk is there (cleared, removed or another agent meanwhile: the controller is gone).
    const controller = new AbortController();
    const current = () => this.#requests.get(id)?.controller === controller;
    this.#set(id, {state: 'busy', controller});
    recordChunk.load().then(
      (module) => {
        if (!current()) return;
        this.#requests.delete(id);
        void this.#askerOf(module).request(campaign);
      },
      (error: unknown) => {
        if (!current()) return;
        const message = msg(str`The record could not be fetched: ${errorText(error)}`);
        this.#set(id, {state: 'error', message});
        this.#options.announce(msg(str`${isolate(campaign.name)}: ${message}`));
      },
    );
  }

  #set(id: string, request: RecordRequest | undefined): void {
    if (request) this.#requests.set(id, request);
    else this.#requests.delete(id);
    this.#host.requestUpdate();
  }
}
