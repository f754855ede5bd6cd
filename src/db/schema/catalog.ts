import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const PRODUCT_KINDS = ['credits', 'time', 'unlock'] as const;
/** A badge shown beside a product in /buy (fan-facing texts `billing-label-*`). */
export const PRODUCT_LABELS = ['popular', 'best_value'] as const;

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
    /** The Stripe Product that carries this product's Prices (created on the first price sync). */
    stripeProductId: text('stripe_product_id'),
    /** A Stripe Price retired by a price change, archived by the next sync. */
    stripeRetiredPriceId: text('stripe_retired_price_id'),
    /** Bumped by every card price change: keys the Stripe calls of that change (`fanbridge-price-<id>-<rev>`). */
    cardPriceRevision: integer('card_price_revision').notNull().default(0),
    /** A badge in /buy: `popular`, `best_value`, or none. */
    label: text('label', { enum: PRODUCT_LABELS }),
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
    check('products_label_valid', sql`${t.label} is null or ${t.label} in ('popular', 'best_value')`),
    index('products_active_sort_idx').on(t.active, t.sort, t.id),
  ],
);

export type ProductRow = typeof products.$inferSelect;
