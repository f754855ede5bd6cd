import { Composer } from 'grammy';
import { cardData } from '../../callback-data/admin.ts';
import type { Context } from '../../context.ts';
import { createCardKeyboard } from '../../keyboards/admin.ts';
import { cardButton, commandKey, failureText, replyResult, topicCommand } from './shared.ts';

/** `/ban`, `/unban` and the card's Ban/Unban button: a banned fan's messages are refused. */
const composer = new Composer<Context>();

composer.command(
  ['ban', 'unban'],
  topicCommand(async (ctx, userId) => {
    const banned = ctx.message!.text.startsWith('/ban');
    const res = await ctx.services.admin.setBan({
      adminId: ctx.from!.id,
      userId,
      banned,
      key: commandKey(ctx),
    });
    const done = !res.ok
      ? ''
      : !res.changed
        ? ctx.t(banned ? 'admin-topic-already-banned' : 'admin-topic-already-unbanned')
        : ctx.t(banned ? 'admin-topic-banned' : 'admin-topic-unbanned');
    return replyResult(ctx, res, done);
  }),
);

composer.callbackQuery(
  cardData.filter,
  cardButton(['ban', 'unban'], async (ctx, data) => {
    const banned = data.action === 'ban';
    const key = `cb:${ctx.callbackQuery.id}`;
    const res = await ctx.services.admin.setBan({ adminId: ctx.from.id, userId: data.user, banned, key });
    if (!res.ok) return ctx.answerCallbackQuery({ text: failureText(ctx, res), show_alert: true });
    await ctx.answerCallbackQuery({
      text: ctx.t(
        res.changed
          ? banned
            ? 'admin-topic-banned-short'
            : 'admin-topic-unbanned-short'
          : banned
            ? 'admin-topic-already-banned'
            : 'admin-topic-already-unbanned',
      ),
    });
    // Flip the button at once: a direct answer to the admin's own press (the numbers wait for the throttle).
    await ctx
      .editMessageReplyMarkup({
        reply_markup: { inline_keyboard: createCardKeyboard({ id: data.user, isBanned: banned }) },
      })
      .catch((err: unknown) => ctx.logger.debug({ err }, 'card buttons unchanged'));
  }),
);

export const banCommand = composer;
