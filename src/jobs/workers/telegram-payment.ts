import type { JobResult } from 'pg-boss';
import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/**
 * Applies Telegram payment updates from the payment inbox (app/payment-inbox.ts). A failure is counted
 * on the row and retried with backoff; the last retry's failure marks the row failed and tells the
 * owners and the fan, so a payment is never dropped silently.
 */
export async function startTelegramPaymentWorker(
  jobs: Jobs,
  services: Services,
  logger: Logger,
): Promise<void> {
  await jobs.work(
    QUEUES.telegramPayment.name,
    {
      batchSize: 10,
      pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live,
      perJobResults: true,
      includeMetadata: true,
    },
    async (batch): Promise<JobResult[]> => {
      const results: JobResult[] = [];
      for (const job of batch) {
        const { inboxId } = QUEUES.telegramPayment.payload.parse(job.data);
        try {
          const outcome = await services.payments.applyUpdate(inboxId);
          logger.info({ inboxId, outcome }, 'telegram payment applied');
          results.push({ id: job.id, status: 'completed', output: { outcome } });
        } catch (err) {
          const error = err instanceof Error ? err.message : String(err);
          const final = job.retryCount >= job.retryLimit;
          logger.error({ err, inboxId, attempt: job.retryCount + 1, final }, 'telegram payment not applied');
          await (
            final
              ? services.payments.gaveUp({ inboxId, error })
              : services.payments.noteRetry({ inboxId, error })
          ).catch((e: unknown) => logger.error({ err: e, inboxId }, 'could not record the failure'));
          results.push({ id: job.id, status: 'failed', output: { message: error } });
        }
      }
      return results;
    },
  );
}
