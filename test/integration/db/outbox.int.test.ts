import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos } from '../../../src/db/repos/index.ts';
import { outboxDispatch } from '../../../src/db/repos/outbox.ts';
import { outboxBudgets } from '../../../src/db/schema/index.ts';
import { BULK_HEADROOM, defaultBudgets, OUTBOX_CLASS, relaxedWake } from '../../../src/app/outbox/policy.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const recentOf = async (key: string) =>
  (await t.database.db.select().from(outboxBudgets).where(eq(outboxBudgets.key, key)))[0]?.recent ?? [];

/** A notice to `chatId` in `lane`, its html the key. */
const notice = (lane: string, chatId: number, key: string, extra: object = {}) => ({
  lane,
  chatId,
  sortKey: 0,
  idempotencyKey: key,
  payload: { kind: 'notice' as const, chatId, html: key },
  ...extra,
});

/** One claim of up to 8 items at `now`, with the default budgets. */
const claimAt = (now: Date) =>
  outboxDispatch(t.database.db).claim({
    limit: 8,
    now,
    leaseMs: 30_000,
    budgets: defaultBudgets(),
    excludeLanes: [],
  });

describe('outbox claim', () => {
  it('takes an item queued due at once even when it was queued after the claim read its clock; a later time still waits', async () => {
    const db = t.database.db;
    // The claim's clock, read before the items were queued (a claim that began as a handler committed).
    const before = new Date(Date.now() - 1000);
    const later = new Date(Date.now() + 60_000);
    await createRepos(db).outbox.enqueue([
      notice('out:9101', 9101, 'due-at-once'),
      notice('out:9102', 9102, 'due-later', { notBefore: later }),
    ]);
    const claim = await outboxDispatch(db).claim({
      limit: 8,
      now: before,
      leaseMs: 30_000,
      budgets: defaultBudgets(),
      excludeLanes: [],
    });
    // Taken by this claim: no second claim a few milliseconds later for an item that was due when it
    // was queued. The one with a time of its own waits for it, and the claim wakes the sender then.
    expect(claim.items.map((i) => i.lane)).toEqual(['out:9101']);
    expect(claim.wakeAt?.getTime()).toBe(later.getTime());
    // A notice: its send's finish may wake the sender on the grid (app/outbox/wake.ts).
    expect(claim.items[0]!.relaxed).toBe(true);
  });

  it('held by its chat, a notice wakes the sender on the grid’s next step after the chat frees, a reply at the moment', async () => {
    const db = t.database.db;
    await db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
    // Both chats sent 400 ms before the claim's clock: a private chat takes one send a second.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000 + 1037);
    const sent = new Date(now.getTime() - 400);
    const frees = sent.getTime() + defaultBudgets().private.windowMs;
    await db.insert(outboxBudgets).values([
      { key: 'chat:9201', recent: [sent] },
      { key: 'chat:9202', recent: [sent] },
    ]);
    const claim = () => claimAt(now);
    await createRepos(db).outbox.enqueue([notice('out:9201', 9201, 'held-notice')]);
    const first = await claim();
    expect(first.items).toEqual([]);
    expect(first.wakeAt?.getTime()).toBe(relaxedWake(frees));
    expect(relaxedWake(frees)).toBeGreaterThan(frees);
    await createRepos(db).outbox.enqueue([
      {
        lane: 'out:9202',
        chatId: 9202,
        sortKey: 0,
        idempotencyKey: 'held-reply',
        payload: {
          kind: 'relay.out',
          userId: 9202,
          groupId: -100,
          messageId: 5,
          replyToFanMessageId: null,
          answersFanMessageId: null,
        },
      },
    ]);
    const second = await claim();
    expect(second.items).toEqual([]);
    expect(second.wakeAt?.getTime()).toBe(frees);
    await db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
  });

  it('books every admitted send in the global budget, whatever is claimed after it', async () => {
    const db = t.database.db;
    // The reaction's chat already has a budget row, so nothing about it needs saving.
    await db.insert(outboxBudgets).values({ key: 'chat:2', recent: [] });
    await createRepos(db).outbox.enqueue([
      {
        lane: 'out:1',
        chatId: 1,
        sortKey: 0,
        idempotencyKey: 'n1',
        payload: { kind: 'notice', chatId: 1, html: 'hi' },
      },
      {
        lane: 'out:2',
        chatId: 2,
        sortKey: 0,
        idempotencyKey: 'r2',
        payload: { kind: 'react', chatId: 2, messageId: 5, emoji: '👌' },
      },
    ]);
    const claim = await outboxDispatch(db).claim({
      limit: 8,
      // A second ahead: not_before comes from the database clock (microseconds), now from JS (milliseconds).
      now: new Date(Date.now() + 1000),
      leaseMs: 30_000,
      budgets: defaultBudgets(),
      excludeLanes: [],
    });
    expect(claim.items.map((i) => [i.lane, i.cost])).toEqual([
      ['out:1', 1],
      ['out:2', 0],
    ]);
    expect(await recentOf('global')).toHaveLength(1);
    expect(await recentOf('chat:1')).toHaveLength(1);
    expect(await recentOf('chat:2')).toHaveLength(0);
  });
});

