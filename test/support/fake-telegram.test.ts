import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, GrammyError, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  scaledFloodLimits,
  startFakeTelegram,
  REAL_FLOOD_LIMITS,
  type FakeTelegram,
} from './fake-telegram/index.ts';
import { loadSpec } from './fake-telegram/spec.ts';
import {
  callbackQuery,
  command,
  editedPrivateText,
  fanUser,
  groupChat,
  groupMessage,
  groupTopicMessage,
  myChatMember,
  preCheckoutQuery,
  privatePhoto,
  privateText,
  privateVoice,
  successfulPayment,
} from './updates.ts';

const GROUP = -1001234567890;
const fan = fanUser(424242, { first_name: 'Ana', username: 'ana_fan' });

let fake: FakeTelegram;
let api: Api;

beforeAll(async () => {
  fake = await startFakeTelegram();
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
  fake.addForumGroup(GROUP, { title: 'FanBridge Team' });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
});

afterEach(() => {
  fake.assertNoViolations();
});

async function caught(promise: Promise<unknown>): Promise<GrammyError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof GrammyError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** Runs `fn`, expecting it to fail and to record violations matching every pattern. */
async function expectViolation(promise: Promise<unknown>, ...patterns: RegExp[]): Promise<GrammyError> {
  const err = await caught(promise);
  const violations = fake.takeViolations();
  expect(violations.length).toBeGreaterThan(0);
  for (const pattern of patterns) expect(violations.join('\n')).toMatch(pattern);
  return err;
}

