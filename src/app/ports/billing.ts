/** Payments: Stars and cards, Stripe events, disputes, refunds. */

import type { ProductKind } from './catalog.ts';

export interface Payment {
  id: number;
  userId: number;
  productId: number;
  rail: 'stars' | 'stripe';
  amount: number;
  currency: string;
  status: 'pending' | 'paid' | 'failed' | 'refunded';
  kind: ProductKind;
  quantity: number;
  providerChargeId: string | null;
  /** How it started: a Stars `invoice`, a Stripe `checkout` page, or an off-session `auto_recharge`. */
  origin: 'invoice' | 'checkout' | 'auto_recharge';
  checkoutSessionId: string | null;
  /** The Checkout Session's page and when Stripe closes it (null until the session exists). */
  checkoutUrl: string | null;
  checkoutExpiresAt: Date | null;
  /** Minor units refunded so far (Stripe; cumulative). */
  refundedAmount: number;
}

export interface PaymentsRepo {
  create(
    p: Omit<
      Payment,
      | 'id'
      | 'status'
      | 'providerChargeId'
      | 'origin'
      | 'checkoutSessionId'
      | 'checkoutUrl'
      | 'checkoutExpiresAt'
      | 'refundedAmount'
    > &
      Partial<Pick<Payment, 'origin'>> & { triggerKey?: string },
  ): Promise<Payment>;
  /** The payment made for an off-session trigger, if any. */
  findByTrigger(triggerKey: string): Promise<Payment | null>;
  /** An auto-recharge payment of the user still waiting for its result, created in the last 30 minutes. */
  pendingAutoRecharge(userId: number): Promise<boolean>;
  /** Minor units of the user's auto-recharge payments (pending or paid) created since `since`. */
  autoRechargeTotalSince(userId: number, since: Date): Promise<number>;
  get(id: number): Promise<Payment | null>;
  /** Reads the payment under a row lock. Call inside `uow.run`. */
  getForUpdate(id: number): Promise<Payment | null>;
  findByProviderCharge(chargeId: string): Promise<Payment | null>;
  /**
   * pending → paid with the provider's charge id; false when it was not pending (a repeat). Stripe
   * payments may also go failed → paid: a declined card can be retried on the same Checkout page.
   */
  markPaid(id: number, chargeId: string, at: Date): Promise<boolean>;
  /** pending → failed; false otherwise. */
  markFailed(id: number, at: Date): Promise<boolean>;
  /**
   * The fan's newest pending Checkout payment for exactly these terms (product, price, what it grants),
   * created since `createdSince`, whose session is not made yet (another tap is making it) or stays
   * open past `openUntil`. Call under the fan's row lock so two taps cannot both miss it.
   */
  findOpenCheckout(a: {
    userId: number;
    productId: number;
    amount: number;
    currency: string;
    kind: ProductKind;
    quantity: number;
    createdSince: Date;
    openUntil: Date;
  }): Promise<Payment | null>;
  attachCheckout(id: number, session: { id: string; url: string; expiresAt: Date }): Promise<void>;
  /** Stripe refunds are cumulative: stores `refundedAmount`, and `refunded` once it is the whole amount. */
  setRefunded(id: number, refundedAmount: number, at: Date): Promise<void>;
  /** paid → refunded; false when it was not paid (already refunded, or never paid). */
  markRefunded(id: number, at: Date): Promise<boolean>;
  /** The user's latest payments that were paid, failed or refunded (not open invoices), newest first. */
  recent(userId: number, limit: number): Promise<Array<Payment & { productTitle: string; createdAt: Date }>>;
}

/** Telegram Stars refunds (`refundStarPayment`), called directly: the admin waits for the answer. */
export interface StarsRefunds {
  /**
   * `already_refunded`: Telegram says the charge was refunded before (a lost answer, or a refund made
   * elsewhere) — as good as done. `refused`: Telegram said no (`error` is its description). `unknown`: no
   * answer (network, 5xx, flood wait): whether it happened is unknown, so it is asked again later.
   */
  refund(
    userId: number,
    chargeId: string,
  ): Promise<{ ok: true } | { ok: false; kind: 'already_refunded' | 'refused' | 'unknown'; error: string }>;
}

/** A Stripe dispute on one of a fan's card payments (see db/schema/payments.ts `disputes`). */
export interface Dispute {
  id: string;
  userId: number;
  paymentId: number;
  /** `open` until Stripe closes it, then Stripe's final status (`won`, `lost`, `warning_closed`…). */
  status: string;
  openedAt: Date;
  closedAt: Date | null;
}

export interface DisputesRepo {
  /** Records a dispute as open; false when it is known already (a repeat, or it closed first). */
  open(d: { id: string; userId: number; paymentId: number }, at: Date): Promise<boolean>;
  /** Records how it closed (inserting it when its opening was never seen). */
  close(d: { id: string; userId: number; paymentId: number; status: string }, at: Date): Promise<void>;
  /** The fan's disputes, oldest first. */
  ofUser(userId: number): Promise<Dispute[]>;
}

