import { Composer } from 'grammy';
import type { Context } from '../../context.ts';
import { commandKey, replyResult, topicCommand } from './shared.ts';

/** `/close` and `/reopen` the fan's topic (the fan's next message reopens it too). */
const composer = new Composer<Context>();

composer.command(
  ['close', 'reopen'],
  topicCommand(async (ctx, userId) => {
    const open = ctx.message!.text.startsWith('/reopen');
    const res = await ctx.services.admin.setTopicOpen({
      adminId: ctx.from!.id,
      userId,
      open,
      key: commandKey(ctx),
    });
    return replyResult(ctx, res, ctx.t(open ? 'admin-topic-reopening' : 'admin-topic-closing'));
  }),
);

export const closeCommand = composer;
