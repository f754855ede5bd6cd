/** Reconciliation: the providers' statements (read-only) and our side of the books. */

import type { BookedPayment, ProviderDispute, ProviderPayment } from '../../domain/reconcile/index.ts';

export type { BookedPayment, ProviderDispute, ProviderPayment };

/** Stripe's side, read through paged list calls (never a write). */
export interface StripeStatement {
  /** Succeeded PaymentIntents created in [since, until], with what was refunded of each (cumulative). */
  payments(since: Date, until: Date): Promise<ProviderPayment[]>;
  /** One PaymentIntent, when it succeeded (null otherwise, or unknown). */
  payment(paymentIntentId: string): Promise<ProviderPayment | null>;
  /** PaymentIntents with a refund created in [since, until] (a dashboard refund of an older payment). */
  refunded(since: Date, until: Date): Promise<string[]>;
  /** Disputes created in [since, until]. */
  disputes(since: Date, until: Date): Promise<ProviderDispute[]>;
}

/** Telegram's side: the bot's Star transactions (`getStarTransactions`, paged). */
export interface StarsStatement {
  /**
   * Incoming invoice payments from users dated from `since` on (and their refunds), one per charge id;
   * `refunded` is the amount when a refund transaction for it exists.
   */
  payments(since: Date): Promise<ProviderPayment[]>;
}

export interface ReconcileRepo {
  /** Our payments by id, by provider reference, and those paid in [since, until]. */
  booked(a: { ids: number[]; refs: string[]; paidSince: Date; paidUntil: Date }): Promise<BookedPayment[]>;
  /** Which of these ledger keys exist. */
  ledgerKeys(keys: string[]): Promise<Set<string>>;
  /** Which of these Stripe dispute ids we recorded. */
  knownDisputes(ids: string[]): Promise<Set<string>>;
}
