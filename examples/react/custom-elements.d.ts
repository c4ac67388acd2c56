// JSX types for the callback-kit elements in React 19. React 19 sets every prop whose name is a property of the
// element as that property (objects stay objects), and turns `on<name>` props into addEventListener('<name>'):
// the part after `on` is the event's exact name, so `oncallback-scheduled`, never `onCallbackScheduled`.
import type {HTMLAttributes, ReactNode, Ref} from 'react';
import type {
  AgentSessionElement,
  CallbackListElement,
  CallbackSchedulerElement,
  CampaignListElement,
  LogoutCountdownElement,
  TimeslotGridElement,
} from 'callback-kit';

/** `on<event-name>` props for the element's events, typed with the event classes. */
type EventProps<Name extends keyof GlobalEventHandlersEventMap> = {
  [N in Name as `on${N}`]?: (event: GlobalEventHandlersEventMap[N]) => void;
};

/** An element's public properties (set as properties by React 19) and events, plus the usual HTML props. */
type ElementProps<E extends HTMLElement, Prop extends keyof E, Name extends keyof GlobalEventHandlersEventMap> = Omit<
  HTMLAttributes<E>,
  Prop
> &
  Partial<Pick<E, Prop>> &
  EventProps<Name> & {ref?: Ref<E>; children?: ReactNode};

type KitProps = 'backend' | 'clock' | 'policy' | 'agent' | 'locale';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'agent-session': ElementProps<
        AgentSessionElement,
        'agentId' | 'timeZone' | 'locale' | 'eventsOnly' | 'agent' | 'policy' | 'backend' | 'clock' | 'interaction',
        'session-error'
      >;
      'callback-scheduler': ElementProps<
        CallbackSchedulerElement,
        | KitProps
        | 'mode'
        | 'callback'
        | 'dispositions'
        | 'contact'
        | 'phone'
        | 'campaignId'
        | 'agents'
        | 'notesMaxLength'
        | 'responseTimeout'
        | 'headingLevel',
        | 'callback-submit'
        | 'callback-scheduled'
        | 'callback-rescheduled'
        | 'callback-schedule-error'
        | 'callback-cancel'
        | 'availability-request'
      >;
      'callback-list': ElementProps<
        CallbackListElement,
        | KitProps
        | 'callbacks'
        | 'contacts'
        | 'filterType'
        | 'filterStatus'
        | 'inlineReschedule'
        | 'remindCampaign'
        | 'headingLevel'
        | 'label'
        | 'responseTimeout',
        | 'callback-due'
        | 'callback-expired'
        | 'callback-launch'
        | 'callback-reschedule-request'
        | 'callback-cancel-request'
        | 'callback-canceled'
        | 'callback-list-error'
      >;
      'campaign-list': ElementProps<
        CampaignListElement,
        KitProps | 'campaigns' | 'filter' | 'sortBy' | 'sortDirection' | 'selected' | 'responseTimeout' | 'label',
        'campaign-started' | 'campaign-select' | 'preview-record-request'
      >;
      'logout-countdown': ElementProps<
        LogoutCountdownElement,
        KitProps | 'noButton' | 'responseTimeout',
        'logout-request' | 'logout-authorized' | 'logout-canceled' | 'logout-error'
      >;
      'timeslot-grid': ElementProps<
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
        | 'label',
        'slot-select' | 'range-change'
      >;
    }
  }
}