describe('a claim, from a fresh outbox', () => {
  const state = async () => ({
    global: (await t.database.db.select().from(outboxBudgets).where(eq(outboxBudgets.key, 'global'))).length,
    lanes: (
      (await t.database.db.execute(sql`select lane, last_sent_at from outbox_lanes order by lane`)) as {
        rows: { lane: string; last_sent_at: Date | string }[];
      }
    ).rows.map((r) => [r.lane, new Date(r.last_sent_at).getTime()]),
    items: (
      (await t.database.db.execute(
        sql`select idempotency_key, status, lease_until from outbox order by id`,
      )) as { rows: { idempotency_key: string; status: string; lease_until: Date | string | null }[] }
    ).rows.map((r) => [
      r.idempotency_key,
      r.status,
      r.lease_until ? new Date(r.lease_until).getTime() : null,
    ]),
  });

  it('takes the items, turns their lanes and books the budgets; says when what waits is due and which chats are held', async () => {
    const db = t.database.db;
    await db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
    const now = new Date(Date.now() + 1000);
    const later = new Date(now.getTime() + 10_000);
    await createRepos(db).outbox.enqueue([
      notice('out:11', 11, 'a'),
      notice('out:12', 12, 'b'),
      notice('out:13', 13, 'c', { notBefore: later }),
    ]);
    const claim = () => claimAt(now);
    const first = await claim();
    expect(first.items.map((i) => i.lane)).toEqual(['out:11', 'out:12']);
    // The delayed item is due later: the sender wakes for it even while the other two are in flight.
    expect(first.wakeAt?.getTime()).toBe(later.getTime());
    // A private chat takes one send a window: both chats are held until their window has room again
    // (the sender's wakes for them wait until then); the bot's budget has room; every due head was seen.
    const window = defaultBudgets().private.windowMs;
    expect(first.held).toEqual({
      chats: new Map([
        [11, now.getTime() + window],
        [12, now.getTime() + window],
      ]),
      all: 0,
      complete: true,
    });
    const lease = now.getTime() + 30_000;
    expect(await state()).toEqual({
      global: 1, // created by the first claim ever
      lanes: [
        ['out:11', now.getTime()],
        ['out:12', now.getTime()],
      ],
      items: [
        ['a', 'sending', lease],
        ['b', 'sending', lease],
        ['c', 'pending', null],
      ],
    });
    expect(await recentOf('global')).toHaveLength(2);
    expect(await recentOf('chat:11')).toHaveLength(1);
    expect(await recentOf('chat:12')).toHaveLength(1);
    // Nothing to take now: it wakes when the delayed item is due (before the leases run out).
    const second = await claim();
    expect(second.items).toEqual([]);
    expect(second.wakeAt?.getTime()).toBe(later.getTime());
    // Their sends in flight still say their chats are held.
    expect([...second.held.chats.keys()].sort()).toEqual([11, 12]);
  });

  it('hands the sender the person of a private chat as it read them (blocked, language); none for a group or a chat with no row', async () => {
    const db = t.database.db;
    await db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
    await db.execute(sql`insert into users (id, first_name, locale, language_code, blocked_bot, created_at, last_seen_at)
      values (21, 'A', 'de', 'de-AT', false, now(), now()), (22, 'B', null, 'fr', true, now(), now())
      on conflict (id) do update set locale = excluded.locale, language_code = excluded.language_code,
        blocked_bot = excluded.blocked_bot`);
    await createRepos(db).outbox.enqueue([
      notice('out:21', 21, 'r21'),
      notice('out:22', 22, 'r22'),
      notice('out:23', 23, 'r23'),
      notice('alert:-100', -100, 'group'),
    ]);
    const { items } = await outboxDispatch(db).claim({
      limit: 8,
      now: new Date(Date.now() + 1000),
      leaseMs: 30_000,
      budgets: defaultBudgets(),
      excludeLanes: [],
    });
    const byKey = new Map(items.map((i) => [(i.payload as { html: string }).html, i.recipient]));
    expect(byKey.get('r21')).toEqual({ id: 21, blockedBot: false, locale: 'de', languageCode: 'de-AT' });
    expect(byKey.get('r22')).toEqual({ id: 22, blockedBot: true, locale: null, languageCode: 'fr' });
    expect(byKey.get('r23')).toBeUndefined();
    expect(byKey.get('group')).toBeUndefined();
    expect(byKey.size).toBe(4);
  });

  it('says it did not see every due head when it stopped at its limit, and holds the bot when its budget is spent', async () => {
    const db = t.database.db;
    await db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
    const now = new Date(Date.now() + 1000);
    await createRepos(db).outbox.enqueue([
      notice('out:21', 21, 'd'),
      notice('out:22', 22, 'e'),
      notice('out:23', 23, 'f'),
    ]);
    const budgets = { ...defaultBudgets(), global: { limit: 2, windowMs: 1000 } };
    const claim = (limit: number) =>
      outboxDispatch(db).claim({ limit, now, leaseMs: 30_000, budgets, excludeLanes: [] });
    const first = await claim(1);
    expect(first.items).toHaveLength(1);
    expect(first.held.complete).toBe(false);
    expect(first.held.all).toBe(0);
    // The bot's second unit goes to the next head; the third waits for the window.
    const second = await claim(8);
    expect(second.items).toHaveLength(1);
    expect(second.held.complete).toBe(true);
    expect(second.held.all).toBe(now.getTime() + 1000);
  });
});

