import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** `/refund`s of Stars payments whose answer was lost, asked again until Telegram answers. */
export async function startStarsRefundWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.starsRefund.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
    async ([job]) => {
      if (!job) return;
      const data = QUEUES.starsRefund.payload.parse(job.data);
      const outcome = await services.refunds.retryStarsRefund(data);
      logger.info({ paymentId: data.paymentId, outcome }, 'stars refund retried');
      return { outcome };
    },
  );
}
