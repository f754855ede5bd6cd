/**
 * Relay benchmark: `npm run bench:relay [-- --fans 50 --messages 20 --scale 20]`.
 *
 * The app runs in a child process (bench/app-child.ts) against the fake Bot API and the load generator,
 * which run here. Two phases, each on PGlite and then on PostgreSQL (when it answers):
 *
 *   1. own cost    fake flood limits off, sender budgets defaultBudgets(1000): how fast the app itself
 *                  accepts, charges and relays (throughput, ack latency, CPU and memory per message);
 *   2. real limits fake scaledFloodLimits(scale) and sender defaultBudgets(scale): how much of the
 *                  group's flood budget the relay uses, and whether anything is lost, duplicated,
 *                  reordered or retried early.
 *
 * Prints a table per phase and, last, one JSON line with every figure. Exits 1 when any run lost,
 * duplicated or reordered a message, retried early, or got a non-200 from the webhook.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Update, User } from 'grammy/types';
import {
  FLOOD_COUNTED_METHODS,
  REAL_FLOOD_LIMITS,
  scaledFloodLimits,
  startFakeTelegram,
  type FakeTelegram,
  type RecordedCall,
} from '../test/support/fake-telegram/index.ts';
import { SENTINELS } from '../test/support/sentinels.ts';
import { fanUser, privateText } from '../test/support/updates.ts';
import { defaultBudgets } from '../src/app/outbox/policy.ts';
import { startAppChild, type AppChild } from './child.ts';
import {
  backendCpu,
  backendCpuDelta,
  createBenchDatabase,
  DEFAULT_SERVER_URL,
  postgresCpuSeconds,
  serverAnswers,
  type BenchDatabase,
} from './database.ts';
import type { ChildStats } from './ipc.ts';
import { percentile, postAll } from './load.ts';

const GROUP_ID = -1009876543210;
const OWNER_ID = 900001;
const WEBHOOK_SECRET = SENTINELS.benchWebhookSecret;
const FIRST_FAN_ID = 5_000_001;

type Engine = 'pglite' | 'postgres';
type Phase = 'own-cost' | 'real-limits';

interface RunSpec {
  phase: Phase;
  engine: Engine;
  fans: number;
  messages: number;
  /** Flood-window divisor for the fake and the sender; the own-cost phase runs the sender at 1000. */
  scale: number;
  floodLimits: boolean;
  concurrency: number;
  serverUrl: string;
}

interface RunResult {
  phase: Phase;
  engine: Engine;
  fans: number;
  messages: number;
  total: number;
  scale: number;
  senderScale: number;
  concurrency: number;
  loadavg1mAtStart: number;
  acceptedPerSec: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** From the first POST to the last acknowledgement. */
  postingMs: number;
  /** From the first POST to the copy (seen by the fake) that completed the set; null = never. */
  allRelayedMs: number | null;
  /** From the first POST to the last receipt to a fan. */
  allReceiptsMs: number | null;
  /** Messages ÷ time until all relayed. */
  relayedPerSec: number | null;
  childCpuSec: number;
  childCpuSecPer1000: number;
  /** This process (fake Bot API + load generator) over the same span: it shares the machine. */
  benchCpuSec: number;
  /** The backends serving the bench database over the same span; null on PGlite. */
  backendCpuSec: number | null;
  backendCpuSecPer1000: number | null;
  /** Every PostgreSQL server process (any database, WAL writer, checkpointer…); null on PGlite. */
  postgresCpuSec: number | null;
  postgresCpuSecPer1000: number | null;
  peakRssMb: number;
  rssAtReadyMb: number;
  rssAtEndMb: number;
  /** Topics the bot created, and how many of their info cards are not pinned (or were never sent). */
  topicsCreated: number;
  unpinnedCards: number;
  groupSends: number;
  groupSpanMs: number | null;
  /** groupSends ÷ (span ÷ window × 20): the briefed figure (counts the first window's burst). */
  groupGoodput: number | null;
  /** (groupSends − 20) ÷ (span ÷ window × 20): without the first window's burst (steady state). */
  groupGoodputSteady: number | null;
  /** What defaultBudgets(scale) itself allows: fake window ÷ sender window. */
  senderBudgetCeiling: number | null;
  tooManyRequests: number;
  tooManyRequestsGroup: number;
  tooManyRequestsPrivate: number;
  earlyRetries: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  webhookFailures: number;
  childWarnings: number;
  childErrors: number;
  childLogSamples: string[];
}

