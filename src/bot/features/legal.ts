import { Composer } from 'grammy';
import type { Context } from '../context.ts';
import { escapeHtml } from '../texts.ts';
import { supportAskText, supportLimitText } from '../../app/messages.ts';

/** `/terms` and `/paysupport` (Telegram expects both from bots that sell in Stars); texts from settings. */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

feature.command('terms', async (ctx) => {
  const { terms_text } = await ctx.services.getSettings();
  await ctx.reply(`📄 ${escapeHtml(terms_text)}`, { parse_mode: 'HTML' });
});

// `/paysupport <text>` goes to the team at once; a bare one explains and waits for the next message.
feature.command('paysupport', async (ctx) => {
  const text = ctx.match.trim();
  const m = { userId: ctx.from.id, chatId: ctx.chat.id, messageId: ctx.msg.message_id };
  const res = text
    ? await ctx.services.support.send({ ...m, text })
    : await ctx.services.support.await(ctx.from.id);
  if (!res.ok) {
    if (res.code === 'limit') await ctx.reply(supportLimitText(res.perDay));
    return;
  }
  if (res.status === 'sent') return; // the receipt follows through the outbox
  const { paysupport_text } = await ctx.services.getSettings();
  await ctx.reply(`🛟 ${escapeHtml(paysupport_text)}\n\n${supportAskText}`, { parse_mode: 'HTML' });
});

export const legalFeature = composer;
