import {expect} from 'chai';
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
