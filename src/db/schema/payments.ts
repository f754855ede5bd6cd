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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_status_valid', sql`${t.status} in ('pending', 'paid', 'failed', 'refunded')`),
    check('payments_amount_positive', sql`${t.amount} > 0`),
    index('payments_user_idx').on(t.userId, t.id),
  ],
);
