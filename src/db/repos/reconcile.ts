import { and, between, inArray, or } from 'drizzle-orm';
import type { BookedPayment, ReconcileRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { disputes, ledgerEntries, payments } from '../schema/index.ts';

/** Our side of the books for reconciliation: reads only, each on an index (ids, charge ids, `paid_at`). */
export function reconcileRepo(db: DbOrTx): ReconcileRepo {
  return {
    async booked(a) {
      const conditions = [between(payments.paidAt, a.paidSince, a.paidUntil)];
      if (a.ids.length > 0) conditions.push(inArray(payments.id, a.ids));
      if (a.refs.length > 0) conditions.push(inArray(payments.providerChargeId, a.refs));
      const rows = await db
        .select({
          id: payments.id,
          userId: payments.userId,
          rail: payments.rail,
          status: payments.status,
          kind: payments.kind,
          amount: payments.amount,
          currency: payments.currency,
          providerChargeId: payments.providerChargeId,
          refundedAmount: payments.refundedAmount,
          paidAt: payments.paidAt,
        })
        .from(payments)
        .where(and(or(...conditions)));
      return rows satisfies BookedPayment[];
    },
    async ledgerKeys(keys) {
      if (keys.length === 0) return new Set();
      const rows = await db
        .select({ key: ledgerEntries.idempotencyKey })
        .from(ledgerEntries)
        .where(inArray(ledgerEntries.idempotencyKey, keys));
      return new Set(rows.map((r) => r.key));
    },
    async knownDisputes(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: disputes.id }).from(disputes).where(inArray(disputes.id, ids));
      return new Set(rows.map((r) => r.id));
    },
  };
}
