#!/usr/bin/env node
// callback-kit-conformance: checks a server against the callback-kit REST contract (api/openapi.yaml) and
// prints a pass/fail table. Exit code 0: every check passed or was skipped; 1: a check failed; 2: bad usage.
// Run `npx callback-kit-conformance --help` for the options; conformance/README.md describes every check.
import {parseArgs} from 'node:util';
import {CHECKS, formatTable, runConformance} from './checks.mjs';

const USAGE = `Usage: callback-kit-conformance --base-url <url> [--base-url <url of another instance>]
       [--token <bearer>] [--other-token <bearer of another agent>] [--agent-id <id>]
       [--contact-id <id>]... [--campaign-id <id>] [--require-auth] [--concurrency 20]
       [--event-timeout 10000] [--only <check,check>] [--json]

Checks a callback-kit REST backend (api/openapi.yaml): idempotency, capacity under concurrent bookings,
calling-window refusals, the event stream and polling, auth, validation, GET /contacts/{id} and
POST /callbacks/{id}/status. It books its own callbacks (notes "callback-kit-conformance <run>") and cancels
them afterwards. Point it at a test deployment, not at production.

  --base-url        The API root (repeat it for several instances of one deployment: bookings are spread
                    over them and the event checks listen on the last one).
  --token           Bearer token of an agent; sent as "Authorization: Bearer <token>".
  --other-token     Bearer token of another agent (for auth-other-agent).
  --agent-id        The agent of --token, when the server has no GET /me.
  --contact-id      Contacts to use when the server has no GET /contacts (repeatable).
  --campaign-id     A campaign of the agent to book campaign callbacks in (default: the first one listed).
  --require-auth    Fail the auth checks (instead of skipping them) when the server accepts requests
                    without a token.
  --concurrency     Parallel bookings in capacity-concurrent (default 20; at least seats + 5).
  --event-timeout   Milliseconds to wait for an event (default 10000).
  --only            Comma-separated check ids to run. Checks: ${CHECKS.map((c) => c.id).join(', ')}.
  --json            Print the results as JSON instead of a table.

Exit codes: 0 all checks passed (or were skipped), 1 at least one check failed, 2 bad usage.`;

let values;
try {
  ({values} = parseArgs({
    options: {
      'base-url': {type: 'string', multiple: true},
      token: {type: 'string'},
      'other-token': {type: 'string'},
      'agent-id': {type: 'string'},
      'contact-id': {type: 'string', multiple: true},
      'campaign-id': {type: 'string'},
      'require-auth': {type: 'boolean', default: false},
      concurrency: {type: 'string'},
      'event-timeout': {type: 'string'},
      only: {type: 'string'},
      json: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
  }));
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const usage = (message) => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};

const baseUrls = values['base-url'] ?? [];
if (baseUrls.length === 0) usage('--base-url is required.');
for (const url of baseUrls) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    usage(`--base-url ${JSON.stringify(url)} is not an http(s) URL.`);
  }
}
const integer = (name, fallback) => {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) usage(`--${name} must be a positive integer, got ${JSON.stringify(raw)}.`);
  return n;
};
const only = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = only?.filter((id) => !CHECKS.some((c) => c.id === id)) ?? [];
if (unknown.length) usage(`Unknown check id(s) in --only: ${unknown.join(', ')}.`);
if (values['other-token'] && !values.token) usage('--other-token needs --token.');

const progress = !values.json && process.stderr.isTTY;
const {ok, results, runId} = await runConformance({
  baseUrls,
  token: values.token,
  otherToken: values['other-token'],
  agentId: values['agent-id'],
  contactIds: values['contact-id'],
  campaignId: values['campaign-id'],
  requireAuth: values['require-auth'],
  concurrency: integer('concurrency', 20),
  eventTimeoutMs: integer('event-timeout', 10_000),
  only,
  onResult: progress ? (r) => process.stderr.write(`${r.status.padEnd(4)} ${r.id}\n`) : undefined,
});

if (values.json) {
  console.log(JSON.stringify({ok, runId, baseUrls, results}, null, 2));
} else {
  console.log(`callback-kit conformance against ${baseUrls.join(', ')} (run ${runId})\n`);
  console.log(formatTable(results));
}
process.exitCode = ok ? 0 : 1;
