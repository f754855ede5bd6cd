import type { ChartRenderer } from '../../app/ports/index.ts';
import type * as Drawing from './echarts.ts';
import type { ChartOptions } from './echarts.ts';

/**
 * The chart renderer the app holds. ECharts and resvg load on the first chart, not at start: importing
 * ECharts alone costs about 43 MB of resident memory (docs/BENCHMARKS.md, "A leaner process"), paid by
 * every replica for a screen an owner opens now and then.
 */
export function createChartRenderer(opts: ChartOptions = {}): ChartRenderer {
  let drawing: Promise<typeof Drawing> | undefined;
  return {
    png: async (spec) => {
      drawing ??= import('./echarts.ts').catch((error: unknown) => {
        drawing = undefined; // a failed load is tried again on the next chart
        throw error;
      });
      return (await drawing).rasterize(spec, opts).png;
    },
  };
}
