import {expect} from 'chai';
import {callingWindowViolation} from '../../src/core/calling-window.js';

const NY = ['America/New_York'];

describe('core/calling-window', () => {
  it('allows 20:59 local and refuses 21:00 local (end exclusive), also on a DST day', () => {
    // 2026-11-23: EST (-05:00)
    expect(callingWindowViolation('2026-11-24T01:59:00Z', null, NY)).to.equal(null);
    expect(callingWindowViolation('2026-11-24T02:00:00Z', null, NY)).to.equal('outside-calling-hours');
    // 2026-03-08, the spring-forward day: 21:00 is EDT (-04:00)
    expect(callingWindowViolation('2026-03-09T00:59:00Z', null, NY)).to.equal(null);
    expect(callingWindowViolation('2026-03-09T01:00:00Z', null, NY)).to.equal('outside-calling-hours');
  });

  it('refuses 07:59 and allows 08:00 local', () => {
    expect(callingWindowViolation('2026-11-23T12:59:00Z', null, NY)).to.equal('outside-calling-hours');
    expect(callingWindowViolation('2026-11-23T13:00:00Z', null, NY)).to.equal(null);
  });

  it('requires the window in EVERY candidate zone of an ambiguous number', () => {
    const idaho = ['America/Denver', 'America/Los_Angeles'];
    // 08:30 Mountain is 07:30 Pacific
    expect(callingWindowViolation('2026-11-23T15:30:00Z', null, idaho)).to.equal('outside-calling-hours');
    // 20:30 Pacific is 21:30 Mountain
    expect(callingWindowViolation('2026-11-24T04:30:00Z', null, idaho)).to.equal('outside-calling-hours');
    // 12:00 Mountain is 11:00 Pacific
    expect(callingWindowViolation('2026-11-23T19:00:00Z', null, idaho)).to.equal(null);
    // the order of candidates does not matter
    expect(callingWindowViolation('2026-11-23T15:30:00Z', null, [...idaho].reverse())).to.equal(
      'outside-calling-hours',
    );
  });

  it('checks a whole slot when its end is given: 20:30-21:00 is fine, 20:45-21:15 is not', () => {
    expect(callingWindowViolation('2026-11-24T01:30:00Z', null, NY, {}, {end: '2026-11-24T02:00:00Z'})).to.equal(null);
    expect(callingWindowViolation('2026-11-24T01:45:00Z', null, NY, {}, {end: '2026-11-24T02:15:00Z'})).to.equal(
      'outside-calling-hours',
    );
    // a span that starts and ends inside but runs through the night is refused
    expect(callingWindowViolation('2026-11-24T01:30:00Z', null, NY, {}, {end: '2026-11-24T14:00:00Z'})).to.equal(
      'outside-calling-hours',
    );
  });

  it('applies a policy calling window', () => {
    const policy = {callingWindow: {start: '09:00', end: '20:00'}};
    expect(callingWindowViolation('2026-11-23T13:30:00Z', null, NY, policy)).to.equal('outside-calling-hours');
    expect(callingWindowViolation('2026-11-24T00:59:00Z', null, NY, policy)).to.equal(null);
    expect(callingWindowViolation('2026-11-24T01:00:00Z', null, NY, policy)).to.equal('outside-calling-hours');
  });

  it("enforces the phone's own contact window after the legal window", () => {
    const phone = {contactFrom: '09:00', contactUntil: '17:00'};
    expect(callingWindowViolation('2026-11-23T13:30:00Z', phone, NY)).to.equal('outside-contact-window'); // 08:30
    expect(callingWindowViolation('2026-11-23T17:00:00Z', phone, NY)).to.equal(null); // 12:00
    expect(callingWindowViolation('2026-11-23T22:00:00Z', phone, NY)).to.equal('outside-contact-window'); // 17:00
    expect(callingWindowViolation('2026-11-23T12:00:00Z', phone, NY)).to.equal('outside-calling-hours'); // 07:00
    expect(callingWindowViolation('2026-11-23T14:00:00Z', {contactFrom: '09:00'}, NY)).to.equal(null); // 09:00, open end
  });

  it('handles contact and calling windows that wrap past midnight', () => {
    const allDay = {callingWindow: {start: '00:00', end: '24:00'}};
    const nights = {contactFrom: '22:00', contactUntil: '06:00'};
    expect(callingWindowViolation('2026-11-24T04:00:00Z', nights, NY, allDay)).to.equal(null); // 23:00
    expect(callingWindowViolation('2026-11-24T10:00:00Z', nights, NY, allDay)).to.equal(null); // 05:00
    expect(callingWindowViolation('2026-11-24T12:00:00Z', nights, NY, allDay)).to.equal('outside-contact-window'); // 07:00
  });

  it('is right in half-hour zones (Newfoundland, India, Lord Howe)', () => {
    expect(callingWindowViolation('2026-11-23T11:29:00Z', null, ['America/St_Johns'])).to.equal(
      'outside-calling-hours',
    ); // 07:59 NST
    expect(callingWindowViolation('2026-11-23T11:30:00Z', null, ['America/St_Johns'])).to.equal(null); // 08:00 NST
    expect(callingWindowViolation('2026-11-23T15:29:00Z', null, ['Asia/Kolkata'])).to.equal(null); // 20:59 IST
    expect(callingWindowViolation('2026-11-23T15:30:00Z', null, ['Asia/Kolkata'])).to.equal('outside-calling-hours');
    // Lord Howe in DST (+11:00) on 2026-11-23: 08:00 local is 21:00Z the day before
    expect(callingWindowViolation('2026-11-22T21:00:00Z', null, ['Australia/Lord_Howe'])).to.equal(null);
    expect(callingWindowViolation('2026-11-22T20:59:00Z', null, ['Australia/Lord_Howe'])).to.equal(
      'outside-calling-hours',
    );
  });

  it('never treats an unknown zone as allowed', () => {
    expect(callingWindowViolation('2026-11-23T17:00:00Z', null, [])).to.equal('unknown-time-zone');
    expect(callingWindowViolation('2026-11-23T17:00:00Z', null, ['Mars/Olympus'])).to.equal('unknown-time-zone');
    // an invalid candidate next to a valid one is ignored
    expect(callingWindowViolation('2026-11-23T17:00:00Z', null, ['Mars/Olympus', 'America/New_York'])).to.equal(null);
  });

  // Issue 14: on 2026-11-01 New York falls back at 02:00 EDT (06:00Z) to 01:00 EST, so 01:00-01:59 happens twice.
  // A window is a set of wall-clock times: an instant is inside when the clock on the wall reads a time inside it.
  const allDay = {callingWindow: {start: '00:00', end: '24:00'}};

  it('contact window 01:30-02:30 on a clocks-back day: 01:00-01:29 EST is outside, 01:30 EDT and EST inside', () => {
    const window = {contactFrom: '01:30', contactUntil: '02:30'};
    const at = (instant: string) => callingWindowViolation(instant, window, NY, allDay);
    expect(at('2026-11-01T05:00:00Z'), '01:00 EDT').to.equal('outside-contact-window');
    expect(at('2026-11-01T05:30:00Z'), '01:30 EDT').to.equal(null);
    expect(at('2026-11-01T05:59:00Z'), '01:59 EDT').to.equal(null);
    expect(at('2026-11-01T06:00:00Z'), '01:00 EST').to.equal('outside-contact-window');
    expect(at('2026-11-01T06:15:00Z'), '01:15 EST').to.equal('outside-contact-window');
    expect(at('2026-11-01T06:30:00Z'), '01:30 EST').to.equal(null);
    expect(at('2026-11-01T07:29:00Z'), '02:29 EST').to.equal(null);
    expect(at('2026-11-01T07:30:00Z'), '02:30 EST').to.equal('outside-contact-window');
  });

  it('contact window 00:00-01:30 on a clocks-back day: 01:15 EST (the second 01:15) is inside', () => {
    const window = {contactFrom: '00:00', contactUntil: '01:30'};
    const at = (instant: string) => callingWindowViolation(instant, window, NY, allDay);
    expect(at('2026-11-01T05:15:00Z'), '01:15 EDT').to.equal(null);
    expect(at('2026-11-01T05:45:00Z'), '01:45 EDT').to.equal('outside-contact-window');
    expect(at('2026-11-01T06:15:00Z'), '01:15 EST').to.equal(null);
    expect(at('2026-11-01T06:45:00Z'), '01:45 EST').to.equal('outside-contact-window');
  });

  it('a slot across the clocks-back instant must be inside the window on both sides of it', () => {
    // [01:45 EDT, 01:15 EST): wall times 01:45-02:00 then 01:00-01:15
    const slot = {end: '2026-11-01T06:15:00Z'};
    const start = '2026-11-01T05:45:00Z';
    expect(callingWindowViolation(start, {contactFrom: '01:00', contactUntil: '02:00'}, NY, allDay, slot)).to.equal(
      null,
    );
    expect(callingWindowViolation(start, {contactFrom: '01:30', contactUntil: '02:30'}, NY, allDay, slot)).to.equal(
      'outside-contact-window',
    );
    expect(callingWindowViolation(start, {contactFrom: '00:00', contactUntil: '01:30'}, NY, allDay, slot)).to.equal(
      'outside-contact-window',
    );
    // the same edges as a calling window
    expect(
      callingWindowViolation('2026-11-01T06:15:00Z', null, NY, {callingWindow: {start: '01:30', end: '02:30'}}),
    ).to.equal('outside-calling-hours');
  });

  it('rejects an instant without an offset', () => {
    expect(() => callingWindowViolation('2026-11-23T12:00:00', null, NY)).to.throw(RangeError);
  });
});
