/** The fake Stripe's payment intents routes. */
import { invalidRequest, parameterMissing, type StripeErrorBody, StripeHttpError } from '../errors.ts';
import type { StripeJson } from '../fixtures.ts';
import { buildCharge, buildPaymentIntent, cardErrorBody } from '../objects.ts';
import { bool, type Ctx, currency, int, metadata, MIN_CHARGE, str, strArr } from '../params.ts';
import { listFilter, newestFirst, page, render } from '../respond.ts';
import type { ResolvePaymentMethod, RouteKit } from './kit.ts';
import { clone, type PaymentOutcome } from '../state.ts';

export function paymentIntentRoutes({
  app,
  state,
  store,
  requestRef,
  mustGet,
  resolvePaymentMethod,
}: RouteKit & { resolvePaymentMethod: ResolvePaymentMethod }): void {
  const outcomeFor = (pi: StripeJson, pm: StripeJson): PaymentOutcome =>
    state.outcomeQueue.shift() ??
    (pi.customer ? state.customerOutcomes.get(pi.customer) : undefined) ??
    state.paymentMethodOutcomes.get(pm.id) ??
    'succeed';

  /** Confirms `pi` with `pm`; throws the 402 on decline after persisting the failed state. */
  const confirm = (c: Ctx, pi: StripeJson, pm: StripeJson, offSession: boolean): void => {
    const outcome = outcomeFor(pi, pm);
    pi.payment_method = pm.id;
    if (outcome === 'succeed') {
      const manual = pi.capture_method === 'manual';
      const charge = buildCharge({
        amount: pi.amount,
        currency: pi.currency,
        customer: pi.customer,
        payment_intent: pi.id,
        payment_method: pm,
        metadata: pi.metadata,
        description: pi.description,
        captured: !manual,
      });
      store.charges.set(charge.id, charge);
      pi.latest_charge = charge.id;
      pi.last_payment_error = null;
      pi.next_action = null;
      if (manual) {
        pi.status = 'requires_capture';
        pi.amount_capturable = pi.amount;
      } else {
        pi.status = 'succeeded';
        pi.amount_received = pi.amount;
      }
      if (pi.setup_future_usage && pi.customer && !pm.customer) {
        pm.customer = pi.customer;
        state.emit('payment_method.attached', pm, requestRef(c));
      }
      if (pi.status === 'succeeded') state.emit('payment_intent.succeeded', pi, requestRef(c));
      return;
    }
    if (outcome === 'authentication_required' && !offSession) {
      pi.status = 'requires_action';
      pi.next_action = {
        type: 'use_stripe_sdk',
        use_stripe_sdk: {
          type: 'three_d_secure_redirect',
          stripe_js: 'https://hooks.stripe.com/3d_secure_2/hosted',
        },
      };
      return;
    }
    const charge = buildCharge({
      amount: pi.amount,
      currency: pi.currency,
      customer: pi.customer,
      payment_intent: pi.id,
      payment_method: pm,
      metadata: pi.metadata,
      decline: outcome,
    });
    store.charges.set(charge.id, charge);
    pi.status = 'requires_payment_method';
    pi.payment_method = null;
    pi.latest_charge = charge.id;
    pi.next_action = null;
    pi.last_payment_error = cardErrorBody(outcome, { paymentMethod: clone(pm), charge: charge.id });
    state.emit('payment_intent.payment_failed', pi, requestRef(c));
    throw new StripeHttpError(
      402,
      cardErrorBody(outcome, {
        paymentMethod: clone(pm),
        charge: charge.id,
        paymentIntent: clone(pi),
      }) as StripeErrorBody,
    );
  };

  app.post('/v1/payment_intents', (c) => {
    const p = c.var.params;
    const amount = int(p, 'amount');
    if (amount === undefined) throw parameterMissing('amount');
    const cur = currency(p, 'currency');
    if (amount < 1)
      throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
    const min = MIN_CHARGE[cur];
    if (min !== undefined && amount < min) {
      throw invalidRequest(`Amount must be at least ${(min / 100).toFixed(2)} ${cur}`, {
        param: 'amount',
        code: 'amount_too_small',
      });
    }
    const customerId = str(p, 'customer') || null;
    if (customerId) mustGet('customers', customerId, 'customer', 'customer');
    const confirmNow = bool(p, 'confirm') ?? false;
    const offSessionRaw = str(p, 'off_session');
    const offSession =
      offSessionRaw === 'true' || offSessionRaw === 'one_off' || offSessionRaw === 'recurring';
    if (offSessionRaw !== undefined && offSessionRaw !== 'false' && !offSession) {
      throw invalidRequest(`Invalid off_session: ${offSessionRaw}`, { param: 'off_session' });
    }
    if (offSession && !confirmNow) {
      throw invalidRequest('`off_session` can only be used when `confirm=true`.', { param: 'off_session' });
    }
    const pmId = str(p, 'payment_method') || null;
    const pm = pmId ? resolvePaymentMethod(pmId, 'payment_method') : null;
    if (pm?.customer && pm.customer !== customerId) {
      throw invalidRequest(
        `The provided PaymentMethod is attached to a different Customer (${String(pm.customer)}); pass \`customer=${String(pm.customer)}\`.`,
        { param: 'payment_method' },
      );
    }
    if (confirmNow && !pm) {
      throw invalidRequest(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
        { param: 'payment_method', code: 'payment_intent_unexpected_state' },
      );
    }
    const captureMethod = str(p, 'capture_method');
    const sfu = str(p, 'setup_future_usage') || null;
    const pi = buildPaymentIntent({
      amount,
      currency: cur,
      customer: customerId,
      payment_method: pm?.id ?? null,
      metadata: metadata(p),
      description: str(p, 'description') || null,
      receipt_email: str(p, 'receipt_email') || null,
      ...(captureMethod === 'automatic' || captureMethod === 'automatic_async' || captureMethod === 'manual'
        ? { capture_method: captureMethod }
        : {}),
      setup_future_usage: sfu,
      ...(strArr(p, 'payment_method_types')
        ? { payment_method_types: strArr(p, 'payment_method_types') }
        : {}),
      statement_descriptor: str(p, 'statement_descriptor') || null,
      statement_descriptor_suffix: str(p, 'statement_descriptor_suffix') || null,
    });
    store.paymentIntents.set(pi.id, pi);
    if (confirmNow && pm) confirm(c, pi, pm, offSession);
    return render(state, c, pi);
  });

  app.get('/v1/payment_intents', (c) => {
    const all = newestFirst(store.paymentIntents).filter(listFilter(c, ['customer']));
    return render(state, c, page(c, all, '/v1/payment_intents', 'payment_intent'));
  });

  app.get('/v1/payment_intents/:id', (c) =>
    render(state, c, mustGet('paymentIntents', c.req.param('id'), 'payment_intent')),
  );

  app.post('/v1/payment_intents/:id/confirm', (c) => {
    const pi = mustGet('paymentIntents', c.req.param('id'), 'payment_intent');
    if (!['requires_payment_method', 'requires_confirmation', 'requires_action'].includes(pi.status)) {
      throw invalidRequest(
        `This PaymentIntent's status is ${String(pi.status)}, but must be one of requires_payment_method, requires_confirmation, or requires_action to be confirmed.`,
        { code: 'payment_intent_unexpected_state' },
      );
    }
    const p = c.var.params;
    const pmId = str(p, 'payment_method') || pi.payment_method;
    if (!pmId) throw parameterMissing('payment_method');
    const pm = resolvePaymentMethod(pmId, 'payment_method');
    const offSessionRaw = str(p, 'off_session');
    confirm(
      c,
      pi,
      pm,
      offSessionRaw === 'true' || offSessionRaw === 'one_off' || offSessionRaw === 'recurring',
    );
    return render(state, c, pi);
  });
}
