/**
 * Shared machinery of the method handlers: where a send lands (chat, thread, reply), how a bot message is
 * stored, entity parsing of texts and captions, and media resolution (uploads, URLs, known file ids).
 */
import type { Message } from 'grammy/types';
import { mediaObject, newFileIds, type MediaKind } from '../files.ts';
import { EntityParseError, normalizeParseMode, parseFormatted } from '../formatting.ts';
import { isUploadedFile, type UploadedFile } from '../multipart.ts';
import { badRequest, type ChatState, type FakeState, type StoredMessage, type TopicState } from '../state.ts';

export interface MethodContext {
  method: string;
  state: FakeState;
  payload: Record<string, any>;
  uploads: Map<string, UploadedFile>;
  updates: { pending(): number; clear(): void };
}

export type Handler = (ctx: MethodContext) => unknown;

export const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
export const QUERY_TOO_OLD = 'query is too old and response timeout expired or query ID is invalid';
export const DEFAULT_TOPIC_COLOR = 7322096;

export type Fields = Record<string, unknown>;

export function formatted(
  text: string,
  mode: unknown,
  entities: unknown,
  key: 'entities' | 'caption_entities' = 'entities',
): Fields {
  const parseMode = normalizeParseMode(mode);
  if (parseMode) {
    try {
      const parsed = parseFormatted(text, parseMode);
      return { text: parsed.text, ...(parsed.entities.length > 0 ? { [key]: parsed.entities } : {}) };
    } catch (err) {
      if (err instanceof EntityParseError) throw badRequest(`can't parse entities: ${err.message}`);
      throw err;
    }
  }
  return { text, ...(Array.isArray(entities) && entities.length > 0 ? { [key]: entities } : {}) };
}

export function captionFields(caption: unknown, mode: unknown, entities: unknown): Fields {
  if (typeof caption !== 'string' || caption === '') return {};
  const { text, caption_entities } = formatted(caption, mode, entities, 'caption_entities');
  return { caption: text, ...(caption_entities ? { caption_entities } : {}) };
}

export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const inlineMarkup = (markup: unknown): Fields =>
  markup && Array.isArray((markup as { inline_keyboard?: unknown }).inline_keyboard)
    ? { reply_markup: markup }
    : {};

/** A copy of a message suitable for nesting as reply_to_message / pinned_message (no deeper nesting). */
export function shallow(message: Message): Message {
  const {
    reply_to_message: _reply,
    pinned_message: _pinned,
    ...rest
  } = message as Message & { pinned_message?: unknown };
  return rest;
}

export function omit(message: Message, keys: string[]): Fields {
  const copy: Fields = { ...message };
  for (const key of keys) delete copy[key];
  return copy;
}

export function isForum(state: FakeState, chat: ChatState): boolean {
  return chat.chat.type === 'supergroup'
    ? chat.chat.is_forum === true
    : chat.chat.type === 'private' && state.bot.has_topics_enabled;
}

export function requireThread(chat: ChatState, threadId: number): TopicState {
  const topic = chat.topics.get(threadId);
  if (!topic) throw badRequest('message thread not found');
  return topic;
}

export function requireTopic(chat: ChatState, threadId: unknown): TopicState {
  const topic = typeof threadId === 'number' ? chat.topics.get(threadId) : undefined;
  if (!topic) throw badRequest('TOPIC_ID_INVALID');
  return topic;
}

export function forumChat(ctx: MethodContext): ChatState {
  const chat = ctx.state.resolveChat(ctx.payload.chat_id);
  if (!isForum(ctx.state, chat)) throw badRequest('the chat is not a forum');
  return chat;
}

export interface Placement {
  chat: ChatState;
  threadId?: number;
  replyTo?: StoredMessage;
}

