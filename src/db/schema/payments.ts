import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { products } from './catalog.ts';
import { users } from './accounts.ts';

export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'refunded'] as const;

/** Every payment attempt on either rail; a grant happens once, keyed on the provider's charge id. */
export const payments = pgTable(
  'payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id),
    rail: text('rail', { enum: ['stars', 'stripe'] }).notNull(),
    /** Minor units of `currency`, or Stars for XTR. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
    /** What the product granted, fixed at purchase time (credits or seconds of pass). */
    kind: text('kind', { enum: ['credits', 'time', 'unlock'] }).notNull(),
    quantity: integer('quantity').notNull(),
    /** `telegram_payment_charge_id` (Stars) or the PaymentIntent id (Stripe). */
    providerChargeId: text('provider_charge_id').unique(),
    /** Stripe: the Checkout Session that collects it (null for Stars and off-session charges). */
    checkoutSessionId: text('checkout_session_id').unique(),
    /** Stripe: that session's page and when Stripe closes it; another 💳 tap reuses the page until then. */
    checkoutUrl: text('checkout_url'),
    checkoutExpiresAt: timestamp('checkout_expires_at', { withTimezone: true }),
    /** Stripe: how it was started. `checkout` (the fan on Stripe's page) or `auto_recharge` (off-session). */
    origin: text('origin', { enum: ['invoice', 'checkout', 'auto_recharge'] })
      .notNull()
      .default('invoice'),
    /** Off-session charges: the trigger they answer (`ar:<ledger entry id>`), so a retried job pays once. */
    triggerKey: text('trigger_key').unique(),
    /** Stripe: minor units refunded so far (charge.amount_refunded, cumulative); drives proportional clawback. */
    refundedAmount: integer('refunded_amount').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_status_valid', sql`${t.status} in ('pending', 'paid', 'failed', 'refunded')`),
    check('payments_amount_positive', sql`${t.amount} > 0`),
    check('payments_refunded_amount_range', sql`${t.refundedAmount} between 0 and ${t.amount}`),
    index('payments_user_idx').on(t.userId, t.id),
    // The control center's lists (/payments): by status newest first, refunds by when they happened,
    // and revenue per day (paid_at over the last 30 days).
    index('payments_status_idx').on(t.status, t.id),
    index('payments_paid_at_idx').on(t.paidAt),
    index('payments_refunds_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} = 'refunded' or ${t.refundedAmount} > 0`),
  ],
);

/**
 * Stripe webhook events already applied. The id is inserted in the transaction that applies the event's
 * effect (ledger entry, status change, notices), so an event delivered twice, or twenty times at once,
 * has its effect once.
 */
export const stripeEvents = pgTable(
  'stripe_events',
  {
    eventId: text('event_id').primaryKey(),
    type: text('type').notNull(),
    /** What the worker did with it: `applied`, `duplicate` (its effect was already there) or `ignored`. */
    outcome: text('outcome').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stripe_events_processed_at_idx').on(t.processedAt)],
);

/**
 * Stripe disputes, one row per dispute, kept after it closes. While a fan has a dispute that is open, or
 * closed any other way than in the creator's favour (`won`, `warning_closed`), nothing is sold to them by
 * card. A table rather than one `users` column holding a dispute id: a fan can have several disputes, and
 * one column would forget a lost dispute when a second one opened, then lift the stop when that second
 * one was won.
 */
export const disputes = pgTable(
  'disputes',
  {
    /** Stripe's dispute id (`dp_…`). */
    id: text('id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    paymentId: bigint('payment_id', { mode: 'number' })
      .notNull()
      .references(() => payments.id),
    /** `open` until Stripe closes it, then Stripe's final status (`won`, `lost`, `warning_closed`…). */
    status: text('status').notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('disputes_user_idx').on(t.userId), index('disputes_payment_idx').on(t.paymentId)],
);
