import { and, desc, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { UserDirectoryRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { adminUserSearches, payments, users } from '../schema/index.ts';

/** `text` for a LIKE pattern: its wildcards and the escape character taken literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The Users screen's queries. Every condition has an index behind it on 100k users (db/schema/accounts.ts):
 * the id is the key; @usernames match by lower-case prefix (a `text_pattern_ops` index, so a
 * `like 'ann%'` is an index range scan whatever the collation); a name matches anywhere (a scan); the filters (tier, banned, spend, seen
 * since) have indexes of their own, and the page is read newest-seen first with a limit.
 */
export function userDirectoryRepo(db: DbOrTx): UserDirectoryRepo {
  return {
    async search(q, offset, limit) {
      const where: SQL[] = [];
      if (q.id !== undefined) where.push(eq(users.id, q.id));
      if (q.usernamePrefix !== undefined)
        where.push(sql`lower(${users.username}) like ${`${likeLiteral(q.usernamePrefix)}%`}`);
      if (q.namePrefix !== undefined) {
        // Any part of a name ("nna" finds Anna; "anna sm" the whole name): a scan of the users table,
        // 45–55 ms for 100k users on PostgreSQL (docs/BENCHMARKS.md), which an admin's search affords.
        const pattern = `%${likeLiteral(q.namePrefix)}%`;
        where.push(
          sql`(lower(${users.firstName}) like ${pattern} or lower(${users.lastName}) like ${pattern} or lower(${users.username}) like ${pattern} or lower(${users.firstName} || ' ' || coalesce(${users.lastName}, '')) like ${pattern})`,
        );
      }
      if (q.tier !== undefined) where.push(eq(users.tier, q.tier));
      if (q.banned !== undefined) where.push(eq(users.isBanned, q.banned));
      if (q.activeSince !== undefined) where.push(gte(users.lastSeenAt, q.activeSince));
      if (q.spentMin !== undefined) where.push(gte(users.lifetimeSpent, q.spentMin));
      if (q.paying !== undefined) {
        const paid = sql`exists (select 1 from ${payments} where ${payments.userId} = ${users.id} and ${payments.status} in ('paid', 'refunded'))`;
        where.push(q.paying ? paid : sql`not ${paid}`);
      }
      return db
        .select({
          id: users.id,
          firstName: users.firstName,
          lastName: users.lastName,
          username: users.username,
          tier: users.tier,
          isBanned: users.isBanned,
          creditBalance: users.creditBalance,
          lifetimeSpent: users.lifetimeSpent,
          lastSeenAt: users.lastSeenAt,
        })
        .from(users)
        .where(and(...where))
        .orderBy(desc(users.lastSeenAt), desc(users.id))
        .offset(Math.max(0, offset))
        .limit(Math.max(0, limit));
    },

    async setTier(userId, tier, manual) {
      await db.update(users).set({ tier, tierManual: manual }).where(eq(users.id, userId));
    },

    async getSearch(actorId) {
      const [row] = await db
        .select({ criteria: adminUserSearches.criteria })
        .from(adminUserSearches)
        .where(eq(adminUserSearches.actorId, actorId));
      return row ? row.criteria : null;
    },

    async saveSearch(actorId, search, at) {
      const criteria = { ...search } as Record<string, unknown>;
      await db
        .insert(adminUserSearches)
        .values({ actorId, criteria, updatedAt: at })
        .onConflictDoUpdate({ target: adminUserSearches.actorId, set: { criteria, updatedAt: at } });
    },
  };
}
