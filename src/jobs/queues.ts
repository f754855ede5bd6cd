import { z } from 'zod';
import type { Queue } from 'pg-boss';

/**
 * Every queue the app uses: name, pg-boss options and payload schema in one place. All of them are
 * created at start-up, before anything is served: on PGlite the first enqueue inside a transaction
 * would otherwise wait on pg-boss's cold queue cache while the transaction holds the one connection.
 */
export const QUEUES = {
  housekeeping: {
    name: 'housekeeping',
    options: { policy: 'singleton', retryLimit: 3, retryDelay: 60, expireInSeconds: 300 },
    payload: z.object({}).passthrough(),
  },
  /**
   * Checks an album buffer once no item arrived for the window, then hands it to the outbox. `short`:
   * one waiting job per album (singletonKey `<direction>:<media_group_id>`), however many items arrive.
   */
  albumFlush: {
    name: 'album-flush',
    options: { policy: 'short', retryLimit: 5, retryDelay: 1, expireInSeconds: 60 },
    payload: z.object({ mediaGroupId: z.string().min(1), direction: z.enum(['in', 'out']) }),
  },
  /**
   * A time-pass notice (10 minutes before the end, 1 minute before, at the end), scheduled when the pass
   * changes. A notice for an end that is no longer the pass's end (extended, cut) is dropped when it runs.
   */
  passNotice: {
    name: 'pass-notice',
    options: { policy: 'standard', retryLimit: 5, retryDelay: 30, expireInSeconds: 60 },
    payload: z.object({
      userId: z.number().int(),
      until: z.string().min(1),
      at: z.enum(['10m', '1m', 'end']),
    }),
  },
} as const satisfies Record<string, { name: string; options: Omit<Queue, 'name'>; payload: z.ZodType }>;

/** Cron schedules (UTC). Housekeeping runs often and is cheap: it deletes by an indexed timestamp. */
export const SCHEDULES = [{ queue: QUEUES.housekeeping.name, cron: '*/15 * * * *' }] as const;
