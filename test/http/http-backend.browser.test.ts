/**
 * HttpBackend in the browser (Chromium, and Firefox) against the reference server over real loopback HTTP (another
 * origin: CORS, fetch streaming of server-sent events). The server runs in the test runner's process through
 * test/http/reference-server-plugin.mjs; the scenarios are the ones the Node suite runs too.
 */
import {expect} from 'chai';
import {referenceServerUrl} from '../support/reference-server.js';
import {describeHttpBackendScenarios} from './http-backend.scenarios.js';

describe('HttpBackend in the browser (reference server over loopback)', () => {
  let url = '';

  before(async function () {
    this.timeout(180_000); // the server starts on first use: PGlite (PostgreSQL in WebAssembly) takes seconds, more under load
    url = await referenceServerUrl();
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(url).origin).not.to.equal(location.origin);
  });

  describeHttpBackendScenarios(() => url);
});
