/**
 * `FakeTelegram`: the handle tests use to start, drive and inspect the fake Bot API server.
 */
import type {
  BotCommand,
  BotCommandScope,
  Chat,
  ChatMember,
  Message,
  ReactionType,
  Update,
  UserFromGetMe,
} from 'grammy/types';
import { SENTINELS } from '../sentinels.ts';
import { FloodGate, type FloodLimits, type FloodStats } from './flood.ts';
import { BotApiServer, type InjectedError, type RecordedCall } from './server.ts';
import { loadSpec, type ApiSpec } from './spec.ts';
import {
  FakeState,
  toFakeMessage,
  type FakeMessage,
  type PaymentRecord,
  type TopicState,
  type WebhookState,
} from './state.ts';
import { UpdateQueue } from './update-queue.ts';

export type { InjectedError, RecordedCall } from './server.ts';
export { DROP_CONNECTION, LOSE_ANSWER } from './server.ts';

export interface FailNextOptions {
  /** How many matching calls fail (default 1; Infinity for all). */
  times?: number;
  /** Only calls whose validated payload matches fail. */
  match?: (payload: Record<string, any>) => boolean;
}

export interface FakeTelegramOptions {
  token?: string;
  /** Flood limits, off by default. See REAL_FLOOD_LIMITS / scaledFloodLimits. */
  flood?: FloodLimits | false;
  /** Overrides of the bot's getMe identity. */
  botUser?: Partial<UserFromGetMe>;
  /** Clock (ms) for flood windows, message dates and call timestamps. Default: Date.now at call time. */
  now?: () => number;
}

export interface MessagesInOptions {
  /** Include service messages (topic created/edited/closed, pinned message...). Default false. */
  includeService?: boolean;
}

export const DEFAULT_BOT_INFO: UserFromGetMe = Object.freeze({
  id: 7000000001,
  is_bot: true,
  first_name: 'FanBridge Test Bot',
  username: 'fanbridge_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
});

export const DEFAULT_TOKEN = SENTINELS.fakeBotToken;

/** Updates Telegram delivers when allowed_updates is not specified. */
const NOT_DELIVERED_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** The anonymous group admin, author of topics created "behind the bot's back". */
const GROUP_ANONYMOUS_BOT = {
  id: 1087968824,
  is_bot: true,
  first_name: 'Group',
  username: 'GroupAnonymousBot',
} as const;

const MESSAGE_UPDATE_KEYS = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_message',
  'edited_business_message',
  'guest_message',
];

interface Injection {
  method: string;
  error: InjectedError;
  remaining: number;
  match?: (payload: Record<string, any>) => boolean;
}