// ------------------------------------------------------------------ arguments

const { values: args } = parseArgs({
  options: {
    fans: { type: 'string', default: '50' },
    messages: { type: 'string', default: '20' },
    scale: { type: 'string', default: '20' },
    'limited-fans': { type: 'string', default: '10' },
    'limited-messages': { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '16' },
    engines: { type: 'string', default: 'pglite,postgres' },
    phases: { type: 'string', default: 'own-cost,real-limits' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

if (args.help) {
  process.stdout.write(
    [
      'npm run bench:relay -- [options]',
      '  --fans N              own-cost phase: fans (default 50)',
      '  --messages M          own-cost phase: messages per fan (default 20)',
      '  --scale S             real-limits phase: flood windows divided by S (default 20)',
      '  --limited-fans N      real-limits phase: fans (default 10)',
      '  --limited-messages M  real-limits phase: messages per fan (default 10)',
      '  --concurrency C       webhook POSTs in flight (default 16)',
      '  --engines LIST        pglite,postgres (default both; postgres only when it answers)',
      '  --phases LIST         own-cost,real-limits (default both)',
      'env BENCH_DATABASE_URL  PostgreSQL server URL (default postgres://postgres@127.0.0.1:5432/test)',
      "env BENCH_LOG_LEVEL     the app's log level (default warn)",
      '',
    ].join('\n'),
  );
  process.exit(0);
}

function positiveInt(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`bench: --${name} must be a positive integer (got "${v}")\n`);
    process.exit(2);
  }
  return n;
}
function positiveNumber(name: string, v: string | undefined): number {
  const n = Number(v);
  if (!(n > 0)) {
    process.stderr.write(`bench: --${name} must be a positive number (got "${v}")\n`);
    process.exit(2);
  }
  return n;
}

const FANS = positiveInt('fans', args.fans);
const MESSAGES = positiveInt('messages', args.messages);
const SCALE = positiveNumber('scale', args.scale);
const LIMITED_FANS = positiveInt('limited-fans', args['limited-fans']);
const LIMITED_MESSAGES = positiveInt('limited-messages', args['limited-messages']);
const CONCURRENCY = positiveInt('concurrency', args.concurrency);
const ENGINES = (args.engines ?? '').split(',').filter(Boolean);
const PHASES = (args.phases ?? '').split(',').filter(Boolean);
const SERVER_URL = process.env.BENCH_DATABASE_URL || DEFAULT_SERVER_URL;

// ------------------------------------------------------------------ one run

/** Databases to drop if the run is interrupted (the app child exits on its own when we do). */
const liveDatabases = new Set<BenchDatabase>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`bench: ${signal}: dropping ${liveDatabases.size} database(s) and exiting`);
    void Promise.allSettled([...liveDatabases].map((d) => d.drop())).finally(() => process.exit(130));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => bytes / (1024 * 1024);
const cpuSec = (a: ChildStats, b: ChildStats) =>
  (b.userMicros - a.userMicros + (b.systemMicros - a.systemMicros)) / 1e6;

/** The fan's message copied into the group, in the fake's arrival order. */
function copiesOf(fake: FakeTelegram, fanIds: Set<number>): RecordedCall[] {
  return fake.calls.filter(
    (c) =>
      c.ok &&
      c.method === 'copyMessage' &&
      c.payload.chat_id === GROUP_ID &&
      fanIds.has(Number(c.payload.from_chat_id)),
  );
}

function receiptsTo(fake: FakeTelegram, fanIds: Set<number>): RecordedCall[] {
  return fake.calls.filter(
    (c) => c.ok && c.method === 'sendMessage' && fanIds.has(Number(c.payload.chat_id)),
  );
}

async function runOnce(spec: RunSpec): Promise<RunResult> {
  const label = `${spec.phase}/${spec.engine}`;
  const senderScale = spec.floodLimits ? spec.scale : 1000;
  const total = spec.fans * spec.messages;
  const load1 = loadavg()[0]!;
  log(
    `[${label}] ${spec.fans} fans × ${spec.messages} messages, concurrency ${spec.concurrency}, ` +
      `fake limits ${spec.floodLimits ? `scaled ×${spec.scale}` : 'off'}, sender budgets ×${senderScale} ` +
      `(load average ${load1.toFixed(2)})`,
  );

  const fake = await startFakeTelegram({ flood: spec.floodLimits ? scaledFloodLimits(spec.scale) : false });
  let db: BenchDatabase | null = null;
  let child: AppChild | null = null;
  try {
    fake.addForumGroup(GROUP_ID, { title: 'Bench inbox' });
    if (spec.engine === 'postgres') {
      db = await createBenchDatabase(spec.serverUrl);
      liveDatabases.add(db);
    }
    child = await startAppChild({
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WEBHOOK_URL: 'https://bot.example.com',
      WEBHOOK_SECRET,
      PORT: '0',
      ADMIN_GROUP_ID: String(GROUP_ID),
      ADMIN_USER_IDS: String(OWNER_ID),
      DATABASE_URL: db?.url ?? '',
      STRIPE_SECRET_KEY: '',
      STRIPE_WEBHOOK_SECRET: '',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
      BENCH_SCALE: String(senderScale),
      // Every fan can pay for all its messages (text costs 1) from the new-fan bonus alone.
      BENCH_BONUS: String(Math.min(100_000, Math.max(100, spec.messages * 2))),
    });
    if (child.engine !== spec.engine) throw new Error(`child runs ${child.engine}, expected ${spec.engine}`);

    // Every update is built (and registered in the fake, so copyMessage finds it) before the clock starts.
    const users: User[] = Array.from({ length: spec.fans }, (_, i) => fanUser(FIRST_FAN_ID + i));
    const perFan: Update[][] = users.map((u, f) =>
      Array.from({ length: spec.messages }, (_, m) => privateText(u, `fan ${f} message ${m}`, { fake })),
    );
    const fanIds = new Set(users.map((u) => u.id));
    const expected = new Map<number, number[]>(
      users.map((u, f) => [u.id, perFan[f]!.map((up) => up.message!.message_id)]),
    );

    await sleep(500); // let startup work (pg-boss maintenance, command publishing) settle
    fake.reset();
    fake.resetStats();
    const pg0 = spec.engine === 'postgres' ? postgresCpuSeconds() : null;
    const backends0 = db ? await backendCpu(spec.serverUrl, db.name) : null;
    const s0 = await child.stats();
    const parent0 = process.cpuUsage();

    const load = await postAll({
      webhookUrl: `http://127.0.0.1:${child.port}/telegram-webhook`,
      secret: WEBHOOK_SECRET,
      perFan,
      concurrency: spec.concurrency,
    });
    log(`[${label}] posted ${total} in ${load.lastAckAt - load.firstPostAt} ms; waiting for the relay`);

    // Wait for every copy and every receipt (or give up: what is missing then counts as lost).
    const groupWindowMs = REAL_FLOOD_LIMITS.groupWindowMs / (spec.floodLimits ? spec.scale : 1000);
    const senderWindowMs = defaultBudgets(senderScale).group.windowMs;
    const expectedGroupSends = total + spec.fans * 3;
    const timeoutMs = spec.floodLimits
      ? Math.ceil(expectedGroupSends / 20) * Math.max(groupWindowMs, senderWindowMs) * 2 + 30_000
      : 180_000;
    const deadline = Date.now() + timeoutMs;
    let copies: RecordedCall[] = [];
    let receipts: RecordedCall[] = [];
    for (;;) {
      copies = copiesOf(fake, fanIds);
      receipts = receiptsTo(fake, fanIds);
      const copiedIds = new Set(copies.map((c) => `${c.payload.from_chat_id}:${c.payload.message_id}`));
      if (copiedIds.size >= total && receipts.length >= total) break;
      if (Date.now() > deadline) {
        log(
          `[${label}] gave up after ${timeoutMs} ms: ${copiedIds.size}/${total} copied, ` +
            `${receipts.length}/${total} receipts`,
        );
        break;
      }
      await sleep(20);
    }
    const s1 = await child.stats();
    const parentCpu = process.cpuUsage(parent0);
    const pg1 = spec.engine === 'postgres' ? postgresCpuSeconds() : null;
    const backends1 = db ? await backendCpu(spec.serverUrl, db.name) : null;
    const backendSec = backends0 && backends1 ? backendCpuDelta(backends0, backends1) : null;

    // Integrity: per fan, what was copied against what was sent.
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    let lastNeededCopyAt = 0;
    for (const [fanId, ids] of expected) {
      const seen = new Set<number>();
      let maxSoFar = -Infinity;
      for (const c of copies) {
        if (Number(c.payload.from_chat_id) !== fanId) continue;
        const id = Number(c.payload.message_id);
        if (seen.has(id)) {
          duplicated++;
          continue;
        }
        seen.add(id);
        lastNeededCopyAt = Math.max(lastNeededCopyAt, c.at);
        if (id < maxSoFar) outOfOrder++;
        maxSoFar = Math.max(maxSoFar, id);
      }
      for (const id of ids) if (!seen.has(id)) lost++;
    }
    const allRelayedMs = lost === 0 ? lastNeededCopyAt - load.firstPostAt : null;
    const allReceiptsMs =
      receipts.length >= total ? Math.max(...receipts.map((c) => c.at)) - load.firstPostAt : null;

    // Flood figures: group sends the fake accepted, and its 429s.
    const groupSendCalls = fake.calls.filter(
      (c) => c.ok && c.payload.chat_id === GROUP_ID && FLOOD_COUNTED_METHODS.has(c.method),
    );
    const groupSends = groupSendCalls.length;
    const first = groupSendCalls.length ? Math.min(...groupSendCalls.map((c) => c.at)) : 0;
    const last = groupSendCalls.length ? Math.max(...groupSendCalls.map((c) => c.at)) : 0;
    const spanMs = groupSends >= 2 ? last - first : null;
    const perWindow = REAL_FLOOD_LIMITS.groupPerWindow;
    const windows = spanMs !== null ? spanMs / groupWindowMs : null;
    // The group budget over the span, in sends (only meaningful when the fake enforces limits).
    // Null when everything fit in the first window's burst: no window was ever waited for.
    const budgetSends =
      spec.floodLimits && windows !== null && groupSends > perWindow && windows > 0
        ? windows * perWindow
        : null;
    const rejected = fake.calls.filter((c) => !c.ok && c.error?.error_code === 429);
    // Info cards: the first message the bot sent into each topic it created; pinned or not.
    const resultOf = (c: RecordedCall) => c.result as { message_id?: number; message_thread_id?: number };
    const threads = fake
      .callsTo('createForumTopic')
      .filter((c) => c.ok && c.payload.chat_id === GROUP_ID)
      .map((c) => resultOf(c).message_thread_id);
    const pinned = new Set(fake.pins(GROUP_ID));
    const cards = threads.map((thread) =>
      fake.calls.find(
        (c) =>
          c.ok &&
          c.method === 'sendMessage' &&
          c.payload.chat_id === GROUP_ID &&
          c.payload.message_thread_id === thread,
      ),
    );
    const unpinnedCards = cards.filter((c) => !c || !pinned.has(resultOf(c).message_id!)).length;

    if (process.env.BENCH_DUMP_CALLS) dumpCalls(process.env.BENCH_DUMP_CALLS, label, fake, load.firstPostAt);
    const final = await child.stop();
    const result: RunResult = {
      phase: spec.phase,
      engine: spec.engine,
      fans: spec.fans,
      messages: spec.messages,
      total,
      scale: spec.floodLimits ? spec.scale : 1,
      senderScale,
      concurrency: spec.concurrency,
      loadavg1mAtStart: round(load1, 2),
      acceptedPerSec: round(total / ((load.lastAckAt - load.firstPostAt) / 1000), 1),
      ackP50Ms: round(percentile(load.latenciesMs, 50), 1),
      ackP99Ms: round(percentile(load.latenciesMs, 99), 1),
      ackMaxMs: round(Math.max(...load.latenciesMs), 1),
      postingMs: load.lastAckAt - load.firstPostAt,
      allRelayedMs,
      allReceiptsMs,
      relayedPerSec: allRelayedMs ? round(total / (allRelayedMs / 1000), 1) : null,
      childCpuSec: round(cpuSec(s0, s1), 2),
      benchCpuSec: round((parentCpu.user + parentCpu.system) / 1e6, 2),
      childCpuSecPer1000: round((cpuSec(s0, s1) / total) * 1000, 2),
      backendCpuSec: backendSec !== null ? round(backendSec, 2) : null,
      backendCpuSecPer1000: backendSec !== null ? round((backendSec / total) * 1000, 2) : null,
      postgresCpuSec: pg0 !== null && pg1 !== null ? round(pg1 - pg0, 2) : null,
      postgresCpuSecPer1000: pg0 !== null && pg1 !== null ? round(((pg1 - pg0) / total) * 1000, 2) : null,
      peakRssMb: round(final.maxRssKb / 1024, 1),
      rssAtReadyMb: round(mb(child.readyStats.rssBytes), 1),
      rssAtEndMb: round(mb(s1.rssBytes), 1),
      topicsCreated: threads.length,
      unpinnedCards,
      groupSends,
      groupSpanMs: spanMs,
      groupGoodput: budgetSends !== null ? round(groupSends / budgetSends, 3) : null,
      groupGoodputSteady: budgetSends !== null ? round((groupSends - perWindow) / budgetSends, 3) : null,
      senderBudgetCeiling: spec.floodLimits ? round(groupWindowMs / senderWindowMs, 3) : null,
      tooManyRequests: fake.stats.tooManyRequests,
      tooManyRequestsGroup: rejected.filter((c) => Number(c.payload.chat_id) < 0).length,
      tooManyRequestsPrivate: rejected.filter((c) => Number(c.payload.chat_id) > 0).length,
      earlyRetries: fake.stats.earlyRetries,
      lost,
      duplicated,
      outOfOrder,
      webhookFailures: load.failures.length,
      childWarnings: child.log.warnings,
      childErrors: child.log.errors,
      childLogSamples: [
        ...child.log.samples,
        ...load.failures.slice(0, 3).map((f) => `webhook ${f.status}: ${f.body}`),
      ],
    };
    log(`[${label}] done: ${JSON.stringify(result)}`);
    return result;
  } finally {
    if (child) await child.stop().catch((err: unknown) => log(`[${label}] child stop: ${String(err)}`));
    await fake.close();
    if (db) {
      await db.drop().catch((err: unknown) => log(`[${label}] drop ${db!.name}: ${String(err)}`));
      liveDatabases.delete(db);
    }
  }
}

/** BENCH_DUMP_CALLS=dir: every Bot API call the fake saw, one JSON line each (for a closer look). */
function dumpCalls(dir: string, label: string, fake: FakeTelegram, t0: number): void {
  mkdirSync(dir, { recursive: true });
  const lines = fake.calls.map((c) =>
    JSON.stringify({
      t: c.at - t0,
      method: c.method,
      chat: c.payload.chat_id,
      thread: c.payload.message_thread_id,
      from: c.payload.from_chat_id,
      msg: c.payload.message_id,
      ok: c.ok,
      id: (c.result as { message_id?: number } | undefined)?.message_id,
      ...(c.error ? { error: c.error.description } : {}),
    }),
  );
  const file = join(dir, `${label.replace('/', '-')}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  log(`[${label}] calls written to ${file}`);
}

// ------------------------------------------------------------------ report

function round(v: number, digits: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const show = (v: number | null, unit = ''): string => (v === null ? '—' : `${v}${unit}`);
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);

function table(title: string, runs: RunResult[], rows: Array<[string, (r: RunResult) => string]>): string {
  const header = ['', ...runs.map((r) => r.engine)];
  const body = rows.map(([name, f]) => [name, ...runs.map(f)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [`### ${title}`, '', line(header), sep, ...body.map(line), ''].join('\n');
}

const ownCostRows: Array<[string, (r: RunResult) => string]> = [
  ['messages (fans × per fan)', (r) => `${r.total} (${r.fans} × ${r.messages})`],
  ['accepted messages/s', (r) => show(r.acceptedPerSec)],
  ['ack p50', (r) => show(r.ackP50Ms, ' ms')],
  ['ack p99', (r) => show(r.ackP99Ms, ' ms')],
  ['ack max', (r) => show(r.ackMaxMs, ' ms')],
  ['all POSTs acknowledged after', (r) => show(r.postingMs, ' ms')],
  ['all relayed (copy in group) after', (r) => show(r.allRelayedMs, ' ms')],
  ['relayed messages/s (end to end)', (r) => show(r.relayedPerSec)],
  ['all receipts sent after', (r) => show(r.allReceiptsMs, ' ms')],
  ['app CPU per 1,000 messages', (r) => show(r.childCpuSecPer1000, ' s')],
  ['PostgreSQL backends CPU per 1,000', (r) => show(r.backendCpuSecPer1000, ' s')],
  ['  whole PostgreSQL server', (r) => show(r.postgresCpuSecPer1000, ' s')],
  ['bench process CPU (fake + load)', (r) => show(r.benchCpuSec, ' s')],
  ['app peak RSS', (r) => show(r.peakRssMb, ' MB')],
  ['app RSS ready → end', (r) => `${r.rssAtReadyMb} → ${r.rssAtEndMb} MB`],
  ['lost / duplicated / out of order', (r) => `${r.lost} / ${r.duplicated} / ${r.outOfOrder}`],
  ['topics created / cards left unpinned', (r) => `${r.topicsCreated} / ${r.unpinnedCards}`],
  [
    'webhook non-200 / app warn / error logs',
    (r) => `${r.webhookFailures} / ${r.childWarnings} / ${r.childErrors}`,
  ],
  ['load average (1 min) at start', (r) => show(r.loadavg1mAtStart)],
];

const limitsRows: Array<[string, (r: RunResult) => string]> = [
  ['messages (fans × per fan)', (r) => `${r.total} (${r.fans} × ${r.messages})`],
  ['group sends accepted', (r) => show(r.groupSends)],
  ['first → last group send', (r) => show(r.groupSpanMs, ' ms')],
  ['goodput, share of group budget', (r) => pct(r.groupGoodput)],
  ['  same, without the first burst', (r) => pct(r.groupGoodputSteady)],
  ['  ceiling set by defaultBudgets', (r) => pct(r.senderBudgetCeiling)],
  ['all relayed after', (r) => show(r.allRelayedMs, ' ms')],
  ['all receipts sent after', (r) => show(r.allReceiptsMs, ' ms')],
  [
    '429s (group / private)',
    (r) => `${r.tooManyRequests} (${r.tooManyRequestsGroup} / ${r.tooManyRequestsPrivate})`,
  ],
  ['early retries', (r) => show(r.earlyRetries)],
  ['lost', (r) => show(r.lost)],
  ['duplicated', (r) => show(r.duplicated)],
  ['out of order', (r) => show(r.outOfOrder)],
  ['topics created / cards left unpinned', (r) => `${r.topicsCreated} / ${r.unpinnedCards}`],
  ['ack p50 / p99', (r) => `${r.ackP50Ms} / ${r.ackP99Ms} ms`],
  ['app CPU per 1,000 messages', (r) => show(r.childCpuSecPer1000, ' s')],
  ['app peak RSS', (r) => show(r.peakRssMb, ' MB')],
  [
    'webhook non-200 / app warn / error logs',
    (r) => `${r.webhookFailures} / ${r.childWarnings} / ${r.childErrors}`,
  ],
];

// ------------------------------------------------------------------ main

async function main(): Promise<number> {
  const engines: Engine[] = [];
  for (const e of ENGINES) {
    if (e === 'pglite') engines.push(e);
    else if (e === 'postgres') {
      if (await serverAnswers(SERVER_URL)) engines.push(e);
      else log(`PostgreSQL at ${new URL(SERVER_URL).host} does not answer: skipping it`);
    } else throw new Error(`unknown engine "${e}" (pglite, postgres)`);
  }
  const results: RunResult[] = [];
  for (const phase of PHASES) {
    if (phase !== 'own-cost' && phase !== 'real-limits') throw new Error(`unknown phase "${phase}"`);
    for (const engine of engines) {
      const own = phase === 'own-cost';
      results.push(
        await runOnce({
          phase,
          engine,
          fans: own ? FANS : LIMITED_FANS,
          messages: own ? MESSAGES : LIMITED_MESSAGES,
          scale: SCALE,
          floodLimits: !own,
          concurrency: CONCURRENCY,
          serverUrl: SERVER_URL,
        }),
      );
    }
  }

  const out: string[] = [''];
  const own = results.filter((r) => r.phase === 'own-cost');
  const lim = results.filter((r) => r.phase === 'real-limits');
  if (own.length)
    out.push(table('Phase 1: own cost (fake flood limits off, sender budgets ×1000)', own, ownCostRows));
  if (lim.length) {
    const w = REAL_FLOOD_LIMITS.groupWindowMs / SCALE;
    out.push(
      table(
        `Phase 2: real limits scaled ×${SCALE} (group 20 per ${w} ms, private 1 per ${1000 / SCALE} ms, ` +
          `global 30 per ${1000 / SCALE} ms)`,
        lim,
        limitsRows,
      ),
    );
    out.push(
      `Windows are divided by ${SCALE}; budgets (20 per group window, 1 per private, 30 global) are unchanged. ` +
        `A 429's retry_after is still whole seconds (≥ 1 s = ${SCALE} scaled seconds).`,
      '',
    );
  }
  const failed = results.filter(
    (r) => r.lost || r.duplicated || r.outOfOrder || r.earlyRetries || r.webhookFailures,
  );
  for (const r of results.filter((x) => x.childLogSamples.length)) {
    out.push(`${r.phase}/${r.engine} log samples:`, ...r.childLogSamples.map((s) => `  ${s}`), '');
  }
  out.push(
    failed.length
      ? `FAILED: ${failed.map((r) => `${r.phase}/${r.engine}`).join(', ')} lost, duplicated, reordered or retried early`
      : 'OK: nothing lost, duplicated, reordered or retried early',
    '',
  );
  process.stdout.write(out.join('\n'));
  process.stdout.write(
    `${JSON.stringify({
      bench: 'relay',
      at: new Date().toISOString(),
      node: process.version,
      args: {
        fans: FANS,
        messages: MESSAGES,
        scale: SCALE,
        limitedFans: LIMITED_FANS,
        limitedMessages: LIMITED_MESSAGES,
        concurrency: CONCURRENCY,
      },
      ok: failed.length === 0,
      runs: results.map(({ childLogSamples: _s, ...r }) => r),
    })}\n`,
  );
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exit(2);
  },
);
