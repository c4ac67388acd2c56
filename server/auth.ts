/**
 * Bearer-token authentication of the reference server. A verifier maps a token to a principal
 * (`{agentId, role}`) or null; plug your own (JWT, session lookup...) with `startReferenceServer({verifyToken})`.
 * The reference setup reads a token file (`--tokens server/tokens.example.json`):
 *
 * ```json
 * {"tokens": [{"token": "a-long-random-secret", "agentId": "agent-maria", "role": "agent"}]}
 * ```
 */
import {createHash, timingSafeEqual} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import type {Principal} from './store.js';

/** Maps a bearer token to who it is, or null when it is not valid. */
export type TokenVerifier = (token: string) => Principal | null | Promise<Principal | null>;

/** One entry of a token file. */
export interface TokenEntry extends Principal {
  token: string;
}

/**
 * The development tokens: used when no token file or verifier is given, and only while the server listens
 * on a loopback address. Never use them elsewhere.
 */
export const DEV_TOKENS: readonly TokenEntry[] = Object.freeze([
  {token: 'dev-agent-maria', agentId: 'agent-maria', role: 'agent'},
  {token: 'dev-agent-james', agentId: 'agent-james', role: 'agent'},
  {token: 'dev-agent-lucia', agentId: 'agent-lucia', role: 'agent'},
  {token: 'dev-agent-aiko', agentId: 'agent-aiko', role: 'agent'},
  {token: 'dev-supervisor', agentId: 'supervisor', role: 'supervisor'},
]);

const digest = (token: string) => createHash('sha256').update(token).digest();

/** A verifier over a fixed list of tokens (compared in constant time, by their SHA-256). */
export function tokenListVerifier(entries: readonly TokenEntry[]): TokenVerifier {
  const known = entries.map((e) => ({hash: digest(e.token), principal: {agentId: e.agentId, role: e.role}}));
  return (token) => {
    const hash = digest(token);
    let found: Principal | null = null;
    for (const entry of known) if (timingSafeEqual(entry.hash, hash)) found = entry.principal;
    return found && {...found};
  };
}

/** Reads and checks a token file. @throws Error naming the problem. */
export async function loadTokenFile(path: string): Promise<TokenEntry[]> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as {tokens?: unknown};
  if (!parsed || !Array.isArray(parsed.tokens)) throw new Error(`${path}: expected {"tokens": [...]}`);
  return parsed.tokens.map((entry: unknown, i: number) => {
    const e = entry as Partial<TokenEntry>;
    if (typeof e?.token !== 'string' || e.token.length < 8)
      throw new Error(`${path}: tokens[${i}].token must have 8+ characters.`);
    if (typeof e.agentId !== 'string' || !e.agentId) throw new Error(`${path}: tokens[${i}].agentId is required.`);
    if (e.role !== 'agent' && e.role !== 'supervisor') {
      throw new Error(`${path}: tokens[${i}].role must be "agent" or "supervisor".`);
    }
    return {token: e.token, agentId: e.agentId, role: e.role};
  });
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([\x21-\x7e]{1,4096})\s*$/i.exec(header ?? '');
  return match?.[1];
}
