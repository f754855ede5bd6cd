import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { embeddedPgPool, type Notification } from './embedded-connection.ts';
import { createClusterOutOfProcess, hasCluster, useEngineWasmCompiler } from './embedded-init.ts';
import { DataDirLockedError, lockDataDir, type DataDirLockOptions } from './lock.ts';
import {
  createSettingsCache,
  listenForSettings,
  SETTINGS_CHANNEL,
  type SettingsCache,
} from './settings-cache.ts';

/**
 * drizzle without the schema: the app uses no relational queries (`db.query.*`), and with a schema drizzle
 * built a query builder for every table on every transaction it opened (~28 µs a transaction, measured).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repos take either the database or an open transaction, so use cases decide the boundary. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

interface DatabaseCommon {
  db: Db;
  /** The stored settings, kept in memory and dropped on any replica's change (see settings-cache.ts). */
  settingsCache: SettingsCache;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type Database =
  | (DatabaseCommon & { engine: 'postgres'; pool: pg.Pool; url: string })
  | (DatabaseCommon & {
      engine: 'pglite';
      /**
       * The engine itself, for what only it does (`dumpDataDir`, `close`). Never for SQL: statements
       * (and notifications) go through `pool` (db/embedded-connection.ts says why).
       */
      pglite: PGlite;
      /** One connection to the engine (db/embedded-connection.ts): every statement goes through it. */
      pool: pg.Pool;
    });

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

// Any fixed number: one key shared by every replica so only one applies migrations at a time.
const MIGRATION_LOCK_KEY = 72_917_301;

export interface DatabaseOptions {
  databaseUrl: string | null;
  /** Embedded PGlite directory; null = in-memory (tests). */
  dataDir: string | null;
  poolSize?: number;
  /**
   * The DATA_DIR lock was lost while open (another process may be writing the directory now). The
   * embedded database is closed first, so nothing more is written; the default then prints one line and
   * exits with status 1 (a supervisor restarts the process, which waits for the lock again).
   */
  onLockCompromised?: (err: Error) => void;
  /** Heartbeat timings of the DATA_DIR lock (tests shorten them). */
  lockTimings?: Pick<DataDirLockOptions, 'staleMs' | 'updateMs'>;
  /** How long settings are served from memory when no change is heard (default 5 s). */
  settingsTtlMs?: number;
  /**
   * In-memory only: start from this dump (`PGlite.dumpDataDir`) instead of an empty cluster. Tests start
   * each file from one migrated template: loading it takes ~1 s, creating and migrating a cluster ~7 s.
   */
  loadDataDir?: Blob;
}

/**
 * PGlite's start parameters with a smaller buffer cache: PostgreSQL's default `shared_buffers` (128 MB)
 * lives in the WebAssembly heap, which never shrinks; 32 MB keeps a creator's working set (fans, topics,
 * the open outbox) cached while the serving process stays small: PGlite's RSS after reopening a cluster
 * 295 → 193–207 MB (docs/BENCHMARKS.md, "Statements built once, a smaller embedded cache"); 16 MB cost
 * 19 % more CPU in the relay bench. Pages outside it are read from the operating system's file cache.
 * A database that outgrows this belongs on PostgreSQL (`DATABASE_URL`).
 */
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

const exitOnLockLost = (dataDir: string) => (err: Error) => {
  process.stderr.write(
    `fanbridge: lost the lock on DATA_DIR ${dataDir} (${err.message}); stopping so that two processes never write one database\n`,
  );
  process.exit(1);
};

/** node-postgres Pool when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 5,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection must not crash the process; queries will report it.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      prepareOncePerConnection(client);
      beginWithFirstStatement(client);
    });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await pool.end().catch(() => {});
      const where = safeUrl(opts.databaseUrl);
      throw new DatabaseUnavailableError(
        `cannot connect to PostgreSQL at ${where}: ${(err as Error).message}`,
      );
    }
    const db = drizzlePg({ client: pool }) as unknown as Db;
    const settingsCache = createSettingsCache({ ttlMs: opts.settingsTtlMs });
    const listener = listenForSettings(opts.databaseUrl, settingsCache);
    await listener.ready;
    return {
      engine: 'postgres',
      db,
      pool,
      url: opts.databaseUrl,
      settingsCache,
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        await listener.close();
        await pool.end();
      },
    };
  }
  const dataDir = opts.dataDir;
  let pglite: PGlite | undefined;
  const release = dataDir
    ? await lockDataDir(dataDir, {
        ...opts.lockTimings,
        onCompromised: (err) => {
          // Stop writing first: whatever the handler does, this process no longer owns the directory.
          void pglite?.close().catch(() => {});
          (opts.onLockCompromised ?? exitOnLockLost(dataDir))(err);
        },
      }).catch((err: unknown) => {
        if (err instanceof DataDirLockedError) throw err;
        throw new DatabaseUnavailableError(`cannot lock DATA_DIR ${dataDir}: ${(err as Error).message}`);
      })
    : async () => {};
  try {
    useEngineWasmCompiler();
    if (dataDir) {
      const clusterDir = join(dataDir, 'pgdata');
      if (!hasCluster(clusterDir)) await createClusterOutOfProcess(clusterDir);
      pglite = await PGlite.create(clusterDir, { startParams: EMBEDDED_START_PARAMS });
    } else
      pglite = await PGlite.create({
        startParams: EMBEDDED_START_PARAMS,
        ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      });
  } catch (err) {
    await release();
    throw new DatabaseUnavailableError(
      `cannot open the embedded database in ${dataDir}: ${(err as Error).message}`,
    );
  }
  const open = pglite;
  // One process holds the embedded database; a change is heard when its transaction commits.
  const settingsCache = createSettingsCache({ ttlMs: opts.settingsTtlMs });
  const pool = embeddedPool(open, ({ channel }) => {
    if (channel === SETTINGS_CHANNEL) settingsCache.invalidate();
  });
  const db = drizzlePg({ client: pool }) as unknown as Db;
  await pool.query(`listen ${SETTINGS_CHANNEL}`);
  return {
    engine: 'pglite',
    db,
    pglite: open,
    pool,
    settingsCache,
    ping: async () => {
      if (open.closed) throw new Error('embedded database is closed');
      await pool.query('select 1');
    },
    close: async () => {
      try {
        await pool.end().catch(() => {});
        if (!open.closed) await open.close();
      } finally {
        await release();
      }
    },
  };
}

/**
 * The embedded engine as a node-postgres pool of one connection (db/embedded-connection.ts), the same driver
 * as on PostgreSQL: statements are named and prepared once (`prepareOncePerConnection`), so the engine
 * parses and plans each only once; through `PGlite.query` every run was parsed and planned again (about
 * half of a short statement's cost, docs/BENCHMARKS.md). One connection, like PGlite's one session: a
 * statement outside a transaction waits for it, as PGlite's own lock made it wait.
 */
