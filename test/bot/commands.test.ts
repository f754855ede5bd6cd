import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navData } from '../../src/bot/callback-data/index.ts';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { en, tr } from '../support/i18n.ts';
import { callbackQuery, command, fanUser } from '../support/updates.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await createBotHarness();
});
afterAll(() => h.dispose());

describe('fan commands, in process', () => {
  it('/start: the default welcome with the Start button (and, for a new fan, the quick tour)', async () => {
    const fan = fanUser(10_001);
    await h.handle(command(fan, '/start'));
    expect(h.lastText(fan.id)).toBe(en('start-welcome-default'));
    expect(h.keyboard(fan.id)[0]).toEqual({
      text: en('start-button'),
      callback_data: navData.pack({ to: 'catalog' }),
    });
  });

  it('Start turns the welcome into the catalog; Back turns it into the welcome again', async () => {
    const fan = fanUser(10_002);
    await h.handle(command(fan, '/start'));
    const welcome = h.lastMessage(fan.id);
    await h.handle(callbackQuery(fan, navData.pack({ to: 'catalog' }), welcome));
    const catalog = h.callsTo('editMessageText').at(-1)!;
    expect(catalog.payload.message_id).toBe(welcome.message_id);
    const products = await h.stack.services.listCatalog();
    const buttons = (
      catalog.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string }>> }
    ).inline_keyboard
      .flat()
      .map((b) => b.text);
    expect(buttons).toHaveLength(products.length + 1);
    expect(buttons.at(-1)).toBe(en('common-back'));

    await h.handle(callbackQuery(fan, navData.pack({ to: 'welcome' }), welcome));
    expect(h.callsTo('editMessageText').at(-1)!.payload.text).toBe(en('start-welcome-default'));
    // Every press was answered (the spinner stops).
    expect(h.callsTo('answerCallbackQuery').filter((c) => c.payload.callback_query_id)).toHaveLength(2);
  });

  it('/start in Spanish greets in Spanish', async () => {
    const fan = fanUser(10_003, { language_code: 'es' });
    await h.handle(command(fan, '/start'));
    expect(h.lastText(fan.id)).toBe(tr('es', 'start-welcome-default'));
    expect(h.keyboard(fan.id)[0]!.text).toBe(tr('es', 'start-button'));
  });

  it.each([
    [10_101, 'en', 'en'],
    [10_102, 'es', 'es'],
    [10_103, 'ru', 'ru'],
    [10_104, 'pt-br', 'pt-BR'],
    [10_105, 'pt', 'pt-BR'],
    [10_106, 'de', 'en'],
  ] as const)('/help (fan %i, language_code %s) is in %s', async (id, code, locale) => {
    const fan = fanUser(id, { language_code: code });
    await h.handle(command(fan, '/help'));
    expect(h.lastText(fan.id)).toBe(tr(locale, 'help-text'));
    expect((await h.stack.user(fan.id))?.locale).toBe(locale);
  });

  it('an unknown command names itself and points to /help', async () => {
    const fan = fanUser(10_004);
    await h.handle(command(fan, '/frobnicate'));
    expect(h.lastText(fan.id)).toBe(en('common-unknown-command', { command: '/frobnicate' }));
  });

  it('an unknown command addressed to the bot (/cmd@bot) is named without the mention', async () => {
    const fan = fanUser(10_005, { language_code: 'ru' });
    await h.handle(command(fan, '/nope@fanbridge_test_bot'));
    expect(h.lastText(fan.id)).toBe(tr('ru', 'common-unknown-command', { command: '/nope' }));
  });

  it('/balance as the very first update: the account exists, with the new-fan bonus, and is shown', async () => {
    const fan = fanUser(10_006);
    expect(await h.stack.user(fan.id)).toBeNull();
    await h.handle(command(fan, '/balance'));
    const user = (await h.stack.user(fan.id))!;
    expect(user.creditBalance).toBeGreaterThan(0);
    const text = h.lastText(fan.id)!;
    expect(text).toContain(en('balance-title'));
    expect(text).toContain(`Credits: ${user.creditBalance}/`);
  });

  it('/balance shows an active pass and no low-balance alert for a fan with credits', async () => {
    const fan = fanUser(10_007);
    await h.handle(command(fan, '/start'));
    await h.stack.grant(fan.id, 100);
    await h.stack.setPass(fan.id, new Date(h.stack.clock.now().getTime() + 2 * 3600_000));
    await h.handle(command(fan, '/balance'));
    const text = h.lastText(fan.id)!;
    expect(text).toContain(en('balance-pass', { left: { duration: 2 * 3600_000 } }));
    expect(text).not.toContain(en('balance-low', { threshold: 1 }).slice(0, 10));
  });

  it('/balance in Russian', async () => {
    const fan = fanUser(10_008, { language_code: 'ru' });
    await h.handle(command(fan, '/balance'));
    expect(h.lastText(fan.id)).toContain(tr('ru', 'balance-title'));
  });

  it('a command in a group that is not the admin group gets no answer; the bot leaves it', async () => {
    const fan = fanUser(10_009);
    const before = h.calls.length;
    await h.handle({
      update_id: 990_000_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: -100_555, type: 'supergroup', title: 'Elsewhere' },
        from: fan,
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    });
    const after = h.calls.slice(before);
    expect(after.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    expect(after.map((c) => c.method)).toEqual(['leaveChat']);
  });
});
