import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type DbOrTx } from '../../../src/db/client.ts';
import { statsRepo } from '../../../src/db/repos/stats.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

/**
 * The dashboard's windowed queries read only the last 30 days through the BRIN indexes on the two big
 * append-only tables (ledger_entries, message_links), whatever their size. Plans are taken with
 * sequential scans off: what is checked is that each query can use its index (a predicate on an
 * expression of `created_at`, or a dropped index, fails here); which plan wins on a given size is the
 * benchmark's business (`npm run bench:dashboard`).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.database.db.execute(sql`
    insert into users (id, first_name, created_at)
    select g, 'fan ' || g, now() - (g % 365) * interval '1 day' from generate_series(1, 2000) g`);
  await t.database.db.execute(sql`
    insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor, created_at)
    select 1 + g % 2000, 5, 'purchase', 'seed:' || g, 5, 'test', now() - (365 - g / 20) * interval '1 day'
    from generate_series(1, 7300) g`);
  await t.database.db.execute(sql`
    insert into message_links (user_id, direction, fan_chat_id, fan_message_id, group_chat_id, created_at)
    select 1 + g % 2000, 'in', 1 + g % 2000, g, -100, now() - (365 - g / 20) * interval '1 day'
    from generate_series(1, 7300) g`);
  await t.database.db.execute(sql`analyze`);
});
afterAll(() => t.dispose());

/** The plans of every statement the dashboard runs, as JSON text. */
async function dashboardPlans(): Promise<string[]> {
  const plans: string[] = [];
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const explaining = {
      execute: async (q: ReturnType<typeof sql>) => {
        const res: unknown = await tx.execute(sql`explain (format json) ${q}`);
        plans.push(JSON.stringify((res as { rows: unknown[] }).rows));
        return { rows: [{}] };
      },
    } as unknown as DbOrTx;
    const day = 86_400_000;
    const now = Date.now();
    await statsRepo(explaining).dashboard({
      today: new Date(now - day),
      days7: new Date(now - 7 * day),
      days30: new Date(now - 30 * day),
    });
  });
  return plans;
}

describe('the dashboard read model’s plans', () => {
  it('counts messages through message_links_created_brin and credits through ledger_entries_created_brin', async () => {
    const plans = await dashboardPlans();
    const messages = plans.find((p) => p.includes('message_links'));
    const credits = plans.find((p) => p.includes('ledger_entries'));
    expect(messages).toContain('message_links_created_brin');
    expect(credits).toContain('ledger_entries_created_brin');
  });
});
