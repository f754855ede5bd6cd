/**
 * The real bot in process: `createBot` with the real use cases on a fresh database (see `services.ts`),
 * `botInfo` given (no getMe), and an API transformer that records every outgoing call and answers it with
 * a plausible result, without any network. Updates go straight to `bot.handleUpdate`, so a handler branch
 * takes milliseconds to test. What needs the outbox worker, the fakes or the webhook stays end to end.
 *
 *   const h = await createBotHarness();
 *   afterAll(() => h.dispose());
 *   await h.handle(command(fan, '/balance'));
 *   expect(h.lastText(fan.id)).toContain(en('balance-title'));
 */
import type { Bot, Transformer } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { createBot } from '../../src/bot/index.ts';
import type { Context } from '../../src/bot/context.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_BOT_INFO } from './fake-telegram/index.ts';
import { createServiceStack, type ServiceStack, type ServiceStackOptions } from './services.ts';
import {
  buttonsOf,
  lastTextTo,
  messagesTo,
  type Button,
  type CallSource,
  type SentCall,
} from './telegram-calls.ts';

/** One outgoing Bot API call and the result the harness gave (or the error it was told to return). */
export interface HarnessCall extends SentCall {
  result?: unknown;
  error?: { error_code: number; description: string };
}

/** Answers a call instead of the default (return `undefined` to fall back to it). */
type CallAnswer = { result: unknown } | { error: { error_code: number; description: string } } | undefined;
/** (A promise holds the call until it settles: to see what runs meanwhile.) */
export type CallResponder = (payload: Record<string, any>) => CallAnswer | Promise<CallAnswer>;

export interface BotHarness extends CallSource {
  bot: Bot<Context>;
  /** The use cases, database, clock and recorded jobs behind the bot. */
  stack: ServiceStack;
  /** Every outgoing call, in order. */
  calls: HarnessCall[];
  /** Runs one update through the whole middleware stack (rejects like `bot.handleUpdate`). */
  handle(update: Update): Promise<void>;
  callsTo(method: string): HarnessCall[];
  /** Successful messages sent to a chat. */
  sentTo(chatId: number): SentCall[];
  /** The text of the last message sent to a chat. */
  lastText(chatId: number): string | undefined;
  /** The last message sent to a chat, as the API returned it (to press its buttons: `callbackQuery`). */
  lastMessage(chatId: number): Message;
  /** The buttons of the last message sent to a chat (flattened). */
  keyboard(chatId: number): Button[];
  /** The last answer to a callback query (its payload), if any. */
  lastAnswer(): Record<string, any> | undefined;
  /** Overrides the answer to `method` (e.g. an error) until `respond(method, null)`. */
  respond(method: string, responder: CallResponder | null): void;
  /** Forgets the recorded calls. */
  reset(): void;
  dispose(): Promise<void>;
}

export interface BotHarnessOptions extends ServiceStackOptions {
  botInfo?: UserFromGetMe;
  /** An existing stack (share one database between harnesses); it is not disposed with the harness. */
  stack?: ServiceStack;
}

const unixNow = () => Math.floor(Date.now() / 1000);

