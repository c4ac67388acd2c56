/**
 * The kit's elements for framework typings: tag names and events at runtime (DOM-free, safe to import in a
 * build config or on a server), and each element's settable properties and event classes as types. The React
 * wrappers (`callback-kit/react`), the JSX types (`callback-kit/jsx`) and the Vue typings (`callback-kit/vue`)
 * are all generated from these tables, so they cannot drift apart.
 * @packageDocumentation
 */
import type {AgentSessionElement} from '../components/agent-session/agent-session.js';
import type {CallbackListElement} from '../components/callback-list/callback-list.js';
import type {CallbackSchedulerElement} from '../components/callback-scheduler/callback-scheduler.js';
import type {CampaignListElement} from '../components/campaign-list/campaign-list.js';
import type {LogoutCountdownElement} from '../components/logout-countdown/logout-countdown.js';
import type {TimeslotGridElement} from '../components/timeslot-grid/timeslot-grid.js';
import type {AvailabilityRequestEvent} from '../events/availability-request.js';
import type {CallbackCancelEvent} from '../events/callback-cancel.js';
import type {CallbackCancelRequestEvent} from '../events/callback-cancel-request.js';
import type {CallbackCanceledEvent} from '../events/callback-canceled.js';
import type {CallbackDueEvent} from '../events/callback-due.js';
import type {CallbackExpiredEvent} from '../events/callback-expired.js';
import type {CallbackHandedOffEvent} from '../events/callback-handed-off.js';
import type {CallbackLaunchEvent} from '../events/callback-launch.js';
import type {CallbackListErrorEvent} from '../events/callback-list-error.js';
import type {CallbackRescheduleRequestEvent} from '../events/callback-reschedule-request.js';
import type {CallbackScheduleErrorEvent} from '../events/callback-schedule-error.js';
import type {CallbackRescheduledEvent, CallbackScheduledEvent} from '../events/callback-scheduled.js';
import type {CallbackSubmitEvent} from '../events/callback-submit.js';
import type {CampaignSelectEvent} from '../events/campaign-select.js';
import type {CampaignStartedEvent} from '../events/campaign-started.js';
import type {DispositionSelectEvent} from '../events/disposition-select.js';
import type {LogoutAuthorizedEvent} from '../events/logout-authorized.js';
import type {LogoutCanceledEvent} from '../events/logout-canceled.js';
import type {LogoutErrorEvent} from '../events/logout-error.js';
import type {LogoutRequestEvent} from '../events/logout-request.js';
import type {PreviewRecordRequestEvent} from '../events/preview-record-request.js';
import type {RangeChangeEvent} from '../events/range-change.js';
import type {SessionErrorEvent} from '../events/session-error.js';
import type {SlotSelectEvent} from '../events/slot-select.js';

/** Every tag callback-kit registers (the public elements; their internal parts are not listed). */
export const callbackKitTags = [
  'agent-session',
  'timeslot-grid',
  'callback-scheduler',
  'callback-list',
  'campaign-list',
  'logout-countdown',
] as const;

/** A tag callback-kit registers. */
export type CallbackKitTag = (typeof callbackKitTags)[number];

/** Every event name each element dispatches (all bubble and are composed). */
export const callbackKitEvents = {
  'agent-session': ['session-error'],
  'timeslot-grid': ['slot-select', 'range-change'],
  'callback-scheduler': [
    'callback-submit',
    'callback-scheduled',
    'callback-rescheduled',
    'callback-schedule-error',
    'callback-cancel',
    'disposition-select',
    'availability-request',
  ],
  'callback-list': [
    'callback-due',
    'callback-expired',
    'callback-handed-off',
    'callback-launch',
    'callback-reschedule-request',
    'callback-cancel-request',
    'callback-canceled',
    'callback-list-error',
  ],
  'campaign-list': ['campaign-started', 'campaign-select', 'preview-record-request'],
  'logout-countdown': ['logout-request', 'logout-authorized', 'logout-canceled', 'logout-error'],
} as const satisfies Record<CallbackKitTag, readonly (keyof CallbackKitEventMap)[]>;

/**
 * Every event the kit's elements dispatch, by name, with its class. Importing these types also loads their
 * `GlobalEventHandlersEventMap` entries, so `addEventListener('callback-scheduled', ...)` is typed too.
 */
