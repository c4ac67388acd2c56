// An Angular host: a standalone component with CUSTOM_ELEMENTS_SCHEMA. Objects go in as property bindings
// ([backend], [clock], [contact]); results come back as DOM events bound with their exact names.
import {Component, CUSTOM_ELEMENTS_SCHEMA, signal} from '@angular/core';
import 'callback-kit/agent-session.js';
import 'callback-kit/callback-scheduler.js';
import type {CallbackScheduledEvent, Contact} from 'callback-kit';
import {ManualClock, MemoryBackend} from 'callback-kit/core';

declare global {
  interface Window {
    /** What the host received, read by the test driver (run.mjs). */
    ckReceived?: {type: string; detail: unknown}[];
  }
}

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <agent-session agent-id="agent-maria" [backend]="backend" [clock]="clock">
      <callback-scheduler [contact]="contact" (callback-scheduled)="onScheduled($event)"></callback-scheduler>
    </agent-session>
    @if (saved(); as callback) {
      <p id="saved">Callback {{ callback.id }} set for {{ callback.start }}</p>
    }
  `,
})
export class AppComponent {
  /** A fixed Monday, so the run does not depend on today. */
  readonly clock = new ManualClock('2026-11-23T14:00:00Z');
  readonly contact: Contact = {
    id: 'crm-4711',
    name: 'Ada Lovelace',
    phones: [{number: '+12125550123', type: 'mobile'}],
    timeZone: 'America/New_York',
  };
  /** The demo agents (agent-maria) and this CRM's contact. */
  readonly backend = new MemoryBackend({clock: this.clock, contacts: [this.contact]});
  readonly saved = signal<{id: string; start: string} | undefined>(undefined);

  onScheduled(event: Event): void {
    const {detail} = event as CallbackScheduledEvent;
    (window.ckReceived ??= []).push({type: event.type, detail});
    this.saved.set({id: detail.callback.id, start: String(detail.callback.start)});
  }
}
