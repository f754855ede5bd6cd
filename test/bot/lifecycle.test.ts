import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../src/app/system/rate-limits.ts';
import { languageData } from '../../src/bot/callback-data/index.ts';
import { RetryUpdateError } from '../../src/bot/middlewares/update-lifecycle.ts';
import { LOCALES } from '../../src/domain/shared/index.ts';
import { createBotHarness, type BotHarness } from '../support/bot-harness.ts';
import { OWNER_ID } from '../support/config.ts';
import { en, tr } from '../support/i18n.ts';
import { callbackQuery, command, fanUser } from '../support/updates.ts';

let h: BotHarness;
beforeAll(async () => {
  h = await createBotHarness();
});
afterAll(() => h.dispose());
beforeEach(() => h.reset());

const [BURST] = RATE_LIMITS.interaction;

/** The clock at the start of a fresh burst window (windows are aligned on the epoch). */
function freshWindow(): void {
  const now = h.stack.clock.now().getTime();
  h.stack.clock.set(now - (now % BURST.windowMs) + BURST.windowMs);
}

describe('rate limits, on the harness clock', () => {
  it('/help beyond the burst: one slow-down naming the wait, then silence; a new window answers again', async () => {
    const fan = fanUser(40_001);
    freshWindow();
    for (let i = 0; i < BURST.limit + 3; i++) await h.handle(command(fan, '/help'));
    const texts = h.sentTo(fan.id).map((c) => String(c.payload.text));
    expect(texts.slice(0, BURST.limit).every((t) => t === en('help-text'))).toBe(true);
    expect(texts.slice(BURST.limit)).toEqual([
      en('common-slow-down', { seconds: Math.ceil(BURST.windowMs / 1000) }),
    ]);
    h.stack.clock.advance(BURST.windowMs);
    await h.handle(command(fan, '/help'));
    expect(h.lastText(fan.id)).toBe(en('help-text'));
  });

  it('a refused button is still answered (its spinner stops), silently after the first time', async () => {
    const fan = fanUser(40_002, { language_code: 'es' });
    freshWindow();
    await h.handle(command(fan, '/language'));
    const menu = h.lastMessage(fan.id);
    for (let i = 0; i < BURST.limit + 1; i++) await h.handle(callbackQuery(fan, 'nav:welcome', menu));
    const answers = h.callsTo('answerCallbackQuery').map((c) => c.payload);
    expect(answers).toHaveLength(BURST.limit + 1);
    expect(answers.at(-2)!.text).toBe(tr('es', 'common-slow-down', { seconds: 10 }));
    expect(answers.at(-1)!.text).toBeUndefined();
  });

  it('owners are not limited', async () => {
    const owner = fanUser(OWNER_ID);
    freshWindow();
    for (let i = 0; i < BURST.limit + 2; i++) await h.handle(command(owner, '/help'));
    expect(h.sentTo(OWNER_ID)).toHaveLength(BURST.limit + 2);
  });
});

describe('/language, in process', () => {
  it('lists the four languages, each named in itself, the current one ticked', async () => {
    const fan = fanUser(40_101, { language_code: 'ru' });
    await h.handle(command(fan, '/language'));
    expect(h.lastText(fan.id)).toBe(tr('ru', 'language-choose'));
    const buttons = h.keyboard(fan.id);
    expect(buttons.map((b) => b.callback_data)).toEqual(
      LOCALES.map((locale) => languageData.pack({ locale })),
    );
    expect(buttons.map((b) => b.text)).toEqual(
      LOCALES.map((l) => (l === 'ru' ? '✅ ' : '') + tr(l, 'language-name')),
    );
  });

  it('a choice is stored, confirmed in the new language, and the chat’s command menu follows', async () => {
    const fan = fanUser(40_102);
    await h.handle(command(fan, '/language'));
    const menu = h.lastMessage(fan.id);
    await h.handle(callbackQuery(fan, languageData.pack({ locale: 'pt-BR' }), menu));
    expect(h.lastAnswer()!.text).toBe(tr('pt-BR', 'language-set'));
    const edit = h.callsTo('editMessageText').at(-1)!.payload;
    expect(edit).toMatchObject({
      chat_id: fan.id,
      message_id: menu.message_id,
      text: tr('pt-BR', 'language-set'),
    });
    const commands = h.callsTo('setMyCommands').at(-1)!.payload;
    expect(commands.scope).toEqual({ type: 'chat', chat_id: fan.id });
    expect((commands.commands as Array<{ description: string }>)[0]!.description).toBe(
      tr('pt-BR', 'command-start'),
    );
    expect((await h.stack.user(fan.id))?.locale).toBe('pt-BR');
    // Telegram still says English: the stored choice wins from now on.
    await h.handle(command(fan, '/help'));
    expect(h.lastText(fan.id)).toBe(tr('pt-BR', 'help-text'));
  });

  it('a failing setMyCommands does not undo the choice', async () => {
    const fan = fanUser(40_103);
    await h.handle(command(fan, '/language'));
    h.respond('setMyCommands', () => ({ error: { error_code: 400, description: 'Bad Request: nope' } }));
    try {
      await h.handle(callbackQuery(fan, languageData.pack({ locale: 'es' }), h.lastMessage(fan.id)));
    } finally {
      h.respond('setMyCommands', null);
    }
    expect((await h.stack.user(fan.id))?.locale).toBe('es');
    expect(h.lastAnswer()!.text).toBe(tr('es', 'language-set'));
  });
});

describe('failures while answering', () => {
  it('Telegram refuses the answer for good (400): the fan gets an apology, the owner one alert per kind', async () => {
    const fan = fanUser(40_201);
    await h.handle(command(fan, '/start'));
    h.reset();
    let refusals = 0;
    h.respond('sendMessage', (p) =>
      p.chat_id === fan.id && p.text === en('help-text') && ++refusals
        ? { error: { error_code: 400, description: 'Bad Request: something odd' } }
        : undefined,
    );
    try {
      await h.handle(command(fan, '/help'));
      expect(h.lastText(fan.id)).toBe(en('common-error'));
      expect(h.sentTo(OWNER_ID)).toHaveLength(1);
      expect(String(h.sentTo(OWNER_ID)[0]!.payload.text)).toMatch(/something odd/);
      await h.handle(command(fan, '/help'));
      expect(h.sentTo(OWNER_ID)).toHaveLength(1); // the same kind within the window: no second alert
    } finally {
      h.respond('sendMessage', null);
    }
    expect(refusals).toBe(2);
  });

  it('a 5xx from Telegram before anything committed: handleUpdate throws RetryUpdateError (retry)', async () => {
    const fan = fanUser(40_202);
    await h.handle(command(fan, '/start'));
    h.respond('sendMessage', () => ({ error: { error_code: 502, description: 'Bad Gateway' } }));
    const update = command(fan, '/help');
    try {
      // grammY wraps what the middleware threw in a BotError.
      await expect(h.handle(update)).rejects.toMatchObject({ error: expect.any(RetryUpdateError) });
    } finally {
      h.respond('sendMessage', null);
    }
    // The redelivery is handled normally.
    await h.handle(update);
    expect(h.lastText(fan.id)).toBe(en('help-text'));
  });

  it('an update handled once is dropped when it comes again', async () => {
    const fan = fanUser(40_203);
    const update = command(fan, '/help');
    await h.handle(update);
    await h.handle(update);
    expect(h.sentTo(fan.id)).toHaveLength(1);
  });
});