describe('spec validation', () => {
  it('accepts a valid sendMessage and stores the message', async () => {
    const sent = await api.sendMessage(fan.id, 'Welcome, <b>Ana</b>!', {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'Subscribe', callback_data: 'sub:1' }]] },
    });
    expect(sent.text).toBe('Welcome, Ana!');
    expect(sent.entities).toEqual([{ type: 'bold', offset: 9, length: 3 }]);
    expect(sent.chat).toMatchObject({ id: fan.id, type: 'private' });
    const [stored] = fake.messagesIn(fan.id);
    expect(stored).toMatchObject({
      message_id: sent.message_id,
      from_bot: true,
      text: 'Welcome, Ana!',
      via: 'sendMessage',
    });
    expect(stored?.reply_markup?.inline_keyboard[0]?.[0]).toMatchObject({ callback_data: 'sub:1' });
    expect(fake.callsTo('sendMessage')).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ method: 'sendMessage', ok: true, payload: { chat_id: fan.id } });
  });

  it('flags an unknown method (404 Not Found, like Telegram)', async () => {
    const err = await expectViolation(
      (api.raw as any).sendMesage({ chat_id: fan.id, text: 'typo' }),
      /sendMesage: unknown Bot API method/,
    );
    expect(err.error_code).toBe(404);
  });

  it('flags a missing required field', async () => {
    const err = await expectViolation(
      (api.raw as any).sendMessage({ chat_id: fan.id }),
      /sendMessage: text: required/,
    );
    expect(err.error_code).toBe(400);
    expect(err.description).toMatch(/^Bad Request: /);
  });

  it('flags wrong types, strictly in JSON bodies', async () => {
    await expectViolation(
      (api.raw as any).sendMessage({ chat_id: fan.id, text: 'x', message_thread_id: '5' }),
      /message_thread_id: expected Integer/,
    );
    await expectViolation(
      (api.raw as any).sendMessage({ chat_id: true, text: 'x' }),
      /chat_id: expected Integer or String/,
    );
    await expectViolation(
      (api.raw as any).sendMessage({ chat_id: fan.id, text: 'x', reply_parameters: { message_id: 'one' } }),
      /reply_parameters\.message_id: expected Integer/,
    );
  });

  it('flags unknown field names, at the top level and inside objects', async () => {
    await expectViolation(
      (api.raw as any).sendMessage({ chat_id: fan.id, text: 'x', reply_to_message_id: 3 }),
      /unknown parameter "reply_to_message_id"/,
    );
    await expectViolation(
      (api.raw as any).sendMessage({ chat_id: fan.id, text: 'x', link_preview_options: { disabled: true } }),
      /link_preview_options\.disabled: unknown field/,
    );
  });

  it('flags callback_data over 64 bytes', async () => {
    const err = await expectViolation(
      api.sendMessage(fan.id, 'menu', {
        reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'x'.repeat(65) }]] },
      }),
      /reply_markup\.inline_keyboard\[0\]\[0\]\.callback_data: is 65 bytes, must be at most 64/,
    );
    expect(err.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    await api.sendMessage(fan.id, 'menu', {
      reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'é'.repeat(32) }]] },
    });
  });

  it('flags texts Telegram rejects: too long, empty, bad parse_mode, unparsable MarkdownV2', async () => {
    expect(
      (await expectViolation(api.sendMessage(fan.id, 'a'.repeat(4097)), /text: is 4097 characters/))
        .description,
    ).toBe('Bad Request: message is too long');
    expect((await expectViolation(api.sendMessage(fan.id, '  '), /text: is 0 characters/)).description).toBe(
      'Bad Request: message text is empty',
    );
    expect(
      (
        await expectViolation(
          api.sendMessage(fan.id, 'hi', { parse_mode: 'html5' as 'HTML' }),
          /unsupported parse_mode/,
        )
      ).description,
    ).toBe('Bad Request: unsupported parse_mode');
    const md = await expectViolation(
      api.sendMessage(fan.id, 'Thanks. See you!', { parse_mode: 'MarkdownV2' }),
      /can't parse entities/,
    );
    expect(md.description).toMatch(/Character '\.' is reserved/);
    await api.sendMessage(fan.id, 'Thanks\\. *See* you\\!', { parse_mode: 'MarkdownV2' });
    await expectViolation(
      api.sendMessage(fan.id, '<b>bold</i>', { parse_mode: 'HTML' }),
      /can't parse entities/,
    );
    await api.sendMessage(fan.id, 'a'.repeat(4096));
  });

  it('accepts only reactions listed in ReactionTypeEmoji', async () => {
    const incoming = privateText(fan, 'I love this', { fake }).message as Message;
    const react = (emoji: string) =>
      api.setMessageReaction(fan.id, incoming.message_id, [{ type: 'emoji', emoji } as never]);
    const err = await expectViolation(
      react('✅'),
      /reaction\[0\]\.emoji: "✅" is not one of the allowed values/,
    );
    expect(err.description).toBe('Bad Request: REACTION_INVALID');
    await react('👌');
    expect(fake.reactions(fan.id, incoming.message_id)).toEqual([{ type: 'emoji', emoji: '👌' }]);
    await react('👀');
    expect(fake.reactions(fan.id, incoming.message_id)).toEqual([{ type: 'emoji', emoji: '👀' }]);
    await expectViolation(
      (api.raw as any).setMessageReaction({
        chat_id: fan.id,
        message_id: incoming.message_id,
        reaction: [{ type: 'thumbs', emoji: '👍' }],
      }),
      /not a valid ReactionType/,
    );
  });

  it('validates multipart uploads, including JSON-serialized fields', async () => {
    const photo = await api.sendPhoto(fan.id, new InputFile(Buffer.from('jpeg bytes'), 'cover.jpg'), {
      caption: 'New *drop*',
      parse_mode: 'Markdown',
      reply_markup: { inline_keyboard: [[{ text: 'Buy', callback_data: 'buy:7' }]] },
    });
    expect(photo.photo?.at(-1)?.file_id).toMatch(/^AgAC/);
    expect(photo.caption).toBe('New drop');
    const [call] = fake.callsTo('sendPhoto');
    expect(call?.payload).toMatchObject({
      chat_id: fan.id,
      photo: { kind: 'upload', filename: 'cover.jpg', size: 10 },
      reply_markup: { inline_keyboard: [[{ text: 'Buy', callback_data: 'buy:7' }]] },
    });
    await expectViolation(
      api.sendDocument(fan.id, new InputFile(Buffer.from('%PDF'), 'a.pdf'), {
        reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'y'.repeat(70) }]] },
      }),
      /sendDocument: reply_markup\.inline_keyboard\[0\]\[0\]\.callback_data/,
    );
    // A known file_id can be re-sent; a photo id cannot be sent as a voice.
    const fileId = photo.photo?.at(-1)?.file_id as string;
    await api.sendPhoto(fan.id, fileId);
    expect((await caught(api.sendVoice(fan.id, fileId))).description).toBe(
      "Bad Request: can't use file of type Photo as Voice",
    );
  });

  it('validates media groups item by item', async () => {
    const album = await api.sendMediaGroup(fan.id, [
      { type: 'photo', media: new InputFile(Buffer.from('1'), '1.jpg'), caption: 'one' },
      { type: 'video', media: new InputFile(Buffer.from('2'), '2.mp4') },
    ]);
    expect(album).toHaveLength(2);
    const groups = album.map((m) => (m as Message).media_group_id);
    expect(groups[0]).toBeDefined();
    expect(groups[1]).toBe(groups[0]);
    await expectViolation(
      api.sendMediaGroup(fan.id, [{ type: 'photo', media: 'AgACAgIAAxkBAAIx' }]),
      /media: has 1 items, must have 2-10/,
    );
  });
});

