/** Helpers of the conformance and load self-tests: the reference server as a child process, breaking proxies. */
import {spawn, type ChildProcess} from 'node:child_process';
import {createServer, request, type IncomingHttpHeaders, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The reference server as a child process (PGlite in memory, the development tokens); resolves with its URL
 * once it prints "listening on".
 */
export function startServer(...extra: string[]): Promise<{url: string; child: ChildProcess}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/reference-server.ts', '--port', '0', '--host', '127.0.0.1', '--in-memory', ...extra],
      {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, DATABASE_URL: ''}},
    );
    let output = '';
    const onData = (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({url: match[1].replace(/\/+$/, ''), child});
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}):\n${output}`)));
  });
}

export interface Breakage {
  /** Rewrites the request headers before forwarding. */
  headers?: (headers: IncomingHttpHeaders) => IncomingHttpHeaders;
  /** Rewrites a JSON (non-stream) answer. */
  answer?: (status: number, body: string) => {status: number; body: string};
  /** Rewrites each chunk of an event stream. */
  stream?: (chunk: string) => string;
}

/** A proxy in front of `upstream` that breaks the contract as `breakage` says. */
export async function brokenProxy(upstream: string, breakage: Breakage): Promise<{url: string; server: Server}> {
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const headers = breakage.headers ? breakage.headers({...req.headers}) : {...req.headers};
    headers.host = target.host;
    const out = request(
      {host: target.hostname, port: target.port, method: req.method, path: req.url, headers},
      (answer) => {
        const type = String(answer.headers['content-type'] ?? '');
        if (type.startsWith('text/event-stream')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.setEncoding('utf8');
          answer.on('data', (chunk: string) => res.write(breakage.stream ? breakage.stream(chunk) : chunk));
          answer.on('end', () => res.end());
          res.on('close', () => answer.destroy());
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          let status = answer.statusCode ?? 502;
          let body = Buffer.concat(chunks).toString('utf8');
          if (breakage.answer) ({status, body} = breakage.answer(status, body));
          const {'content-length': _length, 'transfer-encoding': _encoding, ...rest} = answer.headers;
          res.writeHead(status, {...rest, 'content-length': String(Buffer.byteLength(body))});
          res.end(body);
        });
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
    res.on('close', () => out.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}
