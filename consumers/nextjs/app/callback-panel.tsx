// The part between the ck-readme markers is the Next.js example of docs/frameworks.md, verbatim (checked).
// ck-readme: nextjs
'use client';
import {AgentSession, CallbackScheduler} from 'callback-kit/react';
import {ManualClock, type Contact} from 'callback-kit/core';
import {MemoryBackend} from 'callback-kit/memory-backend';
import {crm} from './crm';

const clock = new ManualClock('2026-06-15T13:00:00Z'); // a Monday, 09:00 in New York
const backend = new MemoryBackend({clock}); // the demo data; your app passes an HttpBackend or its own adapter
const sophia: Contact = {
  id: 'contact-sophia',
  name: 'Sophia Nguyen',
  phones: [{number: '+14155267890', type: 'mobile'}],
};

export function CallbackPanel() {
  return (
    <AgentSession agentId="agent-maria" backend={backend} clock={clock}>
      <CallbackScheduler contact={sophia} onCallbackScheduled={(event) => crm.callbackSaved(event.detail.callback)} />
    </AgentSession>
  );
}
// /ck-readme
