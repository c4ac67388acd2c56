/**
 * Strict validation: every bad field measured on the old server (stored as-is or answered with a 500) is a
 * 4xx naming the field, and nothing is stored. Plus the new contract routes (contacts, agents, status).
 */
import {expect} from 'chai';
import type {ReferenceServer} from '../../server/reference-server.js';
import {contactProblem} from '../../server/store.js';
import {MARIA, SUPERVISOR, book, call, personal, serverOnShared} from './support.js';

describe('server/validation (reference server, strict contract)', function () {
  this.timeout(60_000); // the first test of the process starts PGlite
  let server: ReferenceServer;
  let base: string;

  before(async () => {
    server = await serverOnShared();
    base = server.url;
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    await server.reset();
  });

  /** Books `request` and expects a 400 naming `field` with `code`; then checks nothing was stored. */
  async function refused(request: unknown, field: string, code: string, headers: Record<string, string> = {}) {
    const before = await call(base, '/callbacks?agentId=agent-maria&includeCanceled=true');
    const answer = await call(base, '/callbacks', {
      method: 'POST',
      body: request,
      headers: {'Idempotency-Key': 'k-bad', ...headers},
    });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
    expect(answer.body.code).to.equal('validation');
    expect(answer.body.fieldErrors.map((e: {field: string; code: string}) => `${e.field} ${e.code}`)).to.include(
      `${field} ${code}`,
    );
    const after = await call(base, '/callbacks?agentId=agent-maria&includeCanceled=true');
    expect(after.body).to.have.length(before.body.length);
  }

  it('refuses over-long ids and text, objects where strings belong, unknown fields', async () => {
    await refused(personal(undefined, {dispositionId: 'd'.repeat(129)}), 'dispositionId', 'too-long');
    await refused(personal(undefined, {notes: 'n'.repeat(2001)}), 'notes', 'too-long');
    await refused(personal(undefined, {contactId: {$ne: ''}}), 'contactId', 'invalid-type');
    await refused(personal(undefined, {notes: ['a']}), 'notes', 'invalid-type');
    await refused(personal(undefined, {isAdmin: true}), 'isAdmin', 'unknown-field');
    await refused(personal(undefined, {type: 'vip'}), 'type', 'invalid');
    await refused([personal()], 'body', 'invalid-type');
  });

  it('refuses markup in enums, bad local times and unknown newPhone fields', async () => {
    const newPhone = {number: '+12124567788', type: 'work'};
    const phone = '+12124567788';
    await refused(
      personal(undefined, {phone, newPhone: {...newPhone, type: '<img src=x onerror=alert(1)>'}}),
      'newPhone.type',
      'invalid',
    );
    await refused(
      personal(undefined, {phone, newPhone: {...newPhone, contactFrom: '99:99'}}),
      'newPhone.contactFrom',
      'invalid-local-time',
    );
    await refused(personal(undefined, {phone, newPhone: {...newPhone, label: 'x'}}), 'newPhone.label', 'unknown-field');
  });

  it('refuses zones that are not IANA names as IANA spells them, and bad customerTimeZones', async () => {
    await refused(personal(undefined, {timeZone: '+05:00'}), 'timeZone', 'invalid-time-zone');
    await refused(personal(undefined, {timeZone: 'america/new_york'}), 'timeZone', 'invalid-time-zone');
    await refused(
      personal(undefined, {customerTimeZones: ['America/New_York', 'Mars/Olympus']}),
      'customerTimeZones[1]',
      'invalid-time-zone',
    );
    await refused(personal(undefined, {customerTimeZones: 'America/New_York'}), 'customerTimeZones', 'invalid-type');
    const eleven = Intl.supportedValuesOf('timeZone').slice(0, 11);
    await refused(personal(undefined, {customerTimeZones: eleven}), 'customerTimeZones', 'too-many');
  });

  it('refuses control characters in free text, phone extensions and a bad Idempotency-Key', async () => {
    await refused(personal(undefined, {notes: 'call\u0000back'}), 'notes', 'control-character');
    await refused(personal(undefined, {notes: 'red \u001b[31m'}), 'notes', 'control-character');
    await refused(personal(undefined, {phone: '+1 212 456 1987 ext. 12'}), 'phone', 'invalid-phone');
    await refused(personal(), 'idempotencyKey', 'invalid', {'Idempotency-Key': 'k'.repeat(10_000)});
    // multi-line notes stay allowed
    const ok = await book(base, personal(undefined, {notes: 'line one\nline two\ttabbed'}), 'k-notes');
    expect(ok.status).to.equal(201);
    expect(ok.body.notes).to.equal('line one\nline two\ttabbed');
  });

  it('stores customerTimeZones and answers them back in lists', async () => {
    const zones = ['America/New_York', 'America/Chicago'];
    const created = await book(base, personal(undefined, {customerTimeZones: zones}), 'k-zones');
    expect(created.status).to.equal(201);
    expect(created.body.customerTimeZones).to.deep.equal(zones);
    const listed = await call(base, '/callbacks?agentId=agent-maria');
    expect(listed.body.find((c: {id: string}) => c.id === created.body.id).customerTimeZones).to.deep.equal(zones);
  });

  it('answers 4xx, never 500, for the inputs that crashed the old server', async () => {
    const early = await call(base, '/availability?from=-271821-04-20T00:00:00Z&to=2026-06-16T00:00:00Z&type=campaign');
    expect(early.status).to.equal(400);
    expect(early.body.fieldErrors[0]).to.include({field: 'from', code: 'out-of-range'});
    const badPath = await call(base, '/callbacks/%E0%A4%A', {method: 'DELETE'});
    expect(badPath.status).to.equal(400);
    const badJson = await call(base, '/callbacks', {
      method: 'POST',
      body: '{"contactId":',
      headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'k'},
    });
    expect(badJson.status).to.equal(400);
    expect(badJson.body.fieldErrors[0]).to.include({field: 'body', code: 'invalid-json'});
  });

  it('caps the availability range at 62 days with a clear 400', async () => {
    const ok = await call(base, '/availability?from=2026-06-15T00:00:00Z&to=2026-08-16T00:00:00Z&type=campaign');
    expect(ok.status).to.equal(200);
    const tooFar = await call(base, '/availability?from=2026-06-15T00:00:00Z&to=2026-08-16T00:00:01Z&type=campaign');
    expect(tooFar.status).to.equal(400);
    expect(tooFar.body.fieldErrors).to.deep.equal([
      {field: 'to', code: 'range-too-large', message: 'Ask for at most 62 days of availability at once.'},
    ]);
  });

  it('checks contact regions as ISO 3166 codes (the seed refuses any other)', () => {
    const contact = {id: 'c', name: 'C', phones: []};
    expect(contactProblem({...contact, region: 'US-FL'})).to.equal(undefined);
    expect(contactProblem({...contact, region: 'CA'})).to.equal(undefined);
    expect(contactProblem({...contact, region: 'florida'})).to.match(/region "florida" is not an ISO 3166 code/);
    expect(contactProblem({...contact, region: 'US-FL<script>'})).to.match(/not an ISO 3166 code/);
  });

  describe('contacts, agents and status', () => {
    it('GET /contacts/{id} answers the contact, 404 with the error body when unknown; lists contacts and agents', async () => {
      const olivia = await call(base, '/contacts/contact-olivia');
      expect(olivia.status).to.equal(200);
      expect(olivia.body).to.include({id: 'contact-olivia', name: 'Olivia Bennett'});
      const missing = await call(base, '/contacts/nobody');
      expect(missing.status).to.equal(404);
      expect(missing.body).to.deep.equal({code: 'not-found', message: 'Contact "nobody" was not found.'});
      const contacts = await call(base, '/contacts');
      expect(contacts.body.map((c: {id: string}) => c.id)).to.include('contact-olivia');
      const agents = await call(base, '/agents');
      expect(agents.body.map((a: {id: string}) => a.id)).to.include.members(['agent-maria', 'agent-james']);
    });

    it('POST /callbacks/{id}/status persists, replays the same key, refuses another body and canceled callbacks', async () => {
      const created = await book(base, personal(), 'k-book');
      const path = `/callbacks/${created.body.id}/status`;
      const post = (status: string, key: string) =>
        call(base, path, {method: 'POST', body: {status}, headers: {'Idempotency-Key': key}});
      const launched = await post('in-progress', 'k-s1');
      expect(launched.status).to.equal(200);
      expect(launched.body).to.include({id: created.body.id, status: 'in-progress'});
      const again = await post('in-progress', 'k-s1');
      expect(again.body).to.deep.equal(launched.body);
      const reused = await post('completed', 'k-s1');
      expect(reused.status).to.equal(422);
      expect(reused.body.fieldErrors[0]).to.include({field: 'idempotencyKey', code: 'idempotency-key-reused'});
      const listed = await call(base, '/callbacks?agentId=agent-maria');
      expect(listed.body.find((c: {id: string}) => c.id === created.body.id).status).to.equal('in-progress');

      expect((await post('bogus', 'k-s2')).status).to.equal(400);
      const other = await book(base, personal('2026-06-16T16:00:00Z'), 'k-book-2');
      await call(base, `/callbacks/${other.body.id}`, {method: 'DELETE'});
      const canceled = await call(base, `/callbacks/${other.body.id}/status`, {
        method: 'POST',
        body: {status: 'due'},
        headers: {'Idempotency-Key': 'k-s3'},
      });
      expect(canceled.status).to.equal(422);
      expect(canceled.body.fieldErrors[0]).to.include({field: 'status', code: 'invalid-transition'});
      expect(
        (
          await call(base, `/callbacks/cb-nope/status`, {
            method: 'POST',
            body: {status: 'due'},
            headers: {'Idempotency-Key': 'k-s4'},
          })
        ).status,
      ).to.equal(404);
    });

    it("the same Idempotency-Key of two agents are two keys (no replay of another agent's answer)", async () => {
      const maria = await book(base, personal(), 'shared-key', MARIA);
      const supervisor = await book(base, personal('2026-06-16T16:00:00Z'), 'shared-key', SUPERVISOR);
      expect(supervisor.status).to.equal(201);
      expect(supervisor.body.id).not.to.equal(maria.body.id);
    });
  });
});
