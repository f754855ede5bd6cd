import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminGroupList } from '../../src/app/admin/groups.ts';
import type { UnitOfWork } from '../../src/app/ports/index.ts';
import { createFanMessageBatcher } from '../../src/app/relay/batch.ts';
import { acceptFanMessage, type FanMessage } from '../../src/app/relay/relay.ts';
import { DuplicateUpdateError, updateScope, type UpdateScope } from '../../src/app/system/update-scope.ts';
import { ADMIN_GROUP_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';
import { statementsDuring } from '../support/statements.ts';

/**
 * Fans' messages that arrive together, or while another batch's transaction runs, go in one transaction
 * (app/relay/batch.ts), each answered as if it had gone alone.
 */
let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

let nextMessage = 500;
let nextUpdate = 9_800_000;
/** A fan with credits and a topic (their first message went alone). */
async function fans(ids: number[], credits = 10): Promise<void> {
  for (const id of ids) {
    await s.ensureFan(id);
    await s.grant(id, credits);
    expect(await s.services.acceptFanMessage(message(id))).toMatchObject({ ok: true, duplicate: false });
  }
}
const message = (userId: number): FanMessage => ({
  userId,
  chatId: userId,
  messageId: ++nextMessage,
  type: 'text',
  text: `hello from ${userId}`,
});
/** The message as the bot passes it: with the fan's row as their update read it. */
async function asRead(userId: number): Promise<FanMessage> {
  const seen = (await s.uow.repos.users.lookup(userId, 0))!;
  return { ...message(userId), seen: { user: seen.user, version: seen.version } };
}
const balance = async (id: number) => (await s.user(id))!.creditBalance;
const itemsOf = async (id: number) => {
  const rows = await s.outboxRows();
  return {
    relayed: rows.flatMap((r) =>
      r.payload.kind === 'relay.in' && r.payload.userId === id ? [r.payload.messageId] : [],
    ),
    receipts: rows.flatMap((r) =>
      r.payload.kind === 'notice' && r.payload.chatId === id && r.payload.receipt
        ? [r.payload.receipt.messageIds]
        : [],
    ),
  };
};
const isBatch = (text: string) => text.includes('processed_updates') && text.includes('unnest(');

describe("fans' messages in batches", () => {
  it('messages of one turn go in one transaction of two statements, each answered as if alone', async () => {
    const ids = [6001, 6002, 6003, 6004, 6005];
    await fans(ids);
    const before = await itemsOf(6003);
    const b0 = await Promise.all(ids.map(balance));
    const msgs = await Promise.all(ids.map(asRead));
    const { result, texts } = await statementsDuring(() =>
      Promise.all(msgs.map((m) => s.services.acceptFanMessage(m))),
    );
    expect(result).toEqual(
      b0.map((b) => ({ ok: true, duplicate: false, cost: 1, free: false, balance: b - 1 })),
    );
    // The charge with its note, then the items: the two statements of one message alone, over arrays.
    expect(texts).toHaveLength(2);
    expect(texts.filter(isBatch)).toHaveLength(1);
    expect(await Promise.all(ids.map(balance))).toEqual(b0.map((b) => b - 1));
    for (const [k, id] of ids.entries()) {
      const { relayed, receipts } = await itemsOf(id);
      expect(relayed.at(-1)).toBe(msgs[k]!.messageId);
      // The receipt of the first message was still pending: this one merged into it.
      expect(receipts).toHaveLength(1);
      expect(receipts[0]!.at(-1)).toBe(msgs[k]!.messageId);
    }
    expect((await itemsOf(6003)).relayed).toEqual([...before.relayed, msgs[2]!.messageId]);
    // The topics noted (unread) and the message log written by the batch's statement.
    const topic = await s.uow.repos.topics.get(6004);
    expect(topic).toMatchObject({ userId: 6004 });
  });

  it('one message alone goes as without a batcher; those arriving while a batch runs go in the next', async () => {
    await fans([6061, 6062, 6063, 6064]);
    const lone = await asRead(6061);
    const { texts: alone } = await statementsDuring(() => s.services.acceptFanMessage(lone));
    expect(alone.filter(isBatch)).toEqual([]);
    expect(alone).toHaveLength(2);
    const [a, b, c] = [await asRead(6062), await asRead(6063), await asRead(6064)];
    const { result, texts } = await statementsDuring(async () => {
      const first = s.services.acceptFanMessage(a);
      // Asked a turn later, while the first one's transaction runs: they wait for it, then go together.
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
      return Promise.all([first, s.services.acceptFanMessage(b), s.services.acceptFanMessage(c)]);
    });
    expect(result.map((r) => r.ok && !r.duplicate)).toEqual([true, true, true]);
    expect(texts.filter(isBatch)).toHaveLength(1);
    expect(texts).toHaveLength(4);
  });

  it("claims each member's update with its charge; one claimed already is a duplicate and changes nothing", async () => {
    const ids = [6011, 6012, 6013, 6014];
    await fans(ids);
    const b0 = await Promise.all(ids.map(balance));
    const msgs = await Promise.all(ids.map(asRead));
    const scopes: UpdateScope[] = ids.map(() => ({ updateId: ++nextUpdate, claimed: false }));
    await s.uow.repos.updates.claim(scopes[2]!.updateId);
    const results = await Promise.allSettled(
      msgs.map((m, k) => updateScope.run(scopes[k]!, () => s.services.acceptFanMessage(m))),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateUpdateError);
    expect(scopes.map((x) => x.claimed)).toEqual([true, true, false, true]);
    for (const x of scopes) expect(await s.uow.repos.updates.isProcessed(x.updateId)).toBe(true);
    expect(await Promise.all(ids.map(balance))).toEqual(b0.map((b, k) => (k === 2 ? b : b - 1)));
    expect((await itemsOf(6013)).relayed).not.toContain(msgs[2]!.messageId);
  });

  it('a member whose row changed since it was read gives its claim back and runs alone, once', async () => {
    const ids = [6021, 6022, 6023, 6024];
    await fans(ids);
    const b0 = await Promise.all(ids.map(balance));
    const msgs = await Promise.all(ids.map(asRead));
    // Any write of the row makes the read stale.
    await s.uow.repos.users.setLocale(6023, 'de');
    const scopes: UpdateScope[] = ids.map(() => ({ updateId: ++nextUpdate, claimed: false }));
    const results = await Promise.all(
      msgs.map((m, k) => updateScope.run(scopes[k]!, () => s.services.acceptFanMessage(m))),
    );
    expect(results.map((r) => r.ok && !r.duplicate && r.balance)).toEqual(b0.map((b) => b - 1));
    expect(scopes.every((x) => x.claimed)).toBe(true);
    expect(await Promise.all(ids.map(balance))).toEqual(b0.map((b) => b - 1));
    expect((await itemsOf(6023)).relayed.filter((m) => m === msgs[2]!.messageId)).toHaveLength(1);
  });

  it("never puts one fan's two messages in one batch: the second waits for the next", async () => {
    await fans([6031, 6032, 6033]);
    const b0 = await Promise.all([6031, 6032, 6033].map(balance));
    const msgs = [await asRead(6031), await asRead(6032), await asRead(6031), await asRead(6033)];
    const results = await Promise.all(msgs.map((m) => s.services.acceptFanMessage(m)));
    expect(results.map((r) => r.ok && !r.duplicate && r.balance)).toEqual([
      b0[0]! - 1,
      b0[1]! - 1,
      b0[0]! - 2,
      b0[2]! - 1,
    ]);
    expect(await balance(6031)).toBe(b0[0]! - 2);
    const relayed = (await itemsOf(6031)).relayed;
    expect(relayed.slice(-2)).toEqual([msgs[0]!.messageId, msgs[2]!.messageId]);
  });

  it('a batch that fails is run again one message at a time, and the failure is reported', async () => {
    await fans([6041, 6042, 6043]);
    const b0 = await Promise.all([6041, 6042, 6043].map(balance));
    let failures = 0;
    const failing: UnitOfWork = {
      repos: s.uow.repos,
      run: (fn) =>
        s.uow.run((r) =>
          fn({
            ...r,
            ledger: {
              ...r.ledger,
              applyManyAsRead: () => Promise.reject(new Error('the batch statement failed')),
            },
          }),
        ),
    };
    const deps = { uow: failing, clock: s.clock, adminGroups: adminGroupList(s.uow, [ADMIN_GROUP_ID]) };
    const reported: string[] = [];
    const batcher = createFanMessageBatcher(deps, {
      onBatch: ({ outcome, size, err }) => {
        if (outcome === 'failed') {
          failures++;
          expect(String(err)).toMatch(/the batch statement failed/);
        }
        reported.push(`${outcome}:${size}`);
      },
    });
    const msgs = [await asRead(6041), await asRead(6042), await asRead(6043)];
    const results = await Promise.all(msgs.map((m) => acceptFanMessage(deps, m, batcher)));
    expect(results.map((r) => r.ok && !r.duplicate && r.balance)).toEqual(b0.map((b) => b - 1));
    expect(failures).toBe(1);
    expect(reported).toEqual(['failed:3', 'alone:1', 'alone:1', 'alone:1']);
    for (const [k, id] of [6041, 6042, 6043].entries())
      expect((await itemsOf(id)).relayed.at(-1)).toBe(msgs[k]!.messageId);
  });

  it('places a known fan without a topic inside the batch: the topic reserved, the message logged once', async () => {
    const ids = [6071, 6072, 6073];
    for (const id of ids) {
      await s.ensureFan(id);
      await s.grant(id, 5);
    }
    const b0 = await Promise.all(ids.map(balance));
    const msgs = await Promise.all(ids.map(asRead));
    const { result, texts } = await statementsDuring(() =>
      Promise.all(msgs.map((m) => s.services.acceptFanMessage(m))),
    );
    expect(texts.filter(isBatch)).toHaveLength(1);
    expect(result.map((r) => r.ok && !r.duplicate && r.balance)).toEqual(b0.map((b) => b - 1));
    for (const [k, id] of ids.entries()) {
      expect(await s.uow.repos.topics.get(id)).toMatchObject({ userId: id, groupId: ADMIN_GROUP_ID });
      expect((await itemsOf(id)).relayed).toEqual([msgs[k]!.messageId]);
    }
    const logged = (await s.db.database.db.execute(
      sql`select user_id, message_id from message_log where user_id in (6071, 6072, 6073) order by user_id`,
    )) as { rows: { user_id: number | string; message_id: number }[] };
    expect(logged.rows.map((r) => [Number(r.user_id), Number(r.message_id)])).toEqual(
      ids.map((id, k) => [id, msgs[k]!.messageId]),
    );
  });

  it('takes only what it can take as read: a refusal, an album item and a message without the row go alone', async () => {
    await fans([6051, 6052]);
    // 6051 has nothing left: refused (insufficient) on the row as read, before any batch.
    await s.grant(6051, -(await balance(6051)));
    const b0 = await balance(6052);
    const refused = await asRead(6051);
    const album = { ...(await asRead(6052)), mediaGroupId: 'album-6052' };
    const { result: results, texts } = await statementsDuring(() =>
      Promise.all([s.services.acceptFanMessage(refused), s.services.acceptFanMessage(album)]),
    );
    expect(results[0]).toMatchObject({ ok: false, code: 'insufficient_credits' });
    expect(results[1]).toMatchObject({ ok: true, duplicate: false, balance: b0 - 1 });
    expect(texts.filter(isBatch)).toEqual([]);
  });
});
