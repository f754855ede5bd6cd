import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossesThreshold } from './auto-recharge.ts';

describe('crossesThreshold', () => {
  it('fires only on the debit that goes from at-or-above to below', () => {
    expect(crossesThreshold({ enabled: true, threshold: 5, before: 6, after: 4 })).toBe(true);
    expect(crossesThreshold({ enabled: true, threshold: 5, before: 5, after: 4 })).toBe(true);
    expect(crossesThreshold({ enabled: true, threshold: 5, before: 4, after: 3 })).toBe(false);
    expect(crossesThreshold({ enabled: true, threshold: 5, before: 9, after: 5 })).toBe(false);
    expect(crossesThreshold({ enabled: false, threshold: 5, before: 6, after: 4 })).toBe(false);
    expect(crossesThreshold({ enabled: true, threshold: null, before: 6, after: 4 })).toBe(false);
  });
  it('fires at most once along any run of debits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.integer({ min: 0, max: 20 })),
        (thr, start, debits) => {
          let balance = start;
          let fired = 0;
          for (const d of debits) {
            const after = Math.max(0, balance - d);
            if (crossesThreshold({ enabled: true, threshold: thr, before: balance, after })) fired++;
            balance = after;
          }
          expect(fired).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
