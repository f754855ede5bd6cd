import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/app/system/settings.ts';
import { openDatabase, type Database } from '../../../src/db/client.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { SETTINGS_CHANNEL } from '../../../src/db/settings-cache.ts';
import { createServices } from '../../../src/app/services.ts';
import { eventually } from '../../support/app.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/db.ts';

/**
 * Settings are served from memory; a change is seen by this process at once and by every other replica
 * as soon as PostgreSQL delivers its notification (the expiry is long here, so only the notification can
 * explain a fresh value), and after the expiry when a notification is missed.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const receiptMode = async (database: Database) =>
  resolveSettings(await createUnitOfWork(database).repos.settings.all()).receipt_mode;
/** A write that bypasses the app (a manual edit): nothing announces it. */
const writeSilently = (database: Database, value: string) =>
  database.db.execute(
    sql`insert into settings (key, value) values ('receipt_mode', ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value`,
  );

describe('settings are cached and a change is seen', () => {
  it('by the process that saved it, on its next read', async () => {
    const uow = createUnitOfWork(t.database);
    expect(await receiptMode(t.database)).toBe('every');
    await uow.run((r) => r.settings.set('receipt_mode', 'low', 1));
    expect(await receiptMode(t.database)).toBe('low');
    await uow.repos.settings.set('receipt_mode', 'every', 1);
    expect(await receiptMode(t.database)).toBe('every');
  });

  it('not re-read from the database on every message', async () => {
    // On PostgreSQL a handle of its own, listening from now on: earlier tests' notifications, still on
    // their way to the shared handle, cannot drop the copy this test reads.
    const db = t.url
      ? await openDatabase({ databaseUrl: t.url, dataDir: null, poolSize: 1, settingsTtlMs: 60_000 })
      : t.database;
    try {
      expect(await receiptMode(db)).toBe('every');
      await writeSilently(db, 'off');
      expect(await receiptMode(db)).toBe('every');
      // Announced (as another replica's write would be): heard once its transaction commits.
      await db.db.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, 'receipt_mode')`);
      await eventually(async () => (await receiptMode(db)) === 'off', 2_000, 'the change heard');
    } finally {
      await createUnitOfWork(db).repos.settings.set('receipt_mode', 'every', 1);
      if (db !== t.database) await db.close();
    }
  });
});

describe.runIf(TEST_DATABASE_URL)('on several replicas (PostgreSQL)', () => {
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    a = await openDatabase({ databaseUrl: t.url, dataDir: null, poolSize: 2, settingsTtlMs: 60_000 });
    b = await openDatabase({ databaseUrl: t.url, dataDir: null, poolSize: 2, settingsTtlMs: 60_000 });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('an admin group set up on one replica is an admin group on another within 2 s (no restart)', async () => {
    const groupsOf = (database: Database) =>
      createServices({
        uow: createUnitOfWork(database),
        clock: { now: () => new Date() },
        adminGroupIds: [-1009900001],
        adminUserIds: [1],
      }).groups.ids();
    expect(await groupsOf(a)).toEqual([-1009900001]);
    await createUnitOfWork(b).run((r) =>
      r.adminGroups.store({ chatId: -1009900002, title: 'Second', setUpBy: 1, setUpAt: new Date() }),
    );
    // On B at once (its own write), on A when the notification arrives; the configured group first.
    expect(await groupsOf(b)).toEqual([-1009900001, -1009900002]);
    await eventually(
      async () => (await groupsOf(a)).length === 2,
      2_000,
      'replica A sees the new admin group',
    );
    expect(await groupsOf(a)).toEqual([-1009900001, -1009900002]);
  });

  it('another replica sees a change within 2 s (notification, not expiry)', async () => {
    expect(await receiptMode(a)).toBe('every');
    await createUnitOfWork(b).run((r) => r.settings.set('receipt_mode', 'off', 1));
    await eventually(async () => (await receiptMode(a)) === 'off', 2_000, 'replica A sees the change');
    await createUnitOfWork(b).repos.settings.set('receipt_mode', 'every', 1);
    await eventually(async () => (await receiptMode(a)) === 'every', 2_000, 'and back');
  });

  it('a replica whose listener connection was cut reconnects and hears the next change', async () => {
    expect(await receiptMode(a)).toBe('every');
    const admin = new pg.Client({ connectionString: t.url! });
    await admin.connect();
    try {
      const cut = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`,
      );
      expect(cut.rowCount).toBeGreaterThanOrEqual(2);
    } finally {
      await admin.end();
    }
    // Until it is back it may read the database; once back it hears changes again.
    await eventually(
      async () => {
        await createUnitOfWork(b).repos.settings.set('receipt_mode', 'low', 1);
        return (await receiptMode(a)) === 'low';
      },
      5_000,
      'the change heard after reconnecting',
    );
    await createUnitOfWork(b).repos.settings.set('receipt_mode', 'every', 1);
  });

  it('a missed change is seen after the expiry', async () => {
    const c = await openDatabase({ databaseUrl: t.url, dataDir: null, poolSize: 1, settingsTtlMs: 1_500 });
    try {
      expect(await receiptMode(c)).toBe('every');
      await writeSilently(b, 'off');
      expect(await receiptMode(c)).toBe('every');
      await eventually(async () => (await receiptMode(c)) === 'off', 5_000, 'seen after the expiry');
    } finally {
      await writeSilently(b, 'every');
      await c.close();
    }
  });
});
