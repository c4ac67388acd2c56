// The host app: callback-kit's React components (callback-kit/react) for the session and the scheduler, and one
// tag used directly (<logout-countdown>, typed by callback-kit/jsx), on the demo MemoryBackend.
// The part between the ck-readme markers is the React example of docs/frameworks.md, verbatim (checked).
// ck-readme: react
import {AgentSession, CallbackScheduler} from 'callback-kit/react';
import {ManualClock, type Contact} from 'callback-kit/core';
import {MemoryBackend} from 'callback-kit/memory-backend';
import type {} from 'callback-kit/jsx'; // JSX types for the tags used directly, like <logout-countdown>
import {crm} from './crm.js';

const clock = new ManualClock('2026-06-15T13:00:00Z'); // a Monday, 09:00 in New York
const backend = new MemoryBackend({clock}); // the demo data: agents, contacts, campaigns
const sophia: Contact = {
  id: 'contact-sophia',
  name: 'Sophia Nguyen',
  phones: [{number: '+14155267890', type: 'mobile'}],
};

export function App() {
  return (
    <AgentSession agentId="agent-maria" backend={backend} clock={clock}>
      <CallbackScheduler contact={sophia} onCallbackScheduled={(event) => crm.callbackSaved(event.detail.callback)} />
      <logout-countdown responseTimeout={10_000} onlogout-authorized={(event) => crm.loggedOut(event.detail.agentId)} />
    </AgentSession>
  );
}
// /ck-readme
