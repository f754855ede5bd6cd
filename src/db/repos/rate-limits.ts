import { lt, sql } from 'drizzle-orm';
import type { RateLimitsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { rateLimits } from '../schema/index.ts';

export function rateLimitsRepo(db: DbOrTx): RateLimitsRepo {
  return {
    async hit(windows) {
      if (windows.length === 0) return [];
      // One upsert for every window: the row lock per (key, window) makes concurrent hits on any replica
      // count one by one, and the same order of keys on every call rules out deadlocks.
      const rows = await db
        .insert(rateLimits)
        .values(windows.map((w) => ({ key: w.key, windowStart: w.windowStart })))
        .onConflictDoUpdate({
          target: [rateLimits.key, rateLimits.windowStart],
          set: { hits: sql`${rateLimits.hits} + 1` },
        })
        .returning({ key: rateLimits.key, hits: rateLimits.hits });
      const hits = new Map(rows.map((r) => [r.key, r.hits]));
      return windows.map((w) => hits.get(w.key)!);
    },
    async pruneOlderThan(cutoff) {
      const rows = await db
        .delete(rateLimits)
        .where(lt(rateLimits.windowStart, cutoff))
        .returning({ key: rateLimits.key });
      return rows.length;
    },
  };
}
