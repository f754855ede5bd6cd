/**
 * Relay benchmark: `npm run bench:relay [-- --fans 100 --messages 20 --scale 20 --profile]`.
 *
 * The app runs in a child process (bench/app-child.ts) against the fake Bot API and the load generator,
 * which run here. Each fan has one update in flight at a time (the next only after the previous was
 * acknowledged), as Telegram does per chat; by default every fan is posting at once. Phases:
 *
 *   own-cost     fake flood limits off, sender budgets defaultBudgets(1000): how fast the app itself
 *                accepts, charges and relays (throughput, ack latency, CPU and memory per message), each
 *                engine right after a bare grammY relay (bench/bare-child.ts, no database) measured the
 *                same way: every figure is also printed as a ratio to that reference, with issue 13's
 *                targets. Both are warmed up first (--warmup, 400 messages from other fans, not counted):
 *                the figures are a running process's, not V8 compiling the hot code;
 *   ingest       (--phases ingest) issue 13's own measurement: fake flood limits off, the bot's own
 *                pacing on (sender defaultBudgets(1), real Telegram budgets), the own-cost load; CPU
 *                until every stored update was handled (charged and queued: the app child's inbound
 *                queue empty), not until sent (a paced group takes ~20 a minute). Each engine right after
 *                a bare relay, as own-cost; ratios with the targets;
 *   real-limits  fake scaledFloodLimits(scale) and sender defaultBudgets(scale): how much of the
 *                group's flood budget the relay uses, and whether anything is lost, duplicated,
 *                reordered or retried early;
 *   profile      (--profile) the own-cost load again with bench/query-profile.ts in the app: statements
 *                per accepted message by path (the webhook's own, the update's handling, the rest), and
 *                the statements that take the time;
 *   ingest-profile  the same profile over the ingest phase's run (pacing on, until all handled);
 *   groups       (--phases groups) real limits with K admin groups (ADMIN_GROUP_IDS): goodput against
 *                K × one group's budget; "not supported" when the app serves fewer groups than asked.
 *
 * PGlite runs open a fresh file-backed DATA_DIR (a temporary directory), as a user's first `npm start`
 * does. Prints a table per phase and, last, one JSON line with every figure. Exits 1 when any run lost,
 * duplicated or reordered a message, retried early, or got a non-200 from the webhook; the targets are
 * informative only.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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
import { buildAppChild, startAppChild, type AppChild } from './child.ts';
import {
  backendCpu,
  backendCpuDelta,
  createBenchDatabase,
  DEFAULT_SERVER_URL,
  postgresCpuSeconds,
  serverAnswers,
  type BenchDatabase,
} from './database.ts';
import type { ChildStats, PeakMemory } from './ipc.ts';
import { percentile, postAll } from './load.ts';

const GROUP_ID = -1009876543210;
const OWNER_ID = 900001;
const WEBHOOK_SECRET = SENTINELS.benchWebhookSecret;
const FIRST_FAN_ID = 5_000_001;
/** The warm-up's fans (--warmup): not the measured ones, so their first messages still set up topics. */
const WARMUP_FIRST_FAN_ID = 6_000_001;
const WARMUP_FANS = 20;

type Engine = 'bare' | 'pglite' | 'postgres';
type Phase = 'own-cost' | 'ingest' | 'real-limits' | 'profile' | 'ingest-profile' | 'groups';
const PHASE_NAMES: Phase[] = ['own-cost', 'ingest', 'real-limits', 'profile', 'ingest-profile', 'groups'];

interface RunSpec {
  phase: Phase;
  engine: Engine;
  fans: number;
  messages: number;
  /** Flood-window divisor for the fake and the sender; the own-cost phase runs the sender at 1000. */
  scale: number;
  floodLimits: boolean;
  /** The sender's budget scale when not the phase's default (ingest: 1, the bot's real pacing). */
  senderScale?: number;
  concurrency: number;
  serverUrl: string;
  /** How many admin groups (ADMIN_GROUP_IDS); 1 = ADMIN_GROUP_ID only. */
  groups?: number;
  /** Run the app with bench/query-profile.ts. */
  profile?: boolean;
  /** Shown in the tables (several bare runs). */
  label?: string;
}

interface StatementStat {
  count: number;
  ms: number;
  maxMs: number;
}

interface QueryProfile {
  /**
   * Statements per accepted (acknowledged) message, by path (bench/query-profile.ts): what the webhook
   * starts (the store, the drainer's claims it wakes), the update's handling (grammY), and the rest (the
   * outbox sender, jobs).
   */
  perMessage: Record<ProfilePath, number>;
  msPerMessage: Record<ProfilePath, number>;
  top: Record<ProfilePath, Array<StatementStat & { text: string }>>;
}
const PROFILE_PATHS = ['webhook', 'handler', 'background'] as const;
type ProfilePath = (typeof PROFILE_PATHS)[number];

interface RunResult {
  phase: Phase;
  engine: Engine;
  label: string;
  /** Admin groups asked for, and served by the app (from its config). */
  groupsAsked: number;
  groupsServed: number;
  /** PGlite: a fresh file-backed DATA_DIR (false: in-memory). */
  dataDir: boolean;
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
  /** Ingest phase: from the first POST until every stored update was handled (null: other phases). */
  allHandledMs: number | null;
  /** From the first POST to the copy (seen by the fake) that completed the set; null = never. */
  allRelayedMs: number | null;
  /** From the first POST to the last receipt to a fan. */
  allReceiptsMs: number | null;
  /** Receipts sent (fewer than messages when pending receipts coalesce). */
  receiptsSent: number;
  /** From the first POST to the last Bot API call of the run ("everything sent"). */
  lastCallMs: number | null;
  /** Messages ÷ time until all relayed. */
  relayedPerSec: number | null;
  childCpuSec: number;
  childCpuSecPer1000: number;
  /** The app's CPU from the first POST to the last acknowledgement, per 1,000 messages. */
  childCpuSecPer1000AtAck: number;
  /** The kernel's part of childCpuSecPer1000 (system time: socket writes and reads, wakes). */
  childSystemCpuSecPer1000: number;
  /** The bench database's backends over the same span; null on PGlite. */
  backendCpuSecPer1000AtAck: number | null;
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
  peakMemory: PeakMemory | null;
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
  /**
   * Content first (issue 13): of the group sends made while fans' content was still to go (up to the last
   * copy of a fan's message or topic creation), the share that carried it. Null when nothing was sent.
   */
  contentShare: number | null;
  /** The same after the first window (whose burst holds the first new fans' cards; the topic cap holds the rest). */
  contentShareSteady: number | null;
  /** The last card, pin or other non-content group send after the last content one, in ms (0: none after). */
  chromeAfterContentMs: number | null;
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
  profile: QueryProfile | null;
}

