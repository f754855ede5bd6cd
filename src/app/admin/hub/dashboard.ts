import { statWindows } from '../../../domain/stats/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import type { Access, DashboardStats, RecordedError, UnitOfWork } from '../../ports/index.ts';
import { resolveSettings } from '../../system/settings.ts';

export interface DashboardDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
}

export type DashboardResult =
  | {
      ok: true;
      stats: DashboardStats;
      timezone: string;
      at: Date;
      /** The newest error the update lifecycle caught (scrubbed), if any. */
      lastError: RecordedError | null;
    }
  | { ok: false; code: 'not_allowed' };

/** The Dashboard: users, revenue per rail, messages, credits and the outbox, by local day (`timezone`). */
export async function dashboard(deps: DashboardDeps, actorId: number): Promise<DashboardResult> {
  if (!(await deps.access.can(actorId, 'stats.view'))) return { ok: false, code: 'not_allowed' };
  const { timezone } = resolveSettings(await deps.uow.repos.settings.all());
  const now = deps.clock.now();
  const [stats, [lastError]] = await Promise.all([
    deps.uow.repos.stats.dashboard(statWindows(now, timezone)),
    deps.uow.repos.errorLog.recent(1),
  ]);
  return { ok: true, stats, timezone, at: now, lastError: lastError ?? null };
}