describe('what the outbox sends first', () => {
  const reply = (userId: number, key: string, messageId: number) => ({
    lane: `out:${userId}`,
    chatId: userId,
    sortKey: messageId,
    idempotencyKey: key,
    payload: {
      kind: 'relay.out' as const,
      userId,
      groupId: -100,
      messageId,
      replyToFanMessageId: null,
      answersFanMessageId: null,
    },
  });
  const claim = async (opts: { exclude?: string[]; limit?: number } = {}) =>
    (
      await outboxDispatch(t.database.db).claim({
        limit: opts.limit ?? 8,
        now: new Date(Date.now() + 1000),
        leaseMs: 30_000,
        budgets: defaultBudgets(1000),
        excludeLanes: opts.exclude ?? [],
      })
    ).items.map((i) => (i.payload.kind === 'notice' ? i.payload.html : `${i.payload.kind}`) as string);
  const reset = () => t.database.db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);

  it("an admin's reply overtakes the fan's pending receipts; replies keep their order", async () => {
    await reset();
    const repo = createRepos(t.database.db).outbox;
    await repo.enqueue([notice('out:7', 7, 'receipt-1'), notice('out:7', 7, 'receipt-2')]);
    await repo.enqueue([reply(7, 'reply-a', 10), reply(7, 'reply-b', 11)]);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const [item] = await outboxDispatch(t.database.db)
        .claim({
          limit: 1,
          // A second apart: the fan's chat takes one send per window.
          now: new Date(Date.now() + 1000 * (i + 1)),
          leaseMs: 30_000,
          budgets: defaultBudgets(1000),
          excludeLanes: [],
        })
        .then((r) => r.items);
      order.push(
        item!.payload.kind === 'relay.out'
          ? `reply:${item!.payload.messageId}`
          : String((item!.payload as { html: string }).html),
      );
      await repo.complete(item!.id, new Date());
    }
    expect(order).toEqual(['reply:10', 'reply:11', 'receipt-1', 'receipt-2']);
  });

  it('a payment confirmation may say it goes first, too', async () => {
    await reset();
    const repo = createRepos(t.database.db).outbox;
    await repo.enqueue([
      notice('out:8', 8, 'receipt'),
      notice('out:8', 8, 'paid', { priority: OUTBOX_CLASS.reply }),
    ]);
    expect(await claim({ limit: 1 })).toEqual(['paid']);
  });

  it('nothing overtakes an item in flight in its lane', async () => {
    await reset();
    const repo = createRepos(t.database.db).outbox;
    await repo.enqueue([notice('out:9', 9, 'receipt')]);
    expect(await claim()).toEqual(['receipt']); // now sending, its lease running
    await repo.enqueue([reply(9, 'reply', 12)]);
    expect(await claim()).toEqual([]);
  });

  it('across lanes: replies, then content, then notices, then renders', async () => {
    await reset();
    const repo = createRepos(t.database.db).outbox;
    await repo.enqueue([
      {
        lane: 'card:1',
        chatId: -100,
        sortKey: 0,
        idempotencyKey: 'card',
        payload: { kind: 'render', target: 'card', groupId: -100, userId: 1 },
      },
      notice('alert:-100', -100, 'notice'),
      {
        lane: 'in:2',
        chatId: -100,
        sortKey: 5,
        idempotencyKey: 'relay',
        payload: { kind: 'relay.in', userId: 2, fromChatId: 2, messageId: 5, cost: 1, mode: 'copy' },
      },
      reply(3, 'reply', 1),
    ]);
    expect(await claim()).toEqual(['relay.out', 'relay.in', 'notice', 'render']);
  });
});

