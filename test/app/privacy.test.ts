import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAN_DATA_STORES, forgetFan, type FanDataStore } from '../../src/app/accounts/privacy.ts';
import { failedUpdates, outbox } from '../../src/db/schema/index.ts';
import { ADMIN_GROUP_ID } from '../support/config.ts';
import { createServiceStack, type ServiceStack } from '../support/services.ts';

/**
 * "Delete my data" as a use case on a real unit of work: every store of the list is cleared in one
 * transaction (a store added to the list is cleared too), sends still waiting are left to go out, the
 * topic loses the fan's name, and a repeat of the same confirmation does nothing twice.
 */

let s: ServiceStack;
beforeAll(async () => {
  s = await createServiceStack();
});
afterAll(() => s.dispose());

const deps = (stores?: readonly FanDataStore[]) => ({
  uow: s.uow,
  clock: s.clock,
  access: s.services.access,
  ...(stores ? { stores } : {}),
});

describe('forgetFan', () => {
  it('clears every store of the list, keeps waiting sends, renames the topic; once per confirmation', async () => {
    const fan = 61_001;
    await s.ensureFan(fan, { firstName: 'Nina' });
    await s.uow.repos.topics.reserve(fan, ADMIN_GROUP_ID, '👤 Nina · 61001');
    await s.uow.repos.topics.setThread(fan, 900, '👤 Nina · 61001');
    const db = s.db.database.db;
    const base = { chatId: fan, kind: 'notice', sortKey: 0, payload: { kind: 'notice', chatId: fan } };
    await db.insert(outbox).values([
      { ...base, lane: `out:${fan}`, status: 'done', idempotencyKey: 'p-done' },
      { ...base, lane: `in:${fan}`, status: 'dead', idempotencyKey: 'p-dead' },
      { ...base, lane: `out:${fan}`, status: 'pending', idempotencyKey: 'p-pending' },
    ]);
    await db.insert(failedUpdates).values({
      updateId: 61_001_001,
      status: 'parked',
      raw: { update_id: 61_001_001, message: { from: { id: fan }, text: 'my secret' } },
      lastError: 'boom',
    });
    const seen: number[] = [];
    const searchStore: FanDataStore = { name: 'message_texts', erase: async (_r, id) => (seen.push(id), 4) };

    const res = await forgetFan(deps([...FAN_DATA_STORES, searchStore]), { userId: fan, key: 'k1' });
    expect(res).toEqual({
      ok: true,
      status: 'erased',
      cleared: {
        profile: 1,
        notes: 0,
        message_links: 0,
        sent_messages: 2,
        failed_updates: 1,
        message_texts: 4,
      },
    });
    expect(seen).toEqual([fan]);
    const left = await db.select().from(outbox).where(eq(outbox.chatId, fan));
    expect(left.map((r) => r.idempotencyKey)).toEqual(['p-pending']);
    expect(await db.select().from(failedUpdates).where(eq(failedUpdates.updateId, 61_001_001))).toHaveLength(
      0,
    );
    const rename = (await s.outboxRows()).find((r) => r.idempotencyKey === `topic.rename:privacy:${fan}:k1`);
    expect(rename?.payload).toMatchObject({
      method: 'editForumTopic',
      params: { chat_id: ADMIN_GROUP_ID, name: `👤 Fan · ${fan}` },
    });

    expect(await forgetFan(deps(), { userId: fan, key: 'k1' })).toEqual({ ok: true, status: 'already' });
    expect(await forgetFan(deps(), { userId: 61_999, key: 'k1' })).toEqual({
      ok: false,
      code: 'unknown_fan',
    });
  });

  it('a store that fails rolls the whole deletion back', async () => {
    const fan = 61_002;
    await s.ensureFan(fan, { firstName: 'Omar' });
    const broken: FanDataStore = {
      name: 'broken',
      erase: () => Promise.reject(new Error('store unavailable')),
    };
    await expect(forgetFan(deps([...FAN_DATA_STORES, broken]), { userId: fan, key: 'k2' })).rejects.toThrow(
      'store unavailable',
    );
    expect(await s.user(fan)).toMatchObject({ firstName: 'Omar', forgottenAt: null });
    // Nothing was marked done: the fan can confirm again.
    expect((await forgetFan(deps(), { userId: fan, key: 'k2' })).ok).toBe(true);
  });
});
