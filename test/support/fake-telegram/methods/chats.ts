/**
 * Chat-level methods: identity (getMe, getChat, getChatMember), forum topics, commands, webhook,
 * callback and pre-checkout answers, Stars refunds and files.
 */
import type { ChatFullInfo, ChatMember, ChatMemberAdministrator, User } from 'grammy/types';
import { badRequest, FakeState, type ChatState, type PaymentRecord, type TopicState } from '../state.ts';
import {
  DEFAULT_TOPIC_COLOR,
  forumChat,
  postService,
  QUERY_TOO_OLD,
  requireTopic,
  type Handler,
} from './common.ts';

/**
 * An administrator with the usual rights of a bot in an admin group (manage topics, pin, delete…);
 * `rights` overrides some (a test of missing rights).
 */
export function administratorMember(
  user: User,
  rights: Partial<Omit<ChatMemberAdministrator, 'status' | 'user'>> = {},
): ChatMemberAdministrator {
  return {
    status: 'administrator',
    user,
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: false,
    can_edit_stories: false,
    can_delete_stories: false,
    can_pin_messages: true,
    can_manage_topics: true,
    can_send_welcome_messages: false,
    ...rights,
  };
}

function chatFullInfo(chat: ChatState): ChatFullInfo {
  return {
    ...chat.chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: true,
      limited_gifts: true,
      unique_gifts: true,
      premium_subscription: true,
      gifts_from_channels: true,
    },
  };
}

