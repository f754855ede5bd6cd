/** The fake Stripe's customers routes. */
import { invalidRequest, resourceMissing } from '../errors.ts';
import { buildCustomer } from '../objects.ts';
import { type Ctx, metadata, obj, str, strArr } from '../params.ts';
import { newestFirst, page, render } from '../respond.ts';
import type { RouteKit } from './kit.ts';

export function customerRoutes({ app, state, store, mustGet }: RouteKit) {
  app.post('/v1/customers', (c) => {
    const p = c.var.params;
    const defaultPm = str(obj(p, 'invoice_settings') ?? {}, 'default_payment_method');
    if (defaultPm)
      throw resourceMissing('PaymentMethod', defaultPm, 'invoice_settings[default_payment_method]');
    const customer = buildCustomer({
      email: str(p, 'email') || null,
      name: str(p, 'name') || null,
      phone: str(p, 'phone') || null,
      description: str(p, 'description') || null,
      metadata: metadata(p),
      preferred_locales: strArr(p, 'preferred_locales') ?? [],
    });
    store.customers.set(customer.id, customer);
    return render(state, c, customer);
  });

  app.get('/v1/customers', (c) => {
    const email = str(c.var.params, 'email');
    const all = newestFirst(store.customers).filter((cu) => email === undefined || cu.email === email);
    return render(state, c, page(c, all, '/v1/customers', 'customer'));
  });

  app.get('/v1/customers/:id', (c) => render(state, c, mustGet('customers', c.req.param('id'), 'customer')));

  app.post('/v1/customers/:id', (c) => {
    const customer = mustGet('customers', c.req.param('id'), 'customer');
    const p = c.var.params;
    for (const field of ['email', 'name', 'phone', 'description'] as const) {
      const v = str(p, field);
      if (v !== undefined) customer[field] = v === '' ? null : v;
    }
    if (p.metadata !== undefined) customer.metadata = metadata(p, 'metadata', customer.metadata);
    const locales = strArr(p, 'preferred_locales');
    if (locales) customer.preferred_locales = locales;
    const invoiceSettings = obj(p, 'invoice_settings');
    const defaultPm = invoiceSettings ? str(invoiceSettings, 'default_payment_method') : undefined;
    if (defaultPm !== undefined) {
      if (defaultPm !== '' && store.paymentMethods.get(defaultPm)?.customer !== customer.id) {
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${defaultPm}. The payment method must be attached to the customer.`,
          { param: 'invoice_settings[default_payment_method]' },
        );
      }
      customer.invoice_settings.default_payment_method = defaultPm === '' ? null : defaultPm;
    }
    return render(state, c, customer);
  });

  const listPaymentMethods = (c: Ctx, customerId: string | undefined, urlPath: string): Response => {
    const type = str(c.var.params, 'type');
    const all = newestFirst(store.paymentMethods).filter(
      (pm) =>
        (customerId === undefined || pm.customer === customerId) && (type === undefined || pm.type === type),
    );
    return render(state, c, page(c, all, urlPath, 'PaymentMethod'));
  };

  app.get('/v1/customers/:id/payment_methods', (c) => {
    const customer = mustGet('customers', c.req.param('id'), 'customer');
    return listPaymentMethods(c, customer.id, `/v1/customers/${customer.id}/payment_methods`);
  });
  return { listPaymentMethods };
}
