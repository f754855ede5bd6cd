/**
 * The embedded database over time, with and without its autovacuum (src/db/maintenance.ts):
 * `npm run bench:vacuum`.
 *
 * Two in-memory PGlite databases with the app's schema take the same churn, round after round: per
 * round, MESSAGES fans' messages, each a stored update (inserted, then deleted once handled), its
 * dedupe mark, and two outbox items (the relay and its receipt: queued, sent, done), with housekeeping's
 * pruning of what is older than RETAINED rounds (the outbox keeps a week, the dedupe marks 48 hours:
 * here a round stands for a slice of that time). One database gets a maintenance pass after each round
 * (the job runs every minute), the other none (as before). Every 10 rounds: the database's size, the
 * outbox's heap and indexes, the write-ahead log's size, and the claim's latency (every lane excluded, as `bench:claim` does). The
 * two alternate round by round, so the machine's noise falls on both.
 */
import { migrateDatabase, openDatabase, type Database } from '../src/db/client.ts';
import { maintainPool } from '../src/db/maintenance.ts';
import { claimTimes } from './database.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const MESSAGES = 2000;
const FANS = 100;
const RETAINED = 5;

interface Side {
  label: 'none' | 'vacuum';
  database: Database;
  passesMs: number[];
  checkpoints: number;
}

async function open(label: Side['label']): Promise<Side> {
  const database = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateDatabase(database);
  return { label, database, passesMs: [], checkpoints: 0 };
}

async function round(side: Side, r: number): Promise<void> {
  const q = (s: string) => side.database.pool.query(s);
  const base = r * MESSAGES;
  // Each fan's message: stored as it arrives, claimed once handled (the dedupe mark), then deleted.
  await q(`insert into inbound_updates (update_id, lane, raw)
    select ${base} + g, 'user:' || (g % ${FANS}), jsonb_build_object('update_id', ${base} + g, 'message',
      jsonb_build_object('text', repeat('m', 120)))
      from generate_series(1, ${MESSAGES}) g`);
  await q(`insert into processed_updates (update_id, processed_at)
    select ${base} + g, now() - interval '1 hour' * ${ROUNDS - r} from generate_series(1, ${MESSAGES}) g`);
  await q(`delete from inbound_updates where update_id > ${base}`);
  // Its relay into the topic and its receipt to the fan: queued, sent, done.
  await q(`insert into outbox (lane, chat_id, kind, payload, sort_key, priority, idempotency_key)
    select case when k = 0 then 'in:' else 'out:' end || (g % ${FANS}), case when k = 0 then -100 else g % ${FANS} end,
           case when k = 0 then 'relay.in' else 'notice' end,
           jsonb_build_object('kind', case when k = 0 then 'relay.in' else 'notice' end, 'userId', g % ${FANS},
             'chatId', g % ${FANS}, 'messageId', ${base} + g, 'html', repeat('r', 200)),
           ${base} + g, 2 + k, 'b:' || (${base} + g) || ':' || k
      from generate_series(1, ${MESSAGES}) g, generate_series(0, 1) k`);
  await q(
    `update outbox set status = 'sending', lease_until = now() + interval '30 seconds' where status = 'pending'`,
  );
  await q(`update outbox set status = 'done', done_at = now() - interval '1 hour' * ${ROUNDS - r}, lease_until = null
    where status = 'sending'`);
  // Housekeeping: what is past its retention goes.
  await q(
    `delete from outbox where status = 'done' and done_at < now() - interval '1 hour' * ${ROUNDS - r + RETAINED}`,
  );
  await q(
    `delete from processed_updates where processed_at < now() - interval '1 hour' * ${ROUNDS - r + RETAINED}`,
  );
  if (side.label === 'vacuum') {
    // The engine reports a round's counts to its statistics at its next idle moment.
    await q('select pg_stat_force_next_flush()');
    await q('select 1');
    const pass = await maintainPool(side.database.pool);
    side.passesMs.push(pass.ms);
    if (pass.checkpointed !== null) side.checkpoints++;
  }
}

async function measure(side: Side) {
  const one = async (s: string) => (await side.database.pool.query<{ v: string }>(s)).rows[0]!.v;
  // A few items waiting in every fan's lanes, as under load.
  await side.database.pool
    .query(`insert into outbox (lane, chat_id, kind, payload, sort_key, priority, idempotency_key)
    select 'in:' || g, -100, 'relay.in', jsonb_build_object('kind', 'relay.in', 'userId', g, 'chatId', g), 0, 2,
           'waiting:' || g || ':' || random() from generate_series(1, ${FANS}) g`);
  const everyLane = Array.from({ length: FANS }, (_, l) => `in:${l + 1}`);
  const times = await claimTimes(side.database.db, everyLane, 21);
  await side.database.pool.query(`delete from outbox where idempotency_key like 'waiting:%'`);
  return {
    databaseMb:
      Math.round(Number(await one(`select pg_database_size(current_database())::text as v`)) / 1e5) / 10,
    outboxHeapMb: Math.round(Number(await one(`select pg_relation_size('outbox')::text as v`)) / 1e5) / 10,
    outboxIndexesMb: Math.round(Number(await one(`select pg_indexes_size('outbox')::text as v`)) / 1e5) / 10,
    outboxRows: Number(await one(`select count(*)::text as v from outbox`)),
    walMb: Math.round(Number(await one(`select sum(size)::text as v from pg_ls_waldir()`)) / 1e5) / 10,
    claimMedianMs: Math.round(times[10]! * 100) / 100,
  };
}

const sides = [await open('none'), await open('vacuum')];
const rows: Array<Record<string, unknown>> = [];
console.log(
  `${ROUNDS} rounds of ${MESSAGES} messages (${FANS} fans; ${2 * MESSAGES} outbox items a round, ${RETAINED} rounds kept)`,
);
for (let r = 1; r <= ROUNDS; r++) {
  for (const side of r % 2 ? sides : [...sides].reverse()) await round(side, r);
  if (r % 10 === 0 || r === 1) {
    for (const side of sides) {
      const m = await measure(side);
      const passes = side.passesMs.splice(0);
      const passMaxMs = passes.length ? Math.max(...passes) : null;
      rows.push({ round: r, side: side.label, ...m, passMaxMs, checkpoints: side.checkpoints });
      console.log(
        `round ${String(r).padStart(3)} ${side.label.padEnd(6)} database ${String(m.databaseMb).padStart(6)} MB, ` +
          `outbox heap ${String(m.outboxHeapMb).padStart(6)} MB + indexes ${String(m.outboxIndexesMb).padStart(5)} MB ` +
          `(${m.outboxRows} rows), WAL ${m.walMb} MB, claim ${m.claimMedianMs.toFixed(2)} ms` +
          (passMaxMs === null
            ? ''
            : `, longest pass ${passMaxMs} ms, ${side.checkpoints} checkpoints so far`),
      );
    }
  }
}
// A pass when nothing is due (what most of the minutely passes are): the statistics read alone.
const maintained = sides[1]!;
await maintainPool(maintained.database.pool);
const idle: number[] = [];
for (let i = 0; i < 20; i++) idle.push((await maintainPool(maintained.database.pool)).ms);
idle.sort((a, b) => a - b);
const idlePassMs = idle[10]!;
console.log(`a pass with nothing due: median ${idlePassMs} ms`);
for (const side of sides) await side.database.close();
console.log(
  JSON.stringify({
    bench: 'vacuum',
    at: new Date().toISOString(),
    rounds: ROUNDS,
    messages: MESSAGES,
    idlePassMs,
    rows,
  }),
);
