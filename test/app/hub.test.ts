import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_TTL_MS, hashClaimCode, normaliseClaimCode } from '../../src/app/admin/hub/claim.ts';
import {
  auditLog,
  claimCodes,
  ledgerEntries,
  messageLinks,
  outbox,
  payments,
  users,
} from '../../src/db/schema/index.ts';
import { createScrubber, secretValues } from '../../src/logging/redact.ts';
import { claimCodeLine } from '../../src/server.ts';
import { OWNER_ID, testConfig } from '../support/config.ts';
import { createServiceStack, testClock, type ServiceStack } from '../support/services.ts';

describe('/claim: the first owner of a bot that has none', () => {
  let s: ServiceStack;
  beforeAll(async () => {
    s = await createServiceStack({ adminUserIds: [] });
  });
  afterAll(() => s.dispose());

  it('with an owner configured there is no code and nothing to claim', async () => {
    const owned = await createServiceStack({ adminUserIds: [OWNER_ID] });
    try {
      expect(await owned.services.hub.prepareClaimCode()).toBeNull();
      expect(await owned.services.hub.claim({ userId: 5, code: 'anything' })).toEqual({
        ok: false,
        code: 'closed',
      });
      expect(await owned.services.hub.claim({ userId: OWNER_ID, code: 'x' })).toEqual({
        ok: false,
        code: 'already_owner',
      });
    } finally {
      await owned.dispose();
    }
  });

  it('a code is 80 random bits in four groups, stored only as its SHA-256, for 24 hours', async () => {
    const code = (await s.services.hub.prepareClaimCode())!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const rows = await s.db.database.db.select().from(claimCodes);
    const row = rows.find((r) => r.codeHash === hashClaimCode(code))!;
    expect(row.codeHash).toBe(createHash('sha256').update(code.replace(/-/g, '')).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(code.slice(0, 4) + code.slice(5, 9));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(CLAIM_TTL_MS);
  });

  it('the start-up line is one plain line that the log scrubber would leave as it is', async () => {
    const line = claimCodeLine((await s.services.hub.prepareClaimCode())!, 'fanbridge_test_bot');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    expect(createScrubber(secretValues(testConfig()))(line)).toBe(line);
  });

  it('reads what people type: case, spaces, dashes; O as 0, I and L as 1', () => {
    expect(normaliseClaimCode(' ab1o-il0z ')).toBe('AB10110Z');
  });

  it('a wrong code is refused; a missing one asked for; the right one (typed loosely) makes the owner, once', async () => {
    const code = (await s.services.hub.prepareClaimCode())!;
    const other = (await s.services.hub.prepareClaimCode())!; // another replica's start
    const who = 52_001;
    await s.ensureFan(who);
    expect(await s.services.hub.claim({ userId: who, code: '' })).toEqual({ ok: false, code: 'missing' });
    expect(await s.services.hub.claim({ userId: who, code: 'AAAA-BBBB-CCCC-DDDD' })).toEqual({
      ok: false,
      code: 'invalid',
    });
    expect(await s.services.access.roleOf(who)).toBeNull();

    expect(await s.services.hub.claim({ userId: who, code: code.toLowerCase().replace(/-/g, ' ') })).toEqual({
      ok: true,
    });
    expect(await s.services.access.roleOf(who)).toBe('owner');
    expect(await s.uow.repos.team.get(who)).toMatchObject({ role: 'owner', addedBy: null });
    const audit = await s.db.database.db.select().from(auditLog).where(eq(auditLog.actorId, who));
    expect(audit.map((a) => [a.action, a.userId, a.details])).toEqual([
      ['team_claim', who, { role: 'owner' }],
    ]);

    // Every code is void now; the claiming is over, for everyone.
    const rows = await s.db.database.db.select().from(claimCodes);
    expect(rows.every((r) => r.usedAt !== null)).toBe(true);
    expect(rows.find((r) => r.codeHash === hashClaimCode(code))!.usedBy).toBe(who);
    expect(await s.uow.repos.claimCodes.isValid(hashClaimCode(other), s.clock.now())).toBe(false);
    expect(await s.services.hub.claim({ userId: 52_002, code: other })).toEqual({
      ok: false,
      code: 'closed',
    });
    expect(await s.services.hub.claim({ userId: who, code })).toEqual({ ok: false, code: 'already_owner' });
    expect(await s.services.hub.prepareClaimCode()).toBeNull();
  });
});

describe('/claim: expiry, tries and races', () => {
  it('a code older than 24 hours is refused', async () => {
    const s = await createServiceStack({ adminUserIds: [] });
    try {
      const code = (await s.services.hub.prepareClaimCode())!;
      s.clock.advance(CLAIM_TTL_MS + 1);
      expect(await s.services.hub.claim({ userId: 53_001, code })).toEqual({ ok: false, code: 'invalid' });
    } finally {
      await s.dispose();
    }
  });

  it('five tries per 10 minutes: the sixth is refused even with the right code, and later it works', async () => {
    const clock = testClock('2030-01-01T00:00:01Z');
    const s = await createServiceStack({ adminUserIds: [], clock });
    try {
      const code = (await s.services.hub.prepareClaimCode())!;
      for (let i = 0; i < 5; i++)
        expect((await s.services.hub.claim({ userId: 53_002, code: `WRONG-${i}` })).ok).toBe(false);
      expect(await s.services.hub.claim({ userId: 53_002, code })).toEqual({
        ok: false,
        code: 'slow_down',
        retryAfterSeconds: 599,
      });
      clock.advance(10 * 60_000);
      await s.ensureFan(53_002);
      expect(await s.services.hub.claim({ userId: 53_002, code })).toEqual({ ok: true });
    } finally {
      await s.dispose();
    }
  });

  it('one account hammering /claim cannot lock the real owner out', async () => {
    const s = await createServiceStack({ adminUserIds: [] });
    try {
      const code = (await s.services.hub.prepareClaimCode())!;
      for (let i = 0; i < 200; i++) await s.services.hub.claim({ userId: 53_010, code: `WRONG-${i}` });
      await s.ensureFan(53_011);
      expect(await s.services.hub.claim({ userId: 53_011, code })).toEqual({ ok: true });
    } finally {
      await s.dispose();
    }
  });

  it('two people with two valid codes at once: one owner', async () => {
    const s = await createServiceStack({ adminUserIds: [] });
    try {
      const [a, b] = [(await s.services.hub.prepareClaimCode())!, (await s.services.hub.prepareClaimCode())!];
      await s.ensureFan(53_011);
      await s.ensureFan(53_012);
      const results = await Promise.all([
        s.services.hub.claim({ userId: 53_011, code: a }),
        s.services.hub.claim({ userId: 53_012, code: b }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'closed' }]);
      expect((await s.uow.repos.team.list()).filter((m) => m.role === 'owner')).toHaveLength(1);
    } finally {
      await s.dispose();
    }
  });
});

describe('dashboard: figures from the database, by local day', () => {
  // 10:00 UTC on 15 June 2030 is 19:00 in Tokyo: Tokyo's today began at 15:00 UTC on the 14th.
  const clock = testClock('2030-06-15T10:00:00Z');
  let s: ServiceStack;
  const at = (iso: string) => new Date(iso);
  let key = 0;

  beforeAll(async () => {
    s = await createServiceStack({ clock, seedCatalog: true });
    const db = s.db.database.db;
    const user = (id: number, created: string, seen: string) =>
      db.insert(users).values({ id, firstName: `U${id}`, createdAt: at(created), lastSeenAt: at(seen) });
    await user(61_001, '2030-06-15T09:00:00Z', '2030-06-15T09:30:00Z'); // today everywhere
    await user(61_002, '2030-06-14T20:00:00Z', '2030-06-14T20:00:00Z'); // today in Tokyo, yesterday in UTC
    await user(61_003, '2030-06-01T00:00:00Z', '2030-06-10T00:00:00Z'); // 14 days old; active 5 days ago
    await user(61_004, '2030-04-01T00:00:00Z', '2030-04-01T00:00:00Z'); // old and quiet
    const [product] = await s.uow.repos.products.listActive();
    const pay = (userId: number, rail: 'stars' | 'stripe', amount: number, paid: string, extra = {}) =>
      db.insert(payments).values({
        userId,
        productId: product!.id,
        rail,
        amount,
        currency: rail === 'stars' ? 'XTR' : 'eur',
        status: 'paid',
        kind: 'credits',
        quantity: 10,
        paidAt: at(paid),
        ...extra,
      });
    await pay(61_001, 'stars', 100, '2030-06-15T09:10:00Z');
    await pay(61_002, 'stars', 50, '2030-06-14T20:10:00Z');
    await pay(61_003, 'stripe', 999, '2030-06-12T00:00:00Z');
    await pay(61_003, 'stripe', 500, '2030-06-13T00:00:00Z', { refundedAmount: 200 }); // partly refunded
    await pay(61_003, 'stripe', 700, '2030-06-13T00:00:00Z', { status: 'refunded', refundedAmount: 700 });
    await pay(61_004, 'stars', 75, '2030-04-02T00:00:00Z'); // outside 30 days
    await pay(61_004, 'stars', 10, '2030-06-15T09:00:00Z', { status: 'pending', paidAt: null });
    const entry = (userId: number, delta: number, reason: string, when: string) =>
      db.insert(ledgerEntries).values({
        userId,
        delta,
        reason: reason as 'spend',
        idempotencyKey: `dash:${++key}`,
        balanceAfter: 1000,
        actor: 'test',
        createdAt: at(when),
      });
    await entry(61_001, 100, 'purchase', '2030-06-15T09:10:00Z');
    await entry(61_001, -3, 'spend', '2030-06-15T09:20:00Z');
    await entry(61_002, 50, 'auto_recharge', '2030-06-14T20:10:00Z');
    await entry(61_002, -5, 'unlock', '2030-06-14T20:20:00Z');
    await entry(61_003, 20, 'gift', '2030-06-15T09:00:00Z'); // neither sold nor spent
    await entry(61_003, 2, 'refund', '2030-06-15T09:00:00Z');
    await entry(61_004, -7, 'spend', '2030-04-02T00:00:00Z');
    const link = (direction: 'in' | 'out', when: string, n: number) =>
      db.insert(messageLinks).values({
        userId: 61_001,
        direction,
        fanChatId: 61_001,
        fanMessageId: n,
        groupChatId: -100,
        groupMessageId: n,
        createdAt: at(when),
      });
    await link('in', '2030-06-15T09:00:00Z', 1);
    await link('in', '2030-06-14T20:00:00Z', 2);
    await link('out', '2030-06-14T20:05:00Z', 3);
    await link('in', '2030-05-01T00:00:00Z', 4);
    const item = (priority: number, status: string, n: number) =>
      db.insert(outbox).values({
        lane: `out:${n}`,
        chatId: n,
        kind: 'call',
        payload: {},
        sortKey: n,
        priority,
        status: status as 'pending',
        idempotencyKey: `dash-outbox:${n}`,
        createdAt: at('2030-06-15T09:58:00Z'),
      });
    await item(1, 'pending', 1);
    await item(3, 'pending', 2);
    await item(3, 'sending', 3);
    await item(3, 'done', 4);
  });
  afterAll(() => s.dispose());

  it('is for holders of stats.view only', async () => {
    await s.uow.repos.team.set({ userId: 61_900, role: 'agent', addedBy: OWNER_ID }, clock.now());
    expect(await s.services.hub.dashboard(61_900)).toEqual({ ok: false, code: 'not_allowed' });
  });

  it('counts users, revenue net of refunds per rail, messages, credits and the outbox, in UTC days', async () => {
    const res = await s.services.hub.dashboard(OWNER_ID);
    if (!res.ok) throw new Error('refused');
    expect(res.timezone).toBe('UTC');
    const { stats } = res;
    expect(stats.users).toEqual({
      total: 4,
      newUsers: { today: 1, days7: 2, days30: 3 },
      active7: 3,
      paying: 4,
    });
    expect(stats.revenue.stars).toEqual({ today: 100, days7: 150, days30: 150 });
    expect(stats.revenue.card).toEqual([{ currency: 'eur', today: 0, days7: 999 + 300, days30: 999 + 300 }]);
    expect(stats.messages).toEqual({
      in: { today: 1, days7: 2, days30: 2 },
      out: { today: 0, days7: 1, days30: 1 },
    });
    expect(stats.credits).toEqual({
      sold: { today: 100, days7: 150, days30: 150 },
      spent: { today: 3, days7: 8, days30: 8 },
    });
    expect(stats.outbox).toEqual([
      { priority: 1, pending: 1, oldestAt: at('2030-06-15T09:58:00Z') },
      { priority: 3, pending: 2, oldestAt: at('2030-06-15T09:58:00Z') },
    ]);
  });

  it('follows the timezone setting: in Tokyo the evening of the 14th (UTC) is today', async () => {
    await s.uow.repos.settings.set('timezone', 'Asia/Tokyo', OWNER_ID);
    try {
      const res = await s.services.hub.dashboard(OWNER_ID);
      if (!res.ok) throw new Error('refused');
      expect(res.timezone).toBe('Asia/Tokyo');
      expect(res.stats.users.newUsers.today).toBe(2);
      expect(res.stats.revenue.stars.today).toBe(150);
      expect(res.stats.messages.in.today).toBe(2);
      expect(res.stats.credits.sold.today).toBe(150);
    } finally {
      await s.uow.repos.settings.set('timezone', 'UTC', OWNER_ID);
    }
  });

  it('an invalid stored timezone falls back to UTC', async () => {
    await s.uow.repos.settings.set('timezone', 'Mars/Olympus', OWNER_ID);
    try {
      const res = await s.services.hub.dashboard(OWNER_ID);
      expect(res.ok && res.timezone).toBe('UTC');
    } finally {
      await s.uow.repos.settings.set('timezone', 'UTC', OWNER_ID);
    }
  });
});