describe('chats, topics and messages', () => {
  it('creates forum topics and refuses sends to missing or deleted threads', async () => {
    const topic = await api.createForumTopic(GROUP, 'Ana (@ana_fan)');
    expect(topic).toMatchObject({ name: 'Ana (@ana_fan)', icon_color: 7322096 });
    expect(fake.topics(GROUP).map((t) => t.message_thread_id)).toContain(topic.message_thread_id);
    const [service] = fake.messagesIn(GROUP, topic.message_thread_id, { includeService: true });
    expect(service).toMatchObject({ message_id: topic.message_thread_id, service: 'forum_topic_created' });

    const sent = await api.sendMessage(GROUP, 'New fan', { message_thread_id: topic.message_thread_id });
    expect(sent).toMatchObject({ message_thread_id: topic.message_thread_id, is_topic_message: true });
    expect(fake.messagesIn(GROUP, topic.message_thread_id).map((m) => m.text)).toEqual(['New fan']);

    const missing = await caught(api.sendMessage(GROUP, 'x', { message_thread_id: 999_999 }));
    expect(missing.description).toBe('Bad Request: message thread not found');

    fake.deleteTopic(GROUP, topic.message_thread_id);
    const deleted = await caught(
      api.sendMessage(GROUP, 'still there?', { message_thread_id: topic.message_thread_id }),
    );
    expect(deleted).toMatchObject({ error_code: 400, description: 'Bad Request: message thread not found' });
    expect(fake.topics(GROUP).map((t) => t.message_thread_id)).not.toContain(topic.message_thread_id);

    const other = await api.createForumTopic(GROUP, 'Ben');
    await api.closeForumTopic(GROUP, other.message_thread_id);
    expect((await caught(api.closeForumTopic(GROUP, other.message_thread_id))).description).toBe(
      'Bad Request: TOPIC_NOT_MODIFIED',
    );
    await api.deleteForumTopic(GROUP, other.message_thread_id);
    const general = await api.sendMessage(GROUP, 'In General');
    const copyErr = await caught(
      api.copyMessage(GROUP, GROUP, general.message_id, { message_thread_id: other.message_thread_id }),
    );
    expect(copyErr.description).toBe('Bad Request: message thread not found');
  });

  it('reports the bot as a topic-managing admin of forum groups', async () => {
    const me = await api.getChatMember(GROUP, fake.botInfo.id);
    expect(me).toMatchObject({ status: 'administrator', can_manage_topics: true });
    expect(await api.getChat(GROUP)).toMatchObject({
      id: GROUP,
      type: 'supergroup',
      title: 'FanBridge Team',
      is_forum: true,
    });
  });

  it('copies registered incoming messages into topics and rejects unknown sources', async () => {
    const topic = await api.createForumTopic(GROUP, 'Copies');
    const photo = privatePhoto(fan, { caption: 'my cat', fake }).message as Message;
    const copy = await api.copyMessage(GROUP, fan.id, photo.message_id, {
      message_thread_id: topic.message_thread_id,
    });
    const [copied] = fake.messagesIn(GROUP, topic.message_thread_id);
    expect(copied).toMatchObject({
      message_id: copy.message_id,
      caption: 'my cat',
      media: { kind: 'photo' },
      copied_from: { chat_id: fan.id, message_id: photo.message_id },
    });
    const unknown = await caught(api.copyMessage(GROUP, fan.id, 987_654));
    expect(unknown.description).toBe('Bad Request: message to copy not found');

    // A fan's reply in the topic can be copied back to the fan's private chat.
    const reply = groupTopicMessage(
      GROUP,
      topic.message_thread_id,
      fanUser(7, { first_name: 'Creator' }),
      'Thanks!',
      { fake },
    ).message as Message;
    expect(reply.reply_to_message?.message_id).toBe(topic.message_thread_id);
    await api.copyMessage(fan.id, GROUP, reply.message_id);
    expect(fake.messagesIn(fan.id).at(-1)).toMatchObject({ text: 'Thanks!', from_bot: true });
  });

  it('edits, refuses identical edits, pins and deletes', async () => {
    const msg = await api.sendMessage(fan.id, 'v1', {
      reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] },
    });
    const edited = await api.editMessageText(fan.id, msg.message_id, 'v2', {
      reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] },
    });
    expect(edited).toMatchObject({ text: 'v2' });
    const same = await caught(
      api.editMessageText(fan.id, msg.message_id, 'v2', {
        reply_markup: { inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] },
      }),
    );
    expect(same.description).toMatch(/^Bad Request: message is not modified: /);
    // Editing the text without reply_markup removes the keyboard, like Telegram.
    await api.editMessageText(fan.id, msg.message_id, 'v2');
    expect(fake.message(fan.id, msg.message_id)).toMatchObject({ text: 'v2', edited: true });
    expect(fake.message(fan.id, msg.message_id)?.reply_markup).toBeUndefined();

    await api.pinChatMessage(fan.id, msg.message_id);
    expect(fake.pins(fan.id)).toEqual([msg.message_id]);
    await api.unpinChatMessage(fan.id, msg.message_id);
    expect(fake.pins(fan.id)).toEqual([]);

    await api.deleteMessage(fan.id, msg.message_id);
    expect(fake.message(fan.id, msg.message_id)).toBeUndefined();
    expect((await caught(api.deleteMessage(fan.id, msg.message_id))).description).toBe(
      'Bad Request: message to delete not found',
    );
  });

  it('stores commands per scope and language, and handles Stars payments', async () => {
    await api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await api.setMyCommands([{ command: 'inbox', description: 'Inbox' }], {
      scope: { type: 'chat', chat_id: GROUP },
      language_code: 'de',
    });
    expect(fake.commands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await api.getMyCommands({ scope: { type: 'chat', chat_id: GROUP }, language_code: 'de' })).toEqual(
      [{ command: 'inbox', description: 'Inbox' }],
    );
    await expectViolation(
      api.setMyCommands([{ command: 'Start', description: 'x' }]),
      /BotCommand|may contain only lowercase/,
    );

    await api.sendInvoice(fan.id, 'Tip', 'A tip for Ana', 'tip:1', 'XTR', [{ label: 'Tip', amount: 50 }]);
    const paid = successfulPayment(fan, { payload: 'tip:1', total_amount: 50 }, { fake }).message as Message;
    const charge = paid.successful_payment?.telegram_payment_charge_id as string;
    await api.refundStarPayment(fan.id, charge);
    expect((await caught(api.refundStarPayment(fan.id, charge))).description).toBe(
      'Bad Request: CHARGE_ALREADY_REFUNDED',
    );
  });
});

