import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const PRODUCT_KINDS = ['credits', 'time', 'unlock'] as const;

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    kind: text('kind', { enum: PRODUCT_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Credits for a credit pack, seconds for a time pass, the content item id for an unlock. */
    amount: integer('amount').notNull(),
    /** Price on the Telegram Stars rail (XTR); always set: Telegram requires a Stars price. */
    priceStars: integer('price_stars').notNull(),
    /** Price on the Stripe rail in minor units of `currency`; null = not sold by card. */
    priceMinor: integer('price_minor'),
    currency: text('currency').notNull().default('usd'),
    stripePriceId: text('stripe_price_id'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('products_kind_valid', sql`${t.kind} in ('credits', 'time', 'unlock')`),
    check('products_amount_positive', sql`${t.amount} > 0`),
    check('products_price_stars_positive', sql`${t.priceStars} > 0`),
    check('products_price_minor_positive', sql`${t.priceMinor} is null or ${t.priceMinor} > 0`),
    index('products_active_sort_idx').on(t.active, t.sort, t.id),
  ],
);

export type ProductRow = typeof products.$inferSelect;
