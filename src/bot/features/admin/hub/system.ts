import type { SystemReport } from '../../../../app/admin/hub/index.ts';
import type { Context } from '../../../context.ts';
import { outboxLines, refreshRow, updatedLine } from './figures.ts';
import type { HubCategory } from './screen.ts';

/** System (owners and managers, read-only): health, version and uptime; Refresh asks again. */
export const systemCategory: HubCategory = {
  id: 'system',
  permission: 'system.view',
  titleKey: 'admin-hub-category-system',
  async screen(ctx, act, arg) {
    if (act !== 'main' || arg !== '0') return null;
    const res = await ctx.services.hub.system(ctx.from!.id);
    if (!res.ok)
      return {
        text: ctx.t(res.code === 'not_allowed' ? 'admin-hub-not-allowed' : 'admin-system-unavailable'),
        rows: [],
      };
    return { text: systemText(ctx, res.report), rows: [refreshRow(ctx, 'system')] };
  },
};

function systemText(ctx: Context, r: SystemReport): string {
  const db = r.database;
  const jobs = r.jobs;
  const hook = r.webhook;
  return [
    ctx.t('admin-system-title', { version: r.version, uptime: { duration: r.uptimeMs } }),
    '',
    db.ok
      ? ctx.t('admin-system-database-ok', { ms: db.ms })
      : ctx.t('admin-system-database-down', { error: db.error }),
    jobs.ok
      ? ctx.t('admin-system-jobs-ok', { ready: jobs.ready, deferred: jobs.deferred, active: jobs.active })
      : ctx.t('admin-system-jobs-down', { error: jobs.error }),
    hook === null
      ? ctx.t('admin-system-webhook-polling')
      : !hook.ok
        ? ctx.t('admin-system-webhook-down', { error: hook.error })
        : hook.lastError
          ? ctx.t('admin-system-webhook-error', {
              pending: hook.pending,
              error: hook.lastError,
              at: hook.lastErrorAt ?? r.at,
            })
          : ctx.t('admin-system-webhook-ok', { pending: hook.pending }),
    ctx.t(r.stripeConfigured ? 'admin-system-stripe-on' : 'admin-system-stripe-off'),
    '',
    ...outboxLines(ctx, r.outbox, r.at),
    '',
    updatedLine(ctx, r.at),
  ].join('\n');
}
