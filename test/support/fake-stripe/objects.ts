/**
 * Builders for Stripe API objects, each starting from its fixture template
 * (test/fixtures/stripe/*.json) and filling in ids, timestamps and the fields that depend on the
 * request. Shared by the fake API server and by `buildEvent`.
 */
import { clientSecret, newId, randomAlnum } from './ids.ts';
import { loadStripeFixture, type StripeJson } from './fixtures.ts';

export type Metadata = Record<string, string>;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function list(url: string, data: StripeJson[], hasMore = false): StripeJson {
  return { object: 'list', data, has_more: hasMore, url };
}

// ---------------------------------------------------------------- cards

export interface TestCard {
  brand: string;
  last4: string;
  funding: 'credit' | 'debit';
  country: string;
}

export const DEFAULT_CARD: TestCard = { brand: 'visa', last4: '4242', funding: 'credit', country: 'US' };

/**
 * Stripe's test-mode PaymentMethod tokens that the fake understands. Passing one as `payment_method`
 * materialises a fresh `pm_…`; the decline behaviour applies on confirmation unless a scripted
 * outcome takes precedence.
 */
export const TEST_PAYMENT_METHODS: Record<string, { card: TestCard; outcome?: DeclineOutcome }> = {
  pm_card_visa: { card: DEFAULT_CARD },
  pm_card_mastercard: { card: { brand: 'mastercard', last4: '4444', funding: 'credit', country: 'US' } },
  pm_card_chargeDeclined: {
    card: { brand: 'visa', last4: '0002', funding: 'credit', country: 'US' },
    outcome: 'card_declined',
  },
  pm_card_chargeDeclinedInsufficientFunds: {
    card: { brand: 'visa', last4: '9995', funding: 'credit', country: 'US' },
    outcome: 'insufficient_funds',
  },
  pm_card_authenticationRequired: {
    card: { brand: 'visa', last4: '3184', funding: 'credit', country: 'US' },
    outcome: 'authentication_required',
  },
};

// ---------------------------------------------------------------- declines

export type DeclineOutcome = 'authentication_required' | 'card_declined' | 'insufficient_funds';

interface DeclineInfo {
  code: string;
  decline_code: string;
  message: string;
  doc_url: string;
  seller_message: string;
  outcome_type: string;
}

export const DECLINES: Record<DeclineOutcome, DeclineInfo> = {
  card_declined: {
    code: 'card_declined',
    decline_code: 'generic_decline',
    message: 'Your card was declined.',
    doc_url: 'https://docs.stripe.com/error-codes/card-declined',
    seller_message: 'The bank did not return any further details with this decline.',
    outcome_type: 'issuer_declined',
  },
  insufficient_funds: {
    code: 'card_declined',
    decline_code: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
    doc_url: 'https://docs.stripe.com/error-codes/card-declined',
    seller_message: 'The bank returned the decline code `insufficient_funds`.',
    outcome_type: 'issuer_declined',
  },
  authentication_required: {
    code: 'authentication_required',
    decline_code: 'authentication_required',
    message: 'Your card was declined. This transaction requires authentication.',
    doc_url: 'https://docs.stripe.com/error-codes/authentication-required',
    seller_message: 'The bank returned the decline code `authentication_required`.',
    outcome_type: 'issuer_declined',
  },
};

/**
 * The `error` member of a 402 response (and, without `payment_intent`, the PaymentIntent's
 * `last_payment_error`), as Stripe returns it for a declined confirmation.
 */
export function cardErrorBody(
  outcome: DeclineOutcome,
  refs: { paymentMethod: StripeJson | null; charge?: string | null; paymentIntent?: StripeJson },
): StripeJson {
  const info = DECLINES[outcome];
  const body: StripeJson = {
    ...(refs.charge ? { charge: refs.charge } : {}),
    code: info.code,
    decline_code: info.decline_code,
    doc_url: info.doc_url,
    message: info.message,
    ...(refs.paymentIntent ? { payment_intent: refs.paymentIntent } : {}),
    payment_method: refs.paymentMethod,
    type: 'card_error',
  };
  return body;
}

// ---------------------------------------------------------------- customers

export interface CustomerInit {
  id?: string;
  created?: number;
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  description?: string | null;
  metadata?: Metadata;
  preferred_locales?: string[];
  default_payment_method?: string | null;
}

