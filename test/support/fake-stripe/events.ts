/**
 * Webhook events for tests: `buildEvent` produces a `Stripe.Event` as Stripe would POST it to a
 * webhook endpoint, and `signPayload` produces the matching `Stripe-Signature` header, so the app's
 * handler can be driven through the real `stripe.webhooks.constructEventAsync`.
 */
import Stripe from 'stripe';
import { newId } from './ids.ts';
import { deepMerge, loadStripeFixture, type DeepPartial, type StripeJson } from './fixtures.ts';
import {
  buildCharge,
  buildCheckoutSession,
  buildDispute,
  buildPaymentIntent,
  buildPaymentMethod,
  buildRefund,
  cardErrorBody,
  list,
  nowSeconds,
} from './objects.ts';

export const SUPPORTED_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_method.attached',
  'payment_method.detached',
  'charge.dispute.created',
  'charge.dispute.closed',
  'charge.refunded',
] as const satisfies readonly Stripe.Event.Type[];

export type SupportedEventType = (typeof SUPPORTED_EVENT_TYPES)[number];

/** The event of that type, e.g. `StripeEventOf<'charge.refunded'>` is `Stripe.ChargeRefundedEvent`. */
export type StripeEventOf<T extends Stripe.Event.Type> = Extract<Stripe.Event, { type: T }>;

/** `data.object` of that event type, e.g. `Stripe.Checkout.Session` for checkout.session.*. */
export type EventObjectOf<T extends Stripe.Event.Type> = StripeEventOf<T>['data']['object'];

export interface BuildEventOptions {
  /** Default: a fresh `evt_…`. */
  id?: string;
  /** Unix seconds. Default: now. */
  created?: number;
  /** Default: the SDK's pinned API version (what a webhook endpoint created by this app renders). */
  apiVersion?: string | null;
  /** Default: false (test mode). */
  livemode?: boolean;
  /** Default: 1. */
  pendingWebhooks?: number;
  /** Default: `{ id: null, idempotency_key: null }` (an event not caused by an API request). */
  request?: Stripe.Event.Request | null;
  /** Connect only. */
  account?: string;
  previousAttributes?: Record<string, unknown>;
}

type Builder = (o: StripeJson) => StripeJson;

const customerId = (o: StripeJson): string =>
  typeof o.customer === 'string' ? o.customer : newId('customer');

/** A session nobody completed within its lifetime (24 h by default): no payment, no URL. */
function expiredSession(o: StripeJson): StripeJson {
  const mode = o.mode === 'setup' ? 'setup' : 'payment';
  const amount = typeof o.amount_total === 'number' ? o.amount_total : mode === 'setup' ? null : 1000;
  const session = buildCheckoutSession({
    mode,
    currency: typeof o.currency === 'string' ? o.currency : 'usd',
    amount_subtotal: amount,
    amount_total: amount,
    customer: customerId(o),
  });
  session.status = 'expired';
  session.url = null;
  session.payment_status = mode === 'setup' ? 'no_payment_required' : 'unpaid';
  return session;
}

function completedSession(o: StripeJson, paymentStatus: 'paid' | 'unpaid'): StripeJson {
  const mode = o.mode === 'setup' ? 'setup' : 'payment';
  const amount = typeof o.amount_total === 'number' ? o.amount_total : mode === 'setup' ? null : 1000;
  const currency = typeof o.currency === 'string' ? o.currency : 'usd';
  const session = buildCheckoutSession({
    mode,
    currency,
    amount_subtotal: amount,
    amount_total: amount,
    customer: customerId(o),
  });
  session.status = 'complete';
  session.url = null;
  session.payment_status = mode === 'setup' ? 'no_payment_required' : paymentStatus;
  session.customer_details = {
    address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: null },
    business_name: null,
    email: 'fan@example.com',
    individual_name: null,
    name: 'Test Fan',
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  if (mode === 'setup') session.setup_intent = newId('setupIntent');
  else session.payment_intent = newId('paymentIntent');
  return session;
}

function succeededIntent(o: StripeJson): StripeJson {
  const amount = typeof o.amount === 'number' ? o.amount : 1000;
  const pi = buildPaymentIntent({
    amount,
    currency: typeof o.currency === 'string' ? o.currency : 'usd',
    customer: customerId(o),
    payment_method: newId('paymentMethod'),
    status: 'succeeded',
  });
  pi.amount_received = amount;
  pi.latest_charge = newId('charge');
  return pi;
}

function failedIntent(o: StripeJson): StripeJson {
  const pi = buildPaymentIntent({
    amount: typeof o.amount === 'number' ? o.amount : 1000,
    currency: typeof o.currency === 'string' ? o.currency : 'usd',
    customer: customerId(o),
    status: 'requires_payment_method',
  });
  const chargeId = newId('charge');
  pi.latest_charge = chargeId;
  pi.last_payment_error = cardErrorBody('card_declined', {
    paymentMethod: buildPaymentMethod({ customer: pi.customer }),
    charge: chargeId,
  });
  return pi;
}

