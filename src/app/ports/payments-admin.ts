/** The control center's Payments screens (`/payments`) and the error log behind System: read models. */

import type { Payment } from './billing.ts';

export type PaymentRail = Payment['rail'];
/** What a list shows: every payment that is more than an open invoice, or one status. */
export type PaymentStatusFilter = 'paid' | 'refunded' | 'failed' | 'disputed';

export interface PaymentFilter {
  rail: PaymentRail | null;
  status: PaymentStatusFilter | null;
  userId: number | null;
  /** Search (`/search`): one payment by id. */
  id?: number;
  /** Search: an amount range in the payment's own currency's major units (Stars, euros…), both included. */
  amountMin?: number;
  amountMax?: number;
  /** Search: created in [from, to). */
  from?: Date;
  to?: Date;
}

/** One payment as the lists and the card show it. */
export interface PaymentRow {
  id: number;
  userId: number;
  fanName: string;
  username: string | null;
  rail: PaymentRail;
  amount: number;
  currency: string;
  status: Payment['status'];
  kind: Payment['kind'];
  quantity: number;
  productTitle: string;
  refundedAmount: number;
  createdAt: Date;
  paidAt: Date | null;
  /** The last change (for a refunded payment: when the refund was recorded). */
  updatedAt: Date;
  /** The newest dispute on it, if any. */
  dispute: { id: string; status: string; openedAt: Date; closedAt: Date | null } | null;
}

export interface PaymentDetail extends PaymentRow {
  providerChargeId: string | null;
  origin: Payment['origin'];
  checkoutSessionId: string | null;
  /** Every dispute on it, oldest first. */
  disputes: Array<{ id: string; status: string; openedAt: Date; closedAt: Date | null }>;
  /** A card refund asked from here or with /refund and not confirmed by Stripe yet: when, and by whom. */
  refundRequested: { at: Date; by: number } | null;
}

/** One page of a list, and how many there are in all (counted up to `cap`). */
export interface PaymentPage {
  rows: PaymentRow[];
  total: number;
  /** The count stopped here: there may be more. */
  capped: boolean;
}

/** Net revenue of one local day on one rail and currency (minor units; Stars for XTR). */
export interface DayRevenue {
  /** Index into the day starts passed in (0: the oldest). */
  day: number;
  rail: PaymentRail;
  currency: string;
  net: number;
}

export interface AdminPaymentsRepo {
  list(filter: PaymentFilter, offset: number, limit: number): Promise<PaymentPage>;
  /** Payments with money given back (whole or part), the newest refund first. */
  refunds(offset: number, limit: number): Promise<PaymentPage>;
  /** Payments with a dispute still open, the newest dispute first. */
  openDisputes(offset: number, limit: number): Promise<PaymentPage>;
  get(id: number): Promise<PaymentDetail | null>;
  /**
   * Net revenue per rail and currency for each local day starting at `starts[i]` (ascending; the last
   * day runs to `end`), by the day each payment was paid, refunds deducted.
   */
  revenueByDay(starts: Date[], end: Date): Promise<DayRevenue[]>;
  /** A known user by @username (case-insensitive), or null. */
  userByUsername(username: string): Promise<{ id: number } | null>;
}

/** An error the update lifecycle caught (scrubbed and cut before it is stored). */
export interface RecordedError {
  id: number;
  at: Date;
  kind: string;
  message: string;
  updateId: number | null;
}

export interface ErrorLogRepo {
  /** Stores one and prunes all but the newest `keep`. */
  add(e: { at: Date; kind: string; message: string; updateId: number | null }, keep: number): Promise<void>;
  /** The newest first. */
  recent(limit: number): Promise<RecordedError[]>;
}
