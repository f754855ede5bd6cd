import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Once-only marks: "the owner was told how to finish setup", "an error alert went out in this
 * window". Inserting the key is the claim, so replicas agree on who sends.
 */
export const onceMarks = pgTable('once_marks', {
  key: text('key').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
