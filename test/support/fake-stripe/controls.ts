/** What a test does to the fake Stripe directly: scripted outcomes, completed checkouts, disputes… */
import type Stripe from 'stripe';
import { deepMerge, type StripeJson } from './fixtures.ts';
import {
  buildCharge,
  buildCustomer,
  buildDispute,
  buildPaymentIntent,
  buildPaymentMethod,
  buildSetupIntent,
} from './objects.ts';
import type { State } from './state.ts';
import { clone, type Collection, type FakeStripe } from './state.ts';

export function testControls(
  state: State,
): Omit<FakeStripe, 'apiBase' | 'close' | 'calls' | 'objects' | 'events'> {
  const { store } = state;
  const noRequest = null;

  const get = (collection: Collection, id: string): StripeJson => {
    const found = store[collection].get(id);
    if (!found) throw new Error(`fake-stripe: no ${collection} object ${id}`);
    return found;
  };

  const succeedIntent = (pi: StripeJson, pm: StripeJson): void => {
    const charge = buildCharge({
      amount: pi.amount,
      currency: pi.currency,
      customer: pi.customer,
      payment_intent: pi.id,
      payment_method: pm,
      metadata: pi.metadata,
      description: pi.description,
    });
    store.charges.set(charge.id, charge);
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
  };

  return {
    reset: () => state.reset(),

    failNext(path, error, opts = {}) {
      state.failures.push({
        path,
        error,
        remaining: opts.times ?? 1,
        ...(opts.method ? { method: opts.method } : {}),
      });
    },

    nextPaymentOutcome(...outcomes) {
      state.outcomeQueue.push(...outcomes);
    },

    setPaymentOutcome(customerId, outcome) {
      if (outcome === null) state.customerOutcomes.delete(customerId);
      else state.customerOutcomes.set(customerId, outcome);
    },

    attachPaymentMethod(customerId, opts = {}) {
      get('customers', customerId);
      const pm = buildPaymentMethod({ customer: customerId, ...(opts.card ? { card: opts.card } : {}) });
      const merged = deepMerge(pm, opts.overrides);
      store.paymentMethods.set(merged.id, merged);
      if (opts.outcome) state.paymentMethodOutcomes.set(merged.id, opts.outcome);
      state.emit('payment_method.attached', merged, noRequest);
      return clone(merged) as Stripe.PaymentMethod;
    },

    completeCheckoutSession(id, opts = {}) {
      const session = get('checkoutSessions', id);
      if (session.status !== 'open')
        throw new Error(`fake-stripe: checkout session ${id} is ${session.status}`);
      const extras = state.sessionExtras.get(id);
      const existing = session.customer ? store.customers.get(session.customer) : undefined;
      const email = opts.email ?? session.customer_email ?? existing?.email ?? 'fan@example.com';
      const name = opts.name ?? existing?.name ?? 'Test Fan';
      const saveCard = session.mode === 'setup' || Boolean(extras?.paymentIntentData.setupFutureUsage);
      if (!session.customer && (saveCard || session.customer_creation === 'always')) {
        const customer = buildCustomer({ email, name });
        store.customers.set(customer.id, customer);
        session.customer = customer.id;
      }
      const pm = buildPaymentMethod({
        customer: saveCard ? session.customer : null,
        billing_details: { email, name },
        ...(opts.card ? { card: opts.card } : {}),
      });
      store.paymentMethods.set(pm.id, pm);
      session.status = 'complete';
      session.url = null;
      session.customer_details = {
        address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: null },
        business_name: null,
        email,
        individual_name: null,
        name,
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      };
      if (saveCard) state.emit('payment_method.attached', pm, noRequest);
      if (session.mode === 'setup') {
        const si = buildSetupIntent({
          customer: session.customer,
          payment_method: pm.id,
          metadata: extras?.setupIntentData.metadata ?? {},
        });
        store.setupIntents.set(si.id, si);
        session.setup_intent = si.id;
      } else {
        const pi = buildPaymentIntent({
          amount: session.amount_total,
          currency: session.currency,
          customer: session.customer,
          payment_method: pm.id,
          metadata: extras?.paymentIntentData.metadata ?? {},
          description: extras?.paymentIntentData.description ?? null,
          setup_future_usage: extras?.paymentIntentData.setupFutureUsage ?? null,
          status: 'processing',
        });
        store.paymentIntents.set(pi.id, pi);
        session.payment_intent = pi.id;
        if (opts.async) {
          session.payment_status = 'unpaid';
        } else {
          succeedIntent(pi, pm);
          session.payment_status = 'paid';
          state.emit('payment_intent.succeeded', pi, noRequest);
        }
      }
      state.emit('checkout.session.completed', session, noRequest);
      return clone(session) as Stripe.Checkout.Session;
    },

    settleCheckoutSession(id, result) {
      const session = get('checkoutSessions', id);
      const pi = session.payment_intent ? store.paymentIntents.get(session.payment_intent) : undefined;
      if (
        session.status !== 'complete' ||
        session.payment_status !== 'unpaid' ||
        pi?.status !== 'processing'
      ) {
        throw new Error(`fake-stripe: checkout session ${id} has no pending async payment`);
      }
      if (result === 'succeeded') {
        succeedIntent(pi, get('paymentMethods', pi.payment_method));
        session.payment_status = 'paid';
        state.emit('payment_intent.succeeded', pi, noRequest);
        state.emit('checkout.session.async_payment_succeeded', session, noRequest);
      } else {
        pi.status = 'requires_payment_method';
        pi.last_payment_error = {
          code: 'payment_method_provider_decline',
          message: 'The payment was declined by the payment method provider.',
          payment_method: clone(store.paymentMethods.get(pi.payment_method) ?? null),
          type: 'invalid_request_error',
        };
        pi.payment_method = null;
        state.emit('payment_intent.payment_failed', pi, noRequest);
        state.emit('checkout.session.async_payment_failed', session, noRequest);
      }
      return clone(session) as Stripe.Checkout.Session;
    },

    expireCheckoutSession(id) {
      const session = get('checkoutSessions', id);
      if (session.status !== 'open')
        throw new Error(`fake-stripe: checkout session ${id} is ${session.status}`);
      session.status = 'expired';
      session.url = null;
      state.emit('checkout.session.expired', session, noRequest);
      return clone(session) as Stripe.Checkout.Session;
    },

    createDispute(ref, opts = {}) {
      const chargeId = ref.startsWith('pi_') ? get('paymentIntents', ref).latest_charge : ref;
      const charge = get('charges', chargeId);
      if (charge.status !== 'succeeded') throw new Error(`fake-stripe: charge ${chargeId} did not succeed`);
      charge.disputed = true;
      const dispute = buildDispute({
        amount: opts.amount ?? charge.amount - charge.amount_refunded,
        currency: charge.currency,
        charge: charge.id,
        payment_intent: charge.payment_intent,
        ...(opts.reason ? { reason: opts.reason } : {}),
      });
      store.disputes.set(dispute.id, dispute);
      state.emit('charge.dispute.created', dispute, noRequest);
      return clone(dispute) as Stripe.Dispute;
    },

    closeDispute(id, status) {
      const dispute = get('disputes', id);
      dispute.status = status;
      dispute.evidence_details.has_evidence = status === 'won';
      state.emit('charge.dispute.closed', dispute, noRequest);
      return clone(dispute) as Stripe.Dispute;
    },

    callsTo(method, path) {
      return state.calls.filter(
        (call) =>
          call.method === method.toUpperCase() &&
          (typeof path === 'string' ? call.path === path : path.test(call.path)),
      );
    },
  };
}
