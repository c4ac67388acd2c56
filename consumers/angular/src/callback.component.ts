import {Component, CUSTOM_ELEMENTS_SCHEMA} from '@angular/core';
import 'callback-kit/agent-session.js';
import 'callback-kit/callback-scheduler.js';
import type {CallbackScheduledEvent, Contact} from 'callback-kit';
import {MemoryBackend} from 'callback-kit/memory-backend';

@Component({
  selector: 'app-callback',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<agent-session agent-id="agent-maria" [backend]="backend">
    <callback-scheduler [contact]="contact" (callback-scheduled)="saved($event)"></callback-scheduler>
  </agent-session>`,
})
export class CallbackComponent {
  contact: Contact = {id: 'crm-4711', name: 'Ada Lovelace', phones: [{number: '+12125550123', type: 'mobile'}]};
  backend = new MemoryBackend({contacts: [this.contact]}); // your SchedulingBackend in production
  saved = (event: Event) => console.log((event as CallbackScheduledEvent).detail.callback);
}
