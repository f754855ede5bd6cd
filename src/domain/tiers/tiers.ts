/**
 * Fan tiers: New → Regular → VIP by lifetime spend (credits debited for messages and unlocks; gifts,
 * bonuses and adjustments do not count). Promotion is automatic and never goes down by itself; a tier set
 * by hand sticks until it is cleared, and then the spend decides again (upwards only from the stored one).
 */
export const TIERS = ['new', 'regular', 'vip'] as const;
export type Tier = (typeof TIERS)[number];

export interface TierThresholds {
  regular: number;
  vip: number;
}

export const isTier = (value: unknown): value is Tier => TIERS.includes(value as Tier);

const rank = (tier: string): number => Math.max(0, TIERS.indexOf(tier as Tier));

/** The tier a lifetime spend earns by itself. */
export function tierForSpend(spent: number, t: TierThresholds): Tier {
  if (spent >= t.vip) return 'vip';
  if (spent >= t.regular) return 'regular';
  return 'new';
}

/**
 * The tier after a spend: the higher of the current one and what `spent` (the new lifetime total) earns;
 * a manual tier is kept as it is. An unknown stored value counts as New.
 */
export function promoteTier(
  current: { tier: string; manual: boolean },
  spent: number,
  t: TierThresholds,
): Tier {
  const now: Tier = isTier(current.tier) ? current.tier : 'new';
  if (current.manual) return now;
  const earned = tierForSpend(spent, t);
  return rank(earned) > rank(now) ? earned : now;
}

/** Ledger reasons that count towards the lifetime spend (their debits only). */
export const SPEND_REASONS: readonly string[] = ['spend', 'unlock'];
