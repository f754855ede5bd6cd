/** The fake Stripe's checkout routes. */
import { invalidRequest, parameterMissing } from '../errors.ts';
import type { StripeJson } from '../fixtures.ts';
import { buildCheckoutSession, buildLineItem } from '../objects.ts';
import { arr, int, metadata, obj, reqStr, str, strArr, url } from '../params.ts';
import { page, render } from '../respond.ts';
import type { CreatePrice, RouteKit } from './kit.ts';
import { clone } from '../state.ts';

export function checkoutRoutes({
  app,
  state,
  store,
  mustGet,
  createPrice,
}: RouteKit & { createPrice: CreatePrice }): void {
  app.post('/v1/checkout/sessions', (c) => {
    const p = c.var.params;
    const mode = reqStr(p, 'mode');
    if (mode === 'subscription') {
      throw invalidRequest('fake-stripe: checkout mode `subscription` is not implemented.', {
        param: 'mode',
      });
    }
    if (mode !== 'payment' && mode !== 'setup') {
      throw invalidRequest('Invalid mode: must be one of payment, setup, or subscription', { param: 'mode' });
    }
    const customerId = str(p, 'customer') || null;
    const customerEmail = str(p, 'customer_email') || null;
    if (customerId && customerEmail) {
      throw invalidRequest('You may only specify one of these parameters: customer, customer_email.', {
        param: 'customer_email',
      });
    }
    if (customerId) mustGet('customers', customerId, 'customer', 'customer');
    const clientReferenceId = str(p, 'client_reference_id') || null;
    if (clientReferenceId && clientReferenceId.length > 200) {
      throw invalidRequest('client_reference_id must be at most 200 characters.', {
        param: 'client_reference_id',
      });
    }

    const rawItems = arr(p, 'line_items');
    const lineItems: StripeJson[] = [];
    if (mode === 'setup' && rawItems) {
      throw invalidRequest('You cannot pass `line_items` in `setup` mode.', { param: 'line_items' });
    }
    if (mode === 'payment' && (!rawItems || rawItems.length === 0)) throw parameterMissing('line_items');
    (rawItems ?? []).forEach((raw, i) => {
      const at = `line_items[${i}]`;
      if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidRequest('Invalid hash', { param: at });
      const quantity = int(raw, 'quantity', `${at}[quantity]`);
      if (quantity === undefined) throw parameterMissing(`${at}[quantity]`);
      if (quantity < 1)
        throw invalidRequest('This value must be greater than or equal to 1.', { param: `${at}[quantity]` });
      const priceId = str(raw, 'price', `${at}[price]`);
      const priceData = obj(raw, 'price_data', `${at}[price_data]`);
      let price: StripeJson;
      if (priceId) price = mustGet('prices', priceId, 'price', `${at}[price]`);
      else if (priceData) price = createPrice(priceData, `${at}[price_data]`, undefined);
      else throw parameterMissing(`${at}[price]`);
      if (price.type === 'recurring') {
        throw invalidRequest(
          'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
          { param: `${at}[price]` },
        );
      }
      if (lineItems[0] && lineItems[0].currency !== price.currency) {
        throw invalidRequest('All line items must have the same currency.', { param: `${at}[price]` });
      }
      const product = store.products.get(price.product);
      lineItems.push(buildLineItem(clone(price), quantity, product?.name ?? null));
    });

    const total = lineItems.reduce((sum, li) => sum + (li.amount_total as number), 0);
    const pid = obj(p, 'payment_intent_data') ?? {};
    const sid = obj(p, 'setup_intent_data') ?? {};
    const session = buildCheckoutSession({
      mode,
      currency: lineItems[0]?.currency ?? (str(p, 'currency')?.toLowerCase() || null),
      amount_subtotal: mode === 'payment' ? total : null,
      amount_total: mode === 'payment' ? total : null,
      customer: customerId,
      customer_email: customerEmail,
      client_reference_id: clientReferenceId,
      success_url: url(p, 'success_url'),
      cancel_url: url(p, 'cancel_url'),
      metadata: metadata(p),
      locale: str(p, 'locale') || null,
      ...(int(p, 'expires_at') !== undefined ? { expires_at: int(p, 'expires_at') } : {}),
      ...(strArr(p, 'payment_method_types')
        ? { payment_method_types: strArr(p, 'payment_method_types') }
        : {}),
    });
    const creation = str(p, 'customer_creation');
    if (creation && !customerId) session.customer_creation = creation;
    store.checkoutSessions.set(session.id, session);
    store.checkoutLineItems.set(session.id, lineItems);
    state.sessionExtras.set(session.id, {
      paymentIntentData: {
        metadata: metadata(pid),
        description: str(pid, 'description') || null,
        setupFutureUsage: str(pid, 'setup_future_usage') || null,
      },
      setupIntentData: { metadata: metadata(sid) },
    });
    return render(state, c, session);
  });

  app.get('/v1/checkout/sessions/:id', (c) =>
    render(state, c, mustGet('checkoutSessions', c.req.param('id'), 'checkout.session')),
  );

  app.get('/v1/checkout/sessions/:id/line_items', (c) => {
    const session = mustGet('checkoutSessions', c.req.param('id'), 'checkout.session');
    const items = (store.checkoutLineItems.get(session.id) ?? []) as StripeJson[];
    return render(state, c, page(c, items, `/v1/checkout/sessions/${session.id}/line_items`, 'line item'));
  });
}
