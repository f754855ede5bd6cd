/** Starts bench/app-child.ts (or bench/bare-child.ts) in its own process and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ChildEngine, ChildStats, FromChild, Handled, ToChild } from './ipc.ts';
import { START_NODE_FLAGS } from '../src/runtime-flags.ts';

const CHILDREN = {
  app: fileURLToPath(new URL('./app-child.ts', import.meta.url)),
  bare: fileURLToPath(new URL('./bare-child.ts', import.meta.url)),
};
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** bench/app-child.ts as plain JavaScript next to the built app (see `buildAppChild`). */
const DIST_APP_CHILD = fileURLToPath(new URL('../dist/bench-app-child.mjs', import.meta.url));

/**
 * Writes bench/app-child.ts, transpiled, to dist/ (after `npm run build`): with BENCH_APP_FROM=dist the
 * app child then runs on plain node, as `npm run start:prod` does, without tsx's loader in the process.
 */
export function buildAppChild(): void {
  const source = readFileSync(CHILDREN.app, 'utf8');
  const out = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(DIST_APP_CHILD, out.outputText);
}

export interface ChildLog {
  /** pino lines at warn (40) or above, and anything on stderr. */
  warnings: number;
  errors: number;
  /** The first few such lines, to show in the report. */
  samples: string[];
}

export interface AppChild {
  port: number;
  engine: ChildEngine;
  pid: number;
  /** The admin groups the child serves (from its config). */
  adminGroupIds: number[];
  /** Stats as of readiness (after migrations and startup). */
  readyStats: ChildStats;
  log: ChildLog;
  stats(): Promise<ChildStats>;
  /** The app child only: stored updates not handled yet and charges taken, with the stats of that moment. */
  handled(): Promise<Handled>;
  /** Zeroes bench/query-profile.ts's counters in the child (when it was started with it). */
  profileReset(): void;
  /** Stops the app cleanly; resolves with the final stats. */
  stop(): Promise<ChildStats>;
}

export async function startAppChild(
  env: Record<string, string>,
  opts: { kind?: keyof typeof CHILDREN; execArgv?: string[] } = {},
): Promise<AppChild> {
  const fromDist = (opts.kind ?? 'app') === 'app' && env.BENCH_APP_FROM === 'dist';
  const proc: ChildProcess = fork(fromDist ? DIST_APP_CHILD : CHILDREN[opts.kind ?? 'app'], [], {
    cwd: ROOT,
    // BENCH_CHILD_ARGS adds node flags for the app only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    execArgv: [
      ...(fromDist ? START_NODE_FLAGS : ['--import', 'tsx']),
      ...(opts.execArgv ?? []),
      ...(process.env.BENCH_CHILD_ARGS ?? '').split(/\s+/).filter(Boolean),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log: ChildLog = { warnings: 0, errors: 0, samples: [] };
  const note = (line: string, level: number) => {
    if (level >= 50) log.errors++;
    else if (level >= 40) log.warnings++;
    else return;
    if (log.samples.length < 5) log.samples.push(line.slice(0, 400));
  };
  // BENCH_CHILD_LOG=<file> keeps the app's output lines (e.g. with BENCH_CHILD_ARGS=--trace-gc).
  const keep = process.env.BENCH_CHILD_LOG;
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (keep) appendFileSync(keep, `${line}\n`);
    let level = 30;
    try {
      level = Number((JSON.parse(line) as { level?: number }).level ?? 30);
    } catch {
      level = 40;
    }
    note(line, level);
  });
  createInterface({ input: proc.stderr! }).on('line', (line) => note(`stderr: ${line}`, 50));

  interface Waiter {
    type: FromChild['type'];
    resolve(m: FromChild): void;
    reject(e: Error): void;
  }
  const waiters: Waiter[] = [];
  let exited: Error | null = null;
  const failAll = (err: Error) => {
    exited = err;
    for (const w of waiters.splice(0)) w.reject(err);
  };
  proc.on('message', (msg: FromChild) => {
    if (msg.type === 'error') {
      failAll(new Error(`app child: ${msg.message}`));
      return;
    }
    const i = waiters.findIndex((w) => w.type === msg.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
  });
  proc.on('exit', (code, signal) => {
    if (!exited) failAll(new Error(`app child exited (code ${code}, signal ${signal})`));
  });

  const next = <T extends FromChild['type']>(
    type: T,
    timeoutMs = 60_000,
  ): Promise<Extract<FromChild, { type: T }>> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      const timer = setTimeout(
        () => reject(new Error(`app child: no ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const waiter: Waiter = {
        type,
        resolve: (m: FromChild) => {
          clearTimeout(timer);
          resolve(m as Extract<FromChild, { type: T }>);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      waiters.push(waiter);
    });
  const post = (msg: ToChild) => proc.send(msg);

  let ready;
  try {
    ready = await next('ready', 120_000);
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`${(err as Error).message}${log.samples.length ? `\n${log.samples.join('\n')}` : ''}`);
  }
  let stopped: Promise<ChildStats> | null = null;
  return {
    port: ready.port,
    engine: ready.engine,
    pid: proc.pid!,
    adminGroupIds: ready.adminGroupIds ?? [],
    readyStats: ready.stats,
    log,
    async stats() {
      const reply = next('stats', 10_000);
      post({ type: 'stats' });
      return (await reply).stats;
    },
    async handled() {
      const reply = next('handled', 10_000);
      post({ type: 'handled' });
      const { unhandled, charges, stats } = await reply;
      return { unhandled, charges, stats };
    },
    profileReset() {
      post({ type: 'profile-reset' });
    },
    stop() {
      return (stopped ??= (async () => {
        const reply = next('stopped', 60_000);
        const gone = new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) resolve();
          else proc.once('exit', () => resolve());
        });
        post({ type: 'stop' });
        try {
          const { stats } = await reply;
          await gone;
          return stats;
        } catch (err) {
          proc.kill('SIGKILL');
          throw err;
        }
      })());
    },
  };
}

/**
 * The environment of an app child in webhook mode against the fake Bot API, with one admin group and one
 * owner, Stripe off and warnings only; `extra` adds to it or overrides it.
 */
export function webhookAppEnv(opts: {
  fake: { token: string; apiRoot: string };
  secret: string;
  groupId: number;
  ownerId: number;
  databaseUrl?: string | undefined;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    BOT_TOKEN: opts.fake.token,
    TELEGRAM_API_ROOT: opts.fake.apiRoot,
    WEBHOOK_URL: 'https://bot.example.com',
    WEBHOOK_SECRET: opts.secret,
    PORT: '0',
    ADMIN_GROUP_ID: String(opts.groupId),
    ADMIN_USER_IDS: String(opts.ownerId),
    DATABASE_URL: opts.databaseUrl ?? '',
    STRIPE_SECRET_KEY: '',
    STRIPE_WEBHOOK_SECRET: '',
    LOG_LEVEL: 'warn',
    ...opts.extra,
  };
}
