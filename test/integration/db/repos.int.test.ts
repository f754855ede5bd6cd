import { creatorTextFor, SETTINGS } from '../../../src/app/system/settings.ts';
import { WAITING_COUNT_LIMIT } from '../../../src/app/ports/relay.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../src/app/services.ts';
import { DEFAULT_CATALOG } from '../../../src/app/billing/catalog.ts';
import { createRepos, createUnitOfWork } from '../../../src/db/repos/index.ts';
import { inboundUpdatesStore } from '../../../src/db/repos/inbound.ts';
import { fixedClock } from '../../../src/domain/shared/index.ts';
import type { Repos } from '../../../src/app/ports/index.ts';
import { DuplicateUpdateError, updateScope } from '../../../src/app/system/update-scope.ts';
import { MAX_UPDATE_ATTEMPTS } from '../../../src/app/system/updates.ts';
import { createTestDatabase, engineName, untilBlockedOnLock, type TestDatabase } from '../../support/db.ts';
import { statementsDuring } from '../../support/statements.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());

const clock = fixedClock('2026-11-01T12:00:00Z');
const services = () =>
  createServices({
    uow: createUnitOfWork(t.database),
    clock,
    adminGroupIds: [],
    adminUserIds: [],
  });

describe('accounts and updates', () => {
  it('begins an update: a processed one is dropped, the sender upserted (no claim yet)', async () => {
    const s = services();
    const first = await s.updates.begin(1001, {
      id: 42,
      firstName: 'Alice',
      username: 'alice',
      languageCode: 'en',
    });
    expect(first).toMatchObject({
      duplicate: false,
      created: true,
      // A new fan starts with the welcome bonus (default 3): their first ledger entry.
      user: { id: 42, firstName: 'Alice', creditBalance: 3 },
    });
    // Beginning claims nothing: the handler's own transaction does (or the lifecycle, after it replied).
    expect(await s.updates.begin(1001, { id: 42, firstName: 'Alice' })).toMatchObject({ duplicate: false });
    expect(await s.updates.claim(1001)).toBe(true);
    expect(await s.updates.begin(1001, { id: 42, firstName: 'Alice' })).toEqual({ duplicate: true });
    const second = await s.updates.begin(1002, { id: 42, firstName: 'Alicia', username: 'alicia' });
    expect(second).toMatchObject({
      duplicate: false,
      created: false,
      user: { firstName: 'Alicia', username: 'alicia', languageCode: 'en' },
    });
  });

  it("claims an update in its handler's first transaction: with its effects, or not at all", async () => {
    const uow = createUnitOfWork(t.database);
    await services().updates.begin(3000, { id: 77, firstName: 'Scope' });
    const effect = (key: string) => (r: Repos) =>
      r.ledger.apply({ userId: 77, delta: 1, reason: 'adjustment', idempotencyKey: key, actor: 'test' });
    // The handler fails inside its transaction: no effect, no claim (a redelivery runs it again).
    const failing = updateScope.run({ updateId: 3001, claimed: false }, () =>
      uow.run(async (r) => {
        await effect('scope-test:1')(r);
        throw new Error('pool timeout');
      }),
    );
    await expect(failing).rejects.toThrow('pool timeout');
    expect(await uow.repos.updates.isProcessed(3001)).toBe(false);
    expect(await uow.repos.ledger.findByKey('scope-test:1')).toBeNull();
    // It succeeds: effect and claim commit together; later transactions of the same handler claim nothing.
    const scope = { updateId: 3001, claimed: false };
    await updateScope.run(scope, async () => {
      await uow.run(effect('scope-test:1'));
      await uow.run(effect('scope-test:2'));
    });
    expect(scope.claimed).toBe(true);
    expect(await uow.repos.updates.isProcessed(3001)).toBe(true);
    // A redelivery racing it finds the claim taken: its effect rolls back.
    const racing = updateScope.run({ updateId: 3001, claimed: false }, () => uow.run(effect('scope-test:3')));
    await expect(racing).rejects.toBeInstanceOf(DuplicateUpdateError);
    expect(await uow.repos.ledger.findByKey('scope-test:3')).toBeNull();
  });

  it('counts failures outside the rolled-back transaction and parks the update after the last one', async () => {
    const s = createServices({
      uow: createUnitOfWork(t.database),
      clock,
      adminGroupIds: [],
      adminUserIds: [900001],
    });
    const raw = { update_id: 4001, message: { text: 'hi' } };
    const fail = () => s.updates.noteFailure({ updateId: 4001, raw, error: 'Error: boom', kind: 'message' });
    for (let i = 1; i < MAX_UPDATE_ATTEMPTS; i++)
      expect(await fail()).toEqual({ action: 'retry', attempts: i });
    expect(await fail()).toEqual({ action: 'parked', attempts: MAX_UPDATE_ATTEMPTS });
    const uow = createUnitOfWork(t.database);
    const [parked] = await uow.repos.updates.parked(10);
    expect(parked).toMatchObject({ updateId: 4001, status: 'parked', attempts: 5, raw });
    // Parked means claimed: a redelivery is dropped, not run a sixth time.
    expect(await uow.repos.updates.isProcessed(4001)).toBe(true);
    // One owner alert; a second parked update in the same 10 minutes is not announced again.
    for (let i = 0; i < MAX_UPDATE_ATTEMPTS; i++)
      await s.updates.noteFailure({ updateId: 4002, raw, error: 'boom', kind: 'message' });
    const alerts = await t.database.db.execute(
      sql`select idempotency_key from outbox where idempotency_key like 'parked-update:%'`,
    );
    expect((alerts as { rows: unknown[] }).rows).toEqual([{ idempotency_key: 'parked-update:4001:900001' }]);
  });

  it('reports the balance with the low-balance flag from settings', async () => {
    const s = services();
    await s.updates.begin(1003, { id: 43, firstName: 'Bob' });
    expect(await s.getBalance(43)).toMatchObject({
      balance: 3,
      lastTopUp: 3,
      low: true,
      lowThreshold: 5,
      timePassUntil: null,
      passRemainingMs: 0,
    });
    expect(await s.getBalance(999)).toBeNull();
  });

  it('prunes processed updates, alert marks and Stripe event ids outside their windows', async () => {
    const uow = createUnitOfWork(t.database);
    await uow.repos.updates.claim(5000);
    const later = createServices({
      uow,
      clock: fixedClock('2030-01-01T00:00:00Z'),
      adminGroupIds: [],
      adminUserIds: [],
    });
    await uow.repos.once.claim('alert:test:1');
    await uow.repos.once.claim('notice:keep-me');
    await uow.run((r) => r.stripeEvents.claim('evt_old', 'charge.refunded'));
    const album = {
      userId: 42,
      direction: 'in' as const,
      mediaGroupId: 'mg1',
      chatId: 42,
      cost: 3,
      flushedAt: null,
    };
    await uow.repos.albums.add({ ...album, messageId: 1 }, new Date());
    await uow.repos.albums.add({ ...album, messageId: 2 }, new Date());
    const [flushed] = await uow.repos.albums.pendingForUpdate('in', 'mg1');
    await uow.repos.albums.markFlushed([flushed!.id], new Date('2026-01-01T00:00:00Z'));
    const result = await later.runHousekeeping();
    expect(result.prunedUpdates).toBeGreaterThanOrEqual(1);
    expect(result.prunedAlertMarks).toBe(2); // this test's, and the parked-update alert's above
    expect(result.prunedFailedUpdates).toBe(2); // the two parked above, long ago by then
    expect(result.prunedAlbumItems).toBe(1); // the unflushed item stays
    expect(result.prunedStripeEvents).toBe(1);
    expect(await uow.repos.stripeEvents.get('evt_old')).toBeNull();
    expect(await uow.repos.albums.pendingForUpdate('in', 'mg1')).toHaveLength(1);
    expect(await uow.repos.once.claim('notice:keep-me')).toBe(false);
    expect(await uow.repos.updates.claim(5000)).toBe(true);
  });
});

