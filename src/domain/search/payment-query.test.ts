import { describe, expect, it } from 'vitest';
import { parsePaymentQuery } from './payment-query.ts';
import { localDayStart } from '../stats/index.ts';

describe('parsePaymentQuery', () => {
  it.each([
    ['#123', { id: 123 }],
    ['123', { id: 123 }],
    ['@Alice_1', { username: 'alice_1' }],
    ['fan:42 stars', { userId: 42, rail: 'stars' }],
    ['card refunded', { rail: 'stripe', status: 'refunded' }],
    ['5-20', { amountMin: 5, amountMax: 20 }],
    ['4,99..10.5', { amountMin: 4.99, amountMax: 10.5 }],
    ['>=5 <=9', { amountMin: 5, amountMax: 9 }],
    ['2026-03-01', { dateFrom: '2026-03-01', dateTo: '2026-03-01' }],
    ['2026-03-01..2026-03-31 paid', { dateFrom: '2026-03-01', dateTo: '2026-03-31', status: 'paid' }],
  ])('%s', (input, query) => {
    expect(parsePaymentQuery(input)).toEqual({ ok: true, query });
  });

  it.each([
    ['', { ok: false, code: 'empty' }],
    ['hello', { ok: false, code: 'unknown', word: 'hello' }],
    ['2026-02-30', { ok: false, code: 'unknown', word: '2026-02-30' }],
    ['20-5', { ok: false, code: 'range', word: '20-5' }],
    ['2026-03-02..2026-03-01', { ok: false, code: 'range', word: '2026-03-02..2026-03-01' }],
    ['stars card', { ok: false, code: 'twice', word: 'card' }],
    ['>=9 <=5', { ok: false, code: 'range', word: '>=9 <=5' }],
  ])('refuses %j', (input, result) => {
    expect(parsePaymentQuery(input)).toEqual(result);
  });
});

describe('localDayStart', () => {
  it.each([
    ['2026-03-01', 'UTC', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01', 'Europe/Madrid', '2026-02-28T23:00:00.000Z'],
    ['2026-03-01', 'Pacific/Kiritimati', '2026-02-28T10:00:00.000Z'],
    ['2026-03-01', 'Pacific/Pago_Pago', '2026-03-01T11:00:00.000Z'],
  ])('%s in %s', (date, zone, iso) => {
    expect(localDayStart(date, zone).toISOString()).toBe(iso);
  });
});
