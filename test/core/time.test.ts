import {expect} from 'chai';
import {Temporal} from '../../src/core/temporal.js';
import {
  generateSlots,
  isValidTimeZone,
  localDayRange,
  localTimeToMinutes,
  wallClockInstants,
  type ZonedSlot,
} from '../../src/core/time.js';

/** Local wall time with offset, e.g. "01:30-04:00": what an agent would need to tell two slots apart. */
const label = (s: ZonedSlot) => `${s.start.toPlainTime().toString().slice(0, 5)}${s.start.offset}`;
const hours = (open: string, close: string) => ({start: open, end: close});

function expectContiguous(slots: ZonedSlot[], minutes: number) {
  for (const [i, slot] of slots.entries()) {
    expect(slot.end.toInstant().since(slot.start.toInstant()).total('minutes'), `slot ${i} length`).to.equal(minutes);
    const starts = slots.map((s) => s.start.epochNanoseconds);
    expect(new Set(starts).size, 'distinct instants').to.equal(slots.length);
  }
}

const night = (zone: string, date: string, open = '00:00', close = '04:00', slotMinutes = 30) =>
  generateSlots({timeZone: zone, from: date, to: date, slotMinutes, hours: hours(open, close)});

describe('core/time: DST-aware slot generation', () => {
  describe('America/New_York', () => {
    it('skips the local times that do not exist when clocks spring forward (2026-03-08 02:00 -> 03:00)', () => {
      const slots = night('America/New_York', '2026-03-08');
      expect(slots.map(label)).to.deep.equal([
        '00:00-05:00',
        '00:30-05:00',
        '01:00-05:00',
        '01:30-05:00',
        '03:00-04:00',
        '03:30-04:00',
      ]);
      // the 01:30 slot lasts 30 real minutes and so ends at 03:00 EDT
      expect(slots[3].end.toString()).to.equal('2026-03-08T03:00:00-04:00[America/New_York]');
      expectContiguous(slots, 30);
    });

    it('gives two distinct slots for each repeated local time when clocks fall back (2026-11-01 02:00 -> 01:00)', () => {
      const slots = night('America/New_York', '2026-11-01', '00:00', '03:00');
      expect(slots.map(label)).to.deep.equal([
        '00:00-04:00',
        '00:30-04:00',
        '01:00-04:00',
        '01:30-04:00',
        '01:00-05:00',
        '01:30-05:00',
        '02:00-05:00',
        '02:30-05:00',
      ]);
      expect(slots.map((s) => s.start.toInstant().toString()).slice(2, 6)).to.deep.equal([
        '2026-11-01T05:00:00Z',
        '2026-11-01T05:30:00Z',
        '2026-11-01T06:00:00Z',
        '2026-11-01T06:30:00Z',
      ]);
      expectContiguous(slots, 30);
    });

    it('generates plain business-hours slots over a date range in local time', () => {
      const slots = generateSlots({
        timeZone: 'America/New_York',
        from: '2026-11-23',
        to: '2026-11-29',
        slotMinutes: 30,
        hours: {
          1: hours('08:00', '20:00'),
          2: hours('08:00', '20:00'),
          6: [hours('09:00', '12:00'), hours('13:00', '14:00')],
        },
      });
      const byDay = new Map<string, ZonedSlot[]>();
      for (const s of slots)
        byDay.set(s.start.toPlainDate().toString(), [...(byDay.get(s.start.toPlainDate().toString()) ?? []), s]);
      expect([...byDay.keys()]).to.deep.equal(['2026-11-23', '2026-11-24', '2026-11-28']);
      expect(byDay.get('2026-11-23')!.length).to.equal(24);
      expect(byDay.get('2026-11-28')!.map(label)).to.deep.equal([
        '09:00-05:00',
        '09:30-05:00',
        '10:00-05:00',
        '10:30-05:00',
        '11:00-05:00',
        '11:30-05:00',
        '13:00-05:00',
        '13:30-05:00',
      ]);
      expect(slots[0].start.toInstant().toString()).to.equal('2026-11-23T13:00:00Z');
    });
  });

  describe('Europe/London', () => {
    it('spring forward 2026-03-29 01:00 -> 02:00 has no 01:xx slot', () => {
      expect(night('Europe/London', '2026-03-29', '00:00', '03:00').map(label)).to.deep.equal([
        '00:00+00:00',
        '00:30+00:00',
        '02:00+01:00',
        '02:30+01:00',
      ]);
    });

    it('fall back 2026-10-25 02:00 -> 01:00 has 01:00 and 01:30 twice', () => {
      const slots = night('Europe/London', '2026-10-25', '00:30', '02:00');
      expect(slots.map(label)).to.deep.equal([
        '00:30+01:00',
        '01:00+01:00',
        '01:30+01:00',
        '01:00+00:00',
        '01:30+00:00',
      ]);
      expectContiguous(slots, 30);
    });
  });

  describe('Australia/Sydney', () => {
    it('DST starts 2026-10-04 02:00 -> 03:00: no 02:xx slots', () => {
      expect(night('Australia/Sydney', '2026-10-04', '01:00', '04:00').map(label)).to.deep.equal([
        '01:00+10:00',
        '01:30+10:00',
        '03:00+11:00',
        '03:30+11:00',
      ]);
    });

    it('DST ends 2026-04-05 03:00 -> 02:00: 02:00 and 02:30 twice', () => {
      expect(night('Australia/Sydney', '2026-04-05', '01:30', '03:30').map(label)).to.deep.equal([
        '01:30+11:00',
        '02:00+11:00',
        '02:30+11:00',
        '02:00+10:00',
        '02:30+10:00',
        '03:00+10:00',
      ]);
    });
  });

  describe('Australia/Lord_Howe (half-hour DST)', () => {
    it('DST starts 2026-10-04 02:00 -> 02:30: only the 02:00 slot disappears', () => {
      const slots = night('Australia/Lord_Howe', '2026-10-04', '01:00', '03:30');
      expect(slots.map(label)).to.deep.equal(['01:00+10:30', '01:30+10:30', '02:30+11:00', '03:00+11:00']);
      expectContiguous(slots, 30);
    });

    it('DST ends 2026-04-05 02:00 -> 01:30: 01:30 occurs twice', () => {
      const slots = night('Australia/Lord_Howe', '2026-04-05', '01:00', '02:30');
      expect(slots.map(label)).to.deep.equal(['01:00+11:00', '01:30+11:00', '01:30+10:30', '02:00+10:30']);
      expectContiguous(slots, 30);
    });

    it('hourly slots keep to the hour on the wall clock and last 60 real minutes', () => {
      const slots = night('Australia/Lord_Howe', '2026-10-04', '00:00', '04:00', 60);
      expect(slots.map(label)).to.deep.equal(['00:00+10:30', '01:00+10:30', '03:00+11:00']);
      expect(slots[1].end.toPlainTime().toString()).to.equal('02:30:00');
    });

    it('local days last 23.5 and 24.5 hours', () => {
      const length = (date: string) => {
        const [start, end] = localDayRange(date, 'Australia/Lord_Howe');
        return end.since(start).total('hours');
      };
      expect(length('2026-10-04')).to.equal(23.5);
      expect(length('2026-04-05')).to.equal(24.5);
      expect(length('2026-06-15')).to.equal(24);
    });
  });

  describe('America/St_Johns (half-hour zone with DST)', () => {
    it('spring forward 2026-03-08: 01:30 NST slot ends at 03:00 NDT', () => {
      const slots = night('America/St_Johns', '2026-03-08', '01:00', '04:00');
      expect(slots.map(label)).to.deep.equal(['01:00-03:30', '01:30-03:30', '03:00-02:30', '03:30-02:30']);
      expect(slots[0].start.toInstant().toString()).to.equal('2026-03-08T04:30:00Z');
      expect(slots[1].end.toString()).to.equal('2026-03-08T03:00:00-02:30[America/St_Johns]');
    });

    it('fall back 2026-11-01: 01:00 and 01:30 twice', () => {
      expect(night('America/St_Johns', '2026-11-01', '00:30', '02:00').map(label)).to.deep.equal([
        '00:30-02:30',
        '01:00-02:30',
        '01:30-02:30',
        '01:00-03:30',
        '01:30-03:30',
      ]);
    });
  });

  describe('Asia/Kolkata (half-hour zone, no DST)', () => {
    it('places 09:00 IST at 03:30Z', () => {
      const slots = night('Asia/Kolkata', '2026-11-23', '09:00', '10:00');
      expect(slots.map((s) => s.start.toInstant().toString())).to.deep.equal([
        '2026-11-23T03:30:00Z',
        '2026-11-23T04:00:00Z',
      ]);
    });
  });

  describe('helpers', () => {
    it('wallClockInstants: none in a gap, two in an overlap, one otherwise', () => {
      expect(wallClockInstants('2026-03-08', '02:30', 'America/New_York')).to.have.length(0);
      expect(wallClockInstants('2026-11-01', '01:30', 'America/New_York').map((z) => z.offset)).to.deep.equal([
        '-04:00',
        '-05:00',
      ]);
      expect(wallClockInstants('2026-11-23', '14:00', 'America/New_York')).to.have.length(1);
    });

    it('validates zones and local times with clear errors', () => {
      expect(isValidTimeZone('America/Phoenix')).to.equal(true);
      expect(isValidTimeZone('Mars/Olympus')).to.equal(false);
      expect(isValidTimeZone('')).to.equal(false);
      expect(isValidTimeZone(42)).to.equal(false);
      expect(localTimeToMinutes('24:00')).to.equal(1440);
      expect(() => localTimeToMinutes('9:00')).to.throw(RangeError, /Invalid local time "9:00"/);
      expect(() => localTimeToMinutes('24:30')).to.throw(RangeError);
      expect(() => night('Mars/Olympus', '2026-11-23')).to.throw(RangeError, /Unknown time zone "Mars\/Olympus"/);
      expect(() => night('UTC', '2026-11-23', '00:00', '01:00', 0)).to.throw(RangeError, /slotMinutes/);
    });

    it('a 23-hour and a 25-hour day in New York', () => {
      const hoursOf = (date: string) => {
        const [start, end] = localDayRange(date, 'America/New_York');
        return end.since(start).total('hours');
      };
      expect(hoursOf('2026-03-08')).to.equal(23);
      expect(hoursOf('2026-11-01')).to.equal(25);
      expect(Temporal.Instant.from('2026-03-08T05:00:00Z').toZonedDateTimeISO('America/New_York').hour).to.equal(0);
    });
  });
});
