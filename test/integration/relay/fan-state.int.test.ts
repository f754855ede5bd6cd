import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';

import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { en } from '../../support/i18n.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import { type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { command, fanUser, groupTopicMessage, myChatMember, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

const repos = () => createUnitOfWork(t.db.database).repos;
const settle = () => new Promise((r) => setTimeout(r, 250));
const notesIn = (threadId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === ADMIN_GROUP_ID && c.payload.message_thread_id === threadId)
    .map((c) => String(c.payload.text));

/** A fan who wrote once: their topic exists. */
async function fanWithTopic(user: ReturnType<typeof fanUser>): Promise<number> {
  await t.post(privateText(user, 'hello', { fake }));
  return eventually(async () => (await repos().topics.get(user.id))?.threadId, 5000, 'the topic');
}

describe('a fan blocks and unblocks the bot', () => {
  it('records it and tells the admins in the topic, once per change', async () => {
    const kim = fanUser(501);
    const threadId = await fanWithTopic(kim);

    await t.post(myChatMember(kim, { new_status: 'kicked' }, { fake }));
    expect((await repos().users.get(kim.id))?.blockedBot).toBe(true);
    await eventually(() => notesIn(threadId).some((n) => n === en('relay-fan-blocked')), 5000, 'the note');

    await t.post(myChatMember(kim, { new_status: 'member' }, { fake }));
    expect((await repos().users.get(kim.id))?.blockedBot).toBe(false);
    await eventually(() => notesIn(threadId).some((n) => n === en('relay-fan-unblocked')), 5000, 'the note');

    // The same state again (e.g. after a 403 already marked it) adds no note.
    await t.post(myChatMember(kim, { new_status: 'member', old_status: 'member' }, { fake }));
    await settle();
    const notes = [en('relay-fan-blocked'), en('relay-fan-unblocked')];
    expect(notesIn(threadId).filter((n) => notes.includes(n))).toHaveLength(2);
  });

  it('a refused send found it first: one note, and the update that follows adds none', async () => {
    const ann = fanUser(504);
    const threadId = await fanWithTopic(ann);
    await eventually(
      () => fake.callsTo('sendMessage').some((c) => c.payload.chat_id === ann.id),
      5000,
      'the receipt',
    );
    fake.blockChat(ann.id);
    // An admin's reply is refused with 403 before Telegram's my_chat_member update arrives.
    await t.post(
      groupTopicMessage(
        ADMIN_GROUP_ID,
        threadId,
        fanUser(OWNER_ID, { first_name: 'Olivia' }),
        'still there?',
        { fake },
      ),
    );
    await eventually(() => notesIn(threadId).some((n) => n === en('relay-fan-blocked')), 5000, 'the note');
    expect((await repos().users.get(ann.id))?.blockedBot).toBe(true);

    await t.post(myChatMember(ann, { new_status: 'kicked' }, { fake }));
    await settle();
    expect(notesIn(threadId).filter((n) => n === en('relay-fan-blocked'))).toHaveLength(1);
  });

  it('without a topic, records it and says nothing', async () => {
    const lee = fanUser(502);
    await t.post(command(lee, 'start'));
    fake.reset();
    await t.post(myChatMember(lee, { new_status: 'kicked' }, { fake }));
    expect((await repos().users.get(lee.id))?.blockedBot).toBe(true);
    await settle();
    expect(fake.calls.filter((c) => c.payload.chat_id === ADMIN_GROUP_ID)).toHaveLength(0);
  });
});

describe("a fan's name change", () => {
  it('renames the topic, at most once an hour', async () => {
    const max = fanUser(503, { first_name: 'Max' });
    const threadId = await fanWithTopic(max);
    expect(fake.topicName(ADMIN_GROUP_ID, threadId)).toBe('👤 Max · 503');

    // The same name: no rename.
    await t.post(privateText(max, 'again', { fake }));
    await settle();
    expect(fake.callsTo('editForumTopic')).toHaveLength(0);

    const renamed = fanUser(503, { first_name: 'Maxine', username: 'maxine' });
    await t.post(privateText(renamed, 'new name', { fake }));
    const call = await eventually(() => fake.callsTo('editForumTopic')[0], 5000, 'the rename');
    expect(call.payload).toMatchObject({
      chat_id: ADMIN_GROUP_ID,
      message_thread_id: threadId,
      name: '👤 Maxine (@maxine) · 503',
    });
    expect(fake.topicName(ADMIN_GROUP_ID, threadId)).toBe('👤 Maxine (@maxine) · 503');
    await eventually(async () => (await repos().topics.get(max.id))?.name === '👤 Maxine (@maxine) · 503');
    expect((await repos().topics.get(max.id))?.renamedAt).not.toBeNull();

    // Another change within the hour waits.
    await t.post(privateText(fanUser(503, { first_name: 'Mia' }), 'and again', { fake }));
    await settle();
    expect(fake.callsTo('editForumTopic')).toHaveLength(1);
    expect(fake.topicName(ADMIN_GROUP_ID, threadId)).toBe('👤 Maxine (@maxine) · 503');
  });
});
