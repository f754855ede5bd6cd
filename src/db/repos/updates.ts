import { and, like, lt } from 'drizzle-orm';
import type { OnceRepo, UpdatesRepo } from '../../app/ports.ts';
import type { DbOrTx } from '../client.ts';
import { onceMarks, processedUpdates } from '../schema/index.ts';

export function updatesRepo(db: DbOrTx): UpdatesRepo {
  return {
    async claim(updateId) {
      const rows = await db
        .insert(processedUpdates)
        .values({ updateId })
        .onConflictDoNothing()
        .returning({ id: processedUpdates.updateId });
      return rows.length === 1;
    },
    async pruneOlderThan(cutoff) {
      const rows = await db
        .delete(processedUpdates)
        .where(lt(processedUpdates.processedAt, cutoff))
        .returning({ id: processedUpdates.updateId });
      return rows.length;
    },
  };
}

export function onceRepo(db: DbOrTx): OnceRepo {
  return {
    async claim(key) {
      const rows = await db
        .insert(onceMarks)
        .values({ key })
        .onConflictDoNothing()
        .returning({ key: onceMarks.key });
      return rows.length === 1;
    },
    async pruneOlderThan(prefix, cutoff) {
      const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db
        .delete(onceMarks)
        .where(and(like(onceMarks.key, pattern), lt(onceMarks.createdAt, cutoff)))
        .returning({ key: onceMarks.key });
      return rows.length;
    },
  };
}
