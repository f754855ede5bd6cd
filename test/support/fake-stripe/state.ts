/** The fake Stripe's public types and its in-memory state (objects, calls, events, idempotency, scripted outcomes). */
import type Stripe from 'stripe';
import type { FakeStripeErrorPreset, FakeStripeErrorSpec } from './errors.ts';
import { buildEvent, type SupportedEventType } from './events.ts';
import type { DeepPartial, StripeJson } from './fixtures.ts';
import type { FormParams } from './form.ts';
import type { DeclineOutcome, Metadata, TestCard } from './objects.ts';

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

export type Collection = keyof FakeStripeObjects;
export type Store = Record<Collection, Map<string, StripeJson>>;

export interface IdempotencyEntry {
  method: string;
  path: string;
  fingerprint: string;
  response?: { status: number; body: string; requestId: string };
}

export interface FailRule {
  path: string | RegExp;
  method?: string;
  remaining: number;
  error: FakeStripeErrorPreset | FakeStripeErrorSpec;
}

export interface SessionExtras {
  paymentIntentData: { metadata: Metadata; description: string | null; setupFutureUsage: string | null };
  setupIntentData: { metadata: Metadata };
}

export const emptyStore = (): Store => ({
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

export class State {
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

export const clone = <T>(value: T): T => structuredClone(value);
