// A plain page, no framework: objects go in as properties, results come back as DOM events.
import {agent, campaigns, clock, contact, crm, eventsOnly, nextRecord, policy, summarize} from '../shared/crm.js';

const session = document.querySelector('agent-session');
const scheduler = document.querySelector('callback-scheduler');
const list = document.querySelector('callback-list');
const campaignList = document.querySelector('campaign-list');
const log = document.querySelector('#event-log');

document.querySelector('#mode').textContent = eventsOnly
  ? 'Events only: this page answers the elements’ requests.'
  : 'Adapter: the elements call the backend.';

/** Appends one event to the page's log. */
function record(event) {
  const detail = summarize(event);
  const item = document.createElement('li');
  item.dataset.event = event.type;
  item.dataset.detail = JSON.stringify(detail);
  item.textContent = `${event.type} ${JSON.stringify(detail)}`;
  log.append(item);
}

// The events bubble and are composed: one listener per type on the document sees every element's events.
for (const type of [
  'availability-request',
  'callback-submit',
  'callback-scheduled',
  'callback-rescheduled',
  'callback-schedule-error',
  'callback-cancel',
  'callback-due',
  'callback-launch',
  'callback-cancel-request',
  'callback-canceled',
  'callback-list-error',
  'campaign-started',
  'campaign-select',
  'preview-record-request',
  'logout-request',
  'logout-authorized',
  'logout-canceled',
  'logout-error',
]) {
  document.addEventListener(type, record);
}

// The next record of a preview campaign always comes from the host, whatever the integration.
document.addEventListener('preview-record-request', (event) => {
  event.detail.respondWith(nextRecord(event.detail.campaign.id, event.detail.signal));
});

if (eventsOnly) {
  // The page owns the data and answers each request with detail.respondWith(promise), synchronously inside the
  // listener. Listen before the elements start: the scheduler asks for slots as soon as it renders.
  const refreshList = async () => {
    list.callbacks = await crm.listCallbacks({agentId: agent.id});
  };
  document.addEventListener('availability-request', (event) => {
    event.detail.respondWith(crm.getAvailability(event.detail.query));
  });
  document.addEventListener('callback-submit', (event) => {
    const {request, operation, callbackId, idempotencyKey} = event.detail;
    const saving =
      operation === 'reschedule'
        ? crm.rescheduleCallback(callbackId, request, {idempotencyKey})
        : crm.scheduleCallback(request, {idempotencyKey});
    event.detail.respondWith(saving); // the scheduler shows "Saving…", then the callback or the error
    saving.then(refreshList, () => {}); // a failure is the scheduler's to show
  });
  document.addEventListener('callback-cancel-request', (event) => {
    const canceling = crm.cancelCallback(event.detail.callback.id);
    event.detail.respondWith(canceling); // the row goes only once this resolves
    canceling.then(refreshList, () => {});
  });
  document.addEventListener('logout-request', (event) => {
    event.detail.respondWith(crm.requestLogout({agentId: event.detail.agentId ?? agent.id}));
  });
  campaignList.campaigns = campaigns;
  session.eventsOnly = true; // no backend, not even the demo one
  await refreshList();
} else {
  session.backend = crm; // the adapter: the elements do the calls themselves
}

// Properties can be set before the elements are defined: each element takes them over when it upgrades.
session.agent = agent;
session.policy = policy;
session.clock = clock;
scheduler.contact = contact;
list.contacts = [contact]; // names the customers of the list's rows

// Registers every element (or import 'callback-kit/callback-scheduler.js' and so on for only some).
await import('callback-kit');

document.body.dataset.ready = 'true';
