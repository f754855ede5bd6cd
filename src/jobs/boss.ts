import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite, type SendOptions } from 'pg-boss';
import type { Database, DbOrTx } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { QUEUES, SCHEDULES } from './queues.ts';

type QueueKey = keyof typeof QUEUES;

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
    options?: SendOptions & { tx?: DbOrTx },
  ): Promise<string | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss on the app's own database: its PGlite adapter when embedded, its own pool on PostgreSQL. */
export function createJobs(database: Database, logger: Logger): Jobs {
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({
          connectionString: database.url,
          schema: 'pgboss',
          max: 4,
          application_name: 'fanbridge-jobs',
        });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  boss.on('warning', (w) => logger.warn({ warning: w }, 'job queue warning'));

  let started = false;
  return {
    boss,
    async send(queue, data, options = {}) {
      const { tx, ...rest } = options;
      const def = QUEUES[queue];
      const payload = def.payload.parse(data) as object;
      return boss.send(def.name, payload, tx ? { ...rest, db: fromDrizzle(tx as never, sql) } : rest);
    },
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
      // Graceful: running handlers finish (bounded) before the database closes under them.
      await boss.stop({ graceful: true, timeout: 15_000, close: true });
    },
  };
}
