import type {
  AnalyticsOverview,
  AnalyticsSeries,
  SeriesKind,
} from '../../../../app/admin/analytics/index.ts';
import { SERIES_KINDS } from '../../../../app/admin/analytics/index.ts';
import { escapeHtml } from '../../../../app/messages.ts';
import { ANALYTICS_PERIODS, seriesTotal } from '../../../../domain/stats/index.ts';
import type { Context } from '../../../context.ts';
import { typeLabel } from '../../fan-relay.ts';
import { updatedLine } from './figures.ts';
import { escapeCut, fitText, type HubButton, type HubCategory, type HubScreen } from './screen.ts';

/**
 * Analytics (`stats.view`): the period's figures (7, 30 or 90 local days), a chart per series sent as a
 * photo with its numbers beneath (the menu moves under the picture), CSV of each series, top spenders and
 * product performance. Arguments: a period (`30`), or a series and a period (`fans30`).
 */
const CAT = 'analytics';
const DEFAULT_PERIOD = 30;
const SERIES_ARG = /^([a-z]+)(\d{1,2})$/;

const SERIES_KEYS: Record<SeriesKind, { button: string; title: string; chart: string }> = {
  fans: {
    button: 'admin-analytics-fans-button',
    title: 'admin-analytics-fans-title',
    chart: 'admin-analytics-chart-fans',
  },
  revenue: {
    button: 'admin-analytics-revenue-button',
    title: 'admin-analytics-revenue-title',
    chart: 'admin-analytics-chart-revenue',
  },
  messages: {
    button: 'admin-analytics-messages-button',
    title: 'admin-analytics-messages-title',
    chart: 'admin-analytics-chart-messages',
  },
  credits: {
    button: 'admin-analytics-credits-button',
    title: 'admin-analytics-credits-title',
    chart: 'admin-analytics-chart-credits',
  },
};

