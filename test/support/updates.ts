/**
 * Builders of realistic Telegram `Update`s for tests (auto-incrementing update_id, per-chat message ids,
 * plausible file ids). Pass `{ fake }` to register what a builder creates in a FakeTelegram, so that the
 * bot can later reply to, copy, forward, pin or react to that message, or refund that payment:
 *
 *   const fan = fanUser(42, { first_name: 'Ana' });
 *   await bot.handleUpdate(privateText(fan, 'hello', { fake }));   // webhook-style
 *   fake.pushUpdate(privatePhoto(fan, { caption: 'look' }));        // polling (pushUpdate registers too)
 */
import type { CallbackQuery, Chat, ChatMember, Message, MessageEntity, Update, User } from 'grammy/types';
import {
  administratorMember,
  DEFAULT_BOT_INFO,
  mediaObject,
  newFileIds,
  type FakeMessage,
  type FakeTelegram,
  type MediaKind,
} from './fake-telegram/index.ts';

/** The part of FakeTelegram the builders use (a FakeTelegram instance satisfies it). */
export type IncomingSink = Pick<
  FakeTelegram,
  | 'registerIncoming'
  | 'allocateMessageId'
  | 'botInfo'
  | 'chat'
  | 'message'
  | 'blockChat'
  | 'unblockChat'
  | 'removeBotFromChat'
  | 'restoreBotInChat'
  | 'registerChat'
>;

export interface BuildOptions {
  /** Register the built message in this fake (and take its message_id from the fake's counter). */
  fake?: IncomingSink;
  /** Unix time in seconds; defaults to now. */
  date?: number;
}

export interface MessageOptions extends BuildOptions {
  reply_to_message?: Message | FakeMessage;
  message_id?: number;
  entities?: MessageEntity[];
}

export interface MediaOptions extends MessageOptions {
  caption?: string;
  caption_entities?: MessageEntity[];
  /** Reuse an existing file instead of minting a new one. */
  file_id?: string;
  media_group_id?: string;
}

/** Media content of a group message: `{ kind: 'photo', caption: 'hi' }`. */
export interface IncomingMedia {
  kind: MediaKind;
  caption?: string;
  file_id?: string;
}

export type IncomingMessage = Message & Update.NonChannel;

let nextUpdateId = 100_000_001;
const messageCounters = new Map<number, number>();
let nextQueryId = 4_000_000_000_000_000n;

const unixNow = (): number => Math.floor(Date.now() / 1000);

function nextMessageId(chatId: number, opts: MessageOptions): number {
  if (opts.message_id !== undefined) return opts.message_id;
  if (opts.fake) return opts.fake.allocateMessageId(chatId);
  const id = (messageCounters.get(chatId) ?? 0) + 1;
  messageCounters.set(chatId, id);
  return id;
}

type ReplyMessage = NonNullable<Message['reply_to_message']>;
type MediaFields = Pick<Message, MediaKind | 'caption' | 'caption_entities'>;

const asMessage = (m: Message | FakeMessage): Message => ('from_bot' in m ? m.message : m);

/** Telegram does not nest replies: a reply_to_message carries no reply_to_message of its own. */
function asReply(m: Message | FakeMessage): ReplyMessage {
  const { reply_to_message: _nested, ...rest } = asMessage(m);
  return rest as ReplyMessage;
}

/** Wraps one payload into an Update with the next update_id. */
export function toUpdate(payload: Omit<Update, 'update_id'>): Update {
  return { update_id: nextUpdateId++, ...payload };
}

function deliverMessage(
  message: IncomingMessage,
  opts: BuildOptions,
  key: 'message' | 'edited_message' = 'message',
): Update {
  opts.fake?.registerIncoming(message);
  return toUpdate({ [key]: message });
}

export function fanUser(
  id: number,
  opts: {
    first_name?: string;
    last_name?: string;
    username?: string;
    language_code?: string;
    is_premium?: true;
  } = {},
): User {
  return {
    id,
    is_bot: false,
    first_name: opts.first_name ?? `Fan ${id}`,
    ...(opts.last_name ? { last_name: opts.last_name } : {}),
    ...(opts.username ? { username: opts.username } : {}),
    language_code: opts.language_code ?? 'en',
    ...(opts.is_premium ? { is_premium: true } : {}),
  };
}

export function privateChatOf(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name ? { last_name: user.last_name } : {}),
    ...(user.username ? { username: user.username } : {}),
  };
}

