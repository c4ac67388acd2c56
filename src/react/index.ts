/**
 * `callback-kit/react`: a React component for every element, made with `@lit/react`'s `createComponent`.
 * Props are set on the element as **properties** (objects stay objects) and `on<EventName>` props
 * (`onCallbackScheduled`) listen to the kit's events (`callback-scheduled`), typed with their event classes.
 *
 * SSR (Next.js App Router, any React server renderer): the module is marked `'use client'`, importing it on the
 * server touches neither `window` nor the real `customElements` (Lit's Node build shims what the element classes
 * need, and the kit registers only where a registry exists), and the server renders the bare tags. In the browser
 * the elements are registered before React hydrates, and the wrappers set every property and listener in a layout
 * effect right after hydration, so no prop or event is lost.
 * @packageDocumentation
 */
import * as React from 'react';
import {createComponent, type EventName} from '@lit/react';
import {AgentSessionElement} from '../components/agent-session/agent-session.js';
import {CallbackListElement} from '../components/callback-list/callback-list.js';
import {CallbackSchedulerElement} from '../components/callback-scheduler/callback-scheduler.js';
import {CampaignListElement} from '../components/campaign-list/campaign-list.js';
import {LogoutCountdownElement} from '../components/logout-countdown/logout-countdown.js';
import {TimeslotGridElement} from '../components/timeslot-grid/timeslot-grid.js';
import {
  callbackKitEvents,
  type CallbackKitElementClasses,
  type CallbackKitEventMap,
  type CallbackKitElementProperties,
  type CallbackKitEventHandlers,
  type CallbackKitEventName,
  type CallbackKitTag,
  type PascalEventName,
} from '../types/elements.js';

export type {CallbackKitIntrinsicElements} from '../types/jsx.js';
export {
  callbackKitTags,
  callbackKitEvents,
  type CallbackKitTag,
  type CallbackKitElementProperties,
  type CallbackKitEventHandlers,
  type CallbackKitEventMap,
} from '../types/elements.js';

/**
 * The props of a kit component in React: the element's settable properties (typed as the element declares
 * them), typed `on<EventName>` callbacks, the usual HTML attributes (`id`, `className`, `style`, `slot`, ...),
 * `children` and a `ref` to the element.
 */
export type CallbackKitReactProps<T extends CallbackKitTag> = Omit<
  React.HTMLAttributes<CallbackKitElementClasses[T]>,
  keyof CallbackKitElementProperties<T> | keyof CallbackKitEventHandlers<T>
> &
  CallbackKitElementProperties<T> &
  CallbackKitEventHandlers<T> &
  React.RefAttributes<CallbackKitElementClasses[T]>;

/** A React component wrapping one of the kit's elements. */
export type CallbackKitComponent<T extends CallbackKitTag> = React.ForwardRefExoticComponent<CallbackKitReactProps<T>>;

/** `callback-scheduled` -> `onCallbackScheduled`, for every event of the element (the map `createComponent` wants). */
function eventProps<T extends CallbackKitTag>(
  tag: T,
): {[N in CallbackKitEventName<T> as `on${PascalEventName<N>}`]: EventName<CallbackKitEventMap[N]>} {
  const props: Record<string, string> = {};
  for (const name of callbackKitEvents[tag]) {
    props[`on${name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`] = name;
  }
  return props as never;
}

function wrap<T extends CallbackKitTag>(
  tagName: T,
  elementClass: new () => CallbackKitElementClasses[T],
  displayName: string,
): CallbackKitComponent<T> {
  return createComponent({react: React, tagName, elementClass, events: eventProps(tagName), displayName}) as never;
}

/** `<agent-session>`: provides the agent, policy, backend and clock to the kit's elements inside it. */
export const AgentSession = wrap('agent-session', AgentSessionElement, 'AgentSession');
/** `<timeslot-grid>`: days x time slots in a zone; `onSlotSelect`, `onRangeChange`. */
export const TimeslotGrid = wrap('timeslot-grid', TimeslotGridElement, 'TimeslotGrid');
/** `<callback-scheduler>`: schedules or reschedules a callback; `onCallbackScheduled`, `onCallbackSubmit`, ... */
export const CallbackScheduler = wrap('callback-scheduler', CallbackSchedulerElement, 'CallbackScheduler');
/** `<callback-list>`: the agent's callbacks and followups; `onCallbackDue`, `onCallbackLaunch`, ... */
export const CallbackList = wrap('callback-list', CallbackListElement, 'CallbackList');
/** `<campaign-list>`: the agent's outbound campaigns; `onCampaignStarted`, `onPreviewRecordRequest`, ... */
export const CampaignList = wrap('campaign-list', CampaignListElement, 'CampaignList');
/** `<logout-countdown>`: negotiated logout; `onLogoutRequest`, `onLogoutAuthorized`, ... */
export const LogoutCountdown = wrap('logout-countdown', LogoutCountdownElement, 'LogoutCountdown');
