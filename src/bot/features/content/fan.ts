import { Composer } from 'grammy';
import { contentFanData, contentPageData, contentUnlockData } from '../../callback-data/content.ts';
import type { Context } from '../../context.ts';
import { contentFanKeyboards } from '../../keyboards/content.ts';
import { createBuyCreditsKeyboard } from '../../keyboards/fan.ts';

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
  if (!res.ok) await ctx.reply(ctx.t(res.code === 'off' ? 'content-off' : 'billing-banned'));
  else if (res.total === 0) await ctx.reply(ctx.t('content-empty'));
}

feature.command('content', (ctx) => browse(ctx, 1, `${ctx.chat.id}:${ctx.msg.message_id}`));

feature.callbackQuery(contentPageData.filter, async (ctx) => {
  const data = contentPageData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  await ctx.answerCallbackQuery();
  await browse(ctx, data.page, `cb:${ctx.callbackQuery.id}`);
});

feature.callbackQuery(contentFanData.filter, async (ctx) => {
  const data = contentFanData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  const a = { userId: ctx.from.id, itemId: data.item };
  if (data.action === 'resend') {
    const res = await ctx.services.content.resend(a);
    const text = ctx.t(!res.ok ? 'content-unavailable' : res.sent ? 'content-resent' : 'content-on-its-way');
    return ctx.answerCallbackQuery({ text });
  }
  if (data.action === 'stars') {
    const res = await ctx.services.content.startInvoice(a);
    if (!res.ok)
      return ctx.answerCallbackQuery({
        text:
          res.code === 'already_unlocked'
            ? ctx.t('content-already-owned')
            : res.code === 'banned'
              ? ctx.t('billing-banned')
              : ctx.t('content-unavailable'),
        show_alert: true,
      });
    await ctx.answerCallbackQuery();
    const { invoice } = res;
    // Telegram takes at most 255 characters, as plain text (the title is not escaped there).
    const described = ctx.t('content-invoice-description', { title: invoice.itemTitle, ...invoice.media });
    const description = [...unescapeHtml(described)].slice(0, 255).join('');
    return void (await ctx.replyWithInvoice(invoice.title, description, invoice.payload, 'XTR', [
      { label: invoice.title, amount: invoice.priceStars },
    ]));
  }
  // Only the two actions above decode (the codec checks the action).
});

feature.callbackQuery(contentUnlockData.filter, async (ctx) => {
  const data = contentUnlockData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
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
          ? ctx.t('content-unlocked', { cost: res.cost, balance: res.balance })
          : ctx.t(res.sent ? 'content-resent' : 'content-on-its-way'),
    });
  if (res.code === 'insufficient_credits') {
    await ctx.answerCallbackQuery();
    const args = { title: res.title, cost: res.cost, balance: res.balance };
    return void (await ctx.reply(ctx.t('content-insufficient', args), {
      parse_mode: 'HTML',
      reply_markup: createBuyCreditsKeyboard(ctx.t),
    }));
  }
  const text =
    res.code === 'banned'
      ? ctx.t('billing-banned')
      : res.code === 'price_changed'
        ? unescapeHtml(ctx.t('content-price-changed', { title: res.title, cost: res.cost }))
        : ctx.t('content-unavailable');
  return ctx.answerCallbackQuery({ text, show_alert: true });
});

/** A catalogue text for a plain-text field (an invoice, a button's answer): its arguments unescaped. */
const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export const contentFanFeature = composer;
