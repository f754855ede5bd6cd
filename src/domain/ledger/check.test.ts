import { describe, expect, it } from 'vitest';
import { checkLedger, type LedgerAccountSnapshot, type LedgerViolation } from './index.ts';

type Case = {
  name: string;
  account: Omit<LedgerAccountSnapshot, 'userId'>;
  violations: Array<Omit<LedgerViolation, 'userId' | 'detail'>>;
};

const cases: Case[] = [
  { name: 'an empty account', account: { balance: 0, entries: [] }, violations: [] },
  {
    name: 'a consistent chain',
    account: {
      balance: 4,
      entries: [
        { delta: 10, balanceAfter: 10 },
        { delta: -3, balanceAfter: 7 },
        { delta: -3, balanceAfter: 4 },
      ],
    },
    violations: [],
  },
  {
    name: 'a balance with no entries',
    account: { balance: 5, entries: [] },
    violations: [{ kind: 'balance_mismatch', expected: 0, actual: 5 }],
  },
  {
    name: 'a stored balance that drifted from the entries',
    account: { balance: 9, entries: [{ delta: 10, balanceAfter: 10 }] },
    violations: [{ kind: 'balance_mismatch', expected: 10, actual: 9 }],
  },
  {
    name: 'one wrong balanceAfter',
    account: {
      balance: 7,
      entries: [
        { delta: 10, balanceAfter: 10 },
        { delta: -3, balanceAfter: 8 },
      ],
    },
    violations: [{ kind: 'broken_chain', expected: 7, actual: 8, entryIndex: 1 }],
  },
  {
    name: 'a missing entry flags every later entry',
    account: {
      balance: 5,
      entries: [
        { delta: 10, balanceAfter: 10 },
        // a { delta: -3, balanceAfter: 7 } entry was lost here
        { delta: -2, balanceAfter: 5 },
        { delta: 0, balanceAfter: 5 },
      ],
    },
    violations: [
      { kind: 'broken_chain', expected: 8, actual: 5, entryIndex: 1 },
      { kind: 'broken_chain', expected: 8, actual: 5, entryIndex: 2 },
      { kind: 'balance_mismatch', expected: 8, actual: 5 },
    ],
  },
  {
    name: 'an overdrawn account',
    account: {
      balance: -2,
      entries: [
        { delta: 1, balanceAfter: 1 },
        { delta: -3, balanceAfter: -2 },
      ],
    },
    violations: [
      { kind: 'negative_balance', actual: -2, entryIndex: 1 },
      { kind: 'negative_balance', actual: -2 },
    ],
  },
];

describe('checkLedger', () => {
  it.each(cases)('$name', ({ account, violations }) => {
    const report = checkLedger([{ userId: 'u1', ...account }]);
    expect(report.ok).toBe(violations.length === 0);
    expect(report.violations).toEqual(
      violations.map((v) => ({ userId: 'u1', detail: expect.any(String) as unknown, ...v })),
    );
  });

  it('reports each account under its own id and passes the id type through', () => {
    const report = checkLedger([
      { userId: 1n, balance: 0, entries: [] },
      { userId: 2n, balance: 1, entries: [] },
      { userId: 3n, balance: 2, entries: [{ delta: 2, balanceAfter: 2 }] },
    ]);
    expect(report.ok).toBe(false);
    expect(report.violations.map((v) => [v.userId, v.kind])).toEqual([[2n, 'balance_mismatch']]);
  });

  it('is ok for no accounts', () => {
    expect(checkLedger([])).toEqual({ ok: true, violations: [] });
  });
});
