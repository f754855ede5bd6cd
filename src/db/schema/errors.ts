import { bigint, bigserial, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The newest errors caught by the update lifecycle (the System screen's "last errors" and the
 * dashboard's last-error line). Messages are scrubbed of secrets and cut before they are written; each
 * insert prunes all but the newest few, so the table never grows.
 */
export const recentErrors = pgTable('recent_errors', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** `telegram-400`, `telegram-network`, the error's class name… */
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  /** The update being handled (null for errors outside an update). */
  updateId: bigint('update_id', { mode: 'number' }),
});
