/**
 * "Get next record" of `<campaign-list>`'s manual preview campaigns: asks the host with `preview-record-request`
 * (answered with `detail.respondWith(promise)`, through the kit's one ask-the-host protocol) and keeps, per campaign,
 * the request's state and the message the row shows (the record, none left, the host's error or the timeout).
 * `preventDefault()` alone means the host handles it entirely (nothing shown).
 */
import {msg, str} from '@lit/localize';
import type {ReactiveControllerHost} from 'lit';
import {HostTimeoutError} from '../../core/errors.js';
import type {Campaign} from '../../core/types.js';
import {PreviewRecordRequestEvent, type PreviewRecord} from '../../events/preview-record-request.js';
import {createResponder} from '../../events/responder.js';
import {HostRequestController} from '../../internal/controllers/host-request.js';
import {isolate} from '../../internal/format.js';
import {errorMessage} from '../../internal/localization.js';
import {isLive} from './campaign-list-model.js';
import type {RecordRequest} from './campaign-list-templates.js';
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

export class PreviewRecords {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PreviewRecordsOptions;
  readonly #ask: HostRequestController;
  readonly #requests = new Map<string, RecordRequest>();

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

  async request(campaign: Campaign): Promise<void> {
    const id = campaign.id;
    if (this.#requests.get(id)?.state === 'busy' || !isLive(campaign)) return;
    const controller = new AbortController();
    const responder = createResponder<PreviewRecord | null>();
    const event = new PreviewRecordRequestEvent({
      campaign: copyCampaign(campaign),
      agentId: this.#options.agentId(),
      signal: controller.signal,
      respondWith: (response) => responder.respondWith(response),
    });
    const timeout = this.#options.timeout();
    const asked = this.#ask.ask({event, responder, timeout, signal: controller.signal});
    if (!responder.response) {
      // Answered at once: refused (the host took it over), or nothing answered (NoHandlerError).
      asked.catch((error: unknown) => console.warn((error as Error).message));
      if (event.defaultPrevented) this.#set(id, undefined);
      else {
        const message = msg('Records cannot be requested here: nothing answered the request.');
        this.#set(id, {state: 'error', message});
        this.#options.announce(message);
      }
      return;
    }
    this.#set(id, {state: 'busy', controller});
    try {
      const outcome = await asked;
      const record = outcome.refused ? undefined : outcome.value;
      let message: string;
      if (record === null || record === undefined) {
        message = msg(str`No records left in the calling list of ${isolate(campaign.name)}.`);
      } else if (typeof record !== 'object' || typeof record.id !== 'string' || !record.id) {
        throw new TypeError(msg('The answer to the request is not a record (it has no id).'));
      } else {
        const who = [record.contactName, record.phone].filter((part) => typeof part === 'string' && part).join(', ');
        message = who ? msg(str`Next record: ${who}.`) : msg(str`Next record: ${record.id}.`);
      }
      if (this.#requests.get(id)?.controller !== controller) return;
      this.#set(id, {state: 'done', message});
      this.#options.announce(msg(str`${isolate(campaign.name)}: ${message}`));
    } catch (error) {
      // Removed from the page, or another agent signed in meanwhile: nothing to show.
      if (this.#requests.get(id)?.controller !== controller) return;
      // The host's own error (a CallbackKitError says precisely what failed), or the element's timeout.
      const message =
        error instanceof HostTimeoutError
          ? msg(str`No record arrived within ${Math.max(1, Math.round(timeout / 1000))} seconds. Try again.`)
          : msg(str`The record could not be fetched: ${errorText(error)}`);
      if (!controller.signal.aborted) controller.abort(error);
      this.#set(id, {state: 'error', message});
      this.#options.announce(msg(str`${isolate(campaign.name)}: ${message}`));
    }
  }

  #set(id: string, request: RecordRequest | undefined): void {
    if (request) this.#requests.set(id, request);
    else this.#requests.delete(id);
    this.#host.requestUpdate();
  }
}
