import { and, eq } from 'drizzle-orm';
import type { FlowsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { flows } from '../schema/index.ts';

export function flowsRepo(db: DbOrTx): FlowsRepo {
  const where = (actorId: number, flow: string) => and(eq(flows.actorId, actorId), eq(flows.flow, flow));
  return {
    async get(actorId, flow) {
      const [row] = await db.select().from(flows).where(where(actorId, flow));
      return row ?? null;
    },
    async getForUpdate(actorId, flow) {
      const [row] = await db.select().from(flows).where(where(actorId, flow)).for('update');
      return row ?? null;
    },
    async save(s, at) {
      const values = { flow: s.flow, step: s.step, data: s.data, updatedAt: at };
      await db
        .insert(flows)
        .values({ actorId: s.actorId, ...values, createdAt: at })
        .onConflictDoUpdate({ target: flows.actorId, set: values });
    },
    async end(actorId, flow) {
      const rows = await db.delete(flows).where(where(actorId, flow)).returning({ id: flows.actorId });
      return rows.length === 1;
    },
  };
}
