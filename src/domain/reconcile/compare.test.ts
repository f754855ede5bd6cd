import { describe, expect, it } from 'vitest';
import {
  compareBooks,
  grantKey,
  isMismatchId,
  mismatchId,
  type BookedPayment,
  type ProviderDispute,
  type ProviderPayment,
  type ReconcileInput,
} from './compare.ts';

const since = new Date('2026-11-01T00:00:00Z');
const until = new Date('2026-12-01T00:00:00Z');
const at = new Date('2026-11-15T12:00:00Z');

const card = (o: Partial<ProviderPayment> = {}): ProviderPayment => ({
  rail: 'stripe',
  ref: 'pi_1',
  paymentId: 1,
  userId: 10,
  amount: 499,
  currency: 'usd',
  refunded: 0,
  at,
  ...o,
});
const booked = (o: Partial<BookedPayment> = {}): BookedPayment => ({
  id: 1,
  userId: 10,
  rail: 'stripe',
  status: 'paid',
  kind: 'credits',
  amount: 499,
  currency: 'usd',
  providerChargeId: 'pi_1',
  refundedAmount: 0,
  paidAt: at,
  ...o,
});
const dispute = (o: Partial<ProviderDispute> = {}): ProviderDispute => ({
  id: 'dp_1',
  ref: 'pi_1',
  amount: 499,
  currency: 'usd',
  status: 'needs_response',
  reason: 'fraudulent',
  at,
  ...o,
});

function run(o: Partial<ReconcileInput>) {
  return compareBooks({
    since,
    until,
    rails: ['stripe', 'stars'],
    provider: [],
    disputes: [],
    booked: [],
    ledgerKeys: new Set([grantKey('stripe', 'pi_1'), grantKey('stars', 'ch_1')]),
    knownDisputes: new Set(),
    ...o,
  });
}
const summary = (o: Partial<ReconcileInput>) => run(o).map((m) => [m.kind, m.cause, m.action]);

