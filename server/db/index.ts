/**
 * The reference server's one data layer: PostgreSQL, either embedded (PGlite, WebAssembly, in memory or in a
 * data directory: nothing to install) or a real server through node-postgres when a connection string is
 * given (`DATABASE_URL`). Both speak the same SQL; the schema is `server/migrations/*.sql`, applied in order
 * at start and recorded in `schema_migrations`.
 */
import {existsSync} from 'node:fs';
import {readdir, readFile, mkdir, writeFile, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** A result row: column name to value. */
export type Row = Record<string, unknown>;

/** Something SQL runs on: the database or one transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; resolves to its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A PostgreSQL database, embedded or remote. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` in one transaction (READ COMMITTED; the server serializes what must be serial with advisory
   * locks). Commits when it resolves, rolls back when it throws. Retried up to 3 times on a serialization
   * failure or a deadlock.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTENs on a channel; `onPayload` gets each NOTIFY's payload. Resolves to the function that stops it. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Closes the connections (PGlite: flushes and closes the data directory). */
  close(): Promise<void>;
}

/** Where the data lives. */
export interface DatabaseOptions {
  /** A PostgreSQL connection string (`postgres://user:pass@host:5432/db`): node-postgres. Wins over `dataDir`. */
  url?: string;
  /** PGlite's data directory (created when missing); omitted: PGlite in memory (lost at close). */
  dataDir?: string;
  /** node-postgres pool size (default 10). */
  poolSize?: number;
}

const RETRYABLE = new Set(['40001', '40P01']);

/** Opens the database and applies pending migrations. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url ? await openPostgres(options.url, options.poolSize ?? 10) : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openPglite(dataDir?: string): Promise<Database> {
  const {PGlite} = await import('@electric-sql/pglite');
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => undefined;
  let pg: InstanceType<typeof PGlite>;
  try {
    pg = dataDir ? await PGlite.create({dataDir}) : await PGlite.create();
  } catch (error) {
    await unlock();
    throw error;
  }
  const wrap = (q: {query: typeof pg.query}): Queryable => ({
    query: async <T extends Row>(sql: string, params?: readonly unknown[]) =>
      (await q.query<T>(sql, params ? [...params] : undefined)).rows,
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: async (sql) => void (await pg.exec(sql)),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    listen: async (channel, onPayload) => {
      const stop = await pg.listen(channel, onPayload);
      return async () => {
        if (!pg.closed) await stop();
      };
    },
    close: async () => {
      if (!pg.closed) await pg.close();
      await unlock();
    },
  };
}

/**
 * PGlite is single-process: a second process on the same data directory would corrupt it. A lock file with the
 * owner's pid refuses that (a stale lock of a dead process is taken over). Resolves to the unlock function.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, {recursive: true});
  const file = join(dataDir, 'callback-kit.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, String(process.pid), {flag: 'wx'});
      return () => rm(file, {force: true});
    } catch (error) {
      if ((error as {code?: string}).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = Number(await readFile(file, 'utf8').catch(() => ''));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `${dataDir} is in use by process ${owner}: PGlite serves one process. Use DATABASE_URL for several instances.`,
        );
      }
      if (owner === process.pid) {
        throw new Error(`${dataDir} is already open in this process: share its Database instead.`);
      }
      await rm(file, {force: true});
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as {code?: string}).code === 'EPERM';
  }
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const {default: pg} = await import('pg');
  const pool = new pg.Pool({connectionString: url, max});
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error('[reference-server] database connection lost:', error.message));
  await pool.query('select 1');
  const query = async <T extends Row>(
    client: Pick<import('pg').PoolClient, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ) => (await client.query(sql, params ? [...params] : undefined)).rows as T[];
  const listeners: import('pg').Client[] = [];
  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    exec: async (sql) => void (await pool.query(sql)),
    transaction: async (work) => {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const result = await work({query: (sql, params) => query(client, sql, params)});
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          const code = (error as {code?: string}).code;
          if (!(code && RETRYABLE.has(code) && attempt < 3)) throw error;
        } finally {
          client.release();
        }
      }
    },
    listen: async (channel, onPayload) => {
      const client = new pg.Client({connectionString: url});
      client.on('error', (error) => console.error('[reference-server] LISTEN connection lost:', error.message));
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onPayload(message.payload ?? '');
      });
      await client.query(`listen ${quoteIdent(channel)}`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    close: async () => {
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`Invalid channel name "${name}".`);
  return name;
}

/**
 * The folder of the SQL migrations: `server/migrations/` next to this module's folder in the repository, or
 * `migrations/` beside the bundled server in the package (`dist/server/`).
 */
export const MIGRATIONS_DIR =
  [new URL('../migrations/', import.meta.url), new URL('./migrations/', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../migrations/', import.meta.url));

/**
 * Applies `server/migrations/NNN_name.sql` files not yet recorded in `schema_migrations`, in name order, all
 * in one transaction (all or nothing). Concurrent starts on one PostgreSQL wait for each other (an advisory lock).
 * Returns the names applied.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_[\w-]+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(7316001)`);
    await tx.query(
      `create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set((await tx.query<{name: string}>(`select name from schema_migrations`)).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(new URL(file, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query(`insert into schema_migrations (name) values ($1)`, [file]);
      applied.push(file);
    }
  });
  return applied;
}

/** Splits a migration into statements at `;` line ends (migrations keep one statement per `;`, no bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
