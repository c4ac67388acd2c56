/**
 * A @web/test-runner plugin that runs the callback-kit reference server (server/reference-server.ts) in the
 * test runner's own Node process, so browser tests can exercise HttpBackend over real loopback HTTP. The
 * TypeScript source is loaded through tsx's scoped `tsImport` (nothing is registered globally, WTR's own
 * loading is untouched). The server starts on the first `reference-server-url` command (runs that never ask
 * for it pay nothing), on a free port, with its clock stopped at `now`, and stops with the test runner.
 * In a test:
 *
 *   import {executeServerCommand} from '@web/test-runner-commands';
 *   const url = await executeServerCommand('reference-server-url'); // "http://127.0.0.1:PORT"
 *
 * The page and the server are on different origins: the server answers CORS. Per-test control goes through
 * its `/__` routes (`POST /__reset`, `POST /__faults`...).
 *
 * @param {{now?: string, seed?: number}} [options]
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
import {tsImport} from 'tsx/esm/api';

export function referenceServerPlugin({now = '2026-06-15T13:00:00Z', seed = 1} = {}) {
  /** @type {Promise<{url: string, close(): Promise<void>}> | undefined} */
  let starting;
  return {
    name: 'callback-kit-reference-server',
    async executeCommand({command}) {
      if (command !== 'reference-server-url') return undefined;
      starting ??= tsImport('../../server/reference-server.ts', import.meta.url).then(({startReferenceServer}) =>
        startReferenceServer({port: 0, now, seed}),
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
