import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { TelegramProfile, UsersRepo } from '../../app/ports.ts';
import type { DbOrTx } from '../client.ts';
import { users } from '../schema/index.ts';

export function usersRepo(db: DbOrTx): UsersRepo {
  return {
    async upsert(p: TelegramProfile, now: Date) {
      const [row] = await db
        .insert(users)
        .values({
          id: p.id,
          firstName: p.firstName,
          lastName: p.lastName ?? null,
          username: p.username ?? null,
          languageCode: p.languageCode ?? null,
          createdAt: now,
          lastSeenAt: now,
        })
        .onConflictDoUpdate({
          target: users.id,
          set: {
            firstName: p.firstName,
            lastName: p.lastName ?? null,
            username: p.username ?? null,
            languageCode: sql`coalesce(${p.languageCode ?? null}, ${users.languageCode})`,
            lastSeenAt: now,
          },
        })
        // xmax = 0 only for a freshly inserted row: tells a first contact without a second query.
        .returning({ ...getTableColumns(users), created: sql<boolean>`(xmax = 0)` });
      const { created, ...user } = row!;
      return { user, created: Boolean(created) };
    },
    async getForUpdate(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id)).for('update');
      return row ?? null;
    },
    async setBlockedBot(id, blocked) {
      await db.update(users).set({ blockedBot: blocked }).where(eq(users.id, id));
    },
    async setPassUntil(id, until) {
      await db.update(users).set({ timePassUntil: until }).where(eq(users.id, id));
    },
    async setBanned(id, banned) {
      await db.update(users).set({ isBanned: banned }).where(eq(users.id, id));
    },
    async get(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row ?? null;
    },
  };
}