export function buildCustomer(init: CustomerInit = {}): StripeJson {
  const c = loadStripeFixture('customer');
  c.id = init.id ?? newId('customer');
  c.created = init.created ?? nowSeconds();
  c.livemode = false;
  c.email = init.email ?? null;
  c.name = init.name ?? null;
  c.phone = init.phone ?? null;
  c.description = init.description ?? null;
  c.metadata = init.metadata ?? {};
  c.preferred_locales = init.preferred_locales ?? [];
  c.invoice_prefix = randomAlnum(8)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
  c.invoice_settings.default_payment_method = init.default_payment_method ?? null;
  return c;
}

// ---------------------------------------------------------------- payment methods

export interface PaymentMethodInit {
  id?: string;
  created?: number;
  customer?: string | null;
  card?: Partial<TestCard>;
  billing_details?: StripeJson;
  metadata?: Metadata;
}

export function buildPaymentMethod(init: PaymentMethodInit = {}): StripeJson {
  const pm = loadStripeFixture('payment_method');
  const card = { ...DEFAULT_CARD, ...init.card };
  pm.id = init.id ?? newId('paymentMethod');
  pm.created = init.created ?? nowSeconds();
  pm.livemode = false;
  pm.customer = init.customer ?? null;
  pm.metadata = init.metadata ?? {};
  if (init.billing_details) pm.billing_details = { ...pm.billing_details, ...init.billing_details };
  pm.card.brand = card.brand;
  pm.card.display_brand = card.brand;
  pm.card.last4 = card.last4;
  pm.card.funding = card.funding;
  pm.card.country = card.country;
  pm.card.networks.available = [card.brand];
  pm.card.fingerprint = randomAlnum(16);
  return pm;
}

// ---------------------------------------------------------------- products & prices

export interface ProductInit {
  id?: string;
  created?: number;
  name: string;
  description?: string | null;
  active?: boolean;
  metadata?: Metadata;
  default_price?: string | null;
}

export function buildProduct(init: ProductInit): StripeJson {
  const p = loadStripeFixture('product');
  p.id = init.id ?? newId('product');
  p.created = init.created ?? nowSeconds();
  p.updated = p.created;
  p.livemode = false;
  p.name = init.name;
  p.description = init.description ?? null;
  p.active = init.active ?? true;
  p.metadata = init.metadata ?? {};
  p.default_price = init.default_price ?? null;
  return p;
}

export interface PriceInit {
  id?: string;
  created?: number;
  currency: string;
  unit_amount: number | null;
  product: string;
  recurring?: { interval: string; interval_count?: number } | null;
  nickname?: string | null;
  lookup_key?: string | null;
  active?: boolean;
  metadata?: Metadata;
}

export function buildPrice(init: PriceInit): StripeJson {
  const p = loadStripeFixture('price');
  p.id = init.id ?? newId('price');
  p.created = init.created ?? nowSeconds();
  p.livemode = false;
  p.currency = init.currency;
  p.unit_amount = init.unit_amount;
  p.unit_amount_decimal = init.unit_amount === null ? null : String(init.unit_amount);
  p.product = init.product;
  p.nickname = init.nickname ?? null;
  p.lookup_key = init.lookup_key ?? null;
  p.active = init.active ?? true;
  p.metadata = init.metadata ?? {};
  if (init.recurring) {
    p.type = 'recurring';
    p.recurring = {
      interval: init.recurring.interval,
      interval_count: init.recurring.interval_count ?? 1,
      meter: null,
      trial_period_days: null,
      usage_type: 'licensed',
    };
  } else {
    p.type = 'one_time';
    p.recurring = null;
  }
  return p;
}

// ---------------------------------------------------------------- checkout

export function buildLineItem(price: StripeJson, quantity: number, description: string | null): StripeJson {
  const li = loadStripeFixture('line_item');
  const subtotal = (price.unit_amount ?? 0) * quantity;
  li.id = newId('lineItem');
  li.amount_discount = 0;
  li.amount_subtotal = subtotal;
  li.amount_tax = 0;
  li.amount_total = subtotal;
  li.currency = price.currency;
  li.description = description;
  li.price = price;
  li.quantity = quantity;
  return li;
}

