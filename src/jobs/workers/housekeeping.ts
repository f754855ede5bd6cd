import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

export async function startHousekeepingWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.housekeeping.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.scheduled },
    async () => {
      const result = await services.runHousekeeping();
      logger.info(result, 'housekeeping done');
      return result;
    },
  );
}

/** The daily clearing of message texts past their retention (the message log, for /search). */
export async function startSearchRetentionWorker(
  jobs: Jobs,
  services: Services,
  logger: Logger,
): Promise<void> {
  await jobs.work(
    QUEUES.searchRetention.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.scheduled },
    async () => {
      const result = await services.search.pruneMessageTexts();
      logger.info(result, 'message texts past retention cleared');
      return result;
    },
  );
}
