import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CARD_SETUP_COST, defaultBudgets, UNPAID_SHARE } from '../../../src/app/outbox/policy.ts';
import type { ClaimedItem, NewOutboxItem } from '../../../src/app/ports/index.ts';
import { receiptItem } from '../../../src/app/relay/receipt.ts';
import { createRepos, createUnitOfWork } from '../../../src/db/repos/index.ts';
import { outboxDispatch } from '../../../src/db/repos/outbox.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

/**
 * The ordering rule (docs/ARCHITECTURE.md) at the outbox store, with synthetic items and a virtual clock:
 * content before cards, the never-paid share of a contested window, replies before coalesced receipts.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.dispose());
beforeEach(async () => {
  await t.database.db.execute(
    sql`truncate outbox, outbox_lanes, outbox_budgets, fan_topics, payments cascade`,
  );
  T0 = Date.now() + 30_000;
});

const GROUP = -100777;
const budgets = defaultBudgets();
const W = budgets.group.windowMs;
/** The virtual clock's start, ahead of the setup: items' not_before comes from the database clock. */
let T0 = 0;
const db = () => t.database.db;
const repo = () => createRepos(db()).outbox;

/** A fan: with a topic (and a pinned card) unless `topic` says otherwise; `paid`: a completed purchase. */
async function fan(id: number, opts: { paid?: boolean; topic?: 'none' | 'no-card' | 'full' } = {}) {
  await db().execute(
    sql`insert into users (id, first_name) values (${id}, ${`F${id}`}) on conflict do nothing`,
  );
  if (opts.paid) {
    const res = (await db().execute(
      sql`insert into products (kind, title, amount, price_stars) values ('credits', 'pack', 10, 50) returning id`,
    )) as { rows: Array<{ id: number }> };
    await db()
      .execute(sql`insert into payments (user_id, product_id, rail, amount, currency, status, kind, quantity)
      values (${id}, ${res.rows[0]!.id}, 'stars', 50, 'XTR', 'paid', 'credits', 10)`);
  }
  const topic = opts.topic ?? 'full';
  if (topic === 'none') return;
  const card = topic === 'full' ? id * 10 : null;
  await db()
    .execute(sql`insert into fan_topics (user_id, group_id, thread_id, status, name, card_message_id, card_pinned)
    values (${id}, ${GROUP}, ${id}, 'open', ${`F${id}`}, ${card}, ${topic === 'full'})`);
}
const relay = (userId: number, messageId: number): NewOutboxItem => ({
  lane: `in:${userId}`,
  chatId: GROUP,
  sortKey: messageId,
  idempotencyKey: `relay:${userId}:${messageId}`,
  payload: { kind: 'relay.in', userId, fromChatId: userId, messageId, cost: 1, mode: 'copy' },
});
const card = (userId: number): NewOutboxItem => ({
  lane: `card:${userId}`,
  chatId: GROUP,
  sortKey: 0,
  idempotencyKey: `card:${userId}`,
  payload: { kind: 'render', target: 'card', groupId: GROUP, userId },
});
const inbox = (): NewOutboxItem => ({
  lane: 'inbox',
  chatId: GROUP,
  sortKey: 0,
  idempotencyKey: 'inbox',
  payload: { kind: 'render', target: 'inbox', groupId: GROUP },
});
const claim = async (at: number, limit = 8) =>
  (
    await outboxDispatch(db()).claim({
      limit,
      now: new Date(at),
      leaseMs: 30_000,
      budgets,
      excludeLanes: [],
    })
  ).items;
/** The group's budget with `n` sends booked at `at`. */
const spend = (n: number, at: number) =>
  db().execute(
    sql`insert into outbox_budgets (key, recent) values (${`chat:${GROUP}`}, ${sql.raw(
      `array[${Array.from({ length: n }, () => `'${new Date(at).toISOString()}'::timestamptz`).join(',')}]`,
    )})`,
  );
const what = (i: ClaimedItem) =>
  i.payload.kind === 'render'
    ? `${i.payload.target}${i.payload.userId ?? ''}`
    : i.payload.kind === 'relay.in'
      ? `relay${i.payload.userId}`
      : i.payload.kind;
/** Claims and sends (completes) at once, step by step: what went out, when, in units of the group budget. */
async function drain(from: number, until: number, step: number) {
  const sent: Array<{ at: number; item: ClaimedItem }> = [];
  for (let at = from; at < until; at += step) {
    for (const item of await claim(at)) {
      sent.push({ at, item });
      await repo().complete(item.id, new Date(at));
    }
  }
  return sent;
}
const isContent = (i: ClaimedItem) => i.payload.kind === 'relay.in' || i.payload.kind === 'relay.album';

