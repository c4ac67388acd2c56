/**
 * The conformance suite (conformance/cli.mjs) judged on servers whose behaviour is known: the reference server
 * (every check passes), and the reference server behind a proxy that breaks one part of the contract (the rows
 * of that part fail, a control row still passes, the command exits 1). Runs the real command as a vendor
 * would (`node conformance/cli.mjs ...`), so the bin, its table, `--json` and exit codes are covered too.
 *
 * Not in the default mocha spec (it starts servers): `npx mocha test/load/conformance-self.test.ts`.
 */
import {expect} from 'chai';
import {spawn, type ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import type {Server} from 'node:http';
import path from 'node:path';
import {brokenProxy, root, startServer, type Breakage} from './support.js';

const CLI = path.join(root, 'conformance/cli.mjs');
const TOKEN = 'dev-agent-maria';
const OTHER_TOKEN = 'dev-agent-james';

interface Row {
  id: string;
  status: 'pass' | 'fail' | 'skip';
  detail: string;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  rows: Row[];
}

/** Runs the conformance command; with `--json` in `args` the rows are parsed from its output. */
function conformance(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => {
      let rows: Row[] = [];
      if (args.includes('--json')) {
        try {
          rows = (JSON.parse(stdout) as {results: Row[]}).results;
        } catch (error) {
          reject(new Error(`not JSON (${(error as Error).message}):\n${stdout}\n${stderr}`));
          return;
        }
      }
      resolve({code, stdout, stderr, rows});
    });
  });
}

