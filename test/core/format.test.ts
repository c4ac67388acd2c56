import {expect} from 'chai';
import {Temporal} from '../../src/core/temporal.js';
import {formatTime, formatTimeRange, zoneLabel, zoneLongName} from '../../src/internal/format.js';

/**
 * The shared formatter writes one time style and one zone style per locale (issue 15: Spanish rows "08:00" next to
 * slots "8:00", a header "GMT-5" next to a legend "hora oriental"). Expected values come from Intl itself.
 */
const NY = 'America/New_York';
const at = (iso: string) => Temporal.Instant.from(iso);
const EIGHT = at('2026-11-23T13:00:00Z'); // 8:00 in New York
const EIGHT_THIRTY = at('2026-11-23T13:30:00Z');
const LOCALES = ['en-US', 'en-GB', 'es-ES', 'es-MX', 'es-MX-u-hc-h23', 'fr-CA', 'fr-FR', 'pt-BR', 'de-DE'];

const intl = (locale: string, options: Intl.DateTimeFormatOptions, instant: Temporal.Instant) =>
  new Intl.DateTimeFormat(locale, {timeZone: NY, ...options}).format(instant.epochMilliseconds);

describe('internal/format: one time style per locale', () => {
  for (const locale of LOCALES) {
    it(`${locale}: a range starts and ends as the times alone read, with or without the zone`, () => {
      for (const zoneName of [false, true]) {
        const time = formatTime(EIGHT, {locale, timeZone: NY});
        const end = formatTime(EIGHT_THIRTY, {locale, timeZone: NY});
        const range = formatTimeRange(EIGHT, EIGHT_THIRTY, {locale, timeZone: NY, zoneName});
        // The hour and minutes of each end read as the time alone does (a 12-hour range may share its day period).
        const clock = (s: string) => /\d+\D{1,3}\d{2}/.exec(s)?.[0];
        expect(range.startsWith(clock(time)!), `${range} starts with ${time}`).to.equal(true);
        expect(range, `${range} holds ${end}`).to.contain(clock(end)!);
      }
    });
  }

  it("a 24-hour clock pads the hour exactly when the locale's own short time style does", () => {
    for (const locale of ['en-GB', 'es-ES', 'fr-CA', 'fr-FR', 'pt-BR', 'de-DE']) {
      const own = intl(locale, {timeStyle: 'short'}, EIGHT);
      expect(formatTime(EIGHT, {locale, timeZone: NY}), locale).to.equal(own);
    }
  });

  it('es-ES reads 8:00 and 8:00-8:30 (not 08:00 next to 8:00); fr-CA 08 h 00 and 08 h 00 - 08 h 30', () => {
    expect(formatTime(EIGHT, {locale: 'es-ES', timeZone: NY})).to.match(/^8:00$/);
    expect(formatTimeRange(EIGHT, EIGHT_THIRTY, {locale: 'es-ES', timeZone: NY})).to.match(/^8:00\s?–\s?8:30$/);
    expect(formatTime(EIGHT, {locale: 'fr-CA', timeZone: NY})).to.match(/^08\sh\s00$/);
    expect(formatTimeRange(EIGHT, EIGHT_THIRTY, {locale: 'fr-CA', timeZone: NY})).to.match(/^08\sh\s00\s–\s08\sh\s30$/);
  });

  it('an explicit hour cycle still wins (h12 in es-ES, h23 in en-US)', () => {
    expect(formatTime(EIGHT, {locale: 'es-ES', timeZone: NY, hourCycle: 'h12'})).to.match(/^8:00\sa\.\s?m\.$/);
    expect(formatTime(EIGHT, {locale: 'en-US', timeZone: NY, hourCycle: 'h23'})).to.equal('08:00');
  });
});

describe('internal/format: one zone style per locale', () => {
  it('zoneLabel: the abbreviation where the locale has one (EST, HNE), else the long name, never "GMT-5"', () => {
    expect(zoneLabel(EIGHT, NY, 'en-US')).to.equal('EST');
    expect(zoneLabel(at('2026-07-01T12:00:00Z'), NY, 'en-US')).to.equal('EDT');
    for (const locale of ['es-ES', 'pt-BR', 'fr-FR']) {
      const label = zoneLabel(EIGHT, NY, locale);
      expect(label, locale).to.equal(zoneLongName(NY, locale, EIGHT));
      expect(label, locale).not.to.match(/GMT|UTC/);
    }
    const frCa = intl('fr-CA', {timeZoneName: 'short'}, EIGHT).split(' ').at(-1)!;
    expect(zoneLabel(EIGHT, NY, 'fr-CA')).to.equal(/^(GMT|UTC)/.test(frCa) ? zoneLongName(NY, 'fr-CA', EIGHT) : frCa);
  });
});
