import { eq } from 'drizzle-orm';
import type { PendingGroupsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { pendingGroups } from '../schema/index.ts';

export function pendingGroupsRepo(db: DbOrTx): PendingGroupsRepo {
  return {
    async get(chatId) {
      const [row] = await db.select().from(pendingGroups).where(eq(pendingGroups.chatId, chatId));
      return row ?? null;
    },
    async put(group) {
      await db
        .insert(pendingGroups)
        .values(group)
        .onConflictDoUpdate({
          target: pendingGroups.chatId,
          set: { title: group.title, addedBy: group.addedBy, addedAt: group.addedAt },
        });
    },
    async remove(chatId) {
      await db.delete(pendingGroups).where(eq(pendingGroups.chatId, chatId));
    },
  };
}
