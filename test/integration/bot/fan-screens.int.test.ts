import { HUB_CATEGORIES } from '../../../src/bot/features/admin/hub/registry.ts';
import { en, tr } from '../../support/i18n.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../support/fake-telegram/index.ts';
import { eventually, startTestApp, type TestApp } from '../../support/app.ts';
import { OWNER_ID } from '../../support/config.ts';
import { callbackQuery, command, fanUser, privatePhoto, privateText } from '../../support/updates.ts';

let fake: FakeTelegram;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeTelegram();
  t = await startTestApp(fake); // no ADMIN_GROUP_ID: the line is not open yet
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});
afterEach(() => fake.assertNoViolations());

const lastTextTo = (chatId: number) => {
  const sent = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === chatId);
  return String(sent.at(-1)?.payload.text ?? '');
};

describe('fan screens', () => {
  it('publishes the fan commands at start (the topic tools only once a group is set), and the owners’ own', async () => {
    await eventually(() => fake.callsTo('setMyCommands').length >= 6, 5000, 'setMyCommands');
    // The fans' menu in English for everyone, then in each language; the owner's own in their chat.
    expect(
      fake.callsTo('setMyCommands').map((c) => [c.payload.scope, c.payload.language_code ?? null]),
    ).toEqual([
      [{ type: 'all_private_chats' }, null],
      [{ type: 'all_private_chats' }, 'en'],
      [{ type: 'all_private_chats' }, 'es'],
      [{ type: 'all_private_chats' }, 'ru'],
      [{ type: 'all_private_chats' }, 'pt'],
      [{ type: 'chat', chat_id: OWNER_ID }, null],
    ]);
    const commands = (i: number) =>
      fake.callsTo('setMyCommands')[i]!.payload.commands as Array<{ command: string; description: string }>;
    const names = (i: number) => commands(i).map((c) => c.command);
    expect(names(0)).toContain('content');
    expect(names(0)).toContain('language');
    // Without Stripe there is no /billing or /autorecharge to offer.
    expect(names(0)).not.toContain('billing');
    expect(names(0)).not.toContain('autorecharge');
    expect(names(5)).toEqual([...names(0), 'cancel', 'admin', ...HUB_CATEGORIES.map((c) => c.id), 'reset']);
    // Described in each language.
    expect(commands(3).find((c) => c.command === 'balance')!.description).toBe(tr('ru', 'command-balance'));
  });

  it('/start shows the welcome with the Start button (and the quick tour) that turns into the product list', async () => {
    const alice = fanUser(6001, { first_name: 'Alice' });
    await t.post(command(alice, '/start'));
    const welcome = fake.callsTo('sendMessage').at(-1)!;
    expect(welcome.payload.text).toMatch(/Welcome/);
    const keyboard = welcome.payload.reply_markup as {
      inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
    };
    // A new fan: Start, then the quick tour.
    expect(keyboard.inline_keyboard.flat()).toHaveLength(2);
    const button = keyboard.inline_keyboard[0]![0]!;
    expect(button.text).toBe('▶️ Start');

    const message = fake.messagesIn(alice.id).at(-1)!;
    await t.post(callbackQuery(alice, button.callback_data, message));
    expect(fake.callsTo('answerCallbackQuery')).not.toHaveLength(0);
    const edit = fake.callsTo('editMessageText').at(-1)!;
    expect(edit.payload.message_id).toBe(message.message_id);
    expect(edit.payload.text).toMatch(/10 credits[\s\S]*⭐ 50/);
    expect(edit.payload.text).toMatch(/7-day pass/);
  });

  it('/balance shows the bar and a low-balance alert', async () => {
    const bob = fanUser(6002, { first_name: 'Bob' });
    await t.post(command(bob, '/balance'));
    const text = lastTextTo(bob.id);
    expect(text).toContain('Credits: 3/3 [██████████] 100%'); // the welcome bonus
    expect(text).toMatch(/Low balance/);
  });

  it('/help explains and unknown commands get a helpful answer', async () => {
    const carol = fanUser(6003);
    await t.post(command(carol, '/help'));
    expect(lastTextTo(carol.id)).toMatch(/\/balance/);
    await t.post(command(carol, '/frobnicate'));
    expect(lastTextTo(carol.id)).toBe("I don't know /frobnicate. Send /help to see what I can do.");
  });

  it('tampered or stale callback data gets a clear answer, not a crash', async () => {
    const dan = fanUser(6004);
    await t.post(command(dan, '/start'));
    const message = fake.messagesIn(dan.id).at(-1)!;
    for (const data of ['nav:../../etc', 'nav', 'zzz:1:2', 'nav:catalog:extra']) {
      fake.reset();
      expect((await t.post(callbackQuery(dan, data, message))).status).toBe(200);
      const answer = fake.callsTo('answerCallbackQuery').at(-1);
      expect(answer?.payload.text).toMatch(/expired/);
      expect(fake.callsTo('editMessageText')).toHaveLength(0);
    }
  });

  it('before setup, a fan message is politely refused and the owner is told once', async () => {
    const erin = fanUser(6005);
    fake.reset();
    await t.post(privateText(erin, 'hello?'));
    await t.post(privatePhoto(erin));
    expect(lastTextTo(erin.id)).toBe(en('relay-not-open'));
    const toOwner = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === OWNER_ID);
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]!.payload.text).toMatch(/\/setup/);
  });

  it('a Telegram error while answering is logged, the fan gets an apology and the owner one alert', async () => {
    const fay = fanUser(6006);
    fake.reset();
    fake.failNext(
      'sendMessage',
      { error_code: 400, description: 'Bad Request: something odd' },
      { match: (p) => p.chat_id === fay.id },
    );
    expect((await t.post(command(fay, '/help'))).status).toBe(200);
    expect(lastTextTo(fay.id)).toBe(en('common-error'));
    const alerts = fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === OWNER_ID);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.payload.text).toMatch(/something odd/);
    // A second failure of the same kind within the window does not alert again.
    fake.failNext(
      'sendMessage',
      { error_code: 400, description: 'Bad Request: something odd' },
      { match: (p) => p.chat_id === fay.id },
    );
    await t.post(command(fay, '/help'));
    expect(fake.callsTo('sendMessage').filter((c) => c.payload.chat_id === OWNER_ID)).toHaveLength(1);
  });
});
