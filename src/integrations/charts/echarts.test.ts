import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../app/ports/index.ts';
import { rasterize } from './echarts.ts';

/**
 * The chart renderer with the bundled font: a chart with Russian labels renders as a PNG of the expected
 * size, and its glyphs are drawn (a render with the same data and empty labels has far fewer dark pixels
 * in the title's band; with no font able to draw Cyrillic the two would be alike).
 */
const days = Array.from({ length: 30 }, (_, i) => `03-${String(i + 1).padStart(2, '0')}`);
const spec = (title: string, names: [string, string]): ChartSpec => ({
  title,
  kind: 'line',
  categories: days,
  series: [
    { name: names[0], values: days.map((_, i) => (i * 7) % 13) },
    { name: names[1], values: days.map((_, i) => (i * 3) % 5) },
  ],
});

/** Dark pixels (all channels under 128) in rows [top, bottom). */
function dark(img: { width: number; pixels: Uint8Array }, top: number, bottom: number): number {
  let n = 0;
  for (let y = top; y < bottom; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (img.pixels[i]! < 128 && img.pixels[i + 1]! < 128 && img.pixels[i + 2]! < 128) n++;
    }
  return n;
}

describe('charts', () => {
  it('renders Russian labels with the bundled font, as a PNG of the asked size', () => {
    const ru = rasterize(spec('Новые фанаты · 30 дней', ['новые', 'платящие']), {
      width: 800,
      height: 450,
      scale: 2,
    });
    const empty = rasterize(spec('', ['', '']), { width: 800, height: 450, scale: 2 });
    expect([ru.width, ru.height]).toEqual([1600, 900]);
    // The PNG's own header: signature, then IHDR with the width and height.
    const png = Buffer.from(ru.png);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 900]);
    // The title's band (the top 60 px at 2×): glyphs make hundreds of dark pixels; no title, none.
    const titled = dark(ru, 0, 60);
    expect(dark(empty, 0, 60)).toBeLessThan(50);
    expect(titled).toBeGreaterThan(1000);
    // The legend at the bottom, too.
    expect(dark(ru, 840, 900)).toBeGreaterThan(dark(empty, 840, 900) + 200);
  });
});
