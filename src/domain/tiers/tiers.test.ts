import { describe, expect, it } from 'vitest';
import { isTier, promoteTier, tierForSpend } from './tiers.ts';

const t = { regular: 100, vip: 1000 };

describe('tiers', () => {
  it('the spend earns New, Regular at the first threshold and VIP at the second', () => {
    expect(tierForSpend(0, t)).toBe('new');
    expect(tierForSpend(99, t)).toBe('new');
    expect(tierForSpend(100, t)).toBe('regular');
    expect(tierForSpend(999, t)).toBe('regular');
    expect(tierForSpend(1000, t)).toBe('vip');
  });

  it('promotes, skipping a tier when the spend jumps', () => {
    expect(promoteTier({ tier: 'new', manual: false }, 150, t)).toBe('regular');
    expect(promoteTier({ tier: 'new', manual: false }, 5000, t)).toBe('vip');
  });

  it('never goes down by itself (thresholds raised, or a lower spend)', () => {
    expect(promoteTier({ tier: 'vip', manual: false }, 10, t)).toBe('vip');
    expect(promoteTier({ tier: 'regular', manual: false }, 50, { regular: 500, vip: 900 })).toBe('regular');
  });

  it('a manual tier sticks, up or down', () => {
    expect(promoteTier({ tier: 'new', manual: true }, 5000, t)).toBe('new');
    expect(promoteTier({ tier: 'vip', manual: true }, 0, t)).toBe('vip');
  });

  it('an unknown stored value counts as New', () => {
    expect(isTier('gold')).toBe(false);
    expect(promoteTier({ tier: 'gold', manual: false }, 0, t)).toBe('new');
    expect(promoteTier({ tier: 'gold', manual: false }, 100, t)).toBe('regular');
  });
});
