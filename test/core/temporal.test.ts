import {expect} from 'chai';
import {isNativeTemporal, Temporal} from '../../src/core/temporal.js';

const g = globalThis as {Temporal?: unknown; __CALLBACK_KIT_FORCE_TEMPORAL_POLYFILL__?: boolean};

describe('core/temporal', () => {
  it('uses the native Temporal exactly when the platform has one and the polyfill is not forced', () => {
    const expectNative = g.Temporal !== undefined && !g.__CALLBACK_KIT_FORCE_TEMPORAL_POLYFILL__;
    expect(isNativeTemporal).to.equal(expectNative);
    if (expectNative) expect(Temporal).to.equal(g.Temporal);
    else expect(Temporal).to.not.equal(g.Temporal);
  });

  it('never installs a global Temporal', () => {
    // Node 20 has none; the polyfill must not have added one.
    if (!isNativeTemporal && typeof (globalThis as {window?: unknown}).window === 'undefined') {
      expect(g.Temporal).to.equal(undefined);
    }
  });

  it('does zoned arithmetic (smoke test of whichever implementation is loaded)', () => {
    const zdt = Temporal.ZonedDateTime.from('2026-03-08T01:30:00-05:00[America/New_York]');
    expect(zdt.add({minutes: 30}).toString()).to.equal('2026-03-08T03:00:00-04:00[America/New_York]');
  });
});
