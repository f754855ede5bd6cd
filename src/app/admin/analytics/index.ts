import {
  isAnalyticsPeriod,
  localDate,
  periodDays,
  ratio,
  sumSeries,
  type AnalyticsPeriod,
  type DaySeries,
  type SeriesTable,
} from '../../../domain/stats/index.ts';
import { minorUnitDigits, type Clock } from '../../../domain/shared/index.ts';
import type {
  Access,
  AnalyticsDaily,
  AnalyticsSummary,
  ChartRenderer,
  ProductPerformance,
  TopSpender,
  UnitOfWork,
} from '../../ports/index.ts';
import { csvField } from '../../accounts/history.ts';
import { resolveSettings } from '../../system/settings.ts';

export interface AnalyticsDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  /** Draws charts (integrations/charts); without one, screens show the numbers only. */
  charts?: ChartRenderer | undefined;
}

/** The series a chart or a CSV shows. */
export const SERIES_KINDS = ['fans', 'revenue', 'messages', 'credits'] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];
export const isSeriesKind = (v: unknown): v is SeriesKind => SERIES_KINDS.includes(v as SeriesKind);

/** Top spenders listed. */
export const TOP_SPENDERS = 10;

/** Per rail and currency: net revenue, and per active fan (ARPU) and per paying fan (ARPPU), minor units. */
export interface RevenueFigures {
  rail: 'stars' | 'stripe';
  currency: string;
  net: number;
  arpu: number | null;
  arppu: number | null;
}

export interface AnalyticsOverview {
  period: AnalyticsPeriod;
  timezone: string;
  at: Date;
  summary: AnalyticsSummary;
  /** Converted / new fans. */
  conversion: number | null;
  /** Fans with two or more payments in the period / paying fans. */
  repeatRate: number | null;
  revenue: RevenueFigures[];
  /** Totals over the period (messages both ways, credits). */
  totals: { messagesIn: number; messagesOut: number; creditsSold: number; creditsSpent: number };
}

/** A series table with, for revenue, each series' decimal places (values are in minor units). */
export interface AnalyticsSeries {
  period: AnalyticsPeriod;
  kind: SeriesKind;
  timezone: string;
  at: Date;
  table: SeriesTable;
  /** Decimal places of each series' values (revenue in minor units); absent: whole numbers. */
  digits: Record<string, number>;
}

/** The words of a chart in the reader's language (the adapter's catalogue). */
export interface ChartWords {
  title: string;
  subtitle?: string;
  /** A series' name (`new`, `stars`, `card:eur`, `in`…). */
  label(id: string): string;
}

export interface CsvWords {
  day: string;
  label(id: string): string;
}

type Refusal = { ok: false; code: 'not_allowed' | 'invalid' };

/**
 * Analytics (`/analytics`, `stats.view`): daily series over 7, 30 or 90 local days of the `timezone`
 * setting, window figures (conversion, ARPU, ARPPU, repeat purchases, first-response time), top spenders
 * and product performance; each series as a chart (through the ChartRenderer port) and as CSV.
 */
