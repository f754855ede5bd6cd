import { bigint, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * Telegram update ids already taken for processing. Telegram may redeliver an update (webhook retry,
 * restart) and may restart the numbering after a week of silence, so rows are pruned after a window
 * (jobs/workers/housekeeping.ts); charges are keyed on (chat id, message id) instead.
 */
export const processedUpdates = pgTable(
  'processed_updates',
  {
    updateId: bigint('update_id', { mode: 'number' }).primaryKey(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('processed_updates_processed_at_idx').on(t.processedAt)],
);
