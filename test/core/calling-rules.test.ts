/**
 * Issue 19: calling rules of jurisdictions. The engine (callingRuleViolation / slotCallingRuleViolation), the
 * shipped rule sets (callback-kit/rules/us, callback-kit/rules/ca) and their enforcement by MemoryBackend.
 */
import {expect} from 'chai';
import {
  callingRuleViolation,
  easterSunday,
  holidayDates,
  slotCallingRuleViolation,
  validateCallingRules,
  type CallingRule,
} from '../../src/core/calling-rules.js';
import {ManualClock} from '../../src/core/clock.js';
import {SlotUnavailableError} from '../../src/core/errors.js';
import {MemoryBackend} from '../../src/core/memory-backend.js';
import {regionsForPhone, timeZonesForPhone} from '../../src/core/phone.js';
import {zonedFromLocal} from '../../src/core/time.js';
import {DEFAULT_POLICY, type CallbackRequest, type Contact, type SchedulingPolicy} from '../../src/core/types.js';
import {caCallingRules} from '../../src/rules/ca.js';
import {usCallingRules} from '../../src/rules/us.js';

const ALL_RULES = [...usCallingRules, ...caCallingRules];
const FLORIDA = '+13055550123';
const ALABAMA = '+12055550123';
const ONTARIO = '+14165550123';
const NEW_YORK = '+12125550123';

/** The instant of a wall time in a zone, as an ISO string. */
const local = (date: string, time: string, zone: string) => zonedFromLocal(date, time, zone).toInstant().toString();
/** The candidate zones and regions of a number, as MemoryBackend derives them. */
const targetOf = (number: string, extraRegions: string[] = []) => ({
  zones: timeZonesForPhone(number),
  regions: [...regionsForPhone(number), ...extraRegions],
});

