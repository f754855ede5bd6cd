import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUserQuery } from '../../src/app/admin/users/index.ts';
import { auditLog, ledgerEntries, payments, products } from '../../src/db/schema/index.ts';
import { OWNER_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/**
 * The Users screen's use cases on a real database: search (id, @username, part of a name, each filter,
 * combined, paged), the card, removing credits (an adjustment, never below zero), the tier by hand, and
 * tiers promoted by spend (messages, not gifts), never down, a manual one sticking until cleared.
 */
const MANAGER = 41_001;
const AGENT = 41_002;
let s: ServiceStack;

beforeAll(async () => {
  s = await createServiceStack();
  const now = s.clock.now();
  await s.uow.repos.team.set({ userId: MANAGER, role: 'manager', addedBy: OWNER_ID }, now);
  await s.uow.repos.team.set({ userId: AGENT, role: 'agent', addedBy: OWNER_ID }, now);
});
afterAll(() => s.dispose());

let nextMessage = 1;
/** A text message from the fan, charged like any (the relay's charge path). */
async function write(userId: number) {
  const res = await s.services.acceptFanMessage({
    userId,
    chatId: userId,
    messageId: nextMessage++,
    type: 'text',
  });
  if (!res.ok || res.duplicate) throw new Error(`message refused: ${JSON.stringify(res)}`);
  return res.cost;
}

async function profile(id: number, firstName: string, lastName?: string, username?: string) {
  await s.uow.repos.users.upsert({ id, firstName, lastName, username }, s.clock.now());
}

describe('what a typed query means', () => {
  it('a number is an id, @name a username, anything else part of a name; empty or overlong is nothing', () => {
    expect(parseUserQuery(' 12345 ')).toEqual({ id: 12345 });
    expect(parseUserQuery('@Ann_B')).toEqual({ usernamePrefix: 'ann_b' });
    expect(parseUserQuery('t.me/Ann_B')).toEqual({ usernamePrefix: 'ann_b' });
    expect(parseUserQuery('  Anna   Sm ')).toEqual({ namePrefix: 'anna sm' });
    expect(parseUserQuery('')).toBeNull();
    expect(parseUserQuery('@')).toBeNull();
    expect(parseUserQuery('@a b')).toBeNull();
    expect(parseUserQuery('x'.repeat(65))).toBeNull();
  });
});

describe('search', () => {
  const A = 51_001; // Anna Smith @annas
  const B = 51_002; // Boris Annenkov @bor
  const C = 51_003; // Zoë 100% @zoe_x, banned, paying
  const D = 51_004; // Dmitri, seen long ago

  beforeAll(async () => {
    await profile(A, 'Anna', 'Smith', 'annas');
    await profile(B, 'Boris', 'Annenkov', 'bor');
    await profile(C, 'Zoë', '100%', 'zoe_x');
    s.clock.advance(-40 * 86_400_000);
    await profile(D, 'Dmitri');
    s.clock.advance(40 * 86_400_000);
    await s.uow.repos.users.setBanned(C, true);
    const [product] = await s.db.database.db.select({ id: products.id }).from(products).limit(1);
    await s.db.database.db.insert(payments).values({
      userId: C,
      productId: product!.id,
      rail: 'stars',
      amount: 50,
      currency: 'XTR',
      status: 'paid',
      kind: 'credits',
      quantity: 10,
    });
  });

  const find = async (
    search: Parameters<ServiceStack['services']['adminUsers']['updateSearch']>[1],
    actor = OWNER_ID,
  ) => {
    const set = await s.services.adminUsers.updateSearch(actor, { reset: true, ...search });
    expect(set.ok).toBe(true);
    const res = await s.services.adminUsers.search(actor, 0);
    if (!res.ok) throw new Error(res.code);
    return res.items.map((u) => u.id);
  };

  it('by id, by @username (a prefix, any case), by part of a name (first, last, "first last")', async () => {
    expect(await find({ query: String(B) })).toEqual([B]);
    expect(await find({ query: '@ANN' })).toEqual([A]);
    expect(await find({ query: 'ann' })).toEqual(expect.arrayContaining([A, B]));
    expect((await find({ query: 'ann' })).length).toBe(2);
    expect(await find({ query: 'SMI' })).toEqual([A]);
    expect(await find({ query: 'anna s' })).toEqual([A]);
    expect(await find({ query: 'anna x' })).toEqual([]);
    expect(await find({ query: 'zoë' })).toEqual([C]);
    // Any part of a name, not only its start.
    expect(await find({ query: 'nna' })).toEqual([A]);
    expect(await find({ query: 'ENKO' })).toEqual([B]);
    expect(await find({ query: 'na smi' })).toEqual([A]);
  });

  it('LIKE wildcards in a query are taken literally', async () => {
    // Only the fan whose name holds a "%" (or a "_"), not everyone.
    expect(await find({ query: '%' })).toEqual([C]);
    expect(await find({ query: '_' })).toEqual([C]);
    expect(await find({ query: '100%' })).toEqual([C]);
  });

  it('each filter, and filters combined with a query', async () => {
    expect(await find({ banned: true })).toEqual([C]);
    expect(await find({ banned: false, query: 'zo' })).toEqual([]);
    expect(await find({ paying: true })).toEqual([C]);
    expect(await find({ paying: false })).not.toContain(C);
    expect(await find({ activeDays: 30 })).not.toContain(D);
    expect(await find({ query: 'dmi' })).toEqual([D]);
    expect(await find({ query: 'dmi', activeDays: 30 })).toEqual([]);
    expect(await find({ tier: 'vip' })).toEqual([]);
    await s.uow.repos.userDirectory.setTier(B, 'vip', true);
    expect(await find({ tier: 'vip' })).toEqual([B]);
    expect(await find({ tier: 'vip', query: 'ann' })).toEqual([B]);
    await s.uow.repos.userDirectory.setTier(B, 'new', false);
  });

  it('spent ≥ X counts lifetime spend; only members who may see revenue can use it', async () => {
    await s.grant(A, 10);
    await write(A);
    await write(A);
    const spent = (await s.user(A))!.lifetimeSpent;
    expect(spent).toBeGreaterThan(0);
    expect(await find({ spentMin: spent })).toEqual([A]);
    expect(await find({ spentMin: spent + 1 })).toEqual([]);
    expect(await s.services.adminUsers.updateSearch(AGENT, { spentMin: 1 })).toEqual({
      ok: false,
      code: 'not_allowed',
    });
  });

  it('bad values are refused and the search stays as it was', async () => {
    await find({ query: 'ann' });
    expect(await s.services.adminUsers.updateSearch(OWNER_ID, { activeDays: -3 })).toEqual({
      ok: false,
      code: 'invalid_query',
    });
    expect(await s.services.adminUsers.updateSearch(OWNER_ID, { query: '' })).toEqual({
      ok: false,
      code: 'invalid_query',
    });
    const res = await s.services.adminUsers.search(OWNER_ID, 0);
    expect(res.ok && res.search).toEqual({ query: 'ann' });
  });

  it('pages of 8, most recently seen first, with a next page while more match', async () => {
    for (let i = 0; i < 19; i++) {
      s.clock.advance(1000);
      await profile(52_000 + i, `Pagey${String(i).padStart(2, '0')}`);
    }
    await find({ query: 'pagey' });
    const pages = [];
    for (let p = 0; p < 4; p++) {
      const res = await s.services.adminUsers.search(OWNER_ID, p);
      if (!res.ok) throw new Error(res.code);
      pages.push({ ids: res.items.map((u) => u.id), more: res.hasMore, page: res.page });
    }
    expect(pages.map((p) => p.ids.length)).toEqual([8, 8, 3, 0]);
    expect(pages.map((p) => p.more)).toEqual([true, true, false, false]);
    expect(pages[0]!.ids[0]).toBe(52_018);
    expect(new Set(pages.flatMap((p) => p.ids)).size).toBe(19);
  });

  it('nobody off the team searches', async () => {
    expect(await s.services.adminUsers.search(A, 0)).toEqual({ ok: false, code: 'not_allowed' });
    expect(await s.services.adminUsers.updateSearch(A, { query: 'x' })).toEqual({
      ok: false,
      code: 'not_allowed',
    });
  });

  it('the @username and filter queries can use their indexes', async () => {
    const db = s.db.database.db;
    const plan = async (where: string) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw('set local enable_seqscan = off'));
        const res = await tx.execute(sql.raw(`explain select id from users where ${where}`));
        const rows = (res as { rows: Array<Record<string, string>> }).rows;
        return rows.map((r) => Object.values(r)[0]).join('\n');
      });
    expect(await plan(`lower(username) like 'ann%'`)).toContain('users_username_prefix_idx');
    expect(await plan(`tier = 'vip'`)).toContain('users_tier_seen_idx');
  });
});