function embeddedPool(pglite: PGlite, notify: (n: Notification) => void): pg.Pool {
  const pool = embeddedPgPool(
    pglite,
    {
      // The one connection stays: a new one would share the engine's one session anyway.
      idleTimeoutMillis: 0,
    },
    notify,
  );
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    prepareOncePerConnection(client);
    yieldBeforeStatements(client);
    beginWithFirstStatement(client);
  });
  return pool;
}

/** Distinct statements a connection keeps prepared; past it, statements are parsed each time. */
const PREPARED_PER_CONNECTION = 1000;

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * Every statement with parameters (all of drizzle's) goes out as a named prepared statement, named by a
 * hash of its text, so each connection parses it once and PostgreSQL skips the parse on every later run
 * (about half of a short statement's server CPU). Statements without parameters (`begin`, `commit`,
 * migrations, which may hold several statements) go as they are. Needs session pooling (as `LISTEN`
 * and pg-boss do already): a transaction-mode pooler would hand the names to other connections.
 */
function prepareOncePerConnection(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (config, values, callback) => {
    const c = config as pg.QueryConfig | null;
    if (
      c &&
      typeof c === 'object' &&
      typeof c.text === 'string' &&
      !c.name &&
      Array.isArray(values) &&
      values.length > 0
    ) {
      let name = names.get(c.text);
      if (!name && names.size < PREPARED_PER_CONNECTION) {
        name = `fb_${createHash('sha1').update(c.text).digest('hex')}`;
        names.set(c.text, name);
      }
      if (name) return query({ ...c, name }, values, callback);
    }
    return query(config, values, callback);
  };
}

const isBare = (values: unknown) => values === undefined || (Array.isArray(values) && values.length === 0);

/** What `begin`, `commit` or `rollback` answers when it was not sent (node-postgres's result, empty). */
const unsentResult = (command: string) => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * `begin` goes out with its transaction's first statement, in one round trip, when that statement has no
 * parameters (the update's claim, db/repos/updates.ts: a fan's message is one transaction, and its first
 * statement is the claim): `begin; <statement>` as one simple query. Before a statement with parameters
 * it goes alone, as it always did; a transaction that sent nothing sends neither `begin` nor its
 * `commit` or `rollback`. Only drizzle's own lowercase `begin` (its transactions) waits; pg-boss and
 * migrations send theirs as they are. A `begin` that would have failed fails with the statement it
 * travels with, inside the caller's transaction, which rolls back as before.
 */
export function beginWithFirstStatement(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  let waiting = false;
  (client as unknown as { query: QueryFn }).query = (config, values, callback) => {
    const c = config as pg.QueryConfig | string | null;
    const text = typeof c === 'string' ? c : c && typeof c === 'object' ? c.text : undefined;
    const promised = typeof callback !== 'function' && typeof values !== 'function';
    if (!promised || typeof text !== 'string') {
      if (!waiting) return query(config, values, callback);
      waiting = false;
      void (query('begin') as Promise<unknown>).catch(() => {}); // queued ahead of this one; its failure fails this one too
      return query(config, values, callback);
    }
    const bare = isBare(values);
    if (bare && text === 'begin' && !waiting) {
      waiting = true;
      return Promise.resolve(unsentResult('BEGIN'));
    }
    if (!waiting) return query(config, values);
    waiting = false;
    if (bare && (text === 'commit' || text === 'rollback'))
      return Promise.resolve(unsentResult(text.toUpperCase()));
    if (bare && typeof c === 'object' && c && !c.name && !(c as { rowMode?: string }).rowMode) {
      return (query({ ...c, text: `begin; ${text}` }, values) as Promise<unknown>).then((results) =>
        Array.isArray(results) ? results[results.length - 1] : results,
      );
    }
    return (query('begin') as Promise<unknown>).then(() => query(config, values));
  };
}

/** Applies drizzle-kit migrations under an advisory lock, so replicas on PostgreSQL can start together. */
export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

export { sql };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * PGlite runs each statement synchronously on this thread and answers at once, so without this a whole
 * handler (a dozen statements) would run in one go while HTTP requests (Telegram's webhook, health
 * checks) wait: measured, a new fan's first message held every other request for ~160 ms at a time and
 * a burst's first answers for 15–19 s. Each statement first gives the event loop a turn (in the order
 * the statements were asked for: both forms wait in the same queue of immediates).
 */
function yieldBeforeStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (config, values, callback) => {
    if (typeof callback === 'function' || typeof values === 'function') {
      setImmediate(() => query(config, values, callback));
      return undefined;
    }
    return nextTurn().then(() => query(config, values));
  };
}