function baseMessage(chat: IncomingMessage['chat'], from: User, opts: MessageOptions): IncomingMessage {
  return {
    message_id: nextMessageId(chat.id, opts),
    from,
    chat,
    date: opts.date ?? unixNow(),
    ...(opts.reply_to_message ? { reply_to_message: asReply(opts.reply_to_message) } : {}),
  };
}

function mediaFields(
  kind: MediaKind,
  opts: { caption?: string; caption_entities?: MessageEntity[]; file_id?: string },
): MediaFields {
  const ids = opts.file_id
    ? { file_id: opts.file_id, file_unique_id: `AgAD${opts.file_id.slice(-10)}` }
    : newFileIds(kind);
  const captionable = kind !== 'sticker' && kind !== 'video_note';
  return {
    [kind]: mediaObject(kind, ids),
    ...(captionable && opts.caption !== undefined ? { caption: opts.caption } : {}),
    ...(captionable && opts.caption_entities ? { caption_entities: opts.caption_entities } : {}),
  };
}

// ------------------------------------------------------------------ private chat messages

export function privateText(from: User, text: string, opts: MessageOptions = {}): Update {
  const message: IncomingMessage = {
    ...baseMessage(privateChatOf(from), from, opts),
    text,
    ...(opts.entities ? { entities: opts.entities } : {}),
  };
  return deliverMessage(message, opts);
}

/** `/start` (or `start`) with an optional deep-link payload, carrying a bot_command entity. */
export function command(from: User, name: string, payload?: string, opts: MessageOptions = {}): Update {
  const cmd = name.startsWith('/') ? name : `/${name}`;
  return privateText(from, payload ? `${cmd} ${payload}` : cmd, {
    ...opts,
    entities: [{ type: 'bot_command', offset: 0, length: cmd.length }, ...(opts.entities ?? [])],
  });
}

export function privateMedia(from: User, kind: MediaKind, opts: MediaOptions = {}): Update {
  const message: IncomingMessage = {
    ...baseMessage(privateChatOf(from), from, opts),
    ...mediaFields(kind, opts),
    ...(opts.media_group_id ? { media_group_id: opts.media_group_id } : {}),
  };
  return deliverMessage(message, opts);
}

export const privatePhoto = (from: User, opts?: MediaOptions): Update => privateMedia(from, 'photo', opts);
export const privateVideo = (from: User, opts?: MediaOptions): Update => privateMedia(from, 'video', opts);
export const privateVoice = (from: User, opts?: MediaOptions): Update => privateMedia(from, 'voice', opts);
export const privateAudio = (from: User, opts?: MediaOptions): Update => privateMedia(from, 'audio', opts);
export const privateDocument = (from: User, opts?: MediaOptions): Update =>
  privateMedia(from, 'document', opts);
export const privateAnimation = (from: User, opts?: MediaOptions): Update =>
  privateMedia(from, 'animation', opts);
export const privateVideoNote = (from: User, opts?: MediaOptions): Update =>
  privateMedia(from, 'video_note', opts);
export const privateSticker = (from: User, opts?: MediaOptions): Update =>
  privateMedia(from, 'sticker', opts);

/** The fan edited an earlier text message (same message_id, new text, edit_date). */
export function editedPrivateText(
  original: Message | Update,
  text: string,
  opts: BuildOptions & { entities?: MessageEntity[] } = {},
): Update {
  const source = 'update_id' in original ? (original.message ?? original.edited_message) : original;
  if (!source?.from || source.chat.type === 'channel')
    throw new Error('editedPrivateText: the original must be a private message');
  const { entities: _old, ...rest } = source;
  const edited: IncomingMessage = {
    ...rest,
    from: source.from,
    chat: source.chat,
    text,
    ...(opts.entities ? { entities: opts.entities } : {}),
    edit_date: opts.date ?? unixNow(),
  };
  return deliverMessage(edited, opts, 'edited_message');
}

/**
 * Any earlier private or group message edited (a group topic message keeps its thread): a new text, or
 * a new caption of its media. The old formatting goes; pass the new one.
 */
export function editedMessage(
  original: Message | Update,
  change:
    { text: string; entities?: MessageEntity[] } | { caption: string; caption_entities?: MessageEntity[] },
  opts: BuildOptions = {},
): Update {
  const source = 'update_id' in original ? (original.message ?? original.edited_message) : original;
  if (!source?.from || source.chat.type === 'channel')
    throw new Error('editedMessage: the original must be a private or group message');
  const { entities: _e, caption_entities: _c, ...rest } = source;
  const edited = { ...rest, ...change, edit_date: opts.date ?? unixNow() } as IncomingMessage;
  return deliverMessage(edited, opts, 'edited_message');
}

