import type { DashboardStats, Windowed } from '../../../../app/ports/index.ts';
import type { Context } from '../../../context.ts';
import { outboxLines, refreshRow, updatedLine } from './figures.ts';
import type { HubCategory } from './screen.ts';
import { lastErrorLine } from './system.ts';

/** Dashboard (stats.view): the line's figures by local day (the `timezone` setting); Refresh counts again. */
export const dashboardCategory: HubCategory = {
  id: 'dashboard',
  permission: 'stats.view',
  titleKey: 'admin-hub-category-dashboard',
  async screen(ctx, act, arg) {
    if (act !== 'main' || arg !== '0') return null;
    const res = await ctx.services.hub.dashboard(ctx.from!.id);
    if (!res.ok) return { text: ctx.t('admin-hub-not-allowed'), rows: [] };
    return {
      text: [
        ctx.t('admin-dashboard-title', { timezone: res.timezone }),
        '',
        ...dashboardLines(ctx, res.stats),
        '',
        ...outboxLines(ctx, res.stats.outbox, res.at),
        lastErrorLine(ctx, res.lastError),
        '',
        updatedLine(ctx, res.at),
      ].join('\n'),
      rows: [refreshRow(ctx, 'dashboard')],
    };
  },
};

const w = (x: Windowed) => ({ today: x.today, week: x.days7, month: x.days30 });

function dashboardLines(ctx: Context, s: DashboardStats): string[] {
  const money = (minor: number, currency: string) => ({ money: { minor, currency } });
  return [
    ctx.t('admin-dashboard-users', {
      total: s.users.total,
      ...w(s.users.newUsers),
      active: s.users.active7,
      paying: s.users.paying,
    }),
    '',
    ctx.t('admin-dashboard-revenue-title'),
    ctx.t('admin-dashboard-revenue-stars', w(s.revenue.stars)),
    ...(s.revenue.card.length === 0
      ? [ctx.t('admin-dashboard-revenue-card-none')]
      : s.revenue.card.map((c) =>
          ctx.t('admin-dashboard-revenue-card', {
            today: money(c.today, c.currency),
            week: money(c.days7, c.currency),
            month: money(c.days30, c.currency),
          }),
        )),
    '',
    ctx.t('admin-dashboard-messages', {
      inToday: s.messages.in.today,
      outToday: s.messages.out.today,
      inWeek: s.messages.in.days7,
      outWeek: s.messages.out.days7,
      inMonth: s.messages.in.days30,
      outMonth: s.messages.out.days30,
    }),
    ctx.t('admin-dashboard-credits', {
      soldToday: s.credits.sold.today,
      spentToday: s.credits.spent.today,
      soldWeek: s.credits.sold.days7,
      spentWeek: s.credits.spent.days7,
      soldMonth: s.credits.sold.days30,
      spentMonth: s.credits.spent.days30,
    }),
  ];
}
