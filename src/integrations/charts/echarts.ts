import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../app/ports/index.ts';

/**
 * Charts as PNG, drawn in process: ECharts' server-side SVG renderer (no DOM, no canvas), then resvg
 * turns the SVG into pixels with the bundled DejaVu Sans (assets/fonts, Latin and Cyrillic), passed
 * explicitly and with system fonts off, so a chart looks the same in a slim container as on a desktop,
 * in Russian too.
 */
export const CHART_FONT = fileURLToPath(new URL('../../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FAMILY = 'DejaVu Sans';
const PALETTE = ['#2f7ed8', '#e4572e', '#17a589', '#f3a712', '#8e44ad', '#7f8c8d', '#c0392b', '#2c3e50'];

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Pixels per SVG unit (2: sharp on phones). */
  scale?: number;
}

/** The ECharts SVG of a chart (exported for tests). */
export function chartSvg(spec: ChartSpec, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const many = spec.categories.length > 31;
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      color: PALETTE,
      textStyle: { fontFamily: FAMILY },
      title: {
        text: spec.title,
        subtext: spec.subtitle ?? '',
        left: 'center',
        textStyle: { fontFamily: FAMILY, fontSize: 18 },
        subtextStyle: { fontFamily: FAMILY },
      },
      legend: { bottom: 0, textStyle: { fontFamily: FAMILY } },
      grid: { left: 56, right: 24, top: spec.subtitle ? 72 : 56, bottom: 64, containLabel: true },
      xAxis: {
        type: 'category',
        data: spec.categories,
        axisLabel: { fontFamily: FAMILY, rotate: many ? 45 : 0, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FAMILY } },
      series: spec.series.map((s) => ({
        type: spec.kind,
        name: s.name,
        data: s.values,
        showSymbol: !many,
        ...(spec.kind === 'bar' ? { barMaxWidth: 24 } : {}),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart drawn: its pixels (RGBA) and size, and the PNG (exported for tests). */
export function rasterize(
  spec: ChartSpec,
  opts: ChartOptions = {},
): { png: Uint8Array; width: number; height: number; pixels: Uint8Array } {
  const svg = chartSvg(spec, opts.width ?? 800, opts.height ?? 450);
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    font: { fontFiles: [CHART_FONT], loadSystemFonts: false, defaultFontFamily: FAMILY },
  }).render();
  return {
    png: new Uint8Array(image.asPng()),
    width: image.width,
    height: image.height,
    pixels: new Uint8Array(image.pixels),
  };
}
