/**
 * The dashboard's read model at size: `npm run bench:dashboard` seeds a throwaway PostgreSQL database
 * (BENCH_DATABASE_URL's server, default 127.0.0.1:5432) with 100,000 users, 1,000,000 ledger entries,
 * 500,000 message links and 50,000 payments spread over 365 days, then times the Dashboard's read
 * (`StatsRepo.dashboard`: four aggregate queries), the outbox backlog, and two reference queries of the
 * same run (a full `count(*)` of the ledger, a user by id): median and minimum of 5 runs each.
 * Rows are seeded in time order, as the bot writes them (the BRIN indexes on ledger_entries and
 * message_links.created_at depend on it). `--indexes` first adds btree indexes on the windowed columns;
 * `--no-brin` drops the two BRIN indexes; both to compare. Last, 5,000 single-row ledger inserts (the hot
 * path's shape) are timed, to see what the indexes cost on write.
 */
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { statsRepo } from '../src/db/repos/stats.ts';
import { statWindows } from '../src/domain/stats/index.ts';
import { DEFAULT_SERVER_URL, createBenchDatabase } from './database.ts';

const withIndexes = process.argv.includes('--indexes');
const withoutBrin = process.argv.includes('--no-brin');
const explain = process.argv.includes('--explain');
const bench = await createBenchDatabase(process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL);
const database = await openDatabase({ databaseUrl: bench.url, dataDir: '' });
try {
  await migrateDatabase(database);
  const d = database.db;
  if (withoutBrin) {
    await d.execute(sql`drop index ledger_entries_created_brin`);
    await d.execute(sql`drop index message_links_created_brin`);
  }
  const seeded = performance.now();
  await d.execute(
    sql`insert into products (kind, title, amount, price_stars) values ('credits', 'p', 10, 50)`,
  );
  await d.execute(sql`insert into users (id, first_name, created_at, last_seen_at)
    select i, 'u', now() - (i % 365) * interval '1 day', now() - (i % 90) * interval '1 day'
    from generate_series(1, 100000) i`);
  await d.execute(sql`insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor, created_at)
    select 1 + (i % 100000), case when i % 3 = 0 then 10 else -1 end,
           case when i % 3 = 0 then 'purchase' else 'spend' end, 'b:' || i, 100, 'bench',
           now() - interval '365 days' + i * interval '31.536 seconds'
    from generate_series(1, 1000000) i`);
  await d.execute(sql`insert into payments (user_id, product_id, rail, amount, currency, status, kind, quantity, paid_at)
    select 1 + (i % 100000), (select min(id) from products), case when i % 2 = 0 then 'stars' else 'stripe' end,
           500, case when i % 2 = 0 then 'XTR' else 'eur' end, 'paid', 'credits', 10, now() - interval '365 days' + i * interval '630.72 seconds'
    from generate_series(1, 50000) i`);
  await d.execute(sql`insert into message_links (user_id, direction, fan_chat_id, fan_message_id, group_chat_id, group_message_id, created_at)
    select 1 + (i % 100000), case when i % 2 = 0 then 'in' else 'out' end, 1 + (i % 100000), i, -100, i,
           now() - interval '365 days' + i * interval '63.072 seconds'
    from generate_series(1, 500000) i`);
  if (withIndexes) {
    await d.execute(sql`create index on ledger_entries (created_at)`);
    await d.execute(sql`create index on message_links (created_at)`);
    await d.execute(sql`create index on payments (paid_at)`);
    await d.execute(sql`create index on users (created_at)`);
  }
  await d.execute(sql`analyze`);
  console.log(
    `seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s${withIndexes ? ' (with btree indexes)' : ''}${withoutBrin ? ' (without BRIN)' : ''}`,
  );

  const repo = statsRepo(d);
  const windows = statWindows(new Date(), 'UTC');
  const time = async (label: string, run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await run();
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label.padEnd(40)} median ${ms[2]!.toFixed(1)} ms, min ${ms[0]!.toFixed(1)} ms`);
  };
  await time('reference: count(*) of ledger_entries', () =>
    d.execute(sql`select count(*) from ledger_entries`),
  );
  await time('reference: one user by id', () => d.execute(sql`select * from users where id = 4242`));
  await time('dashboard (StatsRepo.dashboard)', () => repo.dashboard(windows));
  if (explain) {
    const plans: string[] = [];
    const explaining = {
      execute: async (q: Parameters<typeof d.execute>[0]) => {
        const res: unknown = await d.execute(sql`explain (analyze, buffers, costs off) ${q}`);
        plans.push(
          (res as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]).join('\n'),
        );
        return { rows: [{}] };
      },
    } as unknown as typeof d;
    await statsRepo(explaining).dashboard(windows);
    console.log(plans.join('\n\n'));
  }
  // Each of its statements alone (users, messages, credits, revenue, outbox), through a timing proxy.
  const perStatement: number[][] = [];
  for (let run = 0; run < 5; run++) {
    let k = 0;
    const timed = {
      execute: async (q: Parameters<typeof d.execute>[0]) => {
        const started = performance.now();
        const res = await d.execute(q);
        (perStatement[k++] ??= []).push(performance.now() - started);
        return res;
      },
    } as unknown as typeof d;
    await statsRepo(timed).dashboard(windows);
  }
  [
    'users',
    'messages (message_links)',
    'credits (ledger_entries)',
    'revenue (payments)',
    'outbox backlog',
  ].forEach((name, i) => {
    const ms = (perStatement[i] ?? []).sort((a, b) => a - b);
    if (ms.length === 5)
      console.log(
        `${`  dashboard: ${name}`.padEnd(40)} median ${ms[2]!.toFixed(1)} ms, min ${ms[0]!.toFixed(1)} ms`,
      );
  });
  await time('outbox backlog (StatsRepo.outboxBacklog)', () => repo.outboxBacklog());
  // The write side: single-row ledger inserts, as the hot path makes them.
  const inserts = 5000;
  const started = performance.now();
  for (let i = 0; i < inserts; i++)
    await d.execute(sql`insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor)
      values (${1 + (i % 100000)}, 10, 'purchase', ${`w:${i}`}, 100, 'bench')`);
  console.log(
    `${'write: one ledger insert'.padEnd(40)} mean ${((performance.now() - started) / inserts).toFixed(3)} ms (${inserts} inserts)`,
  );
} finally {
  await database.close();
  await bench.drop();
}