export function createAnalyticsServices(deps: AnalyticsDeps) {
  const repo = () => deps.uow.repos.analytics;
  const window = async (actorId: number, days: number) => {
    if (!(await deps.access.can(actorId, 'stats.view'))) return { ok: false, code: 'not_allowed' } as const;
    if (!isAnalyticsPeriod(days)) return { ok: false, code: 'invalid' } as const;
    const { timezone } = resolveSettings(await deps.uow.repos.settings.all());
    const at = deps.clock.now();
    return { ok: true, period: days, timezone, at, ...periodDays(at, timezone, days) } as const;
  };

  const series = async (
    actorId: number,
    days: number,
    kind: string,
  ): Promise<({ ok: true } & AnalyticsSeries) | Refusal> => {
    if (!isSeriesKind(kind)) return { ok: false, code: 'invalid' };
    const w = await window(actorId, days);
    if (!w.ok) return w;
    const daily = await repo().daily(w.starts, w.end);
    const table = {
      days: w.starts.map((d) => localDate(d, w.timezone)),
      series: seriesOf(kind, daily, w.starts.length),
    };
    const digits: Record<string, number> = {};
    if (kind === 'revenue')
      for (const r of daily.revenue)
        digits[revenueId(r)] = r.rail === 'stars' ? 0 : minorUnitDigits(r.currency);
    return { ok: true, period: w.period, kind, timezone: w.timezone, at: w.at, table, digits };
  };

  return {
    async overview(actorId: number, days: number): Promise<({ ok: true } & AnalyticsOverview) | Refusal> {
      const w = await window(actorId, days);
      if (!w.ok) return w;
      const [summary, daily] = [
        await repo().summary(w.starts[0]!, w.end),
        await repo().daily(w.starts, w.end),
      ];
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const messages = (dir: 'in' | 'out') =>
        sum(daily.messages.filter((m) => m.direction === dir).flatMap((m) => m.counts));
      return {
        ok: true,
        period: w.period,
        timezone: w.timezone,
        at: w.at,
        summary,
        conversion: ratio(summary.converted, summary.newFans),
        repeatRate: ratio(summary.repeatFans, summary.payingFans),
        revenue: summary.revenue.map((r) => ({
          rail: r.rail,
          currency: r.currency,
          net: r.net,
          arpu: perFan(r.net, summary.activeFans),
          arppu: perFan(r.net, r.payers),
        })),
        totals: {
          messagesIn: messages('in'),
          messagesOut: messages('out'),
          creditsSold: sum(daily.creditsSold),
          creditsSpent: sum(daily.creditsSpent),
        },
      };
    },

    series,

    /** The series as a chart (PNG) with its table; `png` is null when no renderer is wired. */
    async chart(
      actorId: number,
      days: number,
      kind: string,
      words: ChartWords,
    ): Promise<({ ok: true; png: Uint8Array | null } & AnalyticsSeries) | Refusal> {
      const s = await series(actorId, days, kind);
      if (!s.ok) return s;
      // A chart of messages shows the two directions; the types are in the numbers and the CSV.
      const shown = s.table.series.filter((x) => s.kind !== 'messages' || !x.id.includes(':'));
      const png = deps.charts
        ? await deps.charts.png({
            title: words.title,
            ...(words.subtitle ? { subtitle: words.subtitle } : {}),
            kind: s.kind === 'revenue' || s.kind === 'credits' ? 'bar' : 'line',
            categories: s.table.days.map((d) => d.slice(5)),
            series: shown.map((x) => ({
              name: words.label(x.id),
              values: x.values.map((v) => v / 10 ** (s.digits[x.id] ?? 0)),
            })),
          })
        : null;
      return { ...s, png };
    },

    /** The series as CSV: a row per local day, a column per series (money in major units). */
    async csv(
      actorId: number,
      days: number,
      kind: string,
      words: CsvWords,
    ): Promise<({ ok: true; csv: string; fileName: string } & AnalyticsSeries) | Refusal> {
      const s = await series(actorId, days, kind);
      if (!s.ok) return s;
      const header = [words.day, ...s.table.series.map((x) => words.label(x.id))].map((h) => csvField(h));
      const lines = [header.join(',')];
      s.table.days.forEach((day, i) => {
        const cells = s.table.series.map((x) => {
          const d = s.digits[x.id] ?? 0;
          return csvField(((x.values[i] ?? 0) / 10 ** d).toFixed(d), { numeric: true });
        });
        lines.push([csvField(day), ...cells].join(','));
      });
      return {
        ...s,
        csv: `${lines.join('\r\n')}\r\n`,
        fileName: `${s.kind}-${s.period}d-${s.table.days.at(-1) ?? ''}.csv`,
      };
    },

    async topSpenders(
      actorId: number,
      days: number,
    ): Promise<{ ok: true; period: AnalyticsPeriod; at: Date; spenders: TopSpender[] } | Refusal> {
      const w = await window(actorId, days);
      if (!w.ok) return w;
      const spenders = await repo().topSpenders(w.starts[0]!, w.end, TOP_SPENDERS);
      return { ok: true, period: w.period, at: w.at, spenders };
    },

    async products(
      actorId: number,
      days: number,
    ): Promise<{ ok: true; period: AnalyticsPeriod; at: Date; products: ProductPerformance[] } | Refusal> {
      const w = await window(actorId, days);
      if (!w.ok) return w;
      return { ok: true, period: w.period, at: w.at, products: await repo().products(w.starts[0]!, w.end) };
    },
  };
}

const perFan = (net: number, fans: number) => (fans > 0 ? Math.round(net / fans) : null);
const revenueId = (r: { rail: string; currency: string }) =>
  r.rail === 'stars' ? 'stars' : `card:${r.currency.toLowerCase()}`;

/** The series of a kind, in a fixed order (ids as `DaySeries.id`). */
function seriesOf(kind: SeriesKind, d: AnalyticsDaily, length: number): DaySeries[] {
  switch (kind) {
    case 'fans':
      return [
        { id: 'new', values: d.newFans },
        { id: 'paying', values: d.payingFans },
      ];
    case 'revenue': {
      const stars = d.revenue.filter((r) => r.rail === 'stars');
      const cards = d.revenue.filter((r) => r.rail !== 'stars');
      return [
        sumSeries(
          'stars',
          length,
          stars.map((r) => ({ id: 'stars', values: r.net })),
        ),
        ...cards.map((r) => ({ id: revenueId(r), values: r.net })),
      ];
    }
    case 'messages': {
      const of = (dir: 'in' | 'out') =>
        d.messages
          .filter((m) => m.direction === dir)
          .map((m) => ({ id: `${dir}:${m.type}`, values: m.counts }));
      return [
        sumSeries('in', length, of('in')),
        sumSeries('out', length, of('out')),
        ...of('in'),
        ...of('out'),
      ];
    }
    case 'credits':
      return [
        { id: 'sold', values: d.creditsSold },
        { id: 'spent', values: d.creditsSpent },
      ];
  }
}

export type AnalyticsServices = ReturnType<typeof createAnalyticsServices>;
