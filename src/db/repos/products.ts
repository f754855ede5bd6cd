import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Product, ProductsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { products, users } from '../schema/index.ts';

const columns = {
  id: products.id,
  kind: products.kind,
  title: products.title,
  description: products.description,
  amount: products.amount,
  priceStars: products.priceStars,
  priceMinor: products.priceMinor,
  currency: products.currency,
  stripePriceId: products.stripePriceId,
  active: products.active,
  sort: products.sort,
  label: products.label,
  stripeProductId: products.stripeProductId,
  stripeRetiredPriceId: products.stripeRetiredPriceId,
  cardPriceRevision: products.cardPriceRevision,
};

export function productsRepo(db: DbOrTx): ProductsRepo {
  return {
    async listActive(): Promise<Product[]> {
      return db
        .select(columns)
        .from(products)
        .where(eq(products.active, true))
        .orderBy(asc(products.sort), asc(products.id));
    },
    async get(id) {
      const [row] = await db.select(columns).from(products).where(eq(products.id, id));
      return row ?? null;
    },
    async count() {
      const [row] = await db.select({ n: count() }).from(products);
      return row?.n ?? 0;
    },
    async insertMany(list) {
      if (list.length) await db.insert(products).values(list);
    },
    async listForSale() {
      return db
        .select(columns)
        .from(products)
        .where(ne(products.kind, 'unlock'))
        .orderBy(asc(products.sort), asc(products.id));
    },
    async create(p) {
      const [last] = await db
        .select({ sort: sql<number>`coalesce(max(${products.sort}), 0)` })
        .from(products)
        .where(ne(products.kind, 'unlock'));
      const [row] = await db
        .insert(products)
        .values({ ...p, sort: p.sort ?? Number(last?.sort ?? 0) + 10 })
        .returning(columns);
      return row!;
    },
    async getForUpdate(id) {
      const [row] = await db.select(columns).from(products).where(eq(products.id, id)).for('update');
      return row ?? null;
    },
    async update(id, patch, at) {
      await db
        .update(products)
        .set({ ...patch, updatedAt: at })
        .where(eq(products.id, id));
    },
    async setCardPrice(id, a, at) {
      const [row] = await db
        .update(products)
        .set({
          priceMinor: a.priceMinor,
          currency: a.currency,
          // The Price to archive: the one in use now, else one an unfinished sync still has to archive.
          stripeRetiredPriceId: sql`coalesce(${products.stripePriceId}, ${products.stripeRetiredPriceId})`,
          stripePriceId: null,
          cardPriceRevision: sql`${products.cardPriceRevision} + 1`,
          updatedAt: at,
        })
        .where(eq(products.id, id))
        .returning(columns);
      return row!;
    },
    async recordStripeSync(id, a) {
      const rows = await db
        .update(products)
        .set({
          stripeProductId: a.stripeProductId,
          stripePriceId: a.stripePriceId,
          stripeRetiredPriceId: null,
        })
        .where(and(eq(products.id, id), eq(products.cardPriceRevision, a.revision)))
        .returning({ id: products.id });
      return rows.length > 0;
    },
    async setOrder(ids, at) {
      for (const [i, id] of ids.entries())
        await db
          .update(products)
          .set({ sort: (i + 1) * 10, updatedAt: at })
          .where(eq(products.id, id));
    },
    async pauseAutoRecharge(productId) {
      const rows = await db
        .update(users)
        .set({ autoRechargeEnabled: false })
        .where(and(eq(users.autoRechargeEnabled, true), eq(users.autoRechargeProductId, productId)))
        .returning({ userId: users.id, threshold: users.autoRechargeThreshold });
      return rows.map((r) => ({ userId: Number(r.userId), threshold: r.threshold }));
    },
  };
}
