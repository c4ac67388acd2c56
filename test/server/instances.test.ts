/**
 * Several reference server instances on one database: capacity enforced by the database, events of one
 * instance streamed by the other, resume by Last-Event-ID anywhere, resync past retention. Runs on a shared
 * PGlite (two servers in this process) and, when DATABASE_URL is set, on a real PostgreSQL (a fresh database
 * per run, each instance with its own connection pool and LISTEN connection).
 */
import {expect} from 'chai';
import {openDatabase, type Database} from '../../server/db/index.js';
import {startReferenceServer, type ReferenceServer} from '../../server/reference-server.js';
import {
  DATABASE_URL,
  JAMES,
  MARIA,
  NOW,
  SUPERVISOR,
  book,
  call,
  campaign,
  freshPostgres,
  openEventStream,
  personal,
  sharedPglite,
  waitFor,
  type SseMessage,
} from './support.js';

const callbackIds = (messages: SseMessage[]) =>
  messages
    .filter((m) => m.event === 'callback-changed')
    .map((m) => (JSON.parse(m.data!) as {callback: {id: string}}).callback.id);

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`server/instances: two instances on one ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL (DATABASE_URL)'}`, function () {
    this.timeout(60_000);
    let a: ReferenceServer;
    let b: ReferenceServer;
    let dbA: Database;
    let dbB: Database;
    let cleanup: () => Promise<void> = async () => undefined;

    before(async function () {
      if (kind === 'postgres') {
        if (!DATABASE_URL) {
          console.log('    (skipped: set DATABASE_URL, e.g. from `bash scripts/ci-postgres.sh`, to run on PostgreSQL)');
          this.skip();
        }
        const fresh = await freshPostgres();
        dbA = await openDatabase({url: fresh.url});
        dbB = await openDatabase({url: fresh.url});
        cleanup = async () => {
          await dbA.close();
          await dbB.close();
          await fresh.drop();
        };
      } else {
        dbA = dbB = await sharedPglite();
      }
      // a small event log, so that retention can be passed in a test
      a = await startReferenceServer({now: NOW, database: dbA, eventLogSize: 8});
      b = await startReferenceServer({now: NOW, database: dbB, eventLogSize: 8});
    });

    after(async () => {
      await a?.close();
      await b?.close();
      await cleanup();
    });

    beforeEach(async () => {
      await a.reset();
    });

    it("an event made on A arrives on B's stream; B's stream starts with the id-only message", async () => {
      const stream = await openEventStream(b.url, MARIA);
      try {
        expect(stream.status).to.equal(200);
        const newest = (await call(a.url, '/events?after=')).body.lastEventId as string;
        await waitFor(() => stream.messages.length >= 1, 'the id-only message');
        expect(stream.messages[0]).to.deep.equal({id: newest});
        const created = await book(a.url, personal(), 'k-a');
        expect(created.status).to.equal(201);
        await waitFor(() => callbackIds(stream.messages).length === 1, 'the booking on B');
        expect(callbackIds(stream.messages)).to.deep.equal([created.body.id]);
        await waitFor(() => stream.messages.some((m) => m.event === 'availability-changed'), 'availability-changed');
        const seats = stream.messages.find((m) => m.event === 'availability-changed')!;
        expect(JSON.parse(seats.data!)).to.deep.equal({
          type: 'availability-changed',
          from: '2026-06-16T15:00:00Z',
          to: '2026-06-16T15:30:00Z',
          agentId: 'agent-maria',
        });
        expect(Number(seats.id)).to.be.greaterThan(Number(newest));
      } finally {
        stream.close();
      }
    });

    it('resumes with Last-Event-ID on the other instance: the missed events, then the id of the replay end', async () => {
      const before = (await call(a.url, '/events?after=')).body.lastEventId as string;
      const first = await book(a.url, personal(), 'k-1');
      const second = await book(a.url, personal('2026-06-16T16:00:00Z'), 'k-2');
      const stream = await openEventStream(b.url, MARIA, before);
      try {
        await waitFor(() => callbackIds(stream.messages).length === 2, 'the replay');
        expect(callbackIds(stream.messages)).to.deep.equal([first.body.id, second.body.id]);
        const ids = stream.messages.map((m) => Number(m.id));
        expect(ids).to.deep.equal([...ids].sort((x, y) => x - y));
        await waitFor(() => stream.messages.length === 5, 'the id-only message after the replay');
        const last = stream.messages.at(-1)!;
        expect(last).to.deep.equal({id: stream.messages[3].id});
        // nothing doubled once live
        const third = await book(a.url, personal('2026-06-16T17:00:00Z'), 'k-3');
        await waitFor(() => callbackIds(stream.messages).length === 3, 'the live event');
        expect(callbackIds(stream.messages)).to.deep.equal([first.body.id, second.body.id, third.body.id]);
      } finally {
        stream.close();
      }
    });

    it('sends resync (with the newest id) when Last-Event-ID is older than the retained log; polling says truncated', async () => {
      const start = (await call(a.url, '/events?after=')).body.lastEventId as string;
      for (let i = 0; i < 6; i++) {
        const at = `2026-06-16T${String(13 + i).padStart(2, '0')}:00:00Z`;
        expect((await book(a.url, personal(at), `k-r${i}`)).status).to.equal(201);
      }
      const newest = (await call(b.url, '/events?after=')).body.lastEventId as string;
      expect(Number(newest) - Number(start)).to.equal(12);
      const stream = await openEventStream(b.url, MARIA, start);
      try {
        await waitFor(() => stream.messages.length >= 1, 'the resync');
        expect(stream.messages[0]).to.deep.equal({id: newest, event: 'resync', data: '{"type":"resync"}'});
        const live = await book(a.url, personal('2026-06-17T15:00:00Z'), 'k-live');
        await waitFor(() => callbackIds(stream.messages).length === 1, 'the live event after resync');
        expect(callbackIds(stream.messages)).to.deep.equal([live.body.id]);
      } finally {
        stream.close();
      }
      const page = await call(b.url, `/events?after=${start}`);
      expect(page.body.truncated).to.equal(true);
      expect(page.body.events.length).to.be.at.most(8);
      const fresh = await call(b.url, `/events?after=${newest}`);
      expect(fresh.body).not.to.have.property('truncated');
      expect(fresh.body.events.map((e: {event: {type: string}}) => e.event.type)).to.deep.equal([
        'callback-changed',
        'availability-changed',
      ]);
    });

    it('campaign seats are enforced by the database across instances: 3 of 6 concurrent bookings succeed', async () => {
      const slot = '2026-06-17T15:00:00Z';
      const attempts = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) =>
          book(i % 2 ? b.url : a.url, campaign(slot), `k-seat-${i}`, i % 3 ? MARIA : JAMES),
        ),
      );
      const statuses = attempts.map((r) => r.status).sort();
      expect(statuses).to.deep.equal([201, 201, 201, 409, 409, 409]);
      const listed = await call(a.url, '/callbacks?agentId=agent-maria', {token: SUPERVISOR});
      expect(
        listed.body.filter((c: {start: string; type: string}) => c.start === slot && c.type === 'campaign'),
      ).to.have.length(3);
      const slots = await call(b.url, `/availability?from=${slot}&to=2026-06-17T15:30:00Z&type=campaign`);
      expect(slots.body[0]).to.include({remaining: 0, reason: 'full', available: false});
    });

    it('the same idempotency key sent to both instances at once books once', async () => {
      const [x, y] = await Promise.all([book(a.url, personal(), 'k-twice'), book(b.url, personal(), 'k-twice')]);
      expect([x.status, y.status]).to.deep.equal([201, 201]);
      expect(x.body.id).to.equal(y.body.id);
      const mine = await call(a.url, '/callbacks?agentId=agent-maria');
      expect(mine.body.filter((c: {id: string}) => c.id === x.body.id)).to.have.length(1);
    });
  });
}
