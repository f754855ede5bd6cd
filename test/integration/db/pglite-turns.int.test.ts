import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/db/client.ts';

/**
 * PGlite answers on this thread: every statement must leave the event loop a turn, or a handler's dozen
 * statements would hold back the webhook's answers and every timer (docs/BENCHMARKS.md, "Store, answer,
 * then handle").
 */
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ databaseUrl: null, dataDir: null });
});
afterAll(async () => {
  await database.close();
});

async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let waiting = true;
  const tick = () => {
    turns++;
    if (waiting) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  waiting = false;
  return turns;
}

describe('the embedded database gives the event loop a turn per statement', () => {
  it('between statements, and between the statements of one transaction', async () => {
    const statements = 50;
    const plain = await turnsDuring(async () => {
      for (let i = 0; i < statements; i++) await database.db.execute(sql`select ${i}::int as n`);
    });
    expect(plain).toBeGreaterThanOrEqual(statements - 1);
    const inTransaction = await turnsDuring(() =>
      database.db.transaction(async (tx) => {
        for (let i = 0; i < statements; i++) await tx.execute(sql`select ${i}::int as n`);
      }),
    );
    expect(inTransaction).toBeGreaterThanOrEqual(statements - 1);
  });
});
