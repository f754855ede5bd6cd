import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Groups and channels an owner added the bot to, waiting (24 h from `added_at`) to be set up as the
 * admin group; the bot leaves any other group. One row per chat: a later add starts the wait again.
 */
export const pendingGroups = pgTable('pending_groups', {
  chatId: bigint('chat_id', { mode: 'number' }).primaryKey(),
  title: text('title').notNull(),
  /** The owner who added the bot (`my_chat_member.from`). */
  addedBy: bigint('added_by', { mode: 'number' }).notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
});