describe('content first: the card and its pin follow fans’ content', () => {
  it('under a spent group budget, content goes before cards; cards go (send + pin) when the budget frees', async () => {
    await fan(1, { topic: 'no-card' });
    await fan(2, { topic: 'no-card' });
    await fan(3);
    await fan(4);
    await fan(5, { topic: 'none' });
    await repo().enqueue([card(1), card(2), relay(3, 1), relay(4, 1), relay(5, 1), inbox()]);
    // 3 of the group's 20 left: two messages go; the new fan's (topic + message) waits for 2, and nothing
    // else takes the room it waits for, not even the inbox that would fit.
    await spend(budgets.group.limit - 3, T0 - 1000);
    expect((await claim(T0)).map(what)).toEqual(['relay3', 'relay4']);
    for (const id of [3, 4])
      await db().execute(sql`update outbox set status = 'done' where lane = ${`in:${id}`}`);
    // A window later: the new fan's topic and message first, then the cards (each: the card and its pin).
    const next = await claim(T0 + W);
    expect(next.map((i) => [what(i), i.cost])).toEqual([
      ['relay5', 2],
      ['card1', CARD_SETUP_COST],
      ['card2', CARD_SETUP_COST],
      ['inbox', 1],
    ]);
  });

  it('while content keeps the group budget contested, every group send carries content; then the cards follow within a window', async () => {
    const fans = [11, 12, 13, 14, 15, 16];
    for (const id of fans) await fan(id, { topic: 'no-card', paid: true });
    // Each fan: a backlog of 12 messages (72 sends: over three windows of 20), their card, the inbox.
    await repo().enqueue(fans.map(card));
    await repo().enqueue(fans.flatMap((id) => Array.from({ length: 12 }, (_, m) => relay(id, m + 1))));
    await repo().enqueue([inbox()]);
    const sent = await drain(T0, T0 + 6 * W, W / 20);
    const lastContent = sent.findLastIndex((s) => isContent(s.item));
    const whileContested = sent.slice(0, lastContent + 1);
    const units = (xs: typeof sent) => xs.reduce((n, s) => n + s.item.cost, 0);
    expect(
      units(whileContested.filter((s) => isContent(s.item))) / units(whileContested),
    ).toBeGreaterThanOrEqual(0.95);
    expect(sent.filter((s) => isContent(s.item))).toHaveLength(72);
    // Every card went, within a window of the last content.
    const cards = sent.filter((s) => s.item.payload.kind === 'render' && s.item.payload.target === 'card');
    expect(cards).toHaveLength(fans.length);
    const contentDone = sent[lastContent]!.at;
    for (const c of cards) expect(c.at - contentDone).toBeLessThanOrEqual(W);
  });
});

describe('content first: what a fan’s content waits behind in its own lane goes with it', () => {
  it('a note queued ahead of a fan’s message in their topic lane does not hold it behind others’ backlog', async () => {
    await fan(71);
    await fan(72);
    await repo().enqueue(Array.from({ length: 30 }, (_, m) => relay(72, m + 1)));
    await repo().enqueue([
      {
        lane: 'in:71',
        chatId: GROUP,
        sortKey: 0,
        idempotencyKey: 'note:71',
        payload: { kind: 'notice', chatId: GROUP, toTopicOf: 71, html: 'the fan unblocked the bot' },
      },
      relay(71, 1),
    ]);
    const sent = await drain(T0, T0 + 3 * W, W / 20);
    const order = sent.map((s) => what(s.item));
    expect(order.indexOf('relay71')).toBeGreaterThan(order.indexOf('notice'));
    // Round-robin with the busy fan, not after its thirty messages.
    expect(order.indexOf('relay71')).toBeLessThan(6);
  });
});

