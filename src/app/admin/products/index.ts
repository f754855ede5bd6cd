import type { Clock } from '../../../domain/shared/index.ts';
import type {
  Access,
  CardGateway,
  NewOutboxItem,
  Product,
  ProductLabel,
  Repos,
  UnitOfWork,
} from '../../ports/index.ts';
import { resolveSettings } from '../../system/settings.ts';
import { fanNotice } from '../../system/notices.ts';
import { text } from '../../texts.ts';

/**
 * The Products screen (`/products`, permission `products.edit`): credit packs and time passes — create,
 * edit, turn on and off, reorder, label — with the card price kept in step with Stripe. Content unlocks
 * are products too, but they belong to the content screens and are never touched here.
 */
export interface ProductDeps {
  uow: UnitOfWork;
  clock: Clock;
  access: Access;
  cards?: CardGateway | undefined;
}

export type SaleKind = 'credits' | 'time';
export type ProductField = 'title' | 'amount' | 'stars' | 'card';

/** How the Stripe side of a product stands after a change. */
export type StripeSync =
  /** Stripe has the product's price (or it is not sold by card, and nothing is left to archive). */
  | { state: 'synced' }
  /** Stripe is not configured: the card price is stored, card payments are off. */
  | { state: 'off' }
  /** A call failed: checkout charges the recorded amount (price_data) until a Retry succeeds. */
  | { state: 'failed'; error: string };

export interface ProductsView {
  products: Product[];
  /** Stripe is configured in this process. */
  stripe: boolean;
  /** The `card_payments_enabled` setting. */
  cardPayments: boolean;
  storeCurrency: string;
}

type Refusal = { ok: false; code: 'not_allowed' | 'not_found' | 'invalid' };

const isSaleKind = (p: Product | null): p is Product & { kind: SaleKind } =>
  p !== null && (p.kind === 'credits' || p.kind === 'time');

