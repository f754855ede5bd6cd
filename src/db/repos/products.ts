import { asc, count, eq } from 'drizzle-orm';
import type { Product, ProductsRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { products } from '../schema/index.ts';

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
  };
}