describe('more methods', () => {
  it('forwards, copies in bulk, edits captions and keyboards, manages topics, sends paid media', async () => {
    const a = privateText(fan, 'first', { fake }).message as Message;
    const b = privatePhoto(fan, { caption: 'second', fake }).message as Message;
    const forwarded = await api.forwardMessage(GROUP, fan.id, a.message_id);
    expect(forwarded.forward_origin).toMatchObject({ type: 'user', sender_user: { id: fan.id } });
    const copies = await api.copyMessages(GROUP, fan.id, [a.message_id, b.message_id, 999_999]);
    expect(copies).toHaveLength(2);
    expect((await caught(api.copyMessages(GROUP, fan.id, [b.message_id, a.message_id]))).error_code).toBe(
      400,
    );

    const photo = await api.sendPhoto(fan.id, 'https://example.com/a.jpg', { caption: 'old' });
    await api.editMessageCaption(fan.id, photo.message_id, { caption: 'new' });
    expect(fake.message(fan.id, photo.message_id)?.caption).toBe('new');
    const keyboard = { inline_keyboard: [[{ text: 'Open', url: 'https://example.com' }]] };
    await api.editMessageReplyMarkup(fan.id, photo.message_id, { reply_markup: keyboard });
    expect(
      (await caught(api.editMessageReplyMarkup(fan.id, photo.message_id, { reply_markup: keyboard })))
        .description,
    ).toMatch(/message is not modified/);
    expect((await caught(api.editMessageText(fan.id, photo.message_id, 'text?'))).description).toBe(
      'Bad Request: there is no text in the message to edit',
    );
    expect((await caught(api.editMessageText(fan.id, a.message_id, 'not mine'))).description).toBe(
      "Bad Request: message can't be edited",
    );

    const topic = await api.createForumTopic(GROUP, 'Old name', { icon_color: 16766590 });
    await api.editForumTopic(GROUP, topic.message_thread_id, { name: 'New name' });
    await api.closeForumTopic(GROUP, topic.message_thread_id);
    await api.reopenForumTopic(GROUP, topic.message_thread_id);
    expect(fake.topics(GROUP).find((t) => t.message_thread_id === topic.message_thread_id)).toMatchObject({
      name: 'New name',
      closed: false,
    });
    await expectViolation(
      api.createForumTopic(GROUP, 'Bad color', { icon_color: 0x123456 as 7322096 }),
      /icon_color/,
    );

    const paid = await api.sendPaidMedia(
      fan.id,
      50,
      [{ type: 'photo', media: new InputFile(Buffer.from('x'), 'p.jpg') }],
      { caption: 'exclusive' },
    );
    expect(paid.paid_media?.star_count).toBe(50);
    expect(await api.getChatAdministrators(GROUP)).toEqual([
      expect.objectContaining({ status: 'administrator', can_manage_topics: true }),
    ]);
  });
});