// ------------------------------------------------------------------ groups and topics

/** A message by `from` in forum topic `threadId` of supergroup `groupId`: text, media, an album item. */
export function groupTopicMessage(
  groupId: number,
  threadId: number,
  from: User,
  content: string | IncomingMedia,
  opts: MessageOptions & { title?: string; media_group_id?: string } = {},
): Update {
  const known = opts.fake?.chat(groupId);
  const chat: Chat.SupergroupChat =
    known?.type === 'supergroup' && !opts.title
      ? known
      : { id: groupId, type: 'supergroup', title: opts.title ?? 'FanBridge Team', is_forum: true };
  const root = opts.fake?.message(groupId, threadId)?.message ?? topicRoot(chat, threadId);
  const body: Pick<Message, 'text' | 'entities'> | MediaFields =
    typeof content === 'string'
      ? { text: content, ...(opts.entities ? { entities: opts.entities } : {}) }
      : mediaFields(content.kind, content);
  const message: IncomingMessage = {
    ...baseMessage(chat, from, opts),
    message_thread_id: threadId,
    is_topic_message: true,
    reply_to_message: asReply(opts.reply_to_message ?? root),
    ...body,
    ...(opts.media_group_id ? { media_group_id: opts.media_group_id } : {}),
  };
  return deliverMessage(message, opts);
}

type GroupChatOf<T extends 'group' | 'supergroup' | 'channel'> = T extends 'group'
  ? Chat.GroupChat
  : T extends 'channel'
    ? Chat.ChannelChat
    : Chat.SupergroupChat;

/** A group, supergroup (without topics) or channel chat, for messages and membership changes. */
export function groupChat<T extends 'group' | 'supergroup' | 'channel' = 'supergroup'>(
  id: number,
  title: string,
  type?: T,
): GroupChatOf<T> {
  if (id >= 0) throw new Error(`groupChat: group and channel ids are negative (got ${id})`);
  return { id, type: type ?? 'supergroup', title } as GroupChatOf<T>;
}

/** A plain message by `from` in a group or a supergroup without topics. */
export function groupMessage(
  chat: Chat.GroupChat | Chat.SupergroupChat,
  from: User,
  text: string,
  opts: MessageOptions = {},
): Update {
  const message: IncomingMessage = {
    ...baseMessage(chat, from, opts),
    text,
    ...(opts.entities ? { entities: opts.entities } : {}),
  };
  return deliverMessage(message, opts);
}

/** The service message that opened a topic; Telegram nests it as reply_to_message of topic messages. */
function topicRoot(chat: Chat.SupergroupChat, threadId: number): Message {
  return {
    message_id: threadId,
    message_thread_id: threadId,
    is_topic_message: true,
    from: {
      id: DEFAULT_BOT_INFO.id,
      is_bot: true,
      first_name: DEFAULT_BOT_INFO.first_name,
      username: DEFAULT_BOT_INFO.username,
    },
    chat,
    date: unixNow() - 60,
    forum_topic_created: { name: `Topic ${threadId}`, icon_color: 7322096 },
  };
}

// ------------------------------------------------------------------ callbacks, membership, payments

/** A press on an inline button of `message` (a Message returned by the API, or a FakeMessage). */
export function callbackQuery(
  from: User,
  data: string,
  message: Message | FakeMessage,
  opts: { id?: string } = {},
): Update {
  const query: CallbackQuery = {
    id: opts.id ?? String(nextQueryId++),
    from,
    chat_instance: String(-(BigInt(from.id) * 7919n + 13n)),
    data,
    message: asMessage(message),
  };
  return toUpdate({ callback_query: query });
}

export type BotMembershipStatus = 'member' | 'administrator' | 'left' | 'kicked';

/**
 * The bot's membership changed (user blocked/unblocked the bot in private, bot added/removed in a group
 * or channel by `from`). With `fake`, the fake follows: kicked/left in private blocks the chat, in a
 * group or channel removes the bot, member/administrator there makes it a member again (the fake then
 * knows the chat as given).
 */
