import { describe, expect, it } from 'vitest';
import {
  InsufficientCreditsError,
  InvalidAmountError,
  planClawback,
  planCredit,
  planDebit,
} from './index.ts';

describe('planCredit', () => {
  it.each([
    { balance: 0, amount: 0, balanceAfter: 0 },
    { balance: 0, amount: 10, balanceAfter: 10 },
    { balance: 7, amount: 3, balanceAfter: 10 },
  ])('$balance + $amount → $balanceAfter', ({ balance, amount, balanceAfter }) => {
    expect(planCredit(balance, amount)).toEqual({ ok: true, balanceAfter });
  });

  it('refuses a grant that would leave the safe integer range', () => {
    expect(() => planCredit(Number.MAX_SAFE_INTEGER, 1)).toThrow(InvalidAmountError);
  });
});

describe('planDebit', () => {
  it.each([
    { balance: 10, amount: 0, expected: { ok: true, balanceAfter: 10 } },
    { balance: 10, amount: 3, expected: { ok: true, balanceAfter: 7 } },
    { balance: 5, amount: 5, expected: { ok: true, balanceAfter: 0 } },
    { balance: 4, amount: 5, expected: { ok: false, code: 'insufficient_credits', needed: 5, balance: 4 } },
    { balance: 0, amount: 1, expected: { ok: false, code: 'insufficient_credits', needed: 1, balance: 0 } },
  ])('balance $balance − $amount', ({ balance, amount, expected }) => {
    expect(planDebit(balance, amount)).toEqual(expected);
  });
});

describe('planClawback', () => {
  it.each([
    { balance: 10, wanted: 4, taken: 4, balanceAfter: 6 },
    { balance: 10, wanted: 10, taken: 10, balanceAfter: 0 },
    { name: 'spent credits are not recovered', balance: 3, wanted: 10, taken: 3, balanceAfter: 0 },
    { balance: 0, wanted: 5, taken: 0, balanceAfter: 0 },
    { balance: 8, wanted: 0, taken: 0, balanceAfter: 8 },
  ])('balance $balance, wanted $wanted → taken $taken', ({ balance, wanted, taken, balanceAfter }) => {
    expect(planClawback(balance, wanted)).toEqual({ taken, balanceAfter });
  });
});

describe('invalid amounts', () => {
  const plans = {
    planCredit,
    planDebit,
    planClawback,
  };
  const cases = Object.entries(plans).flatMap(([name, plan]) =>
    [
      { balance: 10, amount: -1, field: ['amount', 'wanted'] },
      { balance: 10, amount: 1.5, field: ['amount', 'wanted'] },
      { balance: 10, amount: Number.NaN, field: ['amount', 'wanted'] },
      { balance: 10, amount: Number.POSITIVE_INFINITY, field: ['amount', 'wanted'] },
      { balance: 10, amount: Number.MAX_SAFE_INTEGER + 1, field: ['amount', 'wanted'] },
      { balance: -1, amount: 1, field: ['balance'] },
      { balance: 0.5, amount: 1, field: ['balance'] },
    ].map((c) => ({ name, plan, ...c })),
  );

  it.each(cases)('$name($balance, $amount) throws invalid_amount', ({ plan, balance, amount, field }) => {
    let thrown: unknown;
    try {
      plan(balance, amount);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidAmountError);
    const error = thrown as InvalidAmountError;
    expect(error.code).toBe('invalid_amount');
    expect(field).toContain(error.field);
  });
});

describe('InsufficientCreditsError', () => {
  it('carries the same code and details as the returned outcome', () => {
    const error = new InsufficientCreditsError(5, 2);
    expect(error).toMatchObject({ code: 'insufficient_credits', needed: 5, balance: 2 });
  });
});
