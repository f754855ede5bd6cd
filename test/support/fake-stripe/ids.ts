import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: rejecting the tail keeps the distribution uniform.
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/**
 * Id shapes as Stripe issues them in test mode (prefix + random base62). Callers should treat ids as
 * opaque; only the prefixes are meaningful.
 */
const SHAPES = {
  customer: ['cus_', 14],
  checkoutSession: ['cs_test_a1', 56],
  lineItem: ['li_1', 23],
  portalSession: ['bps_1', 23],
  portalConfiguration: ['bpc_1', 23],
  paymentIntent: ['pi_3', 23],
  setupIntent: ['seti_1', 23],
  paymentMethod: ['pm_1', 23],
  charge: ['ch_3', 23],
  balanceTransaction: ['txn_3', 23],
  refund: ['re_3', 23],
  dispute: ['dp_1', 23],
  price: ['price_1', 23],
  product: ['prod_', 14],
  event: ['evt_1', 23],
  request: ['req_', 14],
} as const satisfies Record<string, readonly [string, number]>;

export type IdKind = keyof typeof SHAPES;

export function newId(kind: IdKind): string {
  const [prefix, length] = SHAPES[kind];
  return prefix + randomAlnum(length);
}

export function clientSecret(id: string): string {
  return `${id}_secret_${randomAlnum(25)}`;
}

export function uuid(): string {
  return randomUUID();
}