describe('the card', () => {
  const F = 53_001;
  beforeAll(async () => {
    await profile(F, 'Carla', 'Card', 'carla');
  });

  it('shows balance, tier and state to an agent, revenue figures only to those who may see them', async () => {
    const agent = await s.services.adminUsers.card(AGENT, F);
    if (!agent.ok) throw new Error(agent.code);
    expect(agent.card.user).toMatchObject({ id: F, firstName: 'Carla', username: 'carla', isBanned: false });
    expect(agent.card.tier).toEqual({ tier: 'new', manual: false, automatic: 'new' });
    expect(agent.card.lifetimeSpent).toBeNull();
    expect(agent.card.payments).toBeNull();
    expect(agent.card.can).toEqual({ adjust: false, gift: false, ban: false });
    const owner = await s.services.adminUsers.card(OWNER_ID, F);
    if (!owner.ok) throw new Error(owner.code);
    expect(owner.card.lifetimeSpent).toBe(0);
    expect(owner.card.payments).toEqual([]);
    expect(owner.card.can).toEqual({ adjust: true, gift: true, ban: true });
    const manager = await s.services.adminUsers.card(MANAGER, F);
    expect(manager.ok && manager.card.can).toEqual({ adjust: false, gift: false, ban: true });
  });

  it('an unknown fan, and someone off the team', async () => {
    expect(await s.services.adminUsers.card(OWNER_ID, 999_999)).toEqual({ ok: false, code: 'unknown_fan' });
    expect(await s.services.adminUsers.card(F, F)).toEqual({ ok: false, code: 'not_allowed' });
  });
});

