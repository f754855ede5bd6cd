import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnitDigits } from './money.ts';

describe('formatMoney', () => {
  it('formats minor units in the currency’s own decimals', () => {
    expect(formatMoney(499, 'usd')).toBe('$4.99');
    expect(formatMoney(1799, 'EUR')).toBe('€17.99');
    expect(formatMoney(500, 'jpy')).toBe('¥500');
    expect(minorUnitDigits('jpy')).toBe(0);
  });
  it('falls back to a plain figure for a code Intl does not know', () => {
    expect(formatMoney(499, 'x1')).toBe('4.99 X1');
  });
});
