/**
 * Does this debit trigger an auto-recharge? Only the debit that takes the balance from at or above the
 * threshold to below it: later debits while the balance stays low (the charge on its way, or failed)
 * do not trigger again, so two debits crossing "at once" (serialised by the row lock) trigger once.
 */
export function crossesThreshold(a: {
  enabled: boolean;
  threshold: number | null;
  before: number;
  after: number;
}): boolean {
  if (!a.enabled || a.threshold === null || a.threshold <= 0) return false;
  return a.before >= a.threshold && a.after < a.threshold;
}
