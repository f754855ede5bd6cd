import { jsonb, pgTable, text, timestamp, bigint } from 'drizzle-orm/pg-core';

/** Typed key/value settings; keys, types and defaults live in app/settings.ts. Absent row = default. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: bigint('updated_by', { mode: 'number' }),
});
