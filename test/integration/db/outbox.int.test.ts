import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos } from '../../../src/db/repos/index.ts';
import { outboxDispatch } from '../../../src/db/repos/outbox.ts';
import { outboxBudgets } from '../../../src/db/schema/index.ts';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const recentOf = async (key: string) =>
  (await t.database.db.select().from(outboxBudgets).where(eq(outboxBudgets.key, key)))[0]?.recent ?? [];

describe('outbox claim', () => {
  it('books every admitted send in the global budget, whatever is claimed after it', async () => {
    const db = t.database.db;
    // The reaction's chat already has a budget row, so nothing about it needs saving.
    await db.insert(outboxBudgets).values({ key: 'chat:2', recent: [] });
    await createRepos(db).outbox.enqueue([
      {
        lane: 'out:1',
        chatId: 1,
        sortKey: 0,
        idempotencyKey: 'n1',
        payload: { kind: 'notice', chatId: 1, html: 'hi' },
      },
      {
        lane: 'out:2',
        chatId: 2,
        sortKey: 0,
        idempotencyKey: 'r2',
        payload: { kind: 'react', chatId: 2, messageId: 5, emoji: '👌' },
      },
    ]);
    const claim = await outboxDispatch(db).claim({
      limit: 8,
      // A second ahead: not_before comes from the database clock (microseconds), now from JS (milliseconds).
      now: new Date(Date.now() + 1000),
      leaseMs: 30_000,
      budgets: defaultBudgets(),
      excludeLanes: [],
    });
    expect(claim.items.map((i) => [i.lane, i.cost])).toEqual([
      ['out:1', 1],
      ['out:2', 0],
    ]);
    expect(await recentOf('global')).toHaveLength(1);
    expect(await recentOf('chat:1')).toHaveLength(1);
    expect(await recentOf('chat:2')).toHaveLength(0);
  });
});