describe('bulk sends', () => {
  const bulk = (chatId: number) => ({
    lane: `bulk:${chatId}`,
    chatId,
    sortKey: 0,
    idempotencyKey: `bulk-${chatId}`,
    payload: { kind: 'notice' as const, chatId, html: 'news' },
    priority: OUTBOX_CLASS.bulk,
  });
  const live = (chatId: number) => ({
    lane: `out:${chatId}`,
    chatId,
    sortKey: 0,
    idempotencyKey: `live-${chatId}`,
    payload: { kind: 'notice' as const, chatId, html: 'receipt' },
  });
  const claimAll = async () =>
    (
      await outboxDispatch(t.database.db).claim({
        limit: 100,
        now: new Date(Date.now() + 1000),
        leaseMs: 30_000,
        budgets: defaultBudgets(),
        excludeLanes: [],
      })
    ).items;

  it('take what live traffic leaves of the global budget, minus the headroom', async () => {
    await t.database.db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
    const repo = createRepos(t.database.db).outbox;
    await repo.enqueue(Array.from({ length: 60 }, (_, i) => bulk(2000 + i)));
    // Alone: 30 a window less the headroom.
    const alone = await claimAll();
    expect(alone).toHaveLength(defaultBudgets().global.limit - BULK_HEADROOM);
    expect(alone.every((i) => i.lane.startsWith('bulk:'))).toBe(true);
  });

  it('live sends queued after them still go first', async () => {
    await t.database.db.execute(sql`truncate outbox, outbox_lanes, outbox_budgets`);
    const repo = createRepos(t.database.db).outbox;
    await repo.enqueue(Array.from({ length: 60 }, (_, i) => bulk(3000 + i)));
    await repo.enqueue(Array.from({ length: 5 }, (_, i) => live(4000 + i)));
    const items = await claimAll();
    expect(items.slice(0, 5).map((i) => i.lane)).toEqual(
      Array.from({ length: 5 }, (_, i) => `out:${4000 + i}`),
    );
    expect(items.filter((i) => i.lane.startsWith('bulk:'))).toHaveLength(
      defaultBudgets().global.limit - BULK_HEADROOM - 5,
    );
    // The headroom is left: a live send queued now goes in this window.
    await repo.enqueue([live(5000)]);
    expect((await claimAll()).map((i) => i.lane)).toEqual(['out:5000']);
  });
});
