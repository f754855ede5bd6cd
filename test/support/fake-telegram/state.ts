/**
 * What the fake Telegram remembers: chats, their messages (bot-sent and registered incoming ones),
 * forum topics, pins, reactions, files, commands, webhook and Stars payments.
 */
import type {
  BotCommand,
  Chat,
  ChatMember,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  ReactionType,
  User,
  UserFromGetMe,
} from 'grammy/types';
import { MEDIA_KINDS, type MediaKind } from './files.ts';

/** A bad request the way Telegram answers it (`{ ok: false, error_code, description, parameters? }`). */
export class ApiError extends Error {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  /** Method that created it ("sendMessage", "copyMessage"...), "incoming" or "service". */
  via: string;
  /** Explicit reply target (not the implicit topic root). */
  replyTo?: number;
  copiedFrom?: { chat_id: number; message_id: number };
  /** The bot's payload of a paid-media post (sendPaidMedia), echoed in `purchased_paid_media`. */
  paidMediaPayload?: string;
}

export interface TopicState {
  message_thread_id: number;
  name: string;
  icon_color: number;
  icon_custom_emoji_id?: string;
  closed: boolean;
}

export interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
  topics: Map<number, TopicState>;
  /** Pinned message ids, most recent last. */
  pins: number[];
  reactions: Map<number, ReactionType[]>;
  members: Map<number, ChatMember>;
  blocked: boolean;
  kicked: boolean;
  /** The bot left this group or channel itself (leaveChat). */
  left: boolean;
}

export interface FileRecord {
  file_id: string;
  file_unique_id: string;
  kind: MediaKind;
  file_size: number;
  file_path: string;
  /** The media object as it appears in messages (PhotoSize[] for photos). */
  media: unknown;
  /** What a download of it returns (set with `FakeTelegram.setFileContents`; a placeholder otherwise). */
  contents?: Buffer;
}

export interface WebhookState {
  url: string;
  secret_token?: string;
  allowed_updates?: string[];
  max_connections?: number;
  ip_address?: string;
}

export interface PaymentRecord {
  user_id: number;
  telegram_payment_charge_id: string;
  currency: string;
  total_amount: number;
  refunded: boolean;
  /** When the Stars came in (Unix seconds): the incoming Star transaction's date. */
  date: number;
  /** The invoice's payload (`getStarTransactions` shows it on the payment). */
  invoice_payload?: string;
  /** When the Stars went back (the refund transaction's date). */
  refunded_date?: number;
}

/** A message as tests see it through `messagesIn()`. */
export interface FakeMessage {
  chat_id: number;
  message_id: number;
  /** Forum topic / thread; undefined for the General topic and plain chats. */
  thread_id?: number;
  from_bot: boolean;
  /** "sendMessage", "copyMessage", ..., "incoming" for registered updates, "service" for service messages. */
  via: string;
  date: number;
  text?: string;
  caption?: string;
  entities?: MessageEntity[];
  reply_markup?: InlineKeyboardMarkup;
  /** message_id this message explicitly replies to. */
  reply_to?: number;
  media?: { kind: MediaKind; file_id: string };
  /** Service message kind, e.g. "forum_topic_created", "pinned_message". */
  service?: string;
  copied_from?: { chat_id: number; message_id: number };
  edited: boolean;
  /** The full Bot API object as last returned to the bot (or registered). */
  message: Message;
}

const SERVICE_KEYS = [
  'forum_topic_created',
  'forum_topic_edited',
  'forum_topic_closed',
  'forum_topic_reopened',
  'pinned_message',
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'group_chat_created',
  'supergroup_chat_created',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'successful_payment',
  'refunded_payment',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
] as const;

export function serviceKind(message: Message): string | undefined {
  return SERVICE_KEYS.find((key) => (message as unknown as Record<string, unknown>)[key] !== undefined);
}

export function mediaOf(message: Message): { kind: MediaKind; file_id: string } | undefined {
  for (const kind of MEDIA_KINDS) {
    const media = (message as unknown as Record<string, unknown>)[kind];
    if (!media) continue;
    const file = Array.isArray(media)
      ? (media.at(-1) as { file_id: string })
      : (media as { file_id: string });
    return { kind, file_id: file.file_id };
  }
  return undefined;
}

export function toFakeMessage(stored: StoredMessage): FakeMessage {
  const m = stored.message;
  const media = mediaOf(m);
  const service = serviceKind(m);
  const markup = m.reply_markup;
  return {
    chat_id: m.chat.id,
    message_id: m.message_id,
    ...(m.is_topic_message && m.message_thread_id !== undefined ? { thread_id: m.message_thread_id } : {}),
    from_bot: stored.fromBot,
    via: stored.via,
    date: m.date,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.caption !== undefined ? { caption: m.caption } : {}),
    ...(m.entities ? { entities: m.entities } : {}),
    ...(markup ? { reply_markup: markup } : {}),
    ...(stored.replyTo !== undefined ? { reply_to: stored.replyTo } : {}),
    ...(media ? { media } : {}),
    ...(service ? { service } : {}),
    ...(stored.copiedFrom ? { copied_from: stored.copiedFrom } : {}),
    edited: m.edit_date !== undefined,
    message: m,
  };
}

export class FakeState {
  readonly chats = new Map<number, ChatState>();
  readonly files = new Map<string, FileRecord>();
  readonly commands = new Map<string, BotCommand[]>();
  readonly payments = new Map<string, PaymentRecord>();
  readonly users = new Map<number, User>();
  readonly answeredCallbackQueries = new Set<string>();
  /** Invite links created so far (each link is unique). */
  inviteLinks = 0;
  readonly answeredPreCheckoutQueries = new Set<string>();
  webhook: WebhookState | null = null;

