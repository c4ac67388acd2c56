/**
 * Property tests (fast-check) of the calling and contact windows on DST days, checked against an oracle that uses
 * `Intl.DateTimeFormat` only: an instant is inside a window when the wall clock of the zone (as Intl prints it)
 * reads a time inside `[start, end)`; a slot is inside when every instant of it is. Unlike test/core/properties,
 * wall times that occur twice (clocks back) are NOT skipped: the first and the second 01:15 are both 01:15.
 */
import {expect} from 'chai';
import fc from 'fast-check';
import {callingWindowViolation} from '../../src/core/calling-window.js';
import {Temporal} from '../../src/core/temporal.js';
import {
  DST_ZONES,
  hhmm,
  insideWindowByIntl,
  intervalInsideByIntl,
  transitionsByIntl,
  wallMinuteByIntl,
} from './calling-oracle.js';

describe('calling window on DST days (fast-check against Intl)', function () {
  this.timeout(60_000);

  it('an instant near a transition is allowed exactly when its wall time is inside the window', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...DST_ZONES),
        fc.integer({min: 2000, max: 2037}),
        fc.nat(),
        fc.integer({min: -180, max: 180}), // minutes from the transition
        fc.integer({min: -8, max: 8}), // window start: the transition's wall time +- 2 h in 15-minute steps
        fc.integer({min: 1, max: 16}), // window length in 15-minute steps
        fc.boolean(), // contact window (true) or calling window
        (zone, year, pick, offsetMinutes, startStep, lengthSteps, contact) => {
          const found = transitionsByIntl(year, zone);
          fc.pre(found.length > 0);
          const at = found[pick % found.length];
          const epochMs = at + offsetMinutes * 60_000;
          const edge = wallMinuteByIntl(at - 1000, zone);
          const open = (((Math.floor(edge / 15) * 15 + startStep * 15) % 1440) + 1440) % 1440;
          const close = (open + lengthSteps * 15) % 1440;
          const window = {start: hhmm(open), end: hhmm(close)};
          const inside = insideWindowByIntl(epochMs, zone, open, close);
          const instant = Temporal.Instant.fromEpochMilliseconds(epochMs);
          const violation = contact
            ? callingWindowViolation(instant, {contactFrom: window.start, contactUntil: window.end}, [zone], {
                callingWindow: {start: '00:00', end: '24:00'},
              })
            : callingWindowViolation(instant, null, [zone], {callingWindow: window});
          const refusal = contact ? 'outside-contact-window' : 'outside-calling-hours';
          expect(
            violation,
            `${new Date(epochMs).toISOString()} in ${zone}, window ${window.start}-${window.end}`,
          ).to.equal(inside ? null : refusal);
          checked++;
        },
      ),
      {numRuns: 300},
    );
    expect(checked).to.equal(300);
  });

  it('a slot across a transition is allowed exactly when every minute of it is inside the window', () => {
    let across = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...DST_ZONES),
        fc.integer({min: 2000, max: 2037}),
        fc.nat(),
        fc.integer({min: -120, max: 60}),
        fc.constantFrom(15, 30, 45, 60, 90),
        fc.integer({min: -8, max: 8}),
        fc.integer({min: 1, max: 16}),
        (zone, year, pick, offsetMinutes, slotMinutes, startStep, lengthSteps) => {
          const found = transitionsByIntl(year, zone);
          fc.pre(found.length > 0);
          const at = found[pick % found.length];
          const startMs = at + offsetMinutes * 60_000;
          const endMs = startMs + slotMinutes * 60_000;
          if (startMs < at && endMs > at) across++;
          const edge = wallMinuteByIntl(at - 1000, zone);
          const open = (((Math.floor(edge / 15) * 15 + startStep * 15) % 1440) + 1440) % 1440;
          const close = (open + lengthSteps * 15) % 1440;
          const inside = intervalInsideByIntl(startMs, endMs, zone, open, close);
          const violation = callingWindowViolation(
            Temporal.Instant.fromEpochMilliseconds(startMs),
            {contactFrom: hhmm(open), contactUntil: hhmm(close)},
            [zone],
            {callingWindow: {start: '00:00', end: '24:00'}},
            {end: Temporal.Instant.fromEpochMilliseconds(endMs)},
          );
          expect(
            violation,
            `[${new Date(startMs).toISOString()}, ${new Date(endMs).toISOString()}) in ${zone}, window ${hhmm(open)}-${hhmm(close)}`,
          ).to.equal(inside ? null : 'outside-contact-window');
        },
      ),
      {numRuns: 300},
    );
    expect(across, 'slots that span a transition were exercised').to.be.greaterThan(10);
  });
});
