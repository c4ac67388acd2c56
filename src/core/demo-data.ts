/**
 * Seeded, realistic demo data for `MemoryBackend`, Storybook and the demo page. Everything is plain JSON-able
 * data; the parts that only make sense relative to "now" (seeded callbacks, campaign start times) are functions
 * of an instant so a demo always shows something due today, tomorrow and overdue.
 *
 * A lazy chunk: `MemoryBackend` imports it dynamically, only when it seeds the demo data.
 *
 * Every phone number is a valid E.164 number with a real area code (checked by the test suite with
 * `parsePhone`/`timeZonesForPhone`); none is meant to reach a real person.
 */
import {Temporal} from './temporal.js';
import {zonedFromLocal, type OpeningHours} from './time.js';
import type {Callback, Campaign, Contact, TimeZoneId} from './types.js';

import {DEMO_OPENING_HOURS, DEMO_TIME_ZONE} from './demo-defaults.js';

export {DEMO_AGENTS, DEMO_TIME_ZONE, DEMO_OPENING_HOURS} from './demo-defaults.js';

/**
 * Weekly shifts of the demo agents, in each agent's own zone (`Agent.timeZone`): Maria works the centre's opening
 * hours; James works 08:00-18:00 Chicago time but is off on Wednesdays; Lucía works 13:00-21:00 in Madrid (the
 * centre's morning); Aiko works 07:00-17:00 in Los Angeles. Personal callbacks are bookable only inside them.
 */
export const DEMO_AGENT_SHIFTS: Readonly<Record<string, OpeningHours>> = {
  'agent-maria': DEMO_OPENING_HOURS,
  'agent-james': {
    1: {start: '08:00', end: '18:00'},
    2: {start: '08:00', end: '18:00'},
    3: null,
    4: {start: '08:00', end: '18:00'},
    5: {start: '08:00', end: '18:00'},
  },
  'agent-lucia': {
    1: {start: '13:00', end: '21:00'},
    2: {start: '13:00', end: '21:00'},
    3: {start: '13:00', end: '21:00'},
    4: {start: '13:00', end: '21:00'},
    5: {start: '13:00', end: '21:00'},
  },
  'agent-aiko': {
    1: {start: '07:00', end: '17:00'},
    2: {start: '07:00', end: '17:00'},
    3: {start: '07:00', end: '17:00'},
    4: {start: '07:00', end: '17:00'},
    5: {start: '07:00', end: '17:00'},
  },
};

/**
 * The demo contacts, across US zones (Eastern, Central, Mountain, Pacific, Arizona without DST, Hawaii,
 * Newfoundland's half-hour offset), area codes that span two zones (Idaho 208, Florida 850, Indiana 219,
 * Kentucky 270) and abroad (London, Sydney, Madrid).
 */
export const DEMO_CONTACTS: readonly Contact[] = [
  {
    id: 'contact-olivia',
    name: 'Olivia Bennett',
    phones: [
      {number: '+12124561987', type: 'mobile'},
      {number: '+16467783021', type: 'work', contactFrom: '09:00', contactUntil: '17:00'},
    ],
  },
  {
    id: 'contact-ethan',
    name: 'Ethan Brooks',
    phones: [
      {number: '+13122584410', type: 'home', contactFrom: '17:00', contactUntil: '20:30'},
      {number: '+17737042291', type: 'mobile'},
    ],
  },
  {
    id: 'contact-sophia',
    name: 'Sophia Nguyen',
    phones: [
      {number: '+14155267890', type: 'mobile'},
      {number: '+12132471856', type: 'work', contactFrom: '10:00', contactUntil: '16:00'},
    ],
  },
  {
    // Idaho 208: the 345 exchange resolves to Mountain time; 456 may be Pacific (north) or Mountain (Boise).
    id: 'contact-isabella',
    name: 'Isabella Rossi',
    phones: [
      {number: '+12084563817', type: 'mobile'},
      {number: '+12083457702', type: 'home'},
    ],
  },
  {
    id: 'contact-liam',
    name: "Liam O'Connor",
    timeZone: 'America/St_Johns',
    phones: [
      {number: '+17097221834', type: 'home'},
      {number: '+17095763340', type: 'mobile', contactFrom: '12:00', contactUntil: '20:00'},
    ],
  },
  {
    id: 'contact-ava',
    name: 'Ava Martinez',
    timeZone: 'America/Phoenix',
    phones: [
      {number: '+16022531176', type: 'mobile'},
      {number: '+14809670342', type: 'work', contactFrom: '09:00', contactUntil: '17:00'},
    ],
  },
  {
    id: 'contact-noah',
    name: 'Noah Kahale',
    timeZone: 'Pacific/Honolulu',
    phones: [
      {number: '+18085381420', type: 'mobile'},
      {number: '+18089564471', type: 'home', contactFrom: '08:00', contactUntil: '12:00'},
    ],
  },
  {
    id: 'contact-mason',
    name: 'Mason Clark',
    phones: [
      {number: '+13035728814', type: 'home'},
      {number: '+17204513309', type: 'mobile'},
    ],
  },
  {
    // Florida 850: the panhandle west of the Apalachicola is Central, Tallahassee is Eastern.
    id: 'contact-benjamin',
    name: 'Benjamin Harris',
    phones: [
      {number: '+18504327719', type: 'mobile'},
      {number: '+18502228846', type: 'work', contactFrom: '08:30', contactUntil: '17:30'},
    ],
  },
  {
    // Indiana 219 (Gary: Central) and Kentucky 270 (Bowling Green: Central) both split between two zones.
    id: 'contact-emma',
    name: 'Emma Wilson',
    phones: [
      {number: '+12192267310', type: 'home'},
      {number: '+12702024598', type: 'other'},
    ],
  },
  {
    id: 'contact-charlotte',
    name: 'Charlotte Evans',
    timeZone: 'Europe/London',
    phones: [
      {number: '+442079460123', type: 'work', contactFrom: '09:00', contactUntil: '18:00'},
      {number: '+447911123456', type: 'mobile'},
    ],
  },
  {
    id: 'contact-chloe',
    name: 'Chloe Walker',
    phones: [
      {number: '+61291234567', type: 'home'},
      {number: '+61412345678', type: 'mobile'},
    ],
  },
  {
    id: 'contact-carmen',
    name: 'Carmen Ruiz',
    timeZone: 'Europe/Madrid',
    phones: [
      {number: '+34912345678', type: 'work'},
      {number: '+34612345678', type: 'mobile', contactFrom: '16:00', contactUntil: '20:00'},
    ],
  },
];