export function createProductServices(deps: ProductDeps) {
  const allowed = (actorId: number) => deps.access.can(actorId, 'products.edit');
  const settings = async () => resolveSettings(await deps.uow.repos.settings.all());

  /** The product, if it is a pack or a pass (a content unlock's id is "not found" here). */
  async function saleProduct(id: number): Promise<Product | null> {
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const p = await deps.uow.repos.products.get(id);
    return isSaleKind(p) ? p : null;
  }

  /**
   * Pauses auto-recharge for every fan who buys this pack with it, and asks each (in their language) to
   * confirm the new terms or turn it off; `gone` when the pack is no longer sold. Keyed on the pack's
   * terms, so saving the same terms again never asks twice.
   */
  async function pauseAutoRecharge(r: Repos, p: Product, gone: boolean): Promise<number> {
    if (p.kind !== 'credits') return 0;
    const fans = await r.products.pauseAutoRecharge(p.id);
    if (fans.length === 0) return 0;
    const terms = gone ? 'gone' : `${p.amount}:${p.priceMinor ?? 'none'}:${p.currency}`;
    const byCard = !gone && p.priceMinor !== null;
    const items: NewOutboxItem[] = fans.map((f) =>
      fanNotice(
        f.userId,
        `ar-pause:${p.id}:${terms}:${f.userId}`,
        byCard
          ? text('billing-auto-paused-changed', {
              title: p.title,
              credits: p.amount,
              price: { money: { minor: p.priceMinor!, currency: p.currency } },
            })
          : text('billing-auto-paused-gone', { title: p.title }),
        {
          keyboard: [
            [
              byCard
                ? {
                    text: text('billing-auto-keep-button'),
                    callback_data: `arkeep:${p.id}:${p.priceMinor}:${p.amount}`,
                  }
                : { text: text('billing-auto-choose-button'), callback_data: 'ar:on:0:0' },
              { text: text('billing-auto-off-button'), callback_data: 'ar:off:0:0' },
            ],
          ],
        },
      ),
    );
    await r.outbox.enqueue(items);
    return fans.length;
  }

  /** Puts the product's card price in Stripe (after the transaction that recorded it). */
  async function sync(productId: number): Promise<StripeSync> {
    const cards = deps.cards;
    if (!cards) return { state: 'off' };
    const p = await deps.uow.repos.products.get(productId);
    if (!p) return { state: 'synced' };
    const needed = (p.priceMinor !== null && p.stripePriceId === null) || p.stripeRetiredPriceId !== null;
    if (!needed) return { state: 'synced' };
    try {
      const res = await cards.syncProductPrice({
        productId: p.id,
        revision: p.cardPriceRevision,
        name: p.title,
        stripeProductId: p.stripeProductId,
        amount: p.priceMinor,
        currency: p.currency,
        retiredPriceId: p.stripeRetiredPriceId,
      });
      await deps.uow.repos.products.recordStripeSync(p.id, {
        revision: p.cardPriceRevision,
        stripeProductId: res.stripeProductId,
        stripePriceId: res.priceId,
      });
      return { state: 'synced' };
    } catch (err) {
      return { state: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
  }

  const audit = (r: Repos, actorId: number, action: string, details: Record<string, unknown>) =>
    r.admin.audit({ actorId, userId: null, action, details });

  return {
    async list(actorId: number): Promise<({ ok: true } & ProductsView) | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      const s = await settings();
      return {
        ok: true,
        products: await deps.uow.repos.products.listForSale(),
        stripe: deps.cards !== undefined,
        cardPayments: s.card_payments_enabled,
        storeCurrency: s.store_currency,
      };
    },

    async get(
      actorId: number,
      id: number,
    ): Promise<({ ok: true; product: Product } & Omit<ProductsView, 'products'>) | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      const product = await saleProduct(id);
      if (!product) return { ok: false, code: 'not_found' };
      const s = await settings();
      return {
        ok: true,
        product,
        stripe: deps.cards !== undefined,
        cardPayments: s.card_payments_enabled,
        storeCurrency: s.store_currency,
      };
    },

    /** The store currency, for the questions that ask for a card price. */
    storeCurrency: async () => (await settings()).store_currency,

    /** A new pack or pass, on sale at once at the end of /buy; its card price is synced with Stripe. */
    async create(
      actorId: number,
      a: { kind: SaleKind; title: string; amount: number; priceStars: number; priceMinor: number | null },
    ): Promise<{ ok: true; product: Product; sync: StripeSync } | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      if (
        (a.kind !== 'credits' && a.kind !== 'time') ||
        !a.title ||
        !Number.isSafeInteger(a.amount) ||
        a.amount <= 0 ||
        !Number.isSafeInteger(a.priceStars) ||
        a.priceStars <= 0 ||
        (a.priceMinor !== null && (!Number.isSafeInteger(a.priceMinor) || a.priceMinor <= 0))
      )
        return { ok: false, code: 'invalid' };
      const currency = (await settings()).store_currency;
      const product = await deps.uow.run(async (r) => {
        const created = await r.products.create({
          kind: a.kind,
          title: a.title,
          amount: a.amount,
          priceStars: a.priceStars,
          priceMinor: a.priceMinor,
          currency,
        });
        await audit(r, actorId, 'product_create', {
          productId: created.id,
          kind: a.kind,
          title: a.title,
          amount: a.amount,
          priceStars: a.priceStars,
          priceMinor: a.priceMinor,
          currency,
        });
        return created;
      });
      return { ok: true, product, sync: await sync(product.id) };
    },

    /**
     * One field changed. A card price (or a renamed product sold by card) clears the stored Stripe Price
     * in the same transaction, so checkout charges the recorded amount until the sync below succeeds.
     * Changing a pack's credits or card price pauses the auto-recharge of the fans who use it.
     */
    async edit(
      actorId: number,
      id: number,
      change:
        | { field: 'title'; value: string }
        | { field: 'amount' | 'stars'; value: number }
        | { field: 'card'; value: number | null },
    ): Promise<
      { ok: true; product: Product; sync: StripeSync | null; paused: number; changed: boolean } | Refusal
    > {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      if (!(await saleProduct(id))) return { ok: false, code: 'not_found' };
      const v = change.value;
      if (
        (change.field === 'title' && (typeof v !== 'string' || v.length === 0)) ||
        ((change.field === 'amount' || change.field === 'stars') &&
          (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0)) ||
        (change.field === 'card' &&
          v !== null &&
          (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0))
      )
        return { ok: false, code: 'invalid' };
      const currency = (await settings()).store_currency;
      const now = deps.clock.now();
      const res = await deps.uow.run(async (r) => {
        const before = (await r.products.getForUpdate(id))!;
        let after = before;
        let card = false;
        let paused = 0;
        if (change.field === 'title' && change.value !== before.title) {
          await r.products.update(id, { title: change.value }, now);
          // Stripe shows the Stripe Product's name at checkout: a new revision renames it there.
          card = before.priceMinor !== null;
          after = card
            ? await r.products.setCardPrice(
                id,
                { priceMinor: before.priceMinor, currency: before.currency },
                now,
              )
            : { ...before, title: change.value };
        } else if (change.field === 'amount' && change.value !== before.amount) {
          await r.products.update(id, { amount: change.value }, now);
          after = { ...before, amount: change.value };
        } else if (change.field === 'stars' && change.value !== before.priceStars) {
          await r.products.update(id, { priceStars: change.value }, now);
          after = { ...before, priceStars: change.value };
        } else if (
          change.field === 'card' &&
          (change.value !== before.priceMinor || (change.value !== null && currency !== before.currency))
        ) {
          after = await r.products.setCardPrice(id, { priceMinor: change.value, currency }, now);
          card = true;
        }
        if (after === before) return { product: before, card, paused, changed: false };
        const fromTo = {
          title: [before.title, after.title],
          amount: [before.amount, after.amount],
          stars: [before.priceStars, after.priceStars],
          card: [
            before.priceMinor === null ? null : `${before.priceMinor} ${before.currency}`,
            after.priceMinor === null ? null : `${after.priceMinor} ${after.currency}`,
          ],
        }[change.field];
        await audit(r, actorId, 'product_edit', {
          productId: id,
          field: change.field,
          old: fromTo[0],
          new: fromTo[1],
        });
        if (
          after.active &&
          (after.amount !== before.amount ||
            after.priceMinor !== before.priceMinor ||
            after.currency !== before.currency)
        )
          paused = await pauseAutoRecharge(r, after, after.priceMinor === null);
        return { product: after, card, paused, changed: true };
      });
      const synced = res.card ? await sync(id) : null;
      const product = (await deps.uow.repos.products.get(id))!;
      return { ok: true, product, sync: synced, paused: res.paused, changed: res.changed };
    },

    /** On sale or not. Taking a pack off sale pauses the auto-recharge of the fans who use it. */
    async setActive(
      actorId: number,
      id: number,
      active: boolean,
    ): Promise<{ ok: true; product: Product; paused: number } | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      if (!(await saleProduct(id))) return { ok: false, code: 'not_found' };
      const now = deps.clock.now();
      const res = await deps.uow.run(async (r) => {
        const before = (await r.products.getForUpdate(id))!;
        if (before.active === active) return { product: before, paused: 0 };
        await r.products.update(id, { active }, now);
        await audit(r, actorId, active ? 'product_activate' : 'product_deactivate', { productId: id });
        const product = { ...before, active };
        return { product, paused: active ? 0 : await pauseAutoRecharge(r, product, true) };
      });
      return { ok: true, ...res };
    },

    /** One place up or down in /buy's order (among packs and passes). */
    async move(
      actorId: number,
      id: number,
      direction: 'up' | 'down',
    ): Promise<{ ok: true; moved: boolean } | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      if (!(await saleProduct(id))) return { ok: false, code: 'not_found' };
      const now = deps.clock.now();
      const moved = await deps.uow.run(async (r) => {
        const ids = (await r.products.listForSale()).map((p) => p.id);
        const i = ids.indexOf(id);
        const j = direction === 'up' ? i - 1 : i + 1;
        if (i < 0 || j < 0 || j >= ids.length) return false;
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
        await r.products.setOrder(ids, now);
        await audit(r, actorId, 'product_move', { productId: id, direction, position: j + 1 });
        return true;
      });
      return { ok: true, moved };
    },

    /** The badge beside it in /buy (`null`: none). */
    async setLabel(
      actorId: number,
      id: number,
      label: ProductLabel | null,
    ): Promise<{ ok: true; product: Product } | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      if (label !== null && label !== 'popular' && label !== 'best_value')
        return { ok: false, code: 'invalid' };
      const before = await saleProduct(id);
      if (!before) return { ok: false, code: 'not_found' };
      if (before.label !== label)
        await deps.uow.run(async (r) => {
          await r.products.update(id, { label }, deps.clock.now());
          await audit(r, actorId, 'product_label', { productId: id, old: before.label, new: label });
        });
      return { ok: true, product: { ...before, label } };
    },

    /** Retry of a failed Stripe sync. */
    async syncStripe(actorId: number, id: number): Promise<{ ok: true; sync: StripeSync } | Refusal> {
      if (!(await allowed(actorId))) return { ok: false, code: 'not_allowed' };
      if (!(await saleProduct(id))) return { ok: false, code: 'not_found' };
      const res = await sync(id);
      if (res.state === 'synced')
        await deps.uow.repos.admin.audit({
          actorId,
          userId: null,
          action: 'product_stripe_sync',
          details: { productId: id },
        });
      return { ok: true, sync: res };
    },
  };
}

export type ProductServices = ReturnType<typeof createProductServices>;
