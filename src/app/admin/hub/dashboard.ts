import { statWindows } from '../../../domain/stats/index.ts';
import type { Clock } from '../../../domain/shared/index.ts';
import type { Access, DashboardStats, UnitOfWork } from '../../ports/index.ts';
import { resolveSettings } from '../../system/settings.ts';

export interface DashboardDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
}

export type DashboardResult =
  { ok: true; stats: DashboardStats; timezone: string; at: Date } | { ok: false; code: 'not_allowed' };

/** The Dashboard: users, revenue per rail, messages, credits and the outbox, by local day (`timezone`). */
export async function dashboard(deps: DashboardDeps, actorId: number): Promise<DashboardResult> {
  if (!(await deps.access.can(actorId, 'stats.view'))) return { ok: false, code: 'not_allowed' };
  const { timezone } = resolveSettings(await deps.uow.repos.settings.all());
  const now = deps.clock.now();
  const stats = await deps.uow.repos.stats.dashboard(statWindows(now, timezone));
  return { ok: true, stats, timezone, at: now };
}
