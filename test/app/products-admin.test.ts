import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardGateway } from '../../src/app/ports/index.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/**
 * The Products use cases on a real unit of work, with a Stripe gateway the test holds back: a sync that
 * finishes after a later price change must not store its (older) Price; bad values are refused.
 */
type SyncArgs = Parameters<CardGateway['syncProductPrice']>[0];
const calls: SyncArgs[] = [];
let hold: Promise<void> | null = null;
let n = 0;
const gateway = {
  async syncProductPrice(a: SyncArgs) {
    calls.push(a);
    if (hold) await hold;
    n += 1;
    return {
      stripeProductId: a.stripeProductId ?? `prod_${a.productId}`,
      priceId: a.amount === null ? null : `price_${n}`,
    };
  },
} as unknown as CardGateway;

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack({ deps: { cards: gateway } });
});
afterAll(() => s.dispose());

const pack = async () => (await s.uow.repos.products.listForSale()).find((p) => p.title === '25 credits')!;

describe('Products use cases', () => {
  it('a slow sync overtaken by a later price change does not store its Price', async () => {
    const p = await pack();
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const slow = s.services.productsAdmin.edit(OWNER_ID, p.id, { field: 'card', value: 1100 });
    while (calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    hold = null;
    const fast = await s.services.productsAdmin.edit(OWNER_ID, p.id, { field: 'card', value: 1200 });
    expect(fast).toMatchObject({ ok: true, sync: { state: 'synced' } });
    release();
    await slow;
    const after = (await s.uow.repos.products.get(p.id))!;
    expect(after.priceMinor).toBe(1200);
    // The fast sync's Price stays: the slow one (for 1100) was for an older revision.
    expect(after.stripePriceId).toBe('price_1');
    expect(calls.map((c) => [c.amount, c.revision])).toEqual([
      [1100, p.cardPriceRevision + 1],
      [1200, p.cardPriceRevision + 2],
    ]);
  });

  it('a card price is in the store currency (the setting) at the time it is saved', async () => {
    const p = (await s.uow.repos.products.listForSale()).find((x) => x.title === '50 credits')!;
    await s.uow.repos.settings.set('store_currency', 'eur', OWNER_ID);
    try {
      expect(await s.services.productsAdmin.storeCurrency()).toBe('eur');
      const res = await s.services.productsAdmin.edit(OWNER_ID, p.id, { field: 'card', value: 1500 });
      expect(res).toMatchObject({ ok: true, changed: true });
      expect(calls.at(-1)).toMatchObject({ productId: p.id, amount: 1500, currency: 'eur' });
      expect(await s.uow.repos.products.get(p.id)).toMatchObject({ priceMinor: 1500, currency: 'eur' });
    } finally {
      await s.uow.repos.settings.set('store_currency', 'usd', OWNER_ID);
    }
  });

  it('refuses values out of range, and a content unlock', async () => {
    const p = await pack();
    const svc = s.services.productsAdmin;
    for (const change of [
      { field: 'stars', value: 0 },
      { field: 'stars', value: -5 },
      { field: 'amount', value: 1.5 },
      { field: 'card', value: -100 },
      { field: 'title', value: '' },
    ] as const)
      expect(await svc.edit(OWNER_ID, p.id, change)).toEqual({ ok: false, code: 'invalid' });
    expect(
      await svc.create(OWNER_ID, {
        kind: 'credits',
        title: '',
        amount: 10,
        priceStars: 10,
        priceMinor: null,
      }),
    ).toEqual({ ok: false, code: 'invalid' });
    expect(
      await svc.create(OWNER_ID, {
        kind: 'unlock' as 'credits',
        title: 'x',
        amount: 10,
        priceStars: 10,
        priceMinor: null,
      }),
    ).toEqual({ ok: false, code: 'invalid' });
    expect(await svc.setLabel(OWNER_ID, p.id, 'cheap' as 'popular')).toEqual({ ok: false, code: 'invalid' });
    const unlock = await s.uow.run((r) =>
      r.products.create({ kind: 'unlock', title: 'Photo', amount: 1, priceStars: 5, priceMinor: null }),
    );
    expect(await svc.get(OWNER_ID, unlock.id)).toEqual({ ok: false, code: 'not_found' });
    expect(await svc.move(OWNER_ID, unlock.id, 'up')).toEqual({ ok: false, code: 'not_found' });
    expect(await svc.get(OWNER_ID, -1)).toEqual({ ok: false, code: 'not_found' });
    expect((await s.uow.repos.products.get(p.id))!.priceStars).toBe(p.priceStars);
  });
});
