/**
 * Idle cost behind a spent group budget: `npm run bench:idle [-- --items 10000 --seconds 30]`.
 *
 * For each engine (PGlite from a fresh DATA_DIR, then PostgreSQL when it answers), the database is
 * prepared here first: migrations, `--items` notices queued for the admin group in 1,000 lanes, and the
 * group's flood budget spent (20 sends stamped now, Telegram's real window: 66 s with the sender's margin).
 * Then the app starts in a child process (bench/app-child.ts, real budgets) against the fake Bot API, and
 * after it is ready and has settled, its CPU is measured over `--seconds` of waiting: it should send
 * nothing to the group and cost almost nothing. Target (issue 13): < 2 % of a core.
 *
 * `--profile` loads bench/query-profile.ts in the app and lists the statements it ran during the window
 * (it costs CPU of its own: read the CPU figures of a run without it).
 *
 * Prints a table and one JSON line. Exits 1 when the app sent into the group during the window (the
 * budget was not respected) or failed to start.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase, sql } from '../src/db/client.ts';
import { outboxRepo } from '../src/db/repos/outbox.ts';
import type { NewOutboxItem } from '../src/app/ports/index.ts';
import { scaledFloodLimits, startFakeTelegram } from '../test/support/fake-telegram/index.ts';
import { SENTINELS } from '../test/support/sentinels.ts';
import { startAppChild, type AppChild } from './child.ts';
import {
  backendCpu,
  backendCpuDelta,
  createBenchDatabase,
  DEFAULT_SERVER_URL,
  serverAnswers,
  type BenchDatabase,
} from './database.ts';

const GROUP_ID = -1009876543210;
const OWNER_ID = 900001;
const LANES = 1000;

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '30' },
    settle: { type: 'string', default: '3' },
    engines: { type: 'string', default: 'pglite,postgres' },
    profile: { type: 'boolean', default: false },
  },
});
const PROFILE = args.profile ?? false;
const ITEMS = Number(args.items);
const SECONDS = Number(args.seconds);
const SETTLE = Number(args.settle);
if (!(Number.isInteger(ITEMS) && ITEMS > 0 && SECONDS > 0 && SETTLE >= 0)) {
  process.stderr.write('bench:idle: --items must be a positive integer, --seconds positive, --settle ≥ 0\n');
  process.exit(2);
}
const SERVER_URL = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface IdleResult {
  engine: 'pglite' | 'postgres';
  items: number;
  seconds: number;
  loadavg1mAtStart: number;
  appCpuSec: number;
  appCorePercent: number;
  backendCpuSec: number | null;
  backendCorePercent: number | null;
  groupSendsInWindow: number;
  otherCallsInWindow: number;
  rssMb: number;
  peakRssMb: number;
  /** With --profile: statements run during the window, most total time first. */
  statements: Array<{ text: string; count: number; ms: number }> | null;
}

function readStatements(dir: string, engine: string): IdleResult['statements'] {
  const file = readdirSync(dir).find((f) => f.startsWith(`queries-${engine}-`) && f.endsWith('.json'));
  if (!file) return [];
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<
    string,
    Record<string, { count: number; ms: number }>
  >;
  return Object.values(data)
    .flatMap((m) => Object.entries(m).map(([text, s]) => ({ text, count: s.count, ms: Math.round(s.ms) })))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
}

/** Opens the database the app will open, queues the items and spends the group's budget. */
async function prepare(databaseUrl: string | null, dataDir: string | null): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    await migrateDatabase(database);
    const repo = outboxRepo(database.db);
    for (let start = 0; start < ITEMS; start += 1000) {
      const batch: NewOutboxItem[] = [];
      for (let i = start; i < Math.min(ITEMS, start + 1000); i++) {
        batch.push({
          lane: `in:${7_000_000 + (i % LANES)}`,
          chatId: GROUP_ID,
          payload: { kind: 'notice', chatId: GROUP_ID, html: `queued ${i}` },
          sortKey: i,
          idempotencyKey: `idle:${i}`,
        });
      }
      await repo.enqueue(batch);
    }
    await database.db.execute(
      sql.raw(
        `insert into outbox_budgets (key, recent) values ('chat:${GROUP_ID}', array_fill(now(), array[20]))
         on conflict (key) do update set recent = excluded.recent`,
      ),
    );
    if (database.engine === 'postgres') await database.pool.query('analyze');
  } finally {
    await database.close();
  }
}

