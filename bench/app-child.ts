/**
 * The app under test, in its own process (so its CPU time and peak RSS are its own). Started by
 * bench/relay.ts with child_process.fork; configured from the environment like the real app, plus:
 *
 *   BENCH_SCALE  flood-budget scale for the outbox sender (defaultBudgets(scale); 1000 = effectively off)
 *   BENCH_BONUS  new_fan_bonus written to settings before start, so every fan can pay for its messages
 *
 * Without DATABASE_URL the app opens DATA_DIR (a fresh directory from the parent: the embedded database is
 * created out of process and reopened, as on a user's first `npm start`); BENCH_PGLITE_MEMORY=1 uses an
 * in-memory PGlite instead.
 *
 * BENCH_APP_FROM=dist runs the built app (dist/, from `npm run build`) instead of the sources.
 *
 * IPC: sends { type: 'ready', port, engine } once serving; answers { type: 'stats' } with a ChildStats;
 * { type: 'handled' } with the stored updates not yet handled and the charges taken (two counts), then
 * the stats;
 * { type: 'stop' } stops the app, closes the database, answers { type: 'stopped', stats } and exits.
 */
import type * as ConfigModule from '../src/config.ts';
import type * as ClientModule from '../src/db/client.ts';
import type * as ReposModule from '../src/db/repos/index.ts';
import type * as PolicyModule from '../src/app/outbox/policy.ts';
import type * as LoggerModule from '../src/logger.ts';
import type * as RedactModule from '../src/logging/redact.ts';
import type * as ServerModule from '../src/server.ts';
import type * as RuntimeFlagsModule from '../src/runtime-flags.ts';
import type { RunningApp } from '../src/server.ts';
import type { ChildStats, FromChild, PeakMemory, ToChild } from './ipc.ts';

/**
 * BENCH_APP_FROM=dist: the built app (`npm run build`, what `npm run start:prod` and the Docker image
 * run), imported as plain JavaScript; otherwise the sources through tsx (what `npm start` runs).
 */
const FROM_DIST = process.env.BENCH_APP_FROM === 'dist';
const load = <T>(path: string): Promise<T> =>
  import(FROM_DIST ? `../dist/${path}.js` : `../src/${path}.ts`) as Promise<T>;
const [
  { parseConfig },
  { migrateDatabase, openDatabase },
  { createUnitOfWork },
  { defaultBudgets },
  { createLogger },
  { secretValues },
  { startApp },
  { tuneHeap },
] = await Promise.all([
  load<typeof ConfigModule>('config'),
  load<typeof ClientModule>('db/client'),
  load<typeof ReposModule>('db/repos/index'),
  load<typeof PolicyModule>('app/outbox/policy'),
  load<typeof LoggerModule>('logger'),
  load<typeof RedactModule>('logging/redact'),
  load<typeof ServerModule>('server'),
  load<typeof RuntimeFlagsModule>('runtime-flags'),
]);

/** The embedded engine's WebAssembly memory, once the database is open (PGlite keeps it on `mod`). */
let wasmBytes = (): number => 0;
let peakMemory: PeakMemory | undefined;
const MB = 2 ** 20;
const round1 = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
/** Where the memory is when the resident set peaks: sampled, so the peak itself may fall between two. */
function sampleMemory(): void {
  const m = process.memoryUsage();
  if (peakMemory && m.rss / MB <= peakMemory.rssMb) return;
  peakMemory = {
    rssMb: round1(m.rss),
    heapTotalMb: round1(m.heapTotal),
    heapUsedMb: round1(m.heapUsed),
    externalMb: round1(m.external),
    wasmMb: round1(wasmBytes()),
  };
}
setInterval(sampleMemory, 250).unref();

function stats(): ChildStats {
  const cpu = process.cpuUsage();
  sampleMemory();
  return {
    userMicros: cpu.user,
    systemMicros: cpu.system,
    maxRssKb: process.resourceUsage().maxRSS,
    rssBytes: process.memoryUsage().rss,
    ...(peakMemory ? { peakMemory } : {}),
  };
}

function send(msg: FromChild): void {
  process.send?.(msg);
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/app-child.ts must be started with child_process.fork');
  tuneHeap(); // as src/main.ts does
  const config = parseConfig(process.env);
  const scale = Number(process.env.BENCH_SCALE ?? '1000');
  const bonus = Number(process.env.BENCH_BONUS ?? '0');
  const logger = createLogger({ level: config.logLevel, secrets: secretValues(config) });

  const memory = process.env.BENCH_PGLITE_MEMORY === '1';
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    dataDir: config.databaseUrl || memory ? null : config.dataDir,
  });
  if (database.engine === 'pglite') {
    const engine = database.pglite as unknown as { mod?: { wasmMemory?: { buffer: ArrayBufferLike } } };
    wasmBytes = () => engine.mod?.wasmMemory?.buffer.byteLength ?? 0;
  }
  let app: RunningApp | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await app?.stop();
      } finally {
        await database.close().catch(() => {});
      }
    })());

  process.on('message', (raw: ToChild) => {
    if (raw.type === 'stats') send({ type: 'stats', stats: stats() });
    else if (raw.type === 'handled') {
      database.pool
        .query<{ unhandled: number; charges: number }>(
          // Polled while the run is measured (bench/relay.ts: 1 ms per update left, 20–200 ms), so cheap: the charges (a scan of the ledger) are
          // counted only once nothing is left to handle.
          `with left_over as (select count(*)::int as n from inbound_updates)
           select n as unhandled,
                  case when n = 0 then (select count(*)::int from ledger_entries where reason = 'spend') else -1 end as charges
           from left_over`,
        )
        .then(
          ({ rows: [row] }) =>
            send({ type: 'handled', unhandled: row!.unhandled, charges: row!.charges, stats: stats() }),
          (err: unknown) =>
            send({ type: 'error', message: `handled: ${(err as Error)?.stack ?? String(err)}` }),
        );
    } else if (raw.type === 'stop') {
      stop().then(
        () => {
          send({ type: 'stopped', stats: stats() });
          process.disconnect();
          setTimeout(() => process.exit(0), 50).unref();
        },
        (err: unknown) => {
          send({ type: 'error', message: `stop failed: ${(err as Error)?.stack ?? String(err)}` });
          process.exit(1);
        },
      );
    }
  });
  // The parent died or hung up: do not linger.
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });

  await migrateDatabase(database);
  if (bonus > 0) await createUnitOfWork(database).repos.settings.set('new_fan_bonus', bonus, null);
  app = await startApp(config, logger, {
    database,
    hostname: '127.0.0.1',
    outbox: { budgets: defaultBudgets(scale) },
  });
  // The admin groups the app took from its config (ADMIN_GROUP_ID and ADMIN_GROUP_IDS).
  const adminGroupIds = config.adminGroupIds;
  send({ type: 'ready', port: app.port, engine: database.engine, stats: stats(), adminGroupIds });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: (err as Error)?.stack ?? String(err) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100).unref();
});
