import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** Time-pass notices at their scheduled moments (durable: they survive restarts). */
export async function startPassNoticeWorker(jobs: Jobs, services: Services, logger: Logger): Promise<void> {
  await jobs.work(
    QUEUES.passNotice.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.live },
    async ([job]) => {
      if (!job) return;
      const data = QUEUES.passNotice.payload.parse(job.data);
      const result = await services.sendPassNotice(data);
      logger.debug({ ...data, result }, 'pass notice');
      return result;
    },
  );
}
