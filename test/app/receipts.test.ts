import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxPayload } from '../../src/app/ports/index.ts';
import { receiptItem, receiptText } from '../../src/app/relay/receipt.ts';
import { fanNotice } from '../../src/app/system/notices.ts';
import { createRepos } from '../../src/db/repos/index.ts';
import { engineName, untilBlockedOnLock } from '../support/db.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';
import { en } from '../support/i18n.ts';
import { statementsDuring } from '../support/statements.ts';

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

let nextMessage = 300;
const message = (userId: number, type = 'text') => ({
  userId,
  chatId: userId,
  messageId: ++nextMessage,
  type,
});
type Row = Awaited<ReturnType<ServiceStack['outboxRows']>>[number];
type Notice = Extract<OutboxPayload, { kind: 'notice' }>;
const receiptsTo = async (userId: number) =>
  (await s.outboxRows()).filter(
    (r): r is Row & { payload: Notice } =>
      r.payload.kind === 'notice' && r.payload.chatId === userId && r.payload.receipt !== undefined,
  );
/** What the receipt says when it is sent (worded from its facts at send time). */
const worded = (r: { payload: Notice }) => receiptText(r.payload.receipt!);
/** A paid text's receipt facts, for the tests that queue receipts directly. */
const facts = {
  cost: 1,
  free: false,
  balance: 9,
  lastTopUp: null,
  low: false,
  threshold: 0,
  passLeftMs: 0,
};
/** What the sender does when it takes an item: it is in flight, nothing merges into it any more. */
const takeBySender = (id: number) =>
  s.db.database.db.execute(sql`update outbox set status = 'sending' where id = ${id}`);