describe('core/calling-rules: callingRuleViolation with the shipped rules', () => {
  it('+1 305 (Florida): 20:30 local is refused, 19:30 allowed (Fla. Stat. 501.059)', () => {
    const florida = targetOf(FLORIDA);
    expect(florida.regions).to.deep.equal(['US-FL']);
    // Friday 2026-12-04, EST
    expect(callingRuleViolation(local('2026-12-04', '20:30', 'America/New_York'), florida, ALL_RULES)).to.deep.equal({
      reason: 'outside-jurisdiction-hours',
      jurisdiction: 'US-FL',
      start: '08:00',
      end: '20:00',
      timeZone: 'America/New_York',
    });
    expect(callingRuleViolation(local('2026-12-04', '19:30', 'America/New_York'), florida, ALL_RULES)).to.equal(null);
    expect(callingRuleViolation(local('2026-12-04', '19:59', 'America/New_York'), florida, ALL_RULES)).to.equal(null);
    expect(callingRuleViolation(local('2026-12-04', '20:00', 'America/New_York'), florida, ALL_RULES)).to.include({
      jurisdiction: 'US-FL',
    });
  });

  it("+1 205 (Alabama): refused on a Sunday and on New Year's Day, allowed on a Monday", () => {
    const alabama = targetOf(ALABAMA);
    expect(alabama.regions).to.deep.equal(['US-AL']);
    expect(callingRuleViolation(local('2026-12-06', '12:00', 'America/Chicago'), alabama, ALL_RULES)).to.deep.equal({
      reason: 'jurisdiction-no-calls-day',
      jurisdiction: 'US-AL',
      timeZone: 'America/Chicago',
    });
    expect(callingRuleViolation(local('2027-01-01', '12:00', 'America/Chicago'), alabama, ALL_RULES)).to.deep.equal({
      reason: 'jurisdiction-holiday',
      jurisdiction: 'US-AL',
      holiday: "New Year's Day",
      timeZone: 'America/Chicago',
    });
    expect(callingRuleViolation(local('2026-12-07', '12:00', 'America/Chicago'), alabama, ALL_RULES)).to.equal(null);
    // Alabama's hours are 8 a.m. to 8 p.m.
    expect(callingRuleViolation(local('2026-12-07', '20:15', 'America/Chicago'), alabama, ALL_RULES)).to.include({
      reason: 'outside-jurisdiction-hours',
      jurisdiction: 'US-AL',
      end: '20:00',
    });
  });

  it('Alabama holidays shift to the weekday they are observed on (Ala. Code 1-3-8), the day itself counts too', () => {
    const alabama = targetOf(ALABAMA);
    const at = (date: string) => callingRuleViolation(local(date, '12:00', 'America/Chicago'), alabama, ALL_RULES);
    // Christmas 2027 is a Saturday: Friday 2027-12-24 is the holiday, and Saturday stays one
    expect(at('2027-12-24')).to.include({reason: 'jurisdiction-holiday', holiday: 'Christmas Day'});
    expect(at('2027-12-25')).to.include({reason: 'jurisdiction-holiday', holiday: 'Christmas Day'});
    // Independence Day 2027 is a Sunday: Monday 2027-07-05 is the holiday
    expect(at('2027-07-05')).to.include({reason: 'jurisdiction-holiday', holiday: 'Independence Day'});
    expect(at('2027-07-06')).to.equal(null);
    // New Year's Day 2028 is a Saturday: observed on Friday 2027-12-31
    expect(at('2027-12-31')).to.include({reason: 'jurisdiction-holiday', holiday: "New Year's Day"});
    // Thanksgiving: fourth Thursday of November
    expect(at('2026-11-26')).to.include({reason: 'jurisdiction-holiday', holiday: 'Thanksgiving Day'});
    expect(at('2026-11-19')).to.equal(null);
  });

  it('+1 416 (Ontario): Saturday 18:30 refused, Saturday 17:30 allowed (CRTC); weekdays until 21:30', () => {
    const ontario = targetOf(ONTARIO);
    expect(ontario.regions).to.deep.equal(['CA-ON']);
    expect(callingRuleViolation(local('2026-12-05', '18:30', 'America/Toronto'), ontario, ALL_RULES)).to.deep.equal({
      reason: 'outside-jurisdiction-hours',
      jurisdiction: 'CA',
      start: '10:00',
      end: '18:00',
      timeZone: 'America/Toronto',
    });
    expect(callingRuleViolation(local('2026-12-05', '17:30', 'America/Toronto'), ontario, ALL_RULES)).to.equal(null);
    expect(callingRuleViolation(local('2026-12-05', '09:45', 'America/Toronto'), ontario, ALL_RULES)).to.include({
      start: '10:00',
    });
    expect(callingRuleViolation(local('2026-12-04', '21:15', 'America/Toronto'), ontario, ALL_RULES)).to.equal(null);
    expect(callingRuleViolation(local('2026-12-04', '21:30', 'America/Toronto'), ontario, ALL_RULES)).to.include({
      end: '21:30',
    });
  });

  it('a New York number at 20:30 is allowed (no New York rule is stricter than the TCPA)', () => {
    const newYork = targetOf(NEW_YORK);
    expect(newYork.regions).to.deep.equal(['US-NY']);
    expect(callingRuleViolation(local('2026-12-04', '20:30', 'America/New_York'), newYork, ALL_RULES)).to.equal(null);
    expect(callingRuleViolation(local('2026-12-06', '20:30', 'America/New_York'), newYork, ALL_RULES)).to.equal(null);
    // the federal rule still binds it
    expect(callingRuleViolation(local('2026-12-04', '21:00', 'America/New_York'), newYork, ALL_RULES)).to.include({
      jurisdiction: 'US',
      end: '21:00',
    });
  });

  it('an area code spanning two regions applies the rules of both (902: Nova Scotia and Prince Edward Island)', () => {
    const maritimes = targetOf('+19025550123');
    expect(maritimes.regions).to.have.members(['CA-NS', 'CA-PE']);
    const rules: CallingRule[] = [
      {
        jurisdiction: 'CA-NS',
        hours: {start: '09:00', end: '20:00'},
        source: 'https://example.org/ns',
        reviewed: '2026-12-03',
      },
      {jurisdiction: 'CA-PE', noCallDays: [7], source: 'https://example.org/pe', reviewed: '2026-12-03'},
    ];
    // Sunday noon: Nova Scotia would allow it, Prince Edward Island does not
    expect(callingRuleViolation(local('2026-12-06', '12:00', 'America/Halifax'), maritimes, rules)).to.include({
      reason: 'jurisdiction-no-calls-day',
      jurisdiction: 'CA-PE',
    });
    // Monday 20:30: Prince Edward Island would allow it, Nova Scotia does not
    expect(callingRuleViolation(local('2026-12-07', '20:30', 'America/Halifax'), maritimes, rules)).to.include({
      reason: 'outside-jurisdiction-hours',
      jurisdiction: 'CA-NS',
    });
    expect(callingRuleViolation(local('2026-12-07', '12:00', 'America/Halifax'), maritimes, rules)).to.equal(null);
    // a known exchange narrows the candidates: 902-224 is Chéticamp, Nova Scotia
    expect(regionsForPhone('+19022241234')).to.deep.equal(['CA-NS']);
    expect(
      callingRuleViolation(local('2026-12-06', '12:00', 'America/Halifax'), targetOf('+19022241234'), rules),
    ).to.equal(null);
  });

  it('contact.region and the number both apply: a New York number of an Alabama customer is not called on Sunday', () => {
    const sunday = local('2026-12-06', '12:00', 'America/New_York');
    expect(callingRuleViolation(sunday, targetOf(NEW_YORK), ALL_RULES)).to.equal(null);
    expect(callingRuleViolation(sunday, targetOf(NEW_YORK, ['US-AL']), ALL_RULES)).to.deep.equal({
      reason: 'jurisdiction-no-calls-day',
      jurisdiction: 'US-AL',
      timeZone: 'America/New_York',
    });
  });

  it('a number known only to be in the US (toll-free) gets every US state rule, in every NANP zone', () => {
    const tollFree = targetOf('+18005550123');
    expect(tollFree.regions).to.deep.equal(['US']);
    expect(tollFree.zones).to.have.length(42); // Guam (+10) to Pago Pago (-11)
    // 23:15Z on Monday 2026-12-07: 18:15 in New York, 13:15 in Honolulu, 19:45 in St. John's, 09:15 (Tuesday) in
    // Guam: inside 08:00-20:00 (Florida...) and 09:00-21:00 (Texas) everywhere
    expect(callingRuleViolation('2026-12-07T23:15:00Z', tollFree, usCallingRules)).to.equal(null);
    // 20:00Z is 06:00 in Guam
    expect(callingRuleViolation('2026-12-07T20:00:00Z', tollFree, usCallingRules)).to.include({
      reason: 'outside-jurisdiction-hours',
      timeZone: 'Pacific/Guam',
    });
    // a Sunday is a no-call day in Alabama, Louisiana, Mississippi and Utah
    expect(callingRuleViolation('2026-12-06T20:00:00Z', tollFree, usCallingRules)).to.include({
      reason: 'jurisdiction-no-calls-day',
    });
  });

  it('a rule holds in every candidate zone: a Texas rule for a number that may be in Chicago or Denver time', () => {
    const rules: CallingRule[] = [usCallingRules.find((r) => r.jurisdiction === 'US-TX')!];
    const target = {zones: ['America/Chicago', 'America/Denver'], regions: ['US-TX']};
    // Sunday 12:30 Chicago is 11:30 Denver: before noon there
    expect(callingRuleViolation(local('2026-12-06', '12:30', 'America/Chicago'), target, rules)).to.deep.equal({
      reason: 'outside-jurisdiction-hours',
      jurisdiction: 'US-TX',
      start: '12:00',
      end: '21:00',
      timeZone: 'America/Denver',
    });
    expect(callingRuleViolation(local('2026-12-06', '13:00', 'America/Chicago'), target, rules)).to.equal(null);
  });

  it("is right in half-hour zones: the CRTC curfew in St. John's (NST, -03:30)", () => {
    const newfoundland = targetOf('+17097221834');
    expect(newfoundland.regions).to.deep.equal(['CA-NL']);
    expect(callingRuleViolation('2026-12-08T00:59:00Z', newfoundland, caCallingRules)).to.equal(null); // Mon 21:29 NST
    expect(callingRuleViolation('2026-12-08T01:00:00Z', newfoundland, caCallingRules)).to.include({
      reason: 'outside-jurisdiction-hours',
      timeZone: 'America/St_Johns',
    }); // 21:30 NST
  });

  it('refuses when rules apply but no zone is known (the law cannot be checked)', () => {
    expect(callingRuleViolation('2026-12-07T17:00:00Z', {zones: [], regions: ['US-FL']}, usCallingRules)).to.deep.equal(
      {
        reason: 'outside-jurisdiction-hours',
        jurisdiction: 'US',
      },
    );
    expect(callingRuleViolation('2026-12-07T17:00:00Z', {zones: [], regions: ['GB']}, usCallingRules)).to.equal(null);
    expect(callingRuleViolation('2026-12-07T17:00:00Z', targetOf(FLORIDA), undefined)).to.equal(null);
  });
});

