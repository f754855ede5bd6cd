import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStripeClient } from '../../src/integrations/stripe/client.ts';
import {
  buildEvent,
  parseStripeForm,
  signEvent,
  signPayload,
  startFakeStripe,
  type FakeStripe,
} from './fake-stripe/index.ts';
import { SENTINELS } from './sentinels.ts';

const WEBHOOK_SECRET = SENTINELS.fakeStripeWebhookSecret;

let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = createStripeClient({ secretKey: SENTINELS.fakeStripeSecretKey, apiBase: fake.apiBase });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
});

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('parseStripeForm', () => {
  it('nests bracketed keys into objects and arrays like the Stripe API', () => {
    const params = parseStripeForm(
      'mode=payment&metadata[order_id]=42&metadata[0]=zero&line_items[0][price_data][currency]=usd' +
        '&line_items[0][quantity]=2&line_items[1][price]=price_1&expand[]=customer&expand[]=payment_intent' +
        '&customer_email=fan%2Btag%40example.com&note=a+b&empty=',
    );
    expect(params).toEqual({
      mode: 'payment',
      metadata: { order_id: '42', '0': 'zero' },
      line_items: [{ price_data: { currency: 'usd' }, quantity: '2' }, { price: 'price_1' }],
      expand: ['customer', 'payment_intent'],
      customer_email: 'fan+tag@example.com',
      note: 'a b',
      empty: '',
    });
  });

  it('ignores prototype-polluting keys', () => {
    const params = parseStripeForm('__proto__[x]=1&a[constructor][y]=2');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(params).toEqual({ a: {} });
  });
});

