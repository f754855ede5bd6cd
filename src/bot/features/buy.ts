import { Composer } from 'grammy';
import { bannedPurchaseText } from '../../app/messages.ts';
import { buyData } from '../callback-data/index.ts';
import type { Context } from '../context.ts';
import { createCatalogKeyboard, createRailKeyboard } from '../keyboards/fan.ts';
import { catalogText, escapeHtml, texts } from '../texts.ts';

/** Buying with Telegram Stars: the catalog, quick-buy `/buyN`, invoices and their pre-checkout. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

async function sendInvoice(ctx: Context, productId: number): Promise<void> {
  const res = await ctx.services.purchases.start({ userId: ctx.from!.id, productId });
  if (!res.ok)
    return void (await ctx.reply(
      res.code === 'banned'
        ? bannedPurchaseText
        : 'That product is no longer on sale. Send /buy to see what is.',
    ));
  const { invoice } = res;
  // Stars: currency XTR and no provider token.
  await ctx.replyWithInvoice(invoice.title, invoice.description, invoice.payload, 'XTR', [
    { label: invoice.title, amount: invoice.priceStars },
  ]);
}

feature.command('buy', async (ctx) => {
  const products = await ctx.services.listCatalog();
  const card = ctx.services.billing.enabled;
  await ctx.reply(catalogText(products, card), {
    parse_mode: 'HTML',
    reply_markup: createCatalogKeyboard(products, false, card),
  });
});

// Quick-buy: /buy10, /buy25, /buy50… any credit pack by its size.
feature.hears(/^\/buy(\d{1,7})(?:@\w+)?$/, async (ctx) => {
  const { pack, packs } = await ctx.services.purchases.findCreditPack(Number(ctx.match[1]));
  if (pack && ctx.services.billing.enabled && pack.priceMinor !== null) {
    await ctx.reply(`${escapeHtml(pack.title)}: pay with Telegram Stars or by card?`, {
      reply_markup: createRailKeyboard(pack),
    });
    return;
  }
  if (pack) return sendInvoice(ctx, pack.id);
  const list = packs.map((p) => `/buy${p.amount} · ${escapeHtml(p.title)} (⭐ ${p.priceStars})`).join('\n');
  await ctx.reply(
    packs.length ? `There is no pack of ${ctx.match[1]} credits. The packs:\n${list}` : texts.catalogEmpty,
  );
});

feature.callbackQuery(buyData.filter, async (ctx) => {
  const data = buyData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  await ctx.answerCallbackQuery();
  await sendInvoice(ctx, data.product);
});

composer.on('pre_checkout_query', async (ctx) => {
  const q = ctx.preCheckoutQuery;
  const res = await ctx.services.purchases.preCheckout({
    userId: q.from.id,
    payload: q.invoice_payload,
    currency: q.currency,
    totalAmount: q.total_amount,
  });
  await (res.ok
    ? ctx.answerPreCheckoutQuery(true)
    : ctx.answerPreCheckoutQuery(false, {
        error_message:
          typeof res.message === 'string' ? res.message : ctx.t(res.message.key, res.message.args),
      }));
});

// `successful_payment` never reaches features: the payment inbox stores it (middlewares/payment-inbox.ts).

export const buyFeature = composer;