describe('removing credits', () => {
  const R = 54_001;
  beforeAll(async () => {
    await s.ensureFan(R);
    await s.grant(R, 7);
  });
  const balance = async () => (await s.user(R))!.creditBalance;

  it('an adjustment entry with the reason, keyed (a repeat changes nothing), audited', async () => {
    const before = await balance();
    const a = { adminId: OWNER_ID, userId: R, credits: 4, reason: 'double charge', key: 'k1' };
    expect(await s.services.adminUsers.removeCredits(a)).toEqual({
      ok: true,
      balance: before - 4,
      duplicate: false,
    });
    expect(await s.services.adminUsers.removeCredits(a)).toEqual({
      ok: true,
      balance: before - 4,
      duplicate: true,
    });
    expect(await balance()).toBe(before - 4);
    const [entry] = await s.db.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.idempotencyKey, 'adjust:k1'));
    expect(entry).toMatchObject({ delta: -4, reason: 'adjustment', actor: `admin:${OWNER_ID}` });
    expect(entry!.metadata).toEqual({ reason: 'double charge' });
    const audits = await s.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, R), eq(auditLog.action, 'remove_credits')));
    expect(audits).toHaveLength(1);
    expect((await s.services.checkLedger()).ok).toBe(true);
  });

  it('never below zero: refused with the balance, nothing written', async () => {
    const now = await balance();
    expect(
      await s.services.adminUsers.removeCredits({
        adminId: OWNER_ID,
        userId: R,
        credits: now + 1,
        reason: 'too much',
        key: 'k2',
      }),
    ).toEqual({ ok: false, code: 'insufficient', balance: now });
    expect(await balance()).toBe(now);
    expect(await s.uow.repos.ledger.findByKey('adjust:k2')).toBeNull();
  });

  it('refused to a manager and an agent, for bad amounts, an empty reason and an unknown fan', async () => {
    const a = { userId: R, credits: 1, reason: 'x', key: 'k3' };
    for (const adminId of [MANAGER, AGENT])
      expect(await s.services.adminUsers.removeCredits({ ...a, adminId })).toEqual({
        ok: false,
        code: 'not_allowed',
      });
    const o = { ...a, adminId: OWNER_ID };
    expect(await s.services.adminUsers.removeCredits({ ...o, credits: 0 })).toMatchObject({
      code: 'invalid_amount',
    });
    expect(await s.services.adminUsers.removeCredits({ ...o, credits: 1.5 })).toMatchObject({
      code: 'invalid_amount',
    });
    expect(await s.services.adminUsers.removeCredits({ ...o, reason: '  ' })).toMatchObject({
      code: 'invalid_reason',
    });
    expect(await s.services.adminUsers.removeCredits({ ...o, userId: 999_999 })).toEqual({
      ok: false,
      code: 'unknown_fan',
    });
    expect(await s.uow.repos.ledger.findByKey('adjust:k3')).toBeNull();
  });

  it('adding credits is the gift use case, for owners only', async () => {
    const before = await balance();
    const res = await s.services.adminUsers.addCredits({
      adminId: OWNER_ID,
      userId: R,
      credits: 5,
      key: 'g1',
    });
    expect(res).toMatchObject({ ok: true, balance: before + 5, duplicate: false });
    expect((await s.uow.repos.ledger.findByKey('gift:g1'))?.reason).toBe('gift');
    expect(
      await s.services.adminUsers.addCredits({ adminId: MANAGER, userId: R, credits: 5, key: 'g2' }),
    ).toEqual({ ok: false, code: 'not_allowed' });
  });
});