export async function createBotHarness(opts: BotHarnessOptions = {}): Promise<BotHarness> {
  const stack = opts.stack ?? (await createServiceStack(opts));
  const botInfo = opts.botInfo ?? DEFAULT_BOT_INFO;
  const calls: HarnessCall[] = [];
  const responders = new Map<string, CallResponder>();
  const nextMessageId = new Map<number, number>();
  let nextThreadId = 1000;

  const chatOf = (chatId: number) =>
    chatId > 0
      ? ({ id: chatId, type: 'private', first_name: `User ${chatId}` } as const)
      : ({ id: chatId, type: 'supergroup', title: `Group ${chatId}`, is_forum: true } as const);

  /** A message as Telegram would return it for a send to `payload.chat_id`. */
  const messageFor = (payload: Record<string, any>, messageId?: number): Message => {
    const chatId = Number(payload.chat_id);
    const id = messageId ?? (nextMessageId.get(chatId) ?? 5000) + 1;
    if (messageId === undefined) nextMessageId.set(chatId, id);
    return {
      message_id: id,
      date: unixNow(),
      chat: chatOf(chatId),
      from: botInfo,
      ...(payload.message_thread_id
        ? { message_thread_id: payload.message_thread_id, is_topic_message: true }
        : {}),
      ...(typeof payload.text === 'string' ? { text: payload.text } : {}),
      ...(typeof payload.caption === 'string' ? { caption: payload.caption } : {}),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
    };
  };

  const defaultResult = (method: string, payload: Record<string, any>): unknown => {
    if (method === 'copyMessage') return { message_id: messageFor(payload).message_id };
    if (method === 'copyMessages' || method === 'forwardMessages')
      return (payload.message_ids as number[]).map(() => ({ message_id: messageFor(payload).message_id }));
    if (method === 'sendMediaGroup') return (payload.media as unknown[]).map(() => messageFor(payload));
    if (method.startsWith('send') && method !== 'sendChatAction') return messageFor(payload);
    if (method === 'forwardMessage') return messageFor(payload);
    if (method.startsWith('editMessage'))
      return payload.inline_message_id ? true : messageFor(payload, Number(payload.message_id));
    if (method === 'createForumTopic')
      return { message_thread_id: ++nextThreadId, name: payload.name, icon_color: 7322096 };
    if (method === 'getChat') return { ...chatOf(Number(payload.chat_id)), accent_color_id: 0 };
    if (method === 'getChatMember')
      return {
        status: 'member',
        user: { id: Number(payload.user_id), is_bot: false, first_name: `User ${payload.user_id}` },
      };
    if (method === 'getMe') return botInfo;
    if (method === 'createInvoiceLink') return `https://t.me/$invoice-${calls.length}`;
    if (method === 'getMyCommands') return [];
    if (method === 'createChatInviteLink')
      return {
        invite_link: `https://t.me/+harness${calls.length}`,
        creator: botInfo,
        creates_join_request: false,
        is_primary: false,
        is_revoked: false,
        ...(payload.member_limit !== undefined ? { member_limit: payload.member_limit } : {}),
        ...(payload.expire_date !== undefined ? { expire_date: payload.expire_date } : {}),
      };
    return true;
  };

  const recorder: Transformer = async (_prev, method, payload) => {
    const p = { ...(payload as Record<string, any>) };
    const custom = await responders.get(method)?.(p);
    if (custom && 'error' in custom) {
      calls.push({ method, payload: p, ok: false, error: custom.error });
      return { ok: false, ...custom.error } as never;
    }
    const result = custom ? custom.result : defaultResult(method, p);
    calls.push({ method, payload: p, ok: true, result });
    return { ok: true, result } as never;
  };

  const bot = createBot(
    `${botInfo.id}:harness-token-not-used-anywhere`,
    {
      services: stack.services,
      config: { adminGroupIds: stack.adminGroupIds, adminUserIds: stack.adminUserIds },
      logger: createLogger(
        process.env.TEST_LOG_LEVEL === undefined ? 'silent' : (process.env.TEST_LOG_LEVEL as 'info'),
      ),
      translator: stack.translator,
      groupLocale: async () => (await stack.services.getSettings()).group_language,
    },
    // Nothing listens there: every call is answered by the recorder below before it leaves.
    { apiRoot: 'http://127.0.0.1:9', botInfo },
  );
  // Installed last, so it runs first and never calls the transformers below it (nor the network).
  bot.api.config.use(recorder);

  const harness: BotHarness = {
    bot,
    stack,
    calls,
    handle: (update) => bot.handleUpdate(update),
    callsTo: (method) => calls.filter((c) => c.method === method),
    sentTo: (chatId) => messagesTo(harness, chatId),
    lastText: (chatId) => lastTextTo(harness, chatId),
    lastMessage(chatId) {
      const last = calls
        .filter((c) => c.ok && c.method === 'sendMessage' && c.payload.chat_id === chatId)
        .at(-1);
      if (!last) throw new Error(`nothing was sent to ${chatId}`);
      return last.result as Message;
    },
    keyboard: (chatId) => buttonsOf(messagesTo(harness, chatId).at(-1)),
    lastAnswer: () => harness.callsTo('answerCallbackQuery').at(-1)?.payload,
    respond(method, responder) {
      if (responder) responders.set(method, responder);
      else responders.delete(method);
    },
    reset: () => void (calls.length = 0),
    async dispose() {
      if (!opts.stack) await stack.dispose();
    },
  };
  return harness;
}
