import { Composer } from 'grammy';
import { creatorTextFor, type CreatorTextKey } from '../../app/system/settings.ts';
import type { Context } from '../context.ts';
import { escapeHtml } from '../../app/messages.ts';

/**
 * `/terms` and `/paysupport` (Telegram expects both from bots that sell in Stars): the creator's own
 * texts in the fan's language, else the catalogue's. `/privacy` has its own feature (privacy.ts).
 */
const composer = new Composer<Context>();
const feature = composer.chatType('private');

/** The creator's text `key` in the reader's language (HTML-escaped), else the catalogue's `fallback`. */
export async function creatorText(ctx: Context, key: CreatorTextKey, fallback: string): Promise<string> {
  const own = creatorTextFor(await ctx.services.getSettings(), key, ctx.locale);
  return own ? escapeHtml(own) : ctx.t(fallback);
}

feature.command('terms', async (ctx) => {
  const text = await creatorText(ctx, 'terms_text', 'legal-terms-default');
  await ctx.reply(ctx.t('legal-terms', { text: { html: text } }), { parse_mode: 'HTML' });
});

// `/paysupport <text>` goes to the team at once; a bare one explains and waits for the next message.
feature.command('paysupport', async (ctx) => {
  const text = ctx.match.trim();
  const m = { userId: ctx.from.id, chatId: ctx.chat.id, messageId: ctx.msg.message_id };
  const res = text
    ? await ctx.services.support.send({ ...m, text })
    : await ctx.services.support.await(ctx.from.id);
  if (!res.ok) {
    if (res.code === 'limit') await ctx.reply(ctx.t('legal-paysupport-limit', { perDay: res.perDay }));
    return;
  }
  if (res.status === 'sent') return; // the receipt follows through the outbox
  const own = await creatorText(ctx, 'paysupport_text', 'legal-paysupport-default');
  await ctx.reply(
    `${ctx.t('legal-paysupport', { text: { html: own } })}\n\n${ctx.t('legal-paysupport-ask')}`,
    {
      parse_mode: 'HTML',
    },
  );
});

export const legalFeature = composer;
