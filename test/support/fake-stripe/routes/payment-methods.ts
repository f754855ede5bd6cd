/** The fake Stripe's payment methods routes. */
import { invalidRequest, resourceMissing } from '../errors.ts';
import type { StripeJson } from '../fixtures.ts';
import { buildPaymentMethod, TEST_PAYMENT_METHODS } from '../objects.ts';
import { reqStr, str } from '../params.ts';
import { render } from '../respond.ts';
import type { ListPaymentMethods, RouteKit } from './kit.ts';

export function paymentMethodRoutes({
  app,
  state,
  store,
  requestRef,
  mustGet,
  listPaymentMethods,
}: RouteKit & { listPaymentMethods: ListPaymentMethods }) {
  /** A stored PaymentMethod, or a fresh one for a test token such as `pm_card_visa`. */
  const resolvePaymentMethod = (id: string, param: string): StripeJson => {
    const token = TEST_PAYMENT_METHODS[id];
    if (token) {
      const pm = buildPaymentMethod({ card: token.card });
      store.paymentMethods.set(pm.id, pm);
      if (token.outcome) state.paymentMethodOutcomes.set(pm.id, token.outcome);
      return pm;
    }
    const pm = store.paymentMethods.get(id);
    if (!pm) throw resourceMissing('PaymentMethod', id, param);
    refuseDetached(pm, param);
    return pm;
  };

  /** Detachment is permanent in Stripe: the method can be neither charged nor attached again. */
  const refuseDetached = (pm: StripeJson, param: string): void => {
    if (!state.detachedPaymentMethods.has(pm.id)) return;
    throw invalidRequest(
      'The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.',
      { param },
    );
  };

  app.get('/v1/payment_methods', (c) => {
    const customerId = str(c.var.params, 'customer');
    if (customerId) mustGet('customers', customerId, 'customer', 'customer');
    return listPaymentMethods(c, customerId, '/v1/payment_methods');
  });

  app.get('/v1/payment_methods/:id', (c) =>
    render(state, c, mustGet('paymentMethods', c.req.param('id'), 'PaymentMethod')),
  );

  app.post('/v1/payment_methods/:id/attach', (c) => {
    const customer = mustGet('customers', reqStr(c.var.params, 'customer'), 'customer', 'customer');
    const id = c.req.param('id');
    const pm = TEST_PAYMENT_METHODS[id]
      ? resolvePaymentMethod(id, 'id')
      : mustGet('paymentMethods', id, 'PaymentMethod');
    refuseDetached(pm, 'payment_method');
    if (pm.customer === customer.id) return render(state, c, pm);
    if (pm.customer)
      throw invalidRequest('The payment method you provided has already been attached to a customer.');
    pm.customer = customer.id;
    state.emit('payment_method.attached', pm, requestRef(c));
    return render(state, c, pm);
  });

  app.post('/v1/payment_methods/:id/detach', (c) => {
    const pm = mustGet('paymentMethods', c.req.param('id'), 'PaymentMethod');
    if (!pm.customer) {
      throw invalidRequest(
        'The payment method you provided is not attached to a customer so detachment is impossible.',
      );
    }
    const customer = pm.customer as string;
    pm.customer = null;
    state.detachedPaymentMethods.add(pm.id);
    state.emit('payment_method.detached', pm, requestRef(c), { customer });
    return render(state, c, pm);
  });
  return { resolvePaymentMethod };
}
