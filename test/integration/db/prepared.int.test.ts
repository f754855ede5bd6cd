import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared, preparedSql } from '../../../src/db/prepared.ts';
import { processedUpdates } from '../../../src/db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

/** db/prepared.ts: statements built once per database and run on the caller's session. */
let first: TestDatabase;
let second: TestDatabase;
beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([first?.dispose(), second?.dispose()]);
});

const insertUpdate = prepared<{ id: number; at: Date }, { id: number; at: Date }[]>(
  'fb_test_prepared_insert',
  (db) =>
    db
      .insert(processedUpdates)
      .values({ updateId: sql.placeholder('id'), processedAt: sql.placeholder('at') })
      .onConflictDoNothing()
      .returning({ id: processedUpdates.updateId, at: processedUpdates.processedAt }),
);
const findUpdate = prepared<{ id: number }, { id: number }[]>('fb_test_prepared_find', (db) =>
  db
    .select({ id: processedUpdates.updateId })
    .from(processedUpdates)
    .where(eq(processedUpdates.updateId, sql.placeholder('id'))),
);
const countAbove = preparedSql<{ above: number }, { n: number }>(
  'fb_test_prepared_count',
  sql`select count(*)::int as n from processed_updates where update_id > ${sql.placeholder('above')}`,
);

describe('prepared statements', () => {
  it('encode placed values through the column (a Date into a timestamp) and map the answer', async () => {
    const at = new Date('2026-12-04T10:11:12.345Z');
    const rows = await insertUpdate(first.database.db, { id: 7_000_001, at });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.at.toISOString()).toBe(at.toISOString());
    expect(await insertUpdate(first.database.db, { id: 7_000_001, at })).toEqual([]);
  });

  it('run inside the caller’s transaction: its uncommitted rows are seen there, and rolled back with it', async () => {
    const db = first.database.db;
    await expect(
      db.transaction(async (tx) => {
        await insertUpdate(tx, { id: 7_000_002, at: new Date() });
        expect(await findUpdate(tx, { id: 7_000_002 })).toEqual([{ id: 7_000_002 }]);
        expect((await countAbove(tx, { above: 7_000_001 })).rows[0]!.n).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await findUpdate(db, { id: 7_000_002 })).toEqual([]);
    expect((await countAbove(db, { above: 7_000_001 })).rows[0]!.n).toBe(0);
  });

  it('keep each database apart: the statement built on one runs on the other against its own rows', async () => {
    await insertUpdate(second.database.db, { id: 7_100_000, at: new Date() });
    expect(await findUpdate(second.database.db, { id: 7_100_000 })).toEqual([{ id: 7_100_000 }]);
    expect(await findUpdate(first.database.db, { id: 7_100_000 })).toEqual([]);
    expect((await countAbove(second.database.db, { above: 7_000_000 })).rows[0]!.n).toBe(1);
  });

  it('keep two transactions at once on their own connections', async () => {
    const db = first.database.db;
    // Each side reads while the other is still open: two commits only after one has read.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let oneRead!: () => void;
    const afterOneRead = new Promise<void>((r) => (oneRead = r));
    const seen: number[][] = [];
    const one = db.transaction(async (tx) => {
      await insertUpdate(tx, { id: 7_200_001, at: new Date() });
      await gate;
      seen.push((await findUpdate(tx, { id: 7_200_002 })).map((r) => r.id));
      oneRead();
    });
    const two =
      first.database.engine === 'postgres'
        ? db.transaction(async (tx) => {
            await insertUpdate(tx, { id: 7_200_002, at: new Date() });
            seen.push((await findUpdate(tx, { id: 7_200_001 })).map((r) => r.id));
            release();
            await afterOneRead;
          })
        : (release(), Promise.resolve());
    await Promise.all([one, two]);
    // Neither saw the other's uncommitted row (PGlite runs one transaction at a time).
    for (const ids of seen) expect(ids).toEqual([]);
  });

  it('build once per database, whichever session runs them', async () => {
    let builds = 0;
    const find = prepared<{ id: number }, { id: number }[]>('fb_test_prepared_once', (db) => {
      builds++;
      return db
        .select({ id: processedUpdates.updateId })
        .from(processedUpdates)
        .where(eq(processedUpdates.updateId, sql.placeholder('id')));
    });
    for (const id of [1, 2, 3]) await find(first.database.db, { id });
    await first.database.db.transaction((tx) => find(tx, { id: 4 }));
    expect(builds).toBe(1);
    await find(second.database.db, { id: 1 });
    expect(builds).toBe(2);
  });

  it('leave a transaction that ran nothing without a trace, and the connection fit for the next', async () => {
    // db/client.ts sends `begin` with a transaction's first statement: here there is none.
    const db = first.database.db;
    expect(await db.transaction(async () => 'nothing')).toBe('nothing');
    await expect(
      db.transaction(async () => {
        throw new Error('before any statement');
      }),
    ).rejects.toThrow('before any statement');
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql.raw('insert into processed_updates (update_id) values (7300001)'));
        throw new Error('after one');
      }),
    ).rejects.toThrow('after one');
    expect(await findUpdate(db, { id: 7_300_001 })).toEqual([]);
    await db.transaction((tx) =>
      tx.execute(sql.raw('insert into processed_updates (update_id) values (7300002)')),
    );
    expect(await findUpdate(db, { id: 7_300_002 })).toEqual([{ id: 7_300_002 }]);
  });

  it('refuse a name declared twice', () => {
    expect(() => prepared('fb_test_prepared_find', (db) => db.select().from(processedUpdates))).toThrow(
      /declared twice/,
    );
  });
});
