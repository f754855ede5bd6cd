import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { PgBoss, fromDrizzle, type Db as BossDb, type SendOptions } from 'pg-boss';
import type { Database, DbOrTx } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { QUEUES, SCHEDULES } from './queues.ts';

type QueueKey = keyof typeof QUEUES;

/**
 * How often an idle worker looks for jobs nobody told it about: jobs another replica queued, delayed
 * jobs that were due while this process was down, retries, the cron's jobs. A job this process queues
 * wakes its worker directly (`Jobs.send`, after the commit, or when a delayed job falls due).
 */
export const BACKSTOP_POLL_SECONDS = { live: 10, scheduled: 30 } as const;

/** A wake for a delayed job lands this long after it is due (the database's clock may lag ours a little). */
const DUE_SLACK_MS = 100;
/** Timers longer than this are not set (Node caps them near 24.8 days): the backstop poll finds the job. */
const MAX_WAKE_DELAY_MS = 2 ** 31 - 1;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface Jobs {
  readonly boss: PgBoss;
  /**
   * Enqueues a job. Pass the open transaction to make the job part of it (the outbox pattern): it
   * exists if and only if the state change commits.
   */
  send<K extends QueueKey>(
    queue: K,
    data: (typeof QUEUES)[K]['payload']['_zod']['input'],
    options?: SendOptions & {
      tx?: DbOrTx;
      /** Runs the worker's wake once the transaction `tx` committed (without it, the job waits for a poll). */
      afterCommit?: (fn: () => void) => void;
    },
  ): Promise<string | null>;
  /**
   * `boss.work`, remembering the worker so that `send` can wake it: every worker of the app is started
   * through here. Workers poll only as a backstop (`BACKSTOP_POLL_SECONDS`).
   */
  work: PgBoss['work'];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss's own pollers, slowed: the cron's job worker (the schedules are daily or every 15 minutes) and
 * the flow resolver (job dependencies, which the app does not use).
 */
const QUIET = { cronWorkerIntervalSeconds: 30, flowIntervalSeconds: 60 } as const;

/** Milliseconds until a job sent with this `startAfter` is due (0: now). */
function dueIn(startAfter: SendOptions['startAfter']): number {
  if (startAfter === undefined) return 0;
  if (typeof startAfter === 'number') return startAfter * 1000;
  const at = typeof startAfter === 'string' ? Date.parse(startAfter) : startAfter.getTime();
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : 0;
}

/**
 * pg-boss on the embedded engine's one connection (the app's own pool, so its statements wait their turn
 * like the app's). A failed multi-statement block (pg-boss's `BEGIN … COMMIT` strings) would leave the
 * session in an aborted transaction: it is rolled back before the connection is handed on, as a pooled
 * driver would drop the connection.
 */
function embeddedBossDb(pool: pg.Pool): BossDb {
  return {
    async executeSql(text, values) {
      const client = await pool.connect();
      try {
        return values?.length ? await client.query(text, values) : await client.query(text);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

/** pg-boss on the app's own database: the embedded engine's connection, or its own pool on PostgreSQL. */
export function createJobs(database: Database, logger: Logger): Jobs {
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({ db: embeddedBossDb(database.pool), backend: 'pglite', schema: 'pgboss', ...QUIET })
      : new PgBoss({
          connectionString: database.url,
          schema: 'pgboss',
          max: 4,
          application_name: 'fanbridge-jobs',
          ...QUIET,
        });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  boss.on('warning', (w) => logger.warn({ warning: w }, 'job queue warning'));

  let started = false;
  const workers = new Map<string, string[]>();
  const timers = new Set<NodeJS.Timeout>();
  /** Wakes this process's workers of `queue` now, or when a job delayed by `delayMs` falls due. */
  const wake = (queue: string, delayMs = 0): void => {
    const ids = workers.get(queue);
    if (!ids || !started) return;
    const now = () => {
      if (started) for (const id of ids) boss.notifyWorker(id);
    };
    if (delayMs <= 0) return now();
    if (delayMs > MAX_WAKE_DELAY_MS) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      now();
    }, delayMs + DUE_SLACK_MS);
    timer.unref();
    timers.add(timer);
  };
  /**
   * Follows the queue's next due job in the database (delayed or to be retried), whoever queued it: a
   * timer wakes the workers then and looks for the next. What this process did not queue (jobs from
   * before a restart, or another replica's) then runs when due rather than at the next backstop poll.
   * One timer per queue; it reads pg-boss's job table (one indexed `min`).
   */
  const following = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  const follow = async (name: string): Promise<void> => {
    if (!started) return;
    let ms: number;
    try {
      const res = (await database.db.execute(
        sql`select (extract(epoch from min(start_after) - now()) * 1000)::float8 as ms from pgboss.job
            where name = ${name} and state < 'active' and start_after > now()`,
      )) as { rows: Array<{ ms: number | string | null }> };
      ms = Number(res.rows[0]?.ms ?? Number.NaN);
    } catch (err) {
      logger.debug({ err, queue: name }, 'could not read the next due job (the poll finds it)');
      return;
    }
    if (!started || !Number.isFinite(ms) || ms > MAX_WAKE_DELAY_MS) return;
    const at = Date.now() + Math.max(0, ms);
    const current = following.get(name);
    if (current && current.at <= at) return;
    if (current) clearTimeout(current.timer);
    const timer = setTimeout(
      () => {
        following.delete(name);
        wake(name);
        void follow(name);
      },
      Math.max(0, ms) + DUE_SLACK_MS,
    );
    timer.unref();
    following.set(name, { at, timer });
  };
  const bossWork = boss.work.bind(boss) as (name: string, ...rest: unknown[]) => Promise<string>;
  const work = (async (name: string, ...rest: unknown[]) => {
    const retryDelayMs =
      ((Object.values(QUEUES).find((q) => q.name === name)?.options as { retryDelay?: number } | undefined)
        ?.retryDelay ?? 0) * 1000;
    const handler = rest.pop() as (jobs: unknown) => Promise<unknown>;
    // A failed job is retried after its queue's delay: wake then, and follow its retry's due time once
    // pg-boss has written it (a backoff's longer waits).
    const retried = () => {
      wake(name, retryDelayMs);
      const t = setTimeout(() => {
        timers.delete(t);
        void follow(name);
      }, 1000);
      t.unref();
      timers.add(t);
    };
    const wrapped = async (jobs: unknown) => {
      try {
        const result = await handler(jobs);
        // Per-job results: a failed one is retried like a thrown error.
        if (
          Array.isArray(result) &&
          result.some((r) => (r as { status?: string } | null)?.status === 'failed')
        )
          retried();
        return result;
      } catch (err) {
        retried();
        throw err;
      }
    };
    const id = await bossWork(name, ...rest, wrapped);
    workers.set(name, [...(workers.get(name) ?? []), id]);
    void follow(name);
    return id;
  }) as PgBoss['work'];
  return {
    boss,
    async send(queue, data, options = {}) {
      const { tx, afterCommit, ...rest } = options;
      const def = QUEUES[queue];
      const payload = def.payload.parse(data) as object;
      const id = await boss.send(
        def.name,
        payload,
        tx ? { ...rest, db: fromDrizzle(tx as never, sql) } : rest,
      );
      const delayMs = dueIn(rest.startAfter);
      const go = () => wake(def.name, delayMs);
      if (afterCommit) afterCommit(go);
      else if (!tx) go();
      return id;
    },
    work,
    async start() {
      await boss.start();
      started = true;
      for (const def of Object.values(QUEUES)) {
        await boss.createQueue(def.name, def.options);
        // Warm pg-boss's queue cache now. A cold cache is filled by a query on pg-boss's own handle; on
        // PGlite (one connection) that query waits behind the open transaction of the first enqueue
        // made inside one, which waits for it: a deadlock. Deleting a job that cannot exist fills the
        // cache through the same lookup and changes nothing.
        await boss.deleteJob(def.name, NIL_UUID);
      }
      for (const s of SCHEDULES) {
        // A schedule that does not apply to this engine is removed (a database that changed engine).
        if (s.engines && !s.engines.includes(database.engine)) await boss.unschedule(s.queue);
        else await boss.schedule(s.queue, s.cron, {}, { tz: 'UTC' });
      }
    },
    async stop() {
      if (!started) return;
      started = false;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const f of following.values()) clearTimeout(f.timer);
      following.clear();
      // Graceful: running handlers finish (bounded) before the database closes under them.
      await boss.stop({ graceful: true, timeout: 15_000, close: true });
    },
  };
}
