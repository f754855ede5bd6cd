import { Composer } from 'grammy';
import type { StartView } from '../../app/accounts/onboarding.ts';
import type { Context } from '../context.ts';
import { navData } from '../callback-data/index.ts';
import {
  createBuyCreditsKeyboard,
  createCatalogKeyboard,
  createRailKeyboard,
  createWelcomeKeyboard,
} from '../keyboards/fan.ts';
import { contentFanKeyboards } from '../keyboards/content.ts';
import { escapeHtml } from '../../app/messages.ts';
import { catalogText, sendInvoice } from './buy.ts';
import { creatorTextFor } from '../../app/system/settings.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { parseStartPayload } from '../helpers/start-payload.ts';
import { replyPaymentStatus } from './billing.ts';
import { showAutoRecharge } from './auto-recharge.ts';

const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('start', async (ctx) => {
  const link = parseStartPayload(ctx.match);
  switch (link.kind) {
    // Stripe sends the fan back with t.me/<bot>?start=paid_<payment id>.
    case 'paid':
      return replyPaymentStatus(ctx, link.id);
    case 'autorecharge':
      return showAutoRecharge(ctx, false);
    case 'buy':
      return openProduct(ctx, link.id);
    case 'content':
      return openContentItem(ctx, link.id, `${ctx.chat.id}:${ctx.msg.message_id}`);
    case 'invalid':
      // A broken or made-up link: say so, then greet as usual.
      await ctx.reply(ctx.t('start-link-invalid'));
  }
  await replyStart(ctx);
});

/** A new fan: the welcome and the tour; a returning one: their balance and pass. */
async function replyStart(ctx: Context): Promise<void> {
  const view = await ctx.services.onboarding.startView(ctx.from!.id);
  await ctx.reply(await startText(ctx, view), {
    parse_mode: 'HTML',
    reply_markup: createWelcomeKeyboard(ctx.t, view?.kind === 'new' ? view.tutorialBonus : null),
  });
}

async function startText(ctx: Context, view: StartView | null): Promise<string> {
  if (view?.kind !== 'returning') return welcomeText(ctx);
  const lines = [
    view.firstName
      ? ctx.t('start-welcome-back-named', { name: view.firstName })
      : ctx.t('start-welcome-back'),
    ctx.t('start-welcome-back-balance', { balance: view.balance }),
  ];
  if (view.passRemainingMs > 0)
    lines.push(ctx.t('start-welcome-back-pass', { left: { duration: view.passRemainingMs } }));
  return lines.join('\n');
}

/** The creator's welcome in the fan's language (or their default one), else the catalogue's. */
export async function welcomeText(ctx: Context): Promise<string> {
  const own = creatorTextFor(await ctx.services.getSettings(), 'welcome_text', ctx.locale);
  return own ? escapeHtml(own) : ctx.t('start-welcome-default');
}

/** `start=buy_<product>`: Stars and card for it (with card payments on), else its Stars invoice. */
async function openProduct(ctx: Context, productId: number): Promise<void> {
  const res = await ctx.services.purchases.forLink(productId);
  if (!res.ok) {
    const key = res.code === 'off_sale' ? 'start-link-off-sale' : 'start-link-unknown-product';
    return void (await ctx.reply(ctx.t(key), { reply_markup: createBuyCreditsKeyboard(ctx.t) }));
  }
  const p = res.product;
  if (p.priceMinor !== null && (await ctx.services.billing.cardsOn()))
    return void (await ctx.reply(ctx.t('billing-rail-question', { title: p.title }), {
      parse_mode: 'HTML',
      reply_markup: createRailKeyboard(ctx.t, p),
    }));
  await sendInvoice(ctx, p.id);
}

/** `start=content_<item>`: the item's preview (or, owned, the card to send it again) through the outbox. */
async function openContentItem(ctx: Context, itemId: number, key: string): Promise<void> {
  const res = await ctx.services.content.show({
    userId: ctx.from!.id,
    itemId,
    key,
    keyboards: contentFanKeyboards,
  });
  if (res.ok) return;
  const text =
    res.code === 'off'
      ? 'content-off'
      : res.code === 'banned'
        ? 'billing-banned'
        : res.code === 'hidden'
          ? 'start-link-content-hidden'
          : 'start-link-content-unknown';
  await ctx.reply(ctx.t(text));
}

feature.callbackQuery(navData.filter, async (ctx) => {
  const data = navData.unpack(ctx.callbackQuery.data);
  if (!data) return ctx.answerCallbackQuery({ text: ctx.t('common-stale-button') });
  await ctx.answerCallbackQuery();
  if (data.to === 'catalog') {
    const products = await ctx.services.listCatalog();
    const card = await ctx.services.billing.cardsOn();
    await editOrIgnoreUnchanged(
      ctx,
      catalogText(ctx.t, products, card),
      createCatalogKeyboard(ctx.t, products, true, card),
    );
  } else {
    const view = await ctx.services.onboarding.startView(ctx.from.id);
    await editOrIgnoreUnchanged(
      ctx,
      await startText(ctx, view),
      createWelcomeKeyboard(ctx.t, view?.kind === 'new' ? view.tutorialBonus : null),
    );
  }
});

export const startFeature = composer;
