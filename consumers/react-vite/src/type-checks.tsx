// Compiled by `tsc --noEmit` (never rendered): the kit's React types accept what is right and reject what is not.
// Each @ts-expect-error fails the type check if the line it guards ever compiles (e.g. props typed `any`).
import type {ReactElement} from 'react';
import {AgentSession, CallbackScheduler, CallbackList, TimeslotGrid} from 'callback-kit/react';
import type {CallbackSchedulerElement, CallbackScheduledEvent, SlotSelectEvent} from 'callback-kit';
import type {} from 'callback-kit/jsx';

const onScheduled = (event: CallbackScheduledEvent): string => event.detail.callback.id;
const onSlot = (event: SlotSelectEvent): string => event.detail.start;
let element: CallbackSchedulerElement | null = null;

export const checks: ReactElement[] = [
  <AgentSession agentId="agent-maria" eventsOnly theme="dark" />,
  <CallbackScheduler onCallbackScheduled={onScheduled} headingLevel={2} ref={(el) => void (element = el)} />,
  // Event callbacks get the kit's event classes: no annotation needed, and detail is typed.
  <CallbackScheduler onCallbackSubmit={(event) => event.detail.respondWith(Promise.reject(new Error('no')))} />,
  <CallbackList onCallbackDue={(event) => event.detail.callback.start.toUpperCase()} />,
  <TimeslotGrid onSlotSelect={onSlot} days={5} />,
  // @ts-expect-error contact is a Contact, not a number
  <CallbackScheduler contact={42} />,
  // @ts-expect-error there is no `callback-schedule` event: a misspelt handler is an error
  <CallbackScheduler onCallbackSchedule={onScheduled} />,
  // @ts-expect-error onSlotSelect hands a SlotSelectEvent, not a CallbackScheduledEvent
  <TimeslotGrid onSlotSelect={onScheduled} />,
  // @ts-expect-error mode is one of the scheduler's modes
  <CallbackScheduler mode="later" />,
  // Tags used directly (callback-kit/jsx): properties with their types, `on<event-name>` handlers, ref to the class.
  <callback-scheduler contact={undefined} oncallback-scheduled={onScheduled} ref={(el) => void (element = el)} />,
  // @ts-expect-error headingLevel is a number
  <callback-scheduler headingLevel="3" />,
  // @ts-expect-error oncallback-scheduled hands a CallbackScheduledEvent
  <timeslot-grid onslot-select={onScheduled} />,
];
export const lastElement = () => element;
