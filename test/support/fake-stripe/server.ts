/**
 * An in-process, stateful stand-in for the part of the Stripe v1 API fanbridge uses, served by Hono
 * on an ephemeral 127.0.0.1 port so the real `stripe` SDK can talk to it
 * (`createStripeClient({ apiBase: fake.apiBase, secretKey: 'sk_test_…' })`).
 *
 * Behaviour mirrored from Stripe: form-encoded params with bracket nesting, objects shaped on the
 * OpenAPI fixtures, `Request-Id` headers, the v1 error JSON (`{ error: { type, code, message,
 * param, … } }`) with the status codes the SDK maps to its error classes, idempotency keys (replay /
 * `idempotency_error`), `expand[]`, list pagination, test-mode keys only (`sk_test_`/`rk_test_`).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type Stripe from 'stripe';
import {
  StripeHttpError,
  idempotencyError,
  invalidRequest,
  parameterMissing,
  resourceMissing,
  toHttpError,
  type FakeStripeErrorPreset,
  type FakeStripeErrorSpec,
  type StripeErrorBody,
} from './errors.ts';
import { buildEvent, type SupportedEventType } from './events.ts';
import { deepMerge, type DeepPartial, type StripeJson } from './fixtures.ts';
import { canonicalJson, parseStripeForm, type FormParams, type FormValue } from './form.ts';
import { newId } from './ids.ts';
import {
  TEST_PAYMENT_METHODS,
  buildCharge,
  buildCheckoutSession,
  buildCustomer,
  buildDispute,
  buildLineItem,
  buildPaymentIntent,
  buildPaymentMethod,
  buildPortalSession,
  buildPrice,
  buildProduct,
  buildRefund,
  buildSetupIntent,
  cardErrorBody,
  list,
  type DeclineOutcome,
  type Metadata,
  type TestCard,
} from './objects.ts';

// ================================================================ public types

export interface FakeStripeCall {
  method: string;
  /** URL path, e.g. `/v1/checkout/sessions`. */
  path: string;
  /** Query string and form body, decoded like Stripe does; every leaf is a string. */
  params: FormParams;
  idempotencyKey?: string;
  /** `Stripe-Version` request header. */
  stripeVersion?: string;
  /** HTTP status the fake answered with. */
  status: number;
  /** True when the answer was an idempotent replay of an earlier response. */
  replayed?: boolean;
}

/**
 * Outcome of the next PaymentIntent confirmation (`confirm=true` on create, or `/confirm`):
 * - `succeed`: status `succeeded` (`requires_capture` with `capture_method=manual`), with a charge.
 * - `card_declined` / `insufficient_funds`: HTTP 402 `card_error` (code `card_declined`).
 * - `authentication_required`: off-session → HTTP 402 `card_error` (code `authentication_required`);
 *   on-session → 200 with status `requires_action` (3-D Secure), as Stripe does.
 * Declines leave the PaymentIntent stored with status `requires_payment_method` and
 * `last_payment_error`, and the 402 body carries it as `error.payment_intent`.
 */
export type PaymentOutcome = 'succeed' | DeclineOutcome;

/** Live views of the fake's store (mutating them changes what the API returns). */
export interface FakeStripeObjects {
  customers: Map<string, Stripe.Customer>;
  checkoutSessions: Map<string, Stripe.Checkout.Session>;
  /** Line items per checkout session id. */
  checkoutLineItems: Map<string, Stripe.LineItem[]>;
  billingPortalSessions: Map<string, Stripe.BillingPortal.Session>;
  paymentIntents: Map<string, Stripe.PaymentIntent>;
  setupIntents: Map<string, Stripe.SetupIntent>;
  paymentMethods: Map<string, Stripe.PaymentMethod>;
  charges: Map<string, Stripe.Charge>;
  refunds: Map<string, Stripe.Refund>;
  disputes: Map<string, Stripe.Dispute>;
  prices: Map<string, Stripe.Price>;
  products: Map<string, Stripe.Product>;
}

