import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/**
 * Tier perks: a discount per tier on message costs (`tier_discounts`), charged by the relay, shown in
 * /balance, and a promotion announced to the fan once per tier, whatever promoted them.
 */
let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
  await s.uow.repos.settings.set('tier_thresholds', { regular: 3, vip: 10 }, OWNER_ID);
  await s.uow.repos.settings.set('tier_discounts', { new: 0, regular: 20, vip: 50 }, OWNER_ID);
});
afterAll(() => s.dispose());

let nextMessage = 500;
const message = (userId: number, type = 'text') => ({
  userId,
  chatId: userId,
  messageId: ++nextMessage,
  type,
});
const promotions = async (userId: number) =>
  (await s.outboxRows()).filter((r) => r.idempotencyKey.startsWith(`tier-up:${userId}:`));

describe('tier discounts on message costs', () => {
  it('charges each tier its discounted price (rounded half up, at least 1) and announces each promotion once', async () => {
    const F = 3101;
    await s.ensureFan(F);
    await s.grant(F, 100);
    const cost = async (type: string) => {
      const res = await s.services.acceptFanMessage(message(F, type));
      if (!res.ok || res.duplicate) throw new Error(`refused: ${JSON.stringify(res)}`);
      return res.cost;
    };
    // New (0 %): a voice at its listed 5; 5 spent makes them Regular (threshold 3).
    expect(await cost('voice')).toBe(5);
    expect((await s.user(F))!.tier).toBe('regular');
    // Regular (20 %): a voice 4, a photo 2.4 → 2; 11 spent makes them VIP (threshold 10).
    expect(await cost('voice')).toBe(4);
    expect(await cost('photo')).toBe(2);
    expect((await s.user(F))!.tier).toBe('vip');
    // VIP (50 %): a text 0.5 → 1 (half up, and never below 1), a voice 2.5 → 3.
    expect(await cost('text')).toBe(1);
    expect(await cost('voice')).toBe(3);
    // The ledger took exactly those amounts.
    expect((await s.user(F))!.creditBalance).toBe(3 + 100 - 5 - 4 - 2 - 1 - 3);

    const told = await promotions(F);
    expect(told.map((r) => r.payload)).toEqual([
      expect.objectContaining({
        kind: 'notice',
        chatId: F,
        text: { key: 'tiers-promoted', args: { tier: 'regular', discount: 20 } },
      }),
      expect.objectContaining({ text: { key: 'tiers-promoted', args: { tier: 'vip', discount: 50 } } }),
    ]);
    expect(told.every((r) => r.lane === `out:${F}`)).toBe(true);
  });

  it('refuses with the discounted price when the balance does not cover it', async () => {
    const G = 3102;
    await s.ensureFan(G); // 3 credits
    await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: G, tier: 'vip' });
    // A video lists at 5: 2.5 → 3 for a VIP, which the 3 credits cover; the next one does not.
    expect(await s.services.acceptFanMessage(message(G, 'video'))).toMatchObject({ ok: true, cost: 3 });
    expect(await s.services.acceptFanMessage(message(G, 'video'))).toEqual({
      ok: false,
      code: 'insufficient_credits',
      cost: 3,
      balance: 0,
    });
    // Unsupported types list the fan's own (discounted) prices.
    const res = await s.services.acceptFanMessage(message(G, 'poll'));
    expect(res).toMatchObject({ ok: false, code: 'unsupported_type' });
    if (!res.ok && res.code === 'unsupported_type')
      expect(res.allowed).toContainEqual({ type: 'voice', cost: 3 });
  });

  it('a tier set by hand is announced when it goes up, once per tier, never when it goes down', async () => {
    const H = 3103;
    await s.ensureFan(H);
    const set = (tier: 'new' | 'regular' | 'vip' | null) =>
      s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: H, tier });
    await set('regular');
    await set(null); // back to automatic: New (nothing spent), not told
    await set('regular'); // up again: already told about Regular
    await set('vip');
    await set('new');
    expect((await promotions(H)).map((r) => (r.payload as { text: { args: unknown } }).text.args)).toEqual([
      { tier: 'regular', discount: 20 },
      { tier: 'vip', discount: 50 },
    ]);
  });

  it('/balance shows the perk and the fan’s prices with it; none for a tier without a discount', async () => {
    const V = 3104;
    await s.ensureFan(V);
    expect(await s.services.getBalance(V)).toMatchObject({ tier: 'new', discount: 0, prices: [] });
    await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: V, tier: 'vip' });
    const view = (await s.services.getBalance(V))!;
    expect(view.discount).toBe(50);
    expect(view.prices).toContainEqual({ type: 'voice', cost: 3 });
    expect(view.prices).toContainEqual({ type: 'text', cost: 1 });
  });
});