// ------------------------------------------------------------------ arguments

const { values: args } = parseArgs({
  options: {
    fans: { type: 'string', default: '100' },
    messages: { type: 'string', default: '20' },
    scale: { type: 'string', default: '20' },
    'limited-fans': { type: 'string', default: '10' },
    'limited-messages': { type: 'string', default: '10' },
    concurrency: { type: 'string' },
    engines: { type: 'string', default: 'pglite,postgres' },
    phases: { type: 'string', default: 'own-cost,real-limits' },
    profile: { type: 'boolean', default: false },
    'pglite-memory': { type: 'boolean', default: false },
    'from-dist': { type: 'boolean', default: false },
    'group-counts': { type: 'string', default: '1,2,4' },
    warmup: { type: 'string', default: '400' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

if (args.help) {
  process.stdout.write(
    [
      'npm run bench:relay -- [options]',
      '  --fans N              own-cost phase: fans (default 100)',
      '  --messages M          own-cost phase: messages per fan (default 20)',
      '  --scale S             real-limits phase: flood windows divided by S (default 20)',
      '  --limited-fans N      real-limits phase: fans (default 10)',
      '  --limited-messages M  real-limits phase: messages per fan (default 10)',
      '  --concurrency C       webhook POSTs in flight (default: the number of fans, one per fan)',
      '  --engines LIST        pglite,postgres (default both; postgres only when it answers)',
      '  --phases LIST         own-cost,ingest,real-limits,profile,ingest-profile,groups',
      '                        (default own-cost,real-limits)',
      '  --profile             add the profile phase (statements per message, top statements)',
      '  --pglite-memory       PGlite in memory instead of a fresh DATA_DIR',
      '  --from-dist           the app as built (`npm run build` first, then dist/ as start:prod runs it)',
      '  --group-counts LIST   groups phase: admin group counts (default 1,2,4)',
      '  --warmup N            own-cost, ingest and profile phases: N messages from 20 other fans relayed first,',
      '                        outside the figures (V8 compiles the hot code then; default 400; 0: none)',
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
/** Null: one POST in flight per fan. */
const CONCURRENCY = args.concurrency === undefined ? null : positiveInt('concurrency', args.concurrency);
const ENGINES = (args.engines ?? '').split(',').filter(Boolean);
const PHASES = [
  ...new Set([...(args.phases ?? '').split(',').filter(Boolean), ...(args.profile ? ['profile'] : [])]),
];
const GROUP_COUNTS = (args['group-counts'] ?? '')
  .split(',')
  .filter(Boolean)
  .map((v) => positiveInt('group-counts', v));
const PGLITE_MEMORY = args['pglite-memory'] ?? false;
const WARMUP = args.warmup === '0' ? 0 : positiveInt('warmup', args.warmup);
const FROM_DIST = args['from-dist'] ?? false;
if (FROM_DIST) {
  log('bench: building the app (npm run build) to run it from dist/, without tsx');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  buildAppChild();
}
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
function copiesOf(fake: FakeTelegram, fanIds: Set<number>, groups: Set<number>): RecordedCall[] {
  return fake.calls.filter(
    (c) =>
      c.ok &&
      c.method === 'copyMessage' &&
      groups.has(Number(c.payload.chat_id)) &&
      fanIds.has(Number(c.payload.from_chat_id)),
  );
}

function receiptsTo(fake: FakeTelegram, fanIds: Set<number>): RecordedCall[] {
  return fake.calls.filter(
    (c) => c.ok && c.method === 'sendMessage' && fanIds.has(Number(c.payload.chat_id)),
  );
}

/** Admin group ids for a run with K groups: GROUP_ID, then GROUP_ID − 1, … */
const groupIdsFor = (k: number) => Array.from({ length: k }, (_, i) => GROUP_ID - i);

/** The profiler's JSON (bench/query-profile.ts) for the child's engine, reduced to per-message figures. */
function readProfile(dir: string, engine: Engine, total: number): QueryProfile | null {
  const file = readdirSync(dir).find((f) => f.startsWith(`queries-${engine}-`) && f.endsWith('.json'));
  if (!file) return null;
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<
    ProfilePath,
    Record<string, StatementStat>
  >;
  const sum = (m: Record<string, StatementStat>, k: 'count' | 'ms') =>
    Object.values(m).reduce((n, s) => n + s[k], 0);
  const top = (m: Record<string, StatementStat>) =>
    Object.entries(m)
      .map(([text, s]) => ({ text, count: s.count, ms: round(s.ms, 1), maxMs: round(s.maxMs, 1) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
  const each = <T>(fn: (m: Record<string, StatementStat>) => T) =>
    Object.fromEntries(PROFILE_PATHS.map((p) => [p, fn(data[p] ?? {})])) as Record<ProfilePath, T>;
  return {
    perMessage: each((m) => round(sum(m, 'count') / total, 2)),
    msPerMessage: each((m) => round(sum(m, 'ms') / total, 3)),
    top: each(top),
  };
}

async function runOnce(spec: RunSpec): Promise<RunResult> {
  const label = `${spec.phase}/${spec.label ?? spec.engine}`;
  const ingest = spec.phase === 'ingest' || spec.phase === 'ingest-profile';
  const senderScale = spec.senderScale ?? (spec.floodLimits ? spec.scale : 1000);
  const total = spec.fans * spec.messages;
  const groupIds = groupIdsFor(spec.groups ?? 1);
  const groupSet = new Set(groupIds);
  const load1 = loadavg()[0]!;
  log(
    `[${label}] ${spec.fans} fans × ${spec.messages} messages, concurrency ${spec.concurrency}, ` +
      `fake limits ${spec.floodLimits ? `scaled ×${spec.scale}` : 'off'}, sender budgets ×${senderScale}` +
      `${groupIds.length > 1 ? `, ${groupIds.length} admin groups` : ''} (load average ${load1.toFixed(2)})`,
  );

  const fake = await startFakeTelegram({ flood: spec.floodLimits ? scaledFloodLimits(spec.scale) : false });
  let db: BenchDatabase | null = null;
  let child: AppChild | null = null;
  const useDataDir = spec.engine === 'pglite' && !PGLITE_MEMORY;
  const dataDir = useDataDir ? mkdtempSync(join(tmpdir(), 'fb-bench-data-')) : null;
  // BENCH_QUERY_PROFILE_DIR keeps the profile phase's per-statement files (they are removed otherwise).
  const keptProfileDir = process.env.BENCH_QUERY_PROFILE_DIR || null;
  const profileDir = spec.profile
    ? keptProfileDir
      ? mkdtempSync(join(keptProfileDir, `${spec.engine}-`))
      : mkdtempSync(join(tmpdir(), 'fb-bench-profile-'))
    : null;
  try {
    groupIds.forEach((id, i) => fake.addForumGroup(id, { title: `Bench inbox ${i + 1}` }));
    if (spec.engine === 'postgres') {
      db = await createBenchDatabase(spec.serverUrl);
      liveDatabases.add(db);
    }
    const env: Record<string, string> = {
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
      BENCH_PGLITE_MEMORY: useDataDir ? '0' : '1',
      ...(FROM_DIST ? { BENCH_APP_FROM: 'dist' } : {}),
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...(groupIds.length > 1 ? { ADMIN_GROUP_IDS: groupIds.join(',') } : {}),
      ...(profileDir ? { BENCH_QUERY_PROFILE_DIR: profileDir } : {}),
    };
    child = await startAppChild(env, {
      kind: spec.engine === 'bare' ? 'bare' : 'app',
      // The profiler is TypeScript: an app run from dist/ loads tsx for it (statements, not CPU, are read).
      ...(spec.profile
        ? { execArgv: [...(FROM_DIST ? ['--import', 'tsx'] : []), '--import', './bench/query-profile.ts'] }
        : {}),
    });
    const expectedEngine = spec.engine === 'bare' ? 'none' : spec.engine;
    if (child.engine !== expectedEngine)
      throw new Error(`child runs ${child.engine}, expected ${expectedEngine}`);
    if (child.adminGroupIds.length < groupIds.length)
      throw new NotSupported(
        `asked for ${groupIds.length} admin groups (ADMIN_GROUP_IDS), the app serves ${child.adminGroupIds.length}`,
      );

    const webhookUrl = `http://127.0.0.1:${child.port}/telegram-webhook`;
    if (WARMUP > 0 && !spec.floodLimits) {
      // Relayed before the clock starts, so both processes are measured running compiled code, not
      // compiling it (a bare relay's short run is otherwise partly V8 warming up).
      const warmUsers = Array.from({ length: WARMUP_FANS }, (_, i) => fanUser(WARMUP_FIRST_FAN_ID + i));
      const each = Math.ceil(WARMUP / WARMUP_FANS);
      const warm = warmUsers.map((u, f) =>
        Array.from({ length: each }, (_, m) => privateText(u, `warm-up ${f} message ${m}`, { fake })),
      );
      await postAll({ webhookUrl, secret: WEBHOOK_SECRET, perFan: warm, concurrency: WARMUP_FANS });
      const warmIds = new Set(warmUsers.map((u) => u.id));
      const until = Date.now() + 60_000;
      // Paced (ingest), the app's warm-up is handled, not sent: its sends wait for the group's budget.
      const warmDone =
        ingest && spec.engine !== 'bare'
          ? async () => {
              const h = await child!.handled();
              return h.unhandled === 0 ? h.charges : 0;
            }
          : async () => copiesOf(fake, warmIds, groupSet).length;
      while ((await warmDone()) < each * WARMUP_FANS && Date.now() < until) await sleep(50);
      // Its leftovers would be counted in the measured run: say so rather than measure quietly.
      const warmed = await warmDone();
      if (warmed < each * WARMUP_FANS)
        throw new Error(`warm-up not relayed within 60 s (${warmed} of ${each * WARMUP_FANS})`);
      // Then quiet for a second: its receipts, cards and pins are not counted either.
      for (let seen = -1; seen !== fake.calls.length && Date.now() < until;) {
        seen = fake.calls.length;
        await sleep(1000);
      }
      log(`[${label}] warmed up with ${each * WARMUP_FANS} messages`);
    }

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
    if (spec.profile) child.profileReset(); // answered in order: the stats below follow the reset
    const charges0 = ingest && spec.engine !== 'bare' ? (await child.handled()).charges : 0;
    if (charges0 < 0) throw new Error('stored updates left unhandled before the measured run');
    const pg0 = spec.engine === 'postgres' ? postgresCpuSeconds() : null;
    const backends0 = db ? await backendCpu(spec.serverUrl, db.name) : null;
    const s0 = await child.stats();
    const parent0 = process.cpuUsage();

    const load = await postAll({
      webhookUrl,
      secret: WEBHOOK_SECRET,
      perFan,
      concurrency: spec.concurrency,
    });
    const sAck = await child.stats();
    const backendsAck = db ? await backendCpu(spec.serverUrl, db.name) : null;
    log(`[${label}] posted ${total} in ${load.lastAckAt - load.firstPostAt} ms; waiting for the relay`);

    // Wait until everything was sent: every message copied, a receipt to every fan (pending receipts to
    // one fan may coalesce into one), then no Bot API call for `quietMs` (cards, pins, the last receipts).
    // Or give up: what is missing then counts as lost. `s1` is the app's stats at the last poll that saw
    // a new call, so the quiet period is not counted as work.
    const groupWindowMs = REAL_FLOOD_LIMITS.groupWindowMs / (spec.floodLimits ? spec.scale : 1000);
    const senderWindowMs = defaultBudgets(senderScale).group.windowMs;
    const expectedGroupSends = total + spec.fans * 3;
    const timeoutMs = spec.floodLimits
      ? Math.ceil(expectedGroupSends / 20) * Math.max(groupWindowMs, senderWindowMs) * 2 + 30_000
      : 600_000;
    const quietMs = spec.floodLimits ? Math.max(groupWindowMs, senderWindowMs) + 500 : 1_000;
    const deadline = Date.now() + timeoutMs;
    let copies: RecordedCall[] = [];
    let receipts: RecordedCall[] = [];
    let seenCalls = -1;
    let lastChangeAt = Date.now();
    let s1 = sAck;
    // Ingest: until the app handled every stored update (charged and queued); the bare relay handles
    // each update before answering it, so its figures at the last ack are its whole work.
    let handled: { charges: number; atMs: number } | null = null;
    if (ingest) {
      handled = { charges: total, atMs: load.lastAckAt - load.firstPostAt };
      while (spec.engine !== 'bare') {
        const h = await child.handled();
        if (h.unhandled === 0 && h.charges - charges0 >= total) {
          s1 = h.stats;
          handled = { charges: h.charges - charges0, atMs: Date.now() - load.firstPostAt };
          break;
        }
        if (Date.now() > deadline) {
          log(`[${label}] gave up after ${timeoutMs} ms: ${h.unhandled} stored updates unhandled`);
          handled = { charges: Math.max(0, h.charges - charges0), atMs: Date.now() - load.firstPostAt };
          s1 = h.stats;
          break;
        }
        // The probe runs in the app (a count on its database) and its CPU is the app's: polled every
        // 20 ms it was ~2.5 % of PGlite's figure. So it waits 1 ms per update left (at most 200 ms, at
        // least 20): no update is handled in under 1 ms, so the last is not overshot, and a drain of
        // 2,000 takes tens of probes, not hundreds.
        await sleep(Math.min(200, Math.max(20, h.unhandled)));
      }
      receipts = receiptsTo(fake, fanIds);
    }
    for (; !ingest;) {
      if (fake.calls.length !== seenCalls) {
        seenCalls = fake.calls.length;
        lastChangeAt = Date.now();
        s1 = await child.stats();
      }
      copies = copiesOf(fake, fanIds, groupSet);
      receipts = receiptsTo(fake, fanIds);
      const copiedIds = new Set(copies.map((c) => `${c.payload.from_chat_id}:${c.payload.message_id}`));
      const fansReceipted = new Set(receipts.map((c) => Number(c.payload.chat_id))).size;
      if (copiedIds.size >= total && fansReceipted >= spec.fans && Date.now() - lastChangeAt >= quietMs)
        break;
      if (Date.now() > deadline) {
        log(
          `[${label}] gave up after ${timeoutMs} ms: ${copiedIds.size}/${total} copied, ` +
            `${receipts.length} receipts to ${fansReceipted}/${spec.fans} fans`,
        );
        break;
      }
      await sleep(50);
    }
    const parentCpu = process.cpuUsage(parent0);
    const pg1 = spec.engine === 'postgres' ? postgresCpuSeconds() : null;
    const backends1 = db ? await backendCpu(spec.serverUrl, db.name) : null;
    const backendSec = backends0 && backends1 ? backendCpuDelta(backends0, backends1) : null;
    const backendSecAtAck = backends0 && backendsAck ? backendCpuDelta(backends0, backendsAck) : null;

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
    if (handled) {
      // Not sent yet (paced): a message is taken in once charged, and charged once (the ledger's key).
      lost = Math.max(0, total - handled.charges);
      duplicated = Math.max(0, handled.charges - total);
      outOfOrder = 0;
    }
    const allRelayedMs = lost === 0 && !handled ? lastNeededCopyAt - load.firstPostAt : null;
    const allReceiptsMs = receipts.length ? Math.max(...receipts.map((c) => c.at)) - load.firstPostAt : null;
    const lastCallMs = fake.calls.length ? Math.max(...fake.calls.map((c) => c.at)) - load.firstPostAt : null;

    // Flood figures: group sends the fake accepted, and its 429s.
    const groupSendCalls = fake.calls.filter(
      (c) => c.ok && groupSet.has(Number(c.payload.chat_id)) && FLOOD_COUNTED_METHODS.has(c.method),
    );
    const groupSends = groupSendCalls.length;
    const first = groupSendCalls.length ? Math.min(...groupSendCalls.map((c) => c.at)) : 0;
    const last = groupSendCalls.length ? Math.max(...groupSendCalls.map((c) => c.at)) : 0;
    const spanMs = groupSends >= 2 ? last - first : null;
    // The budget of every group together: K × 20 per window.
    const perWindow = REAL_FLOOD_LIMITS.groupPerWindow * groupIds.length;
    const windows = spanMs !== null ? spanMs / groupWindowMs : null;
    // The group budget over the span, in sends (only meaningful when the fake enforces limits).
    // Null when everything fit in the first window's burst: no window was ever waited for.
    const budgetSends =
      spec.floodLimits && windows !== null && groupSends > perWindow && windows > 0
        ? windows * perWindow
        : null;
    const rejected = fake.calls.filter((c) => !c.ok && c.error?.error_code === 429);
    // Content first: fans' messages and their topics against the cards, pins and renders around them.
    const isContent = (c: RecordedCall) =>
      c.method === 'createForumTopic' ||
      (c.method === 'copyMessage' && fanIds.has(Number(c.payload.from_chat_id)));
    const lastContentAt = Math.max(...groupSendCalls.filter(isContent).map((c) => c.at), -Infinity);
    const whileContent = groupSendCalls.filter((c) => c.at <= lastContentAt);
    const contentShare = whileContent.length
      ? round(whileContent.filter(isContent).length / whileContent.length, 3)
      : null;
    const steady = whileContent.filter((c) => c.at > first + groupWindowMs);
    const contentShareSteady = steady.length
      ? round(steady.filter(isContent).length / steady.length, 3)
      : null;
    const chromeAfterContentMs = Number.isFinite(lastContentAt)
      ? Math.max(0, ...groupSendCalls.map((c) => c.at - lastContentAt))
      : null;
    // Info cards: the first message the bot sent into each topic it created; pinned or not.
    const resultOf = (c: RecordedCall) => c.result as { message_id?: number; message_thread_id?: number };
    const topics = fake
      .callsTo('createForumTopic')
      .filter((c) => c.ok && groupSet.has(Number(c.payload.chat_id)))
      .map((c) => ({ chat: Number(c.payload.chat_id), thread: resultOf(c).message_thread_id }));
    const pinned = new Set(groupIds.flatMap((id) => fake.pins(id).map((m) => `${id}:${m}`)));
    const cards = topics.map(({ chat, thread }) =>
      fake.calls.find(
        (c) =>
          c.ok &&
          c.method === 'sendMessage' &&
          c.payload.chat_id === chat &&
          c.payload.message_thread_id === thread,
      ),
    );
    const unpinnedCards =
      spec.engine === 'bare'
        ? 0
        : cards.filter((c) => !c || !pinned.has(`${String(c.payload.chat_id)}:${resultOf(c).message_id}`))
            .length;

    if (process.env.BENCH_DUMP_CALLS) dumpCalls(process.env.BENCH_DUMP_CALLS, label, fake, load.firstPostAt);
    const final = await child.stop();
    const perK = (sec: number) => round((sec / total) * 1000, 2);
    const result: RunResult = {
      phase: spec.phase,
      engine: spec.engine,
      label: spec.label ?? spec.engine,
      groupsAsked: groupIds.length,
      groupsServed: child.adminGroupIds.length,
      dataDir: useDataDir,
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
      allHandledMs: handled ? handled.atMs : null,
      allRelayedMs,
      allReceiptsMs,
      receiptsSent: receipts.length,
      lastCallMs,
      relayedPerSec: allRelayedMs ? round(total / (allRelayedMs / 1000), 1) : null,
      childCpuSec: round(cpuSec(s0, s1), 2),
      benchCpuSec: round((parentCpu.user + parentCpu.system) / 1e6, 2),
      childCpuSecPer1000: perK(cpuSec(s0, s1)),
      childCpuSecPer1000AtAck: perK(cpuSec(s0, sAck)),
      childSystemCpuSecPer1000: perK((s1.systemMicros - s0.systemMicros) / 1e6),
      backendCpuSecPer1000AtAck: backendSecAtAck !== null ? perK(backendSecAtAck) : null,
      backendCpuSec: backendSec !== null ? round(backendSec, 2) : null,
      backendCpuSecPer1000: backendSec !== null ? perK(backendSec) : null,
      postgresCpuSec: pg0 !== null && pg1 !== null ? round(pg1 - pg0, 2) : null,
      postgresCpuSecPer1000: pg0 !== null && pg1 !== null ? perK(pg1 - pg0) : null,
      peakRssMb: round(final.maxRssKb / 1024, 1),
      rssAtReadyMb: round(mb(child.readyStats.rssBytes), 1),
      rssAtEndMb: round(mb(s1.rssBytes), 1),
      peakMemory: final.peakMemory ?? null,
      topicsCreated: topics.length,
      unpinnedCards,
      groupSends,
      groupSpanMs: spanMs,
      groupGoodput: budgetSends !== null ? round(groupSends / budgetSends, 3) : null,
      groupGoodputSteady: budgetSends !== null ? round((groupSends - perWindow) / budgetSends, 3) : null,
      senderBudgetCeiling: spec.floodLimits ? round(groupWindowMs / senderWindowMs, 3) : null,
      contentShare,
      contentShareSteady,
      chromeAfterContentMs,
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
      // Per accepted message: a POST that failed was never acknowledged.
      profile: profileDir ? readProfile(profileDir, spec.engine, total - load.failures.length) : null,
    };
    log(`[${label}] done: ${JSON.stringify({ ...result, profile: undefined })}`);
    return result;
  } finally {
    if (child) await child.stop().catch((err: unknown) => log(`[${label}] child stop: ${String(err)}`));
    await fake.close();
    if (db) {
      await db.drop().catch((err: unknown) => log(`[${label}] drop ${db!.name}: ${String(err)}`));
      liveDatabases.delete(db);
    }
    for (const dir of [dataDir, keptProfileDir ? null : profileDir])
      if (dir) rmSync(dir, { recursive: true, force: true });
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

function grid(title: string, header: string[], body: string[][]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [`### ${title}`, '', line(header), sep, ...body.map(line), ''].join('\n');
}

function table(title: string, runs: RunResult[], rows: Array<[string, (r: RunResult) => string]>): string {
  return grid(
    title,
    ['', ...runs.map((r) => r.label)],
    rows.map(([name, f]) => [name, ...runs.map(f)]),
  );
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
  ['last receipt sent after (receipts sent)', (r) => `${show(r.allReceiptsMs, ' ms')} (${r.receiptsSent})`],
  ['everything sent (last Bot API call) after', (r) => show(r.lastCallMs, ' ms')],
  ['app CPU per 1,000, until the last ack', (r) => show(r.childCpuSecPer1000AtAck, ' s')],
  ['app CPU per 1,000, until all sent', (r) => show(r.childCpuSecPer1000, ' s')],
  ['  of it in the kernel (system time)', (r) => show(r.childSystemCpuSecPer1000, ' s')],
  ['PostgreSQL backends per 1,000, until the last ack', (r) => show(r.backendCpuSecPer1000AtAck, ' s')],
  ['PostgreSQL backends per 1,000, until all sent', (r) => show(r.backendCpuSecPer1000, ' s')],
  ['  whole PostgreSQL server, until all sent', (r) => show(r.postgresCpuSecPer1000, ' s')],
  ['bench process CPU (fake + load)', (r) => show(r.benchCpuSec, ' s')],
  ['app peak RSS', (r) => show(r.peakRssMb, ' MB')],
  ['app RSS ready → end', (r) => `${r.rssAtReadyMb} → ${r.rssAtEndMb} MB`],
  [
    '  at the sampled peak: V8 heap (used) / external (engine included) / engine',
    (r) =>
      r.peakMemory
        ? `${r.peakMemory.rssMb} MB: ${r.peakMemory.heapTotalMb} (${r.peakMemory.heapUsedMb}) / ${r.peakMemory.externalMb} / ${r.peakMemory.wasmMb} MB`
        : '—',
  ],
  [
    'database',
    (r) =>
      r.engine === 'bare'
        ? 'none'
        : r.engine === 'postgres'
          ? 'server'
          : r.dataDir
            ? 'fresh DATA_DIR'
            : 'memory',
  ],
  ['lost / duplicated / out of order', (r) => `${r.lost} / ${r.duplicated} / ${r.outOfOrder}`],
  ['topics created / cards left unpinned', (r) => `${r.topicsCreated} / ${r.unpinnedCards}`],
  [
    'webhook non-200 / app warn / error logs',
    (r) => `${r.webhookFailures} / ${r.childWarnings} / ${r.childErrors}`,
  ],
  ['load average (1 min) at start', (r) => show(r.loadavg1mAtStart)],
];

const ingestRows: Array<[string, (r: RunResult) => string]> = [
  ['messages (fans × per fan)', (r) => `${r.total} (${r.fans} × ${r.messages})`],
  ['accepted messages/s', (r) => show(r.acceptedPerSec)],
  ['ack p50 / p99', (r) => `${r.ackP50Ms} / ${r.ackP99Ms} ms`],
  ['all POSTs acknowledged after', (r) => show(r.postingMs, ' ms')],
  ['all handled (charged and queued) after', (r) => show(r.allHandledMs ?? r.postingMs, ' ms')],
  ['app CPU per 1,000, until the last ack', (r) => show(r.childCpuSecPer1000AtAck, ' s')],
  ['app CPU per 1,000, until all handled', (r) => show(r.childCpuSecPer1000, ' s')],
  ['  of it in the kernel (system time)', (r) => show(r.childSystemCpuSecPer1000, ' s')],
  ['PostgreSQL backends per 1,000, until all handled', (r) => show(r.backendCpuSecPer1000, ' s')],
  ['Bot API calls meanwhile (group sends / receipts)', (r) => `${r.groupSends} / ${r.receiptsSent}`],
  ['app peak RSS', (r) => show(r.peakRssMb, ' MB')],
  ['charged: missing / twice', (r) => `${r.lost} / ${r.duplicated}`],
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
  ['last receipt sent after (receipts sent)', (r) => `${show(r.allReceiptsMs, ' ms')} (${r.receiptsSent})`],
  [
    '429s (group / private)',
    (r) => `${r.tooManyRequests} (${r.tooManyRequestsGroup} / ${r.tooManyRequestsPrivate})`,
  ],
  ['early retries', (r) => show(r.earlyRetries)],
  ['lost', (r) => show(r.lost)],
  ['duplicated', (r) => show(r.duplicated)],
  ['out of order', (r) => show(r.outOfOrder)],
  ['topics created / cards left unpinned', (r) => `${r.topicsCreated} / ${r.unpinnedCards}`],
  [
    'group sends carrying content while it was owed (after the first window)',
    (r) => `${pct(r.contentShare)} (${pct(r.contentShareSteady)})`,
  ],
  [
    'last card or pin after the last content (at real limits)',
    (r) =>
      r.chromeAfterContentMs === null
        ? '—'
        : `${r.chromeAfterContentMs} ms (${round((r.chromeAfterContentMs * r.scale) / 1000, 1)} s)`,
  ],
  ['ack p50 / p99', (r) => `${r.ackP50Ms} / ${r.ackP99Ms} ms`],
  ['app CPU per 1,000 messages', (r) => show(r.childCpuSecPer1000, ' s')],
  ['app peak RSS', (r) => show(r.peakRssMb, ' MB')],
  [
    'webhook non-200 / app warn / error logs',
    (r) => `${r.webhookFailures} / ${r.childWarnings} / ${r.childErrors}`,
  ],
  ['load average (1 min) at start', (r) => show(r.loadavg1mAtStart)],
];

/** Issue 13's targets against the bare relay (informative: the exit code ignores them). */
const TARGETS = {
  postgres: { accepted: 0.5, appCpu: 2, appDbCpu: 4, p99: 2, rssMb: 200 },
  pglite: { accepted: 0.3, appCpu: 4, appDbCpu: 4, p99: 4, rssMb: 300 },
} as const;

interface Ratios {
  engine: 'pglite' | 'postgres';
  bare: string;
  accepted: number;
  p50: number;
  p99: number;
  appCpuAtAck: number;
  appCpu: number;
  appDbCpuAtAck: number;
  appDbCpu: number;
  rss: number;
  rssMb: number;
}

function ratiosOf(app: RunResult, bare: RunResult): Ratios {
  const engine = app.engine as 'pglite' | 'postgres';
  const r = (a: number, b: number) => round(a / b, 2);
  return {
    engine,
    bare: bare.label,
    accepted: r(app.acceptedPerSec, bare.acceptedPerSec),
    p50: r(app.ackP50Ms, bare.ackP50Ms),
    p99: r(app.ackP99Ms, bare.ackP99Ms),
    appCpuAtAck: r(app.childCpuSecPer1000AtAck, bare.childCpuSecPer1000AtAck),
    appCpu: r(app.childCpuSecPer1000, bare.childCpuSecPer1000),
    appDbCpuAtAck: r(
      app.childCpuSecPer1000AtAck + (app.backendCpuSecPer1000AtAck ?? 0),
      bare.childCpuSecPer1000AtAck,
    ),
    appDbCpu: r(app.childCpuSecPer1000 + (app.backendCpuSecPer1000 ?? 0), bare.childCpuSecPer1000),
    rss: r(app.peakRssMb, bare.peakRssMb),
    rssMb: app.peakRssMb,
  };
}

const mark = (ok: boolean) => (ok ? 'pass' : 'FAIL');

function ratioTable(
  all: Ratios[],
  span = 'until all sent',
  title = 'Ratios to the bare grammY relay, with issue 13 targets (informative)',
): string {
  const atLeast = (v: number, t: number) => `${v}× (≥ ${t}×: ${mark(v >= t)})`;
  const atMost = (v: number, t: number) => `${v}× (≤ ${t}×: ${mark(v <= t)})`;
  const rows: Array<[string, (x: Ratios) => string]> = [
    ['reference (bare relay run just before)', (x) => x.bare],
    ['accepted/s', (x) => atLeast(x.accepted, TARGETS[x.engine].accepted)],
    ['ack p50', (x) => `${x.p50}×`],
    ['ack p99', (x) => atMost(x.p99, TARGETS[x.engine].p99)],
    ['app CPU per message, until the last ack', (x) => `${x.appCpuAtAck}×`],
    [`app CPU per message, ${span}`, (x) => atMost(x.appCpu, TARGETS[x.engine].appCpu)],
    ['app + database CPU, until the last ack', (x) => `${x.appDbCpuAtAck}×`],
    [`app + database CPU, ${span}`, (x) => atMost(x.appDbCpu, TARGETS[x.engine].appDbCpu)],
    [
      'peak RSS',
      (x) =>
        `${x.rssMb} MB = ${x.rss}× (< ${TARGETS[x.engine].rssMb} MB: ${mark(x.rssMb < TARGETS[x.engine].rssMb)})`,
    ],
  ];
  return grid(
    title,
    ['', ...all.map((x) => x.engine)],
    rows.map(([name, f]) => [name, ...all.map(f)]),
  );
}

function profileReport(runs: RunResult[]): string[] {
  const out: string[] = [];
  const withProfile = runs.filter((r) => r.profile);
  if (!withProfile.length) return out;
  out.push(
    table('Profile: statements per accepted message (bench/query-profile.ts in the app)', withProfile, [
      ['messages', (r) => String(r.total)],
      [
        'webhook (the store, the claims it wakes) statements per message',
        (r) => show(r.profile!.perMessage.webhook),
      ],
      ["handler (the update's handling) statements per message", (r) => show(r.profile!.perMessage.handler)],
      ['background (sender, jobs) statements per message', (r) => show(r.profile!.perMessage.background)],
      [
        'all paths, statements per message',
        (r) =>
          show(
            round(
              PROFILE_PATHS.reduce((n, p) => n + r.profile!.perMessage[p], 0),
              2,
            ),
          ),
      ],
      [
        'statement time per message: webhook / handler / background',
        (r) => PROFILE_PATHS.map((p) => `${r.profile!.msPerMessage[p]}`).join(' / ') + ' ms',
      ],
      ['accepted messages/s (profiler on)', (r) => show(r.acceptedPerSec)],
      ['load average (1 min) at start', (r) => show(r.loadavg1mAtStart)],
    ]),
  );
  for (const r of withProfile) {
    for (const name of PROFILE_PATHS) {
      const top = r.profile!.top[name];
      out.push(
        `${r.engine}, ${name}: top statements by total time (total ms, count, avg ms)`,
        ...top.map(
          (s) =>
            `  ${String(s.ms).padStart(9)} ${String(s.count).padStart(6)} ${(s.ms / Math.max(1, s.count))
              .toFixed(2)
              .padStart(7)}  ${s.text}`,
        ),
        '',
      );
    }
  }
  return out;
}

// ------------------------------------------------------------------ main

class NotSupported extends Error {}

async function main(): Promise<number> {
  const engines: Array<'pglite' | 'postgres'> = [];
  for (const e of ENGINES) {
    if (e === 'pglite') engines.push(e);
    else if (e === 'postgres') {
      if (await serverAnswers(SERVER_URL)) engines.push(e);
      else log(`PostgreSQL at ${new URL(SERVER_URL).host} does not answer: skipping it`);
    } else throw new Error(`unknown engine "${e}" (pglite, postgres)`);
  }
  for (const phase of PHASES)
    if (!PHASE_NAMES.includes(phase as Phase))
      throw new Error(`unknown phase "${phase}" (${PHASE_NAMES.join(', ')})`);

  const results: RunResult[] = [];
  const ratios: Ratios[] = [];
  const ingestRatios: Ratios[] = [];
  const unsupported: string[] = [];
  const base = { scale: SCALE, serverUrl: SERVER_URL };
  const own = { fans: FANS, messages: MESSAGES, floodLimits: false, concurrency: CONCURRENCY ?? FANS };
  const limited = {
    fans: LIMITED_FANS,
    messages: LIMITED_MESSAGES,
    floodLimits: true,
    concurrency: CONCURRENCY ?? LIMITED_FANS,
  };
  for (const phase of PHASES as Phase[]) {
    for (const engine of engines) {
      if (phase === 'own-cost' || phase === 'ingest') {
        // The reference right before each engine: the machine's load drifts between runs.
        const paced = phase === 'ingest' ? { senderScale: 1 } : {};
        const bare = await runOnce({
          ...base,
          ...own,
          ...paced,
          phase,
          engine: 'bare',
          label: `bare (before ${engine})`,
        });
        const app = await runOnce({ ...base, ...own, ...paced, phase, engine });
        results.push(bare, app);
        (phase === 'ingest' ? ingestRatios : ratios).push(ratiosOf(app, bare));
      } else if (phase === 'real-limits') {
        results.push(await runOnce({ ...base, ...limited, phase, engine }));
      } else if (phase === 'ingest-profile') {
        // The ingest phase's load and span with the statement profiler: what handling a message costs.
        results.push(await runOnce({ ...base, ...own, senderScale: 1, phase, engine, profile: true }));
      } else if (phase === 'profile') {
        results.push(await runOnce({ ...base, ...own, phase, engine, profile: true }));
      } else {
        for (const k of GROUP_COUNTS) {
          const label = `${engine}, ${k} group${k > 1 ? 's' : ''}`;
          try {
            results.push(
              await runOnce({
                ...base,
                ...limited,
                fans: LIMITED_FANS * k,
                concurrency: CONCURRENCY ?? LIMITED_FANS * k,
                phase,
                engine,
                groups: k,
                label,
              }),
            );
          } catch (err) {
            if (!(err instanceof NotSupported)) throw err;
            log(`[groups/${label}] ${err.message}`);
            unsupported.push(`${label}: ${err.message}`);
          }
        }
      }
    }
  }

  const out: string[] = [''];
  const ownRuns = results.filter((r) => r.phase === 'own-cost');
  const ingestRuns = results.filter((r) => r.phase === 'ingest');
  const lim = results.filter((r) => r.phase === 'real-limits');
  const grp = results.filter((r) => r.phase === 'groups');
  if (ownRuns.length) {
    out.push(
      table(
        `Phase 1: own cost (fake flood limits off, sender budgets ×1000, one update in flight per fan)`,
        ownRuns,
        ownCostRows,
      ),
    );
    out.push(ratioTable(ratios));
    out.push(
      'CPU ratios divide by the bare relay\'s app CPU (it has no database); "until all sent" counts the ' +
        "app's work until every message was copied, every fan had a receipt and the Bot API went quiet " +
        "(1 s). PGlite's database CPU is the app's.",
      '',
    );
  }
  if (ingestRuns.length) {
    out.push(
      table(
        "Ingest: issue 13's measurement (fake flood limits off, the bot's own pacing on, one update in flight per fan)",
        ingestRuns,
        ingestRows,
      ),
    );
    out.push(
      ratioTable(
        ingestRatios,
        'until all handled',
        'Ingest: ratios to the bare grammY relay, with issue 13 targets (informative)',
      ),
    );
    out.push(
      '"Until all handled": the app\'s work until every stored update was handled (charged, and its relay ' +
        'and receipt queued), read the moment its inbound queue was empty; the bare relay handles each ' +
        'update (copies it) before it answers, so its figures at the last ack are all of its work. The ' +
        "paced sends after that are the idle and goodput figures' business.",
      '',
    );
  }
  const w = REAL_FLOOD_LIMITS.groupWindowMs / SCALE;
  const limitsTitle =
    `real limits scaled ×${SCALE} (group 20 per ${w} ms, private 1 per ${1000 / SCALE} ms, ` +
    `global 30 per ${1000 / SCALE} ms)`;
  if (lim.length) {
    out.push(table(`Phase 2: ${limitsTitle}`, lim, limitsRows));
    out.push(
      `Windows are divided by ${SCALE}; budgets (20 per group window, 1 per private, 30 global) are unchanged. ` +
        `A 429's retry_after is still whole seconds (≥ 1 s = ${SCALE} scaled seconds).`,
      '',
    );
  }
  out.push(...profileReport(results));
  if (grp.length || unsupported.length) {
    if (grp.length) {
      const one = new Map(grp.filter((r) => r.groupsAsked === 1).map((r) => [r.engine, r]));
      out.push(
        table(`Groups: ${limitsTitle}, K admin groups`, grp, [
          ['admin groups asked / served', (r) => `${r.groupsAsked} / ${r.groupsServed}`],
          ['messages (fans × per fan)', (r) => `${r.total} (${r.fans} × ${r.messages})`],
          ['group sends accepted', (r) => show(r.groupSends)],
          ['goodput, share of K × one group budget', (r) => pct(r.groupGoodput)],
          ['  same, without the first burst', (r) => pct(r.groupGoodputSteady)],
          [
            'group sends/s ÷ (K × one group run)',
            (r) => {
              const o = one.get(r.engine);
              if (!o || !o.groupSpanMs || !r.groupSpanMs) return '—';
              const rate = (x: RunResult) => x.groupSends / x.groupSpanMs!;
              const v = rate(r) / (r.groupsAsked * rate(o));
              return `${round(v, 2)} (≥ 0.9: ${mark(v >= 0.9)})`;
            },
          ],
          ['early retries / 429s', (r) => `${r.earlyRetries} / ${r.tooManyRequests}`],
          ['lost / duplicated / out of order', (r) => `${r.lost} / ${r.duplicated} / ${r.outOfOrder}`],
        ]),
      );
    }
    for (const u of unsupported) out.push(`groups: not supported: ${u}`);
    out.push('');
  }
  const failed = results.filter(
    (r) => r.lost || r.duplicated || r.outOfOrder || r.earlyRetries || r.webhookFailures,
  );
  for (const r of results.filter((x) => x.childLogSamples.length)) {
    out.push(`${r.phase}/${r.label} log samples:`, ...r.childLogSamples.map((s) => `  ${s}`), '');
  }
  out.push(
    failed.length
      ? `FAILED: ${failed.map((r) => `${r.phase}/${r.label}`).join(', ')} lost, duplicated, reordered or retried early`
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
        concurrency: CONCURRENCY ?? 'one per fan',
        pgliteMemory: PGLITE_MEMORY,
        fromDist: FROM_DIST,
      },
      ok: failed.length === 0,
      ratios,
      ingestRatios,
      unsupported,
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
