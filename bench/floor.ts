/**
 * The database's floor under a paid relay: `npm run bench:floor [-- --messages 2000 --fans 100 --warmup 200 --batch 1]`.
 *
 * What the least durable version of fanbridge's per-message work costs the app's process, with no bot,
 * no HTTP, no ORM and no app code: for each message, on one connection, in the order the app does it,
 *
 *   1. store the update (the webhook's answer): one insert;
 *   2. handle it in one transaction: begin, take the stored update, charge the fan (balance update +
 *      ledger row), queue the relay, commit;
 *   3. send it: claim the lane's head item, mark it done.
 *
 * That is 9 statements (the app runs about 19 on PostgreSQL and 22 on PGlite, docs/BENCHMARKS.md). On
 * PGlite the engine is set up as the app does (a cluster created out of process, reopened with the app's
 * start parameters, Liftoff only); on PostgreSQL through one node-postgres client, with the server's
 * backends' CPU read from /proc. Prints CPU seconds per 1,000 messages: with the bare grammY relay's
 * (bench:relay) added, the lowest CPU per message a relay that keeps these facts in this database can have.
 * Each engine's second row runs the same statements through the app's own connection (`openDatabase`), so
 * what the app's database layer costs per statement is read against the engine in the same run. Every run
 * first handles `--warmup` messages (200) outside the figures, as bench:relay warms up. `--batch N` runs
 * step 2 for N messages in one transaction, each statement over arrays (3 + 6 ÷ N statements a message).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { EMBEDDED_START_PARAMS, openDatabase } from '../src/db/client.ts';
import { createClusterOutOfProcess, useEngineWasmCompiler } from '../src/db/embedded-init.ts';
import {
  backendCpu,
  backendCpuDelta,
  createBenchDatabase,
  DEFAULT_SERVER_URL,
  serverAnswers,
} from './database.ts';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '200' },
    fans: { type: 'string', default: '100' },
    batch: { type: 'string', default: '1' },
    server: { type: 'string', default: process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL },
  },
});
const MESSAGES = Number(args.messages);
/** Messages run before the clock starts (as bench:relay warms up): the figures are a warm process's. */
const WARMUP = Number(args.warmup);
if (!Number.isInteger(WARMUP) || WARMUP < 0) {
  process.stderr.write(`bench: --warmup must be a whole number of messages (got "${args.warmup}")\n`);
  process.exit(2);
}
const FANS = Number(args.fans);
/**
 * Step 2 for this many messages at once (one transaction, each statement over arrays): what handling
 * stored updates in batches would cost, against one at a time (1, the default). At most `--fans`, so that
 * a batch charges each fan once.
 */
const BATCH = Number(args.batch);
if (!Number.isInteger(BATCH) || BATCH < 1 || BATCH > FANS) {
  process.stderr.write(`bench: --batch must be a whole number from 1 to --fans (got "${args.batch}")\n`);
  process.exit(2);
}

interface Conn {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

const SCHEMA = [
  `create table updates (id bigint primary key, body jsonb not null)`,
  `create table accounts (user_id bigint primary key, balance int not null)`,
  `create table ledger (id bigserial primary key, user_id bigint not null, delta int not null,
     key text not null unique, at timestamptz not null default now())`,
  `create table outbox (id bigserial primary key, lane text not null, payload jsonb not null,
     status text not null default 'pending', key text not null unique)`,
  `create index outbox_lane_head on outbox (lane, id) where status = 'pending'`,
];

/** A private text message as Telegram sends it (about 400 bytes of JSON). */
const update = (id: number, fan: number) => ({
  update_id: id,
  message: {
    message_id: id,
    from: { id: 1_000_000 + fan, is_bot: false, first_name: `Fan ${fan}`, language_code: 'en' },
    chat: { id: 1_000_000 + fan, first_name: `Fan ${fan}`, type: 'private' },
    date: 1_764_000_000 + id,
    text: `message ${id} from fan ${fan}: hello, how are you today?`,
  },
});

const relayPayload = (user: number, i: number) =>
  JSON.stringify({ kind: 'relay', fromChatId: user, messageId: i, chatId: -100, threadId: 7 });

/** Runs messages `from` … `from + count - 1` (ids and keys are unique per message). */
async function run(c: Conn, from: number, count: number): Promise<void> {
  if (BATCH > 1) return runBatched(c, from, count);
  for (let i = from; i < from + count; i++) {
    const fan = i % FANS;
    const user = 1_000_000 + fan;
    await c.query('insert into updates (id, body) values ($1, $2) on conflict do nothing', [
      i,
      JSON.stringify(update(i, fan)),
    ]);
    await c.query('begin');
    await c.query('delete from updates where id = $1 returning body', [i]);
    await c.query('update accounts set balance = balance - 1 where user_id = $1 returning balance', [user]);
    await c.query('insert into ledger (user_id, delta, key) values ($1, -1, $2)', [user, `msg:${i}`]);
    await c.query('insert into outbox (lane, payload, key) values ($1, $2, $3)', [
      `in:${user}`,
      relayPayload(user, i),
      `relay:${i}`,
    ]);
    await c.query('commit');
    await c.query(
      `update outbox set status = 'sending' where id = (select id from outbox where lane = $1 and status = 'pending'
         order by id limit 1) returning id, payload`,
      [`in:${user}`],
    );
    await c.query(`update outbox set status = 'done' where key = $1`, [`relay:${i}`]);
  }
}

/** The same messages with step 2 done `BATCH` at a time; steps 1 and 3 stay one message at a time. */
async function runBatched(c: Conn, from: number, count: number): Promise<void> {
  for (let start = from; start < from + count; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, from + count - start) }, (_, k) => start + k);
    const users = ids.map((i) => 1_000_000 + (i % FANS));
    for (const i of ids)
      await c.query('insert into updates (id, body) values ($1, $2) on conflict do nothing', [
        i,
        JSON.stringify(update(i, i % FANS)),
      ]);
    await c.query('begin');
    await c.query('delete from updates where id = any($1::bigint[]) returning body', [ids]);
    await c.query(
      `update accounts a set balance = balance - 1 from unnest($1::bigint[]) u(id)
         where a.user_id = u.id returning a.user_id, a.balance`,
      [users],
    );
    await c.query(
      'insert into ledger (user_id, delta, key) select u, -1, k from unnest($1::bigint[], $2::text[]) t(u, k)',
      [users, ids.map((i) => `msg:${i}`)],
    );
    await c.query(
      `insert into outbox (lane, payload, key)
         select l, p::jsonb, k from unnest($1::text[], $2::text[], $3::text[]) t(l, p, k)`,
      [
        users.map((u) => `in:${u}`),
        ids.map((i, k) => relayPayload(users[k]!, i)),
        ids.map((i) => `relay:${i}`),
      ],
    );
    await c.query('commit');
    for (const [k, i] of ids.entries()) {
      await c.query(
        `update outbox set status = 'sending' where id = (select id from outbox where lane = $1 and status = 'pending'
           order by id limit 1) returning id, payload`,
        [`in:${users[k]}`],
      );
      await c.query(`update outbox set status = 'done' where key = $1`, [`relay:${i}`]);
    }
  }
}

