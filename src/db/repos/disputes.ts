import { asc, eq } from 'drizzle-orm';
import type { DisputesRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { disputes } from '../schema/index.ts';

export function disputesRepo(db: DbOrTx): DisputesRepo {
  return {
    async open(d, at) {
      const rows = await db
        .insert(disputes)
        .values({ ...d, status: 'open', openedAt: at })
        .onConflictDoNothing()
        .returning({ id: disputes.id });
      return rows.length === 1;
    },
    async close(d, at) {
      await db
        .insert(disputes)
        .values({ ...d, openedAt: at, closedAt: at })
        .onConflictDoUpdate({ target: disputes.id, set: { status: d.status, closedAt: at } });
    },
    async ofUser(userId) {
      return db.select().from(disputes).where(eq(disputes.userId, userId)).orderBy(asc(disputes.openedAt));
    },
  };
}