describe('error injection', () => {
  it('injects a 429 with parameters.retry_after and counts an early retry', async () => {
    fake.resetStats();
    fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      retry_after: 7,
    });
    const err = await caught(api.sendMessage(fan.id, 'hello'));
    expect(err.error_code).toBe(429);
    expect(err.parameters.retry_after).toBe(7);
    expect(fake.calls.at(-1)?.error).toEqual({
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
    const early = await caught(api.sendMessage(fan.id, 'hello again'));
    expect(early.parameters.retry_after).toBeGreaterThanOrEqual(6);
    expect(fake.stats.earlyRetries).toBe(1);
    fake.resetFlood();
    await api.sendMessage(fan.id, 'after the wait');
  });

  it('only fails matching calls, the given number of times', async () => {
    fake.failNext(
      'sendMessage',
      { error_code: 400, description: 'Bad Request: chat not found' },
      { times: 2, match: (p) => p.chat_id === 1 },
    );
    await api.sendMessage(fan.id, 'unaffected');
    expect((await caught(api.sendMessage(1, 'a'))).description).toBe('Bad Request: chat not found');
    await expect(api.sendMessage(1, 'b')).rejects.toThrow(GrammyError);
    await api.sendMessage(1, 'c');
  });

  it('answers 403 for blocked chats and chats the bot was removed from', async () => {
    const blocked = 5550001;
    fake.blockChat(blocked);
    const err = await caught(api.sendMessage(blocked, 'hi'));
    expect(err).toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    fake.unblockChat(blocked);
    await api.sendMessage(blocked, 'hi again');

    const group = -1009999;
    fake.removeBotFromChat(group);
    expect((await caught(api.sendMessage(group, 'hi'))).description).toBe(
      'Forbidden: bot was kicked from the supergroup chat',
    );
    fake.restoreBotInChat(group);
  });

  it('leaveChat: the bot is out of the group or channel until it is added again', async () => {
    const owner = fanUser(777001, { first_name: 'Olga' });
    for (const chat of [
      groupChat(-1007770001, 'Strangers'),
      groupChat(-7770002, 'Old group', 'group'),
      groupChat(-1007770003, 'News', 'channel'),
    ]) {
      const added = myChatMember(owner, { new_status: 'administrator', chat }, { fake });
      expect(added.my_chat_member).toMatchObject({ chat, new_chat_member: { status: 'administrator' } });
      expect(fake.chat(chat.id)).toEqual(chat);
      expect(await api.leaveChat(chat.id)).toBe(true);
      expect(fake.hasLeft(chat.id)).toBe(true);
      expect(fake.callsTo('leaveChat').at(-1)!.payload).toEqual({ chat_id: chat.id });
      const kind = chat.type === 'channel' ? 'channel' : chat.type === 'group' ? 'group' : 'supergroup';
      expect(await caught(api.sendMessage(chat.id, 'still here?'))).toMatchObject({
        error_code: 403,
        description: `Forbidden: bot is not a member of the ${kind} chat`,
      });
      myChatMember(owner, { new_status: 'member', chat }, { fake });
      expect(fake.hasLeft(chat.id)).toBe(false);
    }
    expect((await caught(api.leaveChat(fan.id))).error_code).toBe(400);
  });

  it('groupMessage builds a plain group message the bot can reply to', async () => {
    const chat = groupChat(-1007770004, 'Chatter');
    fake.registerChat(chat);
    const update = groupMessage(chat, fan, 'hello all', { fake });
    expect(update.message).toMatchObject({ chat, from: fan, text: 'hello all' });
    expect(update.message).not.toHaveProperty('message_thread_id');
    await api.sendMessage(chat.id, 'hi', { reply_parameters: { message_id: update.message!.message_id } });
  });
});