async function prepare(c: Conn): Promise<void> {
  for (const s of SCHEMA) await c.query(s);
  await c.query(`insert into accounts select 1000000 + g, 1000000 from generate_series(0, ${FANS - 1}) g`);
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const perK = (s: number) => Math.round((s / MESSAGES) * 1000 * 100) / 100;

async function pglite(): Promise<Record<string, unknown>> {
  useEngineWasmCompiler();
  const dir = mkdtempSync(join(tmpdir(), 'fb-floor-'));
  try {
    await createClusterOutOfProcess(join(dir, 'pgdata'));
    const db = await PGlite.create(join(dir, 'pgdata'), { startParams: EMBEDDED_START_PARAMS });
    await prepare(db);
    await run(db, 0, WARMUP);
    const t0 = performance.now();
    const c0 = cpuSeconds();
    await run(db, WARMUP, MESSAGES);
    const cpu = cpuSeconds() - c0;
    const ms = performance.now() - t0;
    await db.close();
    return {
      engine: 'pglite',
      messages: MESSAGES,
      statements: 3 + 6 / BATCH,
      batch: BATCH,
      appCpuSecPer1000: perK(cpu),
      wallMs: Math.round(ms),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Record<string, unknown> | null> {
  if (!(await serverAnswers(args.server))) return null;
  const bench = await createBenchDatabase(args.server);
  const client = new pg.Client({ connectionString: bench.url });
  try {
    await client.connect();
    await prepare(client);
    await run(client, 0, WARMUP);
    const b0 = await backendCpu(args.server, bench.name);
    const t0 = performance.now();
    const c0 = cpuSeconds();
    await run(client, WARMUP, MESSAGES);
    const cpu = cpuSeconds() - c0;
    const ms = performance.now() - t0;
    const backends = backendCpuDelta(b0, await backendCpu(args.server, bench.name));
    return {
      engine: 'postgres',
      messages: MESSAGES,
      statements: 3 + 6 / BATCH,
      batch: BATCH,
      appCpuSecPer1000: perK(cpu),
      backendCpuSecPer1000: perK(backends),
      wallMs: Math.round(ms),
    };
  } finally {
    await client.end().catch(() => {});
    await bench.drop();
  }
}

/**
 * The same statements through the app's own connection (`openDatabase`: node-postgres with every
 * statement prepared once per connection, a turn of the event loop before each, and on PGlite the app's
 * connection to the engine, db/embedded-connection.ts), on one of its pool's clients: what the app's
 * database layer adds per statement before drizzle and the app's code.
 */
async function throughApp(engine: 'pglite' | 'postgres'): Promise<Record<string, unknown> | null> {
  let dir: string | null = null;
  let bench: Awaited<ReturnType<typeof createBenchDatabase>> | null = null;
  if (engine === 'postgres') {
    if (!(await serverAnswers(args.server))) return null;
    bench = await createBenchDatabase(args.server);
  } else dir = mkdtempSync(join(tmpdir(), 'fb-floor-app-'));
  const database = await openDatabase({
    databaseUrl: bench?.url ?? null,
    dataDir: dir ? join(dir, 'data') : null,
    poolSize: 1,
  });
  const client = await database.pool.connect();
  try {
    await prepare(client);
    await run(client, 0, WARMUP);
    const b0 = bench ? await backendCpu(args.server, bench.name) : null;
    const t0 = performance.now();
    const c0 = cpuSeconds();
    await run(client, WARMUP, MESSAGES);
    const cpu = cpuSeconds() - c0;
    const ms = performance.now() - t0;
    const backends = bench && b0 ? backendCpuDelta(b0, await backendCpu(args.server, bench.name)) : null;
    return {
      engine: `${engine} (the app's connection)`,
      messages: MESSAGES,
      statements: 3 + 6 / BATCH,
      batch: BATCH,
      appCpuSecPer1000: perK(cpu),
      ...(backends !== null ? { backendCpuSecPer1000: perK(backends) } : {}),
      wallMs: Math.round(ms),
    };
  } finally {
    client.release();
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await bench?.drop();
  }
}

const rows = [
  await pglite(),
  await throughApp('pglite'),
  await postgres(),
  await throughApp('postgres'),
].filter(Boolean);
for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
