import type {
  Access,
  DataExportFile,
  OutboxBacklog,
  RecordedError,
  SystemProbes,
  UnitOfWork,
} from '../../ports/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import { ERRORS_KEPT } from '../../system/error-log.ts';

export interface SystemDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  probes: SystemProbes | null;
}

export interface SystemReport {
  version: string;
  uptimeMs: number;
  stripeConfigured: boolean;
  database: Awaited<ReturnType<SystemProbes['database']>>;
  jobs: Awaited<ReturnType<SystemProbes['jobs']>>;
  webhook: Awaited<ReturnType<SystemProbes['webhook']>>;
  /** Stripe's answer to a cheap read call; null when Stripe is not configured. */
  stripe: { ok: true; ms: number } | { ok: false; error: string } | null;
  /**
   * The embedded database's last backup (null: none made yet) and whether it is overdue; null where
   * backups are not made here (PostgreSQL). The check itself failing counts as overdue with no backup.
   */
  backup: { last: { at: Date; bytes: number } | null; overdue: boolean } | null;
  /** Errors in the log (at most 20) and the newest one's time. */
  errors: { count: number; lastAt: Date | null };
  outbox: OutboxBacklog[];
  at: Date;
}

export type SystemResult =
  | { ok: true; report: SystemReport }
  | { ok: false; code: 'not_allowed' }
  /** No probes in this process (a CLI, a test without them). */
  | { ok: false; code: 'unavailable' };

/** Backups run daily: one older than this (a day and the retries' slack) is overdue. */
export const BACKUP_OVERDUE_MS = 26 * 3600_000;

/** The System screen: health of the database, the job queue, the outbox and Telegram; version, uptime. */
export async function systemReport(deps: SystemDeps, actorId: number): Promise<SystemResult> {
  if (!(await deps.access.can(actorId, 'system.view'))) return { ok: false, code: 'not_allowed' };
  const probes = deps.probes;
  if (!probes) return { ok: false, code: 'unavailable' };
  const now = deps.clock.now();
  const failed = (err: unknown) => ({
    ok: false as const,
    error: err instanceof Error ? err.message : String(err),
  });
  // Every probe answers for itself: a database that is down must not hide the webhook's state.
  const [database, jobs, webhook, stripe, outbox, errors, backup] = await Promise.all([
    probes.database().catch(failed),
    probes.jobs().catch(failed),
    probes.webhook().catch(failed),
    probes.stripeConfigured && probes.stripe ? probes.stripe().catch(failed) : Promise.resolve(null),
    deps.uow.repos.stats.outboxBacklog().catch(() => []),
    deps.uow.repos.errorLog.recent(ERRORS_KEPT).catch(() => []),
    probes.lastBackup ? backupState(probes.lastBackup(), now, probes.startedAt) : Promise.resolve(null),
  ]);
  return {
    ok: true,
    report: {
      version: probes.version,
      uptimeMs: Math.max(0, now.getTime() - probes.startedAt.getTime()),
      stripeConfigured: probes.stripeConfigured,
      database,
      jobs,
      webhook,
      stripe,
      backup,
      errors: { count: errors.length, lastAt: errors[0]?.at ?? null },
      outbox,
      at: now,
    },
  };
}

/**
 * Overdue: the last backup is older than a day (with slack), or there is none although the process has
 * run long enough for the daily one.
 */
async function backupState(
  last: Promise<{ at: Date; bytes: number } | null>,
  now: Date,
  startedAt: Date,
): Promise<NonNullable<SystemReport['backup']>> {
  const found = await last.catch(() => null);
  const since = found ? found.at.getTime() : startedAt.getTime();
  return { last: found, overdue: now.getTime() - since > BACKUP_OVERDUE_MS };
}

/** Telegram takes documents up to 50 MB from a bot; a bigger export stays on disk. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type ExportResult =
  | { ok: true; file: DataExportFile; sendable: boolean }
  | { ok: false; code: 'not_allowed' | 'unavailable' | 'busy' }
  | { ok: false; code: 'failed'; error: string };

/**
 * The whole database as one export file (owners: `data.export`). Audited, because it holds every fan's
 * data. Up to 50 MB the caller sends it as a document and removes it; above, it stays under
 * `DATA_DIR/exports`.
 */
export async function exportData(deps: SystemDeps, actorId: number): Promise<ExportResult> {
  if (!(await deps.access.can(actorId, 'data.export'))) return { ok: false, code: 'not_allowed' };
  if (!deps.probes?.exportData) return { ok: false, code: 'unavailable' };
  let file: DataExportFile;
  try {
    file = await deps.probes.exportData();
  } catch (err) {
    // The probe says so when another export of this process is still being written.
    if (err instanceof Error && err.name === 'ExportBusyError') return { ok: false, code: 'busy' };
    return { ok: false, code: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
  const sendable = file.bytes <= MAX_DOCUMENT_BYTES;
  await deps.uow.repos.admin.audit({
    actorId,
    userId: null,
    action: 'data_export',
    details: { rows: file.rows, tables: file.tables, bytes: file.bytes, kept: sendable ? null : file.path },
  });
  return { ok: true, file, sendable };
}

export type ErrorsResult =
  { ok: true; errors: RecordedError[]; at: Date } | { ok: false; code: 'not_allowed' };

/** The System screen's last errors (newest first), scrubbed when they were recorded. */
export async function recentErrors(deps: Omit<SystemDeps, 'probes'>, actorId: number): Promise<ErrorsResult> {
  if (!(await deps.access.can(actorId, 'system.view'))) return { ok: false, code: 'not_allowed' };
  return { ok: true, errors: await deps.uow.repos.errorLog.recent(ERRORS_KEPT), at: deps.clock.now() };
}
