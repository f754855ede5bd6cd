import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir } from './lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repos take either the database or an open transaction, so use cases decide the boundary. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export type Database =
  | { engine: 'postgres'; db: Db; pool: pg.Pool; url: string; ping(): Promise<void>; close(): Promise<void> }
  | { engine: 'pglite'; db: Db; pglite: PGlite; ping(): Promise<void>; close(): Promise<void> };

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
}

/** node-postgres Pool when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection must not crash the process; queries will report it.
    pool.on('error', () => {});
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
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      engine: 'postgres',
      db,
      pool,
      url: opts.databaseUrl,
      ping: async () => {
        await pool.query('select 1');
      },
      close: () => pool.end(),
    };
  }
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = opts.dataDir ? await PGlite.create(join(opts.dataDir, 'pgdata')) : await PGlite.create();
  } catch (err) {
    release();
    throw new DatabaseUnavailableError(
      `cannot open the embedded database in ${opts.dataDir}: ${(err as Error).message}`,
    );
  }
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    pglite,
    ping: async () => {
      if (pglite.closed) throw new Error('embedded database is closed');
      await pglite.query('select 1');
    },
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/** Applies drizzle-kit migrations; on PostgreSQL under an advisory lock so replicas can start together. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
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
