import { Composer, InlineKeyboard } from 'grammy';
import { formatDuration } from '../../domain/entitlement/index.ts';
import { buyData, cardPayData } from '../callback-data/index.ts';
import type { Context } from '../context.ts';
import { escapeHtml, texts } from '../texts.ts';
import { utcMinute } from '../../app/messages.ts';

/** Card payments (Stripe): the Checkout link, the `paid_<id>` deep link back, and `/billing`. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

function retryKeyboard(productId: number, card: boolean): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (card) kb.text('💳 Try again by card', cardPayData.pack({ product: productId }));
  return kb.text('⭐ Pay with Stars', buyData.pack({ product: productId }));
}

/** Sends the Stripe Checkout link for a product (a URL button), or says why there is none. */
export async function sendCheckoutLink(ctx: Context, productId: number): Promise<void> {
  const res = await ctx.services.billing.startCheckout({
    userId: ctx.from!.id,
    productId,
    botUsername: ctx.me.username,
  });
  if (res.ok) {
    await ctx.reply(
      `💳 <b>${escapeHtml(res.title)}</b> for ${escapeHtml(res.price)}\n` +
        'Tap below to pay on Stripe’s secure page. When it is done you come back here, and the purchase is confirmed in this chat.',
      {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().url(`Pay ${res.price}`, res.url),
      },
    );
    return;
  }
  if (res.code === 'banned') return void (await ctx.reply(ctx.t('billing-banned')));
  if (res.code === 'card_blocked') return void (await ctx.reply(ctx.t('billing-card-blocked')));
  ctx.logger.warn({ code: res.code, detail: res.detail, productId }, 'no checkout link');
  const text =
    res.code === 'unavailable'
      ? 'Card payments are not available here. You can pay with Telegram Stars: /buy'
      : res.code === 'provider_error'
        ? 'The card payment page could not be opened just now. Please try again in a minute, or pay with Telegram Stars: /buy'
        : res.code === 'not_for_card'
          ? 'This product can only be paid with Telegram Stars: /buy'
          : 'That product is no longer on sale. Send /buy to see what is.';
  await ctx.reply(text);
}

/** The answer to `/start paid_<id>`: where the fan's payment stands. */
export async function replyPaymentStatus(ctx: Context, paymentId: number): Promise<void> {
  const v = await ctx.services.billing.paymentStatus({ userId: ctx.from!.id, paymentId });
  if (!v.found) {
    await ctx.reply('I cannot find that payment. Your purchases are listed in /history.');
    return;
  }
  const p = v.payment;
  const what = `${escapeHtml(v.title)} (${escapeHtml(v.price)})`;
  const card = ctx.services.billing.enabled;
  switch (p.status) {
    case 'paid': {
      const now =
        p.kind === 'time' && v.passUntil
          ? `Your pass runs until ${utcMinute(v.passUntil)}.`
          : `Your balance: ${v.balance} credits.`;
      await ctx.reply(`✅ Payment #${p.id} received: ${what}. ${now}`);
      return;
    }
    case 'pending':
      await ctx.reply(
        `⏳ Payment #${p.id} for ${what} is not confirmed yet. If you just paid, the confirmation arrives here in a moment. If you left the payment page, you can start again:`,
        { reply_markup: retryKeyboard(p.productId, card && p.rail === 'stripe') },
      );
      return;
    case 'failed':
      await ctx.reply(`❌ Payment #${p.id} for ${what} did not go through. Nothing was charged.`, {
        reply_markup: retryKeyboard(p.productId, card),
      });
      return;
    case 'refunded':
      await ctx.reply(
        `↩️ Payment #${p.id} for ${what} was refunded${p.kind === 'time' ? ` (the ${formatDuration(p.quantity * 1000)} pass with it)` : ''}.`,
      );
      return;
  }
}

feature.callbackQuery(cardPayData.filter, async (ctx) => {
  const data = cardPayData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: texts.staleButton });
  await ctx.answerCallbackQuery();
  await sendCheckoutLink(ctx, data.product);
});

feature.command('billing', async (ctx) => {
  const res = await ctx.services.billing.portal({ userId: ctx.from.id, botUsername: ctx.me.username });
  if (res.ok) {
    await ctx.reply(
      '🧾 Your billing page: saved cards, receipts and payment history, on Stripe. The link works for a few minutes.',
      {
        reply_markup: new InlineKeyboard().url('Open billing', res.url),
      },
    );
    return;
  }
  if (res.code === 'provider_error') ctx.logger.warn({ detail: res.detail }, 'billing portal failed');
  await ctx.reply(
    res.code === 'unavailable'
      ? 'Card payments are not set up here, so there is no billing page. Purchases with Telegram Stars are in /history.'
      : res.code === 'no_customer'
        ? 'You have no billing profile yet. One is created the first time you pay by card: open /buy and tap a 💳 price. Your purchases so far are in /history.'
        : 'The billing page could not be opened just now. Please try again in a minute.',
  );
});

export const billingFeature = composer;
