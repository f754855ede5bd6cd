import { and, desc, eq, inArray, like, lt, or, sql } from 'drizzle-orm';
import type { OnceRepo, PaymentInboxRepo, PaymentUpdate, UpdatesRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { failedUpdates, onceMarks, paymentUpdates, processedUpdates } from '../schema/index.ts';

/**
 * Every update's first statement, with its id written in (no parameters): inside a transaction it goes out
 * with the transaction's `begin` in one round trip (db/client.ts, `beginWithFirstStatement`).
 */
function claimUpdate(db: DbOrTx, updateId: number) {
  if (!Number.isSafeInteger(updateId)) throw new Error(`update id ${String(updateId)} is not an integer`);
  return db.execute(
    sql.raw(
      `insert into processed_updates (update_id) values (${updateId}) on conflict do nothing returning update_id`,
    ),
  ) as Promise<{ rows: unknown[] }>;
}

export function updatesRepo(db: DbOrTx): UpdatesRepo {
  return {
    async claim(updateId) {
      const { rows } = await claimUpdate(db, updateId);
      return rows.length === 1;
    },
    async unclaim(updateIds) {
      if (updateIds.length === 0) return;
      await db.delete(processedUpdates).where(inArray(processedUpdates.updateId, [...updateIds]));
    },
    async isProcessed(updateId) {
      const rows = await db
        .select({ id: processedUpdates.updateId })
        .from(processedUpdates)
        .where(eq(processedUpdates.updateId, updateId));
      return rows.length === 1;
    },
    async pruneOlderThan(cutoff) {
      const rows = await db
        .delete(processedUpdates)
        .where(lt(processedUpdates.processedAt, cutoff))
        .returning({ id: processedUpdates.updateId });
      return rows.length;
    },
    async noteFailure(updateId, raw, error, now) {
      const [row] = await db
        .insert(failedUpdates)
        .values({
          updateId,
          raw,
          lastError: error.slice(0, 2000),
          attempts: 1,
          firstFailedAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: failedUpdates.updateId,
          set: {
            attempts: sql`${failedUpdates.attempts} + 1`,
            lastError: error.slice(0, 2000),
            raw,
            updatedAt: now,
          },
        })
        .returning({ attempts: failedUpdates.attempts });
      return row!.attempts;
    },
    async park(updateId, now) {
      await db
        .update(failedUpdates)
        .set({ status: 'parked', updatedAt: now })
        .where(eq(failedUpdates.updateId, updateId));
    },
    async parked(limit) {
      const rows = await db
        .select()
        .from(failedUpdates)
        .where(eq(failedUpdates.status, 'parked'))
        .orderBy(desc(failedUpdates.updatedAt))
        .limit(limit);
      return rows;
    },
    async pruneFailures(retryingBefore, parkedBefore) {
      const rows = await db
        .delete(failedUpdates)
        .where(
          or(
            and(eq(failedUpdates.status, 'retrying'), lt(failedUpdates.updatedAt, retryingBefore)),
            and(eq(failedUpdates.status, 'parked'), lt(failedUpdates.updatedAt, parkedBefore)),
          ),
        )
        .returning({ id: failedUpdates.updateId });
      return rows.length;
    },
  };
}

export function paymentInboxRepo(db: DbOrTx): PaymentInboxRepo {
  return {
    async add(u) {
      const rows = await db.insert(paymentUpdates).values(u).onConflictDoNothing().returning();
      return (rows[0] as PaymentUpdate | undefined) ?? null;
    },
    async get(id) {
      const [row] = await db.select().from(paymentUpdates).where(eq(paymentUpdates.id, id));
      return (row as PaymentUpdate | undefined) ?? null;
    },
    async getForUpdate(id) {
      const [row] = await db.select().from(paymentUpdates).where(eq(paymentUpdates.id, id)).for('update');
      return (row as PaymentUpdate | undefined) ?? null;
    },
    async markApplied(id, outcome, at) {
      await db
        .update(paymentUpdates)
        .set({ status: 'applied', outcome, appliedAt: at })
        .where(eq(paymentUpdates.id, id));
    },
    async noteFailure(id, error, final) {
      await db
        .update(paymentUpdates)
        .set({
          attempts: sql`${paymentUpdates.attempts} + 1`,
          lastError: error.slice(0, 2000),
          ...(final ? { status: 'failed' as const } : {}),
        })
        .where(eq(paymentUpdates.id, id));
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