async function runIdle(engine: 'pglite' | 'postgres'): Promise<IdleResult> {
  const load1 = loadavg()[0]!;
  log(`[idle/${engine}] ${ITEMS} items behind a spent group budget (load average ${load1.toFixed(2)})`);
  const fake = await startFakeTelegram({ flood: scaledFloodLimits(1) });
  fake.addForumGroup(GROUP_ID, { title: 'Bench inbox' });
  let db: BenchDatabase | null = null;
  let dataDir: string | null = null;
  let child: AppChild | null = null;
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'fb-bench-idle-profile-')) : null;
  try {
    if (engine === 'postgres') db = await createBenchDatabase(SERVER_URL);
    else dataDir = mkdtempSync(join(tmpdir(), 'fb-bench-idle-'));
    await prepare(db?.url ?? null, dataDir);
    child = await startAppChild(
      {
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        WEBHOOK_URL: 'https://bot.example.com',
        WEBHOOK_SECRET: SENTINELS.benchWebhookSecret,
        PORT: '0',
        ADMIN_GROUP_ID: String(GROUP_ID),
        ADMIN_USER_IDS: String(OWNER_ID),
        DATABASE_URL: db?.url ?? '',
        ...(dataDir ? { DATA_DIR: dataDir } : {}),
        STRIPE_SECRET_KEY: '',
        STRIPE_WEBHOOK_SECRET: '',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
        BENCH_SCALE: '1',
        ...(profileDir ? { BENCH_QUERY_PROFILE_DIR: profileDir } : {}),
      },
      profileDir ? { execArgv: ['--import', './bench/query-profile.ts'] } : {},
    );
    await sleep(SETTLE * 1000);
    const callsBefore = fake.calls.length;
    if (profileDir) child.profileReset(); // answered in order: the stats below follow the reset
    const b0 = db ? await backendCpu(SERVER_URL, db.name) : null;
    const s0 = await child.stats();
    const t0 = performance.now();
    await sleep(SECONDS * 1000);
    const s1 = await child.stats();
    const elapsed = (performance.now() - t0) / 1000;
    const b1 = db ? await backendCpu(SERVER_URL, db.name) : null;
    const window = fake.calls.slice(callsBefore);
    const groupSends = window.filter((c) => c.ok && Number(c.payload.chat_id) === GROUP_ID).length;
    const final = await child.stop();
    const cpu = (s1.userMicros - s0.userMicros + s1.systemMicros - s0.systemMicros) / 1e6;
    const backend = b0 && b1 ? backendCpuDelta(b0, b1) : null;
    const r2 = (v: number) => Math.round(v * 100) / 100;
    const result: IdleResult = {
      engine,
      items: ITEMS,
      seconds: r2(elapsed),
      loadavg1mAtStart: r2(load1),
      appCpuSec: r2(cpu),
      appCorePercent: r2((cpu / elapsed) * 100),
      backendCpuSec: backend !== null ? r2(backend) : null,
      backendCorePercent: backend !== null ? r2((backend / elapsed) * 100) : null,
      groupSendsInWindow: groupSends,
      otherCallsInWindow: window.length - groupSends,
      rssMb: r2(s1.rssBytes / 2 ** 20),
      peakRssMb: r2(final.maxRssKb / 1024),
      statements: profileDir ? readStatements(profileDir, engine) : null,
    };
    log(`[idle/${engine}] ${JSON.stringify(result)}`);
    return result;
  } finally {
    if (child) await child.stop().catch(() => {});
    await fake.close();
    await db?.drop().catch((err: unknown) => log(`[idle/${engine}] drop: ${String(err)}`));
    for (const dir of [dataDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const engines: Array<'pglite' | 'postgres'> = [];
for (const e of (args.engines ?? '').split(',').filter(Boolean)) {
  if (e === 'pglite') engines.push(e);
  else if (e === 'postgres') {
    if (await serverAnswers(SERVER_URL)) engines.push(e);
    else log(`PostgreSQL at ${new URL(SERVER_URL).host} does not answer: skipping it`);
  } else {
    log(`bench:idle: unknown engine "${e}" (pglite, postgres)`);
    process.exit(2);
  }
}
const results: IdleResult[] = [];
for (const engine of engines) results.push(await runIdle(engine));

const rows: Array<[string, (r: IdleResult) => string]> = [
  ['queued group items', (r) => String(r.items)],
  ['measured over', (r) => `${r.seconds} s`],
  [
    'app CPU',
    (r) =>
      `${r.appCpuSec} s = ${r.appCorePercent} % of a core (< 2 %: ${r.appCorePercent < 2 ? 'pass' : 'FAIL'})`,
  ],
  [
    'PostgreSQL backends CPU',
    (r) => (r.backendCpuSec === null ? '—' : `${r.backendCpuSec} s = ${r.backendCorePercent} %`),
  ],
  ['group sends / other calls in the window', (r) => `${r.groupSendsInWindow} / ${r.otherCallsInWindow}`],
  ['app RSS (end) / peak', (r) => `${r.rssMb} / ${r.peakRssMb} MB`],
  ['load average (1 min) at start', (r) => String(r.loadavg1mAtStart)],
];
const header = ['', ...results.map((r) => r.engine)];
const body = rows.map(([name, f]) => [name, ...results.map(f)]);
const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(
  [
    '',
    `### Idle behind a spent group budget (${ITEMS} items, ${SECONDS} s)`,
    '',
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
    '',
    ...results.flatMap((r) =>
      r.statements
        ? [
            `${r.engine}: statements in the window (total ms, count)`,
            ...r.statements.map(
              (st) => `  ${String(st.ms).padStart(7)} ${String(st.count).padStart(6)}  ${st.text}`,
            ),
            '',
          ]
        : [],
    ),
    `${JSON.stringify({ bench: 'idle', at: new Date().toISOString(), node: process.version, results })}`,
    '',
  ].join('\n'),
);
process.exit(results.some((r) => r.groupSendsInWindow > 0) ? 1 : 0);
