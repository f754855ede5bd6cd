export {
  TIERS,
  type Tier,
  type TierThresholds,
  isTier,
  tierForSpend,
  promoteTier,
  SPEND_REASONS,
} from './tiers.ts';