describe('compareBooks', () => {
  it.each<[string, Partial<ReconcileInput>, string[][]]>([
    ['books that match', { provider: [card()], booked: [booked()] }, []],
    [
      'paid at Stripe, still pending here',
      { provider: [card()], booked: [booked({ status: 'pending', providerChargeId: null, paidAt: null })] },
      [['paid_not_granted', 'unpaid', 'apply']],
    ],
    [
      'marked paid, but the ledger has no grant',
      { provider: [card()], booked: [booked()], ledgerKeys: new Set() },
      [['paid_not_granted', 'ungranted', 'apply']],
    ],
    [
      'an unlock needs no ledger grant',
      { provider: [card()], booked: [booked({ kind: 'unlock' })], ledgerKeys: new Set() },
      [],
    ],
    [
      'metadata naming a payment we do not have',
      { provider: [card({ paymentId: 99 })], booked: [] },
      [['paid_not_granted', 'unknown_payment', 'report']],
    ],
    [
      'metadata naming another fan’s payment',
      { provider: [card({ userId: 11 })], booked: [booked()] },
      [['paid_not_granted', 'unknown_payment', 'report']],
    ],
    [
      'a second charge for a payment paid already',
      { provider: [card({ ref: 'pi_2' }), card()], booked: [booked()] },
      [['paid_not_granted', 'second_charge', 'report']],
    ],
    ['a charge that is not ours', { provider: [card({ paymentId: null })], booked: [] }, []],
    [
      'paid and wholly refunded before any grant',
      { provider: [card({ refunded: 499 })], booked: [booked({ status: 'failed', providerChargeId: null })] },
      [],
    ],
    [
      'a refund in the dashboard not taken back',
      { provider: [card({ refunded: 200 })], booked: [booked()] },
      [['refunded_not_clawed_back', 'refund', 'apply']],
    ],
    [
      'a refund taken back already',
      { provider: [card({ refunded: 200 })], booked: [booked({ refundedAmount: 200 })] },
      [],
    ],
    [
      'a Stars refund not taken back',
      {
        provider: [card({ rail: 'stars', ref: 'ch_1', amount: 50, currency: 'XTR', refunded: 50 })],
        booked: [booked({ rail: 'stars', providerChargeId: 'ch_1', amount: 50, currency: 'XTR' })],
      },
      [['refunded_not_clawed_back', 'refund', 'apply']],
    ],
    [
      'a Stars refund taken back',
      {
        provider: [card({ rail: 'stars', ref: 'ch_1', amount: 50, currency: 'XTR', refunded: 50 })],
        booked: [
          booked({
            rail: 'stars',
            providerChargeId: 'ch_1',
            amount: 50,
            currency: 'XTR',
            status: 'refunded',
          }),
        ],
      },
      [],
    ],
    [
      'a dispute never recorded',
      { provider: [card()], booked: [booked()], disputes: [dispute()] },
      [['refunded_not_clawed_back', 'dispute', 'apply']],
    ],
    [
      'a dispute recorded',
      { provider: [card()], booked: [booked()], disputes: [dispute()], knownDisputes: new Set(['dp_1']) },
      [],
    ],
    ['a dispute won', { provider: [card()], booked: [booked()], disputes: [dispute({ status: 'won' })] }, []],
    [
      'granted here, no such payment at Stripe',
      { provider: [], booked: [booked()] },
      [['granted_not_paid', 'missing', 'report']],
    ],
    [
      'granted before the period: not compared',
      { provider: [], booked: [booked({ paidAt: new Date('2026-10-01T00:00:00Z') })] },
      [],
    ],
    ['a rail that was not read proves nothing', { rails: ['stars'], provider: [], booked: [booked()] }, []],
    [
      'a different amount',
      { provider: [card({ amount: 399 })], booked: [booked()] },
      [['amount_differs', 'amount', 'report']],
    ],
    [
      'a different currency (case does not count)',
      { provider: [card({ currency: 'EUR' })], booked: [booked()] },
      [['amount_differs', 'currency', 'report']],
    ],
    ['the same currency in another case', { provider: [card({ currency: 'USD' })], booked: [booked()] }, []],
  ])('%s', (_, input, expected) => {
    expect(summary(input)).toEqual(expected);
  });

  it('gives a fact the same id on every run, and a further refund a new one', () => {
    const first = run({ provider: [card({ refunded: 200 })], booked: [booked()] })[0]!;
    const again = run({ provider: [card({ refunded: 200 })], booked: [booked()] })[0]!;
    const more = run({ provider: [card({ refunded: 300 })], booked: [booked()] })[0]!;
    expect(first.id).toBe(again.id);
    expect(more.id).not.toBe(first.id);
    expect(isMismatchId(first.id)).toBe(true);
    expect(first.id.startsWith('rnc-')).toBe(true);
  });

  it('makes ids that differ by kind and fact, and fit a button', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 2000; i++) ids.add(mismatchId('paid_not_granted', ['stripe', `pi_${i}`]));
    expect(ids.size).toBe(2000);
    expect(mismatchId('granted_not_paid', ['x']).length).toBeLessThanOrEqual(15);
  });

  it('orders mismatches by kind, then reference', () => {
    const out = run({
      provider: [card({ ref: 'pi_b', paymentId: 2 }), card({ ref: 'pi_a', paymentId: 3, refunded: 10 })],
      booked: [
        booked({ id: 2, providerChargeId: null, status: 'pending', paidAt: null }),
        booked({ id: 3, providerChargeId: 'pi_a' }),
        booked({ id: 4, providerChargeId: 'pi_z' }),
      ],
      ledgerKeys: new Set(['stripe:pi_a']),
    });
    expect(out.map((m) => [m.kind, m.ref])).toEqual([
      ['paid_not_granted', 'pi_b'],
      ['refunded_not_clawed_back', 'pi_a'],
      ['granted_not_paid', 'pi_z'],
    ]);
  });
});
