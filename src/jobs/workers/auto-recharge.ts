import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** Off-session auto-recharges, one job per trigger (the debit that crossed the fan's threshold). */
export async function startAutoRechargeWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.autoRecharge.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
    async ([job]) => {
      if (!job) return;
      const data = QUEUES.autoRecharge.payload.parse(job.data);
      const outcome = await services.autoRecharge.run(data);
      logger.info({ ...data, outcome }, 'auto-recharge');
      return outcome;
    },
  );
}
