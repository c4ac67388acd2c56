// A Vue 3 host. Templates are compiled in the browser here (the full `vue` build), exactly as an SFC template
// would be at build time. Three things matter with custom elements:
// - tell the compiler which tags are custom elements (`compilerOptions.isCustomElement`, callback-kit/vue's
//   `isCallbackKitElement`);
// - bind objects with `.prop` (`:contact.prop="contact"`) so they are always set as properties, even before the
//   element is defined;
// - keep class instances with #private fields out of deep reactivity: a reactive Proxy cannot reach them. The kit's
//   own clocks and backends mark themselves raw; a host's own adapter class needs `markRaw` (as done below).
import 'callback-kit';
import type {
  AvailabilityRequestEvent,
  Callback,
  CallbackCancelRequestEvent,
  CallbackSubmitEvent,
  LogoutRequestEvent,
  PreviewRecordRequestEvent,
} from 'callback-kit';
import {isCallbackKitElement} from 'callback-kit/vue';
import {createApp, markRaw, onMounted, ref, shallowRef} from 'vue';
import {agent, campaigns, clock, contact, crm, eventsOnly, nextRecord, policy, summarize} from '../shared/crm.js';

interface LogEntry {
  n: number;
  type: string;
  detail: Record<string, unknown>;
}

const app = createApp({
  setup() {
    const log = ref<LogEntry[]>([]);
    // Events only, the host owns the list's data (shallowRef: the array is replaced, never mutated in place).
    const callbacks = shallowRef<Callback[] | undefined>(eventsOnly ? [] : undefined);

    const record = (event: Event) => {
      log.value.push({n: log.value.length, type: event.type, detail: summarize(event)});
    };

    const refreshList = async () => {
      if (eventsOnly) callbacks.value = await crm.listCallbacks({agentId: agent.id});
    };

    onMounted(() => {
      void refreshList();
      document.body.dataset.ready = 'true';
    });

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

    return {
      eventsOnly,
      agent,
      policy,
      contact,
      contacts: [contact],
      campaigns: eventsOnly ? campaigns : undefined,
      // Not reactive (setup's return values are not made deep-reactive); markRaw keeps it so if copied into state.
      backend: eventsOnly ? undefined : markRaw(crm),
      clock: markRaw(clock),
      callbacks,
      log,
      record,
      onAvailabilityRequest,
      onCallbackSubmit,
      onCancelRequest,
      onPreviewRecordRequest,
      onLogoutRequest,
    };
  },
  template: `
    <agent-session
      :agent.prop="agent"
      :policy.prop="policy"
      :clock.prop="clock"
      :backend.prop="backend"
      :eventsOnly.prop="eventsOnly"
    >
      <header>
        <h1>callback-kit in a Vue 3 app</h1>
        <span class="mode" id="mode">{{
          eventsOnly ? 'Events only: this app answers the elements’ requests.' : 'Adapter: the elements call the backend.'
        }}</span>
      </header>
      <main class="layout">
        <section aria-labelledby="scheduler-title">
          <h2 id="scheduler-title">Schedule a callback</h2>
          <callback-scheduler
            :contact.prop="contact"
            heading-level="3"
            @availability-request="onAvailabilityRequest"
            @callback-submit="onCallbackSubmit"
            @callback-scheduled="record"
            @callback-rescheduled="record"
            @callback-schedule-error="record"
            @callback-cancel="record"
          ></callback-scheduler>
        </section>
        <div class="side">
          <section aria-labelledby="list-title">
            <h2 id="list-title">My callbacks</h2>
            <callback-list
              :callbacks.prop="callbacks"
              :contacts.prop="contacts"
              heading-level="3"
              style="--ck-callback-list-height: 16rem"
              @callback-due="record"
              @callback-launch="record"
              @callback-cancel-request="onCancelRequest"
              @callback-canceled="record"
              @callback-list-error="record"
            ></callback-list>
          </section>
          <section aria-labelledby="campaigns-title">
            <h2 id="campaigns-title">My campaigns</h2>
            <campaign-list
              :campaigns.prop="campaigns"
              @campaign-started="record"
              @campaign-select="record"
              @preview-record-request="onPreviewRecordRequest"
            ></campaign-list>
          </section>
          <section aria-labelledby="logout-title">
            <h2 id="logout-title">Session</h2>
            <logout-countdown
              @logout-request="onLogoutRequest"
              @logout-authorized="record"
              @logout-canceled="record"
              @logout-error="record"
            ></logout-countdown>
          </section>
          <section aria-labelledby="log-title">
            <h2 id="log-title">Events received by the app</h2>
            <ol id="event-log" aria-live="polite">
              <li v-for="entry in log" :key="entry.n" :data-event="entry.type" :data-detail="JSON.stringify(entry.detail)">
                {{ entry.type }} {{ JSON.stringify(entry.detail) }}
              </li>
            </ol>
          </section>
        </div>
      </main>
    </agent-session>
  `,
});

// Without this, Vue warns "Failed to resolve component" and treats the tags as Vue components first.
app.config.compilerOptions.isCustomElement = isCallbackKitElement;
app.mount('#app');