const row = (run: Run, id: string): Row => {
  const found = run.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id} in ${JSON.stringify(run.rows)}`);
  return found;
};

/** Describes the rows for assertion messages. */
const table = (run: Run) => run.rows.map((r) => `${r.status} ${r.id}: ${r.detail}`).join('\n') || run.stdout;

const common = (url: string) => ['--base-url', url, '--token', TOKEN, '--agent-id', 'agent-maria'];

describe('callback-kit-conformance', function () {
  this.timeout(180_000);
  let server: {url: string; child: ChildProcess};
  const proxies: Server[] = [];

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    for (const proxy of proxies) {
      proxy.closeAllConnections();
      proxy.close();
    }
    server?.child.kill('SIGTERM');
  });

  const proxy = async (breakage: Breakage) => {
    const started = await brokenProxy(server.url, breakage);
    proxies.push(started.server);
    return started.url;
  };

  it('passes against the reference server: exit 0, every check passes (auth required)', async () => {
    const run = await conformance([...common(server.url), '--other-token', OTHER_TOKEN, '--require-auth', '--json']);
    expect(
      run.rows.filter((r) => r.status !== 'pass'),
      table(run),
    ).to.deep.equal([]);
    expect(run.code, table(run)).to.equal(0);
    expect(run.rows.map((r) => r.id)).to.deep.equal([
      'discovery',
      'idempotency-replay',
      'idempotency-reuse',
      'slot-taken',
      'capacity-concurrent',
      'calling-window',
      'sse-connect',
      'sse-live',
      'sse-resume',
      'events-poll',
      'sse-resync',
      'auth-missing-token',
      'auth-bad-token',
      'auth-other-agent',
      'validation-unknown-field',
      'validation-time-zone',
      'validation-idempotency-key',
      'validation-contact-window',
      'validation-malformed',
      'contacts-get',
      'callback-status',
    ]);
  });

  it('finds the agent of the token without --agent-id, and checks the resync of a resume past a small window', async () => {
    const small = await startServer('--event-log-size', '5');
    try {
      const run = await conformance([
        '--base-url',
        small.url,
        '--token',
        OTHER_TOKEN,
        '--only',
        'slot-taken,sse-resync',
        '--json',
      ]);
      expect(run.code, table(run)).to.equal(0);
      expect(row(run, 'discovery').detail).to.match(/^agent agent-james,/);
      expect(row(run, 'sse-resync').detail).to.match(/after=0 truncated and Last-Event-ID 0 -> resync$/);
    } finally {
      small.child.kill('SIGTERM');
    }
  });

  it('fails the capacity rows of a server that answers 201 for seats it does not have', async () => {
    // The proxy turns every 409 of POST /callbacks into a made-up 201: more bookings than seats.
    const url = await proxy({
      answer: (status, body) =>
        status === 409
          ? {
              status: 201,
              body: JSON.stringify({...(JSON.parse(body) as object), id: `fake-${randomUUID()}`, status: 'scheduled'}),
            }
          : {status, body},
    });
    const run = await conformance([
      ...common(url),
      '--only',
      'slot-taken,capacity-concurrent,calling-window,contacts-get',
      '--json',
    ]);
    expect(run.code, table(run)).to.equal(1);
    expect(row(run, 'slot-taken').detail).to.match(/^booking seat 4 of 3: 201 .*expected 409$/);
    expect(row(run, 'capacity-concurrent').detail).to.equal('20 parallel POSTs for 3 seat(s): 20x201');
    expect(row(run, 'calling-window').detail).to.match(/: accepted \(201\)$/);
    expect(row(run, 'contacts-get').status, table(run)).to.equal('pass');
  });

  it('fails the idempotency rows of a server that ignores Idempotency-Key (table output, exit 1)', async () => {
    const url = await proxy({headers: (h) => ({...h, 'idempotency-key': randomUUID()})});
    const run = await conformance([...common(url), '--only', 'idempotency-replay,idempotency-reuse,slot-taken']);
    expect(run.code, run.stdout + run.stderr).to.equal(1);
    expect(run.stdout).to.match(/^FAIL\s+idempotency-replay\s.*replay: 201 .*expected 201 with the same callback/m);
    expect(run.stdout).to.match(/^FAIL\s+idempotency-reuse\s.*same key, other notes: 201.*expected 422/m);
    expect(run.stdout).to.match(/^PASS\s+slot-taken\s/m);
    expect(run.stdout).to.match(/2 passed, 2 failed, 0 skipped/);
  });

  it('fails the validation rows of a server that answers bad input with 500', async () => {
    const url = await proxy({
      answer: (status, body) =>
        status === 400 || status === 422
          ? {status: 500, body: JSON.stringify({code: 'internal', message: 'The server failed.'})}
          : {status, body},
    });
    const ids = ['validation-time-zone', 'validation-malformed', 'validation-contact-window', 'contacts-get'];
    const run = await conformance([...common(url), '--only', ids.join(','), '--json']);
    expect(run.code, table(run)).to.equal(1);
    expect(row(run, 'validation-time-zone').status).to.equal('fail');
    expect(row(run, 'validation-time-zone').detail).to.match(/^timeZone "america\/new_york": .*expected a 4xx/);
    expect(row(run, 'validation-malformed').status).to.equal('fail');
    expect(row(run, 'validation-malformed').detail).to.match(/^unreadable JSON: 500 /);
    expect(row(run, 'validation-contact-window').status).to.equal('fail');
    expect(row(run, 'contacts-get').status, table(run)).to.equal('pass');
  });

  it('fails the event-stream rows of a server that sends no event ids', async () => {
    const url = await proxy({stream: (chunk) => chunk.replace(/^id:.*(\r\n|\r|\n)/gm, '')});
    const ids = ['sse-connect', 'sse-live', 'sse-resume', 'sse-resync', 'events-poll'];
    const run = await conformance([...common(url), '--only', ids.join(','), '--event-timeout', '3000', '--json']);
    expect(run.code, table(run)).to.equal(1);
    expect(row(run, 'sse-connect').status).to.equal('fail');
    expect(row(run, 'sse-connect').detail).to.match(/nothing but comments|expected an id-only message/);
    expect(row(run, 'sse-live').status).to.equal('fail');
    expect(row(run, 'sse-live').detail).to.equal('the callback-changed message has no id: field');
    expect(row(run, 'sse-resume').status).to.equal('fail');
    expect(row(run, 'sse-resume').detail).to.match(/^no id at connect/);
    expect(row(run, 'sse-resync').status).to.equal('fail');
    expect(row(run, 'sse-resync').detail).to.match(/the resync message has no id:/);
    expect(row(run, 'events-poll').status, table(run)).to.equal('pass');
  });

  it('skips the auth rows of a server that accepts anyone, and fails them with --require-auth', async () => {
    // The proxy signs every request in as the agent, whatever the client sent: the server has no auth.
    const url = await proxy({headers: (h) => ({...h, authorization: `Bearer ${TOKEN}`})});
    const ids = 'auth-missing-token,auth-bad-token,auth-other-agent';
    const lenient = await conformance([...common(url), '--other-token', OTHER_TOKEN, '--only', ids, '--json']);
    expect(lenient.code, table(lenient)).to.equal(0);
    for (const id of ids.split(',')) expect(row(lenient, id).status, table(lenient)).to.equal('skip');
    expect(row(lenient, 'auth-missing-token').detail).to.match(/^server has no auth/);
    const strict = await conformance([...common(url), '--only', ids, '--require-auth', '--json']);
    expect(strict.code, table(strict)).to.equal(1);
    expect(row(strict, 'auth-missing-token').status).to.equal('fail');
    expect(row(strict, 'auth-missing-token').detail).to.match(/the server has no auth/);
  });

  it('exits 2 on bad usage', async () => {
    const none = await conformance([]);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.match(/--base-url is required/);
    const bad = await conformance(['--base-url', server.url, '--only', 'no-such-check']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/Unknown check id\(s\) in --only: no-such-check/);
  });
});
