export { LEDGER_REASONS, TOP_UP_REASONS, type LedgerReason, isLedgerReason } from './reasons.ts';
export { InvalidAmountError, InsufficientCreditsError, assertCredits } from './errors.ts';
export {
  type CreditPlan,
  type DebitPlan,
  type InsufficientCredits,
  type ClawbackPlan,
  planCredit,
  planDebit,
  planClawback,
} from './plan.ts';
export {
  type LedgerEntrySnapshot,
  type LedgerAccountSnapshot,
  type LedgerViolationKind,
  type LedgerViolation,
  type LedgerReport,
  checkLedger,
} from './check.ts';
export { type BalanceBar, balanceBar, isLowBalance } from './balance-bar.ts';
export { refundShare } from './refund-share.ts';
export { crossesThreshold } from './auto-recharge.ts';