export interface CheckoutSessionInit {
  id?: string;
  created?: number;
  mode: 'payment' | 'setup';
  currency?: string | null;
  amount_subtotal?: number | null;
  amount_total?: number | null;
  customer?: string | null;
  customer_email?: string | null;
  client_reference_id?: string | null;
  success_url?: string | null;
  cancel_url?: string | null;
  metadata?: Metadata;
  locale?: string | null;
  expires_at?: number;
  payment_method_types?: string[];
}

export function checkoutUrl(sessionId: string): string {
  // Real URLs carry an opaque fragment; the app must pass the URL through untouched.
  return `https://checkout.stripe.com/c/pay/${sessionId}#fid${randomAlnum(40)}`;
}

export function buildCheckoutSession(init: CheckoutSessionInit): StripeJson {
  const s = loadStripeFixture('checkout_session');
  s.id = init.id ?? newId('checkoutSession');
  s.created = init.created ?? nowSeconds();
  s.expires_at = init.expires_at ?? s.created + 24 * 60 * 60;
  s.livemode = false;
  s.mode = init.mode;
  s.currency = init.currency ?? null;
  s.amount_subtotal = init.amount_subtotal ?? null;
  s.amount_total = init.amount_total ?? null;
  s.customer = init.customer ?? null;
  s.customer_email = init.customer_email ?? null;
  s.customer_creation = s.customer === null && init.mode === 'payment' ? 'if_required' : null;
  s.client_reference_id = init.client_reference_id ?? null;
  s.success_url = init.success_url ?? null;
  s.cancel_url = init.cancel_url ?? null;
  s.metadata = init.metadata ?? {};
  s.locale = init.locale ?? null;
  s.payment_method_types = init.payment_method_types ?? ['card'];
  s.payment_status = init.mode === 'setup' ? 'no_payment_required' : 'unpaid';
  s.status = 'open';
  s.url = checkoutUrl(s.id);
  if (init.mode === 'setup') s.total_details = null;
  return s;
}

export function buildSetupIntent(init: {
  customer: string | null;
  payment_method: string | null;
  status?: string;
  metadata?: Metadata;
  created?: number;
}): StripeJson {
  const si = loadStripeFixture('setup_intent');
  si.id = newId('setupIntent');
  si.client_secret = clientSecret(si.id);
  si.created = init.created ?? nowSeconds();
  si.livemode = false;
  si.customer = init.customer;
  si.payment_method = init.payment_method;
  si.status = init.status ?? 'succeeded';
  si.metadata = init.metadata ?? {};
  return si;
}

// ---------------------------------------------------------------- billing portal

export function buildPortalSession(init: {
  customer: string;
  return_url?: string | null;
  configuration?: string;
  locale?: string | null;
  flow?: StripeJson | null;
  created?: number;
}): StripeJson {
  const s = loadStripeFixture('billing_portal_session');
  s.id = newId('portalSession');
  s.created = init.created ?? nowSeconds();
  s.livemode = false;
  s.customer = init.customer;
  s.configuration = init.configuration ?? newId('portalConfiguration');
  s.return_url = init.return_url ?? null;
  s.locale = init.locale ?? null;
  s.flow = init.flow ?? null;
  s.url = `https://billing.stripe.com/p/session/test_${randomAlnum(60)}`;
  return s;
}

// ---------------------------------------------------------------- payment intents & charges

export interface PaymentIntentInit {
  id?: string;
  created?: number;
  amount: number;
  currency: string;
  customer?: string | null;
  payment_method?: string | null;
  metadata?: Metadata;
  description?: string | null;
  receipt_email?: string | null;
  capture_method?: 'automatic' | 'automatic_async' | 'manual';
  setup_future_usage?: string | null;
  payment_method_types?: string[];
  statement_descriptor?: string | null;
  statement_descriptor_suffix?: string | null;
  status?: string;
}

export function buildPaymentIntent(init: PaymentIntentInit): StripeJson {
  const pi = loadStripeFixture('payment_intent');
  pi.id = init.id ?? newId('paymentIntent');
  pi.client_secret = clientSecret(pi.id);
  pi.created = init.created ?? nowSeconds();
  pi.livemode = false;
  pi.amount = init.amount;
  pi.currency = init.currency;
  pi.customer = init.customer ?? null;
  pi.payment_method = init.payment_method ?? null;
  pi.metadata = init.metadata ?? {};
  pi.description = init.description ?? null;
  pi.receipt_email = init.receipt_email ?? null;
  pi.capture_method = init.capture_method ?? 'automatic_async';
  pi.setup_future_usage = init.setup_future_usage ?? null;
  pi.statement_descriptor = init.statement_descriptor ?? null;
  pi.statement_descriptor_suffix = init.statement_descriptor_suffix ?? null;
  if (init.payment_method_types) {
    pi.payment_method_types = init.payment_method_types;
    pi.automatic_payment_methods = null;
  }
  pi.status = init.status ?? (pi.payment_method ? 'requires_confirmation' : 'requires_payment_method');
  return pi;
}

