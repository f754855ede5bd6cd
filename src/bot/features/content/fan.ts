import { Composer } from 'grammy';
import { contentFanData, contentPageData, contentUnlockData } from '../../callback-data/content.ts';
import type { Context } from '../../context.ts';
import { contentFanKeyboards } from '../../keyboards/content.ts';
import { createBuyCreditsKeyboard } from '../../keyboards/fan.ts';
import { contentTexts, texts } from '../../texts.ts';

/**
 * Fans browse `/content` (locked previews through the outbox), unlock with credits, pay in Stars
 * (paid media, or an invoice for files and audio), and get what they own sent again.
 */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

async function browse(ctx: Context, page: number, key: string): Promise<void> {
  const res = await ctx.services.content.browse({
    userId: ctx.from!.id,
    page,
    key,
    keyboards: contentFanKeyboards,
  });
  if (!res.ok) await ctx.reply(ctx.t('billing-banned'));
  else if (res.total === 0) await ctx.reply(contentTexts.fanEmpty);
}

feature.command('content', (ctx) => browse(ctx, 1, `${ctx.chat.id}:${ctx.msg.message_id}`));

feature.callbackQuery(contentPageData.filter, async (ctx) => {
  const data = contentPageData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: texts.staleButton });
  await ctx.answerCallbackQuery();
  await browse(ctx, data.page, `cb:${ctx.callbackQuery.id}`);
});

feature.callbackQuery(contentFanData.filter, async (ctx) => {
  const data = contentFanData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: texts.staleButton });
  const a = { userId: ctx.from.id, itemId: data.item };
  if (data.action === 'resend') {
    const res = await ctx.services.content.resend(a);
    const text = !res.ok
      ? contentTexts.fanUnavailable
      : res.sent
        ? contentTexts.fanResent
        : contentTexts.fanOnItsWay;
    return ctx.answerCallbackQuery({ text });
  }
  if (data.action === 'stars') {
    const res = await ctx.services.content.startInvoice(a);
    if (!res.ok)
      return ctx.answerCallbackQuery({
        text:
          res.code === 'already_unlocked'
            ? contentTexts.fanAlreadyOwned
            : res.code === 'banned'
              ? ctx.t('billing-banned')
              : contentTexts.fanUnavailable,
        show_alert: true,
      });
    await ctx.answerCallbackQuery();
    const { invoice } = res;
    return void (await ctx.replyWithInvoice(invoice.title, invoice.description, invoice.payload, 'XTR', [
      { label: invoice.title, amount: invoice.priceStars },
    ]));
  }
  // Only the two actions above decode (the codec checks the action).
});

feature.callbackQuery(contentUnlockData.filter, async (ctx) => {
  const data = contentUnlockData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: texts.staleButton });
  const preview = ctx.callbackQuery.message?.message_id;
  const res = await ctx.services.content.unlockWithCredits({
    userId: ctx.from.id,
    itemId: data.item,
    expectedCredits: data.credits,
    ...(preview ? { previewMessageId: preview } : {}),
  });
  if (res.ok)
    return ctx.answerCallbackQuery({
      text:
        res.status === 'unlocked'
          ? contentTexts.fanUnlocked(res.cost, res.balance)
          : res.sent
            ? contentTexts.fanResent
            : contentTexts.fanOnItsWay,
    });
  if (res.code === 'insufficient_credits') {
    await ctx.answerCallbackQuery();
    return void (await ctx.reply(contentTexts.fanInsufficient(res.title, res.cost, res.balance), {
      parse_mode: 'HTML',
      reply_markup: createBuyCreditsKeyboard(),
    }));
  }
  const text =
    res.code === 'banned'
      ? ctx.t('billing-banned')
      : res.code === 'price_changed'
        ? contentTexts.fanPriceChanged(res.title, res.cost)
        : contentTexts.fanUnavailable;
  return ctx.answerCallbackQuery({ text, show_alert: true });
});

export const contentFanFeature = composer;