export const chatHandlers: Record<string, Handler> = {
  getMe: ({ state }) => state.bot,
  logOut: () => true,
  close: () => true,
  answerPreCheckoutQuery: ({ state, payload }) => {
    const id = payload.pre_checkout_query_id as string;
    if (state.answeredPreCheckoutQueries.has(id)) throw badRequest(QUERY_TOO_OLD);
    if (payload.ok === false && !payload.error_message)
      throw badRequest('error_message must be non-empty when ok is false');
    state.answeredPreCheckoutQueries.add(id);
    return true;
  },
  refundStarPayment: ({ state, payload }) => {
    const charge = state.payments.get(payload.telegram_payment_charge_id as string);
    if (!charge || charge.user_id !== payload.user_id) throw badRequest('CHARGE_NOT_FOUND');
    if (charge.refunded) throw badRequest('CHARGE_ALREADY_REFUNDED');
    charge.refunded = true;
    charge.refunded_date = Math.floor(Date.now() / 1000);
    return true;
  },
  /**
   * The bot's Star transactions in chronological order (oldest first), `offset` skipped, `limit` 1–100
   * (default 100): each payment as an incoming transaction from the user, each refund as an outgoing
   * one to them with the same id.
   */
  getStarTransactions: ({ state, payload }) => {
    const offset = (payload.offset as number | undefined) ?? 0;
    const limit = (payload.limit as number | undefined) ?? 100;
    if (offset < 0) throw badRequest('offset must be non-negative');
    if (limit < 1 || limit > 100) throw badRequest('limit must be between 1 and 100');
    const partner = (p: PaymentRecord) => ({
      type: 'user' as const,
      transaction_type: 'invoice_payment' as const,
      user: state.users.get(p.user_id) ?? { id: p.user_id, is_bot: false, first_name: `User ${p.user_id}` },
      ...(p.invoice_payload !== undefined ? { invoice_payload: p.invoice_payload } : {}),
    });
    const all = [...state.payments.values()].flatMap((p) => [
      { id: p.telegram_payment_charge_id, amount: p.total_amount, date: p.date, source: partner(p) },
      ...(p.refunded
        ? [
            {
              id: p.telegram_payment_charge_id,
              amount: p.total_amount,
              date: p.refunded_date ?? p.date,
              receiver: partner(p),
            },
          ]
        : []),
    ]);
    // Stable: same-second transactions keep the order they happened in.
    all.sort((a, b) => a.date - b.date);
    return { transactions: all.slice(offset, offset + limit) };
  },
  unpinAllForumTopicMessages: (ctx) => {
    const chat = forumChat(ctx);
    const topic = requireTopic(chat, ctx.payload.message_thread_id);
    chat.pins = chat.pins.filter(
      (id) => chat.messages.get(id)?.message.message_thread_id !== topic.message_thread_id,
    );
    return true;
  },
  createForumTopic: (ctx) => {
    const chat = forumChat(ctx);
    const { name, icon_custom_emoji_id } = ctx.payload as { name: string; icon_custom_emoji_id?: string };
    const icon_color = (ctx.payload.icon_color as number | undefined) ?? DEFAULT_TOPIC_COLOR;
    const threadId = chat.nextMessageId; // the service message's id becomes the thread id
    const topic: TopicState = {
      message_thread_id: threadId,
      name,
      icon_color,
      ...(icon_custom_emoji_id ? { icon_custom_emoji_id } : {}),
      closed: false,
    };
    chat.topics.set(threadId, topic);
    postService(ctx, chat, threadId, {
      forum_topic_created: { name, icon_color, ...(icon_custom_emoji_id ? { icon_custom_emoji_id } : {}) },
    });
    return {
      message_thread_id: threadId,
      name,
      icon_color,
      ...(icon_custom_emoji_id ? { icon_custom_emoji_id } : {}),
    };
  },
  editForumTopic: (ctx) => {
    const chat = forumChat(ctx);
    const topic = requireTopic(chat, ctx.payload.message_thread_id);
    const { name, icon_custom_emoji_id } = ctx.payload as { name?: string; icon_custom_emoji_id?: string };
    const nameChanged = name !== undefined && name !== '' && name !== topic.name;
    const iconChanged =
      icon_custom_emoji_id !== undefined && icon_custom_emoji_id !== (topic.icon_custom_emoji_id ?? '');
    if (!nameChanged && !iconChanged) throw badRequest('TOPIC_NOT_MODIFIED');
    if (nameChanged) topic.name = name;
    if (iconChanged) topic.icon_custom_emoji_id = icon_custom_emoji_id;
    postService(ctx, chat, topic.message_thread_id, {
      forum_topic_edited: {
        ...(nameChanged ? { name } : {}),
        ...(iconChanged ? { icon_custom_emoji_id } : {}),
      },
    });
    return true;
  },
  closeForumTopic: (ctx) => {
    const chat = forumChat(ctx);
    const topic = requireTopic(chat, ctx.payload.message_thread_id);
    if (topic.closed) throw badRequest('TOPIC_NOT_MODIFIED');
    topic.closed = true;
    postService(ctx, chat, topic.message_thread_id, { forum_topic_closed: {} });
    return true;
  },
  reopenForumTopic: (ctx) => {
    const chat = forumChat(ctx);
    const topic = requireTopic(chat, ctx.payload.message_thread_id);
    if (!topic.closed) throw badRequest('TOPIC_NOT_MODIFIED');
    topic.closed = false;
    postService(ctx, chat, topic.message_thread_id, { forum_topic_reopened: {} });
    return true;
  },
  deleteForumTopic: (ctx) => {
    const chat = forumChat(ctx);
    const topic = requireTopic(chat, ctx.payload.message_thread_id);
    ctx.state.deleteTopic(chat.chat.id, topic.message_thread_id);
    return true;
  },
  answerCallbackQuery: ({ state, payload }) => {
    const id = payload.callback_query_id as string;
    if (state.answeredCallbackQueries.has(id)) throw badRequest(QUERY_TOO_OLD);
    state.answeredCallbackQueries.add(id);
    return true;
  },
  getChat: ({ state, payload }) => chatFullInfo(state.resolveChat(payload.chat_id)),
  leaveChat: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    if (chat.chat.type === 'private')
      throw badRequest("chat member status can't be changed in private chats");
    chat.left = true; // from now on every call about the chat answers 403 (server.ts)
    return true;
  },
  getChatMember: ({ state, payload }): ChatMember => {
    const chat = state.resolveChat(payload.chat_id);
    const userId = payload.user_id as number;
    const override = chat.members.get(userId);
    if (override) return override;
    if (userId === state.bot.id) {
      return chat.chat.type === 'private'
        ? { status: 'member', user: state.botUser }
        : administratorMember(state.botUser);
    }
    const user = state.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
    return { status: 'member', user };
  },
  createChatInviteLink: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    if (chat.chat.type === 'private')
      throw badRequest('chat invite links are not available in private chats');
    if (payload.member_limit !== undefined && payload.creates_join_request === true)
      throw badRequest("can't create a join request link with a member limit");
    return {
      invite_link: `https://t.me/+fake${Math.abs(chat.chat.id)}x${++state.inviteLinks}`,
      creator: state.botUser,
      creates_join_request: payload.creates_join_request === true,
      is_primary: false,
      is_revoked: false,
      ...(payload.name !== undefined ? { name: payload.name } : {}),
      ...(payload.expire_date !== undefined ? { expire_date: payload.expire_date } : {}),
      ...(payload.member_limit !== undefined ? { member_limit: payload.member_limit } : {}),
    };
  },
  getChatAdministrators: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    if (chat.chat.type === 'private') throw badRequest('there are no administrators in the private chat');
    const others = [...chat.members.values()].filter(
      (m) => m.status === 'administrator' || m.status === 'creator',
    );
    return chat.members.has(state.bot.id) ? others : [administratorMember(state.botUser), ...others];
  },
  setMyCommands: ({ state, payload }) => {
    state.commands.set(FakeState.commandsKey(payload.scope, payload.language_code), payload.commands);
    return true;
  },
  getMyCommands: ({ state, payload }) =>
    state.commands.get(FakeState.commandsKey(payload.scope, payload.language_code)) ?? [],
  deleteMyCommands: ({ state, payload }) => {
    state.commands.delete(FakeState.commandsKey(payload.scope, payload.language_code));
    return true;
  },
  setWebhook: ({ state, payload, updates }) => {
    const url = payload.url as string;
    if (payload.drop_pending_updates === true) updates.clear();
    if (url === '') {
      state.webhook = null;
      return true;
    }
    if (!/^https:\/\/[^/]+/.test(url))
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    state.webhook = {
      url,
      ...(payload.secret_token !== undefined ? { secret_token: payload.secret_token } : {}),
      ...(payload.allowed_updates !== undefined ? { allowed_updates: payload.allowed_updates } : {}),
      ...(payload.max_connections !== undefined ? { max_connections: payload.max_connections } : {}),
      ...(payload.ip_address !== undefined ? { ip_address: payload.ip_address } : {}),
    };
    return true;
  },
  deleteWebhook: ({ state, payload, updates }) => {
    if (payload.drop_pending_updates === true) updates.clear();
    state.webhook = null;
    return true;
  },
  getWebhookInfo: ({ state, updates }) => ({
    url: state.webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: updates.pending(),
    ...(state.webhook?.max_connections !== undefined
      ? { max_connections: state.webhook.max_connections }
      : {}),
    ...(state.webhook?.allowed_updates ? { allowed_updates: state.webhook.allowed_updates } : {}),
    ...(state.webhook?.ip_address ? { ip_address: state.webhook.ip_address } : {}),
  }),
  getFile: ({ state, payload }) => {
    const file = state.files.get(payload.file_id as string);
    if (!file) throw badRequest('invalid file_id');
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.file_size,
      file_path: file.file_path,
    };
  },
};
