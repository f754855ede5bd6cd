import { Composer, GrammyError } from 'grammy';
import type { Context } from '../context.ts';
import { inAdminGroup } from '../filters/admin-group.ts';
import { can } from '../filters/is-admin.ts';
import { editedContent } from '../helpers/edited-content.ts';

/** Edits mirrored both ways (free), and /delete for an admin's reply. See app/edits.ts. */
const composer = new Composer<Context>();

composer.chatType('private').on('edited_message', async (ctx) => {
  const m = ctx.editedMessage;
  const content = editedContent(m);
  if (!content) return;
  const res = await ctx.services.mirrorFanEdit({
    userId: ctx.from.id,
    chatId: ctx.chat.id,
    messageId: m.message_id,
    sentAt: new Date(m.date * 1000),
    editDate: m.edit_date ?? m.date,
    content,
  });
  if (res.ok || res.code === 'not_relayed' || res.code === 'banned') return;
  // Said once per message, however often it is edited again.
  if (!(await ctx.services.claimOnce(`edit-refused:${ctx.chat.id}:${m.message_id}`))) return;
  const text =
    res.code === 'insufficient_credits'
      ? ctx.t('relay-edit-not-paid', { cost: res.cost, balance: res.balance })
      : res.code === 'too_old'
        ? ctx.t('relay-edit-too-old')
        : ctx.t('relay-edit-limit', { limit: res.limit });
  await ctx.reply(text, {
    parse_mode: 'HTML',
    reply_parameters: { message_id: m.message_id, allow_sending_without_reply: true },
  });
});

const team = composer.chatType('supergroup').filter(inAdminGroup);

team.on('edited_message', async (ctx) => {
  const m = ctx.editedMessage;
  if (!m.is_topic_message || !(await can(ctx, 'relay.reply'))) return; // edits by others are ignored
  const content = editedContent(m);
  if (!content) return;
  await ctx.services.mirrorAdminEdit({
    groupId: ctx.chat.id,
    messageId: m.message_id,
    editDate: m.edit_date ?? m.date,
    content,
  });
});

const refusals = {
  no_reply: 'relay-delete-no-reply',
  not_yours: 'relay-delete-not-yours',
  not_delivered: 'relay-delete-not-delivered',
  too_old: 'relay-delete-too-old',
} as const;

// Telegram sends bots no update when a message is deleted, so the admin asks for it.
team.command(['delete', 'del'], async (ctx, next) => {
  if (!(await can(ctx, 'relay.reply'))) return next();
  const m = ctx.msg;
  // In topics, Telegram points reply_to_message at the topic's first message when there is no real reply.
  const target = m.reply_to_message?.message_id !== m.message_thread_id ? m.reply_to_message : undefined;
  const res = await ctx.services.findReplyToDelete({
    groupId: ctx.chat.id,
    adminId: ctx.from.id,
    reply: target
      ? {
          messageId: target.message_id,
          authorId: target.from?.id ?? null,
          sentAt: new Date(target.date * 1000),
        }
      : null,
  });
  if (!res.ok) return answer(ctx, ctx.t(refusals[res.code]));
  try {
    await ctx.api.deleteMessage(res.fanChatId, res.fanMessageId);
  } catch (err) {
    if (!(err instanceof GrammyError)) throw err;
    const d = err.description;
    // Already gone (the fan deleted it for both sides) is what was asked for.
    if (!d.includes('message to delete not found'))
      return answer(
        ctx,
        d.includes("can't be deleted")
          ? ctx.t(refusals.too_old)
          : ctx.t('relay-delete-failed', { reason: d }),
      );
  }
  const log = (what: string) => (e: unknown) => ctx.logger.warn({ err: e }, what);
  await ctx.api
    .setMessageReaction(ctx.chat.id, target!.message_id, [{ type: 'emoji', emoji: '👌' }])
    .catch(log('could not confirm the deletion'));
  await ctx.deleteMessage().catch(log('could not delete the /delete command'));
});

/** A short answer in the topic, replying to the command. */
async function answer(ctx: Context, text: string): Promise<void> {
  const m = ctx.msg!;
  await ctx.reply(text, {
    parse_mode: 'HTML',
    ...(m.is_topic_message ? { message_thread_id: m.message_thread_id } : {}),
    reply_parameters: { message_id: m.message_id, allow_sending_without_reply: true },
  });
}

export const editsFeature = composer;
