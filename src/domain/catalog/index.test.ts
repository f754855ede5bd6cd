import { describe, expect, it } from 'vitest';
import {
  parseCardPrice,
  parsePackCredits,
  parsePassLength,
  parseProductTitle,
  parseStarsPrice,
} from './index.ts';

describe('product input', () => {
  it('titles: one line, 1 to 64 characters', () => {
    expect(parseProductTitle('  Big\n pack ')).toBe('Big pack');
    expect(parseProductTitle('   ')).toBeNull();
    expect(parseProductTitle('x'.repeat(65))).toBeNull();
    expect(parseProductTitle('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it('credits and Stars: whole numbers in range', () => {
    expect(parsePackCredits('1 000')).toBe(1000);
    expect(parsePackCredits('0')).toBeNull();
    expect(parsePackCredits('-5')).toBeNull();
    expect(parsePackCredits('100001')).toBeNull();
    expect(parsePackCredits('1,5')).toBeNull();
    expect(parseStarsPrice('10000')).toBe(10000);
    expect(parseStarsPrice('10001')).toBeNull();
    expect(parseStarsPrice('2.5')).toBeNull();
  });

  it('pass lengths: an hour to a year', () => {
    expect(parsePassLength('7d')).toBe(7 * 86_400);
    expect(parsePassLength('1d 12h')).toBe(36 * 3_600);
    expect(parsePassLength('30m')).toBeNull();
    expect(parsePassLength('400d')).toBeNull();
    expect(parsePassLength('7')).toBeNull();
  });

  it('card prices: major units with the currency’s decimals, 0 for none', () => {
    expect(parseCardPrice('4.99', 'usd')).toEqual({ minor: 499 });
    expect(parseCardPrice('4,5', 'eur')).toEqual({ minor: 450 });
    expect(parseCardPrice('12', 'usd')).toEqual({ minor: 1200 });
    expect(parseCardPrice('500', 'jpy')).toEqual({ minor: 500 });
    expect(parseCardPrice('5.5', 'jpy')).toBeNull();
    expect(parseCardPrice('4.999', 'usd')).toBeNull();
    expect(parseCardPrice('-4.99', 'usd')).toBeNull();
    expect(parseCardPrice('0', 'usd')).toEqual({ none: true });
    expect(parseCardPrice('-', 'usd')).toEqual({ none: true });
    expect(parseCardPrice('10001', 'usd')).toBeNull();
    expect(parseCardPrice('1e3', 'usd')).toBeNull();
    expect(parseCardPrice('0.001', 'usd')).toBeNull();
  });
});