describe("receipts to one fan coalesce while they wait (the outbox's ordering rule)", () => {
  it('three messages while the receipt waits: one receipt, for three messages, their total, the latest balance', async () => {
    await s.ensureFan(4001);
    await s.grant(4001, 20);
    const sent = [message(4001, 'text'), message(4001, 'photo'), message(4001, 'text')];
    const results = [];
    for (const m of sent) results.push(await s.services.acceptFanMessage(m));
    const receipts = await receiptsTo(4001);
    expect(receipts).toHaveLength(1);
    const [r] = receipts;
    const last = results.at(-1)!;
    if (!last.ok || last.duplicate) throw new Error('not accepted');
    expect(r!.status).toBe('pending');
    expect(worded(r!).key).toBe('relay-receipt');
    expect(worded(r!).args).toMatchObject({
      count: 3,
      cost: 1 + 3 + 1,
      charge: 'paid',
      balance: last.balance,
    });
    // It answers the latest message, and covers each message once.
    expect(r!.payload.replyTo).toBe(sent[2]!.messageId);
    expect(r!.payload.receipt?.messageIds).toEqual(sent.map((m) => m.messageId));
    // Worded for the count (the variable every language has).
    expect(en(worded(r!).key, worded(r!).args)).not.toBe(
      en('relay-receipt', { ...worded(r!).args, count: 1 }),
    );
    // The receipts merged in the statement that queued each message's relay: every relay is there.
    const relays = (await s.outboxRows()).filter(
      (row) => row.payload.kind === 'relay.in' && row.payload.userId === 4001,
    );
    expect(relays.map((row) => row.payload.kind === 'relay.in' && row.payload.messageId)).toEqual(
      sent.map((m) => m.messageId),
    );
  });

  it('a redelivered message neither adds a receipt nor counts twice', async () => {
    await s.ensureFan(4002);
    const a = message(4002);
    const b = message(4002);
    await s.services.acceptFanMessage(a);
    await s.services.acceptFanMessage(b);
    expect(await s.services.acceptFanMessage(b)).toEqual({ ok: true, duplicate: true });
    const [r, ...more] = await receiptsTo(4002);
    expect(more).toHaveLength(0);
    expect(worded(r!).args).toMatchObject({ count: 2, cost: 2 });
    // The merge itself is keyed on the messages it covers: merging b again changes nothing.
    const again = receiptItem(4002, 4002, [b.messageId], b.messageId, {
      ...r!.payload.receipt!,
      cost: 1,
    });
    await s.uow.run((tx) => tx.outbox.enqueue([again]));
    // …and so is the receipt queued on its own: queueing a's again changes nothing either.
    const first = receiptItem(4002, 4002, [a.messageId], a.messageId, { ...r!.payload.receipt!, cost: 1 });
    await s.uow.run((tx) => tx.outbox.enqueue([first]));
    const after = await receiptsTo(4002);
    expect(after).toHaveLength(1);
    expect(worded(after[0]!).args).toMatchObject({ count: 2, cost: 2 });
  });

  it('a receipt already being sent is not merged into: the next message gets a receipt of its own', async () => {
    await s.ensureFan(4003);
    await s.grant(4003, 10);
    await s.services.acceptFanMessage(message(4003));
    await s.services.acceptFanMessage(message(4003));
    const [inFlight] = await receiptsTo(4003);
    await takeBySender(inFlight!.id);
    const third = message(4003);
    await s.services.acceptFanMessage(third);
    const receipts = await receiptsTo(4003);
    expect(receipts).toHaveLength(2);
    expect(worded(receipts[0]!).args).toMatchObject({ count: 2, cost: 2 });
    expect(worded(receipts[1]!).args).toMatchObject({ count: 1, cost: 1 });
    expect(receipts[1]!.payload.replyTo).toBe(third.messageId);
    // …and the messages after it merge into that one while it waits.
    await s.services.acceptFanMessage(message(4003));
    const [, next] = await receiptsTo(4003);
    expect(worded(next!).args).toMatchObject({ count: 2, cost: 2 });
  });

  it('free messages (a time pass) stay free in the merged receipt; a paid one among them makes it paid', async () => {
    await s.ensureFan(4004);
    await s.setPass(4004, new Date(s.clock.now().getTime() + 60_000));
    await s.services.acceptFanMessage(message(4004));
    await s.services.acceptFanMessage(message(4004));
    expect(worded((await receiptsTo(4004))[0]!).args).toMatchObject({
      count: 2,
      charge: 'free',
      cost: 0,
    });
    await s.setPass(4004, null);
    await s.services.acceptFanMessage(message(4004));
    expect(worded((await receiptsTo(4004))[0]!).args).toMatchObject({
      count: 3,
      charge: 'paid',
      cost: 1,
    });
  });

  it('a paid message then one under a new time pass: paid in total, but no low-balance warning (the pass covers the fan now)', async () => {
    await s.ensureFan(4005);
    await s.grant(4005, 1);
    await s.services.acceptFanMessage(message(4005));
    await s.setPass(4005, new Date(s.clock.now().getTime() + 3_600_000));
    await s.services.acceptFanMessage(message(4005));
    const receipts = await receiptsTo(4005);
    expect(receipts).toHaveLength(1);
    expect(worded(receipts[0]!).args).toMatchObject({ count: 2, charge: 'paid', cost: 1, low: 'no' });
  });

  it('a receipt queued with more items than one prepared statement takes merges all the same', async () => {
    await s.ensureFan(4006);
    await s.uow.run((tx) => tx.outbox.enqueue([receiptItem(4006, 4006, [1], 1, facts)]));
    const notes = [1, 2, 3, 4].map((n) => fanNotice(4006, `receipts-test:${n}`, `note ${n}`));
    const added = await s.uow.run((tx) =>
      tx.outbox.enqueue([...notes, receiptItem(4006, 4006, [2], 2, { ...facts, cost: 2 })]),
    );
    expect(added.sort()).toEqual(notes.map((n) => n.idempotencyKey).sort());
    const receipts = await receiptsTo(4006);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.payload.receipt).toMatchObject({ messageIds: [1, 2], cost: 3 });
  });

  it('two receipts queued in one call: each merges as if queued alone (one per fan, in order)', async () => {
    await s.ensureFan(4007);
    await s.ensureFan(4008);
    const added = await s.uow.run((tx) =>
      tx.outbox.enqueue([
        receiptItem(4007, 4007, [1], 1, facts),
        fanNotice(4008, 'receipts-test:two', 'a note'),
        receiptItem(4007, 4007, [2], 2, { ...facts, cost: 2, balance: 7 }),
        receiptItem(4008, 4008, [5], 5, facts),
      ]),
    );
    // The first receipt to 4007 and the one to 4008 are new rows; the second to 4007 merged into the first.
    expect(added).toHaveLength(3);
    const to4007 = await receiptsTo(4007);
    expect(to4007).toHaveLength(1);
    expect(to4007[0]!.payload.receipt).toMatchObject({ messageIds: [1, 2], cost: 3, balance: 7 });
    expect((await receiptsTo(4008)).map((r) => r.payload.receipt!.messageIds)).toEqual([[5]]);
    expect(
      (await s.outboxRows()).filter((r) => r.payload.kind === 'notice' && r.payload.chatId === 4008),
    ).toHaveLength(2);
  });

  it('receipts to several fans queued in one call: one statement, each merged into its own pending one or added', async () => {
    for (const id of [4010, 4011, 4012]) await s.ensureFan(id);
    await s.uow.run((tx) => tx.outbox.enqueue([receiptItem(4010, 4010, [1], 1, facts)]));
    await s.uow.run((tx) => tx.outbox.enqueue([receiptItem(4012, 4012, [1], 1, facts)]));
    await takeBySender((await receiptsTo(4012))[0]!.id);
    const notes = [4010, 4011, 4012].map((id) => fanNotice(id, `receipts-test:many:${id}`, 'a note'));
    const batch = [
      ...notes,
      receiptItem(4010, 4010, [2], 2, { ...facts, cost: 2, balance: 7 }),
      receiptItem(4011, 4011, [1], 1, facts),
      receiptItem(4012, 4012, [2], 2, { ...facts, balance: 8 }),
    ];
    const { result: added, texts } = await statementsDuring(() =>
      s.uow.run((tx) => tx.outbox.enqueue(batch)),
    );
    expect(texts).toHaveLength(1);
    // 4010's merged into the pending one; 4011's is new; 4012's pending one is being sent: a new one.
    expect(added.sort()).toEqual(
      [...notes.map((n) => n.idempotencyKey), batch[4]!.idempotencyKey, batch[5]!.idempotencyKey].sort(),
    );
    expect((await receiptsTo(4010)).map((r) => r.payload.receipt)).toMatchObject([
      { messageIds: [1, 2], cost: 3, balance: 7 },
    ]);
    expect((await receiptsTo(4011)).map((r) => r.payload.receipt!.messageIds)).toEqual([[1]]);
    expect((await receiptsTo(4012)).map((r) => [r.status, r.payload.receipt!.messageIds])).toEqual([
      ['sending', [1]],
      ['pending', [2]],
    ]);
    // Queued again (a redelivery): nothing added, nothing merged twice.
    expect(await s.uow.run((tx) => tx.outbox.enqueue(batch))).toEqual([]);
    expect((await receiptsTo(4010)).map((r) => r.payload.receipt!.messageIds)).toEqual([[1, 2]]);
    expect((await receiptsTo(4011)).map((r) => r.payload.receipt!.messageIds)).toEqual([[1]]);
  });

  // Two connections at once: PGlite is one connection, so only PostgreSQL can interleave them.
  it.skipIf(engineName === 'pglite')(
    'a receipt queued while the pending one goes back to waiting (a 429) is merged into it, not lost',
    async () => {
      await s.ensureFan(4009);
      const [previous] = await s.uow.run((tx) => tx.outbox.enqueue([receiptItem(4009, 4009, [1], 1, facts)]));
      expect(previous).toBeDefined();
      const [r1] = await receiptsTo(4009);
      await takeBySender(r1!.id);
      let queued: Promise<string[]> = Promise.resolve([]);
      await s.db.database.db.transaction(async (tx) => {
        // The sender puts it back to waiting: pending again, not yet committed…
        await createRepos(tx).outbox.reschedule(r1!.id, s.clock.now(), { countAttempt: false });
        // …while the fan's next message queues its relay (here a note) and its receipt: the statement saw
        // the first receipt being sent (nothing to merge into), and its write waits for this transaction.
        queued = s.uow.run((r) =>
          r.outbox.enqueue([
            fanNotice(4009, 'receipts-test:race', 'a note'),
            receiptItem(4009, 4009, [2], 2, { ...facts, balance: 8 }),
          ]),
        );
        await untilBlockedOnLock(
          s.db.database,
          '%insert into "outbox"%',
          'the enqueue to wait for the open transaction',
        );
      });
      expect(await queued).toEqual(['receipts-test:race']);
      const receipts = await receiptsTo(4009);
      expect(receipts).toHaveLength(1);
      expect(receipts[0]).toMatchObject({ id: r1!.id, status: 'pending' });
      expect(receipts[0]!.payload.receipt).toMatchObject({ messageIds: [1, 2], cost: 2, balance: 8 });
    },
  );
});

