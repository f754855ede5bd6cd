import { describe, expect, it } from 'vitest';
import { topicLink } from '../../../src/app/messages.ts';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';
import { fanUser, groupChat, groupTopicMessage, myChatMember, privateText } from '../../support/updates.ts';

/**
 * Two admin groups end to end (docs/ARCHITECTURE.md, "Several admin groups"): fans spread over both,
 * each group answers its own fans (thread ids collide across groups), /info works in each, a group the
 * bot is removed from hands its fans to the other, and the owners hear who is missing from a group.
 */
const G1 = ADMIN_GROUP_ID;
const G2 = -1009876543210;

let fake: FakeTelegram;
let t: TestApp;
useApp(
  () =>
    startForumApp({
      moreGroups: [G2],
      renderTimings: { cardIntervalMs: 1500, inboxIntervalMs: 500, inboxDebounceMs: 100 },
    }),
  (s) => ({ fake, t } = s),
);

const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const topicOf = async (userId: number) => createUnitOfWork(t.db.database).repos.topics.get(userId);
const copiesFrom = (fanId: number) =>
  fake.callsTo('copyMessage').filter((c) => c.ok && c.payload.from_chat_id === fanId);
const toChat = (chatId: number) =>
  fake.callsTo('copyMessage').filter((c) => c.ok && c.payload.chat_id === chatId);
const sentIn = (groupId: number, threadId?: number) =>
  fake
    .callsTo('sendMessage')
    .filter(
      (c) =>
        c.ok &&
        c.payload.chat_id === groupId &&
        (threadId === undefined || c.payload.message_thread_id === threadId),
    );

/** A new fan writes; resolves once their message is in their topic. */
async function newFan(id: number, name: string) {
  const fan = fanUser(id, { first_name: name });
  await t.post(privateText(fan, `hello from ${name}`, { fake }));
  await eventually(() => copiesFrom(id).length === 1, 5000, `${name}'s first relay`);
  return { fan, topic: (await topicOf(id))! };
}

