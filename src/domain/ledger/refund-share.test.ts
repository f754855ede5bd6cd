import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundShare } from './refund-share.ts';

describe('refundShare', () => {
  it('takes back the refunded part, rounded down, and everything on a full refund', () => {
    expect(refundShare(10, 499, 250)).toBe(5);
    expect(refundShare(10, 499, 249)).toBe(4);
    expect(refundShare(10, 499, 0)).toBe(0);
    expect(refundShare(10, 499, 499)).toBe(10);
    expect(refundShare(10, 499, 10_000)).toBe(10);
  });
  it('refuses nonsense inputs', () => {
    expect(() => refundShare(10, 0, 1)).toThrow(RangeError);
    expect(() => refundShare(-1, 10, 1)).toThrow(RangeError);
  });
  it('is monotonic in the refunded amount and never exceeds the quantity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (q, amount, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = refundShare(q, amount, lo);
          const sHi = refundShare(q, amount, hi);
          expect(sLo).toBeLessThanOrEqual(sHi);
          expect(sHi).toBeLessThanOrEqual(q);
        },
      ),
    );
  });
});
