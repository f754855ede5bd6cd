import { eq } from 'drizzle-orm';
import type { TeamRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { teamMembers } from '../schema/index.ts';

export function teamRepo(db: DbOrTx): TeamRepo {
  return {
    async get(userId) {
      const [row] = await db.select().from(teamMembers).where(eq(teamMembers.userId, userId));
      return row ?? null;
    },
    async list() {
      return await db.select().from(teamMembers).orderBy(teamMembers.addedAt);
    },
    async set(m, at) {
      await db
        .insert(teamMembers)
        .values({ userId: m.userId, role: m.role, addedBy: m.addedBy, addedAt: at })
        .onConflictDoUpdate({ target: teamMembers.userId, set: { role: m.role } });
    },
    async remove(userId) {
      const rows = await db
        .delete(teamMembers)
        .where(eq(teamMembers.userId, userId))
        .returning({ id: teamMembers.userId });
      return rows.length > 0;
    },
  };
}
