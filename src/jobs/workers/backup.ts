import type { Logger } from '../../logger.ts';
import { BACKSTOP_POLL_SECONDS, type Jobs } from '../boss.ts';
import { QUEUES } from '../queues.ts';

/** What one backup run reports (the composition root writes it: src/db/backup.ts). */
export interface BackupRun {
  name: string;
  bytes: number;
  rows: number;
  /** Older backups removed to keep the newest seven. */
  removed: string[];
}

/**
 * The embedded database's daily backup. A failure is logged and retried by pg-boss (3 times, 10 minutes
 * apart); the System screen shows the last backup's time, marked when it is more than a day old.
 */
export async function startBackupWorker(
  jobs: Jobs,
  backup: () => Promise<BackupRun>,
  logger: Logger,
): Promise<void> {
  await jobs.work(
    QUEUES.backup.name,
    { batchSize: 1, pollingIntervalSeconds: BACKSTOP_POLL_SECONDS.scheduled },
    async () => {
      try {
        const run = await backup();
        logger.info(run, 'backup written');
        return run;
      } catch (err) {
        logger.error({ err }, 'backup failed');
        throw err;
      }
    },
  );
}
