/**
 * Memory at ready of the app run three ways: through tsx (`tsx src/main.ts`, as `npm run dev` does), built
 * on plain node without flags, and built with START_NODE_FLAGS (what `npm start`, `npm run start:prod`
 * and the Docker image run): `npm run bench:rss [-- --runs 2 --settle 5]`. Needs `npm run build` first.
 *
 * Each start is the real command in its own process, polling the fake Bot API (test/support/fake-telegram,
 * run here), on a database prepared before the clock (an embedded DATA_DIR created and migrated once;
 * a fresh PostgreSQL database `fb_bench_<random>` migrated once, when one answers on 127.0.0.1:5432).
 * Once `GET /health` answers 200 (ready), it waits `--settle` seconds and reads the resident set of the
 * whole process tree from /proc (`tsx` runs the app in a child node process with its loader: both count),
 * then stops it with SIGTERM. Prints a table with the load average at each reading, and one JSON line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { migrateDatabase, openDatabase } from '../src/db/client.ts';
import { START_NODE_FLAGS } from '../src/runtime-flags.ts';
import { startFakeTelegram } from '../test/support/fake-telegram/index.ts';
import { createBenchDatabase, DEFAULT_SERVER_URL, serverAnswers } from './database.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '2' },
    settle: { type: 'string', default: '5' },
    server: { type: 'string', default: DEFAULT_SERVER_URL },
  },
});
const RUNS = Number(args.runs);
const SETTLE_MS = Number(args.settle) * 1000;

const COMMANDS = {
  'tsx src/main.ts': [join(ROOT, 'node_modules/.bin/tsx'), 'src/main.ts'],
  'node dist, no flags': [process.execPath, 'dist/main.js'],
  'npm start (node dist)': [process.execPath, ...START_NODE_FLAGS, 'dist/main.js'],
} as const;

/** Resident set (kB) of `pid` and all its descendants, from /proc. */
function treeRssKb(pid: number): number {
  let kb = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) kb += treeRssKb(Number(child));
  }
  return kb;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

async function measure(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const state: { exited: number | null } = { exited: null };
  child.on('exit', (code) => (state.exited = code ?? 1));
  for (;;) {
    if (state.exited !== null) throw new Error(`exited ${state.exited} before ready: ${stderr.slice(-500)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const readyMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const rssMb = treeRssKb(child.pid!) / 1024;
  const load = loadavg()[0]!;
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { readyMs, rssMb, load };
}

async function main() {
  const fake = await startFakeTelegram();
  const base = { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_USER_IDS: '900001' };
  const dir = mkdtempSync(join(tmpdir(), 'fb-rss-'));
  const engines: Array<{ name: string; env: Record<string, string>; drop?: () => Promise<void> }> = [];
  const embedded = await openDatabase({ databaseUrl: null, dataDir: dir });
  await migrateDatabase(embedded);
  await embedded.close();
  engines.push({ name: 'PGlite (DATA_DIR)', env: { DATA_DIR: dir } });
  if (await serverAnswers(args.server)) {
    const db = await createBenchDatabase(args.server);
    const pgDb = await openDatabase({ databaseUrl: db.url, dataDir: null });
    await migrateDatabase(pgDb);
    await pgDb.close();
    engines.push({ name: 'PostgreSQL', env: { DATABASE_URL: db.url, DATA_DIR: dir }, drop: () => db.drop() });
  }
  const rows: Array<Record<string, string | number>> = [];
  try {
    for (const engine of engines)
      for (let run = 1; run <= RUNS; run++)
        for (const [label, argv] of Object.entries(COMMANDS)) {
          const m = await measure(argv, { ...base, ...engine.env });
          rows.push({
            engine: engine.name,
            command: label,
            run,
            readyS: Number((m.readyMs / 1000).toFixed(1)),
            rssMb: Math.round(m.rssMb),
            load1: Number(m.load.toFixed(2)),
          });
          const r = rows.at(-1)!;
          process.stdout.write(
            `${String(r.engine).padEnd(18)} ${String(r.command).padEnd(24)} run ${run}  ready ${r.readyS} s  RSS ${r.rssMb} MB  load ${r.load1}\n`,
          );
        }
  } finally {
    for (const e of engines) await e.drop?.();
    rmSync(dir, { recursive: true, force: true });
    await fake.close();
  }
  process.stdout.write(`${JSON.stringify({ bench: 'start-rss', settleS: SETTLE_MS / 1000, rows })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:rss failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
