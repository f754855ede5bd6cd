import { and, desc, eq, gt, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { MoneyObserver, Payment, PaymentsRepo } from '../../app/ports/index.ts';
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
  origin: payments.origin,
  checkoutSessionId: payments.checkoutSessionId,
  checkoutUrl: payments.checkoutUrl,
  checkoutExpiresAt: payments.checkoutExpiresAt,
  refundedAmount: payments.refundedAmount,
};

/** `observe` hears each status a payment reaches (metrics; the unit of work reports them after commit). */
export function paymentsRepo(db: DbOrTx, observe?: MoneyObserver): PaymentsRepo {
  const reached = (rows: Array<{ rail: string }>, status: string) => {
    for (const r of rows) observe?.payment(r.rail, status);
  };
  return {
    async create(p) {
      const [row] = await db.insert(payments).values(p).returning(columns);
      if (row) reached([row], row.status);
      return row as Payment;
    },
    async get(id) {
      const [row] = await db.select(columns).from(payments).where(eq(payments.id, id));
      return row ?? null;
    },
    async findByTrigger(triggerKey) {
      const [row] = await db.select(columns).from(payments).where(eq(payments.triggerKey, triggerKey));
      return row ?? null;
    },
    async pendingAutoRecharge(userId) {
      const rows = await db
        .select({ id: payments.id })
        .from(payments)
        .where(
          and(
            eq(payments.userId, userId),
            eq(payments.origin, 'auto_recharge'),
            eq(payments.status, 'pending'),
            sql`${payments.createdAt} > now() - interval '30 minutes'`,
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
    async autoRechargeTotalSince(userId, since) {
      const [row] = await db
        .select({ total: sql<string>`coalesce(sum(${payments.amount}), 0)` })
        .from(payments)
        .where(
          and(
            eq(payments.userId, userId),
            eq(payments.origin, 'auto_recharge'),
            inArray(payments.status, ['pending', 'paid']),
            gte(payments.createdAt, since),
          ),
        );
      return Number(row?.total ?? 0);
    },
    async getForUpdate(id) {
      const [row] = await db.select(columns).from(payments).where(eq(payments.id, id)).for('update');
      return row ?? null;
    },
    async findByProviderCharge(chargeId) {
      const [row] = await db.select(columns).from(payments).where(eq(payments.providerChargeId, chargeId));
      return row ?? null;
    },
    async markPaid(id, chargeId, at) {
      const rows = await db
        .update(payments)
        .set({ status: 'paid', providerChargeId: chargeId, paidAt: at, updatedAt: at })
        .where(
          and(
            eq(payments.id, id),
            sql`(${payments.status} = 'pending' or (${payments.status} = 'failed' and ${payments.rail} = 'stripe'))`,
          ),
        )
        .returning({ id: payments.id, rail: payments.rail });
      reached(rows, 'paid');
      return rows.length === 1;
    },
    async markFailed(id, at) {
      const rows = await db
        .update(payments)
        .set({ status: 'failed', updatedAt: at })
        .where(and(eq(payments.id, id), eq(payments.status, 'pending')))
        .returning({ id: payments.id, rail: payments.rail });
      reached(rows, 'failed');
      return rows.length === 1;
    },
    async findOpenCheckout(a) {
      const [row] = await db
        .select(columns)
        .from(payments)
        .where(
          and(
            eq(payments.userId, a.userId),
            eq(payments.productId, a.productId),
            eq(payments.rail, 'stripe'),
            eq(payments.origin, 'checkout'),
            eq(payments.status, 'pending'),
            eq(payments.amount, a.amount),
            eq(payments.currency, a.currency),
            eq(payments.kind, a.kind),
            eq(payments.quantity, a.quantity),
            gte(payments.createdAt, a.createdSince),
            or(isNull(payments.checkoutUrl), gt(payments.checkoutExpiresAt, a.openUntil)),
          ),
        )
        .orderBy(desc(payments.id))
        .limit(1);
      return row ?? null;
    },
    async attachCheckout(id, session) {
      await db
        .update(payments)
        .set({
          checkoutSessionId: session.id,
          checkoutUrl: session.url,
          checkoutExpiresAt: session.expiresAt,
        })
        .where(eq(payments.id, id));
    },
    async setRefunded(id, refundedAmount, at) {
      const rows = await db
        .update(payments)
        .set({
          refundedAmount,
          status: sql`case when ${refundedAmount} >= ${payments.amount} then 'refunded' else ${payments.status} end`,
          updatedAt: at,
        })
        .where(and(eq(payments.id, id), inArray(payments.status, ['paid', 'refunded'])))
        .returning({ rail: payments.rail, status: payments.status });
      for (const r of rows) reached([r], r.status === 'refunded' ? 'refunded' : 'partially_refunded');
    },
    async markRefunded(id, at) {
      const rows = await db
        .update(payments)
        .set({ status: 'refunded', updatedAt: at })
        .where(and(eq(payments.id, id), eq(payments.status, 'paid')))
        .returning({ id: payments.id, rail: payments.rail });
      reached(rows, 'refunded');
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
