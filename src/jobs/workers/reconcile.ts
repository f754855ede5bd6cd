import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** The daily reconciliation (48 hours), alerting each new mismatch once; a failed read is retried. */
export async function startReconcileWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.reconcile.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.scheduled },
    async () => {
      if (!services.reconcile.available) return { skipped: true };
      const result = await services.reconcile.alertNew();
      logger[result.mismatches > 0 ? 'warn' : 'info'](result, 'reconciliation done');
      return result;
    },
  );
}