function dispute(o: StripeJson, status: string): StripeJson {
  return buildDispute({
    amount: typeof o.amount === 'number' ? o.amount : 1000,
    currency: typeof o.currency === 'string' ? o.currency : 'usd',
    charge: typeof o.charge === 'string' ? o.charge : newId('charge'),
    payment_intent: typeof o.payment_intent === 'string' ? o.payment_intent : newId('paymentIntent'),
    status,
  });
}

function refundedCharge(o: StripeJson): StripeJson {
  const amount = typeof o.amount === 'number' ? o.amount : 1000;
  const refunded = typeof o.amount_refunded === 'number' ? o.amount_refunded : amount;
  const charge = buildCharge({
    amount,
    currency: typeof o.currency === 'string' ? o.currency : 'usd',
    customer: customerId(o),
    payment_intent: typeof o.payment_intent === 'string' ? o.payment_intent : newId('paymentIntent'),
  });
  charge.amount_refunded = refunded;
  charge.refunded = refunded >= amount;
  const refund = buildRefund({
    amount: refunded,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    customer: charge.customer,
  });
  charge.refunds = list(`/v1/charges/${charge.id}/refunds`, [refund]);
  return charge;
}

const BUILDERS: Record<SupportedEventType, Builder> = {
  'checkout.session.completed': (o) => completedSession(o, 'paid'),
  'checkout.session.async_payment_succeeded': (o) => completedSession(o, 'paid'),
  'checkout.session.async_payment_failed': (o) => completedSession(o, 'unpaid'),
  'checkout.session.expired': expiredSession,
  'payment_intent.succeeded': succeededIntent,
  'payment_intent.payment_failed': failedIntent,
  'payment_method.attached': (o) => buildPaymentMethod({ customer: customerId(o) }),
  // Detached: no customer any more (the event's previous_attributes names the one it had).
  'payment_method.detached': () => buildPaymentMethod({ customer: null }),
  'charge.dispute.created': (o) => dispute(o, 'needs_response'),
  'charge.dispute.closed': (o) => dispute(o, 'lost'),
  'charge.refunded': refundedCharge,
};

/**
 * A webhook event of `type` whose `data.object` is a fixture-shaped default for that type (test mode,
 * consistent ids/amounts, e.g. a paid+complete session for checkout.session.completed) deep-merged
 * with `object`. Pass a whole API object (anything with an `object` field, say one the fake API
 * returned) to use it verbatim, or a few fields (`{ metadata: { order: '7' }, amount_total: 500 }`)
 * to adjust the default; `amount`, `currency`, `customer`, `mode`, … in `object` also drive the
 * dependent defaults (a `charge.refunded` charge of `amount: 500` is refunded 500).
 */
export function buildEvent<T extends SupportedEventType>(
  type: T,
  object: DeepPartial<EventObjectOf<T>> = {} as DeepPartial<EventObjectOf<T>>,
  opts: BuildEventOptions = {},
): StripeEventOf<T> {
  const overrides = object as StripeJson;
  // A complete API object (it has `object`) is used verbatim: merging it into a default could leak
  // default-only values (say, a `last_payment_error.charge`) into it.
  const dataObject =
    typeof overrides.object === 'string'
      ? structuredClone(overrides)
      : deepMerge(BUILDERS[type](overrides), overrides);
  const event = loadStripeFixture('event');
  event.id = opts.id ?? newId('event');
  event.created = opts.created ?? nowSeconds();
  event.api_version = opts.apiVersion === undefined ? Stripe.API_VERSION : opts.apiVersion;
  event.livemode = opts.livemode ?? false;
  event.pending_webhooks = opts.pendingWebhooks ?? 1;
  event.request = opts.request === undefined ? { id: null, idempotency_key: null } : opts.request;
  event.type = type;
  event.data = { object: dataObject };
  if (opts.previousAttributes) event.data.previous_attributes = opts.previousAttributes;
  if (opts.account !== undefined) event.account = opts.account;
  return event as StripeEventOf<T>;
}

/**
 * The `Stripe-Signature` header Stripe sends with `payload` (the exact request body), computed by the
 * SDK's own `webhooks.generateTestHeaderString` (`t=<unix seconds>,v1=<HMAC-SHA256 hex>`).
 * `timestamp` is Unix seconds (default now); the SDK rejects headers older than 300 s by default.
 */
export function signPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp === undefined ? {} : { timestamp }),
  });
}

/** Serialises an event as Stripe does (pretty JSON) and signs it: ready to POST to a webhook route. */
export function signEvent(
  event: Stripe.Event,
  secret: string,
  timestamp?: number,
): { payload: string; signature: string; headers: Record<string, string> } {
  const payload = JSON.stringify(event, null, 2);
  const signature = signPayload(payload, secret, timestamp);
  return {
    payload,
    signature,
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
  };
}
