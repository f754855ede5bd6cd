import { describe, expect, it } from 'vitest';
import { LEDGER_REASONS, isLedgerReason } from './index.ts';

describe('LEDGER_REASONS', () => {
  it('lists every reason once', () => {
    expect(new Set(LEDGER_REASONS).size).toBe(LEDGER_REASONS.length);
    expect(LEDGER_REASONS).toHaveLength(9);
  });

  it.each([
    ...LEDGER_REASONS.map((value) => ({ value, expected: true })),
    { value: 'Spend', expected: false },
    { value: '', expected: false },
    { value: 'toString', expected: false },
  ])('isLedgerReason($value) → $expected', ({ value, expected }) => {
    expect(isLedgerReason(value)).toBe(expected);
  });
});