describe('tiers', () => {
  const T = 55_001;
  beforeAll(async () => {
    await s.uow.repos.settings.set('tier_thresholds', { regular: 3, vip: 6 }, OWNER_ID);
    await s.ensureFan(T);
  });
  const user = async () => (await s.user(T))!;

  it('gifts, bonuses and adjustments do not promote; spending on messages does, up to VIP', async () => {
    await s.services.adminUsers.addCredits({ adminId: OWNER_ID, userId: T, credits: 50, key: 'tier-gift' });
    await s.grant(T, 50);
    expect(await user()).toMatchObject({ tier: 'new', lifetimeSpent: 0 });
    let spent = 0;
    while (spent < 3) spent += await write(T);
    expect(await user()).toMatchObject({ tier: 'regular', lifetimeSpent: spent });
    while (spent < 6) spent += await write(T);
    expect(await user()).toMatchObject({ tier: 'vip', lifetimeSpent: spent });
    // The same figure as the ledger's lifetime totals.
    expect((await s.uow.repos.ledger.totals(T)).spent).toBe(spent);
  });

  it('an unlock with credits counts as spend too', async () => {
    const U = 55_002;
    await s.ensureFan(U);
    await s.grant(U, 20);
    const item = await s.uow.repos.content.create({
      title: 'Tier test',
      priceCredits: 4,
      priceStars: 10,
      media: [{ type: 'photo', fileId: 'file-1', fileUniqueId: null }],
      createdBy: OWNER_ID,
    });
    const res = await s.services.content.unlockWithCredits({
      userId: U,
      itemId: item.id,
      expectedCredits: 4,
    });
    expect(res.ok).toBe(true);
    expect(await s.user(U)).toMatchObject({ tier: 'regular', lifetimeSpent: 4 });
  });

  it('never goes down by itself: raised thresholds leave the tier where it is', async () => {
    await s.uow.repos.settings.set('tier_thresholds', { regular: 1000, vip: 2000 }, OWNER_ID);
    await write(T);
    expect((await user()).tier).toBe('vip');
    await s.uow.repos.settings.set('tier_thresholds', { regular: 3, vip: 6 }, OWNER_ID);
  });

  it('a tier set by hand sticks through spending; clearing it returns to what the spend earns', async () => {
    expect(await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: T, tier: 'new' })).toEqual({
      ok: true,
      tier: 'new',
      manual: true,
      changed: true,
    });
    await write(T);
    await write(T);
    expect(await user()).toMatchObject({ tier: 'new', tierManual: true });
    expect(await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: T, tier: null })).toEqual({
      ok: true,
      tier: 'vip',
      manual: false,
      changed: true,
    });
    expect(await user()).toMatchObject({ tier: 'vip', tierManual: false });
    const audits = await s.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, T), eq(auditLog.action, 'set_tier')));
    expect(audits).toHaveLength(2);
  });

  it('Automatic on a tier that is already automatic demotes nobody', async () => {
    await s.uow.repos.settings.set('tier_thresholds', { regular: 1000, vip: 2000 }, OWNER_ID);
    expect(await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: T, tier: null })).toEqual({
      ok: true,
      tier: 'vip',
      manual: false,
      changed: false,
    });
    expect((await user()).tier).toBe('vip');
    await s.uow.repos.settings.set('tier_thresholds', { regular: 3, vip: 6 }, OWNER_ID);
  });

  it('setting the tier needs users.adjust, a real tier and a known fan', async () => {
    expect(await s.services.adminUsers.setTier({ adminId: MANAGER, userId: T, tier: 'vip' })).toEqual({
      ok: false,
      code: 'not_allowed',
    });
    expect(
      await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: T, tier: 'gold' as never }),
    ).toEqual({ ok: false, code: 'invalid_amount' });
    expect(await s.services.adminUsers.setTier({ adminId: OWNER_ID, userId: 999_999, tier: 'vip' })).toEqual({
      ok: false,
      code: 'unknown_fan',
    });
  });

  it('/balance carries the tier', async () => {
    expect((await s.services.getBalance(T))?.tier).toBe('vip');
  });
});