describe('within class 2: fans who never paid get at most a quarter of a contested window', () => {
  const share = Math.floor(budgets.group.limit * UNPAID_SHARE);

  it('paying fans share the rest round-robin; the never-paid take no more than their share', async () => {
    const paying = [21, 22, 23];
    const unpaid = [31, 32, 33, 34, 35, 36];
    for (const id of paying) await fan(id, { paid: true });
    for (const id of unpaid) await fan(id);
    // The never-paid queued first: first in, first out alone would give them the whole budget.
    await repo().enqueue(unpaid.flatMap((id) => Array.from({ length: 20 }, (_, m) => relay(id, m + 1))));
    await repo().enqueue(paying.flatMap((id) => Array.from({ length: 20 }, (_, m) => relay(id, m + 1))));
    const sent = await drain(T0, T0 + 3 * W, W / 40);
    const fanOf = (s: { item: ClaimedItem }) => (s.item.payload as { userId: number }).userId;
    const payingLeft = (at: number) =>
      sent.filter((s) => paying.includes(fanOf(s)) && s.at <= at).length < 60;
    // Every sliding window while paying fans' content waited: at most the share to the never-paid.
    for (const s of sent.filter((x) => payingLeft(x.at))) {
      const inWindow = sent.filter((x) => x.at > s.at - W && x.at <= s.at);
      expect(inWindow.filter((x) => unpaid.includes(fanOf(x))).length).toBeLessThanOrEqual(share);
      expect(inWindow.length).toBeLessThanOrEqual(budgets.group.limit);
    }
    // The budget was used in full (the never-paid did not leave it idle), and fairly between paying fans.
    const firstWindow = sent.filter((x) => x.at < T0 + W);
    expect(firstWindow).toHaveLength(budgets.group.limit);
    const perPaying = paying.map((id) => firstWindow.filter((x) => fanOf(x) === id).length);
    expect(Math.max(...perPaying) - Math.min(...perPaying)).toBeLessThanOrEqual(1);
    expect(perPaying.reduce((a, b) => a + b, 0)).toBe(budgets.group.limit - share);
  });

  it('with no paying fan waiting, the never-paid take the whole budget (work-conserving)', async () => {
    const unpaid = [41, 42, 43];
    for (const id of unpaid) await fan(id);
    await repo().enqueue(unpaid.flatMap((id) => Array.from({ length: 15 }, (_, m) => relay(id, m + 1))));
    const sent = await drain(T0, T0 + W - 1, W / 40);
    expect(sent).toHaveLength(budgets.group.limit);
  });

  it('the budgets’ stored send logs stay within their limits, even the share no claim had to check', async () => {
    const unpaid = [61, 62, 63];
    for (const id of unpaid) await fan(id);
    await repo().enqueue(unpaid.flatMap((id) => Array.from({ length: 30 }, (_, m) => relay(id, m + 1))));
    // Four windows of never-paid content alone: uncontested, so the share was booked but never checked.
    const sent = await drain(T0, T0 + 4 * W, W / 40);
    expect(sent.length).toBeGreaterThan(3 * budgets.group.limit);
    const logs = (await db().execute(
      sql`select key, cardinality(recent)::int as n from outbox_budgets order by key`,
    )) as { rows: Array<{ key: string; n: number }> };
    expect(Object.fromEntries(logs.rows.map((r) => [r.key, r.n]))).toEqual({
      [`chat:${GROUP}`]: budgets.group.limit,
      global: expect.any(Number) as number,
      [`unpaid:${GROUP}`]: share,
    });
    expect(logs.rows.find((r) => r.key === 'global')!.n).toBeLessThanOrEqual(budgets.global.limit);
  });

  it('a send refused by Telegram gives its units back to the share too', async () => {
    await fan(51, { paid: true });
    await fan(52);
    await repo().enqueue([relay(51, 1), relay(51, 2), relay(52, 1), relay(52, 2)]);
    const [first, second] = await claim(T0);
    const unpaidItem = [first!, second!].find((i) => (i.payload as { userId: number }).userId === 52)!;
    expect(unpaidItem.shareSlot).toBe(true);
    const count = async () =>
      (
        (await db().execute(
          sql`select cardinality(recent)::int as n from outbox_budgets where key = ${`unpaid:${GROUP}`}`,
        )) as { rows: Array<{ n: number }> }
      ).rows[0]?.n ?? 0;
    expect(await count()).toBe(1);
    await outboxDispatch(db()).release(GROUP, unpaidItem.bookedAt, unpaidItem.cost, false, true);
    expect(await count()).toBe(0);
  });
});

describe("an admin's reply overtakes the fan's coalesced receipts", () => {
  it('three receipts merged into one wait behind the reply; one receipt follows it', async () => {
    await fan(61, { topic: 'none' });
    const uow = createUnitOfWork(t.database);
    const facts = {
      cost: 1,
      free: false,
      balance: 5,
      lastTopUp: null,
      low: false,
      threshold: 0,
      passLeftMs: 0,
    };
    for (const m of [1, 2, 3]) await uow.run((r) => r.outbox.enqueue([receiptItem(61, 61, [m], m, facts)]));
    await repo().enqueue([
      {
        lane: 'out:61',
        chatId: 61,
        sortKey: 0,
        idempotencyKey: 'reply',
        payload: {
          kind: 'relay.out',
          userId: 61,
          groupId: GROUP,
          messageId: 9,
          replyToFanMessageId: 3,
          answersFanMessageId: 3,
        },
      },
    ]);
    const first = await claim(T0, 1);
    expect(first.map((i) => i.payload.kind)).toEqual(['relay.out']);
    await repo().complete(first[0]!.id, new Date(T0));
    const rest = await drain(T0 + 1, T0 + 10 * budgets.private.windowMs, budgets.private.windowMs);
    expect(rest).toHaveLength(1);
    expect(rest[0]!.item.payload).toMatchObject({
      kind: 'notice',
      receipt: { messageIds: [1, 2, 3], cost: 3 },
    });
  });
});
