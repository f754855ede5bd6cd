import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    /** The Telegram user id (also the private chat id). */
    id: bigint('id', { mode: 'number' }).primaryKey(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name'),
    username: text('username'),
    languageCode: text('language_code'),
    /** The language the bot speaks to them (fanbridge's locale): from `language_code` at first contact, then /language. */
    locale: text('locale'),
    /** `new`, `regular` or `vip` (domain/tiers): promoted by the ledger's spend debits, or set by hand. */
    tier: text('tier').notNull().default('new'),
    /** The tier was set by hand: it sticks (no promotion) until cleared. */
    tierManual: boolean('tier_manual').notNull().default(false),
    /** Credits debited for messages and unlocks, ever: kept by the ledger's balance update (db/repos/ledger.ts). */
    lifetimeSpent: bigint('lifetime_spent', { mode: 'number' }).notNull().default(0),
    isBanned: boolean('is_banned').notNull().default(false),
    /** The fan blocked the bot (403): no broadcasts, no auto-recharge, sends stop. */
    blockedBot: boolean('blocked_bot').notNull().default(false),
    stripeCustomerId: text('stripe_customer_id').unique(),
    /** The card saved for off-session charges (auto-recharge): a PaymentMethod id and how to show it. */
    stripePaymentMethodId: text('stripe_payment_method_id'),
    stripeCardLabel: text('stripe_card_label'),
    /** Auto-recharge: charge `auto_recharge_product_id` off-session when a debit crosses below the threshold. */
    autoRechargeEnabled: boolean('auto_recharge_enabled').notNull().default(false),
    autoRechargeProductId: integer('auto_recharge_product_id'),
    autoRechargeThreshold: integer('auto_recharge_threshold'),
    /** Consecutive failed auto-recharges; the third turns it off. A successful one resets it. */
    autoRechargeFailures: integer('auto_recharge_failures').notNull().default(0),
    /** `/paysupport` without text: the fan's next message (within 15 minutes) goes to the team free. */
    supportRequestedAt: timestamp('support_requested_at', { withTimezone: true }),
    /** Only ever changed together with a ledger entry (see db/repos/ledger.ts). */
    creditBalance: integer('credit_balance').notNull().default(0),
    timePassUntil: timestamp('time_pass_until', { withTimezone: true }),
    /**
     * The fan asked to delete their data (`/privacy`): their name and username were cleared and are no
     * longer stored from later updates (the topic is named `Fan · <id>`). Money rows stay, under the id.
     */
    forgottenAt: timestamp('forgotten_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_credit_balance_non_negative', sql`${t.creditBalance} >= 0`),
    index('users_username_idx').on(sql`lower(${t.username})`),
    index('users_last_seen_idx').on(t.lastSeenAt),
    // The control center's user search (app/admin/users): lower-case prefixes of the names and the
    // username, and the filters' orders (tier, banned, spend), each read newest-seen first.
    index('users_username_prefix_idx').on(sql`lower(${t.username}) text_pattern_ops`),
    index('users_tier_seen_idx').on(t.tier, t.lastSeenAt),
    index('users_banned_seen_idx')
      .on(t.lastSeenAt)
      .where(sql`${t.isBanned}`),
    // No index on lifetime_spent: every paid message's charge writes it, and an index there would turn
    // that update (HOT today) into one that writes every index of the table. "Spent ≥ X" scans instead.
  ],
);

export type UserRow = typeof users.$inferSelect;
