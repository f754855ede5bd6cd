import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { balanceText } from '../texts.ts';

const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('balance', async (ctx) => {
  const view = await ctx.services.getBalance(ctx.from.id);
  if (!view) return ctx.reply('Send /start first.');
  await ctx.reply(balanceText(view), { parse_mode: 'HTML' });
});

export const balanceFeature = composer;
