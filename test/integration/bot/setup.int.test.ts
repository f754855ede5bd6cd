import type { Message } from 'grammy/types';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { OWNER_ID } from '../../support/config.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en } from '../../support/i18n.ts';
import {
  callbackQuery,
  command,
  fanUser,
  groupMessage,
  myChatMember,
  privateChatOf,
  privateText,
  toUpdate,
} from '../../support/updates.ts';

/**
 * End to end through the webhook and the fake Bot API (which validates every call): no ADMIN_GROUP_ID,
 * the owner adds the bot to a forum group, sends /setup there, and the next fan's message opens a topic
 * in it, without a restart; a teammate added from /team gets their invite link. And the whole path
 * from only BOT_TOKEN: /claim, /setup, a fan charged and relayed.
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

  it('the owner adds a teammate from /team: one-use invite links to the new group reach them', async () => {
    const mate = fanUser(944_002, { first_name: 'Mia' });
    await t.post(privateText(mate, 'hi, I am Mia', { fake })); // she has opened the bot
    const menu = () =>
      fake
        .callsTo('sendMessage')
        .filter((c) => c.ok && c.payload.chat_id === OWNER_ID && c.payload.reply_markup?.inline_keyboard)
        .at(-1)!;
    const edits = () => fake.callsTo('editMessageText').filter((c) => c.ok && c.payload.chat_id === OWNER_ID);
    const pressLabel = async (
      label: string,
      markup: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> },
    ) => {
      const data = markup.inline_keyboard.flat().find((b) => b.text === label)!.callback_data!;
      await t.post(callbackQuery(owner, data, menu().result as Message));
    };
    await t.post(command(owner, '/team'));
    await pressLabel(en('admin-team-add'), menu().payload.reply_markup);
    const keyboard = fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === OWNER_ID && c.payload.reply_markup?.keyboard)
      .at(-1)!;
    const requestId = keyboard.payload.reply_markup.keyboard[0][0].request_users.request_id as number;
    await t.post(
      toUpdate({
        message: {
          message_id: fake.allocateMessageId(OWNER_ID),
          from: owner,
          chat: privateChatOf(owner),
          date: Math.floor(Date.now() / 1000),
          users_shared: { request_id: requestId, users: [{ user_id: mate.id, first_name: 'Mia' }] },
        },
      }),
    );
    expect(menu().payload.text).toBe(en('admin-team-pick-role', { who: 'Mia', role: '' }));
    await pressLabel(en('admin-team-role-agent'), menu().payload.reply_markup);
    expect(await t.app.deps.services.access.roleOf(mate.id)).toBe('agent');
    const links = fake.callsTo('createChatInviteLink');
    expect(links.map((c) => [c.ok, c.payload.chat_id, c.payload.member_limit])).toEqual([[true, G, 1]]);
    const invite = fake
      .callsTo('sendMessage')
      .filter((c) => c.payload.chat_id === mate.id)
      .at(-1)!;
    expect(String(invite.payload.text)).toContain((links[0]!.result as { invite_link: string }).invite_link);
    expect(String(edits().at(-1)!.payload.text)).toContain(en('admin-team-links-sent', { count: 1 }));
    expect(fake.commands({ type: 'chat', chat_id: mate.id }).map((c) => c.command)).toContain('admin');
  });
});

describe('from only BOT_TOKEN: /claim, /setup, a new text price in /settings, and a fan charged it', () => {
  let fake: FakeTelegram;
  let t: TestApp;
  let stderr = '';
  beforeAll(async () => {
    fake = await startFakeTelegram();
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      t = await startTestApp(fake, { env: { ADMIN_USER_IDS: '' } });
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });
  afterEach(() => fake.assertNoViolations());

  it('walks the whole path without a restart or an id', async () => {
    const code = /\/claim (\S+)"/.exec(stderr)![1]!;
    const creator = fanUser(945_001, { first_name: 'Cleo' });
    await t.post(command(creator, '/claim', code));
    expect(await t.app.deps.services.access.roleOf(creator.id)).toBe('owner');

    const chat = fake.addForumGroup(-1004500001, { title: 'Cleo inbox' });
    await t.post(myChatMember(creator, { new_status: 'administrator', chat }, { fake }));
    await t.post(
      groupMessage(chat as never, creator, '/setup', {
        fake,
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      }),
    );
    expect(
      fake
        .callsTo('sendMessage')
        .filter((c) => c.payload.chat_id === chat.id)
        .map((c) => c.payload.text),
    ).toEqual([en('admin-setup-done', { title: 'Cleo inbox', groups: 1 })]);

    // The creator changes the price of a text message in /settings: no SQL, no restart.
    const before = await t.app.deps.services.getSettings();
    const price = before.message_costs.text! + 1;
    type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
    const menu = () =>
      fake
        .callsTo('sendMessage')
        .filter((c) => c.ok && c.payload.chat_id === creator.id && c.payload.reply_markup?.inline_keyboard)
        .at(-1)!;
    const lastMarkup = () =>
      [...fake.callsTo('sendMessage'), ...fake.callsTo('editMessageText')]
        .filter((c) => c.ok && c.payload.chat_id === creator.id && c.payload.reply_markup?.inline_keyboard)
        .sort((a, b) => a.at - b.at)
        .at(-1)!.payload.reply_markup as Markup;
    const press = async (label: string) => {
      const data = lastMarkup()
        .inline_keyboard.flat()
        .find((b) => b.text === label)?.callback_data;
      if (!data) throw new Error(`no button ${label}`);
      await t.post(callbackQuery(creator, data, menu().result as Message));
    };
    await t.post(command(creator, '/settings'));
    await press(en('admin-settings-group-prices'));
    await press(en('admin-settings-label-cost', { type: en('relay-type-text') }));
    await t.post(privateText(creator, String(price), { fake }));
    expect((await t.app.deps.services.getSettings()).message_costs.text).toBe(price);

    const buyer = fanUser(945_002, { first_name: 'Bo' });
    await t.post(privateText(buyer, 'first message', { fake }));
    await eventually(() => fake.topics(chat.id).length === 1, 10_000, 'the fan’s topic');
    const user = await createUnitOfWork(t.db.database).repos.users.get(buyer.id);
    // Charged the new text price from the new-fan bonus.
    expect(user!.creditBalance).toBe(before.new_fan_bonus - price);
  });
});