describe('flood limits', () => {
  it('scales the real limits', () => {
    expect(REAL_FLOOD_LIMITS).toMatchObject({
      privatePerWindow: 1,
      privateWindowMs: 1000,
      groupPerWindow: 20,
      groupWindowMs: 60_000,
      globalPerWindow: 30,
    });
    expect(scaledFloodLimits(10)).toMatchObject({
      groupPerWindow: 20,
      groupWindowMs: 6000,
      privateWindowMs: 100,
      globalWindowMs: 100,
    });
  });

  it('answers 429 over the group budget of a scaled window', async () => {
    const floody = await startFakeTelegram({ flood: scaledFloodLimits(10) });
    try {
      const floodApi = new Api(floody.token, { apiRoot: floody.apiRoot });
      const topic = await floodApi.createForumTopic(GROUP, 'Busy'); // the topic's service message counts too
      for (let i = 0; i < 19; i++)
        await floodApi.sendMessage(GROUP, `msg ${i}`, { message_thread_id: topic.message_thread_id });
      const err = await caught(floodApi.sendMessage(GROUP, 'one too many'));
      expect(err.error_code).toBe(429);
      expect(err.description).toBe(`Too Many Requests: retry after ${err.parameters.retry_after}`);
      expect(err.parameters.retry_after).toBeGreaterThanOrEqual(5);
      expect(err.parameters.retry_after).toBeLessThanOrEqual(6);
      expect(floody.stats).toEqual({ tooManyRequests: 1, earlyRetries: 0 });
      // Another group has its own budget.
      await floodApi.sendMessage(GROUP - 1, 'elsewhere');
      floody.assertNoViolations();
    } finally {
      await floody.close();
    }
  });

  it('computes retry_after from the window and detects early retries (manual clock)', async () => {
    let now = 1_000_000;
    const floody = await startFakeTelegram({ flood: REAL_FLOOD_LIMITS, now: () => now });
    try {
      const floodApi = new Api(floody.token, { apiRoot: floody.apiRoot });
      await floodApi.sendMessage(fan.id, 'first');
      now += 300;
      const err = await caught(floodApi.sendMessage(fan.id, 'second'));
      expect(err.parameters.retry_after).toBe(1); // ceil(700 ms)
      now += 500; // retried before the second elapsed
      await caught(floodApi.sendMessage(fan.id, 'second'));
      expect(floody.stats).toEqual({ tooManyRequests: 2, earlyRetries: 1 });
      now += 500; // 1 s after the 429: allowed
      await floodApi.sendMessage(fan.id, 'second');
      // Not counted: chat actions, callback answers, getMe.
      await floodApi.sendChatAction(fan.id, 'typing');
      await floodApi.getMe();
      expect(floody.stats.tooManyRequests).toBe(2);
      // The global budget (30/s) applies across chats.
      for (let i = 0; i < 29; i++) await floodApi.sendMessage(fan.id + 1 + i, 'broadcast');
      const global = await caught(floodApi.sendMessage(fan.id + 100, 'broadcast'));
      expect(global.parameters.retry_after).toBe(1);
      floody.assertNoViolations();
    } finally {
      await floody.close();
    }
  });
  it('lets a client that honours retry_after through without early retries (auto-retry)', async () => {
    const floody = await startFakeTelegram({ flood: scaledFloodLimits(10) });
    try {
      const floodApi = new Api(floody.token, { apiRoot: floody.apiRoot });
      floodApi.config.use(autoRetry());
      const started = Date.now();
      await floodApi.sendMessage(fan.id, 'one');
      await floodApi.sendMessage(fan.id, 'two'); // 429 retry after 1, then retried after 1 s
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(floody.stats).toEqual({ tooManyRequests: 1, earlyRetries: 0 });
      expect(floody.messagesIn(fan.id).map((m) => m.text)).toEqual(['one', 'two']);
      floody.assertNoViolations();
    } finally {
      await floody.close();
    }
  });
});

