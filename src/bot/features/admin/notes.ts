import { Composer } from 'grammy';
import type { Context } from '../../context.ts';
import { replyResult, topicCommand } from './shared.ts';

/** `/note text`: a private note about the fan, shown in /info. */
const composer = new Composer<Context>();

composer.command(
  'note',
  topicCommand(async (ctx, userId) => {
    const text = ctx.match.trim();
    if (!text) return ctx.reply('Add the note after the command: /note prefers voice messages');
    const res = await ctx.services.admin.addNote({ adminId: ctx.from!.id, userId, text });
    return replyResult(ctx, res, '📝 Noted.');
  }),
);

export const noteCommand = composer;