export interface FailNextOptions {
  /** Only requests with this method (default: any). */
  method?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface CompleteCheckoutOptions {
  /** Payment mode only: leave the payment `processing` (as for bank debits) until `settleCheckoutSession`. */
  async?: boolean;
  email?: string;
  name?: string;
  card?: Partial<TestCard>;
}

export interface FakeStripe {
  /** `http://127.0.0.1:<port>`, for `createStripeClient({ apiBase })`. */
  readonly apiBase: string;
  /** Every request received, in order (including rejected ones). */
  readonly calls: FakeStripeCall[];
  readonly objects: FakeStripeObjects;
  /**
   * Webhook events Stripe would have sent for what happened so far (payment_intent.succeeded /
   * payment_failed, payment_method.attached, charge.refunded, checkout.session.*, charge.dispute.*),
   * built with `buildEvent`; sign them with `signEvent` to drive the webhook route.
   */
  readonly events: Stripe.Event[];
  close(): Promise<void>;
  /** Forgets objects, calls, events, idempotency keys, scripted outcomes and failures. */
  reset(): void;
  /**
   * The next request(s) to `path` (exact string such as `/v1/customers`, or a RegExp) fail with
   * `error` before reaching the handler. Injected failures are never stored for idempotent replay,
   * so an SDK retry (500/409) with the same key then succeeds.
   */
  failNext(
    path: string | RegExp,
    error: FakeStripeErrorPreset | FakeStripeErrorSpec,
    opts?: FailNextOptions,
  ): void;
  /** Queue outcomes for the next confirmations, whatever the customer (takes precedence). */
  nextPaymentOutcome(...outcomes: PaymentOutcome[]): void;
  /** Sticky outcome for confirmations of this customer's PaymentIntents; `null` clears it. */
  setPaymentOutcome(customerId: string, outcome: PaymentOutcome | null): void;
  /** Store a card PaymentMethod attached to the customer (records payment_method.attached). */
  attachPaymentMethod(
    customerId: string,
    opts?: {
      card?: Partial<TestCard>;
      outcome?: DeclineOutcome;
      overrides?: DeepPartial<Stripe.PaymentMethod>;
    },
  ): Stripe.PaymentMethod;
  /**
   * What the customer finishing the hosted page does: payment mode → PaymentIntent (+ charge)
   * succeeded, session `complete`/`paid`; setup mode → SetupIntent + PaymentMethod attached to the
   * (possibly newly created) customer. Records the events Stripe sends. Returns the session.
   */
  completeCheckoutSession(id: string, opts?: CompleteCheckoutOptions): Stripe.Checkout.Session;
  /** Resolves an `async` completion: checkout.session.async_payment_succeeded / _failed. */
  settleCheckoutSession(id: string, result: 'succeeded' | 'failed'): Stripe.Checkout.Session;
  /** An open session reaches its `expires_at` unpaid: `checkout.session.expired`. */
  expireCheckoutSession(id: string): Stripe.Checkout.Session;
  /** Opens a dispute on a charge (`ch_…`) or a PaymentIntent's latest charge (`pi_…`). */
  createDispute(chargeOrPaymentIntent: string, opts?: { amount?: number; reason?: string }): Stripe.Dispute;
  /** `warning_closed`: an inquiry (no chargeback) closed. */
  closeDispute(id: string, status: 'won' | 'lost' | 'warning_closed'): Stripe.Dispute;
  /** Calls matching method and path (string: exact; RegExp: test). */
  callsTo(method: string, path: string | RegExp): FakeStripeCall[];
}

export interface StartFakeStripeOptions {
  /** Port to listen on (default 0: ephemeral). */
  port?: number;
}

// ================================================================ state

type Collection = keyof FakeStripeObjects;
type Store = Record<Collection, Map<string, StripeJson>>;

interface IdempotencyEntry {
  method: string;
  path: string;
  fingerprint: string;
  response?: { status: number; body: string; requestId: string };
}

interface FailRule {
  path: string | RegExp;
  method?: string;
  remaining: number;
  error: FakeStripeErrorPreset | FakeStripeErrorSpec;
}

interface SessionExtras {
  paymentIntentData: { metadata: Metadata; description: string | null; setupFutureUsage: string | null };
  setupIntentData: { metadata: Metadata };
}

const emptyStore = (): Store => ({
  customers: new Map(),
  checkoutSessions: new Map(),
  checkoutLineItems: new Map(),
  billingPortalSessions: new Map(),
  paymentIntents: new Map(),
  setupIntents: new Map(),
  paymentMethods: new Map(),
  charges: new Map(),
  refunds: new Map(),
  disputes: new Map(),
  prices: new Map(),
  products: new Map(),
});

class State {
  store: Store = emptyStore();
  calls: FakeStripeCall[] = [];
  events: Stripe.Event[] = [];
  idempotency = new Map<string, IdempotencyEntry>();
  failures: FailRule[] = [];
  outcomeQueue: PaymentOutcome[] = [];
  customerOutcomes = new Map<string, PaymentOutcome>();
  paymentMethodOutcomes = new Map<string, DeclineOutcome>();
  /** PaymentMethods detached from their customer: Stripe never lets them be used or attached again. */
  detachedPaymentMethods = new Set<string>();
  sessionExtras = new Map<string, SessionExtras>();

