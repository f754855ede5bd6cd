import type { CallbackQueryContext, CommandContext } from 'grammy';
import { cardData, type CARD_ACTIONS } from '../../callback-data/admin.ts';
import type { Context } from '../../context.ts';
import { isTeamMember } from '../../filters/is-admin.ts';
import { splitHtml } from '../../helpers/split-html.ts';

/** What the admin tools in a fan's topic share: finding the fan, answering, refusing. */

export type TopicCommandContext = CommandContext<Context>;
export type CardAction = (typeof CARD_ACTIONS)[number];

export type Failure = { ok: false; code: string; detail?: string };
export const failureText = (ctx: Context, f: Failure) =>
  f.code === 'not_admin'
    ? ctx.t('admin-topic-not-allowed')
    : f.code === 'unknown_fan'
      ? ctx.t('admin-topic-not-a-fan')
      : ctx.t('admin-topic-failed', { detail: f.detail ?? f.code });
export const NOT_ALLOWED: Failure = { ok: false, code: 'not_admin' };

/** Resolves the fan of the topic the command was sent in, answering when there is none. */
async function topicFan(ctx: Context): Promise<number | null> {
  const threadId = ctx.msg?.message_thread_id;
  const fan =
    threadId !== undefined && ctx.msg?.is_topic_message
      ? await ctx.services.admin.fanOfTopic(ctx.chat!.id, threadId)
      : null;
  if (fan === null) await ctx.reply(ctx.t('admin-topic-outside'), { parse_mode: 'HTML' });
  return fan;
}

/**
 * An in-topic command: from a team member (anyone else's commands are ignored, like their messages),
 * inside a fan's topic. `handler` gets the fan's id; the use case checks the permission it needs.
 */
export function topicCommand(handler: (ctx: TopicCommandContext, userId: number) => Promise<unknown>) {
  return async (ctx: TopicCommandContext) => {
    if (!(await isTeamMember(ctx))) return;
    const userId = await topicFan(ctx);
    if (userId !== null) await handler(ctx, userId);
  };
}

/** The idempotency key of the admin's command message. */
export const commandKey = (ctx: Context) => `${ctx.chat!.id}:${ctx.msg!.message_id}`;

/** Answers the admin's command: `done` when it worked, why not otherwise. */
export const replyResult = (ctx: TopicCommandContext, res: { ok: true } | Failure, done: string) =>
  ctx.reply(res.ok ? done : failureText(ctx, res), {
    parse_mode: 'HTML',
    reply_parameters: { message_id: ctx.msg.message_id },
  });

/**
 * A button on a fan's info card, for `actions`: expired data is answered, other actions pass on, and
 * only team members get further (the use case checks the permission).
 */
export function cardButton(
  actions: readonly CardAction[],
  handler: (
    ctx: CallbackQueryContext<Context>,
    data: { action: CardAction; user: number },
  ) => Promise<unknown>,
) {
  return async (ctx: CallbackQueryContext<Context>, next: () => Promise<void>) => {
    const data = cardData.unpack(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-expired') });
    if (!actions.includes(data.action)) return next();
    if (!(await isTeamMember(ctx)))
      return ctx.answerCallbackQuery({ text: ctx.t('admin-topic-buttons-only'), show_alert: true });
    return handler(ctx, data);
  };
}

/** The fan's profile, in as many messages as it takes (long notes can pass Telegram's 4096 characters). */
export async function sendInfo(ctx: Context, html: string, other: { replyTo?: number; threadId?: number }) {
  for (const [i, part] of splitHtml(html).entries()) {
    await ctx.reply(part, {
      parse_mode: 'HTML',
      ...(i === 0 && other.replyTo ? { reply_parameters: { message_id: other.replyTo } } : {}),
      ...(other.threadId ? { message_thread_id: other.threadId } : {}),
    });
  }
}
