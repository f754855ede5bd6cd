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

  // Update a product: name, description, active, metadata (merged), default_price (one of its prices).
  app.post('/v1/products/:id', (c) => {
    const product = mustGet('products', c.req.param('id'), 'product');
    const p = c.var.params;
    const name = str(p, 'name');
    if (name === '') throw invalidRequest("You passed an empty string for 'name'.", { param: 'name' });
    if (name !== undefined) product.name = name;
    const description = str(p, 'description');
    if (description !== undefined) product.description = description === '' ? null : description;
    const active = bool(p, 'active');
    if (active !== undefined) product.active = active;
    const defaultPrice = str(p, 'default_price');
    if (defaultPrice !== undefined) {
      if (
        defaultPrice !== '' &&
        mustGet('prices', defaultPrice, 'price', 'default_price').product !== product.id
      )
        throw invalidRequest(`The price ${defaultPrice} does not belong to this product.`, {
          param: 'default_price',
        });
      product.default_price = defaultPrice === '' ? null : defaultPrice;
    }
    if (p.metadata !== undefined) product.metadata = metadata(p, 'metadata', product.metadata);
    product.updated = Math.floor(Date.now() / 1000);
    return render(state, c, product);
  });

  app.post('/v1/prices', (c) => render(state, c, createPrice(c.var.params, '', undefined)));

  app.get('/v1/prices/:id', (c) => render(state, c, mustGet('prices', c.req.param('id'), 'price')));

  // Update a price: only active, nickname, lookup_key and metadata can change (the amount cannot).
  app.post('/v1/prices/:id', (c) => {
    const price = mustGet('prices', c.req.param('id'), 'price');
    const p = c.var.params;
    for (const fixed of ['unit_amount', 'currency', 'product'])
      if (p[fixed] !== undefined)
        throw invalidRequest(`Received unknown parameter: ${fixed}`, { param: fixed });
    const active = bool(p, 'active');
    if (active !== undefined) price.active = active;
    const nickname = str(p, 'nickname');
    if (nickname !== undefined) price.nickname = nickname === '' ? null : nickname;
    const lookupKey = str(p, 'lookup_key');
    if (lookupKey !== undefined) price.lookup_key = lookupKey === '' ? null : lookupKey;
    if (p.metadata !== undefined) price.metadata = metadata(p, 'metadata', price.metadata);
    return render(state, c, price);
  });
  return { createPrice };
}
