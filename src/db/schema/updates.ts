import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Telegram update ids whose handling has committed. Telegram may redeliver an update (webhook retry,
 * restart) and may restart the numbering after a week of silence, so rows are pruned after a window
 * (jobs/workers/housekeeping.ts); charges are keyed on (chat id, message id) instead. The row is written
 * in the transaction of the handler's own effects (see app/system/update-scope.ts), never before them.
 */
export const processedUpdates = pgTable(
  'processed_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('processed_updates_processed_at_idx').on(t.processedAt)],
);

export const FAILED_UPDATE_STATUSES = ['retrying', 'parked'] as const;

/**
 * Updates whose handling failed. The attempt count is written in its own transaction (the handler's
 * rolled back), so it survives the failure it counts; after the last attempt the update is `parked`:
 * the dead letter, with the raw update kept for a human (and the owners alerted once).
 */
export const failedUpdates = pgTable(
  'failed_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    status: text('status', { enum: FAILED_UPDATE_STATUSES }).notNull().default('retrying'),
    attempts: integer('attempts').notNull().default(0),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
    lastError: text('last_error').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('failed_updates_status_valid', sql`${t.status} in ('retrying', 'parked')`),
    index('failed_updates_updated_at_idx').on(t.updatedAt),
  ],
);

export const PAYMENT_UPDATE_KINDS = [
  'successful_payment',
  'refunded_payment',
  'purchased_paid_media',
] as const;
export const PAYMENT_UPDATE_STATUSES = ['pending', 'applied', 'failed'] as const;

/**
 * The payment inbox: every Telegram payment update, stored raw in the transaction that claims its
 * update, then applied by a retried job (as Stripe events are). Unique on what identifies the payment
 * itself, never on the update id (Telegram reuses those): `sp:`/`rp:` + `telegram_payment_charge_id`,
 * and `pm:<payer>:<paid_media_payload>` for paid media, which carries no charge id.
 */
export const paymentUpdates = pgTable(
  'payment_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: PAYMENT_UPDATE_KINDS }).notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    chargeId: text('charge_id'),
    updateId: bigint('update_id', { mode: 'number' }).notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: PAYMENT_UPDATE_STATUSES }).notNull().default('pending'),
    outcome: text('outcome'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [
    check('payment_updates_status_valid', sql`${t.status} in ('pending', 'applied', 'failed')`),
    index('payment_updates_user_idx').on(t.userId, t.id),
  ],
);

/**
 * Webhook updates stored before they are handled (docs/ARCHITECTURE.md, "Update lifecycle"): the webhook
 * answers Telegram once the row is in, and every replica's drainer handles the rows in update order per
 * lane (a chat, or a topic of a group), one at a time per lane. A row is leased while it runs and deleted
 * when its handling is done (or parked by the lifecycle); a failure puts it back with `not_before`.
 */
export const inboundUpdates = pgTable(
  'inbound_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    lane: text('lane').notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inbound_updates_lane_idx').on(t.lane, t.updateId),
    // The claim walks updates in the order they arrived (FIFO across lanes).
    index('inbound_updates_received_idx').on(t.receivedAt, t.updateId),
  ],
);
