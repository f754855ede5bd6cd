import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import * as flows from '../../support/flows.ts';
import { fanUser, groupChat, groupMessage, groupTopicMessage, myChatMember } from '../../support/updates.ts';
import { en } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';

let fake: FakeTelegram;
let t: TestApp;
/** The app's clock: the wall clock moved forward by `offsetMs` (a test jumps a day ahead). */
const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const HOUR = 3600_000;

useApp(
  () => startForumApp({ clock }),
  (s) => ({ fake, t } = s),
);

const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const stranger = fanUser(930001, { first_name: 'Steve' });
const member = fanUser(930002, { first_name: 'Mia' });

const leaves = (chatId: number) =>
  fake.callsTo('leaveChat').filter((c) => c.ok && c.payload.chat_id === chatId).length;
const toldOwner = (chatId: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === OWNER_ID && String(c.payload.text).includes(String(chatId)));
const pending = (chatId: number) => createUnitOfWork(t.db.database).repos.pendingGroups.get(chatId);
const say = (chat: Parameters<typeof groupMessage>[0], text: string, from = member) =>
  t.post(groupMessage(chat, from, text, { fake }));

describe('groups the bot is added to', () => {
  it('leaves at once a group a stranger added it to', async () => {
    const chat = groupChat(-1009300001, 'Random chat');
    await t.post(myChatMember(stranger, { new_status: 'member', chat }, { fake }));
    expect(leaves(chat.id)).toBe(1);
    expect(fake.hasLeft(chat.id)).toBe(true);
    expect(await pending(chat.id)).toBeNull();
    expect(toldOwner(chat.id)).toHaveLength(0);
  });

  it('leaves a channel a stranger made it an admin of', async () => {
    const chat = groupChat(-1009300002, 'Some channel', 'channel');
    await t.post(myChatMember(stranger, { new_status: 'administrator', chat }, { fake }));
    expect(leaves(chat.id)).toBe(1);
  });

  it('waits 24 h in a group an owner added it to, tells the owner, then leaves on the next update', async () => {
    const chat = groupChat(-1009300003, 'My future inbox');
    await t.post(myChatMember(owner, { new_status: 'administrator', chat }, { fake }));
    expect(leaves(chat.id)).toBe(0);
    expect(toldOwner(chat.id)).toHaveLength(1);
    const waiting = await pending(chat.id);
    expect(waiting).toMatchObject({ chatId: chat.id, addedBy: OWNER_ID, title: chat.title });
    expect(toldOwner(chat.id)[0]!.payload.text).toBe(
      en('admin-setup-group-pending', {
        title: chat.title,
        chatId: String(chat.id),
        until: new Date(waiting!.addedAt.getTime() + 24 * HOUR),
      }),
    );

    // Promoted again, or a message in it, while it waits: it stays, and the owner is not told twice.
    await t.post(myChatMember(member, { old_status: 'administrator', new_status: 'member', chat }, { fake }));
    await say(chat, 'is the bot here?');
    clock.offsetMs = 23 * HOUR;
    await say(chat, 'still waiting');
    expect(leaves(chat.id)).toBe(0);
    expect(toldOwner(chat.id)).toHaveLength(1);

    clock.offsetMs = 25 * HOUR;
    try {
      await say(chat, 'a day later');
      expect(leaves(chat.id)).toBe(1);
      expect(await pending(chat.id)).toBeNull();
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('leaves a group it was in before (no record) once an hour at most', async () => {
    const chat = groupChat(-1009300004, 'Old friends');
    fake.registerChat(chat);
    await say(chat, 'hello bot');
    await say(chat, 'hello again'); // an update already in flight when it left
    expect(leaves(chat.id)).toBe(1);
    clock.offsetMs = HOUR;
    try {
      fake.restoreBotInChat(chat.id); // say the leave was lost: the next hour tries again
      await say(chat, 'an hour later');
      expect(leaves(chat.id)).toBe(2);
    } finally {
      clock.offsetMs = 0;
    }
  });

  it('forgets a waiting group it is removed from; the owner adding it back starts the wait again', async () => {
    const chat = groupChat(-1009300005, 'Try again');
    await t.post(myChatMember(owner, { new_status: 'member', chat }, { fake }));
    await t.post(myChatMember(owner, { new_status: 'left', chat }, { fake }));
    expect(await pending(chat.id)).toBeNull();
    await t.post(myChatMember(owner, { new_status: 'member', chat }, { fake }));
    expect(toldOwner(chat.id)).toHaveLength(2);
    expect(leaves(chat.id)).toBe(0);
  });

  it('never leaves the admin group, whoever changes the bot there and whatever is said', async () => {
    const admin = fake.chat(ADMIN_GROUP_ID)!;
    await t.post(
      myChatMember(stranger, { old_status: 'administrator', new_status: 'member', chat: admin }, { fake }),
    );
    await t.post(myChatMember(stranger, { new_status: 'administrator', chat: admin }, { fake }));
    const { threadId } = await flows.fanWithTopic(t, fake, 930010, 'Fay');
    await t.post(groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, 'hi Fay', { fake }));
    clock.offsetMs = 48 * HOUR;
    try {
      await t.post(groupTopicMessage(ADMIN_GROUP_ID, threadId, member, 'chatting', { fake }));
    } finally {
      clock.offsetMs = 0;
    }
    expect(leaves(ADMIN_GROUP_ID)).toBe(0);
    expect(fake.callsTo('leaveChat')).not.toContainEqual(
      expect.objectContaining({ payload: { chat_id: ADMIN_GROUP_ID } }),
    );
  });
});
