/**
 * What choosing a new fan's admin group costs: `npx tsx bench/admin-groups.ts`, on PGlite and
 * PostgreSQL (skipped when the server does not answer; `BENCH_DATABASE_URL` overrides the default).
 *
 * With 4 groups, 100,000 placed fans and 100,000 relayed messages in the last 24 h, it times:
 *   - the placement query as the app runs it (app/relay/placement.ts `leastLoaded`): the hourly counters
 *     (`admin_group_load`, at most 24 rows a group) and, on a tie, the fans per group;
 *   - the counter update the sender runs per delivered relay (`noteRelayed`);
 *   - for comparison, the same load counted from `message_links` without the counter table.
 */
import { performance } from 'node:perf_hooks';
import { leastLoaded } from '../src/app/relay/placement.ts';
import { migrateDatabase, openDatabase, sql, type Database } from '../src/db/client.ts';
import { createRepos } from '../src/db/repos/index.ts';
import { createBenchDatabase, DEFAULT_SERVER_URL, serverAnswers } from './database.ts';

const GROUPS = [-1001, -1002, -1003, -1004];
const FANS = 100_000;
const LINKS = 100_000;
const RUNS = 50;
const SERVER_URL = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function run(database: Database, engine: string): Promise<void> {
  const { db } = database;
  const groups = `array[${GROUPS.join(',')}]::bigint[]`;
  await db.execute(
    sql.raw(`insert into users (id, first_name) select g, 'Fan ' || g from generate_series(1, ${FANS}) g`),
  );
  await db.execute(
    sql.raw(`insert into fan_topics (user_id, group_id, thread_id, status, name, last_fan_message_at)
      select g, (${groups})[1 + g % ${GROUPS.length}], g, 'open', 'Fan', now() from generate_series(1, ${FANS}) g`),
  );
  await db.execute(
    sql.raw(`insert into message_links (user_id, direction, fan_chat_id, fan_message_id, group_chat_id, group_thread_id, group_message_id, created_at)
      select 1 + g % ${FANS}, 'in', 1 + g % ${FANS}, g, (${groups})[1 + g % ${GROUPS.length}], 1, g,
        now() - (g % 1440) * interval '1 minute'
      from generate_series(1, ${LINKS}) g`),
  );
  // The same load as hourly counters (what the sender writes as it delivers).
  await db.execute(
    sql.raw(`insert into admin_group_load (group_id, hour, relayed)
      select group_chat_id, floor(extract(epoch from created_at) / 3600)::int, count(*)
      from message_links group by 1, 2`),
  );
  if (database.engine === 'postgres')
    await database.pool.query(
      'analyze users; analyze fan_topics; analyze message_links; analyze admin_group_load',
    );
  const repos = createRepos(db);
  const placement = await median(() => leastLoaded(repos, GROUPS));
  const counters = await median(() => repos.adminGroups.relayedLastDay(GROUPS));
  const fans = await median(() => repos.adminGroups.fans(GROUPS));
  const note = await median(() => repos.adminGroups.noteRelayed(GROUPS[0]!, 1));
  const fromLinks = await median(() =>
    db.execute(
      sql.raw(`select group_chat_id, count(*) from message_links
        where direction = 'in' and group_chat_id = any(${groups}) and created_at > now() - interval '24 hours'
        group by 1`),
    ),
  );
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log(
    `${engine.padEnd(8)} placement (counters + fans on a tie) ${ms(placement)} · counters alone ${ms(counters)} · ` +
      `fans per group ${ms(fans)} · counter update ${ms(note)} · load from message_links ${ms(fromLinks)}`,
  );
}

async function main(): Promise<void> {
  console.log(`${GROUPS.length} groups, ${FANS} fans, ${LINKS} relayed messages in 24 h; medians of ${RUNS}`);
  for (const engine of ['pglite', 'postgres'] as const) {
    if (engine === 'postgres' && !(await serverAnswers(SERVER_URL))) {
      console.log('postgres skipped: no server at', SERVER_URL);
      continue;
    }
    const bench = engine === 'postgres' ? await createBenchDatabase(SERVER_URL) : null;
    const database = await openDatabase({ databaseUrl: bench?.url ?? null, dataDir: null });
    try {
      await migrateDatabase(database);
      await run(database, engine);
    } finally {
      await database.close();
      await bench?.drop();
    }
  }
}

await main();
