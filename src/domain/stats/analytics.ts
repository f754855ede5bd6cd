import { startOfLocalDay } from './days.ts';

/**
 * Analytics periods and the pure arithmetic behind the figures: local days of the `timezone` setting,
 * rates that say "no data" rather than dividing by zero, and per-day series as one table.
 */

/** The periods analytics offers, in local days (today included). */
export const ANALYTICS_PERIODS = [7, 30, 90] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

export const isAnalyticsPeriod = (n: unknown): n is AnalyticsPeriod =>
  ANALYTICS_PERIODS.includes(n as AnalyticsPeriod);

/**
 * The local midnights that start each of the last `days` days (oldest first; the last is today's), and
 * the end of today (the next local midnight).
 */
export function periodDays(now: Date, zone: string, days: number): { starts: Date[]; end: Date } {
  const starts = Array.from({ length: days }, (_, i) => startOfLocalDay(now, zone, days - 1 - i));
  return { starts, end: startOfLocalDay(now, zone, -1) };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `at`'s local date in `zone` as YYYY-MM-DD (sorts as text; CSV-friendly). */
export function localDate(at: Date, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, f);
  }
  return f.format(at);
}

/** `part / whole`, or null when there is nothing to divide (no fans, no payers). */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** One named series of per-day values, aligned with the table's days. */
export interface DaySeries {
  /** A stable id (`new`, `paying`, `stars`, `card:eur`, `in:text`…), labelled by the adapter. */
  id: string;
  values: number[];
}

/** Several series over the same local days. */
export interface SeriesTable {
  /** YYYY-MM-DD, oldest first. */
  days: string[];
  series: DaySeries[];
}

export const seriesTotal = (s: DaySeries): number => s.values.reduce((a, b) => a + b, 0);

/**
 * The day-by-day sum of `series` (e.g. every message type of one direction), as one series `id`;
 * zeros for a table without series.
 */
export function sumSeries(id: string, length: number, series: readonly DaySeries[]): DaySeries {
  const values = Array.from({ length }, () => 0);
  for (const s of series) s.values.forEach((v, i) => (values[i] = (values[i] ?? 0) + v));
  return { id, values };
}

/** The instant local day `date` (YYYY-MM-DD) begins in `zone`. */
export function localDayStart(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  // Noon UTC falls on the same local date, or one day either side in the farthest zones.
  const seen = localDate(noon, zone);
  const shift = Math.round((Date.parse(`${seen}T00:00:00Z`) - Date.UTC(y, m - 1, d)) / 86_400_000);
  return startOfLocalDay(noon, zone, shift);
}