  constructor(
    readonly bot: UserFromGetMe,
    private readonly clock: () => number,
  ) {}

  get botUser(): User {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
  }

  unixNow(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** The chat with this id, created on first use: private when id > 0, forum supergroup when id < 0. */
  chat(id: number): ChatState {
    let state = this.chats.get(id);
    if (!state) {
      const user = this.users.get(id);
      const chat: Chat =
        id > 0
          ? {
              id,
              type: 'private',
              first_name: user?.first_name ?? `User ${id}`,
              ...(user?.last_name ? { last_name: user.last_name } : {}),
              ...(user?.username ? { username: user.username } : {}),
            }
          : { id, type: 'supergroup', title: `Group ${id}`, is_forum: true };
      state = {
        chat,
        nextMessageId: 1,
        messages: new Map(),
        topics: new Map(),
        pins: [],
        reactions: new Map(),
        members: new Map(),
        blocked: false,
        kicked: false,
        left: false,
      };
      this.chats.set(id, state);
    }
    return state;
  }

  /** Resolves a `chat_id` parameter (number, numeric string or "@username"). */
  resolveChat(chatId: unknown): ChatState {
    if (typeof chatId === 'number') return this.chat(chatId);
    if (typeof chatId === 'string') {
      if (/^-?\d+$/.test(chatId)) return this.chat(Number(chatId));
      const username = chatId.replace(/^@/, '').toLowerCase();
      for (const state of this.chats.values()) {
        if ('username' in state.chat && state.chat.username?.toLowerCase() === username) return state;
      }
    }
    throw badRequest('chat not found');
  }

  allocateMessageId(chatId: number): number {
    const chat = this.chat(chatId);
    return chat.nextMessageId++;
  }

  findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(messageId);
  }

  store(stored: StoredMessage): StoredMessage {
    const chat = this.chat(stored.message.chat.id);
    chat.messages.set(stored.message.message_id, stored);
    if (stored.message.message_id >= chat.nextMessageId) chat.nextMessageId = stored.message.message_id + 1;
    this.indexFiles(stored.message);
    return stored;
  }

  /** Registers a message that "a user sent" so the bot can reply to it, copy it, react to it... */
  registerIncoming(message: Message): void {
    if (message.from && !message.from.is_bot) this.users.set(message.from.id, message.from);
    const chat = this.chat(message.chat.id);
    if (message.chat.type === 'private' || message.chat.title !== undefined)
      chat.chat = { ...chat.chat, ...message.chat } as Chat;
    const existing = chat.messages.get(message.message_id);
    const replyTo = message.reply_to_message;
    const explicitReply =
      replyTo && !(message.is_topic_message && replyTo.message_id === message.message_thread_id);
    this.store({
      message,
      fromBot: message.from?.id === this.bot.id,
      via: existing?.via ?? 'incoming',
      ...(explicitReply ? { replyTo: replyTo.message_id } : {}),
    });
    const payment = message.successful_payment;
    if (payment && message.from) {
      this.registerPayment({
        user_id: message.from.id,
        telegram_payment_charge_id: payment.telegram_payment_charge_id,
        currency: payment.currency,
        total_amount: payment.total_amount,
        date: message.date,
        invoice_payload: payment.invoice_payload,
      });
    }
  }

  registerPayment(payment: Omit<PaymentRecord, 'refunded' | 'refunded_date'>): void {
    this.payments.set(payment.telegram_payment_charge_id, { ...payment, refunded: false });
  }

  private indexFiles(message: Message): void {
    for (const kind of MEDIA_KINDS) {
      const media = (message as unknown as Record<string, unknown>)[kind];
      if (!media) continue;
      const sizes = (Array.isArray(media) ? media : [media]) as Array<{
        file_id: string;
        file_unique_id: string;
        file_size?: number;
      }>;
      for (const file of sizes) {
        if (this.files.has(file.file_id)) continue;
        this.files.set(file.file_id, {
          file_id: file.file_id,
          file_unique_id: file.file_unique_id,
          kind,
          file_size: file.file_size ?? 1024,
          file_path: `${kind}s/file_${this.files.size}.${extension(kind)}`,
          media,
        });
      }
    }
  }

  deleteTopic(chatId: number, threadId: number): void {
    const chat = this.chats.get(chatId);
    if (!chat) return;
    chat.topics.delete(threadId);
    for (const [id, stored] of chat.messages) {
      if (stored.message.message_thread_id === threadId && stored.message.is_topic_message) {
        chat.messages.delete(id);
        chat.reactions.delete(id);
        chat.pins = chat.pins.filter((p) => p !== id);
      }
    }
  }

  static commandsKey(scope: unknown, languageCode: unknown): string {
    const s = (scope ?? { type: 'default' }) as {
      type?: string;
      chat_id?: number | string;
      user_id?: number;
    };
    return [
      s.type ?? 'default',
      s.chat_id ?? '',
      s.user_id ?? '',
      typeof languageCode === 'string' ? languageCode : '',
    ].join('|');
  }
}

export function extension(kind: MediaKind): string {
  switch (kind) {
    case 'photo':
      return 'jpg';
    case 'voice':
      return 'oga';
    case 'audio':
      return 'mp3';
    case 'sticker':
      return 'webp';
    case 'document':
      return 'pdf';
    default:
      return 'mp4';
  }
}
