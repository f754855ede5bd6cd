import type { Services } from '../../app/services.ts';
import type { Logger } from '../../logger.ts';
import type { Jobs } from '../boss.ts';
import { startAlbumFlushWorker } from './album-flush.ts';
import { startBackupWorker, type BackupRun } from './backup.ts';
import { startMaintenanceWorker } from './maintenance.ts';
import type { MaintenanceRun } from '../../db/maintenance.ts';
import { startHousekeepingWorker, startSearchRetentionWorker } from './housekeeping.ts';
import { startPassNoticeWorker } from './pass-notice.ts';
import { startStripeEventWorker, type StripeEventMapper } from './stripe-event.ts';
import { startAutoRechargeWorker } from './auto-recharge.ts';
import { startStarsRefundWorker } from './stars-refund.ts';
import { startTelegramPaymentWorker } from './telegram-payment.ts';
import { startStripeDetachWorker } from './stripe-detach.ts';
import { startCampaignQueueWorker } from './queue-campaign.ts';
import { startReconcileWorker } from './reconcile.ts';

export interface WorkerDeps {
  jobs: Jobs;
  services: Services;
  logger: Logger;
  /** Stripe's event reduced to what the app acts on (integrations/stripe/events.ts, wired by the root). */
  toBillingEvent: StripeEventMapper;
  /** Writes the embedded database's backup; null on PostgreSQL (back it up with pg_dump). */
  backup?: (() => Promise<BackupRun>) | null;
  /** The embedded database's autovacuum pass; null on PostgreSQL (its own autovacuum runs). */
  maintain?: (() => Promise<MaintenanceRun | null>) | null;
}

export async function startWorkers(deps: WorkerDeps): Promise<void> {
  await startHousekeepingWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'housekeeping' }));
  await startSearchRetentionWorker(
    deps.jobs,
    deps.services,
    deps.logger.child({ worker: 'search-retention' }),
  );
  await startAlbumFlushWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'album-flush' }));
  await startPassNoticeWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'pass-notice' }));
  await startStripeEventWorker(
    deps.jobs,
    deps.services,
    deps.logger.child({ worker: 'stripe-event' }),
    deps.toBillingEvent,
  );
  await startAutoRechargeWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'auto-recharge' }));
  await startTelegramPaymentWorker(
    deps.jobs,
    deps.services,
    deps.logger.child({ worker: 'telegram-payment' }),
  );
  await startStarsRefundWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'stars-refund' }));
  await startStripeDetachWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'stripe-detach' }));
  if (deps.backup) await startBackupWorker(deps.jobs, deps.backup, deps.logger.child({ worker: 'backup' }));
  if (deps.maintain)
    await startMaintenanceWorker(deps.jobs, deps.maintain, deps.logger.child({ worker: 'maintenance' }));
  await startCampaignQueueWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'queue-campaign' }));
  await startReconcileWorker(deps.jobs, deps.services, deps.logger.child({ worker: 'reconcile' }));
}
