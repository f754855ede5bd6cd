import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { eventually, startForumApp, type TestApp } from '../../support/app.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../../support/config.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { en } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';
import {
  callbackQuery,
  chosenInlineResult,
  command,
  fanUser,
  groupTopicMessage,
  inlineQuery,
  privateDocument,
  privateText,
} from '../../support/updates.ts';

/**
 * Quick replies end to end, against the fake Bot API (which checks every call against the spec): a
 * .txt file imported in the control center, inline answers for the team only, a chosen result counted,
 * and the template sent via the bot in a fan's topic relayed to the fan with the usual marks.
 */
let fake: FakeTelegram;
let t: TestApp;
const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });
const alice = fanUser(301, { first_name: 'Alice' });

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

const repos = () => createUnitOfWork(t.db.database).repos;
const lastTo = (chatId: number) =>
  fake.calls.filter((c) => c.ok && c.method === 'sendMessage' && c.payload.chat_id === chatId).at(-1)!;

const FILE = [
  '# our answers',
  '=== [Money] Prices',
  'A text costs 1 credit, a photo 3.',
  '',
  '=== Thanks',
  'Thank you, talk soon!',
].join('\n');

describe('quick replies', () => {
  it('imports a .txt file, answers inline queries per the spec, and a chosen one reaches the fan like any reply', async () => {
    // Import through the control center: the button, then the file.
    await t.post(command(owner, '/quickreplies', undefined, { fake }));
    const menu = lastTo(owner.id);
    const markup = menu.payload.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
    };
    const button = markup.inline_keyboard.flat().find((b) => b.text === en('admin-qr-import-button'))!;
    await t.post(callbackQuery(owner, button.callback_data, menu.result as Message));
    const upload = privateDocument(owner, { fake });
    const doc = upload.message!.document!;
    Object.assign(doc, { file_name: 'replies.txt', mime_type: 'text/plain' });
    fake.setFileContents(doc.file_id, Buffer.from(FILE, 'utf8'));
    await t.post(upload);
    expect(String(lastTo(owner.id).payload.text)).toContain(
      en('admin-qr-import-done', { added: 2, updated: 0, unchanged: 0 }),
    );
    const prices = (await repos().quickReplies.list()).find((x) => x.title === 'Prices')!;

    // A fan's topic.
    await t.post(privateText(alice, 'How much is a photo?', { fake }));
    await eventually(() => fake.callsTo('copyMessage').length === 1, 5000, 'the relay');
    const threadId = (await repos().topics.get(alice.id))!.threadId!;

    // The team gets results (accepted by the spec); anyone else an empty, uncached answer.
    await t.post(inlineQuery(owner, 'photo'));
    const answer = fake.callsTo('answerInlineQuery').at(-1)!;
    expect(answer.ok).toBe(true);
    expect(answer.violations ?? []).toEqual([]);
    expect(answer.payload).toMatchObject({
      is_personal: true,
      results: [
        {
          type: 'article',
          id: `qr${prices.id}`,
          title: 'Prices',
          input_message_content: { message_text: 'A text costs 1 credit, a photo 3.' },
        },
      ],
    });
    await t.post(inlineQuery(alice, 'photo'));
    const refused = fake.callsTo('answerInlineQuery').at(-1)!;
    expect(refused.ok).toBe(true);
    expect(refused.payload).toMatchObject({ results: [], cache_time: 0, is_personal: true });

    // Picked: counted once (Telegram's feedback), then the message it sends lands in the topic.
    await t.post(chosenInlineResult(owner, `qr${prices.id}`, 'photo'));
    expect((await repos().quickReplies.get(prices.id))!.uses).toBe(1);
    const sent = groupTopicMessage(ADMIN_GROUP_ID, threadId, owner, prices.body, { fake });
    Object.assign(sent.message!, { via_bot: fake.botInfo });
    await t.post(sent);
    const toFan = await eventually(
      () => fake.callsTo('copyMessage').find((c) => c.payload.chat_id === alice.id),
      5000,
      'the template to the fan',
    );
    expect(toFan.payload).toMatchObject({
      from_chat_id: ADMIN_GROUP_ID,
      message_id: sent.message!.message_id,
    });
    await eventually(() => fake.reactions(ADMIN_GROUP_ID, sent.message!.message_id).length > 0, 5000, '👌');
    expect(JSON.stringify(fake.reactions(ADMIN_GROUP_ID, sent.message!.message_id))).toContain('👌');
    expect(fake.violations).toEqual([]);
  });
});
