/**
 * Analytics and search at size: `npm run bench:analytics` seeds a throwaway PostgreSQL database
 * (BENCH_DATABASE_URL's server, default 127.0.0.1:5432) with 100,000 users, 1,000,000 ledger entries,
 * 1,000,000 relayed messages (the message log, half of them with a text, and their links into the
 * topics), 50,000 payments and 100,000 first responses spread over 365 days in time order (as the bot
 * writes them), then times each of analytics' statements for 7, 30 and 90 local days, the searches, the
 * retention job and a fan's "delete my data", beside two reference queries of the same run (a full
 * `count(*)` of the ledger, a user by id): median and minimum of 5 runs. Last, the ingest statement that
 * now carries the message log: `noteFanMessage` with and without the logged row, 2,000 each.
 * `--explain` prints each analytics statement's plan.
 */
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { analyticsRepo } from '../src/db/repos/analytics.ts';
import { adminPaymentsRepo } from '../src/db/repos/payments-admin.ts';
import { topicsRepo } from '../src/db/repos/relay.ts';
import { messageLogRepo } from '../src/db/repos/search.ts';
import { periodDays } from '../src/domain/stats/index.ts';
import { DEFAULT_SERVER_URL, createBenchDatabase } from './database.ts';

const explain = process.argv.includes('--explain');
const bench = await createBenchDatabase(process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL);
const database = await openDatabase({ databaseUrl: bench.url, dataDir: '' });
try {
  await migrateDatabase(database);
  const d = database.db;
  const seeded = performance.now();
  await d.execute(sql`insert into products (kind, title, amount, price_stars) values
    ('credits', 'p10', 10, 50), ('credits', 'p50', 50, 200), ('time', 'day', 86400, 100)`);
  await d.execute(sql`insert into users (id, first_name, username, created_at, last_seen_at)
    select i, 'u' || i, 'user' || i, now() - interval '365 days' + i * interval '315.36 seconds',
           now() - (i % 90) * interval '1 day'
    from generate_series(1, 100000) i`);
  await d.execute(sql`insert into ledger_entries (user_id, delta, reason, idempotency_key, balance_after, actor, created_at)
    select 1 + (i % 100000), case when i % 3 = 0 then 10 else -1 end,
           case when i % 3 = 0 then 'purchase' else 'spend' end, 'b:' || i, 100, 'bench',
           now() - interval '365 days' + i * interval '31.536 seconds'
    from generate_series(1, 1000000) i`);
  await d.execute(sql`insert into payments (user_id, product_id, rail, amount, currency, status, kind, quantity, created_at, paid_at)
    select 1 + (i * 7 % 100000), (select min(id) from products) + i % 3, case when i % 2 = 0 then 'stars' else 'stripe' end,
           case when i % 2 = 0 then 50 else 499 end, case when i % 2 = 0 then 'XTR' else 'eur' end,
           case when i % 20 = 0 then 'refunded' when i % 15 = 0 then 'failed' else 'paid' end, 'credits', 10,
           now() - interval '365 days' + i * interval '630.72 seconds',
           case when i % 15 = 0 and i % 20 <> 0 then null else now() - interval '365 days' + i * interval '630.72 seconds' end
    from generate_series(1, 50000) i`);
  const words = sql`array['hello', 'order', 'album', 'price', 'thanks', 'photo', 'tomorrow', 'привет', 'concert', 'ticket']`;
  await d.execute(sql`insert into message_log (user_id, direction, type, message_id, group_id, thread_id, text, created_at)
    select 1 + (i % 100000), case when i % 2 = 0 then 'in' else 'out' end,
           (array['text', 'text', 'text', 'photo', 'voice', 'sticker'])[1 + i % 6], i,
           case when i % 2 = 0 then null else -100 end, case when i % 2 = 0 then null else 1 + (i % 100000) end,
           case when i % 6 < 3 then (${words})[1 + i % 10] || ' ' || (${words})[1 + (i / 10) % 10] || ' message ' || i end,
           now() - interval '365 days' + i * interval '31.536 seconds'
    from generate_series(1, 1000000) i`);
  await d.execute(sql`insert into message_links (user_id, direction, fan_chat_id, fan_message_id, group_chat_id, group_thread_id, group_message_id, created_at)
    select 1 + (i % 100000), case when i % 2 = 0 then 'in' else 'out' end, 1 + (i % 100000), i, -100, 1 + (i % 100000), i,
           now() - interval '365 days' + i * interval '31.536 seconds'
    from generate_series(1, 1000000) i`);
  await d.execute(sql`insert into first_responses (user_id, asked_at, answered_at, response_ms)
    select 1 + (i % 100000), now() - interval '365 days' + i * interval '315.36 seconds',
           now() - interval '365 days' + i * interval '315.36 seconds' + (i % 3600) * interval '1 second', (i % 3600) * 1000
    from generate_series(1, 100000) i`);
  await d.execute(sql`vacuum analyze`);
  console.log(`seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const time = async (label: string, run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await run();
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label.padEnd(46)} median ${ms[2]!.toFixed(1)} ms, min ${ms[0]!.toFixed(1)} ms`);
  };
  /** Each statement of `run` alone, through a timing proxy of the database handle. */
  const perStatement = async (label: string, names: string[], run: (db: typeof d) => Promise<unknown>) => {
    const ms: number[][] = [];
    for (let i = 0; i < 5; i++) {
      let k = 0;
      const timed = {
        execute: async (q: Parameters<typeof d.execute>[0]) => {
          const started = performance.now();
          const res = await d.execute(q);
          (ms[k++] ??= []).push(performance.now() - started);
          return res;
        },
      } as unknown as typeof d;
      await run(timed);
    }
    names.forEach((name, i) => {
      const m = (ms[i] ?? []).sort((a, b) => a - b);
      if (m.length === 5)
        console.log(
          `${`  ${label}: ${name}`.padEnd(46)} median ${m[2]!.toFixed(1)} ms, min ${m[0]!.toFixed(1)} ms`,
        );
    });
  };

  await time('reference: count(*) of ledger_entries', () =>
    d.execute(sql`select count(*) from ledger_entries`),
  );
  await time('reference: one user by id', () => d.execute(sql`select * from users where id = 4242`));
  const now = new Date();
  for (const days of [7, 30, 90]) {
    const { starts, end } = periodDays(now, 'Europe/Madrid', days);
    await time(`daily series, ${days} days (all statements)`, () => analyticsRepo(d).daily(starts, end));
    await perStatement(`${days} d`, ['new fans', 'payments', 'messages', 'credits'], (db) =>
      analyticsRepo(db).daily(starts, end),
    );
    await time(`summary, ${days} days (all statements)`, () => analyticsRepo(d).summary(starts[0]!, end));
    await perStatement(`${days} d`, ['conversion', 'repeat', 'revenue', 'first response'], (db) =>
      analyticsRepo(db).summary(starts[0]!, end),
    );
    await time(`top spenders, ${days} days`, () => analyticsRepo(d).topSpenders(starts[0]!, end, 10));
    await time(`products, ${days} days`, () => analyticsRepo(d).products(starts[0]!, end));
    if (explain) {
      const explaining = {
        execute: async (q: Parameters<typeof d.execute>[0]) => {
          const res: unknown = await d.execute(sql`explain (analyze, costs off) ${q}`);
          console.log(
            (res as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]).join('\n'),
          );
          return { rows: [] };
        },
      } as unknown as typeof d;
      await analyticsRepo(explaining).daily(starts, end);
      await analyticsRepo(explaining).summary(starts[0]!, end);
    }
  }
  const log = messageLogRepo(d);
  await time('message search: a common word (page 1)', () => log.search('order', 0, 8));
  await time('message search: two words (page 1)', () => log.search('album ticket', 0, 8));
  await time('message search: a rare word', () => log.search('message 424242', 0, 8));
  await time('payment search: amount and 30 days', () =>
    adminPaymentsRepo(d).list(
      {
        rail: null,
        status: null,
        userId: null,
        amountMin: 1,
        amountMax: 10,
        from: new Date(now.getTime() - 30 * 86_400_000),
      },
      0,
      8,
    ),
  );
  // The retention job's first run at 90 days clears 275 days of texts; the daily run after, one day's.
  await time('retention: the first run (275 days of texts)', () =>
    log.pruneTexts(new Date(now.getTime() - 90 * 86_400_000)),
  );
  await time('retention: a daily run (one day)', () =>
    log.pruneTexts(new Date(now.getTime() - 89 * 86_400_000)),
  );
  await time('forgetFan (a scan of the log)', () => log.forgetFan(4242));

  // The ingest statement that carries the message log, as the relay makes it (one per fan message).
  await d.execute(sql`insert into fan_topics (user_id, group_id, thread_id, status, name)
    select i, -100, i, 'open', 'u' from generate_series(1, 2000) i`);
  const topics = topicsRepo(d);
  for (const logged of [false, true, false, true]) {
    const n = 2000;
    const started = performance.now();
    for (let i = 1; i <= n; i++)
      await topics.noteFanMessage(
        i,
        new Date(),
        logged ? { type: 'text', messageId: 2_000_000 + i, text: `hello order ${i}` } : undefined,
      );
    console.log(
      `${`write: noteFanMessage ${logged ? 'with' : 'without'} the log row`.padEnd(46)} mean ${((performance.now() - started) / n).toFixed(3)} ms (${n})`,
    );
  }
} finally {
  await database.close();
  await bench.drop();
}
