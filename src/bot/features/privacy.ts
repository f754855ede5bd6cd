import { Composer, InlineKeyboard } from 'grammy';
import { privacyData } from '../callback-data/index.ts';
import type { Context } from '../context.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { createPrivacyKeyboard } from '../keyboards/fan.ts';
import { creatorText } from './legal.ts';

/**
 * `/privacy`: what the bot keeps and for how long (the creator's text, else the catalogue's), and
 * "Delete my data" behind a confirmation (app/accounts/privacy.ts).
 */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

const privacyText = async (ctx: Context) =>
  ctx.t('legal-privacy', { text: { html: await creatorText(ctx, 'privacy_text', 'legal-privacy-default') } });

feature.command('privacy', async (ctx) => {
  await ctx.reply(await privacyText(ctx), {
    parse_mode: 'HTML',
    reply_markup: createPrivacyKeyboard(ctx.t, false),
  });
});

feature.callbackQuery(privacyData.filter, async (ctx) => {
  const data = privacyData.unpack(ctx.callbackQuery.data);
  const message = ctx.callbackQuery.message;
  if (!data || !message) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  if (data.action === 'ask') {
    await ctx.answerCallbackQuery();
    return editOrIgnoreUnchanged(ctx, ctx.t('privacy-confirm'), createPrivacyKeyboard(ctx.t, true));
  }
  if (data.action === 'no') {
    await ctx.answerCallbackQuery({ text: ctx.t('privacy-kept') });
    return editOrIgnoreUnchanged(ctx, await privacyText(ctx), createPrivacyKeyboard(ctx.t, false));
  }
  // The confirmation's message names it: a double tap on it erases once.
  const res = await ctx.services.forgetMe({ userId: ctx.from.id, key: String(message.message_id) });
  if (!res.ok) return ctx.answerCallbackQuery({ text: ctx.t('common-send-start-first'), show_alert: true });
  await ctx.answerCallbackQuery();
  if (res.status === 'erased')
    await editOrIgnoreUnchanged(ctx, ctx.t('privacy-erased'), new InlineKeyboard());
});

export const privacyFeature = composer;
