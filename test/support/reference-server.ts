/**
 * The reference server's URL (the `reference-server-url` command of test/http/reference-server-plugin.mjs), asked
 * again while the server is still starting.
 *
 * The server starts on first use (PGlite, PostgreSQL in WebAssembly, takes seconds, far more on a loaded machine),
 * and @web/test-runner gives a server command 20 s to answer ("Did not receive a server response for message with
 * type wtr-command within 20000ms"), a limit no config changes. The start goes on in the runner after that answer
 * is given up, so asking again waits for the same start: a condition (the server answers), not a guess of how long
 * it takes. Give the hook that calls this a timeout of a few minutes.
 */
import {executeServerCommand} from '@web/test-runner-commands';

const NO_ANSWER = /Did not receive a server response/;

export async function referenceServerUrl(attempts = 6): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await executeServerCommand<string, undefined>('reference-server-url');
    } catch (error) {
      if (attempt >= attempts || !NO_ANSWER.test(String(error))) throw error;
    }
  }
}
