import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, windowStart, type RateRule } from './fixed-window.ts';

const burst: RateRule = { name: 'burst', limit: 3, windowMs: 10_000 };
const long: RateRule = { name: 'long', limit: 5, windowMs: 600_000 };
const at = (iso: string) => new Date(iso);

describe('windowStart', () => {
  it.each([
    ['2030-01-01T00:00:00.000Z', 10_000, '2030-01-01T00:00:00.000Z'],
    ['2030-01-01T00:00:09.999Z', 10_000, '2030-01-01T00:00:00.000Z'],
    ['2030-01-01T00:00:10.000Z', 10_000, '2030-01-01T00:00:10.000Z'],
    ['2030-01-01T00:17:30.000Z', 600_000, '2030-01-01T00:10:00.000Z'],
  ])('%s in windows of %i ms starts at %s', (now, ms, start) => {
    expect(windowStart(at(now), ms).toISOString()).toBe(start);
  });
});

describe('decide', () => {
  const now = at('2030-01-01T00:00:04.200Z');
  it.each([
    { hits: [1, 1], want: { allowed: true } },
    { hits: [3, 5], want: { allowed: true } },
    // The first hit over the burst limit: refused, told, until the 10 s window ends (5.8 s → 6).
    { hits: [4, 4], want: { allowed: false, notify: true, retryAfterSeconds: 6 } },
    { hits: [5, 5], want: { allowed: false, notify: false, retryAfterSeconds: 6 } },
    // The long window refuses first: wait for its end (595.8 s → 596).
    { hits: [2, 6], want: { allowed: false, notify: true, retryAfterSeconds: 596 } },
    // Over in both, both for the first time: one notice, the later end.
    { hits: [4, 6], want: { allowed: false, notify: true, retryAfterSeconds: 596 } },
    // A new burst window while the long one still refuses: silent, the fan was told already.
    { hits: [4, 9], want: { allowed: false, notify: false, retryAfterSeconds: 596 } },
  ])('hits $hits → $want', ({ hits, want }) => {
    expect(decide([burst, long], hits, now)).toEqual(want);
  });

  it('waits at least a second', () => {
    const end = at('2030-01-01T00:00:09.999Z');
    expect(decide([burst], [4], end)).toMatchObject({ retryAfterSeconds: 1 });
  });

  it('in any run of hits within one window, exactly the refused ones are past the limit, and one is told', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 60 }), (limit, n) => {
        const rule = { name: 'r', limit, windowMs: 60_000 };
        const outcomes = Array.from({ length: n }, (_, i) => decide([rule], [i + 1], now));
        expect(outcomes.filter((o) => o.allowed)).toHaveLength(Math.min(n, limit));
        expect(outcomes.filter((o) => !o.allowed && o.notify)).toHaveLength(n > limit ? 1 : 0);
      }),
    );
  });
});
