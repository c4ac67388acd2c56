/** Data for the list tests that need many rows (lazy-chunks, virtualizer-offline). No runtime imports. */
import type {Callback, Campaign} from '../../src/core/types.js';

export const NOW = '2026-11-23T14:00:00Z';
export const AGENT = {id: 'agent-maria', name: 'Maria Lopez', timeZone: 'America/New_York'};

/** `count` callbacks from tomorrow 8:00 AM, 5 minutes apart (up to 99: one Tomorrow heading, `count + 1` entries). */
export const manyCallbacks = (count: number): Callback[] =>
  Array.from({length: count}, (_, i) => ({
    id: `cb-${String(i).padStart(4, '0')}`,
    contactId: 'contact-olivia',
    phone: '+12124561987',
    type: 'personal',
    ownerAgentId: AGENT.id,
    start: new Date(Date.parse('2026-11-24T13:00:00Z') + i * 5 * 60_000).toISOString(),
    timeZone: 'America/New_York',
    kind: 'callback',
    status: 'scheduled',
    createdAt: NOW,
    updatedAt: NOW,
  }));

/** `count` paused campaigns, started a minute apart. */
export const manyCampaigns = (count: number): Campaign[] =>
  Array.from({length: count}, (_, i) => ({
    id: `c-${i}`,
    name: `Campaign ${String(i).padStart(5, '0')}`,
    status: 'paused',
    dialingMode: 'progressive',
    deliveryMode: 'automatic',
    startedAt: new Date(Date.parse(NOW) - i * 60_000).toISOString(),
  }));
