import { Composer } from 'grammy';
import { cardData } from '../../callback-data/admin.ts';
import type { Context } from '../../context.ts';
import { fanInfoText } from './info-view.ts';
import { cardButton, failureText, replyResult, sendInfo, topicCommand } from './shared.ts';

/** `/info` and the card's Info button: the fan's profile, payments and notes. */
const composer = new Composer<Context>();

composer.command(
  'info',
  topicCommand(async (ctx, userId) => {
    const info = await ctx.services.admin.fanInfo({ adminId: ctx.from!.id, userId });
    if (!info.ok) return replyResult(ctx, info, '');
    await sendInfo(ctx, fanInfoText(ctx.t, info.info), { replyTo: ctx.msg.message_id });
  }),
);

composer.callbackQuery(
  cardData.filter,
  cardButton(['info'], async (ctx, data) => {
    const info = await ctx.services.admin.fanInfo({ adminId: ctx.from.id, userId: data.user });
    if (!info.ok) return ctx.answerCallbackQuery({ text: failureText(ctx, info), show_alert: true });
    await ctx.answerCallbackQuery();
    const threadId = ctx.callbackQuery.message?.message_thread_id;
    await sendInfo(ctx, fanInfoText(ctx.t, info.info), threadId ? { threadId } : {});
  }),
);

export const infoCommand = composer;
