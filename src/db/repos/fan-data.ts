import { and, desc, eq, gt, gte, inArray, ne, or, sql } from 'drizzle-orm';
import type { FanDataRepo } from '../../app/ports/index.ts';
import { lanes } from '../../app/outbox/lanes.ts';
import type { DbOrTx } from '../client.ts';
import {
  failedUpdates,
  ledgerEntries,
  messageLinks,
  onceMarks,
  outbox,
  payments,
  userNotes,
  users,
} from '../schema/index.ts';

const count = (rows: { rowCount?: number | null; affectedRows?: number } | unknown[]): number =>
  Array.isArray(rows) ? rows.length : Number(rows.rowCount ?? rows.affectedRows ?? 0);

export function fanDataRepo(db: DbOrTx): FanDataRepo {
  return {
    async spentSince(userId, since) {
      const [row] = await db
        .select({ n: sql<string | number>`coalesce(-sum(${ledgerEntries.delta}), 0)::bigint` })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.userId, userId),
            eq(ledgerEntries.reason, 'spend'),
            gte(ledgerEntries.createdAt, since),
          ),
        );
      return Math.max(0, Number(row?.n ?? 0));
    },

    async lastPackBought(userId) {
      const [row] = await db
        .select({ productId: payments.productId })
        .from(payments)
        .where(and(eq(payments.userId, userId), eq(payments.kind, 'credits'), eq(payments.status, 'paid')))
        .orderBy(desc(payments.id))
        .limit(1);
      return row?.productId ?? null;
    },

    async lastReset(userId) {
      const [row] = await db
        .select({ entryId: ledgerEntries.id, at: ledgerEntries.createdAt })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.userId, userId),
            eq(ledgerEntries.reason, 'adjustment'),
            sql`${ledgerEntries.metadata}->>'kind' = 'reset'`,
          ),
        )
        .orderBy(desc(ledgerEntries.id))
        .limit(1);
      return row ?? null;
    },

    async activeSince(userId, afterId) {
      const [row] = await db
        .select({ id: ledgerEntries.id })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.userId, userId),
            gt(ledgerEntries.id, afterId),
            ne(ledgerEntries.reason, 'bonus'),
            // A reset marker is not activity.
            sql`coalesce(${ledgerEntries.metadata}->>'kind', '') <> 'reset'`,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    async hasMark(key) {
      const [row] = await db.select({ key: onceMarks.key }).from(onceMarks).where(eq(onceMarks.key, key));
      return row !== undefined;
    },

    async realPayments(userId) {
      const [row] = await db
        .select({ n: sql<string | number>`count(*)::bigint` })
        .from(payments)
        .where(
          and(
            eq(payments.userId, userId),
            or(inArray(payments.status, ['paid', 'refunded']), gt(payments.refundedAmount, 0)),
          ),
        );
      return Number(row?.n ?? 0);
    },

    async forgetProfile(userId, at) {
      const rows = await db
        .update(users)
        .set({ firstName: '', lastName: null, username: null, forgottenAt: at })
        .where(eq(users.id, userId))
        .returning({ id: users.id });
      return rows.length;
    },

    async deleteNotes(userId) {
      return count(
        await db.delete(userNotes).where(eq(userNotes.userId, userId)).returning({ id: userNotes.id }),
      );
    },

    async deleteLinks(userId) {
      return count(
        await db
          .delete(messageLinks)
          .where(eq(messageLinks.userId, userId))
          .returning({ id: messageLinks.id }),
      );
    },

    async deleteFinishedSends(userId) {
      return count(
        await db
          .delete(outbox)
          .where(
            and(
              inArray(outbox.lane, [lanes.topic(userId), lanes.fan(userId)]),
              inArray(outbox.status, ['done', 'dead']),
            ),
          )
          .returning({ id: outbox.id }),
      );
    },

    async deleteFailedUpdates(userId) {
      const from = (path: string) =>
        sql`(${failedUpdates.raw} #>> ${`{${path},from,id}`}) = ${String(userId)}`;
      return count(
        await db
          .delete(failedUpdates)
          .where(or(from('message'), from('edited_message'), from('callback_query')))
          .returning({ id: failedUpdates.updateId }),
      );
    },
  };
}
