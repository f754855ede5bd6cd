import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { escapeHtml } from '../texts.ts';

/** `/terms` and `/paysupport` (Telegram expects both from bots that sell in Stars); texts from settings. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('terms', async (ctx) => {
  const { terms_text } = await ctx.services.getSettings();
  await ctx.reply(`📄 ${escapeHtml(terms_text)}`, { parse_mode: 'HTML' });
});

feature.command('paysupport', async (ctx) => {
  const { paysupport_text } = await ctx.services.getSettings();
  await ctx.reply(`🛟 ${escapeHtml(paysupport_text)}`, { parse_mode: 'HTML' });
});

export const legalFeature = composer;
