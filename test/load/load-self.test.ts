/**
 * The load test (test/load/load.mjs) judged on small runs against servers whose behaviour is known: the
 * reference server (no violation, exit 0) and the reference server behind a proxy that answers 201 for seats
 * that do not exist (the contention phase reports more callbacks than seats, exit 1).
 *
 * Not in the default mocha spec: `npx mocha --config test/load/.mocharc.json`.
 */
import {expect} from 'chai';
import {spawn, type ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import type {Server} from 'node:http';
import path from 'node:path';
import {brokenProxy, root, startServer} from './support.js';

const LOAD = path.join(root, 'test/load/load.mjs');

function load(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve, reject) => {
    const small = ['--bookings', '24', '--concurrency', '8', '--contention', '30', '--retried', '6'];
    const child = spawn(process.execPath, [LOAD, ...small, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolve({code, stdout, stderr}));
  });
}

describe('load test (test/load/load.mjs)', function () {
  this.timeout(180_000);
  let server: {url: string; child: ChildProcess};
  let proxy: Server | undefined;

  before(async () => {
    server = await startServer();
  });

  after(() => {
    proxy?.closeAllConnections();
    proxy?.close();
    server?.child.kill('SIGTERM');
  });

  it('reports no violation against the reference server (exit 0)', async () => {
    const run = await load(['--target-url', server.url]);
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.match(/throughput, 1 instance\(s\): 24 bookings in /);
    expect(run.stdout).to.match(/for the last 2 seat\(s\) in .*; 2 callback\(s\), slot 3\/3/);
    expect(run.stdout).to.match(/\nno violation\n/);
    expect(run.stderr).not.to.match(/VIOLATION/);
  });

  it('exits 1 when a server answers 201 for more bookings than the slot has seats', async () => {
    const started = await brokenProxy(server.url, {
      answer: (status, body) =>
        status === 409
          ? {status: 201, body: JSON.stringify({...(JSON.parse(body) as object), id: `fake-${randomUUID()}`})}
          : {status, body},
    });
    proxy = started.server;
    const run = await load(['--target-url', started.url]);
    expect(run.code, run.stdout + run.stderr).to.equal(1);
    // 30 intents for 2 seats, every one answered 201: far more callbacks than seats.
    const [, count] = /VIOLATION: contention: (\d+) callbacks for the last 2 seat\(s\)/.exec(run.stderr) ?? [];
    expect(Number(count), run.stderr).to.be.at.least(28);
    expect(run.stderr).to.match(/violation\(s\):/);
  });
});