/**
 * The demo campaigns: every dialing mode and every status. Preview campaigns deliver records manually, the
 * others automatically. `startedAt` is left out here: `demoCampaigns(now)` fills it for started/running ones.
 */
export const DEMO_CAMPAIGNS: readonly Campaign[] = [
  {
    id: 'camp-spring-renewals',
    name: 'Spring Renewals',
    status: 'running',
    dialingMode: 'progressive',
    deliveryMode: 'automatic',
    agentIds: ['agent-maria', 'agent-james'],
  },
  {
    id: 'camp-premium-upgrade',
    name: 'Premium Upgrade',
    status: 'started',
    dialingMode: 'predictive',
    deliveryMode: 'automatic',
    agentIds: ['agent-james', 'agent-aiko'],
  },
  {
    id: 'camp-service-followup',
    name: 'Service Follow-up',
    status: 'running',
    dialingMode: 'preview',
    deliveryMode: 'manual',
    agentIds: ['agent-maria', 'agent-lucia'],
  },
  {
    id: 'camp-winback',
    name: 'Customer Win-Back',
    status: 'paused',
    dialingMode: 'predictive',
    deliveryMode: 'automatic',
    agentIds: ['agent-maria', 'agent-james', 'agent-aiko'],
  },
  {
    id: 'camp-holiday-offers',
    name: 'Holiday Offers',
    status: 'stopped',
    dialingMode: 'push-preview',
    deliveryMode: 'automatic',
    agentIds: ['agent-maria', 'agent-aiko'],
  },
  {
    id: 'camp-winter-collections',
    name: 'Winter Collections',
    status: 'completed',
    dialingMode: 'progressive',
    deliveryMode: 'automatic',
    agentIds: ['agent-james'],
  },
  {
    id: 'camp-encuesta',
    name: 'Encuesta de Satisfacción',
    status: 'running',
    dialingMode: 'preview',
    deliveryMode: 'manual',
    agentIds: ['agent-lucia'],
  },
];

/** `DEMO_CAMPAIGNS` with `startedAt` set relative to `now` (started 3 minutes ago, running since the morning). */
export function demoCampaigns(now: Temporal.Instant | string): Campaign[] {
  const at = Temporal.Instant.from(now);
  return DEMO_CAMPAIGNS.map((campaign) => {
    const copy: Campaign = {...campaign, agentIds: [...(campaign.agentIds ?? [])]};
    if (campaign.status === 'started') copy.startedAt = at.subtract({minutes: 3}).toString();
    if (campaign.status === 'running') copy.startedAt = at.subtract({hours: 2, minutes: 15}).toString();
    return copy;
  });
}

const HALF_HOUR_MS = 30 * 60_000;

