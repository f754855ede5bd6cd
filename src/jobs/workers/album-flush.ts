import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import type { Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** Album windows: each job checks one album and either hands it to the outbox or waits for the rest. */
export async function startAlbumFlushWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.boss.work(
    QUEUES.albumFlush.name,
    // Polled often: a delayed job is only picked up by polling, and albums should not linger.
    { batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      if (!job) return;
      const data = QUEUES.albumFlush.payload.parse(job.data);
      const result = await services.flushAlbum(data);
      if (result.status === 'flushed') logger.debug({ ...data, items: result.items }, 'album flushed');
      return result;
    },
  );
}