describe('two admin groups', () => {
  let alice: Awaited<ReturnType<typeof newFan>>;
  let bob: Awaited<ReturnType<typeof newFan>>;

  it('spreads new fans: the first to the first group, the next to the one with fewer fans', async () => {
    alice = await newFan(71_001, 'Alice');
    bob = await newFan(71_002, 'Bob');
    expect(alice.topic.groupId).toBe(G1);
    expect(bob.topic.groupId).toBe(G2);
    expect(fake.topics(G1).map((x) => x.message_thread_id)).toEqual([alice.topic.threadId]);
    expect(fake.topics(G2).map((x) => x.message_thread_id)).toEqual([bob.topic.threadId]);
    expect(copiesFrom(alice.fan.id)[0]!.payload.chat_id).toBe(G1);
    expect(copiesFrom(bob.fan.id)[0]!.payload.chat_id).toBe(G2);
    // Each group has its own live inbox (in its General topic), listing its own fans.
    const inbox = async (g: number) =>
      (await createUnitOfWork(t.db.database).repos.inbox.get(g))?.lastText ?? '';
    await eventually(async () => (await inbox(G1)).includes('Alice'), 5000, 'group 1’s inbox');
    await eventually(async () => (await inbox(G2)).includes('Bob'), 5000, 'group 2’s inbox');
    expect(await inbox(G1)).not.toContain('Bob');
    expect(await inbox(G2)).not.toContain('Alice');
    const inboxSends = (g: number) => sentIn(g).filter((c) => c.payload.message_thread_id === undefined);
    expect(inboxSends(G1).length).toBeGreaterThan(0);
    expect(inboxSends(G2).length).toBeGreaterThan(0);
  });

  it('an admin reply in group 2 reaches group 2’s fan, though group 1 has a topic with the same thread id', async () => {
    // Thread ids are per chat: group 1's fan topic with Bob's thread id is usually Alice's (the fake
    // numbers each chat's messages from 1); when an early inbox message took that number, Alice's row
    // is given Bob's thread id, so the two groups always share one.
    if (alice.topic.threadId !== bob.topic.threadId)
      await createUnitOfWork(t.db.database).repos.topics.setThread(
        alice.fan.id,
        bob.topic.threadId!,
        'Alice',
      );
    expect(
      await createUnitOfWork(t.db.database).repos.topics.findByThread(G1, bob.topic.threadId!),
    ).toMatchObject({
      userId: alice.fan.id,
    });
    const before = {
      alice: fake.callsTo('copyMessage').filter((c) => c.payload.chat_id === alice.fan.id).length,
    };
    await t.post(groupTopicMessage(G2, bob.topic.threadId!, owner, 'Hi Bob, from group 2', { fake }));
    await eventually(() => toChat(bob.fan.id).length === 1, 5000, 'the reply to Bob');
    expect(toChat(bob.fan.id)[0]!.payload).toMatchObject({ from_chat_id: G2 });
    expect(fake.callsTo('copyMessage').filter((c) => c.payload.chat_id === alice.fan.id)).toHaveLength(
      before.alice,
    );
  });

  it('/info in group 2 describes group 2’s fan', async () => {
    const text = '/info';
    await t.post(
      groupTopicMessage(G2, bob.topic.threadId!, owner, text, {
        fake,
        entities: [{ type: 'bot_command', offset: 0, length: text.length }],
      }),
    );
    const infoHead = en('admin-info-name', { name: 'Bob', id: String(bob.fan.id) });
    await eventually(
      () => sentIn(G2, bob.topic.threadId!).some((c) => String(c.payload.text).includes(infoHead)),
      5000,
      'the info in group 2',
    );
    expect(sentIn(G1).some((c) => String(c.payload.text).includes(infoHead))).toBe(false);
  });

  it('the bot removed from group 2: Bob’s next message opens a topic in group 1 whose card links the old one', async () => {
    const g2 = groupChat(G2, 'Inbox 2');
    await t.post(
      myChatMember(owner, { new_status: 'kicked', old_status: 'administrator', chat: g2 }, { fake }),
    );
    await t.post(privateText(bob.fan, 'are you there?', { fake }));
    await eventually(() => copiesFrom(bob.fan.id).length === 2, 5000, 'Bob’s second relay');
    const moved = (await topicOf(bob.fan.id))!;
    expect(moved).toMatchObject({ groupId: G1, previousGroupId: G2, previousThreadId: bob.topic.threadId });
    expect(copiesFrom(bob.fan.id)[1]!.payload).toMatchObject({
      chat_id: G1,
      message_thread_id: moved.threadId,
    });
    // The card follows the message (content first): wait for it.
    const cardOf = () => sentIn(G1, moved.threadId!).find((c) => c.payload.reply_markup !== undefined);
    await eventually(() => cardOf() !== undefined, 5000, 'the new topic’s card');
    const card = cardOf()!;
    expect(String(card.payload.text)).toContain(
      en('relay-card-previous', { link: topicLink(G2, bob.topic.threadId!) }),
    );
    // A new fan goes to group 1 too: group 2 takes none while the bot is out of it.
    const carol = await newFan(71_003, 'Carol');
    expect(carol.topic.groupId).toBe(G1);
  });
});

describe('the team in every admin group', () => {
  it('tells the owners once that someone is missing from a group', async () => {
    const alertText = () =>
      fake
        .callsTo('sendMessage')
        .filter((c) => c.ok && c.payload.chat_id === OWNER_ID)
        .map((c) => String(c.payload.text))
        .filter((x) => x.includes(`${G1}: `) && x.includes(String(OWNER_ID)));
    fake.setChatMember(G1, { status: 'left', user: owner });
    const g1 = groupChat(G1, 'Inbox');
    // The bot promoted in group 1: the memberships are checked again.
    await t.post(
      myChatMember(owner, { new_status: 'administrator', old_status: 'member', chat: g1 }, { fake }),
    );
    await eventually(() => alertText().length === 1, 5000, 'the owners’ alert');
    expect(alertText()[0]).toContain(en('admin-setup-memberships-missing', { missing: '' }).split(':')[0]);
    await t.post(
      myChatMember(owner, { new_status: 'administrator', old_status: 'member', chat: g1 }, { fake }),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(alertText()).toHaveLength(1);
  });
});
