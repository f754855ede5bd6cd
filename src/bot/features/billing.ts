import { Composer, InlineKeyboard } from 'grammy';
import { buyData, cardPayData } from '../callback-data/index.ts';
import type { Context, TranslateFn } from '../context.ts';

/** Card payments (Stripe): the Checkout link, the `paid_<id>` deep link back, and `/billing`. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

function retryKeyboard(t: TranslateFn, productId: number, card: boolean): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (card) kb.text(t('billing-card-retry-by-card-button'), cardPayData.pack({ product: productId }));
  return kb.text(t('billing-pay-stars-button'), buyData.pack({ product: productId }));
}

/** Sends the Stripe Checkout link for a product (a URL button), or says why there is none. */
export async function sendCheckoutLink(ctx: Context, productId: number): Promise<void> {
  const res = await ctx.services.billing.startCheckout({
    userId: ctx.from!.id,
    productId,
    botUsername: ctx.me.username,
  });
  if (res.ok) {
    await ctx.reply(ctx.t('billing-checkout-link', { title: res.title, price: res.price }), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().url(
        ctx.t('billing-checkout-pay-button', { price: res.price }),
        res.url,
      ),
    });
    return;
  }
  if (res.code === 'banned') return void (await ctx.reply(ctx.t('billing-banned')));
  if (res.code === 'card_blocked') return void (await ctx.reply(ctx.t('billing-card-blocked')));
  ctx.logger.warn({ code: res.code, detail: res.detail, productId }, 'no checkout link');
  const key =
    res.code === 'unavailable'
      ? 'billing-checkout-unavailable'
      : res.code === 'provider_error'
        ? 'billing-checkout-error'
        : res.code === 'not_for_card'
          ? 'billing-checkout-stars-only'
          : 'billing-not-on-sale';
  await ctx.reply(ctx.t(key));
}

/** The answer to `/start paid_<id>`: where the fan's payment stands. */
export async function replyPaymentStatus(ctx: Context, paymentId: number): Promise<void> {
  const v = await ctx.services.billing.paymentStatus({ userId: ctx.from!.id, paymentId });
  if (!v.found) {
    await ctx.reply(ctx.t('billing-status-not-found'));
    return;
  }
  const p = v.payment;
  const args = { id: p.id, title: v.title, price: v.price };
  const card = await ctx.services.billing.cardsOn();
  switch (p.status) {
    case 'paid':
      await ctx.reply(
        p.kind === 'time' && v.passUntil
          ? ctx.t('billing-status-paid-pass', { ...args, until: v.passUntil })
          : ctx.t('billing-status-paid-credits', { ...args, balance: v.balance }),
        { parse_mode: 'HTML' },
      );
      return;
    case 'pending':
      await ctx.reply(ctx.t('billing-status-pending', args), {
        parse_mode: 'HTML',
        reply_markup: retryKeyboard(ctx.t, p.productId, card && p.rail === 'stripe'),
      });
      return;
    case 'failed':
      await ctx.reply(ctx.t('billing-status-failed', args), {
        parse_mode: 'HTML',
        reply_markup: retryKeyboard(ctx.t, p.productId, card),
      });
      return;
    case 'refunded':
      await ctx.reply(
        p.kind === 'time'
          ? ctx.t('billing-status-refunded-pass', { ...args, duration: { duration: p.quantity * 1000 } })
          : ctx.t('billing-status-refunded', args),
        { parse_mode: 'HTML' },
      );
      return;
  }
}

feature.callbackQuery(cardPayData.filter, async (ctx) => {
  const data = cardPayData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  await ctx.answerCallbackQuery();
  await sendCheckoutLink(ctx, data.product);
});

feature.command('billing', async (ctx) => {
  const res = await ctx.services.billing.portal({ userId: ctx.from.id, botUsername: ctx.me.username });
  if (res.ok) {
    await ctx.reply(ctx.t('billing-portal'), {
      reply_markup: new InlineKeyboard().url(ctx.t('billing-portal-button'), res.url),
    });
    return;
  }
  if (res.code === 'provider_error') ctx.logger.warn({ detail: res.detail }, 'billing portal failed');
  await ctx.reply(
    ctx.t(
      res.code === 'unavailable'
        ? 'billing-portal-unavailable'
        : res.code === 'no_customer'
          ? 'billing-portal-no-customer'
          : 'billing-portal-error',
    ),
  );
});

export const billingFeature = composer;