/**
 * Seeded callbacks placed relative to `now`, so a demo always has one overdue, some due soon today, some
 * tomorrow and later, a followup, a web callback and a completed one. Each carries `customerTimeZones` (the
 * contact's zone, else the number's) as a 0.2 backend stores them, except the overdue one: a row booked before
 * 0.2, whose customer's zone a list derives from the number. Personal callbacks belong to Maria
 * (New York), James (Chicago) and Lucía (Madrid); campaign ones to campaigns they are assigned to.
 */
export function demoCallbacks(now: Temporal.Instant | string, timeZone: TimeZoneId = DEMO_TIME_ZONE): Callback[] {
  const at = Temporal.Instant.from(now);
  const ms = at.epochMilliseconds;
  const half = (n: number) =>
    Temporal.Instant.fromEpochMilliseconds(Math.ceil(ms / HALF_HOUR_MS) * HALF_HOUR_MS + n * HALF_HOUR_MS);
  const today = at.toZonedDateTimeISO(timeZone).toPlainDate();
  const on = (days: number, time: string, zone: TimeZoneId = timeZone) =>
    zonedFromLocal(today.add({days}), time, zone).toInstant();
  const iso = (instant: Temporal.Instant) => instant.toString();
  const created = iso(at.subtract({hours: 26}));
  const base = {status: 'scheduled' as const, createdAt: created, updatedAt: created};
  return [
    {
      ...base,
      id: 'cb-demo-overdue',
      kind: 'callback',
      type: 'campaign',
      campaignId: 'camp-spring-renewals',
      contactId: 'contact-sophia',
      phone: '+14155267890',
      start: iso(half(-3)),
      timeZone: 'America/Los_Angeles',
      notes: 'Asked to be called back after her lunch break; renewal quote already sent.',
    },
    {
      ...base,
      id: 'cb-demo-followup',
      customerTimeZones: ['America/Chicago'],
      kind: 'followup',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      contactId: 'contact-ethan',
      phone: '+17737042291',
      start: iso(half(0)),
      timeZone: 'America/Chicago',
      notes: 'Followup on the billing dispute: confirm the credit was applied.',
    },
    {
      ...base,
      id: 'cb-demo-today',
      customerTimeZones: ['America/New_York'],
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      campaignId: 'camp-spring-renewals',
      contactId: 'contact-olivia',
      phone: '+12124561987',
      start: iso(half(2)),
      end: iso(half(3)),
      timeZone: 'America/New_York',
      notes: 'Wants to compare the premium plan before renewing.',
    },
    {
      ...base,
      id: 'cb-demo-tomorrow',
      customerTimeZones: ['America/Phoenix'],
      kind: 'callback',
      type: 'campaign',
      campaignId: 'camp-service-followup',
      contactId: 'contact-ava',
      phone: '+16022531176',
      start: iso(on(1, '11:00')),
      timeZone: 'America/Phoenix',
      notes: 'Technician visit feedback.',
    },
    {
      ...base,
      id: 'cb-demo-web',
      customerTimeZones: ['Pacific/Honolulu'],
      kind: 'web-callback',
      type: 'campaign',
      campaignId: 'camp-service-followup',
      contactId: 'contact-noah',
      phone: '+18085381420',
      start: iso(on(1, '14:00')),
      end: iso(on(1, '16:00')),
      timeZone: 'Pacific/Honolulu',
      notes: 'Web callback request: question about roaming charges.',
    },
    {
      ...base,
      id: 'cb-demo-james',
      customerTimeZones: ['America/Chicago'],
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-james',
      contactId: 'contact-benjamin',
      phone: '+18504327719',
      start: iso(on(1, '10:00', 'America/Chicago')),
      timeZone: 'America/Chicago',
    },
    {
      ...base,
      id: 'cb-demo-lucia',
      customerTimeZones: ['Europe/Madrid'],
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-lucia',
      contactId: 'contact-carmen',
      phone: '+34912345678',
      start: iso(on(1, '09:00')),
      timeZone: 'Europe/Madrid',
      notes: 'Prefiere que la llamen por la tarde, hora de Madrid.',
    },
    {
      ...base,
      id: 'cb-demo-liam',
      customerTimeZones: ['America/St_Johns'],
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      contactId: 'contact-liam',
      phone: '+17097221834',
      start: iso(on(2, '09:30')),
      timeZone: 'America/St_Johns',
    },
    {
      ...base,
      id: 'cb-demo-done',
      customerTimeZones: ['America/Denver'],
      kind: 'callback',
      type: 'personal',
      ownerAgentId: 'agent-maria',
      contactId: 'contact-mason',
      phone: '+13035728814',
      start: iso(on(-1, '15:00')),
      timeZone: 'America/Denver',
      status: 'completed',
      updatedAt: iso(on(-1, '15:12')),
    },
  ];
}