describe('users.lookup: the lookups of updates handled side by side go together', () => {
  it('answers each lookup for itself, in one statement: the row, whether the update was handled, the open flow', async () => {
    const repos = createRepos(t.database.db);
    for (const id of [8101, 8102, 8103]) await repos.users.upsert({ id, firstName: `u${id}` }, new Date());
    await repos.updates.claim(981_002);
    await t.database.db.execute(
      sql`insert into flows (actor_id, flow, step, data) values (8103, 'gift', 'amount', '{}'::jsonb)`,
    );
    const users = createRepos(t.database.db).users;
    const { result, texts } = await statementsDuring(() =>
      Promise.all([
        users.lookup(8101, 981_001),
        users.lookup(8102, 981_002),
        users.lookup(8199, 981_003),
        users.lookup(8103, 981_004),
        users.lookup(8101, 981_005),
      ]),
    );
    expect(texts).toHaveLength(1);
    expect(result.map((r) => r && [r.user.id, r.processed, r.openFlow])).toEqual([
      [8101, false, null],
      [8102, true, null],
      null,
      [8103, false, 'gift'],
      [8101, false, null],
    ]);
    const alone = await users.lookup(8102, 981_006);
    expect(alone).toMatchObject({ user: { id: 8102, firstName: 'u8102' }, processed: false });
    expect(alone!.user.createdAt).toBeInstanceOf(Date);
    expect(result[0]!.user).toEqual((await users.lookup(8101, 0))!.user);
    expect(result[0]!.version).toBe((await users.lookup(8101, 0))!.version);
  });

  it('a group that fails fails each of its lookups; the next group is unaffected', async () => {
    const users = createRepos(t.database.db).users;
    // An id beyond bigint makes the group's statement fail (as a lost connection would).
    const results = await Promise.allSettled([users.lookup(8101, 1), users.lookup(8101, Number.MAX_VALUE)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await users.lookup(8101, 2)).toMatchObject({ user: { id: 8101 } });
  });
});

describe('the outbox inside a unit of work', () => {
  const notice = (key: string, html: string) => ({
    lane: `uow-test:${key}`,
    chatId: 77,
    sortKey: 0,
    idempotencyKey: `uow-test:${key}`,
    coalesceKey: `uow-test:${key}`,
    payload: { kind: 'notice' as const, chatId: 77, html },
  });
  const rows = async () =>
    (
      (await t.database.db.execute(
        sql`select idempotency_key, payload->>'html' as html from outbox
            where idempotency_key like 'uow-test:%' order by id`,
      )) as { rows: { idempotency_key: string; html: string }[] }
    ).rows.map((r) => [r.idempotency_key, r.html]);

  it('writes a transaction’s enqueues in order, seen by its later outbox calls, and none on rollback', async () => {
    const uow = createUnitOfWork(t.database);
    await uow.run(async (r) => {
      await r.outbox.enqueue([notice('a', 'A')]);
      await r.outbox.enqueue([notice('b', 'B'), notice('c', 'C')]);
      // A later call on the outbox sees what was enqueued before it.
      expect(await r.outbox.coalesce('uow-test:b', { kind: 'notice', chatId: 77, html: 'B2' })).toBe(true);
      await r.outbox.enqueue([notice('d', 'D'), notice('a', 'repeat')]);
    });
    expect(await rows()).toEqual([
      ['uow-test:a', 'A'],
      ['uow-test:b', 'B2'],
      ['uow-test:c', 'C'],
      ['uow-test:d', 'D'],
    ]);
    await expect(
      uow.run(async (r) => {
        await r.outbox.enqueue([notice('e', 'E')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await rows()).map(([key]) => key)).not.toContain('uow-test:e');
  });
});

describe('an outbox item sent back to waiting while a newer one of its coalesce key is pending', () => {
  const receipt = {
    messageIds: [1],
    cost: 1,
    free: false,
    balance: 2,
    lastTopUp: 3,
    low: false,
    threshold: 5,
    passLeftMs: 0,
  };
  const item = (key: string, coalesceKey: string) => ({
    lane: `resched:${key}`,
    chatId: 78,
    sortKey: 0,
    idempotencyKey: `resched:${key}`,
    coalesceKey,
    payload: {
      kind: 'notice' as const,
      chatId: 78,
      html: key,
      ...(coalesceKey.startsWith('receipt:') ? { receipt } : {}),
    },
  });
  const row = async (key: string) =>
    (
      (await t.database.db.execute(
        sql`select status, coalesce_key, done_at from outbox where idempotency_key = ${`resched:${key}`}`,
      )) as { rows: { status: string; coalesce_key: string | null; done_at: unknown }[] }
    ).rows[0]!;
  const idOf = async (key: string) =>
    (
      (await t.database.db.execute(
        sql`select id from outbox where idempotency_key = ${`resched:${key}`}`,
      )) as {
        rows: { id: number | string }[];
      }
    ).rows[0]!.id;
  /** The item is taken by the sender, a newer one is queued meanwhile, then the first is rescheduled. */
  const race = async (first: string, second: string, coalesceKey: string) => {
    const { repos } = createUnitOfWork(t.database);
    await repos.outbox.enqueue([item(first, coalesceKey)]);
    const id = Number(await idOf(first));
    await t.database.db.execute(sql`update outbox set status = 'sending' where id = ${id}`);
    await repos.outbox.enqueue([item(second, coalesceKey)]);
    await repos.outbox.reschedule(id, new Date(), { countAttempt: false });
  };

  it('a render is superseded by the newer render: done (it used to break the unique pending key and stall the lane)', async () => {
    await race('r1', 'r2', 'render:inbox:78');
    expect(await row('r1')).toMatchObject({ status: 'done', coalesce_key: 'render:inbox:78' });
    expect((await row('r1')).done_at).toBeTruthy();
    expect(await row('r2')).toMatchObject({ status: 'pending', coalesce_key: 'render:inbox:78' });
  });

  it('an edit and a progress message too (the newer carries the latest content)', async () => {
    await race('e1', 'e2', 'edit:in:78:5');
    expect((await row('e1')).status).toBe('done');
    await race('p1', 'p2', 'campaign:9:progress');
    expect((await row('p1')).status).toBe('done');
  });

  it('a receipt waits again without its key: both are sent, merges go to the newer one', async () => {
    await race('c1', 'c2', 'receipt:78');
    expect(await row('c1')).toMatchObject({ status: 'pending', coalesce_key: null });
    expect(await row('c2')).toMatchObject({ status: 'pending', coalesce_key: 'receipt:78' });
  });

  // Two connections at once: PGlite is one connection, so only PostgreSQL can interleave them.
  it.skipIf(engineName === 'pglite')(
    'a newer item queued by a transaction still open while it looks: seen once that commits (no unique-key error, no stalled lane)',
    async () => {
      const { repos } = createUnitOfWork(t.database);
      await repos.outbox.enqueue([item('o1', 'edit:in:78:6')]);
      const id = Number(await idOf('o1'));
      await t.database.db.execute(sql`update outbox set status = 'sending' where id = ${id}`);
      let rescheduled: Promise<unknown> = Promise.resolve();
      await t.database.db.transaction(async (tx) => {
        await createRepos(tx).outbox.enqueue([item('o2', 'edit:in:78:6')]);
        rescheduled = repos.outbox.reschedule(id, new Date(), { countAttempt: false }).then(
          () => 'rescheduled',
          (err: unknown) => err,
        );
        // The reschedule's write waits for this transaction's pending item of the same key.
        await untilBlockedOnLock(
          t.database,
          'update "outbox"%',
          'the reschedule to wait for the open transaction',
        );
      });
      expect(await rescheduled).toBe('rescheduled');
      expect((await row('o1')).status).toBe('done');
      expect((await row('o2')).status).toBe('pending');
    },
  );

  it('with no newer item it simply waits again, key kept', async () => {
    const { repos } = createUnitOfWork(t.database);
    await repos.outbox.enqueue([item('alone', 'render:card:78')]);
    const id = Number(await idOf('alone'));
    await t.database.db.execute(sql`update outbox set status = 'sending' where id = ${id}`);
    await repos.outbox.reschedule(id, new Date(), { countAttempt: true });
    expect(await row('alone')).toMatchObject({ status: 'pending', coalesce_key: 'render:card:78' });
  });
});

describe('catalog and settings', () => {
  it('seeds the default catalog exactly once', async () => {
    const s = services();
    expect(await s.seedDefaultCatalog()).toBe(true);
    expect(await s.seedDefaultCatalog()).toBe(false);
    const list = await s.listCatalog();
    expect(list.map((p) => p.title)).toEqual(DEFAULT_CATALOG.map((p) => p.title));
    expect(list.every((p) => p.active && p.priceStars > 0)).toBe(true);
  });

  it('falls back to defaults for unknown or invalid stored settings', async () => {
    const uow = createUnitOfWork(t.database);
    await uow.repos.settings.set('low_credit_threshold', 'not a number', null);
    await uow.repos.settings.set('welcome_text', 'Hi there', 1);
    const settings = await services().getSettings();
    expect(settings.low_credit_threshold).toBe(5);
    // A text stored before languages is the creator's default, in every language.
    expect(creatorTextFor(settings, 'welcome_text', 'ru')).toBe('Hi there');
    expect(settings.message_costs.text).toBe(1);
  });

  it('refuses a negative balance at the database level', async () => {
    const uow = createUnitOfWork(t.database);
    const error = await t.database.db
      .execute(sql`update users set credit_balance = -1 where id = 42`)
      .catch((e: unknown) => e);
    expect(String((error as Error).cause)).toMatch(/users_credit_balance_non_negative/);
    expect((await uow.repos.users.get(42))?.creditBalance).toBe(3);
  });
});

describe("a fan's message recorded as relayed (links.relayedIn)", () => {
  const FAN = 91_001;
  const GROUP = -100_555_001;
  const state = async (itemId: number) => {
    const q = async <T>(query: ReturnType<typeof sql>) =>
      ((await t.database.db.execute(query)) as { rows: T[] }).rows;
    const [item] = await q<{ status: string; done_at: unknown; lease_until: unknown }>(
      sql`select status, done_at, lease_until from outbox where id = ${itemId}`,
    );
    const links = await q<{ group_message_id: number; mode: string; direction: string }>(
      sql`select group_message_id, mode, direction from message_links where user_id = ${FAN} order by id`,
    );
    const [load] = await q<{ n: number }>(
      sql`select coalesce(sum(relayed), 0)::int as n from admin_group_load where group_id = ${GROUP}`,
    );
    return { item, links, load: load!.n };
  };
  const link = (groupMessageId: number, fanMessageId = groupMessageId) => ({
    userId: FAN,
    fanChatId: FAN,
    fanMessageId,
    groupChatId: GROUP,
    groupThreadId: 7,
    groupMessageId,
    mode: 'copy' as const,
  });
  const queue = async (key: string) => {
    const uow = createUnitOfWork(t.database);
    await uow.run((r) =>
      r.outbox.enqueue([
        {
          lane: `in:${FAN}`,
          chatId: GROUP,
          sortKey: 0,
          idempotencyKey: key,
          payload: { kind: 'notice', chatId: GROUP, html: key },
        },
      ]),
    );
    const [row] = (
      (await t.database.db.execute(sql`select id from outbox where idempotency_key = ${key}`)) as {
        rows: { id: number }[];
      }
    ).rows;
    return Number(row!.id);
  };

  beforeAll(async () => {
    await createUnitOfWork(t.database).repos.users.upsert({ id: FAN, firstName: 'Relayed' }, clock.now());
  });

  it('marks the item done, links the pair and counts the group load, in one call', async () => {
    const id = await queue('relayed-in:1');
    const repos = createUnitOfWork(t.database).repos;
    await repos.links.relayedIn(link(501), { outboxItemId: id, at: clock.now() });
    const after = await state(id);
    expect(after.item?.status).toBe('done');
    expect(new Date(after.item!.done_at as string).getTime()).toBe(clock.now().getTime());
    expect(after.item?.lease_until).toBeNull();
    expect(after.links).toEqual([{ group_message_id: 501, mode: 'copy', direction: 'in' }]);
    expect(after.load).toBe(1);
    expect(await repos.links.byFanMessage(FAN, 501)).toMatchObject({ groupMessageId: 501, groupThreadId: 7 });
    // A second message adds to the same hour's load.
    const second = await queue('relayed-in:2');
    await repos.links.relayedIn({ ...link(502), mode: 'forward' }, { outboxItemId: second, at: clock.now() });
    expect((await state(second)).load).toBe(2);
    expect((await state(second)).links.map((l) => l.mode)).toEqual(['copy', 'forward']);
  });

  it('inside a unit of work, rolls back with it: nothing of the three stays', async () => {
    const id = await queue('relayed-in:3');
    const before = await state(id);
    await expect(
      createUnitOfWork(t.database).run(async (r) => {
        await r.links.relayedIn(link(503), { outboxItemId: id, at: clock.now() });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await state(id);
    expect(after.item?.status).toBe('pending');
    expect(after.links).toEqual(before.links);
    expect(after.load).toBe(before.load);
  });
});

describe("a fan's message noted on their topic (topics.noteFanMessage)", () => {
  const FAN = 91_002;
  const logged = async () =>
    (
      (await t.database.db.execute(
        sql`select type, message_id from message_log where user_id = ${FAN} order by id`,
      )) as { rows: { type: string; message_id: number }[] }
    ).rows.map((r) => [r.type, Number(r.message_id)]);

  it('answers the topic row (and logs the message) only when there is one; with none, nothing is written', async () => {
    const repos = createUnitOfWork(t.database).repos;
    await repos.users.upsert({ id: FAN, firstName: 'Noted' }, clock.now());
    expect(
      await repos.topics.noteFanMessage(FAN, clock.now(), { type: 'text', messageId: 1, text: 'hi' }),
    ).toBeNull();
    expect(await repos.topics.noteFanMessage(FAN, clock.now())).toBeNull();
    expect(await logged()).toEqual([]);
    await repos.topics.reserve(FAN, -100_777, 'Noted');
    const noted = await repos.topics.noteFanMessage(FAN, clock.now(), {
      type: 'photo',
      messageId: 2,
      text: null,
    });
    // The row as `get` reads it, and the group's queue of fans waiting for a topic (this one).
    expect(noted).toEqual({ ...(await repos.topics.get(FAN)), waitingForTopic: 1 });
    expect(noted).toMatchObject({
      userId: FAN,
      groupId: -100_777,
      threadId: null,
      status: 'creating',
      cardPinned: false,
    });
    expect(await repos.topics.noteFanMessage(FAN, clock.now())).toEqual(noted);
    expect(await logged()).toEqual([['photo', 2]]);
    const [row] = (
      (await t.database.db.execute(sql`select unread from fan_topics where user_id = ${FAN}`)) as {
        rows: { unread: number }[];
      }
    ).rows;
    expect(row?.unread).toBe(2);
  });

  it('counts the fans of the group still waiting for a topic while this one waits, and stops once it has one', async () => {
    const repos = createUnitOfWork(t.database).repos;
    const group = -100_778;
    const [a, b, other] = [91_010, 91_011, 91_012];
    for (const id of [a, b, other]) await repos.users.upsert({ id, firstName: 'Queued' }, clock.now());
    await repos.topics.reserve(a, group, 'A');
    expect((await repos.topics.noteFanMessage(a, clock.now()))?.waitingForTopic).toBe(1);
    await repos.topics.reserve(b, group, 'B');
    await repos.topics.reserve(other, group - 1, 'Other group');
    // What `waitingForTopic` says, read by the noting statement.
    expect((await repos.topics.noteFanMessage(a, clock.now()))?.waitingForTopic).toBe(2);
    expect(await repos.topics.waitingForTopic(group)).toBe(2);
    await repos.topics.setThread(b, 4_001, 'B');
    expect((await repos.topics.noteFanMessage(a, clock.now()))?.waitingForTopic).toBe(1);
    await repos.topics.setThread(a, 4_002, 'A');
    expect((await repos.topics.noteFanMessage(a, clock.now()))?.waitingForTopic).toBeNull();
  });

  it('counts the waiting fans only as far as a receipt needs, whatever the backlog', async () => {
    // A receipt asks whether more wait than the group gets topics a minute: the count must reach past
    // the setting's highest value, and stops there.
    // (The setting takes a range of whole numbers: refusing the limit, it takes nothing above it.)
    expect(SETTINGS.topic_creations_per_minute.safeParse(WAITING_COUNT_LIMIT).success).toBe(false);
    const repos = createUnitOfWork(t.database).repos;
    const group = -100_779;
    const backlog = WAITING_COUNT_LIMIT + 20;
    await t.database.db.execute(
      sql`insert into users (id, first_name) select 92000 + g, 'Queued' from generate_series(1, ${backlog}) g`,
    );
    await t.database.db.execute(
      sql`insert into fan_topics (user_id, group_id, status, name)
          select 92000 + g, ${group}, 'creating', 'Q' from generate_series(1, ${backlog}) g`,
    );
    expect((await repos.topics.noteFanMessage(92_001, clock.now()))?.waitingForTopic).toBe(
      WAITING_COUNT_LIMIT,
    );
    expect(await repos.topics.waitingForTopic(group)).toBe(WAITING_COUNT_LIMIT);
  });
});

describe('stored webhook updates: a claim deletes the ones handled since the last', () => {
  it("deletes the handled rows in its statement and takes their lanes' next updates at once", async () => {
    const store = inboundUpdatesStore(t.database.db);
    const lane = 'chat:91003';
    const other = 'chat:91004';
    for (const id of [930_001, 930_002, 930_003])
      expect(await store.store(id, lane, { update_id: id })).toBe(true);
    expect(await store.store(930_010, other, { update_id: 930_010 })).toBe(true);
    const ids = (u: { updateId: number }[]) => u.map((x) => x.updateId);
    const now = () => new Date(Date.now() + 1000);
    // The heads of both lanes; the rest of the first lane waits behind its head.
    expect(ids(await store.claim(10, 60_000, now()))).toEqual([930_001, 930_010]);
    expect(ids(await store.claim(10, 60_000, now()))).toEqual([]);
    // The first lane's head was handled: gone, and its next update taken by the same claim.
    expect(ids(await store.claim(10, 60_000, now(), [930_001]))).toEqual([930_002]);
    const left = async () =>
      (
        (await t.database.db.execute(
          sql`select update_id from inbound_updates where update_id between 930000 and 939999 order by update_id`,
        )) as { rows: { update_id: number | string }[] }
      ).rows.map((r) => Number(r.update_id));
    expect(await left()).toEqual([930_002, 930_003, 930_010]);
    // Deleted on their own (what a stopping drainer has left), or by a claim that takes nothing: a row
    // it deletes is never taken by it.
    await store.done([930_002, 930_010]);
    await store.done([]);
    expect(await left()).toEqual([930_003]);
    expect(ids(await store.claim(10, 60_000, now(), [930_003]))).toEqual([]);
    expect(await left()).toEqual([]);
  });
});

describe('stored webhook updates: stores that arrive together are written together', () => {
  const stored = async (from: number, to: number) =>
    (
      (await t.database.db.execute(
        sql`select update_id, raw from inbound_updates where update_id between ${from} and ${to} order by update_id`,
      )) as { rows: { update_id: number | string; raw: unknown }[] }
    ).rows.map((r) => ({
      id: Number(r.update_id),
      raw: (typeof r.raw === 'string' ? JSON.parse(r.raw) : r.raw) as Record<string, unknown>,
    }));
  it('each store is answered for itself: stored, delivered again in the same group, stored before', async () => {
    const store = inboundUpdatesStore(t.database.db);
    expect(await store.store(931_000, 'chat:91005', { update_id: 931_000 })).toBe(true);
    const { result: results, texts } = await statementsDuring(() =>
      Promise.all([
        store.store(931_001, 'chat:91005', { update_id: 931_001 }),
        store.store(931_002, 'chat:91006', { update_id: 931_002 }),
        store.store(931_003, 'chat:91005', { update_id: 931_003 }),
        store.store(931_002, 'chat:91006', { update_id: 931_002 }),
        store.store(931_000, 'chat:91005', { update_id: 931_000 }),
      ]),
    );
    expect(results).toEqual([true, true, true, false, false]);
    // The first is written at once; the four asked for while it was being written go in one statement.
    expect(texts.filter((q) => q.includes('inbound_updates'))).toHaveLength(2);
    expect((await stored(931_000, 931_999)).map((r) => r.id)).toEqual([931_000, 931_001, 931_002, 931_003]);
    const ids = (u: { updateId: number }[]) => u.map((x) => x.updateId);
    // Claimed as before: the lanes' heads, in update order.
    const now = new Date(Date.now() + 1000);
    expect(ids(await store.claim(10, 60_000, now)).filter((id) => id >= 931_000 && id < 932_000)).toEqual([
      931_000, 931_002,
    ]);
    await store.done([931_000, 931_001, 931_002, 931_003]);
  });

  it('an update the database refuses fails alone; the others in its group are stored', async () => {
    const store = inboundUpdatesStore(t.database.db);
    // jsonb refuses U+0000 and lone surrogates: they are stored as U+FFFD, a literal "\u0000" as it is.
    const text = 'nul \u0000, lone \ud800 and \udfff, a pair 😀, literal \\u0000 and \\ud800';
    const results = await Promise.all([
      store.store(932_001, 'chat:91007', { update_id: 932_001 }),
      store.store(932_002, 'chat:91007', { update_id: 932_002, text }),
      // Not a number the bigint column takes: the database refuses the whole group's statement.
      store.store(Number.NaN, 'chat:91007', { update_id: 'NaN' }).catch((err: unknown) => err),
      store.store(932_003, 'chat:91008', { update_id: 932_003 }),
    ]);
    expect(results.slice(0, 2)).toEqual([true, true]);
    expect(results[2]).toBeInstanceOf(Error);
    expect(results[3]).toBe(true);
    const rows = await stored(932_000, 932_999);
    expect(rows.map((r) => r.id)).toEqual([932_001, 932_002, 932_003]);
    expect(rows[1]!.raw.text).toBe(
      'nul \ufffd, lone \ufffd and \ufffd, a pair 😀, literal \\u0000 and \\ud800',
    );
    // And the next stores are written as usual.
    expect(await store.store(932_004, 'chat:91007', { update_id: 932_004 })).toBe(true);
    await store.done([932_001, 932_002, 932_003, 932_004]);
  });
});
