import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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

/**
 * The configured admin groups the bot was removed from (`my_chat_member`: left or kicked). Their fans
 * get a new topic in another group on their next message; the mark goes when the bot is back.
 */
export const removedAdminGroups = pgTable('removed_admin_groups', {
  groupId: bigint('group_id', { mode: 'number' }).primaryKey(),
  removedAt: timestamp('removed_at', { withTimezone: true }).notNull(),
});

/**
 * Fans' messages relayed into each admin group, per clock hour (epoch hours, the database's clock):
 * the load a new fan's group is chosen by (the least in the last 24 h). At most 24 rows per group are
 * read; housekeeping drops the older ones.
 */
export const adminGroupLoad = pgTable(
  'admin_group_load',
  {
    groupId: bigint('group_id', { mode: 'number' }).notNull(),
    hour: integer('hour').notNull(),
    relayed: integer('relayed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.hour] })],
);

/**
 * Fans per admin group (their `fan_topics` rows), kept by triggers on `fan_topics` (migration
 * 0010_admin_groups): placement breaks a tie on load by it without counting the fans.
 */
export const adminGroupFans = pgTable('admin_group_fans', {
  groupId: bigint('group_id', { mode: 'number' }).primaryKey(),
  fans: integer('fans').notNull().default(0),
});

/**
 * Admin groups set up with `/setup` (no `ADMIN_GROUP_ID` needed): merged after the configured ones
 * (`config.adminGroupIds` first, which win), read through the settings cache and announced on its channel.
 */
export const storedAdminGroups = pgTable('stored_admin_groups', {
  chatId: bigint('chat_id', { mode: 'number' }).primaryKey(),
  title: text('title').notNull(),
  /** The owner who ran /setup. */
  setUpBy: bigint('set_up_by', { mode: 'number' }).notNull(),
  setUpAt: timestamp('set_up_at', { withTimezone: true }).notNull(),
});
