/**
 * Message methods: sends (text, media, albums, invoices, paid media), copies and forwards, edits,
 * deletions, pins, reactions and chat actions.
 */
import type { Message, ReactionType } from 'grammy/types';
import type { MediaKind } from '../files.ts';
import { badRequest, mediaOf, serviceKind, type ChatState, type StoredMessage } from '../state.ts';
import {
  captionFields,
  formatted,
  inlineMarkup,
  NOT_MODIFIED,
  omit,
  place,
  post,
  postService,
  requireThread,
  resolveMedia,
  sameJson,
  sendMedia,
  shallow,
  type Fields,
  type Handler,
  type MethodContext,
  type Placement,
} from './common.ts';

/** The message's content, as copied by copyMessage / forwardMessage. */
const CONTENT_KEYS = [
  'text',
  'entities',
  'link_preview_options',
  'photo',
  'video',
  'document',
  'audio',
  'voice',
  'animation',
  'video_note',
  'sticker',
  'caption',
  'caption_entities',
  'show_caption_above_media',
  'has_media_spoiler',
  'contact',
  'location',
  'venue',
  'poll',
  'dice',
  'paid_media',
  'checklist',
];

function contentOf(message: Message): Fields {
  const source = message as unknown as Fields;
  return Object.fromEntries(CONTENT_KEYS.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

function copySource(ctx: MethodContext, messageId: number): StoredMessage | undefined {
  const chat = ctx.state.resolveChat(ctx.payload.from_chat_id);
  const source = chat.messages.get(messageId);
  if (!source) return undefined;
  if (serviceKind(source.message) || source.message.invoice) throw badRequest("message can't be copied");
  if (source.message.has_protected_content)
    throw badRequest("message has protected content and can't be forwarded");
  return source;
}

function copyOne(ctx: MethodContext, at: Placement, source: StoredMessage): StoredMessage {
  const { payload } = ctx;
  let content = contentOf(source.message);
  if (payload.remove_caption === true) {
    const { caption: _c, caption_entities: _e, ...rest } = content;
    content = rest;
  } else if (payload.caption !== undefined && mediaOf(source.message)) {
    const { caption: _c, caption_entities: _e, ...rest } = content;
    content = { ...rest, ...captionFields(payload.caption, payload.parse_mode, payload.caption_entities) };
  }
  return post(
    ctx,
    at,
    { ...content, ...inlineMarkup(payload.reply_markup) },
    {
      copiedFrom: { chat_id: source.message.chat.id, message_id: source.message.message_id },
    },
  );
}

function forwardOne(ctx: MethodContext, at: Placement, source: StoredMessage): StoredMessage {
  const m = source.message;
  const origin =
    m.forward_origin ??
    (m.from
      ? { type: 'user', sender_user: m.from, date: m.date }
      : { type: 'chat', sender_chat: m.chat, date: m.date });
  return post(
    ctx,
    at,
    { ...contentOf(m), forward_origin: origin },
    {
      copiedFrom: { chat_id: m.chat.id, message_id: m.message_id },
    },
  );
}

function increasingIds(ids: number[]): void {
  for (let i = 1; i < ids.length; i++) {
    if ((ids[i] as number) <= (ids[i - 1] as number))
      throw badRequest('message identifiers must be specified in a strictly increasing order');
  }
}

/** The bot message an edit method targets, or "inline" for inline_message_id edits. */
function editTarget(ctx: MethodContext): StoredMessage | 'inline' {
  const { payload, state } = ctx;
  if (payload.inline_message_id !== undefined) return 'inline';
  if (payload.chat_id === undefined || payload.message_id === undefined)
    throw badRequest('message identifier is not specified');
  const stored = state.resolveChat(payload.chat_id).messages.get(payload.message_id as number);
  if (!stored) throw badRequest('message to edit not found');
  if (!stored.fromBot || serviceKind(stored.message)) throw badRequest("message can't be edited");
  return stored;
}

function applyEdit(ctx: MethodContext, stored: StoredMessage, next: Fields, dropKeys: string[]): Message {
  const updated = {
    ...omit(stored.message, [...dropKeys, 'reply_markup']),
    ...next,
    edit_date: ctx.state.unixNow(),
  } as unknown as Message;
  stored.message = updated;
  return updated;
}

function deletable(chat: ChatState, id: number): boolean {
  const stored = chat.messages.get(id);
  return !!stored && stored.message.forum_topic_created === undefined;
}

function deleteFrom(chat: ChatState, id: number): void {
  chat.messages.delete(id);
  chat.reactions.delete(id);
  chat.pins = chat.pins.filter((p) => p !== id);
}

export const messageHandlers: Record<string, Handler> = {
  sendMessage: (ctx) => {
    const { payload } = ctx;
    const at = place(ctx);
    return post(ctx, at, {
      ...formatted(payload.text as string, payload.parse_mode, payload.entities),
      ...(payload.link_preview_options ? { link_preview_options: payload.link_preview_options } : {}),
      ...inlineMarkup(payload.reply_markup),
    }).message;
  },
  sendPhoto: sendMedia('photo'),
  sendVideo: sendMedia('video'),
  sendDocument: sendMedia('document'),
  sendAudio: sendMedia('audio'),
  sendVoice: sendMedia('voice'),
  sendAnimation: sendMedia('animation'),
  sendVideoNote: sendMedia('video_note'),
  sendSticker: sendMedia('sticker'),
  sendMediaGroup: (ctx) => {
    const at = place(ctx);
    const groupId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const items = ctx.payload.media as Array<Fields & { type: string; media: unknown }>;
    return items.map((item, i) => {
      const kind = (item.type === 'live_photo' ? 'photo' : item.type) as MediaKind;
      const placement =
        i === 0 ? at : { chat: at.chat, ...(at.threadId !== undefined ? { threadId: at.threadId } : {}) };
      return post(ctx, placement, {
        media_group_id: groupId,
        [kind]: resolveMedia(ctx, kind, item.media),
        ...captionFields(item.caption, item.parse_mode, item.caption_entities),
        ...(item.has_spoiler === true ? { has_media_spoiler: true } : {}),
      }).message;
    });
  },
  sendLocation: (ctx) => {
    const { latitude, longitude } = ctx.payload;
    return post(ctx, place(ctx), {
      location: { latitude, longitude },
      ...inlineMarkup(ctx.payload.reply_markup),
    }).message;
  },
  sendContact: (ctx) => {
    const { phone_number, first_name, last_name } = ctx.payload;
    return post(ctx, place(ctx), {
      contact: { phone_number, first_name, ...(last_name ? { last_name } : {}) },
      ...inlineMarkup(ctx.payload.reply_markup),
    }).message;
  },
  sendDice: (ctx) => {
    const emoji = (ctx.payload.emoji as string | undefined) ?? '🎲';
    return post(ctx, place(ctx), { dice: { emoji, value: 1 }, ...inlineMarkup(ctx.payload.reply_markup) })
      .message;
  },
  sendPaidMedia: (ctx) => {
    const { payload } = ctx;
    const items = payload.media as Array<{ type: string; media: unknown }>;
    // Each item must be a file of its type (a document's id sent as a photo is refused, as Telegram does).
    for (const item of items) resolveMedia(ctx, item.type as MediaKind, item.media);
    return post(
      ctx,
      place(ctx),
      {
        // What a fan who has not paid sees: a blurred preview per item.
        paid_media: {
          star_count: payload.star_count,
          paid_media: items.map(() => ({ type: 'preview', width: 800, height: 800 })),
        },
        ...captionFields(payload.caption, payload.parse_mode, payload.caption_entities),
        ...inlineMarkup(payload.reply_markup),
      },
      typeof payload.payload === 'string' ? { paidMediaPayload: payload.payload } : {},
    ).message;
  },
  sendInvoice: (ctx) => {
    const { payload } = ctx;
    const prices = payload.prices as Array<{ label: string; amount: number }>;
    if (payload.currency === 'XTR') {
      if (typeof payload.provider_token === 'string' && payload.provider_token !== '') {
        throw badRequest('provider_token must be empty for payments in Telegram Stars');
      }
      if (prices.length !== 1)
        throw badRequest('STARS_INVOICE_INVALID: exactly one price is required for Telegram Stars');
    }
    const keyboard = (
      payload.reply_markup as { inline_keyboard?: Array<Array<{ pay?: boolean }>> } | undefined
    )?.inline_keyboard;
    if (keyboard && keyboard[0]?.[0]?.pay !== true)
      throw badRequest('the first button of an invoice keyboard must be a Pay button');
    return post(ctx, place(ctx), {
      invoice: {
        title: payload.title,
        description: payload.description,
        start_parameter: payload.start_parameter ?? '',
        currency: payload.currency,
        total_amount: prices.reduce((sum, p) => sum + p.amount, 0),
      },
      ...inlineMarkup(payload.reply_markup),
    }).message;
  },
  copyMessage: (ctx) => {
    const source = copySource(ctx, ctx.payload.message_id as number);
    if (!source) throw badRequest('message to copy not found');
    return { message_id: copyOne(ctx, place(ctx), source).message.message_id };
  },
  copyMessages: (ctx) => {
    const ids = ctx.payload.message_ids as number[];
    increasingIds(ids);
    const at = place(ctx);
    const sources = ids.map((id) => copySource(ctx, id)).filter((s): s is StoredMessage => !!s);
    if (sources.length === 0) throw badRequest('message to copy not found');
    return sources.map((s) => ({ message_id: copyOne(ctx, at, s).message.message_id }));
  },
  forwardMessage: (ctx) => {
    const source = copySource(ctx, ctx.payload.message_id as number);
    if (!source) throw badRequest('message to forward not found');
    return forwardOne(ctx, place(ctx), source).message;
  },
  forwardMessages: (ctx) => {
    const ids = ctx.payload.message_ids as number[];
    increasingIds(ids);
    const at = place(ctx);
    const sources = ids.map((id) => copySource(ctx, id)).filter((s): s is StoredMessage => !!s);
    if (sources.length === 0) throw badRequest('message to forward not found');
    return sources.map((s) => ({ message_id: forwardOne(ctx, at, s).message.message_id }));
  },
  editMessageText: (ctx) => {
    const target = editTarget(ctx);
    if (target === 'inline') return true;
    const m = target.message;
    if (m.text === undefined) throw badRequest('there is no text in the message to edit');
    const next = formatted(ctx.payload.text as string, ctx.payload.parse_mode, ctx.payload.entities);
    const markup = inlineMarkup(ctx.payload.reply_markup);
    if (
      next.text === m.text &&
      sameJson(next.entities ?? [], m.entities ?? []) &&
      sameJson(markup.reply_markup, m.reply_markup)
    ) {
      throw badRequest(NOT_MODIFIED);
    }
    const preview = ctx.payload.link_preview_options
      ? { link_preview_options: ctx.payload.link_preview_options }
      : {};
    return applyEdit(ctx, target, { ...next, ...preview, ...markup }, ['text', 'entities']);
  },
  editMessageCaption: (ctx) => {
    const target = editTarget(ctx);
    if (target === 'inline') return true;
    const m = target.message;
    if (!mediaOf(m) && !m.paid_media) throw badRequest('there is no caption in the message to edit');
    const next = captionFields(ctx.payload.caption, ctx.payload.parse_mode, ctx.payload.caption_entities);
    const markup = inlineMarkup(ctx.payload.reply_markup);
    if (
      next.caption === m.caption &&
      sameJson(next.caption_entities ?? [], m.caption_entities ?? []) &&
      sameJson(markup.reply_markup, m.reply_markup)
    ) {
      throw badRequest(NOT_MODIFIED);
    }
    return applyEdit(ctx, target, { ...next, ...markup }, ['caption', 'caption_entities']);
  },
  editMessageReplyMarkup: (ctx) => {
    const target = editTarget(ctx);
    if (target === 'inline') return true;
    const markup = inlineMarkup(ctx.payload.reply_markup);
    if (sameJson(markup.reply_markup, target.message.reply_markup)) throw badRequest(NOT_MODIFIED);
    return applyEdit(ctx, target, markup, []);
  },
  editMessageMedia: (ctx) => {
    const target = editTarget(ctx);
    if (target === 'inline') return true;
    const previous = mediaOf(target.message);
    if (!previous) throw badRequest("message can't be edited");
    const item = ctx.payload.media as Fields & { type: string; media: unknown };
    const kind = (item.type === 'live_photo' ? 'photo' : item.type) as MediaKind;
    const media = resolveMedia(ctx, kind, item.media);
    return applyEdit(
      ctx,
      target,
      {
        [kind]: media,
        ...captionFields(item.caption, item.parse_mode, item.caption_entities),
        ...inlineMarkup(ctx.payload.reply_markup),
      },
      [previous.kind, 'caption', 'caption_entities'],
    );
  },
  deleteMessage: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    const id = payload.message_id as number;
    if (!chat.messages.has(id)) throw badRequest('message to delete not found');
    if (!deletable(chat, id)) throw badRequest("message can't be deleted");
    deleteFrom(chat, id);
    return true;
  },
  deleteMessages: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    for (const id of payload.message_ids as number[]) if (deletable(chat, id)) deleteFrom(chat, id);
    return true;
  },
  pinChatMessage: (ctx) => {
    const chat = ctx.state.resolveChat(ctx.payload.chat_id);
    const id = ctx.payload.message_id as number;
    const stored = chat.messages.get(id);
    if (!stored) throw badRequest('message to pin not found');
    chat.pins = [...chat.pins.filter((p) => p !== id), id];
    if (chat.chat.type !== 'private') {
      const thread = stored.message.is_topic_message ? stored.message.message_thread_id : undefined;
      postService(ctx, chat, thread, { pinned_message: shallow(stored.message) });
    }
    return true;
  },
  unpinChatMessage: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    const id = (payload.message_id as number | undefined) ?? chat.pins.at(-1);
    chat.pins = chat.pins.filter((p) => p !== id);
    return true;
  },
  unpinAllChatMessages: ({ state, payload }) => {
    state.resolveChat(payload.chat_id).pins = [];
    return true;
  },
  setMessageReaction: ({ state, payload }) => {
    const chat = state.resolveChat(payload.chat_id);
    const id = payload.message_id as number;
    const stored = chat.messages.get(id);
    if (!stored || serviceKind(stored.message)) throw badRequest('MESSAGE_ID_INVALID');
    const reaction = (payload.reaction as ReactionType[] | undefined) ?? [];
    if (reaction.length === 0) chat.reactions.delete(id);
    else chat.reactions.set(id, reaction);
    return true;
  },
  sendChatAction: (ctx) => {
    const chat = ctx.state.resolveChat(ctx.payload.chat_id);
    if (ctx.payload.message_thread_id !== undefined)
      requireThread(chat, ctx.payload.message_thread_id as number);
    return true;
  },
};
