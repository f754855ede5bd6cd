import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { buildEvent } from '../../../test/support/fake-stripe/events.ts';
import { toBillingEvent } from './events.ts';

/**
 * The Stripe event mapper, on events shaped like Stripe's own (the fake Stripe's `buildEvent`, built from
 * the OpenAPI fixtures in test/fixtures/stripe): no database, no HTTP.
 */
const meta = { payment_id: '12', user_id: '34' };
const map = (e: unknown) => toBillingEvent(e as Stripe.Event);

describe('toBillingEvent', () => {
  it('a paid Checkout Session is a payment that succeeded, with our ids from its metadata', () => {
    const e = buildEvent('checkout.session.completed', {
      metadata: meta,
      amount_total: 500,
      currency: 'eur',
      payment_intent: 'pi_1',
    });
    expect(map(e)).toEqual({
      type: 'payment.succeeded',
      paymentId: 12,
      userId: 34,
      paymentIntentId: 'pi_1',
      amount: 500,
      currency: 'eur',
    });
  });

  it('a completed but unpaid session is processing; a setup session is none of ours', () => {
    const unpaid = buildEvent('checkout.session.completed', { metadata: meta, payment_status: 'unpaid' });
    expect(map(unpaid)).toEqual({ type: 'payment.processing', paymentId: 12, userId: 34 });
    expect(map(buildEvent('checkout.session.completed', { mode: 'setup', metadata: meta }))).toBeNull();
  });

  it('a bank debit that clears later succeeds, or fails with a message for the fan', () => {
    const ok = buildEvent('checkout.session.async_payment_succeeded', {
      metadata: meta,
      amount_total: 700,
      payment_intent: 'pi_2',
    });
    expect(map(ok)).toMatchObject({ type: 'payment.succeeded', paymentIntentId: 'pi_2', amount: 700 });
    const failed = map(buildEvent('checkout.session.async_payment_failed', { metadata: meta }));
    expect(failed).toMatchObject({ type: 'payment.failed', paymentId: 12, userId: 34, code: null });
    expect(failed).toHaveProperty('message', expect.any(String));
  });

  it('an expired payment session is expired; an expired setup session is ignored', () => {
    expect(map(buildEvent('checkout.session.expired', { metadata: meta }))).toEqual({
      type: 'payment.expired',
      paymentId: 12,
      userId: 34,
    });
    expect(map(buildEvent('checkout.session.expired', { mode: 'setup' }))).toBeNull();
  });

  it('metadata that is missing or not an id maps to null ids (not ours), never to a wrong number', () => {
    const e = buildEvent('checkout.session.expired', { metadata: { payment_id: '12abc' } });
    expect(map(e)).toEqual({ type: 'payment.expired', paymentId: null, userId: null });
  });

  it('a PaymentIntent that succeeded counts what was received', () => {
    const e = buildEvent('payment_intent.succeeded', { id: 'pi_3', metadata: meta, amount: 900 });
    expect(map(e)).toEqual({
      type: 'payment.succeeded',
      paymentId: 12,
      userId: 34,
      paymentIntentId: 'pi_3',
      amount: 900,
      currency: 'usd',
    });
  });

  it('a failed PaymentIntent carries the bank message and the decline code', () => {
    const e = buildEvent('payment_intent.payment_failed', { metadata: meta });
    expect(map(e)).toEqual({
      type: 'payment.failed',
      paymentId: 12,
      userId: 34,
      message: 'Your card was declined.',
      code: 'generic_decline',
    });
  });

  it('a card attached to a customer is saved with a readable label; detached, it is removed', () => {
    const attached = buildEvent('payment_method.attached', {
      id: 'pm_1',
      customer: 'cus_1',
      card: { brand: 'mastercard', last4: '4444' },
    });
    expect(map(attached)).toEqual({
      type: 'card.saved',
      customerId: 'cus_1',
      paymentMethodId: 'pm_1',
      label: 'Mastercard •••• 4444',
    });
    expect(map(buildEvent('payment_method.detached', { id: 'pm_1' }))).toEqual({
      type: 'card.removed',
      paymentMethodId: 'pm_1',
    });
  });

  it('disputes are found by their PaymentIntent', () => {
    const opened = buildEvent('charge.dispute.created', {
      id: 'dp_1',
      payment_intent: 'pi_4',
      amount: 500,
      currency: 'usd',
      reason: 'fraudulent',
    });
    expect(map(opened)).toEqual({
      type: 'dispute.opened',
      disputeId: 'dp_1',
      paymentIntentId: 'pi_4',
      amount: 500,
      currency: 'usd',
      reason: 'fraudulent',
    });
    const closed = buildEvent('charge.dispute.closed', { id: 'dp_1', payment_intent: 'pi_4', status: 'won' });
    expect(map(closed)).toEqual({
      type: 'dispute.closed',
      disputeId: 'dp_1',
      paymentIntentId: 'pi_4',
      status: 'won',
    });
    expect(map(buildEvent('charge.dispute.created', { payment_intent: null }))).toBeNull();
  });

  it('a refunded charge carries the cumulative amount refunded', () => {
    const e = buildEvent('charge.refunded', { payment_intent: 'pi_5', amount: 1000, amount_refunded: 400 });
    expect(map(e)).toEqual({
      type: 'charge.refunded',
      paymentIntentId: 'pi_5',
      amountRefunded: 400,
      amount: 1000,
      currency: 'usd',
    });
  });

  it('an event type the app does not act on maps to null', () => {
    const e = { ...buildEvent('charge.refunded'), type: 'customer.created' };
    expect(map(e)).toBeNull();
  });
});
