import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/**
 * Removes saved cards in Stripe (after a dispute), one job per card. A failure is logged and thrown, so
 * pg-boss retries it with backoff; the last attempt also alerts the owners (in the use case).
 */
export async function startStripeDetachWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.stripeDetach.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      const data = QUEUES.stripeDetach.payload.parse(job.data);
      const last = job.retryCount >= job.retryLimit;
      try {
        const outcome = await services.billing.detachCard(data, { last });
        logger.info({ ...data, outcome }, 'saved card detached');
        return outcome;
      } catch (err) {
        logger.error(
          { err, ...data, attempt: job.retryCount + 1, of: job.retryLimit + 1 },
          last ? 'saved card could not be detached; owners alerted' : 'saved card detach failed; retried',
        );
        throw err;
      }
    },
  );
}
