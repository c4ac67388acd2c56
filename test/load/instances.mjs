// Reference server instances as child processes, for the load test and the conformance runner.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * One reference server: `node --import tsx server/reference-server.ts --port 0 --host 127.0.0.1 ...args` (node
 * itself, not an npx wrapper, so that a SIGKILL reaches the server). With `url` instead: an instance that
 * already runs elsewhere (never started, stopped or killed here).
 */
export class Instance {
  /**
   * @param {number} index
   * @param {{args?: string[], storage?: string, url?: string}} [o] `storage` other than `postgres` removes
   *   DATABASE_URL from the child's environment.
   */
  constructor(index, o = {}) {
    this.index = index;
    this.args = o.args ?? [];
    this.storage = o.storage ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
    this.external = !!o.url;
    this.url = o.url?.replace(/\/+$/, '');
    this.ready = this.external;
    this.child = undefined;
    this.output = '';
  }

  /** The process runs (it may still be starting); an external instance counts as running. */
  get running() {
    if (this.external) return true;
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The process runs and listens. */
  get alive() {
    return this.ready && this.running;
  }

  /** Starts the process; resolves once it printed "listening on <url>". */
  async start() {
    if (this.external) return this;
    const args = ['--import', 'tsx', 'server/reference-server.ts', '--port', '0', '--host', '127.0.0.1', ...this.args];
    const env = {...process.env};
    if (this.storage !== 'postgres') delete env.DATABASE_URL;
    const child = spawn(process.execPath, args, {cwd: root, env, stdio: ['ignore', 'pipe', 'pipe']});
    this.child = child;
    this.ready = false;
    this.output = '';
    this.url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`instance ${this.index} did not listen within 60 s:\n${this.output}`)),
        60_000,
      );
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        this.output += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/+$/, ''));
        }
      });
      child.stderr.setEncoding('utf8').on('data', (chunk) => (this.output += chunk));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`instance ${this.index} exited (${code ?? signal}) before listening:\n${this.output}`));
      });
    });
    child.removeAllListeners('exit');
    this.ready = true;
    return this;
  }

  /** SIGKILL: no shutdown hook runs. Resolves once the process is gone. */
  kill9() {
    if (this.external) throw new Error(`instance ${this.index} (${this.url}) was not started here: cannot kill it`);
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      process.kill(this.child.pid, 'SIGKILL');
    });
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  stop() {
    if (this.external || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.running && process.kill(this.child.pid, 'SIGKILL'), 10_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      process.kill(this.child.pid, 'SIGTERM');
    });
  }
}
