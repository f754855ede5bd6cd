import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { navData } from '../callback-data/index.ts';
import { createCatalogKeyboard, createWelcomeKeyboard } from '../keyboards/fan.ts';
import { escapeHtml } from '../../app/messages.ts';
import { catalogText } from './buy.ts';
import { creatorTextFor } from '../../app/system/settings.ts';
import { editOrIgnoreUnchanged } from '../helpers/edit.ts';
import { replyPaymentStatus } from './billing.ts';
import { showAutoRecharge } from './auto-recharge.ts';

const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('start', async (ctx) => {
  // Stripe sends the fan back with t.me/<bot>?start=paid_<payment id>.
  const paid = /^paid_(\d{1,15})$/.exec(ctx.match);
  if (paid) return replyPaymentStatus(ctx, Number(paid[1]));
  if (ctx.match === 'autorecharge') return showAutoRecharge(ctx, false);
  await ctx.reply(await welcomeText(ctx), { parse_mode: 'HTML', reply_markup: createWelcomeKeyboard(ctx.t) });
});

/** The creator's welcome in the fan's language (or their default one), else the catalogue's. */
async function welcomeText(ctx: Context): Promise<string> {
  const own = creatorTextFor(await ctx.services.getSettings(), 'welcome_text', ctx.locale);
  return own ? escapeHtml(own) : ctx.t('start-welcome-default');
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
    await editOrIgnoreUnchanged(ctx, await welcomeText(ctx), createWelcomeKeyboard(ctx.t));
  }
});

export const startFeature = composer;
