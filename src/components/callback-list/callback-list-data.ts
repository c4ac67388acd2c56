/**
 * What `<callback-list>` lists from its backend in one load: the agent's callbacks (unless the host sets them), the
 * agent's campaigns (to accept live changes of their callbacks) and the contacts (to name customers), which changed
 * callbacks belong in the agent's list, and how a load and the backend's live events change the list.
 */
import {msg, str} from '@lit/localize';
import type {ReactiveControllerHost} from 'lit';
import type {BackendEvent} from '../../core/backend.js';
import {CallbackKitError, ValidationError, type FieldError} from '../../core/errors.js';
import type {Callback, Contact} from '../../core/types.js';
import {CallbackHandedOffEvent} from '../../events/callback-handed-off.js';
import type {LiveLoadRequest} from '../../internal/controllers/live-collection.js';
import {isAbort, toKitError} from '../../internal/errors.js';
import {isolate} from '../../internal/format.js';
import type {CallbackListModel} from './callback-list-model.js';
import type {HandOff} from './hand-off.js';

/** What a load produces. */
export interface Loaded {
  /** Undefined when the host owns `.callbacks`. */
  callbacks?: Callback[];
  /** The agent's campaigns (to accept live changes of their callbacks); undefined when unknown. */
  campaignIds?: Set<string>;
  contacts?: Contact[];
  /** `listContacts` failed (e.g. a server without the contact routes): customers cannot be named. */
  contactsError?: CallbackKitError;
}

/** Lists what the list needs; `listContacts` only when the host gave no contacts. */
export async function loadCallbackData(
  {backend, hostOwned, signal}: LiveLoadRequest,
  agentId: string | undefined,
  contactsGiven: boolean,
): Promise<Loaded> {
  if (!hostOwned && !agentId) {
    throw new ValidationError([
      {field: 'agent', code: 'required', message: msg('No agent: set .agent or place the list in <agent-session>.')},
    ]);
  }
  const [callbacks, campaigns, contacts] = await Promise.all([
    hostOwned ? undefined : backend.listCallbacks({agentId: agentId!}, {signal}),
    agentId ? backend.listCampaigns({agentId}, {signal}).catch(() => undefined) : undefined,
    !contactsGiven && typeof backend.listContacts === 'function'
      ? Promise.resolve()
          .then(() => backend.listContacts!({signal}))
          .catch((error: unknown) => (isAbort(error) ? undefined : toKitError(error)))
      : undefined,
  ]);
  const failed = contacts instanceof CallbackKitError ? contacts : undefined;
  return {
    callbacks,
    campaignIds: campaigns && new Set(campaigns.map((c) => c.id)),
    contacts: failed ? undefined : (contacts as Contact[] | undefined),
    contactsError: failed,
  };
}

/**
 * Whether a changed callback belongs in the agent's list: one it shows already, the agent's personal callback, or a
 * callback of one of the agent's campaigns (when those are unknown: of a campaign the list shows a callback of).
 */
export function belongsToAgent(
  callback: Callback,
  agentId: string | undefined,
  campaignIds: Set<string> | undefined,
  shown: {has(id: string): boolean; items(): Iterable<{callback: Callback}>},
): boolean {
  if (shown.has(callback.id)) return true;
  if (callback.type === 'personal') return !!agentId && callback.ownerAgentId === agentId;
  if (!callback.campaignId) return false;
  if (campaignIds) return campaignIds.has(callback.campaignId);
  for (const item of shown.items()) if (item.callback.campaignId === callback.campaignId) return true;
  return false;
}

/** What {@link LiveChanges} needs from `<callback-list>`. */
export interface LiveChangesOptions {
  /** The list's callbacks: a load replaces them (unless the host owns them), a change goes in. */
  model: CallbackListModel;
  handOff: Pick<HandOff, 'markHandedOff'>;
  agentId(): string | undefined;
  /** The host set `.callbacks`: a load leaves them alone. */
  hostOwned(): boolean;
  /** The customer's name (for the announcement of a hand-off). */
  name(callback: Callback): string;
  announce(text: string): void;
  /** Shows and reports invalid callbacks (`replace`: a full load replaces the earlier problems). */
  reportData(errors: FieldError[], replace: boolean): void;
  /**
   * A load arrived: the load error is gone; `contactsError` (undefined when the contacts were listed or not asked
   * for) says why customers cannot be named: show and report it, never a silent "Unknown customer".
   */
  loaded(contactsError: CallbackKitError | undefined): void;
  /** The backend listed contacts: name the customers with them (see {@link LiveChanges.contacts}). */
  indexContacts(): void;
  /** Events were missed (`resync`): the collection loads everything again; retry the failed status writes. */
  resynced(): void;
}

/**
 * Applies what the list's live collection delivers: a load (callbacks, campaigns, contacts, then the events that
 * arrived meanwhile) and the backend's events (`callback-changed`, `callback-handed-off`, `resync`).
 * `callback-handed-off` is dispatched on the host element.
 */
export class LiveChanges {
  /** The contacts the backend listed (undefined until a load listed them). */
  contacts?: Contact[];
  /** The agent's campaigns (undefined: unknown, e.g. after subscribing to a new backend). */
  campaignIds?: Set<string>;
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #options: LiveChangesOptions;

  constructor(host: ReactiveControllerHost & EventTarget, options: LiveChangesOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** A backend event outside a load (or one that arrived during it, applied after it). */
  event(event: BackendEvent): void {
    if (event.type === 'resync') {
      // Events were missed: the collection loads everything again, keeping the agent's place (the current row,
      // filters, scroll); retry the status writes that failed.
      this.#options.resynced();
      return;
    }
    if (event.type === 'callback-handed-off' && event.callback) {
      const {model, handOff} = this.#options;
      if (!model.has(event.callback.id) && event.fromAgentId !== this.#options.agentId()) return;
      if (!handOff.markHandedOff(event.callback.id)) return;
      const name = isolate(this.#options.name(event.callback));
      this.#options.announce(msg(str`The callback with ${name} was handed to the campaign.`));
      this.#host.dispatchEvent(new CallbackHandedOffEvent({callback: event.callback, fromAgentId: event.fromAgentId}));
      this.change(event.callback);
      return;
    }
    if (event.type === 'callback-changed' && event.callback) this.change(event.callback);
  }

  /** A changed callback (live, or saved by a status write): in the list when it belongs to the agent. */
  change(callback: Callback): void {
    const {model} = this.#options;
    if (!belongsToAgent(callback, this.#options.agentId(), this.campaignIds, model)) return;
    const errors = model.upsert(callback);
    if (errors.length) this.#options.reportData(errors, false);
    this.#host.requestUpdate();
  }

  /** A load completed: apply it, then the events that arrived while it ran (`early`, in order). */
  loaded(loaded: Loaded, early: BackendEvent[]): void {
    this.campaignIds = loaded.campaignIds;
    this.#options.loaded(loaded.contactsError);
    if (loaded.contacts) {
      this.contacts = loaded.contacts;
      this.#options.indexContacts();
    }
    if (loaded.callbacks && !this.#options.hostOwned()) {
      this.#options.reportData(this.#options.model.replaceAll(loaded.callbacks), true);
    }
    // What changed while the list was on its way goes on top of it: nothing is lost.
    for (const event of early) this.event(event);
    this.#host.requestUpdate();
  }
}
