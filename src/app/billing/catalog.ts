import type { NewProduct, Product, UnitOfWork } from '../ports/index.ts';

const HOUR = 3600;

/** What a fresh install sells until the owner edits it: credit packs and time passes on both rails. */
export const DEFAULT_CATALOG: NewProduct[] = [
  { kind: 'credits', title: '10 credits', amount: 10, priceStars: 50, priceMinor: 499, sort: 10 },
  { kind: 'credits', title: '25 credits', amount: 25, priceStars: 115, priceMinor: 999, sort: 20 },
  { kind: 'credits', title: '50 credits', amount: 50, priceStars: 215, priceMinor: 1799, sort: 30 },
  { kind: 'credits', title: '100 credits', amount: 100, priceStars: 400, priceMinor: 2999, sort: 40 },
  { kind: 'time', title: '1-hour pass', amount: HOUR, priceStars: 100, priceMinor: 499, sort: 50 },
  { kind: 'time', title: '1-day pass', amount: 24 * HOUR, priceStars: 350, priceMinor: 1499, sort: 60 },
  { kind: 'time', title: '7-day pass', amount: 7 * 24 * HOUR, priceStars: 1500, priceMinor: 4999, sort: 70 },
];

/**
 * Seeds the default catalog on the very first run only: an owner who later deletes every product
 * does not get them back on the next restart.
 */
export async function seedDefaultCatalog(deps: { uow: UnitOfWork }): Promise<boolean> {
  return deps.uow.run(async (r) => {
    if (!(await r.once.claim('seed:default-catalog'))) return false;
    if ((await r.products.count()) > 0) return false;
    await r.products.insertMany(DEFAULT_CATALOG);
    return true;
  });
}

/** What `/buy` sells: credit packs and passes (content unlocks are sold from `/content`). */
export async function listCatalog(deps: { uow: UnitOfWork }): Promise<Product[]> {
  return (await deps.uow.repos.products.listActive()).filter((p) => p.kind !== 'unlock');
}

export type ProductLinkResult =
  | { ok: true; product: Product }
  /** No such pack or pass (a mistyped or made-up link, or a content unlock's product). */
  | { ok: false; code: 'unknown' }
  /** Taken off sale. */
  | { ok: false; code: 'off_sale' };

/** A pack or pass named by a deep link (`t.me/<bot>?start=buy_<product>`), if it is on sale. */
export async function productForLink(
  deps: { uow: UnitOfWork },
  productId: number,
): Promise<ProductLinkResult> {
  const product = await deps.uow.repos.products.get(productId);
  if (!product || product.kind === 'unlock') return { ok: false, code: 'unknown' };
  if (!product.active) return { ok: false, code: 'off_sale' };
  return { ok: true, product };
}
