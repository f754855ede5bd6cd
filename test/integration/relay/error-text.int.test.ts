import { describe, expect, it } from 'vitest';
import { balanceOf } from '../../support/accounts.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import * as flows from '../../support/flows.ts';
import { callbackQuery, fanUser, groupTopicMessage, privateText } from '../../support/updates.ts';
import { useApp } from '../../support/suite.ts';
import { en } from '../../support/i18n.ts';

/**
 * Error texts from Telegram (and names people choose) end up inside HTML messages: they must be
 * escaped, or the message is refused ("can't parse entities") and the note never arrives. The fake Bot
 * API parses every HTML text as Telegram does and records a violation for a bad one (checked after
 * each test by useApp).
 */
let fake: FakeTelegram;
let t: TestApp;
const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const WEIRD = 'Bad Request: <b>odd</b & things <i>';

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

/** The text (as shown, after entity parsing) of what a successful sendMessage/edit produced. */
const shown = (chatId: number, messageId: number) => fake.message(chatId, messageId)?.text;
const sentTo = (chatId: number, pattern: RegExp | string) =>
  fake
    .callsTo('sendMessage')
    .find(
      (c) =>
        c.ok &&
        c.payload.chat_id === chatId &&
        (typeof pattern === 'string'
          ? String(c.payload.text).startsWith(pattern)
          : pattern.test(String(c.payload.text))),
    );
/** The start of a catalogue text, up to where its `reason` goes. */
const upToReason = (key: string, args: Record<string, number> = {}) =>
  en(key, { ...args, reason: '\u0000' }).split('\u0000')[0]!;
const idOf = (call: { result?: unknown }) => (call.result as { message_id: number }).message_id;

describe('error texts inside HTML messages', () => {
  it("a reply Telegram refuses: the note in the topic quotes Telegram's words as text", async () => {
    const { fan, threadId } = await flows.fanWithTopic(t, fake, 1301, 'Ada');
    fake.failNext(
      'copyMessage',
      { error_code: 400, description: WEIRD },
      { match: (p) => p.chat_id === fan.id },
    );
    await t.post(groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, 'an answer', { fake }));
    const note = await eventually(
      () => sentTo(ADMIN_GROUP_ID, upToReason('relay-not-delivered')),
      10_000,
      'the note',
    );
    expect(note.payload.parse_mode).toBe('HTML');
    expect(shown(ADMIN_GROUP_ID, idOf(note))).toContain('<b>odd</b & things <i>');
  });

  it("a fan's message that cannot be relayed: the refund notice quotes the reason as text", async () => {
    const { fan } = await flows.fanWithTopic(t, fake, 1302, 'Bea');
    const before = await balanceOf(t, fan.id);
    fake.failNext(
      'copyMessage',
      { error_code: 400, description: WEIRD },
      { match: (p) => p.chat_id === ADMIN_GROUP_ID && p.from_chat_id === fan.id },
    );
    await t.post(privateText(fan, 'are you there?', { fake }));
    const notice = await eventually(
      () => sentTo(fan.id, upToReason('relay-refund', { cost: 1 })),
      10_000,
      'the notice',
    );
    expect(shown(fan.id, idOf(notice))).toContain('<b>odd</b & things <i>');
    expect(await balanceOf(t, fan.id)).toBe(before); // charged, then refunded
  });

  it("the gift button's confirmation shows the admin's name as typed", async () => {
    const { threadId } = await flows.fanWithTopic(t, fake, 1303, 'Cid');
    const admin = fanUser(OWNER_ID, { first_name: 'Ann & <Bob>' });
    await t.post(flows.topicCommand(fake, threadId, '/gift', admin));
    const menu = await eventually(() => sentTo(ADMIN_GROUP_ID, /^Gift what\?/), 5000, 'the gift menu');
    const plus5 = (menu.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> })
      .inline_keyboard[0]![0]!;
    await t.post(callbackQuery(admin, plus5.callback_data, fake.message(ADMIN_GROUP_ID, idOf(menu))!));
    expect(shown(ADMIN_GROUP_ID, idOf(menu))).toBe('🎁 Ann & <Bob> gifted 5 credits.');
  });
});
