/** The fake Stripe's products & prices routes. */
import { invalidRequest, parameterMissing } from '../errors.ts';
import type { StripeJson } from '../fixtures.ts';
import type { FormParams } from '../form.ts';
import { buildPrice, buildProduct } from '../objects.ts';
import { bool, currency, int, metadata, obj, reqStr, str } from '../params.ts';
import { render } from '../respond.ts';
import type { RouteKit } from './kit.ts';

export function productRoutes({ app, state, store, mustGet }: RouteKit) {
  const createPrice = (p: FormParams, prefix: string, productId: string | undefined): StripeJson => {
    const field = (name: string): string => (prefix ? `${prefix}[${name}]` : name);
    const cur = currency(p, 'currency', field('currency'));
    const unitAmount = int(p, 'unit_amount', field('unit_amount'));
    if (unitAmount === undefined) throw parameterMissing(field('unit_amount'));
    if (unitAmount < 0)
      throw invalidRequest('This value must be greater than or equal to 0.', { param: field('unit_amount') });
    let product = productId;
    if (product === undefined) {
      const productParam = str(p, 'product', field('product'));
      const productData = obj(p, 'product_data', field('product_data'));
      if (productParam) {
        mustGet('products', productParam, 'product', field('product'));
        product = productParam;
      } else if (productData) {
        const created = buildProduct({
          name: reqStr(productData, 'name', `${field('product_data')}[name]`),
          description: str(productData, 'description') || null,
          metadata: metadata(productData),
        });
        store.products.set(created.id, created);
        product = created.id as string;
      } else {
        throw invalidRequest('You must specify either `product` or `product_data` when creating a price.', {
          param: field('product'),
        });
      }
    }
    const recurringParams = obj(p, 'recurring', field('recurring'));
    let recurring: { interval: string; interval_count: number } | null = null;
    if (recurringParams) {
      const interval = reqStr(recurringParams, 'interval', `${field('recurring')}[interval]`);
      if (!['day', 'week', 'month', 'year'].includes(interval)) {
        throw invalidRequest(`Invalid recurring[interval]: must be one of day, week, month, or year`, {
          param: `${field('recurring')}[interval]`,
        });
      }
      recurring = { interval, interval_count: int(recurringParams, 'interval_count') ?? 1 };
    }
    const price = buildPrice({
      currency: cur,
      unit_amount: unitAmount,
      product,
      recurring,
      nickname: str(p, 'nickname') || null,
      lookup_key: str(p, 'lookup_key') || null,
      active: bool(p, 'active') ?? true,
      metadata: metadata(p),
    });
    store.prices.set(price.id, price);
    return price;
  };

  app.post('/v1/products', (c) => {
    const p = c.var.params;
    const product = buildProduct({
      name: reqStr(p, 'name'),
      description: str(p, 'description') || null,
      active: bool(p, 'active') ?? true,
      metadata: metadata(p),
    });
    const defaultPriceData = obj(p, 'default_price_data');
    store.products.set(product.id, product);
    if (defaultPriceData)
      product.default_price = createPrice(defaultPriceData, 'default_price_data', product.id).id;
    return render(state, c, product);
  });

  app.get('/v1/products/:id', (c) => render(state, c, mustGet('products', c.req.param('id'), 'product')));

  app.post('/v1/prices', (c) => render(state, c, createPrice(c.var.params, '', undefined)));

  app.get('/v1/prices/:id', (c) => render(state, c, mustGet('prices', c.req.param('id'), 'price')));
  return { createPrice };
}
