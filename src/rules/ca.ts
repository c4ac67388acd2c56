/**
 * `callback-kit/rules/ca`: the calling curfew of Canada's CRTC Unsolicited Telecommunications Rules (Telemarketing
 * Rules) for every Canadian number.
 *
 * A maintained starting point, NOT legal advice. The curfew binds telemarketing calls; calls for other purposes
 * (surveys, collection, service calls) are not telemarketing, and provinces may add their own limits, which are not
 * encoded here. Check `reviewed` against `source`, and add the rules your counsel says apply.
 *
 * ```ts
 * import {caCallingRules} from 'callback-kit/rules/ca';
 * new MemoryBackend({policy: {callingRules: caCallingRules}});
 * ```
 * @packageDocumentation
 */
import type {CallingRule} from '../core/calling-rules.js';

const WEEKEND = {start: '10:00', end: '18:00'};

/** CRTC: telemarketing calls only 9:00 a.m. to 9:30 p.m. on weekdays and 10:00 a.m. to 6:00 p.m. on weekends. */
export const caCallingRules: CallingRule[] = [
  {
    jurisdiction: 'CA',
    title: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules): calling curfews',
    hours: {start: '09:00', end: '21:30'},
    weekdayHours: {6: WEEKEND, 7: WEEKEND},
    source: 'https://crtc.gc.ca/eng/phone/telemarketing/tobligations/rules-regles.htm',
    reviewed: '2026-12-03',
    note: "Telemarketing calls only between 9:00 a.m. and 9:30 p.m. on weekdays and between 10:00 a.m. and 6:00 p.m. on weekends, in the called person's time. Full rules: https://www.crtc.gc.ca/eng/trules-reglest.htm",
  },
];
