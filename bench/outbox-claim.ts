/**
 * The outbox claim in isolation: `npx tsx bench/outbox-claim.ts`.
 *
 *   1. latency of one claim against a growing backlog (100 lanes: 1,000, 10,000, 100,000 open items), on
 *      PGlite and PostgreSQL, with the ratio 100k ÷ 1k (issue 13's target: at most 2×);
 *   2. whether a private-chat item is still claimed while more than 500 lanes wait on one group's budget.
 *
 * Claims here exclude every lane, so nothing is taken and the backlog stays the same; the query work
 * (the lane heads, the budgets) is what the sender pays on every loop.
 */
import { migrateDatabase, openDatabase, sql, type Database } from '../src/db/client.ts';
import { outboxDispatch } from '../src/db/repos/outbox.ts';
import { defaultBudgets } from '../src/app/outbox/policy.ts';
import {
  claimTimes,
  createBenchDatabase,
  DEFAULT_SERVER_URL,
  serverAnswers,
  type BenchDatabase,
} from './database.ts';

const LANES = 100;
const BACKLOGS = [1000, 10000, 100000];
const SERVER_URL = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL;

async function withDatabase(
  engine: 'pglite' | 'postgres',
  fn: (database: Database) => Promise<void>,
): Promise<void> {
  const bench: BenchDatabase | null = engine === 'postgres' ? await createBenchDatabase(SERVER_URL) : null;
  const database = await openDatabase({ databaseUrl: bench?.url ?? null, dataDir: null });
  try {
    await migrateDatabase(database);
    await fn(database);
  } finally {
    await database.close();
    await bench?.drop();
  }
}

const summary: Array<{ engine: string; backlog: number; medianMs: number; minMs: number }> = [];

async function claimLatency(database: Database, engine: string): Promise<void> {
  const everyLane = Array.from({ length: LANES }, (_, l) => `in:${l}`);
  let have = 0;
  for (const n of BACKLOGS) {
    await database.db.execute(
      sql.raw(`insert into outbox (lane, chat_id, kind, payload, sort_key, idempotency_key)
        select 'in:' || (g % ${LANES}), -100, 'notice', '{"kind":"notice","chatId":-100,"html":"x"}'::jsonb, g, 'k' || g
        from generate_series(${have}, ${n - 1}) g`),
    );
    have = n;
    if (database.engine === 'postgres') await database.pool.query('analyze outbox');
    const times = await claimTimes(database.db, everyLane, 30);
    summary.push({ engine, backlog: n, medianMs: times[15]!, minMs: times[0]! });
    console.log(
      `${engine.padEnd(8)} backlog ${String(n).padStart(6)} items in ${LANES} lanes: ` +
        `claim median ${times[15]!.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms`,
    );
  }
}

async function crowdedGroup(database: Database): Promise<void> {
  const store = outboxDispatch(database.db);
  for (const fans of [400, 600]) {
    await database.db.execute(sql.raw('truncate outbox, outbox_lanes, outbox_budgets'));
    // Fan 1's private lane was served a minute ago; `fans` fans have a relay waiting for the group.
    await database.db.execute(
      sql.raw(`insert into outbox_lanes values ('out:1', now() - interval '1 minute')`),
    );
    await database.db.execute(
      sql.raw(`insert into outbox (lane, chat_id, kind, payload, sort_key, idempotency_key)
        select 'in:' || g, -100, 'notice', '{"kind":"notice","chatId":-100,"html":"x"}'::jsonb, 1, 'in' || g
        from generate_series(1, ${fans}) g`),
    );
    // The group's budget (20 per window) is spent.
    await database.db.execute(
      sql.raw(`insert into outbox_budgets (key, recent) values ('chat:-100', array_fill(now(), array[20]))`),
    );
    // An item for fan 1's private chat (an admin's reply, say), queued last.
    await database.db.execute(
      sql.raw(`insert into outbox (lane, chat_id, kind, payload, sort_key, idempotency_key)
        values ('out:1', 1, 'notice', '{"kind":"notice","chatId":1,"html":"reply"}'::jsonb, 0, 'reply1')`),
    );
    const r = await store.claim({
      limit: 8,
      now: new Date(),
      leaseMs: 30_000,
      budgets: defaultBudgets(1),
      excludeLanes: [],
    });
    console.log(
      `${fans} fans waiting on the group budget: claimed ${JSON.stringify(r.items.map((i) => i.lane))}` +
        ` (the private item ${r.items.some((i) => i.lane === 'out:1') ? 'goes' : 'waits'})`,
    );
  }
}

const engines: Array<'pglite' | 'postgres'> = ['pglite'];
if (await serverAnswers(SERVER_URL)) engines.push('postgres');
for (const engine of engines) await withDatabase(engine, (d) => claimLatency(d, engine));
for (const engine of engines) {
  const at = (n: number) => summary.find((s) => s.engine === engine && s.backlog === n)!;
  const [lo, hi] = [at(BACKLOGS[0]!), at(BACKLOGS[BACKLOGS.length - 1]!)];
  const median = hi.medianMs / lo.medianMs;
  const min = hi.minMs / lo.minMs;
  console.log(
    `${engine.padEnd(8)} claim at 100k ÷ 1k: median ${median.toFixed(2)}×, min ${min.toFixed(2)}× ` +
      `(≤ 2×: ${median <= 2 ? 'pass' : 'FAIL'} on the median, ${min <= 2 ? 'pass' : 'FAIL'} on the min)`,
  );
}
console.log(
  JSON.stringify({
    bench: 'outbox-claim',
    at: new Date().toISOString(),
    lanes: LANES,
    claims: summary.map((s) => ({
      ...s,
      medianMs: Math.round(s.medianMs * 100) / 100,
      minMs: Math.round(s.minMs * 100) / 100,
    })),
  }),
);
await withDatabase('pglite', crowdedGroup);
