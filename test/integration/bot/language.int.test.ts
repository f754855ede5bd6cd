import { describe, expect, it } from 'vitest';
import { createUnitOfWork } from '../../../src/db/repos/index.ts';
import { startForumApp, type TestApp } from '../../support/app.ts';
import type { FakeTelegram } from '../../support/fake-telegram/index.ts';
import { tr } from '../../support/i18n.ts';
import { useApp } from '../../support/suite.ts';
import { callbackQuery, command, fanUser } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

useApp(
  () => startForumApp(),
  (s) => ({ fake, t } = s),
);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const lastTo = (id: number) =>
  fake
    .callsTo('sendMessage')
    .filter((c) => c.ok && c.payload.chat_id === id)
    .at(-1)!;
const localeOf = async (id: number) => (await createUnitOfWork(t.db.database).repos.users.get(id))?.locale;

describe('a fan is served in their language', () => {
  it.each([
    ['es', 'es'],
    ['ru', 'ru'],
    ['pt-br', 'pt-BR'],
    ['de', 'en'],
  ] as const)('language_code %s → %s: /help and /balance', async (code, locale) => {
    const fan = fanUser(7100 + code.length * 10 + code.charCodeAt(0), { language_code: code });
    await t.post(command(fan, '/help'));
    expect(lastTo(fan.id).payload.text).toBe(tr(locale, 'help-text'));
    await t.post(command(fan, '/balance'));
    expect(lastTo(fan.id).payload.text).toContain(tr(locale, 'balance-title'));
    expect(await localeOf(fan.id)).toBe(locale);
  });

  it('/language lists the four languages, each in itself, and switches; the choice is kept', async () => {
    const fan = fanUser(7201, { language_code: 'en' });
    await t.post(command(fan, '/language'));
    const menu = lastTo(fan.id);
    expect(menu.payload.text).toBe(tr('en', 'language-choose'));
    const buttons = (menu.payload.reply_markup as Keyboard).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual([
      '✅ English',
      tr('es', 'language-name'),
      tr('ru', 'language-name'),
      tr('pt-BR', 'language-name'),
    ]);
    const russian = buttons[2]!;
    await t.post(callbackQuery(fan, russian.callback_data, fake.messagesIn(fan.id).at(-1)!));
    expect(fake.callsTo('answerCallbackQuery').at(-1)!.payload.text).toBe(tr('ru', 'language-set'));
    expect(fake.callsTo('editMessageText').at(-1)!.payload.text).toBe(tr('ru', 'language-set'));
    // The menu of commands in their chat follows.
    const menuCall = fake.callsTo('setMyCommands').at(-1)!;
    expect(menuCall.payload.scope).toEqual({ type: 'chat', chat_id: fan.id });
    expect((menuCall.payload.commands as Array<{ description: string }>)[0]!.description).toBe(
      tr('ru', 'command-start'),
    );
    expect(await localeOf(fan.id)).toBe('ru');
    // Telegram still says English: the stored choice wins.
    await t.post(command(fan, '/help'));
    expect(lastTo(fan.id).payload.text).toBe(tr('ru', 'help-text'));
  });

  it('a tampered language button is stale, not a crash', async () => {
    const fan = fanUser(7202);
    await t.post(command(fan, '/language'));
    await t.post(callbackQuery(fan, 'lang:xx', fake.messagesIn(fan.id).at(-1)!));
    expect(fake.callsTo('answerCallbackQuery').at(-1)!.payload.text).toBe(tr('en', 'common-stale-button'));
    expect(await localeOf(fan.id)).toBe('en');
  });
});
