/**
 * A @web/test-runner plugin that runs the callback-kit reference server (server/reference-server.ts) in the
 * test runner's own Node process, so browser tests can exercise HttpBackend over real loopback HTTP. The
 * TypeScript source is loaded through tsx's scoped `tsImport` (nothing is registered globally, WTR's own
 * loading is untouched). The server starts on the first `reference-server-url` command (runs that never ask
 * for it pay nothing), on a free port, with its clock stopped at `now`, on PGlite in memory, and stops with
 * the test runner. In a test:
 *
 *   import {executeServerCommand} from '@web/test-runner-commands';
 *   const url = await executeServerCommand('reference-server-url'); // "http://127.0.0.1:PORT"
 *
 * The page and the server are on different origins: the server answers CORS for the test runner's own
 * origin only. Its test routes are on (`POST /__reset`, `POST /__faults`...). Any `test-...` bearer token is
 * accepted as a supervisor (`TEST_TOKEN` of test/http/http-backend.scenarios.ts); nothing else is.
 *
 * @param {{now?: string}} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
import {tsImport} from 'tsx/esm/api';

export function referenceServerPlugin({now = '2026-06-15T13:00:00Z'} = {}) {
  /** @type {Promise<{url: string, close(): Promise<void>}> | undefined} */
  let starting;
  /** @type {string[]} */
  let origins = [];
  return {
    name: 'callback-kit-reference-server',
    serverStart({config}) {
      const port = config.port;
      const hosts = new Set([config.hostname ?? 'localhost', 'localhost', '127.0.0.1']);
      origins = [...hosts].map((host) => `${config.protocol ?? 'http:'}//${host}:${port}`);
    },
    async executeCommand({command}) {
      if (command !== 'reference-server-url') return undefined;
      starting ??= tsImport('../../server/reference-server.ts', import.meta.url).then(({startReferenceServer}) =>
        startReferenceServer({
          port: 0,
          now,
          testRoutes: true,
          corsOrigins: origins,
          corsHeaders: ['X-Tenant'], // the scenario 'asks the headers callback before every request'
          verifyToken: (token) => (token.startsWith('test-') ? {agentId: 'test-supervisor', role: 'supervisor'} : null),
        }),
      );
      return (await starting).url;
    },
    async serverStop() {
      const server = await starting?.catch(() => undefined);
      starting = undefined;
      await server?.close();
    },
  };
}
