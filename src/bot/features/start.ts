import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { isNavTarget, navData } from '../callback-data/index.ts';
import { createCatalogKeyboard, createWelcomeKeyboard } from '../keyboards/fan.ts';
import { catalogText, escapeHtml } from '../texts.ts';
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
  const { welcome_text } = await ctx.services.getSettings();
  await ctx.reply(escapeHtml(welcome_text), { parse_mode: 'HTML', reply_markup: createWelcomeKeyboard() });
});

feature.callbackQuery(navData.filter, async (ctx) => {
  const data = navData.unpack(ctx.callbackQuery.data);
  if (!data || !isNavTarget(data.to))
    return ctx.answerCallbackQuery({ text: 'This button has expired. Send /start.' });
  await ctx.answerCallbackQuery();
  if (data.to === 'catalog') {
    const products = await ctx.services.listCatalog();
    const card = ctx.services.billing.enabled;
    await editOrIgnoreUnchanged(
      ctx,
      catalogText(products, card),
      createCatalogKeyboard(products, true, card),
    );
  } else {
    const { welcome_text } = await ctx.services.getSettings();
    await editOrIgnoreUnchanged(ctx, escapeHtml(welcome_text), createWelcomeKeyboard());
  }
});

export const startFeature = composer;
