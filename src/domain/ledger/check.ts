/** One stored entry, as far as the audit cares. */
export interface LedgerEntrySnapshot {
  delta: number;
  balanceAfter: number;
}

/** An account's stored balance and its entries in creation order. */
export interface LedgerAccountSnapshot<Id = string> {
  userId: Id;
  balance: number;
  entries: readonly LedgerEntrySnapshot[];
}

export type LedgerViolationKind = 'balance_mismatch' | 'negative_balance' | 'broken_chain';

export interface LedgerViolation<Id = string> {
  userId: Id;
  kind: LedgerViolationKind;
  expected?: number;
  actual?: number;
  /** Position of the offending entry in the given order; absent for account-level violations. */
  entryIndex?: number;
  detail: string;
}

export interface LedgerReport<Id = string> {
  ok: boolean;
  violations: LedgerViolation<Id>[];
}

/**
 * Audits accounts against the ledger invariants ("every credit can be accounted for"):
 *
 * 1. `balance_mismatch`: the stored balance equals the sum of the account's deltas.
 * 2. `negative_balance`: neither the stored balance nor any entry's `balanceAfter` is negative.
 * 3. `broken_chain`: each entry's `balanceAfter` equals the running sum of deltas up to and including it.
 *
 * The running sum is always the sum of deltas, never resynchronised to a stored `balanceAfter`: a missing
 * or altered delta therefore flags every later entry, which shows how far the damage reaches.
 */
export function checkLedger<Id>(accounts: readonly LedgerAccountSnapshot<Id>[]): LedgerReport<Id> {
  const violations: LedgerViolation<Id>[] = [];
  for (const account of accounts) violations.push(...checkAccount(account));
  return { ok: violations.length === 0, violations };
}

function checkAccount<Id>({ userId, balance, entries }: LedgerAccountSnapshot<Id>): LedgerViolation<Id>[] {
  const violations: LedgerViolation<Id>[] = [];
  let running = 0;
  entries.forEach((entry, entryIndex) => {
    running += entry.delta;
    if (entry.balanceAfter < 0) {
      violations.push({
        userId,
        kind: 'negative_balance',
        actual: entry.balanceAfter,
        entryIndex,
        detail: `entry #${entryIndex} has balanceAfter ${entry.balanceAfter}`,
      });
    }
    if (entry.balanceAfter !== running) {
      violations.push({
        userId,
        kind: 'broken_chain',
        expected: running,
        actual: entry.balanceAfter,
        entryIndex,
        detail: `entry #${entryIndex} has balanceAfter ${entry.balanceAfter}, running sum is ${running}`,
      });
    }
  });
  if (balance < 0) {
    violations.push({
      userId,
      kind: 'negative_balance',
      actual: balance,
      detail: `stored balance is ${balance}`,
    });
  }
  if (balance !== running) {
    violations.push({
      userId,
      kind: 'balance_mismatch',
      expected: running,
      actual: balance,
      detail: `stored balance ${balance}, sum of ${entries.length} entries is ${running}`,
    });
  }
  return violations;
}