describe('updates', () => {
  it('long-polls getUpdates until an update is pushed, and honours offset', async () => {
    const started = Date.now();
    const poll = api.getUpdates({ timeout: 10 });
    setTimeout(() => fake.pushUpdate(privateText(fan, 'are you there?')), 50);
    const [update] = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(update?.message?.text).toBe('are you there?');

    fake.pushUpdate(privateText(fan, 'second'));
    const both = await api.getUpdates();
    expect(both.map((u) => u.message?.text)).toEqual(['are you there?', 'second']);
    const rest = await api.getUpdates({ offset: (update?.update_id ?? 0) + 1 });
    expect(rest.map((u) => u.message?.text)).toEqual(['second']);
    expect(await api.getUpdates({ offset: (rest[0]?.update_id ?? 0) + 1, timeout: 0 })).toEqual([]);
  });

  it('filters by allowed_updates (message_reaction is not delivered by default)', async () => {
    fake.pushUpdate({
      update_id: 1,
      message_reaction: {
        chat: { id: fan.id, type: 'private', first_name: 'Ana' },
        message_id: 1,
        date: 1,
        old_reaction: [],
        new_reaction: [],
      },
    });
    fake.pushUpdate(command(fan, '/start', 'ref_42'));
    const updates = await api.getUpdates();
    expect(updates.map((u) => Object.keys(u)[1])).toEqual(['message']);
    expect(updates[0]?.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    await api.getUpdates({ offset: (updates[0]?.update_id ?? 0) + 1 });
  });

  it('answers 409 to getUpdates while a webhook is set', async () => {
    await api.setWebhook('https://bot.example.com/telegram', {
      secret_token: 'sekret_1',
      allowed_updates: ['message', 'callback_query'],
    });
    expect(fake.webhook).toEqual({
      url: 'https://bot.example.com/telegram',
      secret_token: 'sekret_1',
      allowed_updates: ['message', 'callback_query'],
    });
    const err = await caught(api.getUpdates());
    expect(err.error_code).toBe(409);
    expect(err.description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
    expect((await api.getWebhookInfo()).url).toBe('https://bot.example.com/telegram');
    await api.deleteWebhook();
    expect(fake.webhook).toBeNull();
    await api.getUpdates();
  });

  it('releases a waiting long poll promptly on close()', async () => {
    const other = await startFakeTelegram();
    const poll = new Api(other.token, { apiRoot: other.apiRoot }).getUpdates({ timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = Date.now();
    await other.close();
    expect(await poll).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('update builders', () => {
  it('build registered, realistic updates', async () => {
    const bea = fanUser(515151, { first_name: 'Bea', language_code: 'de' });
    const original = privateText(bea, 'helo', { fake });
    const edit = editedPrivateText(original, 'hello', { fake });
    expect(edit.edited_message).toMatchObject({ message_id: original.message?.message_id, text: 'hello' });
    expect(edit.edited_message?.edit_date).toBeTypeOf('number');
    expect(edit.update_id).toBeGreaterThan(original.update_id);
    expect(fake.message(bea.id, original.message?.message_id ?? 0)).toMatchObject({
      text: 'hello',
      from_bot: false,
      via: 'incoming',
    });

    const voice = privateVoice(bea, { fake }).message as Message;
    expect(voice.voice?.file_id).toMatch(/^AwAC/);
    expect(voice.message_id).toBe((original.message?.message_id ?? 0) + 1);
    await api.copyMessage(GROUP, bea.id, voice.message_id);
    expect((await api.getFile(voice.voice?.file_id as string)).file_path).toMatch(/^voices\//);

    const threadId = fake.addTopic(GROUP, 'Bea');
    const media = groupTopicMessage(
      GROUP,
      threadId,
      fanUser(9, { first_name: 'Creator' }),
      { kind: 'photo', caption: 'for you' },
      { fake },
    );
    expect(media.message).toMatchObject({
      chat: { id: GROUP, title: 'FanBridge Team', is_forum: true },
      is_topic_message: true,
      caption: 'for you',
    });
    expect(media.message?.reply_to_message?.forum_topic_created?.name).toBe('Bea');

    const query = preCheckoutQuery(bea, { payload: 'tip:2', total_amount: 25 });
    expect(query.pre_checkout_query).toMatchObject({
      currency: 'XTR',
      invoice_payload: 'tip:2',
      total_amount: 25,
    });
    await api.answerPreCheckoutQuery(query.pre_checkout_query?.id as string, true);
    expect(
      (await caught(api.answerPreCheckoutQuery(query.pre_checkout_query?.id as string, true))).error_code,
    ).toBe(400);

    const blocked = myChatMember(bea, { new_status: 'kicked' }, { fake });
    expect(blocked.my_chat_member).toMatchObject({
      old_chat_member: { status: 'member' },
      new_chat_member: { status: 'kicked', user: { id: fake.botInfo.id } },
    });
    expect((await caught(api.sendMessage(bea.id, 'still there?'))).error_code).toBe(403);
    myChatMember(bea, { new_status: 'member' }, { fake });
    await api.sendMessage(bea.id, 'welcome back');
  });
});

describe('with a grammY Bot', () => {
  it('handles updates through bot.handleUpdate (webhook style)', async () => {
    const bot = new Bot(fake.token, { botInfo: fake.botInfo, client: { apiRoot: fake.apiRoot } });
    bot.command('start', (ctx) =>
      ctx.reply(`Hi ${ctx.from?.first_name}! ref=${ctx.match}`, {
        reply_markup: { inline_keyboard: [[{ text: 'Menu', callback_data: 'menu' }]] },
      }),
    );
    bot.callbackQuery('menu', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText('The menu');
    });
    bot.on('message:photo', (ctx) => ctx.react('👀'));

    await bot.handleUpdate(command(fan, '/start', 'ref_42', { fake }));
    const reply = fake.messagesIn(fan.id).at(-1);
    expect(reply).toMatchObject({ text: 'Hi Ana! ref=ref_42', from_bot: true });

    await bot.handleUpdate(callbackQuery(fan, 'menu', reply as NonNullable<typeof reply>));
    expect(fake.message(fan.id, reply?.message_id ?? 0)).toMatchObject({ text: 'The menu', edited: true });

    const photo = privatePhoto(fan, { fake });
    await bot.handleUpdate(photo);
    expect(fake.reactions(fan.id, photo.message?.message_id ?? 0)).toEqual([{ type: 'emoji', emoji: '👀' }]);
  });

  it('runs a polling bot against the fake', async () => {
    const poller = await startFakeTelegram();
    const bot = new Bot(poller.token, { client: { apiRoot: poller.apiRoot } });
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    const running = bot.start({ drop_pending_updates: true });
    try {
      await poller.waitForPoll(); // the bot is now long-polling (drop_pending_updates already happened)
      poller.pushUpdate(privateText(fan, 'ping'));
      const call = await poller.waitForCall('sendMessage', { timeoutMs: 3000 });
      expect(call.payload).toMatchObject({ chat_id: fan.id, text: 'echo: ping' });
      expect(poller.callsTo('getMe')).toHaveLength(1);
    } finally {
      await bot.stop();
      await running;
      poller.assertNoViolations();
      await poller.close();
    }
  });
});

describe('getStarTransactions', () => {
  it('lists payments and refunds in chronological order, paged by offset, in the shape the spec gives', async () => {
    // A fake of its own: the shared one holds the payments of the tests before this one.
    const own = await startFakeTelegram();
    const ownApi = new Api(own.token, { apiRoot: own.apiRoot });
    onTestFinished(() => own.close());
    const spec = loadSpec();
    own.registerPayment({
      user_id: fan.id,
      telegram_payment_charge_id: 'stx-a',
      total_amount: 50,
      date: 1_700_000_000,
      invoice_payload: 'pay:1',
    });
    own.registerPayment({
      user_id: fan.id,
      telegram_payment_charge_id: 'stx-b',
      total_amount: 20,
      date: 1_700_000_100,
    });
    own.refundOutside('stx-a');
    const first = await ownApi.getStarTransactions({ offset: 0, limit: 2 });
    const rest = await ownApi.getStarTransactions({ offset: 2, limit: 2 });
    const all = [...first.transactions, ...rest.transactions];
    expect(all.map((t) => [t.id, t.source ? 'in' : 'out'])).toEqual([
      ['stx-a', 'in'],
      ['stx-b', 'in'],
      ['stx-a', 'out'],
    ]);
    expect(all[0]!.source).toMatchObject({
      type: 'user',
      transaction_type: 'invoice_payment',
      invoice_payload: 'pay:1',
    });
    // Every required field of StarTransaction and TransactionPartnerUser is there.
    const required = (type: string) =>
      spec
        .type(type)!
        .fields!.filter((f) => f.required)
        .map((f) => f.name);
    for (const t of all) {
      for (const name of required('StarTransaction')) expect(t).toHaveProperty(name);
      for (const name of required('TransactionPartnerUser'))
        expect(t.source ?? t.receiver).toHaveProperty(name);
    }
    // Over Telegram's 100 a page: refused, and flagged as a call real Telegram would reject (the shared fake).
    const err = await expectViolation(api.getStarTransactions({ limit: 101 }), /limit/);
    expect(err.error_code).toBe(400);
  });
});
