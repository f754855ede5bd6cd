import { and, asc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { AlbumItem, AlbumsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { albumItems } from '../schema/index.ts';

const columns = {
  id: albumItems.id,
  userId: albumItems.userId,
  direction: albumItems.direction,
  mediaGroupId: albumItems.mediaGroupId,
  chatId: albumItems.chatId,
  messageId: albumItems.messageId,
  cost: albumItems.cost,
  createdAt: albumItems.createdAt,
};

export function albumsRepo(db: DbOrTx): AlbumsRepo {
  return {
    async add(item, at) {
      const rows = await db
        .insert(albumItems)
        .values({ ...item, createdAt: at })
        .onConflictDoNothing({ target: [albumItems.chatId, albumItems.messageId] })
        .returning({ id: albumItems.id });
      return rows.length === 1;
    },
    async pendingForUpdate(direction, mediaGroupId): Promise<AlbumItem[]> {
      return db
        .select(columns)
        .from(albumItems)
        .where(
          and(
            eq(albumItems.mediaGroupId, mediaGroupId),
            eq(albumItems.direction, direction),
            isNull(albumItems.flushedAt),
          ),
        )
        .orderBy(asc(albumItems.messageId))
        .for('update');
    },
    async markFlushed(ids, at) {
      if (ids.length === 0) return;
      await db.update(albumItems).set({ flushedAt: at }).where(inArray(albumItems.id, ids));
    },
    async pruneFlushed(before) {
      const rows = await db
        .delete(albumItems)
        .where(lt(albumItems.flushedAt, before))
        .returning({ id: albumItems.id });
      return rows.length;
    },
  };
}
