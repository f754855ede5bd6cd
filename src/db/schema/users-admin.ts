import { bigint, jsonb, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * The control center's Users screen: each team member's current search (the typed query and the filters),
 * one row per member. Buttons carry only a page; the query (free text, too long for callback data) and the
 * filters live here, so any replica shows the same next page.
 */
export const adminUserSearches = pgTable('admin_user_searches', {
  actorId: bigint('actor_id', { mode: 'number' }).primaryKey(),
  /** `UserSearch` (app/ports/users-admin.ts): query, tier, banned, paying, activeDays, spentMin. */
  criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
