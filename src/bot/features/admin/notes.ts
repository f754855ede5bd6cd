import { Composer } from 'grammy';
import type { Context } from '../../context.ts';
import { replyResult, topicCommand } from './shared.ts';

/** `/note text`: a private note about the fan, shown in /info. */
const composer = new Composer<Context>();

composer.command(
  'note',
  topicCommand(async (ctx, userId) => {
    const text = ctx.match.trim();
    if (!text) return ctx.reply(ctx.t('admin-topic-note-usage'));
    const res = await ctx.services.admin.addNote({ adminId: ctx.from!.id, userId, text });
    return replyResult(ctx, res, ctx.t('admin-topic-noted'));
  }),
);

export const noteCommand = composer;
