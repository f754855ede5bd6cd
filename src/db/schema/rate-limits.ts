import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window counters of free interactions per user (commands, button presses), shared by every
 * replica. UNLOGGED in the migration (drizzle cannot say it): no WAL for a counter bumped on every
 * command, and losing it in a crash only resets the windows. Pruned by housekeeping.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** `<rule>:<user id>`, e.g. `burst:42`. */
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limits_window_start_idx').on(t.windowStart),
  ],
);
