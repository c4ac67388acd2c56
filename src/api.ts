/**
 * The public API of `callback-kit`: the light core (`callback-kit/core`: no phone data, no backend), the contexts,
 * every element and event. `src/index.ts` (callback-kit) and `src/cdn.ts` (the no-bundler build) both export exactly
 * this, so the two can never drift. Importing it registers every element.
 * @packageDocumentation
 */
export * from './core/light.js';
export * from './core/calling-rules.js';
export * from './context/index.js';
export {SessionErrorEvent} from './events/session-error.js';
export {SlotSelectEvent, type SlotSelectDetail} from './events/slot-select.js';
export {RangeChangeEvent, type RangeChangeDetail} from './events/range-change.js';
export {AgentSessionElement} from './components/agent-session/agent-session.js';
export {TimeslotGridElement} from './components/timeslot-grid/timeslot-grid.js';
export {CallbackSchedulerElement, type SchedulerMode} from './components/callback-scheduler/callback-scheduler.js';
export {MonthCalendarElement, CalendarSelectEvent} from './components/month-calendar/month-calendar.js';
export {CallbackSubmitEvent, type CallbackSubmitDetail} from './events/callback-submit.js';
export {VetoableEvent} from './events/vetoable-event.js';
export {
  CallbackScheduledEvent,
  CallbackRescheduledEvent,
  type CallbackSavedDetail,
} from './events/callback-scheduled.js';
export {CallbackScheduleErrorEvent, type CallbackScheduleErrorDetail} from './events/callback-schedule-error.js';
export {CallbackCancelEvent} from './events/callback-cancel.js';
export {AvailabilityRequestEvent, type AvailabilityRequestDetail} from './events/availability-request.js';
export {
  LogoutCountdownElement,
  type LogoutState,
  type LogoutCancelingBackend,
} from './components/logout-countdown/logout-countdown.js';
export {LogoutRequestEvent, type LogoutRequestDetail, type LogoutRequestTrigger} from './events/logout-request.js';
export {LogoutAuthorizedEvent, type LogoutAuthorizedDetail} from './events/logout-authorized.js';
export {LogoutCanceledEvent, type LogoutCanceledDetail} from './events/logout-canceled.js';
export {LogoutErrorEvent, type LogoutErrorDetail, type LogoutErrorOperation} from './events/logout-error.js';
export {CallbackListElement, type TypeFilter, type StatusFilter} from './components/callback-list/callback-list.js';
export {CallbackDueEvent, type CallbackDueDetail} from './events/callback-due.js';
export {CallbackExpiredEvent, type CallbackExpiredDetail} from './events/callback-expired.js';
export {CallbackHandedOffEvent, type CallbackHandedOffDetail} from './events/callback-handed-off.js';
export {CallbackLaunchEvent, type CallbackLaunchDetail} from './events/callback-launch.js';
export {CallbackCanceledEvent, type CallbackCanceledDetail} from './events/callback-canceled.js';
export {
  CallbackRescheduleRequestEvent,
  type CallbackRescheduleRequestDetail,
} from './events/callback-reschedule-request.js';
export {CallbackCancelRequestEvent, type CallbackCancelRequestDetail} from './events/callback-cancel-request.js';
export {
  CallbackListErrorEvent,
  type CallbackListErrorDetail,
  type CallbackListOperation,
} from './events/callback-list-error.js';
export {
  CampaignListElement,
  type CampaignFilter,
  type CampaignSortKey,
  type SortDirection,
} from './components/campaign-list/campaign-list.js';
export {CampaignStartedEvent, type CampaignStartedDetail} from './events/campaign-started.js';
export {CampaignSelectEvent, type CampaignSelectDetail} from './events/campaign-select.js';
export {
  PreviewRecordRequestEvent,
  type PreviewRecordRequestDetail,
  type PreviewRecord,
} from './events/preview-record-request.js';
export {setKitLocale, kitLocale, kitLocaleFor, type KitLocale} from './internal/localization.js';
export {DispositionSelectEvent} from './events/disposition-select.js';
export {ZoneChangeEvent, type ZoneChangeDetail} from './events/zone-change.js';
export {type Responder} from './events/responder.js';
export {defineElement} from './internal/define.js';
