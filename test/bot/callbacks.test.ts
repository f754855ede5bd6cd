import type { Message } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardData, disputeBanData, giftData } from '../../src/bot/callback-data/admin.ts';
import { buyData, languageData } from '../../src/bot/callback-data/index.ts';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { ADMIN_GROUP_ID, OWNER_ID } from '../support/config.ts';
import { en } from '../support/i18n.ts';
import { callbackQuery, command, fanUser } from '../support/updates.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await createBotHarness();
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

/** What a pressed button may change: none of these calls must follow a refused press. */
const EFFECTS = ['editMessageText', 'editMessageReplyMarkup', 'sendInvoice', 'setMyCommands', 'sendMessage'];
const effects = () => h.calls.filter((c) => EFFECTS.includes(c.method));

/** A message of the bot in a fan's topic of the admin group (where card and gift buttons live). */
const topicMessage = (threadId: number): Message => ({
  message_id: 50_000 + threadId,
  date: Math.floor(Date.now() / 1000),
  chat: { id: ADMIN_GROUP_ID, type: 'supergroup', title: 'Inbox', is_forum: true },
  message_thread_id: threadId,
  is_topic_message: true,
});

describe('stale and forged callback data', () => {
  const fan = fanUser(20_001);
  let menu: Message;
  beforeAll(async () => {
    await h.handle(command(fan, '/start'));
    menu = h.lastMessage(fan.id);
  });

  it.each([
    'nav:../../etc',
    'nav',
    'nav:catalog:extra',
    'nav:CATALOG',
    'zzz:1:2',
    '',
    'lang:xx',
    'lang:en:1',
    'hist:x',
    'histcsv:1',
    'ar:bogus:1:1',
    'buy:abc',
    'buy:1e3',
  ])('%j is answered as expired and changes nothing', async (data) => {
    const update = callbackQuery(fan, data, menu);
    await h.handle(update);
    const answers = h.callsTo('answerCallbackQuery');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.payload.callback_query_id).toBe(update.callback_query!.id);
    expect(answers[0]!.payload.text).toBe(en('common-stale-button'));
    expect(effects()).toEqual([]);
  });

  it('a forged language button leaves the stored language alone', async () => {
    await h.handle(callbackQuery(fan, 'lang:xx', menu));
    expect((await h.stack.user(fan.id))?.locale).toBe('en');
    // The real one works on the same message.
    await h.handle(callbackQuery(fan, languageData.pack({ locale: 'es' }), menu));
    expect((await h.stack.user(fan.id))?.locale).toBe('es');
    await h.stack.services.setLanguage(fan.id, 'en');
  });

  it('a well-formed buy button for a product that does not exist sends no invoice', async () => {
    await h.handle(callbackQuery(fan, buyData.pack({ product: 987_654 }), menu));
    expect(h.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(h.callsTo('sendInvoice')).toHaveLength(0);
  });

  it('a real buy button sends a Stars invoice for that product', async () => {
    const [product] = await h.stack.services.listCatalog();
    await h.handle(callbackQuery(fan, buyData.pack({ product: product!.id }), menu));
    const invoice = h.callsTo('sendInvoice');
    expect(invoice).toHaveLength(1);
    expect(invoice[0]!.payload).toMatchObject({ chat_id: fan.id, currency: 'XTR' });
    expect(invoice[0]!.payload.prices).toEqual([{ label: product!.title, amount: product!.priceStars }]);
  });

  it('a fan who forges an owner’s ban button (a dispute alert) is refused, and nobody is banned', async () => {
    const victim = fanUser(20_002);
    await h.handle(command(victim, '/start'));
    h.reset();
    await h.handle(callbackQuery(fan, disputeBanData.pack({ user: victim.id }), menu));
    expect(h.lastAnswer()).toMatchObject({ show_alert: true });
    expect((await h.stack.user(victim.id))?.isBanned).toBe(false);
    expect(effects()).toEqual([]);
  });

  it('a member of the admin group who is not on the team cannot press card or gift buttons', async () => {
    const victim = fanUser(20_003);
    await h.handle(command(victim, '/start'));
    const stranger = fanUser(20_004, { first_name: 'Stranger' });
    const balance = (await h.stack.user(victim.id))!.creditBalance;
    h.reset();
    for (const data of [
      cardData.pack({ action: 'ban', user: victim.id }),
      giftData.pack({ kind: 'c', amount: 500, user: victim.id, menu: 'abcdefgh' }),
    ]) {
      await h.handle(callbackQuery(stranger, data, topicMessage(7)));
      expect(h.lastAnswer()).toMatchObject({ show_alert: true });
    }
    expect(h.callsTo('answerCallbackQuery')).toHaveLength(2);
    expect(effects()).toEqual([]);
    const after = (await h.stack.user(victim.id))!;
    expect(after.isBanned).toBe(false);
    expect(after.creditBalance).toBe(balance);
  });

  it('the owner’s card button bans, and pressing it again says it is done already', async () => {
    const victim = fanUser(20_005);
    await h.handle(command(victim, '/start'));
    const owner = fanUser(OWNER_ID, { first_name: 'Owner' });
    const ban = cardData.pack({ action: 'ban', user: victim.id });
    h.reset();
    await h.handle(callbackQuery(owner, ban, topicMessage(8)));
    expect((await h.stack.user(victim.id))?.isBanned).toBe(true);
    expect(h.callsTo('editMessageReplyMarkup')).toHaveLength(1);
    const first = h.lastAnswer()!.text;
    await h.handle(callbackQuery(owner, ban, topicMessage(8)));
    expect(h.lastAnswer()!.text).not.toBe(first);
    expect((await h.stack.user(victim.id))?.isBanned).toBe(true);
  });
});
