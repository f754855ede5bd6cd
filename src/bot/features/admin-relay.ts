import { Composer } from 'grammy';
import type { Message } from 'grammy/types';
import type { Context } from '../context.ts';
import { inAdminGroup } from '../filters/admin-group.ts';
import { can } from '../filters/is-admin.ts';
import { messageType } from '../helpers/message-type.ts';

const composer = new Composer<Context>();

/** Service messages (topic created, pinned, members joined…) are not replies to a fan. */
function isServiceMessage(m: Message): boolean {
  return (
    m.forum_topic_created !== undefined ||
    m.forum_topic_edited !== undefined ||
    m.forum_topic_closed !== undefined ||
    m.forum_topic_reopened !== undefined ||
    m.pinned_message !== undefined ||
    m.new_chat_members !== undefined ||
    m.left_chat_member !== undefined ||
    m.new_chat_title !== undefined
  );
}

/**
 * A team member's message inside a fan's topic is carried to the fan (it needs `relay.reply`). Other
 * members are ignored.
 */
composer.on('message', async (ctx, next) => {
  // Any admin group: the topic is looked up by (group, thread), thread ids being per chat.
  if (!inAdminGroup(ctx)) return next();
  const groupId = ctx.chat.id;
  const m = ctx.message;
  // Commands (anywhere in the group) and service messages belong to other features.
  if (m.text?.startsWith('/') || isServiceMessage(m)) return next();
  if (!m.is_topic_message || m.message_thread_id === undefined) return; // the General topic
  if (!(await can(ctx, 'relay.reply'))) return;
  // In topics, Telegram points reply_to_message at the topic's first message when there is no real reply.
  const replyTo =
    m.reply_to_message && m.reply_to_message.message_id !== m.message_thread_id
      ? m.reply_to_message.message_id
      : null;
  await ctx.services.acceptAdminMessage({
    groupId,
    threadId: m.message_thread_id,
    messageId: m.message_id,
    adminId: ctx.from.id,
    replyToMessageId: replyTo,
    mediaGroupId: m.media_group_id,
    type: messageType(m) ?? 'other',
    text: m.text ?? m.caption,
  });
});

export const adminRelayFeature = composer;
