import {createContext} from '@lit/context';
import type {Campaign, Contact, Phone} from '../core/types.js';

/** A disposition an agent can pick after a call; `requiresCallback` reveals the next-call controls. */
export interface Disposition {
  id: string;
  label: string;
  requiresCallback: boolean;
}

/**
 * The contact and call in front of the agent: what `<callback-scheduler>` fills itself from.
 * Provided by the host (a Lit host with `@provide`, or `<agent-session>`'s `.interaction` property).
 */
export interface Interaction {
  contact?: Contact;
  /** The number being called or the customer called from. */
  phone?: Phone;
  campaign?: Campaign;
  /** The disposition the agent picked, if any. */
  disposition?: Disposition;
}

export const interactionContext = createContext<Interaction>(Symbol.for('callback-kit/interaction'));
