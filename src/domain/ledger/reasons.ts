/**
 * Why a ledger entry exists. Stored with every entry; `adjustment` is an admin's manual correction,
 * `unlock` buys premium content, `gift` is credits given by the team.
 */
export const LEDGER_REASONS = [
  'bonus',
  'purchase',
  'spend',
  'gift',
  'refund',
  'dispute',
  'adjustment',
  'auto_recharge',
  'unlock',
] as const;

export type LedgerReason = (typeof LEDGER_REASONS)[number];

/**
 * Credits that arrived (with a positive delta): what a receipt's balance bar measures the balance against
 * (the fan's last top-up). A clawback or a won dispute is not one; neither is an admin's adjustment.
 */
export const TOP_UP_REASONS: readonly LedgerReason[] = ['purchase', 'auto_recharge', 'gift', 'bonus'];

/** Narrows a string read from storage or input to a {@link LedgerReason}. */
export function isLedgerReason(value: string): value is LedgerReason {
  return (LEDGER_REASONS as readonly string[]).includes(value);
}
