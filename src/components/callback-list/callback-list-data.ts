/**
 * What `<callback-list>` lists from its backend in one load: the agent's callbacks (unless the host sets them), the
 * agent's campaigns (to accept live changes of their callbacks) and the contacts (to name customers), and which
 * changed callbacks belong in the agent's list.
 */
import {msg} from '@lit/localize';
import type {LiveLoadRequest} from '../../internal/controllers/live-collection.js';
import {CallbackKitError, ValidationError} from '../../core/errors.js';
import type {Callback, Contact} from '../../core/types.js';
import {isAbort, toKitError} from '../../internal/errors.js';

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
