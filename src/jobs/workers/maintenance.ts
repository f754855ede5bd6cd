import type { MaintenanceRun } from '../../db/maintenance.ts';
import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/**
 * The embedded database's autovacuum, every minute (src/db/maintenance.ts). A pass that only read the
 * statistics logs at debug; one that vacuumed or analyzed tables, or checkpointed, says what, and how long
 * it held the engine. A failure is logged; the next minute's pass tries again.
 */
export async function startMaintenanceWorker(
  jobs: Jobs,
  maintain: () => Promise<MaintenanceRun | null>,
  logger: Logger,
): Promise<void> {
  await jobs.work(
    QUEUES.maintenance.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.scheduled },
    async () => {
      try {
        const run = await maintain();
        if (run && (run.vacuumed.length > 0 || run.analyzed.length > 0 || run.checkpointed !== null))
          logger.info(run, 'database maintained');
        else logger.debug(run ?? {}, 'database maintenance: nothing due');
        return run;
      } catch (err) {
        logger.error({ err }, 'database maintenance failed');
        throw err;
      }
    },
  );
}
