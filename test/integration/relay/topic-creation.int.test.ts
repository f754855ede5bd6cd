/**
 * A crash between `createForumTopic` and the commit that stores its thread id: the topic may exist in
 * the group without the bot knowing its id (the Bot API cannot list topics). The creation is marked
 * before the call; a mark found later with no id raises one alert in the group naming the topic to
 * delete, and only then is a second topic created and the message delivered into it.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultBudgets } from '../../../src/app/outbox/policy.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { fanTopics } from '../../../src/db/schema/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID } from '../../support/config.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';
import { LOSE_ANSWER, startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { fanUser, privateText } from '../../support/updates.ts';

let fake: FakeTelegram;
let db: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeTelegram();
  fake.addForumGroup(ADMIN_GROUP_ID, { title: 'Inbox' });
  db = await createTestDatabase({ migrate: false });
  t = await startTestApp(fake, {
    env: { ADMIN_GROUP_ID: String(ADMIN_GROUP_ID) },
    db,
    outbox: { budgets: defaultBudgets(1000) },
  });
});
afterAll(async () => {
  await t.stop();
  await db.dispose();
  await fake.close();
});
afterEach(() => fake.assertNoViolations());

const topicRow = async (userId: number) =>
  (await db.database.db.select().from(fanTopics).where(eq(fanTopics.userId, userId)))[0]!;
const orphanAlerts = () =>
  fake
    .callsTo('sendMessage')
    .filter(
      (c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && /may exist twice/.test(String(c.payload.text)),
    );

describe('topic creation', () => {
  it('is marked before the call and cleared by the commit that stores the thread', async () => {
    const ann = fanUser(401, { first_name: 'Ann' });
    await t.post(privateText(ann, 'hello', { fake }));
    await eventually(async () => (await topicRow(ann.id)).threadId !== null, 10_000, 'the topic');
    const row = await topicRow(ann.id);
    expect(row.creatingSince).toBeNull();
    expect(fake.topics(ADMIN_GROUP_ID).filter((x) => x.name.includes('Ann'))).toHaveLength(1);
  });

  it('a creation that died after Telegram answered: one alert naming the topic, then a second topic', async () => {
    const bo = fanUser(402, { first_name: 'Bo' });
    // Telegram makes the topic, but its answer never reaches the bot (as if it died right then).
    fake.failNext('createForumTopic', LOSE_ANSWER);
    await t.post(privateText(bo, 'first words', { fake }));
    await eventually(() => fake.topics(ADMIN_GROUP_ID).some((x) => x.name.includes('Bo')), 10_000, 'topic 1');
    const marked = await eventually(async () => {
      const r = await topicRow(bo.id);
      return r.creatingSince !== null ? r : null;
    });
    expect(marked.threadId).toBeNull();
    // While the mark is young another attempt may still be under way: nothing is created twice.
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.topics(ADMIN_GROUP_ID).filter((x) => x.name.includes('Bo'))).toHaveLength(1);
    expect(orphanAlerts()).toHaveLength(0);
    // Minutes later (the mark is stale), the retry alerts once and creates a second topic.
    await db.database.db
      .update(fanTopics)
      .set({ creatingSince: sql`now() - interval '5 minutes'` })
      .where(eq(fanTopics.userId, bo.id));
    const copy = await eventually(
      () => fake.callsTo('copyMessage').find((c) => c.ok && c.payload.from_chat_id === bo.id),
      // The retry comes after the transient backoff the young mark caused (seconds, more under load).
      60_000,
      'the message in the second topic',
    );
    const topics = fake.topics(ADMIN_GROUP_ID).filter((x) => x.name.includes('Bo'));
    expect(topics).toHaveLength(2);
    const row = await topicRow(bo.id);
    expect(row.threadId).toBe(topics[1]!.message_thread_id);
    expect(copy.payload.message_thread_id).toBe(row.threadId);
    expect(row.creatingSince).toBeNull();
    await eventually(() => orphanAlerts().length === 1, 10_000, 'the alert');
    const alert = orphanAlerts()[0]!;
    expect(String(alert.payload.text)).toContain(topics[0]!.name);
    expect(alert.payload.message_thread_id).toBeUndefined();
    // Later messages use the stored topic: no third topic, no second alert.
    await t.post(privateText(bo, 'more', { fake }));
    await eventually(
      () => fake.callsTo('copyMessage').filter((c) => c.ok && c.payload.from_chat_id === bo.id).length === 2,
    );
    expect(fake.topics(ADMIN_GROUP_ID).filter((x) => x.name.includes('Bo'))).toHaveLength(2);
    expect(orphanAlerts()).toHaveLength(1);
    expect((await createUnitOfWork(db.database).repos.topics.get(bo.id))!.threadId).toBe(row.threadId);
  }, 120_000);
});
