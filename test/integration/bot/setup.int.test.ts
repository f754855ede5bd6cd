import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { OWNER_ID } from '../../support/config.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en } from '../../support/i18n.ts';
import { fanUser, groupMessage, myChatMember, privateText } from '../../support/updates.ts';

/**
 * End to end through the webhook and the fake Bot API (which validates every call): no ADMIN_GROUP_ID,
 * the owner adds the bot to a forum group, sends /setup there, and the next fan's message opens a topic
 * in it, without a restart.
 */

const G = -1004400001;
const owner = fanUser(OWNER_ID, { first_name: 'Olga' });
const fan = fanUser(944_001, { first_name: 'Fay' });

describe('/setup end to end: no group id to hunt', () => {
  let fake: FakeTelegram;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    t = await startTestApp(fake); // ADMIN_USER_IDS only: no admin group configured
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });
  afterEach(() => fake.assertNoViolations());

  it('the owner adds the bot, sends /setup in the group, and a fan’s message opens a topic there', async () => {
    const chat = fake.addForumGroup(G, { title: 'My inbox' });
    await t.post(myChatMember(owner, { new_status: 'administrator', chat }, { fake }));
    const told = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === OWNER_ID);
    expect(told).toHaveLength(1);
    expect(String(told[0]!.payload.text)).toContain('/setup');

    await t.post(
      groupMessage(chat as never, owner, '/setup', {
        fake,
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      }),
    );
    const done = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === G);
    expect(done.map((c) => c.payload.text)).toEqual([
      en('admin-setup-done', { title: 'My inbox', groups: 1 }),
    ]);
    expect(fake.callsTo('getChatMember').some((c) => c.payload.chat_id === G)).toBe(true);
    expect(fake.commands({ type: 'chat_administrators', chat_id: G }).map((c) => c.command)).toContain(
      'admin',
    );

    await t.post(privateText(fan, 'hello', { fake }));
    await eventually(() => fake.topics(G).length === 1, 10_000, 'the fan’s topic in the new group');
    await eventually(
      () =>
        fake.callsTo('copyMessage').some((c) => c.payload.chat_id === G && c.payload.from_chat_id === fan.id),
      10_000,
      'the fan’s message relayed into it',
    );
    expect((await createUnitOfWork(t.db.database).repos.topics.get(fan.id))?.groupId).toBe(G);
    // And the bot stays there whatever is said: it is an admin group now.
    await t.post(groupMessage(chat as never, owner, 'general chatter', { fake }));
    expect(fake.hasLeft(G)).toBe(false);
  });
});
