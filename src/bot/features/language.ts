import { Composer, InlineKeyboard } from 'grammy';
import { LOCALES } from '../../domain/shared/index.ts';
import { languageData } from '../callback-data/index.ts';
import { commandsFor } from '../commands.ts';
import type { Context } from '../context.ts';

/**
 * `/language`: anyone in a private chat (a fan, or an owner for their own screens) picks the bot's
 * language. It is stored on their account; the command menu in their chat follows it.
 */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

/** Each language named in itself, so everyone finds theirs. */
function createLanguageKeyboard(ctx: Context): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const [i, locale] of LOCALES.entries()) {
    const current = locale === ctx.locale ? '✅ ' : '';
    kb.text(current + ctx.translate(locale, 'language-name'), languageData.pack({ locale }));
    if (i % 2 === 1) kb.row();
  }
  return kb;
}

feature.command('language', (ctx) =>
  ctx.reply(ctx.t('language-choose'), { reply_markup: createLanguageKeyboard(ctx) }),
);

feature.callbackQuery(languageData.filter, async (ctx) => {
  const data = languageData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  await ctx.services.setLanguage(ctx.from.id, data.locale);
  ctx.useLocale(data.locale);
  await ctx.answerCallbackQuery({ text: ctx.t('language-set') });
  await ctx
    .editMessageText(ctx.t('language-set'), { reply_markup: createLanguageKeyboard(ctx) })
    .catch((err: unknown) => ctx.logger.debug({ err }, 'language screen unchanged'));
  // The menu of commands in this chat, in the new language (best effort: the choice is stored anyway).
  await ctx.api
    .setMyCommands(await commandsFor(ctx, data.locale), { scope: { type: 'chat', chat_id: ctx.from.id } })
    .catch((err: unknown) => ctx.logger.warn({ err }, 'could not set the chat commands'));
});

export const languageFeature = composer;
