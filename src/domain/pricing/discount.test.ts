import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/index.ts';
import {
  DEFAULT_MESSAGE_COSTS,
  MAX_TIER_DISCOUNT,
  discountFor,
  discountedCost,
  listPricedTypes,
  quoteMessage,
} from './index.ts';

describe('discountedCost', () => {
  it.each([
    { cost: 1, d: 0, expected: 1 },
    { cost: 5, d: 0, expected: 5 },
    { cost: 5, d: 10, expected: 5 }, // 4.5 rounds half up
    { cost: 5, d: 20, expected: 4 },
    { cost: 3, d: 50, expected: 2 }, // 1.5 → 2
    { cost: 1, d: 50, expected: 1 }, // 0.5 → 1
    { cost: 1, d: 90, expected: 1 }, // never below 1
    { cost: 10, d: 90, expected: 1 },
    { cost: 15, d: 90, expected: 2 }, // 1.5 → 2
    { cost: 100_000, d: 33, expected: 67_000 },
    { cost: 0, d: 50, expected: 0 }, // a free type stays free
    { cost: 5, d: 91, expected: 5 }, // out of range: no discount
    { cost: 5, d: -10, expected: 5 },
    { cost: 5, d: 12.5, expected: 5 },
    { cost: 5, d: Number.NaN, expected: 5 },
  ])('$cost at $d% → $expected', ({ cost, d, expected }) => {
    expect(discountedCost(cost, d)).toBe(expected);
  });

  const cost = fc.integer({ min: 1, max: 100_000 });
  const percent = fc.integer({ min: 0, max: MAX_TIER_DISCOUNT });

  it('is round-half-up of cost × (100 − d) / 100, and at least 1', () => {
    fc.assert(
      fc.property(cost, percent, (c, d) => {
        const r = discountedCost(c, d);
        const exact = (c * (100 - d)) / 100;
        expect(Number.isSafeInteger(r)).toBe(true);
        if (r > 1) {
          // Half up: within half a credit of the exact value, and a tie goes up.
          expect(r * 100 - c * (100 - d)).toBeLessThanOrEqual(50);
          expect(r * 100 - c * (100 - d)).toBeGreaterThan(-50);
        } else expect(exact).toBeLessThan(1.5);
      }),
    );
  });

  it('never charges more than the listed cost, and never less as the discount shrinks', () => {
    fc.assert(
      fc.property(cost, percent, percent, (c, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(discountedCost(c, lo)).toBeLessThanOrEqual(c);
        expect(discountedCost(c, hi)).toBeLessThanOrEqual(discountedCost(c, lo));
        expect(discountedCost(c, hi)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('leaves the cost alone without a discount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (c) => discountedCost(c, 0) === c));
  });
});

describe('discountFor', () => {
  const discounts = { new: 0, regular: 10, vip: 25 };
  it.each([
    { tier: 'vip', expected: 25 },
    { tier: 'regular', expected: 10 },
    { tier: 'new', expected: 0 },
    { tier: 'legend', expected: 0 }, // unknown stored tier counts as New
  ])('$tier → $expected', ({ tier, expected }) => {
    expect(discountFor(tier, discounts)).toBe(expected);
  });
});

describe('quoteMessage with a tier discount', () => {
  const clock = fixedClock('2025-06-01T12:00:00.000Z');
  const base = { costs: DEFAULT_MESSAGE_COSTS, timePassUntil: null, banned: false, balance: 10 };

  it('charges the discounted price and checks the balance against it', () => {
    expect(quoteMessage({ ...base, type: 'voice', discount: 20 }, clock)).toEqual({
      ok: true,
      cost: 4,
      free: false,
      balanceAfter: 6,
    });
    // 5 credits listed, 4 after 20 %: a balance of 4 is enough, 3 is not (the refusal shows 4).
    expect(quoteMessage({ ...base, type: 'voice', discount: 20, balance: 4 }, clock)).toMatchObject({
      ok: true,
      balanceAfter: 0,
    });
    expect(quoteMessage({ ...base, type: 'voice', discount: 20, balance: 3 }, clock)).toEqual({
      ok: false,
      code: 'insufficient_credits',
      cost: 4,
      balance: 3,
    });
  });

  it('lists the discounted prices with an unsupported type', () => {
    const quote = quoteMessage({ ...base, type: 'poll', discount: 50 }, clock);
    expect(quote).toMatchObject({ ok: false, code: 'unsupported_type' });
    expect(listPricedTypes({ text: 1, photo: 3, voice: 5 }, 50)).toEqual([
      { type: 'text', cost: 1 },
      { type: 'photo', cost: 2 },
      { type: 'voice', cost: 3 },
    ]);
  });

  it('a pass still makes it free', () => {
    const pass = new Date('2025-06-01T13:00:00.000Z');
    expect(quoteMessage({ ...base, type: 'video', discount: 30, timePassUntil: pass }, clock)).toEqual({
      ok: true,
      cost: 0,
      free: true,
      balanceAfter: 10,
    });
  });
});
