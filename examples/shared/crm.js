// What the three example hosts share: the agent, the customer on screen, the scheduling rules, a clock, and a
// stand-in for the CRM's own data layer. A real host gets these from its session and its API; here a
// MemoryBackend on a ManualClock plays the CRM so the examples (and their browser tests) are deterministic.
import {ManualClock} from 'callback-kit/core';
import {MemoryBackend} from 'callback-kit/memory-backend';

/**
 * `?mode=events` runs the host events-only: `<agent-session events-only>` gets no backend, and the host answers
 * the elements' request events (`detail.respondWith(promise)`) from its own data layer (`crm` below).
 * Without it the elements get `crm` as their backend adapter and do the calls themselves.
 */
export const eventsOnly = new URLSearchParams(location.search).get('mode') === 'events';

/** Monday 15 June 2026, 09:00 in New York: time stands still unless the host advances it. */
export const clock = new ManualClock('2026-06-15T13:00:00Z');

/** The signed-in agent. @type {import('callback-kit/core').Agent} */
export const agent = {id: 'agent-ada', name: 'Ada Park', timeZone: 'America/New_York', locale: 'en-US'};

/** The customer in front of the agent: a San Francisco mobile number, so Pacific time. @type {import('callback-kit/core').Contact} */
export const contact = {
  id: 'crm-4711',
  name: 'Grace Hopper',
  timeZone: 'America/Los_Angeles',
  phones: [{number: '+14155267890', type: 'mobile'}],
};

/** The contact centre's rules: personal callbacks only, two weeks ahead. @type {Partial<import('callback-kit/core').SchedulingPolicy>} */
export const policy = {callbackTypes: 'personal', maxDaysAhead: 14, reminderLeadMinutes: 10};

/** The agent's outbound campaigns: one manual preview campaign, where the agent asks for each record. @type {import('callback-kit/core').Campaign[]} */
export const campaigns = [
  {
    id: 'camp-renewals',
    name: 'Summer Renewals',
    status: 'running',
    dialingMode: 'preview',
    deliveryMode: 'manual',
    startedAt: '2026-06-15T12:00:00Z',
    agentIds: [agent.id],
  },
];

/** The CRM's data layer (a `SchedulingBackend`): the adapter in adapter mode, the host's own store events-only. */
export const crm = new MemoryBackend({clock, seed: 8, demo: false, agents: [agent], contacts: [contact], campaigns});

const callingList = [
  {id: 'rec-101', contactName: 'Alan Turing', phone: '+12125550143'},
  {id: 'rec-102', contactName: 'Katherine Johnson', phone: '+17575550188'},
];

/**
 * The next record of a preview campaign's calling list, or null when it is empty: the host's answer to
 * `preview-record-request` (the backend contract has no such call, so hosts answer it in both integrations).
 * @param {string} campaignId
 * @param {AbortSignal} signal aborted when the element stops waiting
 * @returns {Promise<import('callback-kit').PreviewRecord | null>}
 */
export async function nextRecord(campaignId, signal) {
  signal.throwIfAborted();
  return campaignId === 'camp-renewals' ? (callingList.shift() ?? null) : null;
}

/**
 * A JSON-able summary of a callback-kit event's `detail`, for the hosts' event logs (the browser tests read them).
 * @param {Event & {detail?: any}} event
 * @returns {Record<string, unknown>}
 */
export function summarize(event) {
  const d = event.detail ?? {};
  switch (event.type) {
    case 'callback-submit':
      return {operation: d.operation, start: d.request.start, contactId: d.request.contactId, key: d.idempotencyKey};
    case 'callback-scheduled':
    case 'callback-rescheduled':
      return {id: d.callback.id, start: d.callback.start, status: d.callback.status, contactId: d.callback.contactId};
    case 'callback-schedule-error':
      return {error: d.error?.name, message: d.error?.message};
    case 'callback-launch':
    case 'callback-canceled':
    case 'callback-cancel-request':
    case 'callback-due':
    case 'callback-expired':
      return {id: d.callback.id, status: d.callback.status, customer: d.contact?.name};
    case 'callback-list-error':
      return {operation: d.operation, message: d.error?.message};
    case 'availability-request':
      return {from: d.query.from, to: d.query.to, type: d.query.type};
    case 'campaign-started':
      return {id: d.campaign.id, status: d.campaign.status, startedBeforeLogin: d.startedBeforeLogin};
    case 'campaign-select':
      return {id: d.campaign.id};
    case 'preview-record-request':
      return {campaignId: d.campaign.id, agentId: d.agentId};
    case 'logout-request':
      return {agentId: d.agentId, trigger: d.trigger, hasBackend: d.hasBackend};
    case 'logout-authorized':
      return {agentId: d.agentId, deferred: d.deferred, source: d.source};
    case 'logout-canceled':
      return {agentId: d.agentId};
    case 'logout-error':
      return {operation: d.operation, message: d.error?.message};
    default:
      return {};
  }
}
