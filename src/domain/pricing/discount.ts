import { isTier, type Tier } from '../tiers/index.ts';

/** The largest discount a tier may carry, in percent (a message never becomes free through a perk). */
export const MAX_TIER_DISCOUNT = 90;

/** Percent off message costs per tier (the `tier_discounts` setting). */
export type TierDiscounts = Readonly<Record<Tier, number>>;

export const NO_DISCOUNTS: TierDiscounts = Object.freeze({ new: 0, regular: 0, vip: 0 });

/** A usable discount: an integer from 0 to {@link MAX_TIER_DISCOUNT}. */
export function isValidDiscount(percent: unknown): percent is number {
  return (
    typeof percent === 'number' &&
    Number.isSafeInteger(percent) &&
    percent >= 0 &&
    percent <= MAX_TIER_DISCOUNT
  );
}

/**
 * A message's cost after a tier's discount: `max(1, round-half-up(cost × (100 − d) / 100))`, in integers
 * (no floating point). A free type (cost 0) stays free, and no discount leaves the cost as it is. An
 * invalid discount (outside 0–90, fractional) counts as none, so a broken setting never undercharges.
 *
 * Invariants: `1 ≤ result ≤ cost` for every `cost ≥ 1`; the result never grows as `d` grows.
 */
export function discountedCost(cost: number, percent: number): number {
  if (cost <= 0 || !isValidDiscount(percent) || percent === 0) return cost;
  return Math.max(1, Math.floor((cost * (100 - percent) + 50) / 100));
}

/** The discount of a stored tier (an unknown value counts as New). */
export function discountFor(tier: string, discounts: TierDiscounts): number {
  const d = discounts[isTier(tier) ? tier : 'new'];
  return isValidDiscount(d) ? d : 0;
}
