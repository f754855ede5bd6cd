import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateDatabase, openDatabase, sql, type Database } from '../../src/db/client.ts';
import { eventually } from './eventually.ts';

/** Which engine this run uses: PostgreSQL when TEST_DATABASE_URL is set, in-memory PGlite otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;
export const engineName = TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase {
  database: Database;
  /** The URL of the per-file database (PostgreSQL only). */
  url: string | null;
  dispose(): Promise<void>;
}

/**
 * A fresh database for one test file: a new in-memory PGlite, or a new PostgreSQL database with a random
 * name (dropped on dispose). Per-schema isolation does not work: drizzle-kit writes "public"."table".
 */
export async function createTestDatabase(opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    // From the run's migrated template (test/support/global-setup.ts): an app started on it finds its
    // migrations applied, as on a restart.
    const template = pgliteTemplate();
    const database = await openDatabase({
      databaseUrl: null,
      dataDir: null,
      ...(template ? { loadDataDir: template } : {}),
    });
    if (opts.migrate !== false && !template) await migrateDatabase(database);
    return { database, url: null, dispose: () => database.close() };
  }
  const name = `fb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: null, poolSize: 10 });
  if (opts.migrate !== false) await migrateDatabase(database);
  return {
    database,
    url: url.toString(),
    async dispose() {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

let template: Blob | null | undefined;
/** The migrated template's dump, read once per worker (null outside a vitest run that made one). */
function pgliteTemplate(): Blob | null {
  if (template !== undefined) return template;
  let path: string | null = null;
  try {
    path = inject('pgliteTemplate');
  } catch {
    path = null;
  }
  template = path ? new Blob([readFileSync(path)]) : null;
  return template;
}

/**
 * Waits until a statement of this database whose text matches `like` (SQL LIKE) is blocked on a lock:
 * PostgreSQL only, for tests that interleave two connections (an open transaction holds what it needs).
 */
export async function untilBlockedOnLock(database: Database, like: string, what: string): Promise<void> {
  await eventually(
    async () => {
      const { rows } = (await database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like ${like}`,
      )) as { rows: { n: number }[] };
      return rows[0]!.n > 0;
    },
    5000,
    what,
  );
}