export interface StripeEventsRepo {
  /** Takes the event for processing; false when it was processed already (or is being, elsewhere). */
  claim(eventId: string, type: string): Promise<boolean>;
  setOutcome(eventId: string, outcome: 'applied' | 'duplicate' | 'ignored'): Promise<void>;
  get(eventId: string): Promise<{ type: string; outcome: string } | null>;
  /** Forgets events processed before `cutoff` (long after Stripe stops retrying them). */
  pruneOlderThan(cutoff: Date): Promise<number>;
}

/**
 * Stripe, as the use cases need it. Every mutating call carries an idempotency key derived from our own
 * ids, so a retry (ours or the SDK's) never creates a second customer, session or refund.
 */
export interface CardGateway {
  /** Keyed on the fan: a lost answer retried returns the same customer. */
  createCustomer(a: { userId: number; name: string; username: string | null }): Promise<string>;
  createCheckout(a: {
    paymentId: number;
    userId: number;
    productId: number;
    customerId: string;
    title: string;
    description: string;
    amount: number;
    currency: string;
    stripePriceId: string | null;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ id: string; url: string; expiresAt: Date }>;
  createPortal(a: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** A Checkout Session in setup mode: the fan saves a card for off-session charges. */
  createSetupCheckout(a: {
    userId: number;
    customerId: string;
    currency: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ id: string; url: string }>;
  /**
   * Charges a saved card with the fan away (`off_session`, `confirm`), keyed on our payment id. The grant
   * still comes from the webhook; this only says whether the bank accepted.
   */
  chargeOffSession(a: {
    paymentId: number;
    userId: number;
    productId: number;
    customerId: string;
    paymentMethodId: string;
    amount: number;
    currency: string;
    description: string;
  }): Promise<
    | { status: 'accepted'; paymentIntentId: string }
    | { status: 'authentication_required'; paymentIntentId: string | null }
    | { status: 'declined'; code: string | null; message: string | null; paymentIntentId: string | null }
  >;
  /** A full refund of the PaymentIntent, keyed on our payment id. */
  refund(a: { paymentId: number; paymentIntentId: string }): Promise<{ id: string; status: string }>;
  /**
   * Removes a saved card from its customer for good (it can never be charged again). Keyed on the card;
   * a card that is no longer attached (detached already, or gone) answers `not_attached`: done too.
   */
  detachPaymentMethod(a: { paymentMethodId: string }): Promise<{ status: 'detached' | 'not_attached' }>;
  /**
   * Puts a product's card price in Stripe: its Stripe Product (created when `stripeProductId` is null,
   * renamed to `name` otherwise), a new Price of `amount` in `currency` (none when `amount` is null), and
   * `retiredPriceId` archived. Every call is keyed on the product and its price `revision`, so a retry of
   * one change (a Retry press, another replica) makes one Product and one Price.
   */
  syncProductPrice(a: {
    productId: number;
    revision: number;
    name: string;
    stripeProductId: string | null;
    amount: number | null;
    currency: string;
    retiredPriceId: string | null;
  }): Promise<{ stripeProductId: string; priceId: string | null }>;
}

/**
 * A Stripe webhook event, reduced to what the app acts on (integrations/stripe/events.ts maps the SDK's
 * objects to these). Ids of our own rows come from the metadata we set on the Checkout Session and its
 * PaymentIntent; events about a charge (refunds, disputes) find the payment by its PaymentIntent id.
 */
export type BillingEvent =
  | {
      type: 'payment.succeeded';
      paymentId: number | null;
      userId: number | null;
      paymentIntentId: string;
      amount: number;
      currency: string;
    }
  /** A Checkout Session completed, but the money is still on its way (bank debits). */
  | { type: 'payment.processing'; paymentId: number | null; userId: number | null }
  /** A Checkout Session nobody paid within its lifetime (24 h): the fan left the page. */
  | { type: 'payment.expired'; paymentId: number | null; userId: number | null }
  | {
      type: 'payment.failed';
      paymentId: number | null;
      userId: number | null;
      /** The bank's reason, as Stripe words it for the customer. */
      message: string | null;
      /** Stripe's decline code (`card_declined`, `authentication_required`…). */
      code: string | null;
    }
  | { type: 'card.saved'; customerId: string; paymentMethodId: string; label: string }
  /** The fan removed a card (in the billing portal): auto-recharge must not try it. */
  | { type: 'card.removed'; paymentMethodId: string }
  | {
      type: 'dispute.opened';
      disputeId: string;
      paymentIntentId: string;
      amount: number;
      currency: string;
      reason: string;
    }
  | { type: 'dispute.closed'; disputeId: string; paymentIntentId: string; status: string }
  | {
      type: 'charge.refunded';
      paymentIntentId: string;
      /** Cumulative over every refund of the charge. */
      amountRefunded: number;
      amount: number;
      currency: string;
    };
