import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** Album windows: each job checks one album and either hands it to the outbox or waits for the rest. */
export async function startAlbumFlushWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.albumFlush.name,
    // Woken when the album's window ends (Jobs.send): the poll is only a backstop.
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
    async ([job]) => {
      if (!job) return;
      const data = QUEUES.albumFlush.payload.parse(job.data);
      const result = await services.flushAlbum(data);
      if (result.status === 'flushed') logger.debug({ ...data, items: result.items }, 'album flushed');
      return result;
    },
  );
}