export interface ChargeInit {
  id?: string;
  created?: number;
  amount: number;
  currency: string;
  customer?: string | null;
  payment_intent?: string | null;
  payment_method?: StripeJson | null;
  metadata?: Metadata;
  description?: string | null;
  captured?: boolean;
  decline?: DeclineOutcome;
}

export function buildCharge(init: ChargeInit): StripeJson {
  const ch = loadStripeFixture('charge');
  const pm = init.payment_method ?? buildPaymentMethod();
  const captured = init.decline ? false : (init.captured ?? true);
  ch.id = init.id ?? newId('charge');
  ch.created = init.created ?? nowSeconds();
  ch.livemode = false;
  ch.amount = init.amount;
  ch.amount_captured = captured ? init.amount : 0;
  ch.amount_refunded = 0;
  ch.currency = init.currency;
  ch.customer = init.customer ?? null;
  ch.payment_intent = init.payment_intent ?? null;
  ch.payment_method = pm.id;
  ch.billing_details = structuredClone(pm.billing_details);
  ch.metadata = init.metadata ?? {};
  ch.description = init.description ?? null;
  ch.captured = captured;
  ch.balance_transaction = captured ? newId('balanceTransaction') : null;
  ch.refunded = false;
  ch.disputed = false;
  ch.refunds = list(`/v1/charges/${ch.id}/refunds`, []);
  ch.receipt_url = `https://pay.stripe.com/receipts/payment/${randomAlnum(120)}`;
  const card = ch.payment_method_details.card;
  card.brand = pm.card?.brand ?? 'visa';
  card.network = card.brand;
  card.last4 = pm.card?.last4 ?? '4242';
  card.funding = pm.card?.funding ?? 'credit';
  card.country = pm.card?.country ?? 'US';
  card.exp_month = pm.card?.exp_month ?? card.exp_month;
  card.exp_year = pm.card?.exp_year ?? card.exp_year;
  card.fingerprint = pm.card?.fingerprint ?? card.fingerprint;
  card.amount_authorized = init.decline ? null : init.amount;
  card.overcapture.maximum_amount_capturable = init.amount;
  if (init.decline) {
    const info = DECLINES[init.decline];
    ch.status = 'failed';
    ch.paid = false;
    ch.failure_code = info.code;
    ch.failure_message = info.message;
    ch.outcome = {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'declined_by_network',
      reason: info.decline_code,
      seller_message: info.seller_message,
      type: info.outcome_type,
    };
  } else {
    ch.status = 'succeeded';
    ch.paid = true;
  }
  return ch;
}

export function buildRefund(init: {
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string | null;
  customer?: string | null;
  reason?: string | null;
  metadata?: Metadata;
  created?: number;
}): StripeJson {
  const re = loadStripeFixture('refund');
  re.id = newId('refund');
  re.created = init.created ?? nowSeconds();
  re.amount = init.amount;
  re.currency = init.currency;
  re.charge = init.charge;
  re.payment_intent = init.payment_intent;
  re.customer = init.customer ?? null;
  re.reason = init.reason ?? null;
  re.metadata = init.metadata ?? {};
  re.balance_transaction = newId('balanceTransaction');
  re.status = 'succeeded';
  return re;
}

export function buildDispute(init: {
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string | null;
  status?: string;
  reason?: string;
  created?: number;
}): StripeJson {
  const dp = loadStripeFixture('dispute');
  dp.id = newId('dispute');
  dp.created = init.created ?? nowSeconds();
  dp.livemode = false;
  dp.amount = init.amount;
  dp.currency = init.currency;
  dp.charge = init.charge;
  dp.payment_intent = init.payment_intent;
  dp.status = init.status ?? 'needs_response';
  dp.reason = init.reason ?? 'fraudulent';
  dp.evidence_details.due_by = dp.created + 7 * 24 * 60 * 60;
  return dp;
}