export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  readonly botInfo: UserFromGetMe;

  private readonly spec: ApiSpec;
  private readonly state: FakeState;
  private readonly flood: FloodGate;
  private readonly updates: UpdateQueue;
  private readonly clock: () => number;
  private readonly server: BotApiServer;
  private injections: Injection[] = [];
  /** Arrival sequence numbers of recorded calls (parallel to `calls`), to keep them in arrival order. */
  private readonly callSeqs: number[] = [];
  private callListeners: Array<(call: RecordedCall) => void> = [];
  private root = '';

  constructor(
    readonly token: string,
    opts: FakeTelegramOptions = {},
  ) {
    this.spec = loadSpec();
    this.clock = opts.now ?? (() => Date.now());
    this.botInfo = { ...DEFAULT_BOT_INFO, ...opts.botUser };
    this.state = new FakeState(this.botInfo, this.clock);
    this.flood = new FloodGate(opts.flood ?? false);
    const updateFields = this.spec.type('Update')?.fields ?? [];
    this.updates = new UpdateQueue(
      new Set(
        updateFields.map((f) => f.name).filter((n) => n !== 'update_id' && !NOT_DELIVERED_BY_DEFAULT.has(n)),
      ),
    );
    this.server = new BotApiServer({
      token,
      spec: this.spec,
      state: this.state,
      flood: this.flood,
      updates: this.updates,
      clock: this.clock,
      takeInjection: (method, payload) => this.takeInjection(method, payload),
      record: (call, seq) => this.record(call, seq),
    });
  }

  /** e.g. `http://127.0.0.1:43127`, for grammY's `client: { apiRoot }`. */
  get apiRoot(): string {
    return this.root;
  }

  /** @internal use startFakeTelegram() */
  async listen(): Promise<void> {
    this.root = await this.server.listen();
  }

  /** Releases waiting long polls, then stops the server. Stop polling bots first (`await bot.stop()`). */
  async close(): Promise<void> {
    await this.server.close();
  }

  // ------------------------------------------------------------ recorded calls & violations

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Forgets recorded calls (violations are kept: see takeViolations). */
  reset(): void {
    this.calls.length = 0;
    this.callSeqs.length = 0;
  }

  /** Returns and clears the violations, for tests that provoke them on purpose. */
  takeViolations(): string[] {
    return this.violations.splice(0);
  }

  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const list = this.violations.map((v, i) => `  ${i + 1}. ${v}`).join('\n');
    throw new Error(`Fake Telegram recorded ${this.violations.length} Bot API violation(s):\n${list}`);
  }

  /** Resolves with the first call (already recorded or future) to `method` matching `match`. */
  waitForCall(
    method: string,
    opts: { match?: (call: RecordedCall) => boolean; timeoutMs?: number; since?: number } = {},
  ): Promise<RecordedCall> {
    const accept = (c: RecordedCall): boolean => c.method === method && (opts.match?.(c) ?? true);
    const existing = this.calls.slice(opts.since ?? 0).find(accept);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const listener = (call: RecordedCall): void => {
        if (!accept(call)) return;
        clearTimeout(timer);
        this.callListeners = this.callListeners.filter((l) => l !== listener);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.callListeners = this.callListeners.filter((l) => l !== listener);
        reject(new Error(`waitForCall: no ${method} call within ${opts.timeoutMs ?? 2000} ms`));
      }, opts.timeoutMs ?? 2000);
      this.callListeners.push(listener);
    });
  }

  // ------------------------------------------------------------ error injection

  failNext(method: string, error: InjectedError, opts: FailNextOptions = {}): void {
    this.injections.push({
      method,
      error,
      remaining: opts.times ?? 1,
      ...(opts.match ? { match: opts.match } : {}),
    });
  }

  clearFailures(): void {
    this.injections = [];
  }

  /** Every send to this chat answers 403 "Forbidden: bot was blocked by the user". */
  blockChat(chatId: number): void {
    this.state.chat(chatId).blocked = true;
  }

  unblockChat(chatId: number): void {
    this.state.chat(chatId).blocked = false;
  }

  /** Every call about this chat answers 403 "Forbidden: bot was kicked from the supergroup chat". */
  removeBotFromChat(chatId: number): void {
    this.state.chat(chatId).kicked = true;
  }

  /** The bot is (again) a member: not kicked, not left. */
  restoreBotInChat(chatId: number): void {
    const chat = this.state.chat(chatId);
    chat.kicked = false;
    chat.left = false;
  }

  /** True once the bot called leaveChat on this chat (and was not added back since). */
  hasLeft(chatId: number): boolean {
    return this.state.chats.get(chatId)?.left ?? false;
  }

  // ------------------------------------------------------------ flood

  get stats(): Readonly<FloodStats> {
    return this.flood.stats;
  }

  resetStats(): void {
    this.flood.resetStats();
  }

  /** Empties the flood windows and forgets pending retry_afters. */
  resetFlood(): void {
    this.flood.resetWindows();
  }

  setFloodLimits(limits: FloodLimits | false): void {
    this.flood.setLimits(limits);
  }

  // ------------------------------------------------------------ chats, topics, incoming messages

  /** Makes a chat known as it is (a plain group, a supergroup without topics, a channel…). */
  registerChat(chat: Chat): void {
    this.state.chat(chat.id).chat = chat;
  }

  addForumGroup(chatId: number, opts: { title: string; username?: string }): Chat {
    if (chatId >= 0) throw new Error(`addForumGroup: supergroup ids are negative (got ${chatId})`);
    const chat = this.state.chat(chatId);
    chat.chat = {
      id: chatId,
      type: 'supergroup',
      title: opts.title,
      is_forum: true,
      ...(opts.username ? { username: opts.username } : {}),
    };
    return chat.chat;
  }

  /** Creates a topic as a human admin would (no bot call), returns its message_thread_id. */
  addTopic(chatId: number, name: string, opts: { icon_color?: number } = {}): number {
    const chat = this.state.chat(chatId);
    const threadId = this.state.allocateMessageId(chatId);
    const icon_color = opts.icon_color ?? 7322096;
    chat.topics.set(threadId, { message_thread_id: threadId, name, icon_color, closed: false });
    this.state.store({
      message: {
        message_id: threadId,
        message_thread_id: threadId,
        is_topic_message: true,
        from: GROUP_ANONYMOUS_BOT,
        chat: chat.chat,
        date: this.state.unixNow(),
        forum_topic_created: { name, icon_color },
      },
      fromBot: false,
      via: 'service',
    });
    return threadId;
  }

  /** Deletes a topic (and its messages) behind the bot's back. */
  deleteTopic(chatId: number, threadId: number): void {
    this.state.deleteTopic(chatId, threadId);
  }

  setChatMember(chatId: number, member: ChatMember): void {
    this.state.chat(chatId).members.set(member.user.id, member);
  }

  /** What downloading a known file returns (`GET /file/bot<token>/<path>`), e.g. a document's text. */
  setFileContents(fileId: string, contents: Buffer): void {
    const file = this.state.files.get(fileId);
    if (!file) throw new Error(`unknown file ${fileId}`);
    file.contents = contents;
    file.file_size = contents.length;
  }

  /** Makes a message "sent by a user" known to the fake (replies, copies, reactions, pins work on it). */
  registerIncoming(message: Message): void {
    this.state.registerIncoming(message);
  }

  /** Next message_id in a chat, shared with bot-sent messages so ids never collide. */
  allocateMessageId(chatId: number): number {
    return this.state.allocateMessageId(chatId);
  }

  registerPayment(payment: {
    user_id: number;
    telegram_payment_charge_id: string;
    total_amount: number;
    currency?: string;
    /** Unix seconds (default: now). */
    date?: number;
    invoice_payload?: string;
  }): void {
    this.state.registerPayment({ currency: 'XTR', date: Math.floor(Date.now() / 1000), ...payment });
  }

  // ------------------------------------------------------------ updates

  /** Queues an update for getUpdates; messages it carries are registered (see registerIncoming). */
  pushUpdate(update: Update): Update {
    this.registerUpdate(update);
    this.updates.push(update);
    return update;
  }

  /** Resolves once a getUpdates long poll is waiting (a polling bot is up), or rejects after timeoutMs. */
  async waitForPoll(timeoutMs = 2000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`waitForPoll: no long poll within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.updates.waitForPoll(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  pendingUpdates(): number {
    return this.updates.pending();
  }

  get allowedUpdates(): string[] {
    return this.updates.allowedUpdates;
  }

  // ------------------------------------------------------------ accessors

  /** Messages of a chat (all threads, or one thread when threadId is given), oldest first. */
  messagesIn(chatId: number, threadId?: number, opts: MessagesInOptions = {}): FakeMessage[] {
    const chat = this.state.chats.get(chatId);
    if (!chat) return [];
    return [...chat.messages.values()]
      .map(toFakeMessage)
      .filter(
        (m) => (threadId === undefined || m.thread_id === threadId) && (opts.includeService || !m.service),
      )
      .sort((a, b) => a.message_id - b.message_id);
  }

  /** The Chat object of a chat the fake knows (undefined otherwise). */
  chat(chatId: number): Chat | undefined {
    return this.state.chats.get(chatId)?.chat;
  }

  message(chatId: number, messageId: number): FakeMessage | undefined {
    const stored = this.state.findMessage(chatId, messageId);
    return stored ? toFakeMessage(stored) : undefined;
  }

  topics(chatId: number): TopicState[] {
    return [...(this.state.chats.get(chatId)?.topics.values() ?? [])].map((t) => ({ ...t }));
  }

  topicName(chatId: number, threadId: number): string | undefined {
    return this.state.chats.get(chatId)?.topics.get(threadId)?.name;
  }

  /** Pinned message ids, most recently pinned last. */
  pins(chatId: number): number[] {
    return [...(this.state.chats.get(chatId)?.pins ?? [])];
  }

  reactions(chatId: number, messageId: number): ReactionType[] {
    return [...(this.state.chats.get(chatId)?.reactions.get(messageId) ?? [])];
  }

  get webhook(): WebhookState | null {
    return this.state.webhook ? { ...this.state.webhook } : null;
  }

  /** Commands set for a scope (default scope when omitted) and language ("" / omitted = all languages). */
  commands(scope?: BotCommandScope, languageCode?: string): BotCommand[] {
    return [...(this.state.commands.get(FakeState.commandsKey(scope, languageCode)) ?? [])];
  }

  /**
   * The payload the bot gave a paid-media post (sendPaidMedia), which Telegram echoes in
   * `purchased_paid_media` when a user buys it (see `purchasedPaidMedia` in updates.ts). Throws for a
   * message that is not one of the bot's paid-media posts.
   */
  paidMediaPayload(chatId: number, messageId: number): string {
    const stored = this.state.findMessage(chatId, messageId);
    if (!stored?.fromBot || !stored.message.paid_media)
      throw new Error(`paidMediaPayload: message ${messageId} in ${chatId} is not a paid-media post`);
    return stored.paidMediaPayload ?? '';
  }

  /** Telegram refunds a charge on its own (support, a chargeback): a later refundStarPayment is refused. */
  refundOutside(chargeId: string): void {
    const charge = this.state.payments.get(chargeId);
    if (!charge) throw new Error(`refundOutside: no charge ${chargeId}`);
    charge.refunded = true;
    charge.refunded_date = Math.floor(Date.now() / 1000);
  }

  payments(): PaymentRecord[] {
    return [...this.state.payments.values()].map((p) => ({ ...p }));
  }

  /** Inserts a finished call by arrival order (a long poll finishing late stays where it arrived). */
  private record(call: RecordedCall, seq: number): void {
    if (call.violations) this.violations.push(...call.violations);
    let index = this.calls.length;
    while (index > 0 && (this.callSeqs[index - 1] as number) > seq) index--;
    this.calls.splice(index, 0, call);
    this.callSeqs.splice(index, 0, seq);
    for (const listener of [...this.callListeners]) listener(call);
  }

  private takeInjection(method: string, payload: Record<string, any>): InjectedError | undefined {
    const injection = this.injections.find(
      (i) => i.method === method && i.remaining > 0 && (i.match?.(payload) ?? true),
    );
    if (!injection) return undefined;
    injection.remaining--;
    this.injections = this.injections.filter((i) => i.remaining > 0);
    return injection.error;
  }

  private registerUpdate(update: Update): void {
    const carried = update as unknown as Record<string, Message | undefined>;
    for (const key of MESSAGE_UPDATE_KEYS) {
      const message = carried[key];
      if (!message) continue;
      if (
        message.reply_to_message &&
        !this.state.findMessage(message.chat.id, message.reply_to_message.message_id)
      ) {
        this.state.registerIncoming(message.reply_to_message);
      }
      this.state.registerIncoming(message);
    }
    const callbackMessage = update.callback_query?.message;
    if (
      callbackMessage &&
      callbackMessage.date !== 0 &&
      !this.state.findMessage(callbackMessage.chat.id, callbackMessage.message_id)
    ) {
      this.state.registerIncoming(callbackMessage);
    }
  }
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const fake = new FakeTelegram(opts.token ?? DEFAULT_TOKEN, opts);
  await fake.listen();
  return fake;
}
