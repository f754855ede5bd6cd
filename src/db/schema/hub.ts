import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Claim codes (`/claim`): while the bot has no owner, each start mints one, printed on stderr and stored
 * here only as its SHA-256, valid 24 hours. Kept in the database so that any replica accepts the code
 * another printed; a claim voids them all (`used_at`).
 */
export const claimCodes = pgTable('claim_codes', {
  /** Hex SHA-256 of the normalised code (upper case, no separators). */
  codeHash: text('code_hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  /** Who claimed the bot with this code (null for codes voided by another's claim). */
  usedBy: bigint('used_by', { mode: 'number' }),
});

/**
 * The control center's live menu per team member: opening `/admin` (or a direct command) mints a nonce
 * carried in every button of that message; a button with another nonce belongs to an older menu.
 */
export const adminMenus = pgTable('admin_menus', {
  actorId: bigint('actor_id', { mode: 'number' }).primaryKey(),
  nonce: text('nonce').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
});
