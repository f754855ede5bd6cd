/** A throwaway PostgreSQL database for one benchmark run, and the PostgreSQL server's CPU time. */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { defaultBudgets } from '../src/app/outbox/policy.ts';
import type { Db } from '../src/db/client.ts';
import { outboxDispatch } from '../src/db/repos/outbox.ts';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** True when the server answers within `timeoutMs`. */
export async function serverAnswers(serverUrl: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `fb_bench_<random>` on the server of `serverUrl`; `drop()` removes it (forcing sessions off). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `fb_bench_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * CPU seconds used so far by every process named `postgres` on this machine (the server is local
 * here): utime+stime of the live ones plus cutime+cstime (backends that already exited, reaped by
 * the postmaster). Null when /proc shows none (a remote server, or no permission). Server-wide: other
 * databases' work on the same server is counted too.
 */
export function postgresCpuSeconds(): number | null {
  const hz = 100; // USER_HZ; 100 on Linux x86-64
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    if (stat.slice(open + 1, close) !== 'postgres') continue;
    // Fields after ")": state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17).
    const f = stat.slice(close + 2).split(' ');
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    found = true;
  }
  return found ? ticks / hz : null;
}

/** CPU seconds (utime+stime) of one process from /proc, or null when it cannot be read. */
function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * CPU seconds so far of each backend connected to database `name` (by pid), read from /proc. Take it
 * before and after: a backend that appears in between started from zero; one that exits in between is
 * lost (the app's pools keep theirs for the whole phase).
 */
export async function backendCpu(serverUrl: string, name: string): Promise<Map<number, number>> {
  const rows = await admin(serverUrl, async (c) => {
    const r = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name]);
    return r.rows;
  });
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const s = processCpuSeconds(pid);
    if (s !== null) out.set(pid, s);
  }
  return out;
}

/** CPU used between two backendCpu samples. */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}

/**
 * `runs` outbox claims with every lane in `excludeLanes` left out, so nothing is taken and the backlog
 * stays as it is: the query work the sender pays on every claim (bench:claim, bench:vacuum). Sorted, in ms.
 */
export async function claimTimes(db: Db, excludeLanes: string[], runs: number): Promise<number[]> {
  const store = outboxDispatch(db);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await store.claim({
      limit: 8,
      now: new Date(),
      leaseMs: 30_000,
      budgets: defaultBudgets(1000),
      excludeLanes,
    });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}
