import type { JobsPort } from '../app/ports.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Jobs } from './boss.ts';

/**
 * The use cases' view of pg-boss, bound to one database handle: inside `uow.run` every job is part of
 * the transaction (the outbox pattern). Handles made without `jobs` (the sender's) cannot enqueue.
 */
export function jobsPort(jobs: Jobs | undefined, db: DbOrTx): JobsPort {
  const need = (): Jobs => {
    if (!jobs) throw new Error('no job queue on this database handle');
    return jobs;
  };
  return {
    async flushAlbumLater(job, delayMs) {
      // The queue's `short` policy keeps one waiting job per key: later items of the album add none.
      await need().send('albumFlush', job, {
        tx: db,
        // Seconds from the database's clock (pg-boss reads a number as an interval).
        startAfter: Math.max(0, delayMs) / 1000,
        singletonKey: `${job.direction}:${job.mediaGroupId}`,
      });
    },
  };
}