/** Target chat, thread (explicit or inherited from the replied message) and reply target of a send. */
export function place(ctx: MethodContext, chatId: unknown = ctx.payload.chat_id): Placement {
  const { state, payload } = ctx;
  const chat = state.resolveChat(chatId);
  let threadId = payload.message_thread_id as number | undefined;
  let replyTo: StoredMessage | undefined;
  const reply = payload.reply_parameters as
    { message_id: number; chat_id?: number | string; allow_sending_without_reply?: boolean } | undefined;
  if (reply) {
    const replyChat = reply.chat_id !== undefined ? state.resolveChat(reply.chat_id) : chat;
    const target = replyChat.messages.get(reply.message_id);
    if (!target && !reply.allow_sending_without_reply) throw badRequest('message to be replied not found');
    if (target && replyChat === chat) {
      replyTo = target;
      if (threadId === undefined && target.message.is_topic_message)
        threadId = target.message.message_thread_id;
    }
  }
  if (threadId !== undefined) requireThread(chat, threadId);
  return { chat, ...(threadId !== undefined ? { threadId } : {}), ...(replyTo ? { replyTo } : {}) };
}

/** Stores a new bot message at the placement and returns it. */
export function post(
  ctx: MethodContext,
  at: Placement,
  content: Fields,
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  const { state, payload } = ctx;
  const root = at.threadId !== undefined ? at.chat.messages.get(at.threadId) : undefined;
  const replied = at.replyTo?.message ?? root?.message;
  const message = {
    message_id: state.allocateMessageId(at.chat.chat.id),
    from: state.botUser,
    chat: at.chat.chat,
    date: state.unixNow(),
    ...(at.threadId !== undefined ? { message_thread_id: at.threadId, is_topic_message: true } : {}),
    ...(replied ? { reply_to_message: shallow(replied) } : {}),
    ...(payload.protect_content === true ? { has_protected_content: true } : {}),
    ...(typeof payload.message_effect_id === 'string' ? { effect_id: payload.message_effect_id } : {}),
    ...content,
  } as unknown as Message;
  return state.store({
    message,
    fromBot: true,
    via: ctx.method,
    ...(at.replyTo ? { replyTo: at.replyTo.message.message_id } : {}),
    ...extra,
  });
}

export function postService(
  ctx: MethodContext,
  chat: ChatState,
  threadId: number | undefined,
  content: Fields,
): StoredMessage {
  const at: Placement = { chat, ...(threadId !== undefined ? { threadId } : {}) };
  return post({ ...ctx, payload: {} }, at, content, { via: 'service' });
}

/** Media for a send: a known file_id is reused, an upload or URL becomes a new file. */
export function resolveMedia(ctx: MethodContext, kind: MediaKind, input: unknown): unknown {
  let source = input;
  if (typeof source === 'string' && source.startsWith('attach://'))
    source = ctx.uploads.get(source.slice('attach://'.length));
  if (isUploadedFile(source))
    return mediaObject(kind, newFileIds(kind), { filename: source.filename, size: source.size });
  if (typeof source !== 'string' || source === '')
    throw badRequest('wrong file identifier/HTTP URL specified');
  if (/^https?:\/\//.test(source)) return mediaObject(kind, newFileIds(kind));
  const known = ctx.state.files.get(source);
  if (known) {
    const compatible = known.kind === kind || (known.kind === 'animation' && kind === 'document');
    if (!compatible) throw badRequest(`can't use file of type ${title(known.kind)} as ${title(kind)}`);
    if (known.kind === kind) return known.media;
  }
  // An id the fake never saw (e.g. from a hand-written update): accept it as Telegram would a valid one.
  return mediaObject(kind, {
    file_id: source,
    file_unique_id: `AgAD${Buffer.from(source).toString('base64url').slice(-8)}`,
  });
}

export const title = (kind: MediaKind): string =>
  kind
    .split('_')
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');

export function sendMedia(kind: MediaKind): Handler {
  return (ctx) => {
    const { payload } = ctx;
    const at = place(ctx);
    const media = resolveMedia(ctx, kind, payload[kind]);
    return post(ctx, at, {
      [kind]: media,
      ...captionFields(payload.caption, payload.parse_mode, payload.caption_entities),
      ...(payload.has_spoiler === true ? { has_media_spoiler: true } : {}),
      ...(payload.show_caption_above_media === true ? { show_caption_above_media: true } : {}),
      ...inlineMarkup(payload.reply_markup),
    }).message;
  };
}
