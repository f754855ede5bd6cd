import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { products } from './catalog.ts';
import { payments } from './payments.ts';

export const CONTENT_MEDIA_TYPE_VALUES = ['photo', 'video', 'document', 'audio'] as const;
export const CONTENT_UNLOCK_METHODS = ['credits', 'paid_media', 'invoice'] as const;

/**
 * Premium content: media sold to fans in credits or Stars. Each item owns one `products` row (kind
 * `unlock`, amount = item id) for the Stars invoice path; the content repo keeps its title, Stars price
 * and `active` (= not hidden) in step with the item.
 */
export const contentItems = pgTable(
  'content_items',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    priceCredits: integer('price_credits').notNull(),
    priceStars: integer('price_stars').notNull(),
    /** Off sale and out of the fans' list (fans who unlocked it keep it). */
    hidden: boolean('hidden').notNull().default(false),
    /** The fans' order (ascending); admins move items up and down. */
    sort: integer('sort').notNull(),
    productId: integer('product_id').references(() => products.id),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('content_items_title_length', sql`char_length(${t.title}) between 1 and 64`),
    check('content_items_price_credits_range', sql`${t.priceCredits} between 1 and 100000`),
    check('content_items_price_stars_range', sql`${t.priceStars} between 1 and 10000`),
    uniqueIndex('content_items_product_uq').on(t.productId),
    index('content_items_sort_idx').on(t.sort, t.id),
  ],
);

/** The media of an item, by Telegram file id (the bot sends them again by id; nothing is stored here). */
export const contentMedia = pgTable(
  'content_media',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => contentItems.id),
    position: integer('position').notNull(),
    type: text('type', { enum: CONTENT_MEDIA_TYPE_VALUES }).notNull(),
    fileId: text('file_id').notNull(),
    fileUniqueId: text('file_unique_id'),
  },
  (t) => [
    check('content_media_type_valid', sql`${t.type} in ('photo', 'video', 'document', 'audio')`),
    uniqueIndex('content_media_item_position_uq').on(t.itemId, t.position),
  ],
);

/**
 * Who owns what: one row per (fan, item), whatever the path (credits, paid media, invoice), so an item
 * is paid for once and re-sent free afterwards.
 */
export const contentUnlocks = pgTable(
  'content_unlocks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => contentItems.id),
    method: text('method', { enum: CONTENT_UNLOCK_METHODS }).notNull(),
    /** Credits debited by the `unlock` ledger entry `ledger_key`; 0 for Stars (or once returned). */
    credits: integer('credits').notNull().default(0),
    /** The debit's idempotency key (`unlock:<user>:<item>`, `…:2` after an earlier unlock was revoked). */
    ledgerKey: text('ledger_key'),
    stars: integer('stars').notNull().default(0),
    /** The Stars invoice's payment (null for credits and paid media, which has no charge id). */
    paymentId: bigint('payment_id', { mode: 'number' }).references(() => payments.id),
    /** The media last went out to the fan: a second tap within seconds does not send it twice. */
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('content_unlocks_method_valid', sql`${t.method} in ('credits', 'paid_media', 'invoice')`),
    uniqueIndex('content_unlocks_user_item_uq').on(t.userId, t.itemId),
    index('content_unlocks_item_idx').on(t.itemId),
  ],
);