const SERIES_NAMES: Record<string, string> = {
  new: 'admin-analytics-series-new',
  paying: 'admin-analytics-series-paying',
  stars: 'admin-analytics-series-stars',
  in: 'admin-analytics-series-in',
  out: 'admin-analytics-series-out',
  sold: 'admin-analytics-series-sold',
  spent: 'admin-analytics-series-spent',
};

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)} %`);

/** A series' name: fans, revenue per rail and currency, messages per direction (and type), credits. */
export function seriesLabel(ctx: Context, id: string): string {
  const [head, rest] = id.split(':') as [string, string | undefined];
  if (head === 'card') return ctx.t('admin-analytics-series-card', { currency: (rest ?? '').toUpperCase() });
  if ((head === 'in' || head === 'out') && rest)
    return ctx.t(head === 'in' ? 'admin-analytics-series-in-type' : 'admin-analytics-series-out-type', {
      type: typeLabel(ctx.t, rest),
    });
  const key = SERIES_NAMES[head];
  return key ? ctx.t(key) : id;
}

function periodRow(ctx: Context, period: number, act: string, kind = ''): HubButton[] {
  return ANALYTICS_PERIODS.map((p) => ({
    text: ctx.t(p === period ? 'admin-analytics-period-current' : 'admin-analytics-period', { days: p }),
    to: { cat: CAT, act, arg: `${kind}${p}` },
  }));
}

function overviewScreen(ctx: Context, o: AnalyticsOverview): HubScreen {
  const s = o.summary;
  const money = (minor: number | null, rail: string, currency: string) =>
    minor === null
      ? '—'
      : rail === 'stars'
        ? ctx.t('admin-analytics-stars', { stars: minor })
        : ctx.t('admin-analytics-money', { amount: { money: { minor, currency } } });
  const lines = [
    ctx.t('admin-analytics-title', { days: o.period, timezone: o.timezone }),
    '',
    ctx.t('admin-analytics-fans', { fans: s.newFans, active: s.activeFans, paying: s.payingFans }),
    ctx.t('admin-analytics-conversion', {
      converted: s.converted,
      fans: s.newFans,
      rate: percent(o.conversion),
    }),
    s.medianToPurchaseMs === null
      ? ctx.t('admin-analytics-median-none')
      : ctx.t('admin-analytics-median', { time: { duration: s.medianToPurchaseMs } }),
    ctx.t('admin-analytics-repeat', {
      repeat: s.repeatFans,
      paying: s.payingFans,
      rate: percent(o.repeatRate),
    }),
    '',
    ctx.t('admin-analytics-revenue-head'),
    ...(o.revenue.length === 0
      ? [ctx.t('admin-analytics-revenue-none')]
      : o.revenue.map((r) =>
          ctx.t('admin-analytics-revenue-line', {
            net: money(r.net, r.rail, r.currency),
            arpu: money(r.arpu, r.rail, r.currency),
            arppu: money(r.arppu, r.rail, r.currency),
          }),
        )),
    '',
    ctx.t('admin-analytics-messages', { in: o.totals.messagesIn, out: o.totals.messagesOut }),
    ctx.t('admin-analytics-credits', { sold: o.totals.creditsSold, spent: o.totals.creditsSpent }),
    s.responses.count === 0 || s.responses.p50Ms === null || s.responses.p90Ms === null
      ? ctx.t('admin-analytics-response-none')
      : ctx.t('admin-analytics-response', {
          p50: { duration: s.responses.p50Ms },
          p90: { duration: s.responses.p90Ms },
          count: s.responses.count,
        }),
    '',
    updatedLine(ctx, o.at),
  ];
  const button = (kind: SeriesKind) => ({
    text: ctx.t(SERIES_KEYS[kind].button),
    to: { cat: CAT, act: 'ch', arg: `${kind}${o.period}` },
  });
  return {
    text: lines.join('\n'),
    rows: [
      periodRow(ctx, o.period, 'main'),
      [button('fans'), button('revenue')],
      [button('messages'), button('credits')],
      [
        { text: ctx.t('admin-analytics-top-button'), to: { cat: CAT, act: 'top', arg: o.period } },
        { text: ctx.t('admin-analytics-products-button'), to: { cat: CAT, act: 'prod', arg: o.period } },
      ],
    ],
  };
}

/** The numbers beneath a chart: a row per day, a column per series (types as totals under it). */
function seriesText(ctx: Context, s: AnalyticsSeries): string {
  const shown = s.table.series.filter((x) => !x.id.includes(':') || x.id.startsWith('card:'));
  const byType = s.table.series.filter((x) => x.id.includes(':') && !x.id.startsWith('card:'));
  const fmt = (id: string, v: number) => {
    const d = s.digits[id] ?? 0;
    return (v / 10 ** d).toFixed(d);
  };
  const head = ['', ...shown.map((x) => seriesLabel(ctx, x.id))];
  const rows = s.table.days.map((day, i) => [day.slice(5), ...shown.map((x) => fmt(x.id, x.values[i] ?? 0))]);
  const totals = [ctx.t('admin-analytics-total'), ...shown.map((x) => fmt(x.id, seriesTotal(x)))];
  const widths = head.map((_, c) => Math.max(...[head, ...rows, totals].map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const table = [line(head), ...rows.map(line), line(totals)].map((l) => escapeHtml(l));
  return [
    ctx.t(SERIES_KEYS[s.kind].title, { days: s.period, timezone: s.timezone }),
    '',
    `<pre>${table.join('\n')}</pre>`,
    ...(byType.length
      ? [
          '',
          ctx.t('admin-analytics-by-type'),
          ...byType.map((x) => `${escapeHtml(seriesLabel(ctx, x.id))}: ${seriesTotal(x)}`),
        ]
      : []),
  ].join('\n');
}

async function seriesScreen(ctx: Context, arg: string, csv: boolean): Promise<HubScreen | null> {
  const m = SERIES_ARG.exec(arg);
  const kind = m?.[1] as SeriesKind | undefined;
  if (!m || !kind || !SERIES_KINDS.includes(kind)) return null;
  const days = Number(m[2]);
  const actor = ctx.from!.id;
  const label = (id: string) => seriesLabel(ctx, id);
  const res = csv
    ? await ctx.services.analytics.csv(actor, days, kind, { day: ctx.t('admin-analytics-csv-day'), label })
    : await ctx.services.analytics.chart(actor, days, kind, {
        title: ctx.t(SERIES_KEYS[kind].chart, { days }),
        label,
      });
  if (!res.ok) return res.code === 'invalid' ? null : { text: ctx.t('admin-hub-not-allowed'), rows: [] };
  const attach =
    'csv' in res
      ? [{ kind: 'document' as const, data: new TextEncoder().encode(res.csv), fileName: res.fileName }]
      : res.png
        ? [{ kind: 'photo' as const, data: res.png, fileName: `${kind}-${days}d.png` }]
        : [];
  return {
    text: fitText(seriesText(ctx, res)),
    rows: [
      periodRow(ctx, days, 'ch', kind),
      [{ text: ctx.t('admin-analytics-csv-button'), to: { cat: CAT, act: 'csv', arg: `${kind}${days}` } }],
    ],
    back: { cat: CAT, act: 'main', arg: days },
    ...(attach.length ? { attach } : {}),
  };
}

async function topScreen(ctx: Context, days: number): Promise<HubScreen | null> {
  const res = await ctx.services.analytics.topSpenders(ctx.from!.id, days);
  if (!res.ok) return res.code === 'invalid' ? null : { text: ctx.t('admin-hub-not-allowed'), rows: [] };
  const lines = res.spenders.map((s, i) =>
    escapeCut(
      ctx.t('admin-analytics-top-line', {
        rank: i + 1,
        name: [s.name, s.username ? `@${s.username}` : ''].filter(Boolean).join(' ') || String(s.userId),
        spent: s.spent,
        payments: s.payments,
      }),
      300,
    ),
  );
  return {
    text: [
      ctx.t('admin-analytics-top-title', { days }),
      '',
      ...(lines.length ? lines : [ctx.t('admin-analytics-top-none')]),
    ].join('\n'),
    rows: [
      periodRow(ctx, days, 'top'),
      ...res.spenders.map((s, i) => [
        {
          text: `${i + 1}. ${s.name || s.username || s.userId}`,
          to: { cat: 'users', act: 'card', arg: s.userId },
        },
      ]),
    ],
    back: { cat: CAT, act: 'main', arg: days },
  };
}

async function productsScreen(ctx: Context, days: number): Promise<HubScreen | null> {
  const res = await ctx.services.analytics.products(ctx.from!.id, days);
  if (!res.ok) return res.code === 'invalid' ? null : { text: ctx.t('admin-hub-not-allowed'), rows: [] };
  const lines = res.products.map((p) =>
    escapeCut(
      ctx.t('admin-analytics-product-line', {
        title: p.title,
        sales: p.sales,
        net:
          p.rail === 'stars'
            ? ctx.t('admin-analytics-stars', { stars: p.net })
            : ctx.t('admin-analytics-money', { amount: { money: { minor: p.net, currency: p.currency } } }),
      }),
      300,
    ),
  );
  return {
    text: fitText(
      [
        ctx.t('admin-analytics-products-title', { days }),
        '',
        ...(lines.length ? lines : [ctx.t('admin-analytics-products-none')]),
      ].join('\n'),
    ),
    rows: [periodRow(ctx, days, 'prod')],
    back: { cat: CAT, act: 'main', arg: days },
  };
}

export const analyticsCategory: HubCategory = {
  id: CAT,
  permission: 'stats.view',
  titleKey: 'admin-hub-category-analytics',
  async screen(ctx, act, arg) {
    const days = arg === '0' ? DEFAULT_PERIOD : /^\d{1,2}$/.test(arg) ? Number(arg) : NaN;
    switch (act) {
      case 'main': {
        const res = await ctx.services.analytics.overview(ctx.from!.id, days);
        if (!res.ok)
          return res.code === 'invalid' ? null : { text: ctx.t('admin-hub-not-allowed'), rows: [] };
        return overviewScreen(ctx, res);
      }
      case 'ch':
        return seriesScreen(ctx, arg, false);
      case 'csv':
        return seriesScreen(ctx, arg, true);
      case 'top':
        return topScreen(ctx, days);
      case 'prod':
        return productsScreen(ctx, days);
      default:
        return null;
    }
  },
};
