/**
 * What the reference server keeps: callbacks survive a restart on the same PGlite data directory, ids are
 * random (never repeated after a restart), event ids keep growing, and a long availability request never
 * holds up the others.
 */
import {expect} from 'chai';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startReferenceServer, type ReferenceServer} from '../../server/reference-server.js';
import {NOW, book, call, personal, serverOnShared} from './support.js';

const UUID_ID = /^cb-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('server/persistence (PGlite data directory)', function () {
  this.timeout(120_000); // two PGlite starts on disk
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ck-pglite-'));
  });

  after(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it('a restart keeps every callback and the event log; new ids are random, never repeated', async () => {
    let server = await startReferenceServer({now: NOW, database: {dataDir: dir}});
    let first: {id: string};
    let lastEventId: string;
    try {
      first = (await book(server.url, personal(), 'k-before')).body;
      expect(first.id).to.match(UUID_ID);
      lastEventId = (await call(server.url, '/events?after=')).body.lastEventId;
      // PGlite serves one process: a second opening of the directory is refused, not allowed to corrupt it
      const {openDatabase} = await import('../../server/db/index.js');
      let error: unknown;
      await openDatabase({dataDir: dir}).catch((thrown: unknown) => (error = thrown));
      expect(String(error)).to.match(/already open in this process/);
    } finally {
      await server.close();
    }
    server = await startReferenceServer({now: NOW, database: {dataDir: dir}});
    try {
      const listed = await call(server.url, '/callbacks?agentId=agent-maria');
      expect(listed.body.find((c: {id: string}) => c.id === first.id)).to.include({
        status: 'scheduled',
        start: '2026-06-16T15:00:00Z',
      });
      // the demo data was seeded once, not again
      expect(listed.body.filter((c: {id: string}) => c.id === 'cb-demo-today')).to.have.length(1);
      // the same key after the restart is a replay, not a second booking
      const replay = await book(server.url, personal(), 'k-before');
      expect(replay.body.id).to.equal(first.id);
      const second = (await book(server.url, personal('2026-06-16T16:00:00Z'), 'k-after')).body;
      expect(second.id).to.match(UUID_ID).and.not.equal(first.id);
      const events = await call(server.url, `/events?after=${lastEventId}`);
      expect(Number(events.body.events[0].id)).to.equal(Number(lastEventId) + 1);
    } finally {
      await server.close();
    }
  });
});

describe('server/availability does not block other requests', function () {
  this.timeout(120_000);
  let server: ReferenceServer;

  before(async () => {
    server = await serverOnShared();
  });

  after(async () => {
    await server?.close();
  });

  it('cheap GETs keep being answered while 4 requests of 62 days of availability are computed', async () => {
    // The server runs in this process: a request computing synchronously would also stop this loop. Count
    // the cheap GETs answered, one after the other, before the first big request is answered.
    let bigDone = 0;
    const big = [0, 1, 2, 3].map((i) =>
      call(
        server.url,
        `/availability?from=2026-06-15T00:00:00Z&to=2026-08-16T00:00:00Z&type=campaign&phone=%2B12124561987`,
      ).then((answer) => {
        expect(answer.status, `big ${i}`).to.equal(200);
        expect(answer.body.length).to.be.greaterThan(1000);
        bigDone++;
      }),
    );
    let cheapBeforeFirstBig = 0;
    while (bigDone === 0) {
      const answer = await call(server.url, '/agents');
      expect(answer.status).to.equal(200);
      if (bigDone === 0) cheapBeforeFirstBig++;
    }
    await Promise.all(big);
    expect(bigDone).to.equal(4);
    // one chunk of two days per turn: about 15 fit here; computing a whole range at once lets 1 through
    expect(cheapBeforeFirstBig).to.be.at.least(5);
  });
});
