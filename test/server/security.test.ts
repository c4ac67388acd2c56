/**
 * The reference server is secure by default: tokens, per-agent access, a CORS allowlist, test routes only
 * behind a flag, a body limit. Each attack measured on the old server is replayed here and must fail.
 */
import {expect} from 'chai';
import type {ReferenceServer} from '../../server/reference-server.js';
import {
  JAMES,
  MARIA,
  SUPERVISOR,
  book,
  call,
  campaign,
  openEventStream,
  personal,
  serverOnShared,
  waitFor,
} from './support.js';

describe('server/security (reference server, secure by default)', function () {
  this.timeout(60_000); // the first test of the process starts PGlite
  let server: ReferenceServer;
  let base: string;

  before(async () => {
    server = await serverOnShared({corsOrigins: ['https://crm.example']});
    base = server.url;
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    await server.reset();
  });

  describe('authentication', () => {
    it('answers 401 without a token and with a bad one, on every route', async () => {
      for (const path of ['/callbacks?agentId=agent-maria', '/contacts', '/agents', '/events?after=', '/campaigns']) {
        const none = await call(base, path, {token: null});
        expect(none.status, path).to.equal(401);
        expect(none.body).to.include({code: 'unauthorized'});
        expect(none.headers.get('www-authenticate')).to.match(/^Bearer/);
        expect((await call(base, path, {token: 'dev-agent-mallory'})).status, path).to.equal(401);
      }
      const stream = await openEventStream(base, 'not-a-token');
      expect(stream.status).to.equal(401);
      stream.close();
      const write = await book(base, personal(), 'k-anon', '');
      expect(write.status).to.equal(401);
    });

    it('refuses the development tokens on a non-loopback host unless tokens are configured', async () => {
      const {startReferenceServer} = await import('../../server/reference-server.js');
      let error: unknown;
      try {
        await startReferenceServer({host: '0.0.0.0', database: server.db});
      } catch (thrown) {
        error = thrown;
      }
      expect(String(error)).to.match(/No tokens configured/);
    });
  });

  describe('per-agent access', () => {
    it("agent B can neither read, change, nor delete agent A's personal callback", async () => {
      const created = await book(base, personal(), 'k-maria');
      expect(created.status).to.equal(201);
      const id = created.body.id as string;

      const jamesList = await call(base, '/callbacks?agentId=agent-james', {token: JAMES});
      expect(jamesList.body.map((c: {id: string}) => c.id)).not.to.include(id);
      const spy = await call(base, '/callbacks?agentId=agent-maria', {token: JAMES});
      expect(spy.status).to.equal(403);
      expect(spy.body).to.include({code: 'forbidden'});

      const del = await call(base, `/callbacks/${id}`, {method: 'DELETE', token: JAMES});
      expect(del.status).to.equal(404);
      const move = await call(base, `/callbacks/${id}`, {
        method: 'PUT',
        token: JAMES,
        body: personal('2026-06-16T16:00:00Z', {ownerAgentId: 'agent-james'}),
        headers: {'Idempotency-Key': 'k-james-move'},
      });
      expect(move.status).to.equal(404);
      const status = await call(base, `/callbacks/${id}/status`, {
        method: 'POST',
        token: JAMES,
        body: {status: 'completed'},
        headers: {'Idempotency-Key': 'k-james-status'},
      });
      expect(status.status).to.equal(404);

      const mine = await call(base, '/callbacks?agentId=agent-maria', {token: MARIA});
      expect(mine.body.find((c: {id: string}) => c.id === id)).to.include({
        status: 'scheduled',
        start: '2026-06-16T15:00:00Z',
      });
      const all = await call(base, '/callbacks?agentId=agent-maria', {token: SUPERVISOR});
      expect(all.body.map((c: {id: string}) => c.id)).to.include(id);
    });

    it('an agent may not book a personal callback for another agent, nor in a campaign not theirs', async () => {
      const forOther = await book(base, personal(undefined, {ownerAgentId: 'agent-james'}), 'k-1');
      expect(forOther.status).to.equal(403);
      const notMine = await book(base, campaign(undefined, {campaignId: 'camp-winter-collections'}), 'k-2');
      expect(notMine.status).to.equal(403);
      expect((await call(base, '/callbacks?agentId=agent-james', {token: SUPERVISOR})).body).to.be.an('array');
    });

    it("the event stream is filtered per agent: James gets campaign events of his campaigns, not Maria's personal ones", async () => {
      const james = await openEventStream(base, JAMES);
      const maria = await openEventStream(base, MARIA);
      try {
        await waitFor(() => james.messages.length && maria.messages.length, 'the id-only messages');
        const mine = await book(base, personal(), 'k-p');
        const shared = await book(base, campaign('2026-06-16T16:00:00Z'), 'k-c');
        const ids = (messages: typeof james.messages) =>
          messages
            .filter((m) => m.event === 'callback-changed')
            .map((m) => (JSON.parse(m.data!) as {callback: {id: string}}).callback.id);
        await waitFor(() => ids(maria.messages).length === 2, "Maria's two events");
        await waitFor(() => ids(james.messages).length === 1, "James's campaign event");
        expect(ids(maria.messages)).to.deep.equal([mine.body.id, shared.body.id]);
        expect(ids(james.messages)).to.deep.equal([shared.body.id]);
        const poll = await call(base, '/events?after=0', {token: JAMES});
        const polled = poll.body.events.map(
          (e: {event: {type: string; callback?: {id: string}}}) => e.event.callback?.id,
        );
        expect(polled).to.include(shared.body.id).and.not.include(mine.body.id);
      } finally {
        james.close();
        maria.close();
      }
    });
  });

  describe('CORS allowlist', () => {
    it('sends no CORS header at all to a foreign origin, never echoes request headers, never allows private network', async () => {
      const preflight = await fetch(`${base}/__requests`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://evil.example',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization, x-evil',
          'Access-Control-Request-Private-Network': 'true',
        },
      });
      for (const name of [
        'access-control-allow-origin',
        'access-control-allow-headers',
        'access-control-allow-methods',
        'access-control-allow-private-network',
      ]) {
        expect(preflight.headers.get(name), name).to.equal(null);
      }
      const read = await fetch(`${base}/callbacks?agentId=agent-maria`, {
        headers: {Origin: 'https://evil.example', Authorization: `Bearer ${MARIA}`},
      });
      expect(read.headers.get('access-control-allow-origin')).to.equal(null);
    });

    it('allows a listed origin with a fixed list of headers', async () => {
      const preflight = await fetch(`${base}/callbacks`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://crm.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, x-evil',
          'Access-Control-Request-Private-Network': 'true',
        },
      });
      expect(preflight.headers.get('access-control-allow-origin')).to.equal('https://crm.example');
      expect(preflight.headers.get('access-control-allow-headers')).to.equal(
        'Authorization, Content-Type, Idempotency-Key, Last-Event-ID, Cache-Control',
      );
      expect(preflight.headers.get('access-control-allow-private-network')).to.equal(null);
      const read = await fetch(`${base}/agents`, {
        headers: {Origin: 'https://crm.example', Authorization: `Bearer ${MARIA}`},
      });
      expect(read.headers.get('access-control-allow-origin')).to.equal('https://crm.example');
    });

    it('refuses a wildcard origin in the allowlist', async () => {
      const {startReferenceServer} = await import('../../server/reference-server.js');
      let error: unknown;
      try {
        await startReferenceServer({corsOrigins: ['*'], database: server.db});
      } catch (thrown) {
        error = thrown;
      }
      expect(String(error)).to.match(/exact origin/);
    });
  });

  describe('test routes', () => {
    it('are 404 without the flag, even for a supervisor; a no-cors POST /__reset changes nothing', async () => {
      const created = await book(base, personal(), 'k-keep');
      for (const [method, path] of [
        ['GET', '/__requests'],
        ['POST', '/__reset'],
        ['POST', '/__faults'],
        ['DELETE', '/__faults'],
        ['POST', '/__streams/drop'],
      ]) {
        expect(
          (await call(base, path, {method, token: SUPERVISOR, body: method === 'POST' ? {} : undefined})).status,
        ).to.equal(404);
      }
      // what a page on any origin can send without a preflight: text/plain, no Authorization
      const noCors = await fetch(`${base}/__reset`, {
        method: 'POST',
        headers: {'Content-Type': 'text/plain'},
        body: '{}',
      });
      expect(noCors.status).to.equal(404);
      const list = await call(base, '/callbacks?agentId=agent-maria');
      expect(list.body.map((c: {id: string}) => c.id)).to.include(created.body.id);
    });

    it('with the flag, need a supervisor token', async () => {
      const {startReferenceServer} = await import('../../server/reference-server.js');
      const tested = await startReferenceServer({database: server.db, testRoutes: true});
      try {
        expect((await call(tested.url, '/__requests', {token: null})).status).to.equal(401);
        expect((await call(tested.url, '/__requests', {token: MARIA})).status).to.equal(403);
        expect((await call(tested.url, '/__requests', {token: SUPERVISOR})).status).to.equal(200);
      } finally {
        await tested.close();
      }
    });
  });

  describe('request limits', () => {
    it('answers 413 past 64 KiB and 415 for a body that is not JSON', async () => {
      const huge = await book(base, personal(undefined, {dispositionId: 'x'.repeat(900_000)}), 'k-huge');
      expect(huge.status).to.equal(413);
      const plain = await call(base, '/callbacks', {
        method: 'POST',
        body: JSON.stringify(personal()),
        headers: {'Content-Type': 'text/plain', 'Idempotency-Key': 'k-plain'},
      });
      expect(plain.status).to.equal(415);
    });
  });
});
