/**
 * The lazy half of "Get next record" (`preview-records.ts` loads it on intent: the pointer entering a "Get next
 * record" button, or the button taking focus): asks the host with `preview-record-request` (answered with
 * `detail.respondWith(promise)`, through the kit's one ask-the-host protocol) and turns what came of it into the
 * message the row shows (the record, none left, the host's error or the timeout).
 * `preventDefault()` alone means the host handles it entirely (nothing shown).
 */
import {msg, str} from '@lit/localize';
import type {Campaign} from '../../core/types.js';
import type {
  PreviewRecord,
  PreviewRecordRequestDetail,
  PreviewRecordRequestEvent,
} from '../../events/preview-record-request.js';
import type {ResponderState} from '../../events/responder.js';
import type {HostRequestController} from '../../internal/controllers/host-request.js';
import type {RecordRequest} from './campaign-list-templates.js';
import type {PreviewRecordsOptions} from './preview-records.js';

/**
 * What the asker is given by `PreviewRecords` (the element's controller, helpers and the event class): the chunk
 * imports nothing but `@lit/localize`, so a bundler splits no module the page already has out of its eager files
 * (a shared chunk more, in every page with the list, would cost more than this chunk saves).
 */
export interface RecordContext {
  options: PreviewRecordsOptions;
  /** The element's ask-the-host controller (created with it: it follows the element's connection). */
  ask: HostRequestController;
  get(id: string): RecordRequest | undefined;
  set(id: string, request: RecordRequest | undefined): void;
  copy(campaign: Campaign): Campaign;
  isolate(text: string): string;
  errorText(error: unknown): string;
  /** Whether an error is the element's timeout (`HostTimeoutError`). */
  timedOut(error: unknown): boolean;
  event(detail: PreviewRecordRequestDetail): PreviewRecordRequestEvent;
  responder(): ResponderState<PreviewRecord | null>;
}

/** One per element, created when the chunk arrives. */
export class RecordAsker {
  readonly #options: PreviewRecordsOptions;
  readonly #state: RecordContext;
  readonly #ask: HostRequestController;

  constructor(context: RecordContext) {
    this.#options = context.options;
    this.#state = context;
    this.#ask = context.ask;
  }

  /** Dispatches `preview-record-request` at once, then shows what came of it in the row. */
  async request(campaign: Campaign): Promise<void> {
    const id = campaign.id;
    const state = this.#state;
    const {isolate, errorText} = state;
    const controller = new AbortController();
    const responder = state.responder();
    const event = state.event({
      campaign: state.copy(campaign),
      agentId: this.#options.agentId(),
      signal: controller.signal,
      respondWith: (response) => responder.respondWith(response),
    });
    const timeout = this.#options.timeout();
    const asked = this.#ask.ask({event, responder, timeout, signal: controller.signal});
    if (!responder.response) {
      // Answered at once: refused (the host took it over), or nothing answered (NoHandlerError).
      asked.catch((error: unknown) => console.warn((error as Error).message));
      if (event.defaultPrevented) state.set(id, undefined);
      else {
        const message = msg('Records cannot be requested here: nothing answered the request.');
        state.set(id, {state: 'error', message});
        this.#options.announce(message);
      }
      return;
    }
    state.set(id, {state: 'busy', controller});
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
      if (state.get(id)?.controller !== controller) return;
      state.set(id, {state: 'done', message});
      this.#options.announce(msg(str`${isolate(campaign.name)}: ${message}`));
    } catch (error) {
      // Removed from the page, or another agent signed in meanwhile: nothing to show.
      if (state.get(id)?.controller !== controller) return;
      // The host's own error (a CallbackKitError says precisely what failed), or the element's timeout.
      const message = state.timedOut(error)
        ? msg(str`No record arrived within ${Math.max(1, Math.round(timeout / 1000))} seconds. Try again.`)
        : msg(str`The record could not be fetched: ${errorText(error)}`);
      if (!controller.signal.aborted) controller.abort(error);
      state.set(id, {state: 'error', message});
      this.#options.announce(msg(str`${isolate(campaign.name)}: ${message}`));
    }
  }
}
