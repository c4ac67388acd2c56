import {expect} from 'chai';
import {loadPhoneTools} from '../../src/core/phone-loader.js';
import {regionsForPhone} from '../../src/core/phone.js';

describe('core/phone: regionsForPhone', () => {
  it('maps US and Canadian area codes to ISO 3166-2 regions, in E.164 and national format', () => {
    expect(regionsForPhone('+1 305 555 0123')).to.deep.equal(['US-FL']);
    expect(regionsForPhone('(205) 555-0123')).to.deep.equal(['US-AL']);
    expect(regionsForPhone('+1 212 555 0123')).to.deep.equal(['US-NY']);
    expect(regionsForPhone('+1 202 555 0123')).to.deep.equal(['US-DC']);
    expect(regionsForPhone('+1 416 555 0123')).to.deep.equal(['CA-ON']);
    expect(regionsForPhone('+1 604 555 0123')).to.deep.equal(['CA-BC']);
    expect(regionsForPhone('+1 709 722 1834')).to.deep.equal(['CA-NL']);
    // 983, the Colorado overlay of issue 14
    expect(regionsForPhone('+1 983 555 0123')).to.deep.equal(['US-CO']);
  });

  it('gives every candidate of an area code that spans regions, narrowed by a known exchange', () => {
    expect(regionsForPhone('+1 902 555 0123')).to.have.members(['CA-NS', 'CA-PE']);
    expect(regionsForPhone('+1 902 224 1234')).to.deep.equal(['CA-NS']);
    expect(regionsForPhone('+1 867 555 0123')).to.have.members(['CA-NT', 'CA-NU', 'CA-YT']);
    expect(regionsForPhone('+1 867 669 1234')).to.deep.equal(['CA-NT']);
    // 201: New Jersey, with one exchange the data puts in New York
    expect(regionsForPhone('+1 201 555 0123')).to.deep.equal(['US-NJ', 'US-NY']);
    expect(regionsForPhone('+1 201 631 1234')).to.deep.equal(['US-NY']);
  });

  it('answers territories, other NANP countries and the rest of the world with the country', () => {
    expect(regionsForPhone('+1 787 555 1234')).to.deep.equal(['US-PR']);
    expect(regionsForPhone('+1 340 555 1234')).to.deep.equal(['US-VI']);
    expect(regionsForPhone('+1 242 357 1234')).to.deep.equal(['BS']);
    expect(regionsForPhone('+44 20 7946 0000')).to.deep.equal(['GB']);
    expect(regionsForPhone('+61 412 345 678')).to.deep.equal(['AU']);
    // not tied to a place: somewhere in the US
    expect(regionsForPhone('+1 800 555 0123')).to.deep.equal(['US']);
  });

  it('returns [] and never throws on invalid input; a fresh array each call', () => {
    for (const input of ['', 'garbage', '+1', '+1 212 555', 'x'.repeat(10_000)]) {
      expect(regionsForPhone(input)).to.deep.equal([]);
    }
    for (const input of [null, undefined, 42, {}])
      expect(regionsForPhone(input as unknown as string)).to.deep.equal([]);
    const first = regionsForPhone('+1 305 555 0123');
    first.push('US-XX');
    expect(regionsForPhone('+1 305 555 0123')).to.deep.equal(['US-FL']);
  });

  it('is one of the lazily loaded phone tools', async () => {
    const tools = await loadPhoneTools();
    expect(tools.regionsForPhone('+1 305 555 0123')).to.deep.equal(['US-FL']);
  });
});
