import { describe, expect, it } from 'vitest';
import { InvalidAmountError, balanceBar, isLowBalance } from './index.ts';

describe('balanceBar', () => {
  it.each([
    {
      balance: 75,
      lastTopUp: 100,
      text: 'Credits: 75/100 [████████░░] 75%',
      max: 100,
      percent: 75,
      filled: 8,
    },
    {
      balance: 100,
      lastTopUp: 100,
      text: 'Credits: 100/100 [██████████] 100%',
      max: 100,
      percent: 100,
      filled: 10,
    },
    { balance: 0, lastTopUp: 100, text: 'Credits: 0/100 [░░░░░░░░░░] 0%', max: 100, percent: 0, filled: 0 },
    { balance: 4, lastTopUp: 10, text: 'Credits: 4/10 [████░░░░░░] 40%', max: 10, percent: 40, filled: 4 },
    { balance: 1, lastTopUp: 3, text: 'Credits: 1/3 [███░░░░░░░] 33%', max: 3, percent: 33, filled: 3 },
    // Only a welcome bonus so far: the balance is the whole bar.
    { balance: 5, lastTopUp: null, text: 'Credits: 5/5 [██████████] 100%', max: 5, percent: 100, filled: 10 },
    { balance: 5, lastTopUp: 0, text: 'Credits: 5/5 [██████████] 100%', max: 5, percent: 100, filled: 10 },
    { balance: 0, lastTopUp: null, text: 'Credits: 0/0 [░░░░░░░░░░] 0%', max: 0, percent: 0, filled: 0 },
    // More than the last pack (gift, older pack): full, never "110/100".
    {
      balance: 110,
      lastTopUp: 100,
      text: 'Credits: 110/110 [██████████] 100%',
      max: 110,
      percent: 100,
      filled: 10,
    },
  ])('$balance of $lastTopUp → $text', ({ balance, lastTopUp, ...expected }) => {
    const bar = /\[(.*)\]/.exec(expected.text)![1];
    expect(balanceBar(balance, lastTopUp)).toEqual({ balance, cells: bar, ...expected });
  });

  it.each([
    { width: 5, text: 'Credits: 50/100 [███░░] 50%', filled: 3 },
    { width: 20, text: 'Credits: 50/100 [██████████░░░░░░░░░░] 50%', filled: 10 },
    { width: 1, text: 'Credits: 50/100 [█] 50%', filled: 1 },
  ])('width $width', ({ width, text, filled }) => {
    expect(balanceBar(50, 100, width)).toMatchObject({ text, filled });
  });

  it.each([
    { balance: -1, lastTopUp: 10, error: InvalidAmountError },
    { balance: 1.5, lastTopUp: 10, error: InvalidAmountError },
    { balance: 1, lastTopUp: -10, error: InvalidAmountError },
  ])('rejects balance $balance / lastTopUp $lastTopUp', ({ balance, lastTopUp, error }) => {
    expect(() => balanceBar(balance, lastTopUp)).toThrow(error);
  });

  it.each([0, -1, 2.5])('rejects width %s', (width) => {
    expect(() => balanceBar(1, 10, width)).toThrow(RangeError);
  });
});

describe('isLowBalance', () => {
  it.each([
    { balance: 4, threshold: 5, expected: true },
    { balance: 5, threshold: 5, expected: false },
    { balance: 6, threshold: 5, expected: false },
    { balance: 0, threshold: 1, expected: true },
    { balance: 0, threshold: 0, expected: false },
  ])('$balance below $threshold → $expected', ({ balance, threshold, expected }) => {
    expect(isLowBalance(balance, threshold)).toBe(expected);
  });
});
