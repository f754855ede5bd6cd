import { discountFor, type TierDiscounts } from '../../domain/pricing/index.ts';
import type { Tier } from '../../domain/tiers/index.ts';
import type { NewOutboxItem } from '../ports/index.ts';
import { fanNotice } from '../system/notices.ts';
import { text } from '../texts.ts';

/**
 * The fan's one announcement of a promotion to `tier` (Regular, VIP), with the tier's perk (its discount
 * on message costs now, from the `tier_discounts` setting). Keyed on the fan and the tier, so it is said
 * once ever, whatever promoted them (a spend, or an owner setting the tier by hand) and however often.
 * Queue it in the transaction that promoted them.
 */
export function promotionNotice(userId: number, tier: Tier, discounts: TierDiscounts): NewOutboxItem[] {
  if (tier === 'new') return [];
  return [
    fanNotice(
      userId,
      `tier-up:${userId}:${tier}`,
      text('tiers-promoted', { tier, discount: discountFor(tier, discounts) }),
    ),
  ];
}