export function myChatMember(
  from: User,
  change: {
    new_status: BotMembershipStatus;
    old_status?: BotMembershipStatus;
    chat?: Chat;
  },
  opts: BuildOptions = {},
): Update {
  const botInfo = opts.fake?.botInfo ?? DEFAULT_BOT_INFO;
  const bot: User = {
    id: botInfo.id,
    is_bot: true,
    first_name: botInfo.first_name,
    username: botInfo.username,
  };
  const chat = change.chat ?? privateChatOf(from);
  const removed = change.new_status === 'kicked' || change.new_status === 'left';
  const old = change.old_status ?? (removed ? 'member' : chat.type === 'private' ? 'kicked' : 'left');
  if (opts.fake) {
    if (chat.type === 'private') {
      if (removed) opts.fake.blockChat(chat.id);
      else opts.fake.unblockChat(chat.id);
    } else {
      opts.fake.registerChat(chat);
      if (removed) opts.fake.removeBotFromChat(chat.id);
      else opts.fake.restoreBotInChat(chat.id);
    }
  }
  return toUpdate({
    my_chat_member: {
      chat,
      from,
      date: opts.date ?? unixNow(),
      old_chat_member: memberWithStatus(bot, old),
      new_chat_member: memberWithStatus(bot, change.new_status),
    },
  });
}

function memberWithStatus(user: User, status: BotMembershipStatus): ChatMember {
  switch (status) {
    case 'member':
      return { status, user };
    case 'left':
      return { status, user };
    case 'kicked':
      return { status, user, until_date: 0 };
    case 'administrator':
      return administratorMember(user);
  }
}

export interface InvoiceDetails {
  /** The invoice payload the bot set in sendInvoice. */
  payload: string;
  total_amount: number;
  /** Defaults to "XTR" (Telegram Stars). */
  currency?: string;
}

export function preCheckoutQuery(from: User, invoice: InvoiceDetails, opts: { id?: string } = {}): Update {
  return toUpdate({
    pre_checkout_query: {
      id: opts.id ?? String(nextQueryId++),
      from,
      currency: invoice.currency ?? 'XTR',
      total_amount: invoice.total_amount,
      invoice_payload: invoice.payload,
    },
  });
}

/** The service message confirming a payment; with `fake`, its charge can then be refunded. */
export function successfulPayment(
  from: User,
  invoice: InvoiceDetails & { telegram_payment_charge_id?: string; provider_payment_charge_id?: string },
  opts: MessageOptions = {},
): Update {
  const charge =
    invoice.telegram_payment_charge_id ?? `stxFake${Date.now().toString(36)}${nextUpdateId.toString(36)}`;
  const message: IncomingMessage = {
    ...baseMessage(privateChatOf(from), from, opts),
    successful_payment: {
      currency: invoice.currency ?? 'XTR',
      total_amount: invoice.total_amount,
      invoice_payload: invoice.payload,
      telegram_payment_charge_id: charge,
      provider_payment_charge_id: invoice.provider_payment_charge_id ?? '',
    },
  };
  return deliverMessage(message, opts);
}

/** The service message Telegram sends when a Stars payment was refunded (by the bot or by Telegram). */
export function refundedPayment(
  from: User,
  invoice: InvoiceDetails & { telegram_payment_charge_id: string },
  opts: MessageOptions = {},
): Update {
  const message: IncomingMessage = {
    ...baseMessage(privateChatOf(from), from, opts),
    refunded_payment: {
      currency: 'XTR',
      total_amount: invoice.total_amount,
      invoice_payload: invoice.payload,
      telegram_payment_charge_id: invoice.telegram_payment_charge_id,
    },
  };
  return deliverMessage(message, opts);
}

/** A user bought a paid-media post: Telegram echoes the post's payload (see `fake.paidMediaPayload`). */
export function purchasedPaidMedia(from: User, payload: string): Update {
  return toUpdate({ purchased_paid_media: { from, paid_media_payload: payload } });
}

/** Someone typing the bot's @username and `query` in a chat (inline mode). */
export function inlineQuery(
  from: User,
  query: string,
  opts: { offset?: string; chatType?: 'sender' | 'private' | 'group' | 'supergroup' | 'channel' } = {},
): Update {
  return toUpdate({
    inline_query: {
      id: String(nextQueryId++),
      from,
      query,
      offset: opts.offset ?? '',
      chat_type: opts.chatType ?? 'supergroup',
    },
  });
}

/** The result someone picked from an inline answer (sent when inline feedback is on in @BotFather). */
export function chosenInlineResult(from: User, resultId: string, query = ''): Update {
  return toUpdate({ chosen_inline_result: { result_id: resultId, from, query } });
}
