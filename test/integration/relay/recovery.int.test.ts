import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { balanceOf, grantCredits, ledgerOf } from '../../support/accounts.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import {
  scaledFloodLimits,
  startFakeTelegram,
  type FakeTelegram,
} from '../../support/fake-telegram/index.ts';
import { fanUser, privateText } from '../../support/updates.ts';
import { en } from '../../support/i18n.ts';

let fake: FakeTelegram;
let db: TestDatabase;
let t: TestApp;
const env = { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) };

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  db = await createTestDatabase({ migrate: false });
  t = await startTestApp(fake, { env, db, outbox: { budgets: defaultBudgets(1000) } });
});
afterAll(async () => {
  await t.stop();
  await db.dispose();
  await fake.close();
});
afterEach(() => fake.assertNoViolations());

const copiesFrom = (userId: number) =>
  fake.calls.filter((c) => c.ok && c.method === 'copyMessage' && c.payload.from_chat_id === userId);
const topicOf = async (userId: number) => createUnitOfWork(db.database).repos.topics.get(userId);

describe('recovery', () => {
  it('a deleted topic is recreated (new card noting the old one) and the message delivered', async () => {
    const ivy = fanUser(301, { first_name: 'Ivy' });
    await t.post(privateText(ivy, 'first', { fake }));
    await eventually(() => copiesFrom(ivy.id).length === 1);
    const oldThread = (await topicOf(ivy.id))!.threadId!;
    fake.deleteTopic(ADMIN_GROUP_ID, oldThread);
    await t.post(privateText(ivy, 'second', { fake }));
    await eventually(() => copiesFrom(ivy.id).length === 2, 10_000, 'the second copy');
    const topic = (await topicOf(ivy.id))!;
    expect(topic.threadId).not.toBe(oldThread);
    expect(topic.previousThreadId).toBe(oldThread);
    expect(copiesFrom(ivy.id)[1]!.payload.message_thread_id).toBe(topic.threadId);
    // The new topic gets its card (after the message), noting where the earlier history is, pinned.
    const card = await eventually(
      () => fake.callsTo('sendMessage').find((c) => c.ok && c.payload.message_thread_id === topic.threadId),
      10_000,
      'the new card',
    );
    await eventually(
      () => fake.pins(ADMIN_GROUP_ID).includes((card.result as { message_id: number }).message_id),
      10_000,
      'the new card pinned',
    );
    expect(card.payload.text).toContain(
      en('relay-card-previous', { link: `https://t.me/c/1234567890/${oldThread}` }),
    );
    expect(await balanceOf(t, ivy.id)).toBe(1); // charged once per message, nothing for the recreation
  });

  it("a card whose render was lost is asked for by the fan's next message, sent and pinned", async () => {
    const kit = fanUser(309, { first_name: 'Kit' });
    await t.post(privateText(kit, 'first', { fake }));
    await eventually(async () => (await topicOf(kit.id))?.cardPinned === true, 10_000, 'the first card');
    const threadId = (await topicOf(kit.id))!.threadId!;
    // Lost: the card's row says none was sent, and no render of it waits in the outbox.
    await db.database.db.execute(
      sql`update fan_topics set card_message_id = null, card_pinned = false where user_id = ${kit.id}`,
    );
    await db.database.db.execute(sql`delete from outbox where lane = ${`card:${kit.id}`}`);
    const cards = () =>
      fake
        .callsTo('sendMessage')
        .filter(
          (c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && c.payload.message_thread_id === threadId,
        );
    const before = cards().length;
    await t.post(privateText(kit, 'second', { fake }));
    await eventually(async () => (await topicOf(kit.id))?.cardPinned === true, 10_000, 'the card again');
    expect(cards()).toHaveLength(before + 1);
    expect(copiesFrom(kit.id)).toHaveLength(2);
  });

  it('a 429 between the card and its pin still ends with the card pinned, and the message delivered', async () => {
    const lou = fanUser(304);
    fake.failNext('pinChatMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      retry_after: 1,
    });
    await t.post(privateText(lou, 'hi', { fake }));
    await eventually(() => copiesFrom(lou.id).length === 1, 10_000, 'the copy');
    const topic = await eventually(
      async () => ((await topicOf(lou.id))?.cardPinned ? (await topicOf(lou.id))! : null),
      10_000,
      'the card pinned after the 429',
    );
    expect(fake.pins(ADMIN_GROUP_ID)).toContain(topic.cardMessageId);
    // One card only: the retry pinned the card it had, it did not send another.
    expect(
      fake.callsTo('sendMessage').filter((c) => c.ok && c.payload.message_thread_id === topic.threadId),
    ).toHaveLength(1);
    expect(fake.stats.earlyRetries).toBe(0);
  });

  it('a card the bot has no right to pin blocks nothing: the message arrives, the pin is not tried again', async () => {
    const max = fanUser(305);
    fake.failNext('pinChatMessage', {
      error_code: 400,
      description: 'Bad Request: not enough rights to manage pinned messages in the chat',
    });
    await t.post(privateText(max, 'hi', { fake }));
    await eventually(() => copiesFrom(max.id).length === 1, 10_000, 'the copy');
    const topic = await eventually(
      async () => ((await topicOf(max.id))?.cardPinned ? (await topicOf(max.id))! : null),
      10_000,
      'the pin given up',
    );
    expect(topic.cardMessageId).not.toBeNull();
    expect(fake.pins(ADMIN_GROUP_ID)).not.toContain(topic.cardMessageId);
    await t.post(privateText(max, 'again', { fake }));
    await eventually(() => copiesFrom(max.id).length === 2, 10_000, 'the second copy');
    expect(
      fake.callsTo('pinChatMessage').filter((c) => c.payload.message_id === topic.cardMessageId),
    ).toHaveLength(1);
  });

  it('a paid message that cannot be delivered at all is refunded and the fan told', async () => {
    const refundPrefix = en('relay-refund', { cost: 1, reason: '\u0000' }).split('\u0000')[0]!;
    const jay = fanUser(302);
    await t.post(privateText(jay, 'hello', { fake }));
    await eventually(() => copiesFrom(jay.id).length === 1);
    fake.removeBotFromChat(ADMIN_GROUP_ID);
    try {
      await t.post(privateText(jay, 'anyone?', { fake }));
      const notice = await eventually(
        () =>
          fake
            .callsTo('sendMessage')
            .find(
              (c) => c.ok && c.payload.chat_id === jay.id && String(c.payload.text).startsWith(refundPrefix),
            ),
        10_000,
        'refund notice',
      );
      // Telegram's own words inside the catalogue's sentence.
      const [, after] = en('relay-refund', { cost: 1, reason: '\u0000' }).split('\u0000');
      expect(notice.payload.text).toContain('no longer a member');
      expect(String(notice.payload.text).endsWith(after!)).toBe(true);
      expect(await balanceOf(t, jay.id)).toBe(2);
      expect((await ledgerOf(t, jay.id)).map((e) => e.delta)).toEqual([3, -1, -1, 1]);
    } finally {
      fake.restoreBotInChat(ADMIN_GROUP_ID);
    }
  });

  it('a restart with sends pending delivers them all, once', async () => {
    // Slow the group down so work is still queued when the app stops.
    fake.setFloodLimits(scaledFloodLimits(10));
    await t.stop();
    t = await startTestApp(fake, { env, db, outbox: { budgets: defaultBudgets(10) } });
    const kim = fanUser(303);
    await t.post(privateText(kim, 'k00', { fake }));
    await eventually(() => copiesFrom(kim.id).length === 1, 10_000);
    await grantCredits(t, kim.id, 40);
    for (let i = 1; i <= 25; i++) await t.post(privateText(kim, `k${String(i).padStart(2, '0')}`, { fake }));
    await t.stop();
    const before = copiesFrom(kim.id).length;
    expect(before).toBeLessThan(26);
    t = await startTestApp(fake, { env, db, outbox: { budgets: defaultBudgets(10) } });
    await eventually(() => copiesFrom(kim.id).length === 26, 30_000, 'all 26 after the restart');
    const texts = copiesFrom(kim.id).map((c) => fake.message(kim.id, c.payload.message_id as number)?.text);
    expect(texts).toEqual([...texts].sort());
    expect(new Set(texts).size).toBe(26);
    expect(fake.stats.earlyRetries).toBe(0);
    expect((await t.app.deps.services.checkLedger()).ok).toBe(true);
  }, 60_000);
});
