// A React 19 host. React 19 passes props to custom elements as properties when the element has that property
// (so objects arrive as objects) and turns `on<event-name>` props into event listeners. The tags' JSX types are the
// package's own (callback-kit/jsx); callback-kit/react has components that do the same without the element having
// to be defined first (see consumers/react-vite and docs/frameworks.md).
import 'callback-kit'; // registers the elements before React renders them
import type {} from 'callback-kit/jsx'; // the kit's tags in JSX.IntrinsicElements, typed
import type {
  AvailabilityRequestEvent,
  Callback,
  CallbackCancelRequestEvent,
  CallbackSubmitEvent,
  LogoutRequestEvent,
  PreviewRecordRequestEvent,
} from 'callback-kit';
import {StrictMode, useCallback, useEffect, useState, type CSSProperties} from 'react';
import {createRoot} from 'react-dom/client';
import {agent, campaigns, clock, contact, crm, eventsOnly, nextRecord, policy, summarize} from '../shared/crm.js';

interface LogEntry {
  n: number;
  type: string;
  detail: Record<string, unknown>;
}

const contacts = [contact];

function App() {
  const [log, setLog] = useState<LogEntry[]>([]);
  // Events only, the host owns the list's data; with the adapter the list loads it from the backend itself.
  const [callbacks, setCallbacks] = useState<Callback[] | undefined>(eventsOnly ? [] : undefined);

  const record = useCallback((event: Event) => {
    const detail = summarize(event);
    setLog((entries) => [...entries, {n: entries.length, type: event.type, detail}]);
  }, []);

  const refreshList = useCallback(async () => {
    if (eventsOnly) setCallbacks(await crm.listCallbacks({agentId: agent.id}));
  }, []);

  useEffect(() => {
    void refreshList();
    document.body.dataset.ready = 'true';
  }, [refreshList]);

  // Events-only answers: call detail.respondWith(promise) synchronously inside the listener.
  const onAvailabilityRequest = (event: AvailabilityRequestEvent) => {
    record(event);
    if (eventsOnly) event.detail.respondWith(crm.getAvailability(event.detail.query));
  };

  const onCallbackSubmit = (event: CallbackSubmitEvent) => {
    record(event);
    if (!eventsOnly) return; // the scheduler saves through its backend
    const {request, operation, callbackId, idempotencyKey} = event.detail;
    const saving =
      operation === 'reschedule' && callbackId
        ? crm.rescheduleCallback(callbackId, request, {idempotencyKey})
        : crm.scheduleCallback(request, {idempotencyKey});
    event.detail.respondWith(saving);
    saving.then(refreshList, () => {}); // a failure is the scheduler's to show
  };

  const onCancelRequest = (event: CallbackCancelRequestEvent) => {
    record(event);
    if (!eventsOnly) return;
    const canceling = crm.cancelCallback(event.detail.callback.id);
    event.detail.respondWith(canceling);
    canceling.then(refreshList, () => {});
  };

  // The next record of a preview campaign always comes from the host, whatever the integration.
  const onPreviewRecordRequest = (event: PreviewRecordRequestEvent) => {
    record(event);
    event.detail.respondWith(nextRecord(event.detail.campaign.id, event.detail.signal));
  };

  const onLogoutRequest = (event: LogoutRequestEvent) => {
    record(event);
    if (eventsOnly) event.detail.respondWith(crm.requestLogout({agentId: event.detail.agentId ?? agent.id}));
  };

  return (
    <agent-session
      agent={agent}
      policy={policy}
      clock={clock}
      backend={eventsOnly ? undefined : crm}
      eventsOnly={eventsOnly}
    >
      <header>
        <h1>callback-kit in a React 19 app</h1>
        <span className="mode" id="mode">
          {eventsOnly
            ? 'Events only: this app answers the elements’ requests.'
            : 'Adapter: the elements call the backend.'}
        </span>
      </header>
      <main className="layout">
        <section aria-labelledby="scheduler-title">
          <h2 id="scheduler-title">Schedule a callback</h2>
          <callback-scheduler
            contact={contact}
            headingLevel={3}
            onavailability-request={onAvailabilityRequest}
            oncallback-submit={onCallbackSubmit}
            oncallback-scheduled={record}
            oncallback-rescheduled={record}
            oncallback-schedule-error={record}
            oncallback-cancel={record}
          />
        </section>
        <div className="side">
          <section aria-labelledby="list-title">
            <h2 id="list-title">My callbacks</h2>
            <callback-list
              callbacks={callbacks}
              contacts={contacts}
              headingLevel={3}
              style={{'--ck-callback-list-height': '16rem'} as CSSProperties}
              oncallback-due={record}
              oncallback-launch={record}
              oncallback-cancel-request={onCancelRequest}
              oncallback-canceled={record}
              oncallback-list-error={record}
            />
          </section>
          <section aria-labelledby="campaigns-title">
            <h2 id="campaigns-title">My campaigns</h2>
            <campaign-list
              campaigns={eventsOnly ? campaigns : undefined}
              oncampaign-started={record}
              oncampaign-select={record}
              onpreview-record-request={onPreviewRecordRequest}
            />
          </section>
          <section aria-labelledby="logout-title">
            <h2 id="logout-title">Session</h2>
            <logout-countdown
              onlogout-request={onLogoutRequest}
              onlogout-authorized={record}
              onlogout-canceled={record}
              onlogout-error={record}
            />
          </section>
          <section aria-labelledby="log-title">
            <h2 id="log-title">Events received by the app</h2>
            <ol id="event-log" aria-live="polite">
              {log.map((entry) => (
                <li key={entry.n} data-event={entry.type} data-detail={JSON.stringify(entry.detail)}>
                  {entry.type} {JSON.stringify(entry.detail)}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </main>
    </agent-session>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
