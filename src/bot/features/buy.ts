import { Composer } from 'grammy';
import type { Product, TextRef } from '../../app/ports/index.ts';
import { buyData } from '../callback-data/index.ts';
import type { Context, TranslateFn } from '../context.ts';
import { createCatalogKeyboard, createRailKeyboard } from '../keyboards/fan.ts';

/** Buying with Telegram Stars: the catalog, quick-buy `/buyN`, invoices and their pre-checkout. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

/** A card price, in the reader's number format. */
const cardPrice = (p: Product) => ({ money: { minor: p.priceMinor!, currency: p.currency } });

/** The catalog; card prices only where card payments are on. */
export function catalogText(t: TranslateFn, products: Product[], withCard = false): string {
  if (products.length === 0) return t('billing-catalog-empty');
  // A badge the creator set on the Products screen ("most popular", "best value").
  const badge = (p: Product) =>
    p.label === 'popular'
      ? ` ${t('billing-label-popular')}`
      : p.label === 'best_value'
        ? ` ${t('billing-label-best-value')}`
        : '';
  const line = (p: Product) =>
    (withCard && p.priceMinor !== null
      ? t('billing-product-line-card', { title: p.title, stars: p.priceStars, price: cardPrice(p) })
      : t('billing-product-line', { title: p.title, stars: p.priceStars })) + badge(p);
  const packs = products.filter((p) => p.kind === 'credits');
  const passes = products.filter((p) => p.kind === 'time');
  const sections = [t('billing-catalog-title')];
  if (packs.length) sections.push('', t('billing-catalog-packs'), ...packs.map(line));
  if (passes.length) sections.push('', t('billing-catalog-passes'), ...passes.map(line));
  sections.push('', t('billing-catalog-footer'));
  return sections.join('\n');
}

const render = (ctx: Context, m: string | TextRef) => (typeof m === 'string' ? m : ctx.t(m.key, m.args));

/** The Stars invoice for a product (refused for a banned fan or a product off sale). */
export async function sendInvoice(ctx: Context, productId: number): Promise<void> {
  const res = await ctx.services.purchases.start({ userId: ctx.from!.id, productId });
  if (!res.ok)
    return void (await ctx.reply(ctx.t(res.code === 'banned' ? 'billing-banned' : 'billing-not-on-sale')));
  const { invoice } = res;
  // Stars: currency XTR and no provider token.
  await ctx.replyWithInvoice(invoice.title, invoice.description, invoice.payload, 'XTR', [
    { label: invoice.title, amount: invoice.priceStars },
  ]);
}

feature.command('buy', async (ctx) => {
  const products = await ctx.services.listCatalog();
  const card = await ctx.services.billing.cardsOn();
  await ctx.reply(catalogText(ctx.t, products, card), {
    parse_mode: 'HTML',
    reply_markup: createCatalogKeyboard(ctx.t, products, false, card),
  });
});

// Quick-buy: /buy10, /buy25, /buy50… any credit pack by its size.
feature.hears(/^\/buy(\d{1,7})(?:@\w+)?$/, async (ctx) => {
  const { pack, packs } = await ctx.services.purchases.findCreditPack(Number(ctx.match[1]));
  if (pack && pack.priceMinor !== null && (await ctx.services.billing.cardsOn())) {
    await ctx.reply(ctx.t('billing-rail-question', { title: pack.title }), {
      parse_mode: 'HTML',
      reply_markup: createRailKeyboard(ctx.t, pack),
    });
    return;
  }
  if (pack) return sendInvoice(ctx, pack.id);
  const list = packs.map((p) =>
    ctx.t('billing-pack-line', { size: String(p.amount), title: p.title, stars: p.priceStars }),
  );
  await ctx.reply(
    packs.length
      ? [ctx.t('billing-no-such-pack', { credits: Number(ctx.match[1]) }), ...list].join('\n')
      : ctx.t('billing-catalog-empty'),
    { parse_mode: 'HTML' },
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
    : ctx.answerPreCheckoutQuery(false, { error_message: render(ctx, res.message) }));
});

// `successful_payment` never reaches features: the payment inbox stores it (middlewares/payment-inbox.ts).

export const buyFeature = composer;
