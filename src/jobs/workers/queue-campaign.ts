import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** A confirmed campaign's audience, queued batch by batch (each its own transaction) until all is queued. */
export async function startCampaignQueueWorker(
  jobs: Jobs,
  services: Services,
  logger: Logger,
): Promise<void> {
  await jobs.work(
    QUEUES.campaignQueue.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
    async ([job]) => {
      if (!job) return;
      const { campaignId } = QUEUES.campaignQueue.payload.parse(job.data);
      let batches = 0;
      while (!(await services.campaigns.queueBatch(campaignId))) batches++;
      logger.info({ campaignId, batches: batches + 1 }, 'campaign queued');
      return { batches: batches + 1 };
    },
  );
}
