import {expect} from 'chai';
import {formatTimeOfDay, parseTimeOfDay} from '../../src/components/callback-scheduler/scheduler-form-model.js';

describe("the scheduler's text time fields (parseTimeOfDay)", () => {
  it('reads every hour cycle and style a locale writes', () => {
    const cases: Record<string, string> = {
      '9:30': '09:30',
      '09:30': '09:30',
      '9.30': '09:30',
      '930': '09:30',
      '1430': '14:30',
      '9:30 pm': '21:30',
      '9 AM': '09:00',
      '12 am': '00:00',
      '21h30': '21:30',
      '09 h 30': '09:30',
      '9 h': '09:00',
      '14\u00a0h\u00a000': '14:00',
    };
    for (const [text, hhmm] of Object.entries(cases)) expect(parseTimeOfDay(text), text).to.equal(hhmm);
  });

  it('refuses what is not a time of day', () => {
    for (const text of ['', '25:00', '9:75', '13 pm', 'noon', '9:3', '9 h 30 h']) {
      expect(parseTimeOfDay(text), text).to.equal(undefined);
    }
  });

  it('reads back what it shows, in every shipped locale', () => {
    for (const locale of ['en-US', 'en-GB', 'es-ES', 'fr-CA', 'fr-FR', 'pt-BR']) {
      for (const hhmm of ['00:00', '09:05', '12:30', '21:45']) {
        expect(parseTimeOfDay(formatTimeOfDay(hhmm, locale)), `${locale} ${formatTimeOfDay(hhmm, locale)}`).to.equal(
          hhmm,
        );
      }
    }
  });
});