describe('fake Stripe API through the real SDK', () => {
  it('creates and retrieves a customer with metadata', async () => {
    const customer = await stripe.customers.create({
      email: 'fan@example.com',
      name: 'Fan',
      metadata: { telegram_user_id: '1001' },
    });
    expect(customer).toMatchObject({
      object: 'customer',
      livemode: false,
      email: 'fan@example.com',
      metadata: { telegram_user_id: '1001' },
    });
    expect(customer.id).toMatch(/^cus_\w{14}$/);
    expect(customer.created).toBeCloseTo(Date.now() / 1000, -1);

    const again = await stripe.customers.retrieve(customer.id);
    expect(again).toEqual({ ...customer });
    expect(fake.objects.customers.get(customer.id)?.email).toBe('fan@example.com');

    const listed = await stripe.customers.list({ email: 'fan@example.com' });
    expect(listed.data.map((c) => c.id)).toEqual([customer.id]);

    const missing = await caught(stripe.customers.retrieve('cus_missing'));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });

  it('creates a payment-mode checkout session and records what it was sent', async () => {
    const customer = await stripe.customers.create({ email: 'fan@example.com' });
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        customer: customer.id,
        client_reference_id: 'tg:1001',
        success_url: 'https://t.me/fanbridge_bot?start=paid_{CHECKOUT_SESSION_ID}',
        cancel_url: 'https://t.me/fanbridge_bot',
        metadata: { creator_id: 'c_7', tier: 'gold' },
        payment_intent_data: { metadata: { creator_id: 'c_7' }, setup_future_usage: 'off_session' },
        line_items: [
          {
            quantity: 2,
            price_data: { currency: 'eur', unit_amount: 500, product_data: { name: 'Gold tier' } },
          },
        ],
      },
      { idempotencyKey: 'checkout-order-1' },
    );

    expect(session).toMatchObject({
      object: 'checkout.session',
      livemode: false,
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      customer: customer.id,
      client_reference_id: 'tg:1001',
      currency: 'eur',
      amount_total: 1000,
      metadata: { creator_id: 'c_7', tier: 'gold' },
      success_url: 'https://t.me/fanbridge_bot?start=paid_{CHECKOUT_SESSION_ID}',
      payment_intent: null,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toMatch(new RegExp(`^https://checkout\\.stripe\\.com/c/pay/${session.id}#`));
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);

    const [call] = fake.callsTo('POST', '/v1/checkout/sessions');
    expect(call).toMatchObject({
      idempotencyKey: 'checkout-order-1',
      status: 200,
      params: {
        metadata: { creator_id: 'c_7', tier: 'gold' },
        line_items: [
          {
            quantity: '2',
            price_data: { currency: 'eur', unit_amount: '500', product_data: { name: 'Gold tier' } },
          },
        ],
      },
    });

    const expanded = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items'] });
    expect(expanded.line_items?.data).toHaveLength(1);
    expect(expanded.line_items?.data[0]).toMatchObject({
      object: 'item',
      quantity: 2,
      amount_total: 1000,
      currency: 'eur',
      description: 'Gold tier',
      price: { object: 'price', unit_amount: 500, type: 'one_time' },
    });

    const completed = fake.completeCheckoutSession(session.id);
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const pi = await stripe.paymentIntents.retrieve(completed.payment_intent as string);
    expect(pi).toMatchObject({ status: 'succeeded', amount: 1000, metadata: { creator_id: 'c_7' } });
    expect(fake.events.map((e) => e.type)).toEqual([
      'payment_method.attached',
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
  });

  it('creates a setup-mode checkout session and saves the card on completion', async () => {
    const customer = await stripe.customers.create({ email: 'fan@example.com' });
    const session = await stripe.checkout.sessions.create({
      mode: 'setup',
      currency: 'eur',
      customer: customer.id,
      success_url: 'https://example.com/done',
      metadata: { purpose: 'save_card' },
    });
    expect(session).toMatchObject({
      mode: 'setup',
      payment_status: 'no_payment_required',
      amount_total: null,
    });

    fake.completeCheckoutSession(session.id);
    const methods = await stripe.customers.listPaymentMethods(customer.id);
    expect(methods.data).toHaveLength(1);
    expect(methods.data[0]).toMatchObject({ object: 'payment_method', type: 'card', customer: customer.id });
    const viaTopLevel = await stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(viaTopLevel.data.map((pm) => pm.id)).toEqual(methods.data.map((pm) => pm.id));
  });

  it('rejects invalid checkout params like Stripe', async () => {
    const err = await caught(
      stripe.checkout.sessions.create({ mode: 'payment', success_url: 'https://x.test' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'line_items' });
  });

  it('creates a billing portal session for a customer', async () => {
    const customer = await stripe.customers.create({});
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://t.me/fanbridge_bot',
    });
    expect(portal).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: 'https://t.me/fanbridge_bot',
      livemode: false,
    });
    expect(portal.id).toMatch(/^bps_/);
    expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\/test_/);
  });

  it('detaches a PaymentMethod for good: payment_method.detached, then it can be neither detached, attached nor charged', async () => {
    const customer = await stripe.customers.create({});
    const pm = fake.attachPaymentMethod(customer.id);
    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached).toMatchObject({ id: pm.id, object: 'payment_method', customer: null });
    const event = fake.events.at(-1)!;
    expect(event.type).toBe('payment_method.detached');
    expect(event.data.object).toMatchObject({ id: pm.id, customer: null });
    expect(event.data.previous_attributes).toEqual({ customer: customer.id });

    const again = await caught(stripe.paymentMethods.detach(pm.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again.message).toMatch(/not attached to a customer/);
    const reattach = await caught(stripe.paymentMethods.attach(pm.id, { customer: customer.id }));
    expect(reattach).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const charge = await caught(
      stripe.paymentIntents.create({
        amount: 500,
        currency: 'usd',
        customer: customer.id,
        payment_method: pm.id,
        off_session: true,
        confirm: true,
      }),
    );
    expect(charge).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(fake.events.filter((e) => e.type === 'payment_method.detached')).toHaveLength(1);
  });

  it('fails an off-session payment with authentication_required as a StripeCardError', async () => {
    const customer = await stripe.customers.create({});
    const pm = fake.attachPaymentMethod(customer.id);
    fake.setPaymentOutcome(customer.id, 'authentication_required');

    const err = await caught(
      stripe.paymentIntents.create({
        amount: 999,
        currency: 'eur',
        customer: customer.id,
        payment_method: pm.id,
        off_session: true,
        confirm: true,
        metadata: { renewal: 'sub_1' },
      }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    const cardError = err as Stripe.errors.StripeCardError;
    expect(cardError.statusCode).toBe(402);
    expect(cardError.code).toBe('authentication_required');
    expect(cardError.decline_code).toBe('authentication_required');
    expect(cardError.payment_method?.id).toBe(pm.id);
    const failed = cardError.payment_intent;
    expect(failed).toMatchObject({
      object: 'payment_intent',
      status: 'requires_payment_method',
      customer: customer.id,
      metadata: { renewal: 'sub_1' },
      last_payment_error: { code: 'authentication_required', type: 'card_error' },
    });

    const stored = await stripe.paymentIntents.retrieve(failed?.id as string);
    expect(stored.status).toBe('requires_payment_method');
    expect(fake.events.at(-1)?.type).toBe('payment_intent.payment_failed');

    // The same card on-session asks for 3-D Secure instead of failing.
    const onSession = await stripe.paymentIntents.create({
      amount: 999,
      currency: 'eur',
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
    });
    expect(onSession).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
  });

  it('scripts declines for the next call and by test card, then succeeds and refunds', async () => {
    const customer = await stripe.customers.create({});
    const pm = fake.attachPaymentMethod(customer.id);
    const charge = (payment_method: string) =>
      stripe.paymentIntents.create({
        amount: 1500,
        currency: 'usd',
        customer: customer.id,
        payment_method,
        off_session: true,
        confirm: true,
      });

    fake.nextPaymentOutcome('card_declined');
    expect(await caught(charge(pm.id))).toMatchObject({
      code: 'card_declined',
      decline_code: 'generic_decline',
    });

    const insufficient = await caught(
      stripe.paymentIntents.create({
        amount: 1500,
        currency: 'usd',
        payment_method: 'pm_card_chargeDeclinedInsufficientFunds',
        confirm: true,
      }),
    );
    expect(insufficient).toMatchObject({ type: 'StripeCardError', decline_code: 'insufficient_funds' });

    const paid = await charge(pm.id);
    expect(paid).toMatchObject({ status: 'succeeded', amount_received: 1500 });
    expect(paid.latest_charge).toMatch(/^ch_/);

    const refund = await stripe.refunds.create({ payment_intent: paid.id, amount: 500 });
    expect(refund).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 500,
      payment_intent: paid.id,
    });
    const tooMuch = await caught(stripe.refunds.create({ payment_intent: paid.id, amount: 1001 }));
    expect(tooMuch).toMatchObject({ statusCode: 400, code: 'amount_too_large' });

    const refunded = fake.events.at(-1);
    expect(refunded?.type).toBe('charge.refunded');
    expect(refunded?.data.object).toMatchObject({ amount_refunded: 500, refunded: false });
  });

  it('replays an idempotent request and rejects a reused key with other params', async () => {
    const params = { email: 'same@example.com', metadata: { n: '1' } };
    const first = await stripe.customers.create(params, { idempotencyKey: 'create-fan-1' });
    const second = await stripe.customers.create(params, { idempotencyKey: 'create-fan-1' });
    expect(second).toEqual(first);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(fake.objects.customers.size).toBe(1);
    expect(fake.calls.map((c) => c.replayed ?? false)).toEqual([false, true]);

    const err = await caught(
      stripe.customers.create({ ...params, email: 'other@example.com' }, { idempotencyKey: 'create-fan-1' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.message).toMatch(/same parameters/);
  });

  it('replays a declined payment rather than charging twice', async () => {
    const customer = await stripe.customers.create({});
    const pm = fake.attachPaymentMethod(customer.id);
    fake.nextPaymentOutcome('card_declined', 'succeed');
    const params = {
      amount: 700,
      currency: 'usd',
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
    };
    const first = await caught(stripe.paymentIntents.create(params, { idempotencyKey: 'renew-1' }));
    const again = await caught(stripe.paymentIntents.create(params, { idempotencyKey: 'renew-1' }));
    expect((again as Stripe.errors.StripeCardError).payment_intent?.id).toBe(
      (first as Stripe.errors.StripeCardError).payment_intent?.id,
    );
    expect(fake.objects.paymentIntents.size).toBe(1);
  });

  it('injects failures; the SDK retries a 500 with the same idempotency key', async () => {
    fake.failNext('/v1/customers', 'api_error', { method: 'POST' });
    const customer = await stripe.customers.create({ email: 'retry@example.com' });
    expect(customer.email).toBe('retry@example.com');
    const calls = fake.callsTo('POST', '/v1/customers');
    expect(calls.map((c) => c.status)).toEqual([500, 200]);
    expect(calls[0]?.idempotencyKey).toMatch(/^stripe-node-retry-/);
    expect(calls[1]?.idempotencyKey).toBe(calls[0]?.idempotencyKey);

    fake.failNext('/v1/billing_portal/sessions', {
      status: 400,
      code: 'resource_missing',
      message: 'No config',
    });
    const err = await caught(stripe.billingPortal.sessions.create({ customer: customer.id }));
    expect(err).toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      message: 'No config',
    });
  });

  it('answers unknown routes and live keys with Stripe-shaped errors', async () => {
    const res = await fetch(`${fake.apiBase}/v1/subscriptions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${SENTINELS.fakeStripeSecretKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'customer=cus_1',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    expect(await res.json()).toMatchObject({
      error: {
        type: 'invalid_request_error',
        message: expect.stringMatching(/^Unrecognized request URL \(POST: \/v1\/subscriptions\)/),
      },
    });

    const live = createStripeClient({
      secretKey: 'sk_live_nope',
      apiBase: fake.apiBase,
      maxNetworkRetries: 0,
    });
    expect(await caught(live.customers.list())).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('creates products and prices', async () => {
    const product = await stripe.products.create({ name: 'Gold tier', metadata: { tier: 'gold' } });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'eur',
      unit_amount: 900,
      recurring: { interval: 'month' },
    });
    expect(product).toMatchObject({ object: 'product', name: 'Gold tier', metadata: { tier: 'gold' } });
    expect(product.id).toMatch(/^prod_/);
    expect(price).toMatchObject({
      object: 'price',
      product: product.id,
      unit_amount: 900,
      type: 'recurring',
      recurring: { interval: 'month', interval_count: 1 },
    });
    expect(price.id).toMatch(/^price_/);
  });

  it('updates products (rename) and prices (archive); a price’s amount cannot change', async () => {
    const product = await stripe.products.create({ name: 'Pack' });
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 499 });
    const renamed = await stripe.products.update(product.id, { name: 'Big pack' });
    expect(renamed).toMatchObject({ id: product.id, name: 'Big pack' });
    const archived = await stripe.prices.update(price.id, { active: false }, { idempotencyKey: 'archive-1' });
    expect(archived).toMatchObject({ id: price.id, active: false, unit_amount: 499 });
    expect(fake.objects.prices.get(price.id)!.active).toBe(false);
    const err = await caught(
      stripe.prices.update(price.id, { unit_amount: 599 } as unknown as Stripe.PriceUpdateParams),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const missing = await caught(stripe.prices.update('price_nope', { active: false }));
    expect((missing as Stripe.errors.StripeError).statusCode).toBe(404);
  });
});

describe('list endpoints (reconciliation reads)', () => {
  it('list PaymentIntents, refunds and disputes by created, newest first, paged with starting_after', async () => {
    const pis = [];
    for (const amount of [500, 600, 700]) {
      pis.push(
        await stripe.paymentIntents.create({
          amount,
          currency: 'usd',
          payment_method: 'pm_card_visa',
          confirm: true,
          metadata: { payment_id: String(amount) },
        }),
      );
    }
    await stripe.refunds.create({ payment_intent: pis[0]!.id, amount: 100 });
    fake.createDispute(pis[1]!.id);
    const now = Math.floor(Date.now() / 1000);
    const seen: Stripe.PaymentIntent[] = [];
    for await (const pi of stripe.paymentIntents.list({
      created: { gte: now - 60, lte: now + 60 },
      limit: 2,
      expand: ['data.latest_charge'],
    }))
      seen.push(pi);
    expect(seen.map((p) => p.amount)).toEqual([700, 600, 500]);
    expect((seen[2]!.latest_charge as Stripe.Charge).amount_refunded).toBe(100);
    expect(fake.callsTo('GET', '/v1/payment_intents')).toHaveLength(2);
    expect((await stripe.paymentIntents.list({ created: { gt: now + 60 } })).data).toEqual([]);
    const refunds = await stripe.refunds.list({ created: { gte: now - 60 } });
    expect(refunds.data.map((r) => r.payment_intent)).toEqual([pis[0]!.id]);
    const disputes = await stripe.disputes.list({ created: { gte: now - 60 } });
    expect(disputes.data.map((d) => d.payment_intent)).toEqual([pis[1]!.id]);
    expect((await stripe.disputes.retrieve(disputes.data[0]!.id)).status).toBe(disputes.data[0]!.status);
    expect((await stripe.charges.list({ payment_intent: pis[2]!.id })).data).toHaveLength(1);
  });
});

describe('webhook events', () => {
  it('builds a realistic event that constructEventAsync accepts', async () => {
    const event = buildEvent('checkout.session.completed', {
      client_reference_id: 'tg:1001',
      metadata: { creator_id: 'c_7' },
      amount_total: 500,
    });
    expect(event).toMatchObject({
      object: 'event',
      type: 'checkout.session.completed',
      api_version: Stripe.API_VERSION,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: {
        object: {
          object: 'checkout.session',
          status: 'complete',
          payment_status: 'paid',
          amount_total: 500,
          client_reference_id: 'tg:1001',
          metadata: { creator_id: 'c_7' },
        },
      },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(event.data.object.payment_intent).toMatch(/^pi_/);

    const { payload, signature } = signEvent(event, WEBHOOK_SECRET);
    const verified = await stripe.webhooks.constructEventAsync(payload, signature, WEBHOOK_SECRET);
    expect(verified).toEqual(event);

    const tampered = payload.replace('"amount_total": 500', '"amount_total": 5');
    expect(tampered).not.toBe(payload);
    await expect(
      stripe.webhooks.constructEventAsync(tampered, signature, WEBHOOK_SECRET),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeSignatureVerificationError);
    await expect(
      stripe.webhooks.constructEventAsync(payload, signature, 'whsec_other'),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeSignatureVerificationError);
    const stale = signPayload(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600);
    await expect(stripe.webhooks.constructEventAsync(payload, stale, WEBHOOK_SECRET)).rejects.toThrow(
      /tolerance/,
    );
  });

  it('signs exactly like the SDK test helper', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' });
    const t = 1_700_000_000;
    expect(signPayload(payload, WEBHOOK_SECRET, t)).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: t }),
    );
    expect(signPayload(payload, WEBHOOK_SECRET, t)).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it('shapes every supported event type from the fixtures', () => {
    const objects = {
      'checkout.session.async_payment_succeeded': ['checkout.session', { payment_status: 'paid' }],
      'checkout.session.async_payment_failed': ['checkout.session', { payment_status: 'unpaid' }],
      'payment_intent.succeeded': ['payment_intent', { status: 'succeeded' }],
      'payment_intent.payment_failed': [
        'payment_intent',
        { status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } },
      ],
      'payment_method.attached': ['payment_method', { type: 'card' }],
      'charge.dispute.created': ['dispute', { status: 'needs_response' }],
      'charge.dispute.closed': ['dispute', { status: 'lost' }],
      'charge.refunded': ['charge', { refunded: true }],
    } as const;
    for (const [type, [object, fields]] of Object.entries(objects)) {
      const event = buildEvent(type as keyof typeof objects, {});
      expect(event.type).toBe(type);
      expect(event.data.object).toMatchObject({ object, livemode: false, ...fields });
    }
    const refunded = buildEvent('charge.refunded', { amount: 2500, customer: 'cus_fixed' });
    expect(refunded.data.object).toMatchObject({
      amount: 2500,
      amount_refunded: 2500,
      customer: 'cus_fixed',
    });
    expect(refunded.data.object.refunds?.data[0]).toMatchObject({ object: 'refund', amount: 2500 });
  });

  it('records events for fake-side actions (disputes)', async () => {
    const customer = await stripe.customers.create({});
    const pm = fake.attachPaymentMethod(customer.id);
    const pi = await stripe.paymentIntents.create({
      amount: 1200,
      currency: 'usd',
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
    });
    const dispute = fake.createDispute(pi.id);
    expect(dispute).toMatchObject({ object: 'dispute', payment_intent: pi.id, amount: 1200 });
    fake.closeDispute(dispute.id, 'won');
    expect(fake.events.slice(-2).map((e) => [e.type, (e.data.object as Stripe.Dispute).status])).toEqual([
      ['charge.dispute.created', 'needs_response'],
      ['charge.dispute.closed', 'won'],
    ]);
  });
});