describe('core/calling-rules: slots, holidays and validation', () => {
  it('slotCallingRuleViolation: the whole slot must be allowed', () => {
    const florida = targetOf(FLORIDA);
    const at = (time: string) => local('2026-12-04', time, 'America/New_York');
    expect(slotCallingRuleViolation(at('19:30'), at('20:00'), florida, usCallingRules)).to.equal(null);
    expect(slotCallingRuleViolation(at('19:45'), at('20:15'), florida, usCallingRules)).to.include({
      jurisdiction: 'US-FL',
      reason: 'outside-jurisdiction-hours',
    });
    // a slot that runs into a Sunday breaks a no-Sunday rule even when it starts on Saturday
    const sundays: CallingRule[] = [
      {jurisdiction: 'US-AL', noCallDays: [7], source: 'https://example.org', reviewed: '2026-12-03'},
    ];
    const alabama = targetOf(ALABAMA);
    const saturday = (time: string) => local('2026-12-05', time, 'America/Chicago');
    expect(slotCallingRuleViolation(saturday('23:00'), saturday('23:30'), alabama, sundays)).to.equal(null);
    expect(
      slotCallingRuleViolation(saturday('23:45'), local('2026-12-06', '00:15', 'America/Chicago'), alabama, sundays),
    ).to.include({
      reason: 'jurisdiction-no-calls-day',
    });
  });

  it('a slot over two local dates reports a holiday on the second before a no-call day on the first', () => {
    // found by the DST property test: Saturday 23:45 to Sunday 01:15 (EST), Saturday a no-call day, Sunday a holiday
    const rule: CallingRule = {
      jurisdiction: 'US-TX',
      noCallDays: [6],
      holidays: [{name: 'Holiday', date: '04-02'}],
      source: 'https://example.org',
      reviewed: '2026-12-03',
    };
    const target = {zones: ['America/New_York'], regions: ['US-TX']};
    expect(slotCallingRuleViolation('2000-04-02T04:45:00Z', '2000-04-02T06:15:00Z', target, [rule])).to.include({
      reason: 'jurisdiction-holiday',
    });
  });

  it("counts the dates a clocks-back change at midnight shows twice (St. John's fell back at 00:01 until 2011)", () => {
    // found by the DST property test: 2000-10-29 00:00 NDT, then 00:01 NDT became 23:01 NST on the 28th
    const rule: CallingRule = {
      jurisdiction: 'CA-NL',
      holidays: [{name: 'Holiday', date: '10-29'}],
      source: 'https://example.org',
      reviewed: '2026-12-03',
    };
    const target = {zones: ['America/St_Johns'], regions: ['CA-NL']};
    expect(slotCallingRuleViolation('2000-10-29T02:30:00Z', '2000-10-29T03:30:00Z', target, [rule])).to.include({
      reason: 'jurisdiction-holiday',
    });
  });

  it('computes holidays: nth and last weekdays, Easter offsets, observed shifts across the new year', () => {
    const dates = (holiday: Parameters<typeof holidayDates>[0], year: number) =>
      holidayDates(holiday, year).map(String);
    expect(dates({name: 'Thanksgiving', month: 11, weekday: 4, nth: 4}, 2026)).to.deep.equal(['2026-11-26']);
    expect(dates({name: 'Memorial Day', month: 5, weekday: 1, nth: -1}, 2026)).to.deep.equal(['2026-05-25']);
    expect(dates({name: 'Labor Day', month: 9, weekday: 1, nth: 1}, 2027)).to.deep.equal(['2027-09-06']);
    expect(dates({name: 'Fifth Friday', month: 2, weekday: 5, nth: 5}, 2027)).to.deep.equal([]);
    expect(String(easterSunday(2026))).to.equal('2026-04-05');
    expect(String(easterSunday(2027))).to.equal('2027-03-28');
    expect(dates({name: 'Mardi Gras', easterOffset: -47}, 2026)).to.deep.equal(['2026-02-17']);
    expect(dates({name: "New Year's Day", date: '01-01', observed: 'nearest-weekday'}, 2028)).to.deep.equal([
      '2028-01-01',
      '2027-12-31',
    ]);
    expect(dates({name: 'Christmas', date: '12-25', observed: 'sunday-to-monday'}, 2027)).to.deep.equal(['2027-12-25']);
    expect(dates({name: 'Christmas', date: '12-25', observed: 'sunday-to-monday'}, 2022)).to.deep.equal([
      '2022-12-25',
      '2022-12-26',
    ]);
  });

  it('Louisiana: Mardi Gras and Good Friday are holidays (La. R.S. 1:55), Sundays no-call days', () => {
    const louisiana = targetOf('+15045550123');
    expect(louisiana.regions).to.deep.equal(['US-LA']);
    expect(callingRuleViolation(local('2026-02-17', '12:00', 'America/Chicago'), louisiana, usCallingRules)).to.include(
      {
        holiday: 'Mardi Gras',
      },
    );
    expect(callingRuleViolation(local('2026-04-03', '12:00', 'America/Chicago'), louisiana, usCallingRules)).to.include(
      {
        holiday: 'Good Friday',
      },
    );
    expect(callingRuleViolation(local('2026-04-02', '12:00', 'America/Chicago'), louisiana, usCallingRules)).to.equal(
      null,
    );
  });

  it('rejects a malformed rule with a specific RangeError', () => {
    const base = {jurisdiction: 'US-FL', source: 'https://example.org', reviewed: '2026-12-03'};
    const bad: Array<[unknown, RegExp]> = [
      [{...base, jurisdiction: 'Florida'}, /ISO 3166 code/],
      [{...base, source: 'Fla. Stat. 501.059'}, /URL/],
      [{...base, reviewed: 'December 2026'}, /YYYY-MM-DD/],
      [{...base, hours: {start: '20:00', end: '08:00'}}, /must end after it starts/],
      [{...base, hours: {start: '8am', end: '20:00'}}, /Invalid local time/],
      [{...base, noCallDays: [0]}, /ISO weekdays 1 to 7/],
      [{...base, holidays: [{name: 'X', date: '2026-12-25'}]}, /"MM-DD"/],
      [{...base, holidays: [{name: 'X', month: 13, weekday: 1, nth: 1}]}, /month must be 1 to 12/],
      [{...base, holidays: [{name: 'X'}]}, /give a date/],
    ];
    for (const [rule, message] of bad) {
      expect(() => validateCallingRules([rule as CallingRule]), JSON.stringify(rule)).to.throw(RangeError, message);
      expect(() => callingRuleViolation('2026-12-07T17:00:00Z', targetOf(FLORIDA), [rule as CallingRule])).to.throw(
        RangeError,
      );
    }
  });

  it('ships rules that validate, each with a source URL and reviewed 2026-12-03; the default policy has none', () => {
    expect(() => validateCallingRules(usCallingRules)).to.not.throw();
    expect(() => validateCallingRules(caCallingRules)).to.not.throw();
    for (const rule of ALL_RULES) {
      expect(rule.source, rule.jurisdiction).to.match(/^https:\/\//);
      expect(rule.reviewed, rule.jurisdiction).to.equal('2026-12-03');
      for (const holiday of rule.holidays ?? []) expect(holiday.source, holiday.name).to.match(/^https?:\/\//);
    }
    expect(usCallingRules.map((r) => r.jurisdiction)).to.include.members(['US', 'US-FL', 'US-AL', 'US-LA', 'US-TX']);
    expect(caCallingRules.map((r) => r.jurisdiction)).to.deep.equal(['CA']);
    expect(DEFAULT_POLICY.callingRules).to.equal(undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------
// MemoryBackend: slots become unavailable with the rule, booking is refused with it.

const NOW = '2026-12-03T15:00:00Z'; // Thursday 10:00 in New York
const contacts: Contact[] = [
  {id: 'fl', name: 'Flo Rida', phones: [{number: FLORIDA, type: 'mobile'}]},
  {id: 'al', name: 'Al Abama', phones: [{number: ALABAMA, type: 'home'}]},
  {id: 'on', name: 'Ona Tario', phones: [{number: ONTARIO, type: 'home'}]},
  {id: 'ny-al', name: 'Nye Bama', region: 'US-AL', phones: [{number: NEW_YORK, type: 'mobile'}]},
  {id: 'ny', name: 'Nora York', phones: [{number: NEW_YORK, type: 'mobile'}]},
];

function make(policy: Partial<SchedulingPolicy> = {callingRules: ALL_RULES}) {
  return new MemoryBackend({
    clock: new ManualClock(NOW),
    demo: false,
    seed: 3,
    contacts,
    agents: [{id: 'a1', name: 'Ann Avery', timeZone: 'America/New_York'}],
    campaigns: [
      {id: 'c1', name: 'Renewals', status: 'running', dialingMode: 'preview', deliveryMode: 'manual', agentIds: ['a1']},
    ],
    openingHours: {start: '00:00', end: '24:00'},
    policy,
  });
}

const request = (contactId: string, phone: string, start: string): CallbackRequest => ({
  contactId,
  phone,
  type: 'campaign',
  campaignId: 'c1',
  start,
  timeZone: 'America/New_York',
  kind: 'callback',
});

let keys = 0;
const key = () => `rules-${++keys}`;

async function rejection(promise: Promise<unknown>): Promise<SlotUnavailableError> {
  try {
    await promise;
  } catch (error) {
    return error as SlotUnavailableError;
  }
  throw new Error('expected the promise to reject');
}

describe('core/calling-rules: MemoryBackend enforces policy.callingRules', () => {
  const ny = (date: string, time: string) => local(date, time, 'America/New_York');

  it('marks Florida slots after 20:00 unavailable with the rule; 19:30 stays available', async () => {
    const backend = make();
    const slots = await backend.getAvailability({
      from: ny('2026-12-04', '19:00'),
      to: ny('2026-12-04', '21:30'),
      type: 'campaign',
      phone: FLORIDA,
    });
    const at = (time: string) => slots.find((s) => s.start === ny('2026-12-04', time))!;
    expect(at('19:30')).to.include({available: true});
    expect(at('19:30').rule).to.equal(undefined);
    expect(at('20:30')).to.deep.include({
      available: false,
      reason: 'outside-jurisdiction-hours',
      rule: {
        reason: 'outside-jurisdiction-hours',
        jurisdiction: 'US-FL',
        start: '08:00',
        end: '20:00',
        timeZone: 'America/New_York',
      },
    });
    // 21:00 breaks the federal calling window first (policy.callingWindow)
    expect(at('21:00')).to.include({available: false, reason: 'outside-calling-hours'});
  });

  it('refuses to schedule a Florida callback at 20:30 with SlotUnavailableError carrying the rule; 19:30 books', async () => {
    const backend = make();
    const error = await rejection(
      backend.scheduleCallback(request('fl', FLORIDA, ny('2026-12-04', '20:30')), {idempotencyKey: key()}),
    );
    expect(error).to.be.instanceOf(SlotUnavailableError);
    expect(error.reason).to.equal('outside-jurisdiction-hours');
    expect(error.rule).to.include({jurisdiction: 'US-FL', end: '20:00'});
    expect(error.message).to.contain('US-FL').and.contain('08:00-20:00');
    const booked = await backend.scheduleCallback(request('fl', FLORIDA, ny('2026-12-04', '19:30')), {
      idempotencyKey: key(),
    });
    expect(booked.status).to.equal('scheduled');
    // moving it to 20:30 is refused the same way, and the booking stays where it was
    const moved = await rejection(
      backend.rescheduleCallback(booked.id, request('fl', FLORIDA, ny('2026-12-04', '20:30')), {idempotencyKey: key()}),
    );
    expect(moved.reason).to.equal('outside-jurisdiction-hours');
    expect((await backend.listCallbacks({agentId: 'a1'})).find((c) => c.id === booked.id)!.start).to.equal(
      booked.start,
    );
  });

  it("refuses an Alabama number on a Sunday and on New Year's Day; Ontario on Saturday 18:30", async () => {
    const backend = make({callingRules: ALL_RULES, maxDaysAhead: 60});
    const sunday = await rejection(
      backend.scheduleCallback(request('al', ALABAMA, local('2026-12-06', '12:00', 'America/Chicago')), {
        idempotencyKey: key(),
      }),
    );
    expect(sunday.reason).to.equal('jurisdiction-no-calls-day');
    expect(sunday.rule).to.include({jurisdiction: 'US-AL'});
    const newYear = await rejection(
      backend.scheduleCallback(request('al', ALABAMA, local('2027-01-01', '12:00', 'America/Chicago')), {
        idempotencyKey: key(),
      }),
    );
    expect(newYear.reason).to.equal('jurisdiction-holiday');
    expect(newYear.rule).to.include({holiday: "New Year's Day"});
    const ontario = await rejection(
      backend.scheduleCallback(request('on', ONTARIO, ny('2026-12-05', '18:30')), {idempotencyKey: key()}),
    );
    expect(ontario.reason).to.equal('outside-jurisdiction-hours');
    expect(ontario.rule).to.include({jurisdiction: 'CA', end: '18:00'});
    const ok = await backend.scheduleCallback(request('on', ONTARIO, ny('2026-12-05', '17:30')), {
      idempotencyKey: key(),
    });
    expect(ok.status).to.equal('scheduled');
  });

  it('applies contact.region as well as the number: the Sunday slots of a New York number in Alabama are closed', async () => {
    const backend = make();
    const sunday = {from: ny('2026-12-06', '12:00'), to: ny('2026-12-06', '13:00'), type: 'campaign' as const};
    const plain = await backend.getAvailability({...sunday, contactId: 'ny'});
    expect(plain.every((s) => s.available)).to.equal(true);
    const alabama = await backend.getAvailability({...sunday, contactId: 'ny-al'});
    expect(alabama.map((s) => [s.available, s.reason, s.rule?.jurisdiction])).to.deep.equal([
      [false, 'jurisdiction-no-calls-day', 'US-AL'],
      [false, 'jurisdiction-no-calls-day', 'US-AL'],
    ]);
    const error = await rejection(
      backend.scheduleCallback(request('ny-al', NEW_YORK, ny('2026-12-06', '12:00')), {idempotencyKey: key()}),
    );
    expect(error.reason).to.equal('jurisdiction-no-calls-day');
  });

  it('without callingRules in the policy (the default) only the calling window applies', async () => {
    const backend = make({});
    const booked = await backend.scheduleCallback(request('fl', FLORIDA, ny('2026-12-04', '20:30')), {
      idempotencyKey: key(),
    });
    expect(booked.status).to.equal('scheduled');
  });
});
