/** Analytics' read models and the chart renderer (implemented in db/repos/analytics.ts, integrations/charts). */

/** Per-day figures over consecutive local days; every array has one value per day, oldest first. */
export interface AnalyticsDaily {
  newFans: number[];
  /** Fans with at least one payment that day (any rail). */
  payingFans: number[];
  /** Net of refunds, in the currency's minor units (Stars for XTR), per rail and currency. */
  revenue: Array<{ rail: 'stars' | 'stripe'; currency: string; net: number[] }>;
  /** Relayed messages (the message log) per direction and type. */
  messages: Array<{ direction: 'in' | 'out'; type: string; counts: number[] }>;
  /** Credits bought (purchases, auto-recharges) and spent (messages, unlocks). */
  creditsSold: number[];
  creditsSpent: number[];
}

/** Figures over one window [from, to). */
export interface AnalyticsSummary {
  /** Fans whose first /start (their account) falls in the window. */
  newFans: number;
  /** Of those, fans who have made a first purchase since. */
  converted: number;
  /** Median time from first /start to first purchase of the converted fans (ms), null without any. */
  medianToPurchaseMs: number | null;
  /** Fans seen in the window (any update). */
  activeFans: number;
  /** Fans with a payment in the window, and those of them with two or more. */
  payingFans: number;
  repeatFans: number;
  /** Net of refunds, per rail and currency (minor units). */
  revenue: Array<{ rail: 'stars' | 'stripe'; currency: string; net: number; payers: number }>;
  /** First-response times answered in the window (the Conversations read model). */
  responses: { count: number; p50Ms: number | null; p90Ms: number | null };
}

export interface TopSpender {
  userId: number;
  name: string;
  username: string | null;
  /** Credits spent on messages and unlocks in the window. */
  spent: number;
  /** Payments in the window. */
  payments: number;
}

export interface ProductPerformance {
  productId: number;
  title: string;
  kind: string;
  rail: 'stars' | 'stripe';
  currency: string;
  sales: number;
  /** Net of refunds (minor units). */
  net: number;
}

export interface AnalyticsRepo {
  /** Figures for each local day starting at `starts[i]`; the last day ends at `end`. */
  daily(starts: readonly Date[], end: Date): Promise<AnalyticsDaily>;
  summary(from: Date, to: Date): Promise<AnalyticsSummary>;
  topSpenders(from: Date, to: Date, limit: number): Promise<TopSpender[]>;
  products(from: Date, to: Date): Promise<ProductPerformance[]>;
}

/** A chart to draw: labels already in the reader's language. */
export interface ChartSpec {
  title: string;
  kind: 'line' | 'bar';
  /** The x axis (days). */
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
  /** A note under the title (the unit, the time zone). */
  subtitle?: string;
}

/** Draws a chart as a PNG (integrations/charts: ECharts' SVG renderer, then resvg with a bundled font). */
export interface ChartRenderer {
  png(spec: ChartSpec): Promise<Uint8Array>;
}