  reset(): void {
    // Clear in place: `objects`, `calls` and `events` handed out earlier stay live.
    for (const map of Object.values(this.store)) map.clear();
    this.calls.length = 0;
    this.events.length = 0;
    this.idempotency.clear();
    this.failures.length = 0;
    this.outcomeQueue.length = 0;
    this.customerOutcomes.clear();
    this.paymentMethodOutcomes.clear();
    this.detachedPaymentMethods.clear();
    this.sessionExtras.clear();
  }

  find(id: string): StripeJson | undefined {
    for (const map of Object.values(this.store)) {
      const hit = map.get(id);
      if (hit && !Array.isArray(hit)) return hit;
    }
    return undefined;
  }

  emit(
    type: SupportedEventType,
    object: StripeJson,
    request: Stripe.Event.Request | null,
    previousAttributes?: Record<string, unknown>,
  ): void {
    this.events.push(
      buildEvent(type, clone(object) as never, {
        request,
        ...(previousAttributes ? { previousAttributes } : {}),
      }),
    );
  }
}

const clone = <T>(value: T): T => structuredClone(value);

// ================================================================ param helpers

type Vars = { Variables: { params: FormParams; requestId: string; idempotencyKey: string | undefined } };
type Ctx = Context<Vars>;

function str(params: FormParams, key: string, label = key): string | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${JSON.stringify(v)}`, { param: label });
  return v;
}

function reqStr(params: FormParams, key: string, label = key): string {
  const v = str(params, key, label);
  if (v === undefined || v === '') throw parameterMissing(label);
  return v;
}

function int(params: FormParams, key: string, label = key): number | undefined {
  const v = str(params, key, label);
  if (v === undefined || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw invalidRequest(`Invalid integer: ${v}`, { param: label, code: 'parameter_invalid_integer' });
  return Number(v);
}

function bool(params: FormParams, key: string, label = key): boolean | undefined {
  const v = str(params, key, label);
  if (v === undefined || v === '') return undefined;
  if (v !== 'true' && v !== 'false') throw invalidRequest(`Invalid boolean: ${v}`, { param: label });
  return v === 'true';
}

function obj(params: FormParams, key: string, label = key): FormParams | undefined {
  const v = params[key];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest(`Invalid hash`, { param: label });
  return v;
}

function arr(params: FormParams, key: string, label = key): FormValue[] | undefined {
  const v = params[key];
  if (v === undefined || v === '') return undefined;
  if (!Array.isArray(v)) throw invalidRequest(`Invalid array`, { param: label });
  return v;
}

function strArr(params: FormParams, key: string): string[] | undefined {
  return arr(params, key)?.map((item, i) => {
    if (typeof item !== 'string') throw invalidRequest('Invalid string', { param: `${key}[${i}]` });
    return item;
  });
}

function currency(params: FormParams, key: string, label = key): string {
  const v = reqStr(params, key, label).toLowerCase();
  if (!/^[a-z]{3}$/.test(v)) throw invalidRequest(`Invalid currency: ${v}.`, { param: label });
  return v;
}

/**
 * Stripe metadata: on create, `metadata[k]=v` pairs (empty values dropped); on update, merged into the
 * existing set, `metadata[k]=` deleting a key and `metadata=` clearing all.
 */
function metadata(params: FormParams, key = 'metadata', existing: Metadata = {}): Metadata {
  const v = params[key];
  if (v === undefined) return { ...existing };
  if (v === '') return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest('Invalid hash', { param: key });
  const out: Metadata = { ...existing };
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw invalidRequest('Invalid metadata value', { param: `${key}[${k}]` });
    if (k.length > 40)
      throw invalidRequest(`Invalid metadata: keys can be at most 40 characters long.`, {
        param: `${key}[${k}]`,
      });
    if (value.length > 500)
      throw invalidRequest(`Invalid metadata: values can be at most 500 characters long.`, {
        param: `${key}[${k}]`,
      });
    if (value === '') delete out[k];
    else out[k] = value;
  }
  if (Object.keys(out).length > 50) {
    throw invalidRequest(
      `Invalid metadata: metadata can have up to 50 keys, but you passed in ${Object.keys(out).length} keys.`,
      { param: key },
    );
  }
  return out;
}

function url(params: FormParams, key: string): string | null {
  const v = str(params, key);
  if (v === undefined || v === '') return null;
  try {
    new URL(v);
  } catch {
    throw invalidRequest('Not a valid URL', { param: key });
  }
  return v;
}

const MIN_CHARGE: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50 };

// ================================================================ responses

function expandInto(state: State, node: StripeJson, segments: string[], full: string): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === 'line_items' && node.object === 'checkout.session') {
    const items = state.store.checkoutLineItems.get(node.id) as StripeJson[] | undefined;
    node.line_items = list(`/v1/checkout/sessions/${node.id}/line_items`, clone(items ?? []));
  } else if (!(head in node)) {
    throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
  } else if (typeof node[head] === 'string') {
    const target = state.find(node[head]);
    if (!target) throw invalidRequest(`This property cannot be expanded (${full}).`, { param: 'expand' });
    node[head] = clone(target);
  }
  const child = node[head];
  if (rest.length === 0 || child === null) return;
  if (Array.isArray(child)) {
    for (const item of child) if (item && typeof item === 'object') expandInto(state, item, rest, full);
  } else if (typeof child === 'object') {
    expandInto(state, child, rest, full);
  }
}

function render(state: State, c: Ctx, object: StripeJson, status: ContentfulStatusCode = 200): Response {
  const out = clone(object);
  const expand = c.var.params.expand;
  const paths = Array.isArray(expand) ? expand : typeof expand === 'string' ? [expand] : [];
  for (const path of paths) if (typeof path === 'string') expandInto(state, out, path.split('.'), path);
  return c.json(out, status);
}

function page(c: Ctx, items: StripeJson[], urlPath: string, label: string): StripeJson {
  const params = c.var.params;
  const limit = int(params, 'limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest('This value must be between 1 and 100.', { param: 'limit' });
  const after = str(params, 'starting_after');
  const before = str(params, 'ending_before');
  let window = items;
  let hasMore: boolean;
  if (after) {
    const i = items.findIndex((o) => o.id === after);
    if (i === -1) throw resourceMissing(label, after, 'starting_after');
    window = items.slice(i + 1);
  }
  if (before) {
    const i = window.findIndex((o) => o.id === before);
    if (i === -1) throw resourceMissing(label, before, 'ending_before');
    window = window.slice(Math.max(0, i - limit), i);
    hasMore = i - limit > 0;
  } else {
    hasMore = window.length > limit;
    window = window.slice(0, limit);
  }
  return list(urlPath, window.map(clone), hasMore);
}

/** Stripe lists newest first. */
const newestFirst = (map: Map<string, StripeJson>): StripeJson[] => [...map.values()].reverse();

// ================================================================ the app

function authError(message: string): StripeHttpError {
  return new StripeHttpError(401, { message, type: 'invalid_request_error' });
}

function apiKeyOf(header: string | undefined): string {
  if (!header) {
    throw authError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://docs.stripe.com/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  let key = '';
  if (/^Bearer /i.test(header)) key = header.slice(7).trim();
  else if (/^Basic /i.test(header))
    key = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] ?? '';
  if (!/^(sk|rk)_test_\w+$/.test(key)) {
    const masked = key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : key;
    throw authError(`Invalid API Key provided: ${masked} (the fake accepts test-mode keys only)`);
  }
  return key;
}

function renderError(c: Ctx, err: StripeHttpError): Response {
  const requestId = c.get('requestId');
  for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
  const body = {
    error: {
      ...err.body,
      ...(requestId ? { request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } : {}),
    },
  };
  return c.json(body, err.status as ContentfulStatusCode);
}

function createApp(state: State): Hono<Vars> {
  const app = new Hono<Vars>();
  const { store } = state;

  app.onError((err, c) => {
    if (err instanceof StripeHttpError) return renderError(c, err);
    c.header('Stripe-Should-Retry', 'false');
    return renderError(
      c,
      new StripeHttpError(500, { message: `fake-stripe internal error: ${err.message}`, type: 'api_error' }),
    );
  });

  app.notFound((c) =>
    renderError(
      c,
      invalidRequest(
        `Unrecognized request URL (${c.req.method}: ${c.req.path}). Please see https://docs.stripe.com or we can help at https://support.stripe.com/.`,
        { status: 404 },
      ),
    ),
  );

  // Outermost: record the call and its final status.
  app.use('*', async (c, next) => {
    const requestId = newId('request');
    c.set('requestId', requestId);
    c.header('Request-Id', requestId);
    const stripeVersion = c.req.header('stripe-version');
    if (stripeVersion) c.header('Stripe-Version', stripeVersion);
    const idempotencyKey = c.req.method === 'POST' ? c.req.header('idempotency-key') : undefined;
    c.set('idempotencyKey', idempotencyKey);
    if (idempotencyKey) c.header('Idempotency-Key', idempotencyKey);

    const query = new URL(c.req.url).search;
    const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text();
    const params = { ...parseStripeForm(query), ...parseStripeForm(body) };
    c.set('params', params);
    const call: FakeStripeCall = {
      method: c.req.method,
      path: c.req.path,
      params,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(stripeVersion ? { stripeVersion } : {}),
      status: 0,
    };
    state.calls.push(call);
    await next();
    call.status = c.res.status;
    if (c.res.headers.get('Idempotent-Replayed') === 'true') call.replayed = true;
  });

  // Auth, injected failures, idempotency.
  app.use('*', async (c, next) => {
    let apiKey: string;
    try {
      apiKey = apiKeyOf(c.req.header('authorization'));
      const rule = state.failures.find(
        (r) =>
          (typeof r.path === 'string' ? r.path === c.req.path : r.path.test(c.req.path)) &&
          (r.method === undefined || r.method.toUpperCase() === c.req.method),
      );
      if (rule) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) state.failures.splice(state.failures.indexOf(rule), 1);
        throw toHttpError(rule.error);
      }
    } catch (err) {
      if (err instanceof StripeHttpError) return renderError(c, err);
      throw err;
    }

    const key = c.var.idempotencyKey;
    if (!key) return next();
    if (key.length > 255) {
      return renderError(c, idempotencyError('Idempotency key length too long (max 255 characters).'));
    }
    const scope = `${apiKey}\u0000${key}`;
    const fingerprint = canonicalJson(c.var.params);
    const seen = state.idempotency.get(scope);
    if (seen) {
      if (seen.method !== c.req.method || seen.path !== c.req.path) {
        return renderError(
          c,
          idempotencyError(
            `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${seen.method} ${seen.path}' vs '${c.req.method} ${c.req.path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      if (seen.fingerprint !== fingerprint) {
        return renderError(
          c,
          idempotencyError(
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      if (!seen.response) {
        return renderError(
          c,
          idempotencyError(
            `There is currently another in-progress request using this Stripe-Idempotency-Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
            409,
          ),
        );
      }
      c.header('Idempotent-Replayed', 'true');
      c.header('Original-Request', seen.response.requestId);
      c.header('Content-Type', 'application/json');
      return c.body(seen.response.body, seen.response.status as ContentfulStatusCode);
    }
    const entry: IdempotencyEntry = { method: c.req.method, path: c.req.path, fingerprint };
    state.idempotency.set(scope, entry);
    await next();
    // Like Stripe: keep results of requests that executed (success, or a decline that created
    // objects); drop validation errors and unknown routes so the key can be used again.
    const status = c.res.status;
    if ((status >= 200 && status < 300) || status === 402) {
      entry.response = { status, body: await c.res.clone().text(), requestId: c.var.requestId };
    } else {
      state.idempotency.delete(scope);
    }
  });

  const requestRef = (c: Ctx): Stripe.Event.Request => ({
    id: c.var.requestId,
    idempotency_key: c.var.idempotencyKey ?? null,
  });

  const mustGet = (collection: Collection, id: string, label: string, param = 'id'): StripeJson => {
    const found = store[collection].get(id);
    if (!found) throw resourceMissing(label, id, param);
    return found;
  };

  // -------------------------------------------------------------- customers

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

  // -------------------------------------------------------------- payment methods

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

  // -------------------------------------------------------------- products & prices

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

  // -------------------------------------------------------------- checkout

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

  // -------------------------------------------------------------- billing portal

  app.post('/v1/billing_portal/sessions', (c) => {
    const p = c.var.params;
    const customer = mustGet('customers', reqStr(p, 'customer'), 'customer', 'customer');
    const flowData = obj(p, 'flow_data');
    const session = buildPortalSession({
      customer: customer.id,
      return_url: url(p, 'return_url'),
      ...(str(p, 'configuration') ? { configuration: str(p, 'configuration') } : {}),
      locale: str(p, 'locale') || null,
      flow: flowData
        ? { ...flowData, after_completion: flowData.after_completion ?? { type: 'portal_homepage' } }
        : null,
    });
    store.billingPortalSessions.set(session.id, session);
    return render(state, c, session);
  });

  // -------------------------------------------------------------- payment intents

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

  // -------------------------------------------------------------- charges & refunds

  app.get('/v1/charges/:id', (c) => render(state, c, mustGet('charges', c.req.param('id'), 'charge')));

  app.post('/v1/refunds', (c) => {
    const p = c.var.params;
    const chargeId = str(p, 'charge') || undefined;
    const piId = str(p, 'payment_intent') || undefined;
    if (!chargeId && !piId) {
      throw invalidRequest(
        'One of the following params should be provided for this request: payment_intent or charge.',
      );
    }
    let charge: StripeJson;
    if (chargeId) {
      charge = mustGet('charges', chargeId, 'charge', 'charge');
    } else {
      const pi = mustGet('paymentIntents', piId as string, 'payment_intent', 'payment_intent');
      const latest = pi.latest_charge ? store.charges.get(pi.latest_charge) : undefined;
      if (!latest || pi.status !== 'succeeded') {
        throw invalidRequest(
          `This PaymentIntent (${String(pi.id)}) does not have a successful charge to refund.`,
          {
            param: 'payment_intent',
            code: 'charge_not_refundable',
          },
        );
      }
      charge = latest;
    }
    if (charge.status !== 'succeeded' || !charge.captured) {
      throw invalidRequest(`Charge ${String(charge.id)} cannot be refunded because it was not successful.`, {
        code: 'charge_not_refundable',
      });
    }
    if (charge.disputed) {
      throw invalidRequest(`Charge ${String(charge.id)} has been charged back; cannot issue a refund.`, {
        code: 'charge_disputed',
      });
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw invalidRequest(`Charge ${String(charge.id)} has already been refunded.`, {
        code: 'charge_already_refunded',
      });
    }
    const amount = int(p, 'amount') ?? remaining;
    if (amount < 1)
      throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
    if (amount > remaining) {
      const fmt = (n: number): string => `${(n / 100).toFixed(2)} ${String(charge.currency)}`;
      throw invalidRequest(
        `Refund amount (${fmt(amount)}) is greater than unrefunded amount on charge (${fmt(remaining)})`,
        { param: 'amount', code: 'amount_too_large' },
      );
    }
    const reason = str(p, 'reason') || null;
    if (reason && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason)) {
      throw invalidRequest(`Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer`, {
        param: 'reason',
      });
    }
    const refund = buildRefund({
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: charge.payment_intent,
      customer: charge.customer,
      reason,
      metadata: metadata(p),
    });
    store.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded >= charge.amount;
    charge.refunds.data.unshift(clone(refund));
    state.emit('charge.refunded', charge, requestRef(c));
    return render(state, c, refund);
  });

  app.get('/v1/refunds/:id', (c) => render(state, c, mustGet('refunds', c.req.param('id'), 'refund')));

  return app;
}