describe("a new fan's receipt says queued while the group's new topics are past their minute", () => {
  it('on the first message and on the next ones while the topic waits (counted by the noting); not once it is there', async () => {
    const own = await createServiceStack(); // its own group: no other test's fans waiting for a topic
    try {
      await own.uow.repos.settings.set('topic_creations_per_minute', 1, null);
      const [first, second] = [5101, 5102];
      for (const id of [first, second]) {
        await own.ensureFan(id);
        await own.grant(id, 20);
      }
      let id = 900;
      /** The fan's message accepted, then its receipt taken by the sender (so the next one is its own). */
      const queuedSaysOf = async (userId: number) => {
        const r = await own.services.acceptFanMessage({
          userId,
          chatId: userId,
          messageId: ++id,
          type: 'text',
        });
        expect(r).toMatchObject({ ok: true, duplicate: false });
        const receipts = (await own.outboxRows()).filter(
          (x): x is Row & { payload: Notice } =>
            x.payload.kind === 'notice' && x.payload.chatId === userId && x.status === 'pending',
        );
        expect(receipts).toHaveLength(1);
        await own.db.database.db.execute(
          sql`update outbox set status = 'sending' where id = ${receipts[0]!.id}`,
        );
        return receipts[0]!.payload.receipt!.queued;
      };
      // One topic a minute: the first new fan is within it, the second waits behind it.
      expect(await queuedSaysOf(first)).toBe(false);
      expect(await queuedSaysOf(second)).toBe(true);
      // Their next messages find their topic rows still without a thread: two fans waiting, past the minute.
      expect(await own.uow.repos.topics.waitingForTopic(own.adminGroupId!)).toBe(2);
      expect(await queuedSaysOf(second)).toBe(true);
      expect(await queuedSaysOf(first)).toBe(true);
      // One topic made: one fan waits, within the minute; the made one is not queued at all.
      await own.uow.repos.topics.setThread(first, 7_001, 'First');
      expect(await queuedSaysOf(second)).toBe(false);
      expect(await queuedSaysOf(first)).toBe(false);
    } finally {
      await own.dispose();
    }
  });
});
