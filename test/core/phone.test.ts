import {expect} from 'chai';
import {callingWindowViolation} from '../../src/core/calling-window.js';
import {loadPhoneTools} from '../../src/core/phone-loader.js';
import {formatPhone, parsePhone, timeZonesForPhone} from '../../src/core/phone.js';

describe('core/phone: timeZonesForPhone', () => {
  it('resolves single-zone NANP area codes, in E.164 and national format', () => {
    expect(timeZonesForPhone('+12125550123')).to.deep.equal(['America/New_York']);
    expect(timeZonesForPhone('(212) 555-0123')).to.deep.equal(['America/New_York']);
    expect(timeZonesForPhone('212-555-0123', 'US')).to.deep.equal(['America/New_York']);
    expect(timeZonesForPhone('+1 312 555 0100')).to.deep.equal(['America/Chicago']);
    expect(timeZonesForPhone('+14155550100')).to.deep.equal(['America/Los_Angeles']);
    expect(timeZonesForPhone('+18082220100')).to.deep.equal(['Pacific/Honolulu']);
  });

  it('resolves Arizona (no DST) and Newfoundland (half-hour) correctly', () => {
    expect(timeZonesForPhone('+16025550100')).to.deep.equal(['America/Phoenix']);
    expect(timeZonesForPhone('+14805550100')).to.deep.equal(['America/Phoenix']);
    expect(timeZonesForPhone('+17097220100')[0]).to.equal('America/St_Johns');
  });

  it('splits an area code that spans zones by its central-office prefix', () => {
    // 208 Idaho: Boise area is Mountain, the panhandle Pacific
    expect(timeZonesForPhone('+12087330100')).to.deep.equal(['America/Denver']);
    expect(timeZonesForPhone('+12086660100')).to.deep.equal(['America/Los_Angeles']);
    // 219 Indiana: Gary is Central, the rest Eastern
    expect(timeZonesForPhone('+12199800100')).to.deep.equal(['America/Chicago']);
    expect(timeZonesForPhone('+12192920100')).to.deep.equal(['America/New_York']);
    // 270 Kentucky and 250 British Columbia
    expect(timeZonesForPhone('+12706830100')).to.deep.equal(['America/Chicago']);
    expect(timeZonesForPhone('+12702800100')).to.deep.equal(['America/New_York']);
    expect(timeZonesForPhone('+12502420100')).to.deep.equal(['America/Edmonton']);
    expect(timeZonesForPhone('+12508600100')).to.deep.equal(['America/Vancouver']);
  });

  it('returns every candidate, most likely first, when a prefix maps to several zones', () => {
    const idaho = timeZonesForPhone('+12085550123');
    expect(idaho).to.have.members(['America/Boise', 'America/Los_Angeles']);
    expect(idaho.length).to.equal(2);
    expect(timeZonesForPhone('+17015550100')).to.deep.equal(['America/North_Dakota/Center', 'America/Denver']);
  });

  it('resolves numbers outside NANP by their own prefixes', () => {
    expect(timeZonesForPhone('+442079460000')).to.deep.equal(['Europe/London']);
    expect(timeZonesForPhone('020 7946 0000', 'GB')).to.deep.equal(['Europe/London']);
    expect(timeZonesForPhone('+919876543210')).to.deep.equal(['Asia/Kolkata']);
    expect(timeZonesForPhone('+61293745100')).to.deep.equal(['Australia/Sydney']);
    expect(timeZonesForPhone('+34912345678')).to.deep.equal(['Europe/Madrid']);
  });

  // Issue 14: libphonenumber gives a number that is not tied to a place (a mobile in Russia or Australia, a
  // toll-free number) every zone of its country code; so must we, and the calling window must hold in all.
  it('gives a Russian mobile every zone of +7, Moscow first (issue 14)', () => {
    const zones = timeZonesForPhone('+7 914 123 4567');
    expect(zones[0]).to.equal('Europe/Moscow');
    expect(zones).to.include.members(['Asia/Vladivostok', 'Asia/Kamchatka', 'Asia/Yekaterinburg', 'Asia/Almaty']);
    expect(zones).to.have.length(16);
    expect(new Set(zones).size).to.equal(zones.length);
    // a Moscow fixed line stays in Moscow
    expect(timeZonesForPhone('+7 495 123 4567')).to.deep.equal(['Europe/Moscow']);
  });

  it('gives an Australian mobile every zone of +61, Sydney first; fixed lines keep their prefix (issue 14)', () => {
    const zones = timeZonesForPhone('+61 412 345 678');
    expect(zones[0]).to.equal('Australia/Sydney');
    expect(zones).to.have.members([
      'Australia/Sydney',
      'Australia/Brisbane',
      'Australia/Adelaide',
      'Australia/Perth',
      'Australia/Eucla',
      'Australia/Lord_Howe',
      'Indian/Christmas',
      'Indian/Cocos',
    ]);
    expect(timeZonesForPhone('+61 2 9374 5100')).to.deep.equal(['Australia/Sydney']);
    expect(timeZonesForPhone('+34 612 345 678')).to.deep.equal(['Europe/Madrid', 'Atlantic/Canary']);
    expect(timeZonesForPhone('+34 928 123 456')).to.deep.equal(['Atlantic/Canary']);
  });

  it('keeps mobiles geographic where libphonenumber does (Mexico, Brazil) and in the NANP', () => {
    expect(timeZonesForPhone('+52 55 1234 5678')).to.deep.equal(['America/Mexico_City']);
    expect(timeZonesForPhone('+55 11 91234 5678')).to.deep.equal(['America/Sao_Paulo']);
    expect(timeZonesForPhone('+1 242 357 1234')).to.deep.equal(['America/Nassau']);
  });

  it('gives a NANP toll-free number every NANP zone, New York first', () => {
    const zones = timeZonesForPhone('+1 800 555 0123');
    expect(zones[0]).to.equal('America/New_York');
    expect(zones).to.include.members(['Pacific/Honolulu', 'America/St_Johns', 'Pacific/Guam', 'America/Anchorage']);
    expect(zones).to.have.length(42);
  });

  it('knows the 983 Colorado overlay in every exchange (parser metadata of libphonenumber 9.0.43)', () => {
    expect(timeZonesForPhone('+1 983 555 0123')).to.deep.equal(['America/Denver']);
    expect(timeZonesForPhone('+1 983 220 1234')).to.deep.equal(['America/Denver']);
  });

  it('refuses 03:00 in Vladivostok and 05:00 in Perth for mobiles, though Moscow and Sydney are in hours (issue 14)', () => {
    // 2026-11-23T17:00Z: 20:00 in Moscow, 03:00 in Vladivostok
    expect(callingWindowViolation('2026-11-23T17:00:00Z', null, ['Europe/Moscow'])).to.equal(null);
    expect(callingWindowViolation('2026-11-23T17:00:00Z', null, timeZonesForPhone('+7 914 123 4567'))).to.equal(
      'outside-calling-hours',
    );
    // 2026-11-22T21:00Z: 08:00 in Sydney (AEDT), 05:00 in Perth
    expect(callingWindowViolation('2026-11-22T21:00:00Z', null, ['Australia/Sydney'])).to.equal(null);
    expect(callingWindowViolation('2026-11-22T21:00:00Z', null, timeZonesForPhone('+61 412 345 678'))).to.equal(
      'outside-calling-hours',
    );
  });

  it('uses current IANA names, not legacy links', () => {
    expect(timeZonesForPhone('+9779841234567')).to.deep.equal(['Asia/Kathmandu']);
    expect(timeZonesForPhone('+919876543210')).to.not.include('Asia/Calcutta');
  });

  it('returns [] and never throws on unknown or invalid input', () => {
    for (const input of [
      '',
      'garbage',
      '+',
      '+1',
      '12345',
      '+999123456789',
      '911',
      '+1 212 555',
      '+1212555012345678',
      'x'.repeat(10_000),
    ]) {
      expect(timeZonesForPhone(input), JSON.stringify(input.slice(0, 20))).to.deep.equal([]);
    }
    for (const input of [null, undefined, 42, {}, []]) {
      expect(timeZonesForPhone(input as unknown as string)).to.deep.equal([]);
    }
    expect(timeZonesForPhone('+12125550123', 'ZZ')).to.deep.equal(['America/New_York']);
    expect(timeZonesForPhone('2125550123', 'ZZ')).to.deep.equal([]);
  });

  it('returns a fresh array each call (callers may mutate it)', () => {
    const first = timeZonesForPhone('+12125550123');
    first.push('Mars/Olympus');
    expect(timeZonesForPhone('+12125550123')).to.deep.equal(['America/New_York']);
  });
});

describe('core/phone: parsing and formatting', () => {
  it('parses to E.164 and reports the country', () => {
    expect(parsePhone('(208) 733-0100')).to.deep.include({
      e164: '+12087330100',
      country: 'US',
      countryCallingCode: '1',
    });
    expect(parsePhone('+1 709 722 0100')).to.deep.include({e164: '+17097220100', country: 'CA'});
    expect(parsePhone('nope')).to.equal(null);
  });

  it('formats nationally at home and internationally abroad', () => {
    expect(formatPhone('+12125550123')).to.equal('(212) 555-0123');
    expect(formatPhone('+442079460000')).to.equal('+44 20 7946 0000');
    expect(formatPhone('+17097221834')).to.equal('(709) 722-1834'); // Canada shares the NANP: dialled nationally
    expect(formatPhone('+442079460000', 'GB')).to.equal('020 7946 0000');
    expect(formatPhone('garbage')).to.equal('garbage');
  });

  it('loads lazily through loadPhoneTools, once', async () => {
    const [a, b] = await Promise.all([loadPhoneTools(), loadPhoneTools()]);
    expect(a).to.equal(b);
    expect(a.timeZonesForPhone('+12125550123')).to.deep.equal(['America/New_York']);
  });
});
