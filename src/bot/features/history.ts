import { Composer, InputFile } from 'grammy';
import { historyCsvData, historyData } from '../callback-data/index.ts';
import type { Context } from '../context.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { createHistoryKeyboard } from '../keyboards/fan.ts';
import { historyText } from '../texts.ts';

/** `/history`: the fan's purchases and spending with totals, paged on one message, and a CSV export. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('history', async (ctx) => {
  const h = await ctx.services.history.page(ctx.from.id, 1);
  await ctx.reply(historyText(h), { parse_mode: 'HTML', reply_markup: createHistoryKeyboard(h) });
});

feature.callbackQuery(historyData.filter, async (ctx) => {
  const data = historyData.unpack(ctx.callbackQuery.data);
  if (!data || data.page < 1) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  // Pages past the end (the history cannot shrink, but the button may be tampered with) are clamped.
  const h = await ctx.services.history.page(ctx.from.id, data.page);
  await ctx.answerCallbackQuery();
  // Pressing the page already shown changes nothing.
  await editOrIgnoreUnchanged(ctx, historyText(h), createHistoryKeyboard(h));
});

feature.callbackQuery(historyCsvData.filter, async (ctx) => {
  if (!historyCsvData.unpack(ctx.callbackQuery.data)) {
    return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  }
  await ctx.answerCallbackQuery();
  const csv = await ctx.services.history.csv(ctx.from.id);
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv), 'history.csv'));
});

export const historyFeature = composer;