export interface CallbackKitEventMap {
  'availability-request': AvailabilityRequestEvent;
  'callback-cancel': CallbackCancelEvent;
  'callback-cancel-request': CallbackCancelRequestEvent;
  'callback-canceled': CallbackCanceledEvent;
  'callback-due': CallbackDueEvent;
  'callback-expired': CallbackExpiredEvent;
  'callback-handed-off': CallbackHandedOffEvent;
  'callback-launch': CallbackLaunchEvent;
  'callback-list-error': CallbackListErrorEvent;
  'callback-reschedule-request': CallbackRescheduleRequestEvent;
  'callback-rescheduled': CallbackRescheduledEvent;
  'callback-schedule-error': CallbackScheduleErrorEvent;
  'callback-scheduled': CallbackScheduledEvent;
  'callback-submit': CallbackSubmitEvent;
  'campaign-select': CampaignSelectEvent;
  'campaign-started': CampaignStartedEvent;
  'disposition-select': DispositionSelectEvent;
  'logout-authorized': LogoutAuthorizedEvent;
  'logout-canceled': LogoutCanceledEvent;
  'logout-error': LogoutErrorEvent;
  'logout-request': LogoutRequestEvent;
  'preview-record-request': PreviewRecordRequestEvent;
  'range-change': RangeChangeEvent;
  'session-error': SessionErrorEvent;
  'slot-select': SlotSelectEvent;
}

/**
 * `isCustomElement` for Vue's template compiler (and anything else that asks "is this tag one of the kit's?"):
 * `true` for the kit's tags, `false` for everything else.
 */
export function isCallbackKitElement(tag: string): boolean {
  return (callbackKitTags as readonly string[]).includes(tag);
}

/** The element class behind each tag. */
export interface CallbackKitElementClasses {
  'agent-session': AgentSessionElement;
  'timeslot-grid': TimeslotGridElement;
  'callback-scheduler': CallbackSchedulerElement;
  'callback-list': CallbackListElement;
  'campaign-list': CampaignListElement;
  'logout-countdown': LogoutCountdownElement;
}

/** Properties every element that talks to a backend shares (each also takes them from `<agent-session>`). */
type SessionProperties = 'backend' | 'clock' | 'policy' | 'agent' | 'locale';

/** A list of property names, checked against the element class (a misspelt name fails to compile). */
type Settable<E, K extends keyof E> = K;

/** The public properties a host sets, per tag (what the element's README table documents). */
interface SettablePropertyNames {
  'agent-session': Settable<
    AgentSessionElement,
    | 'agentId'
    | 'timeZone'
    | 'locale'
    | 'eventsOnly'
    | 'theme'
    | 'agent'
    | 'policy'
    | 'backend'
    | 'clock'
    | 'interaction'
  >;
  'timeslot-grid': Settable<
    TimeslotGridElement,
    | 'slots'
    | 'timeZone'
    | 'secondaryTimeZone'
    | 'secondaryLabel'
    | 'locale'
    | 'hourCycle'
    | 'value'
    | 'startDate'
    | 'days'
    | 'loading'
    | 'error'
    | 'label'
  >;
  'callback-scheduler': Settable<
    CallbackSchedulerElement,
    | SessionProperties
    | 'mode'
    | 'callback'
    | 'dispositions'
    | 'contact'
    | 'phone'
    | 'campaignId'
    | 'agents'
    | 'notesMaxLength'
    | 'responseTimeout'
    | 'headingLevel'
  >;
  'callback-list': Settable<
    CallbackListElement,
    | SessionProperties
    | 'callbacks'
    | 'contacts'
    | 'filterType'
    | 'filterStatus'
    | 'inlineReschedule'
    | 'remindCampaign'
    | 'headingLevel'
    | 'label'
    | 'responseTimeout'
  >;
  'campaign-list': Settable<
    CampaignListElement,
    SessionProperties | 'campaigns' | 'filter' | 'sortBy' | 'sortDirection' | 'selected' | 'responseTimeout' | 'label'
  >;
  'logout-countdown': Settable<LogoutCountdownElement, SessionProperties | 'noButton' | 'responseTimeout'>;
}

/** The properties a host may set on an element, all optional, typed as the element declares them. */
export type CallbackKitElementProperties<T extends CallbackKitTag> = Partial<
  Pick<CallbackKitElementClasses[T], SettablePropertyNames[T] & keyof CallbackKitElementClasses[T]>
>;

/** The names of the events an element dispatches. */
export type CallbackKitEventName<T extends CallbackKitTag> = (typeof callbackKitEvents)[T][number];

/** `callback-scheduled` -> `CallbackScheduled`. */
export type PascalEventName<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalEventName<Tail>}`
  : Capitalize<S>;

/** Typed `on<EventName>` callbacks for an element's events: `onCallbackScheduled(event: CallbackScheduledEvent)`. */
export type CallbackKitEventHandlers<T extends CallbackKitTag> = {
  [N in CallbackKitEventName<T> as `on${PascalEventName<N>}`]?: (event: CallbackKitEventMap[N]) => void;
};
