import { Composer } from 'grammy';
import type { InlineQueryResultArticle, MessageEntity } from 'grammy/types';
import type { QuickReply } from '../../app/ports/index.ts';
import type { Context } from '../context.ts';
import { cut } from './admin/hub/screen.ts';

/**
 * Quick replies through the bot's inline mode: a team member types `@bot word` in a fan's topic and
 * picks a template; Telegram sends it as their own message (`via_bot`), which the admin relay carries to
 * the fan like any reply, with the same 👌/👀 marks. The group's flood budget is never spent on a picker.
 * Anyone who may not use them gets an empty, uncached answer. A chosen result (Telegram's feedback, when
 * /setinlinefeedback is on in @BotFather) counts one use.
 */
const composer = new Composer<Context>();

/** `qr<id>`: a result's id, and what `chosen_inline_result` names. */
const RESULT_ID = /^qr(\d{1,10})$/;

function article(t: QuickReply): InlineQueryResultArticle {
  const oneLine = t.body.replace(/\s+/g, ' ');
  return {
    type: 'article',
    id: `qr${t.id}`,
    title: cut(t.title, 64),
    description: cut(t.category ? `${t.category} · ${oneLine}` : oneLine, 120),
    input_message_content: {
      message_text: t.body,
      ...(t.entities ? { entities: t.entities as unknown as MessageEntity[] } : {}),
      link_preview_options: { is_disabled: true },
    },
  };
}

composer.on('inline_query', async (ctx) => {
  const q = ctx.inlineQuery;
  const page = await ctx.services.quickReplies.inline(ctx.from.id, q.query, q.offset);
  if (!page) return ctx.answerInlineQuery([], { cache_time: 0, is_personal: true });
  await ctx.answerInlineQuery(page.items.map(article), {
    // Personal (another member may see other templates tomorrow), and short: an edit shows up at once.
    cache_time: 5,
    is_personal: true,
    next_offset: page.nextOffset,
    ...(q.offset === ''
      ? { button: { text: ctx.t('admin-qr-inline-manage'), start_parameter: 'admin' } }
      : {}),
  });
});

composer.on('chosen_inline_result', async (ctx) => {
  const m = RESULT_ID.exec(ctx.chosenInlineResult.result_id);
  if (m) await ctx.services.quickReplies.used(ctx.from.id, Number(m[1]));
});

export const quickRepliesInlineFeature = composer;