// ================================================================ test-side helpers

function helpers(state: State): Omit<FakeStripe, 'apiBase' | 'close' | 'calls' | 'objects' | 'events'> {
  const { store } = state;
  const noRequest = null;

  const get = (collection: Collection, id: string): StripeJson => {
    const found = store[collection].get(id);
    if (!found) throw new Error(`fake-stripe: no ${collection} object ${id}`);
    return found;
  };

  const succeedIntent = (pi: StripeJson, pm: StripeJson): void => {
    const charge = buildCharge({
      amount: pi.amount,
      currency: pi.currency,
      customer: pi.customer,
      payment_intent: pi.id,
      payment_method: pm,
      metadata: pi.metadata,
      description: pi.description,
    });
    store.charges.set(charge.id, charge);
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
  };

  return {
    reset: () => state.reset(),

    failNext(path, error, opts = {}) {
      state.failures.push({
        path,
        error,
        remaining: opts.times ?? 1,
        ...(opts.method ? { method: opts.method } : {}),
      });
    },

    nextPaymentOutcome(...outcomes) {
      state.outcomeQueue.push(...outcomes);
    },

    setPaymentOutcome(customerId, outcome) {
      if (outcome === null) state.customerOutcomes.delete(customerId);
      else state.customerOutcomes.set(customerId, outcome);
    },

    attachPaymentMethod(customerId, opts = {}) {
      get('customers', customerId);
      const pm = buildPaymentMethod({ customer: customerId, ...(opts.card ? { card: opts.card } : {}) });
      const merged = deepMerge(pm, opts.overrides);
      store.paymentMethods.set(merged.id, merged);
      if (opts.outcome) state.paymentMethodOutcomes.set(merged.id, opts.outcome);
      state.emit('payment_method.attached', merged, noRequest);
      return clone(merged) as Stripe.PaymentMethod;
    },

    completeCheckoutSession(id, opts = {}) {
      const session = get('checkoutSessions', id);
      if (session.status !== 'open')
        throw new Error(`fake-stripe: checkout session ${id} is ${session.status}`);
      const extras = state.sessionExtras.get(id);
      const existing = session.customer ? store.customers.get(session.customer) : undefined;
      const email = opts.email ?? session.customer_email ?? existing?.email ?? 'fan@example.com';
      const name = opts.name ?? existing?.name ?? 'Test Fan';
      const saveCard = session.mode === 'setup' || Boolean(extras?.paymentIntentData.setupFutureUsage);
      if (!session.customer && (saveCard || session.customer_creation === 'always')) {
        const customer = buildCustomer({ email, name });
        store.customers.set(customer.id, customer);
        session.customer = customer.id;
      }
      const pm = buildPaymentMethod({
        customer: saveCard ? session.customer : null,
        billing_details: { email, name },
        ...(opts.card ? { card: opts.card } : {}),
      });
      store.paymentMethods.set(pm.id, pm);
      session.status = 'complete';
      session.url = null;
      session.customer_details = {
        address: { city: null, country: 'US', line1: null, line2: null, postal_code: '94103', state: null },
        business_name: null,
        email,
        individual_name: null,
        name,
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      };
      if (saveCard) state.emit('payment_method.attached', pm, noRequest);
      if (session.mode === 'setup') {
        const si = buildSetupIntent({
          customer: session.customer,
          payment_method: pm.id,
          metadata: extras?.setupIntentData.metadata ?? {},
        });
        store.setupIntents.set(si.id, si);
        session.setup_intent = si.id;
      } else {
        const pi = buildPaymentIntent({
          amount: session.amount_total,
          currency: session.currency,
          customer: session.customer,
          payment_method: pm.id,
          metadata: extras?.paymentIntentData.metadata ?? {},
          description: extras?.paymentIntentData.description ?? null,
          setup_future_usage: extras?.paymentIntentData.setupFutureUsage ?? null,
          status: 'processing',
        });
        store.paymentIntents.set(pi.id, pi);
        session.payment_intent = pi.id;
        if (opts.async) {
          session.payment_status = 'unpaid';
        } else {
          succeedIntent(pi, pm);
          session.payment_status = 'paid';
          state.emit('payment_intent.succeeded', pi, noRequest);
        }
      }
      state.emit('checkout.session.completed', session, noRequest);
      return clone(session) as Stripe.Checkout.Session;
    },

    settleCheckoutSession(id, result) {
      const session = get('checkoutSessions', id);
      const pi = session.payment_intent ? store.paymentIntents.get(session.payment_intent) : undefined;
      if (
        session.status !== 'complete' ||
        session.payment_status !== 'unpaid' ||
        pi?.status !== 'processing'
      ) {
        throw new Error(`fake-stripe: checkout session ${id} has no pending async payment`);
      }
      if (result === 'succeeded') {
        succeedIntent(pi, get('paymentMethods', pi.payment_method));
        session.payment_status = 'paid';
        state.emit('payment_intent.succeeded', pi, noRequest);
        state.emit('checkout.session.async_payment_succeeded', session, noRequest);
      } else {
        pi.status = 'requires_payment_method';
        pi.last_payment_error = {
          code: 'payment_method_provider_decline',
          message: 'The payment was declined by the payment method provider.',
          payment_method: clone(store.paymentMethods.get(pi.payment_method) ?? null),
          type: 'invalid_request_error',
        };
        pi.payment_method = null;
        state.emit('payment_intent.payment_failed', pi, noRequest);
        state.emit('checkout.session.async_payment_failed', session, noRequest);
      }
      return clone(session) as Stripe.Checkout.Session;
    },

    expireCheckoutSession(id) {
      const session = get('checkoutSessions', id);
      if (session.status !== 'open')
        throw new Error(`fake-stripe: checkout session ${id} is ${session.status}`);
      session.status = 'expired';
      session.url = null;
      state.emit('checkout.session.expired', session, noRequest);
      return clone(session) as Stripe.Checkout.Session;
    },

    createDispute(ref, opts = {}) {
      const chargeId = ref.startsWith('pi_') ? get('paymentIntents', ref).latest_charge : ref;
      const charge = get('charges', chargeId);
      if (charge.status !== 'succeeded') throw new Error(`fake-stripe: charge ${chargeId} did not succeed`);
      charge.disputed = true;
      const dispute = buildDispute({
        amount: opts.amount ?? charge.amount - charge.amount_refunded,
        currency: charge.currency,
        charge: charge.id,
        payment_intent: charge.payment_intent,
        ...(opts.reason ? { reason: opts.reason } : {}),
      });
      store.disputes.set(dispute.id, dispute);
      state.emit('charge.dispute.created', dispute, noRequest);
      return clone(dispute) as Stripe.Dispute;
    },

    closeDispute(id, status) {
      const dispute = get('disputes', id);
      dispute.status = status;
      dispute.evidence_details.has_evidence = status === 'won';
      state.emit('charge.dispute.closed', dispute, noRequest);
      return clone(dispute) as Stripe.Dispute;
    },

    callsTo(method, path) {
      return state.calls.filter(
        (call) =>
          call.method === method.toUpperCase() &&
          (typeof path === 'string' ? call.path === path : path.test(call.path)),
      );
    },
  };
}

/** Starts a fresh fake on 127.0.0.1; `close()` it in `afterAll`/`afterEach`. */
export async function startFakeStripe(opts: StartFakeStripeOptions = {}): Promise<FakeStripe> {
  const state = new State();
  const app = createApp(state);
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    apiBase: `http://127.0.0.1:${port}`,
    calls: state.calls,
    objects: state.store as unknown as FakeStripeObjects,
    events: state.events,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // The SDK keeps sockets alive; don't wait for them to idle out.
        server.closeAllConnections();
      });
      return closed;
    },
    ...helpers(state),
  };
}
