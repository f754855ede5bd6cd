import { readFileSync } from 'node:fs';

/**
 * Object templates in test/fixtures/stripe/*.json: shapes copied from Stripe's OpenAPI fixtures
 * (stripe/openapi) via test/fixtures/stripe-fixtures.json. Each file is
 * `{ "_source": ..., "_normalized": [...], "object": {...} }`; only `object` is returned.
 */
export type StripeFixtureName =
  | 'billing_portal_session'
  | 'charge'
  | 'checkout_session'
  | 'customer'
  | 'dispute'
  | 'event'
  | 'line_item'
  | 'payment_intent'
  | 'payment_method'
  | 'price'
  | 'product'
  | 'refund'
  | 'setup_intent';

export type StripeJson = Record<string, any>;

const cache = new Map<StripeFixtureName, StripeJson>();

/** A fresh deep copy of the template, safe to mutate. */
export function loadStripeFixture<T = StripeJson>(name: StripeFixtureName): T {
  let template = cache.get(name);
  if (template === undefined) {
    const url = new URL(`../../fixtures/stripe/${name}.json`, import.meta.url);
    const doc = JSON.parse(readFileSync(url, 'utf8')) as { object: StripeJson };
    template = doc.object;
    cache.set(name, template);
  }
  return structuredClone(template) as T;
}

/** Recursively optional; arrays may hold partial elements (they replace, not merge). */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isPlainObject(value: unknown): value is StripeJson {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `overrides` merged into a copy of `base`: plain objects merge key by key, anything else (arrays,
 * scalars, null) replaces; `undefined` leaves the base value alone.
 */
export function deepMerge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(overrides)) return overrides === undefined ? base : (structuredClone(overrides) as T);
  const out: StripeJson = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    out[key] =
      isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : structuredClone(value);
  }
  return out as T;
}
