import type { Message, Update, User } from 'grammy/types';
import type { ContentItem } from '../../src/app/ports/index.ts';
import { createUnitOfWork } from '../../src/db/repos/index.ts';
import { eventually, type TestApp } from './app.ts';
import { OWNER_ID } from './config.ts';
import type { FakeTelegram, MediaKind, RecordedCall } from './fake-telegram/index.ts';
import { callbackQuery, command, fanUser, privateMedia, privateText } from './updates.ts';

/** Premium content, walked through as an owner and as fans do. */

export const owner = fanUser(OWNER_ID, { first_name: 'Olivia' });

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

let albumSeq = 0;

/** The media updates of one item: a single file, or an album (a fresh media_group_id) for several. */
export function mediaUpdates(fake: FakeTelegram, kinds: MediaKind[], from: User = owner): Update[] {
  const group = kinds.length > 1 ? { media_group_id: `77${Date.now()}${albumSeq++}` } : {};
  return kinds.map((kind) => privateMedia(from, kind, { fake, ...group }));
}

export async function contentItems(t: TestApp): Promise<ContentItem[]> {
  return createUnitOfWork(t.db.database).repos.content.listAll(0, 1000);
}

/** `/content add` as the owner: the media, then title, credits, Stars. Returns the new item. */
export async function addContentItem(
  t: TestApp,
  fake: FakeTelegram,
  opts: { title: string; credits: number; stars: number; media?: MediaKind[] },
): Promise<ContentItem> {
  const before = new Set((await contentItems(t)).map((i) => i.id));
  await t.post(command(owner, 'content', 'add', { fake }));
  for (const u of mediaUpdates(fake, opts.media ?? ['photo'])) await t.post(u);
  for (const answer of [opts.title, String(opts.credits), String(opts.stars)])
    await t.post(privateText(owner, answer, { fake }));
  const item = (await contentItems(t)).find((i) => !before.has(i.id));
  if (!item) throw new Error(`addContentItem: "${opts.title}" was not created`);
  return item;
}

/** Text (or caption) of the bot's latest message in a chat. */
export function lastBotText(fake: FakeTelegram, chatId: number): string {
  const m = fake
    .messagesIn(chatId)
    .filter((x) => x.from_bot)
    .at(-1);
  return m?.text ?? m?.caption ?? '';
}

export const buttonsOf = (m: { reply_markup?: unknown } | undefined) =>
  ((m?.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat();

/** A press on a button (by its callback data) of a message the bot sent. */
export function press(
  fake: FakeTelegram,
  from: User,
  chatId: number,
  messageId: number,
  data: string,
): Update {
  const m = fake.message(chatId, messageId);
  if (!m) throw new Error(`press: no message ${messageId} in ${chatId}`);
  return callbackQuery(from, data, m);
}

/** The answerCallbackQuery for a press (by the update's query id). */
export function answerTo(fake: FakeTelegram, update: Update): RecordedCall | undefined {
  const id = update.callback_query?.id;
  return fake.callsTo('answerCallbackQuery').find((c) => c.payload.callback_query_id === id);
}

/**
 * A fan's `/content`: waits for the page's footer (the last item the outbox sends for it) and returns
 * the messages the page consists of (previews, then the footer).
 */
export async function browse(t: TestApp, fake: FakeTelegram, fan: User, page?: Update): Promise<Message[]> {
  const since = fake.calls.length;
  await t.post(page ?? command(fan, 'content', undefined, { fake }));
  await eventually(
    () =>
      fake.calls
        .slice(since)
        // The footer, in any language (content-footer).
        .some((c) => c.ok && c.payload.chat_id === fan.id && /^🎁 <b>/.test(String(c.payload.text))),
    5000,
    'the content page footer',
  );
  return fake.calls
    .slice(since)
    .filter((c) => c.ok && c.payload.chat_id === fan.id && c.method !== 'answerCallbackQuery')
    .map((c) => c.result as Message);
}

/** Sends of an item's media to a chat (single sends and albums). */
export function mediaSendsTo(fake: FakeTelegram, chatId: number, since = 0): RecordedCall[] {
  const methods = ['sendPhoto', 'sendVideo', 'sendDocument', 'sendAudio', 'sendMediaGroup'];
  return fake.calls
    .slice(since)
    .filter((c) => c.ok && methods.includes(c.method) && c.payload.chat_id === chatId);
}
