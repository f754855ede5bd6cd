import { and, desc, eq, ne } from 'drizzle-orm';
import type { Payment, PaymentsRepo } from '../../app/ports.ts';
import type { DbOrTx } from '../client.ts';
import { payments, products } from '../schema/index.ts';

const columns = {
  id: payments.id,
  userId: payments.userId,
  productId: payments.productId,
  rail: payments.rail,
  amount: payments.amount,
  currency: payments.currency,
  status: payments.status,
  kind: payments.kind,
  quantity: payments.quantity,
  providerChargeId: payments.providerChargeId,
};

export function paymentsRepo(db: DbOrTx): PaymentsRepo {
  return {
    async create(p) {
      const [row] = await db.insert(payments).values(p).returning(columns);
      return row as Payment;
    },
    async get(id) {
      const [row] = await db.select(columns).from(payments).where(eq(payments.id, id));
      return row ?? null;
    },
    async markPaid(id, chargeId, at) {
      const rows = await db
        .update(payments)
        .set({ status: 'paid', providerChargeId: chargeId, paidAt: at, updatedAt: at })
        .where(and(eq(payments.id, id), eq(payments.status, 'pending')))
        .returning({ id: payments.id });
      return rows.length === 1;
    },
    async markRefunded(id, at) {
      const rows = await db
        .update(payments)
        .set({ status: 'refunded', updatedAt: at })
        .where(and(eq(payments.id, id), eq(payments.status, 'paid')))
        .returning({ id: payments.id });
      return rows.length === 1;
    },
    async recent(userId, limit) {
      return db
        .select({ ...columns, productTitle: products.title, createdAt: payments.createdAt })
        .from(payments)
        .innerJoin(products, eq(products.id, payments.productId))
        .where(and(eq(payments.userId, userId), ne(payments.status, 'pending')))
        .orderBy(desc(payments.id))
        .limit(limit);
    },
  };
}
