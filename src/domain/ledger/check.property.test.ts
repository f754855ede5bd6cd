import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLedger, planClawback, planCredit, planDebit, type LedgerAccountSnapshot } from './index.ts';

type Op = { kind: 'grant' | 'debit' | 'clawback'; amount: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('grant' as const), amount: fc.integer({ min: 0, max: 500 }) }),
  // Debits range past typical balances so a good share of them are insufficient.
  fc.record({ kind: fc.constant('debit' as const), amount: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('clawback' as const), amount: fc.integer({ min: 0, max: 800 }) }),
);

/** Applies ops the way a repo would: write an entry only when the plan says the balance changes hands. */
function replay(userId: number, ops: readonly Op[]): LedgerAccountSnapshot<number> {
  let balance = 0;
  const entries: Array<{ delta: number; balanceAfter: number }> = [];
  for (const op of ops) {
    let delta = 0;
    if (op.kind === 'grant') {
      const plan = planCredit(balance, op.amount);
      delta = plan.balanceAfter - balance;
    } else if (op.kind === 'debit') {
      const plan = planDebit(balance, op.amount);
      if (!plan.ok) {
        expect(plan).toEqual({ ok: false, code: 'insufficient_credits', needed: op.amount, balance });
        expect(op.amount).toBeGreaterThan(balance);
        continue;
      }
      delta = plan.balanceAfter - balance;
    } else {
      const plan = planClawback(balance, op.amount);
      expect(plan.taken).toBeLessThanOrEqual(op.amount);
      delta = -plan.taken;
    }
    balance += delta;
    expect(balance).toBeGreaterThanOrEqual(0);
    entries.push({ delta, balanceAfter: balance });
  }
  return { userId, balance, entries };
}

const accountsArb = fc.array(fc.array(opArb, { maxLength: 60 }), { maxLength: 5 });

describe('ledger plans (property)', () => {
  it('any sequence of grants, debits and clawbacks satisfies checkLedger', () => {
    fc.assert(
      fc.property(accountsArb, (accountOps) => {
        const accounts = accountOps.map((ops, i) => replay(i, ops));
        expect(checkLedger(accounts)).toEqual({ ok: true, violations: [] });
      }),
    );
  });

  it('checkLedger notices any single tampered number', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.constantFrom('delta', 'balanceAfter', 'balance'),
        fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0),
        (ops, pick, field, offset) => {
          const account = replay(7, ops);
          if (field === 'balance' || account.entries.length === 0) {
            account.balance += offset;
          } else {
            const entries = account.entries.map((e) => ({ ...e }));
            const entry = entries[pick % entries.length]!;
            entry[field] += offset;
            account.entries = entries;
          }
          const report = checkLedger([account]);
          expect(report.ok).toBe(false);
          expect(report.violations.every((v) => v.userId === 7)).toBe(true);
        },
      ),
    );
  });
});
