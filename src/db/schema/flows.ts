import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Guided flows (several steps of typed input: adding content, later the control center's forms): one row
 * per person, the flow's name, its step and its answers so far. In the database, not in memory, so any
 * replica takes the next message and a restart loses nothing; one open flow per person (starting another
 * replaces it). Generalised from the content drafts (the first flow).
 */
export const flows = pgTable('flows', {
  actorId: bigint('actor_id', { mode: 'number' }).primaryKey(),
  flow: text('flow').notNull(),
  step: text('step').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
