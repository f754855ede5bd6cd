/**
 * Reading what the bot sent, the same way whether the calls were recorded by the fake Bot API
 * (`FakeTelegram`, end to end) or by the in-process harness (`test/support/bot-harness.ts`): both keep
 * `{ method, payload, ok }` per call.
 *
 *   const calls = callsOf(fake);              // or callsOf(harness)
 *   textsTo(calls, fan.id)                    // every text sent to the fan, in order
 *   await waitText(calls, fan.id, /paid/)     // the first one matching, polling until it arrives
 *   buttonsOf(lastTo(calls, fan.id))          // its inline keyboard, flattened
 */
import { eventually } from './eventually.ts';

/** An inline keyboard as sent (`reply_markup`). */
export type Keyboard = {
  inline_keyboard: Array<Array<{ text: string; callback_data?: string; url?: string }>>;
};
export type Button = Keyboard['inline_keyboard'][number][number];

/** One outgoing Bot API call, as both recorders keep it. */
export interface SentCall {
  method: string;
  payload: Record<string, any>;
  ok: boolean;
}

/** Anything that can list its recorded calls by method (a FakeTelegram, a BotHarness). */
export interface CallSource {
  callsTo(method: string): SentCall[];
}

/** The methods that put a text in a chat. */
const TEXT_METHODS = ['sendMessage'] as const;

/** Successful `sendMessage` calls to `chatId` (optionally only from the `from`-th call on). */
export function messagesTo(src: CallSource, chatId: number, from = 0): SentCall[] {
  return TEXT_METHODS.flatMap((m) => src.callsTo(m))
    .slice(from)
    .filter((c) => c.ok && c.payload.chat_id === chatId);
}

/** Texts sent to `chatId`, in order (`{ plain: true }` strips HTML tags). */
export function textsTo(
  src: CallSource,
  chatId: number,
  opts: { from?: number; plain?: boolean } = {},
): string[] {
  return messagesTo(src, chatId, opts.from ?? 0).map((c) =>
    opts.plain ? stripTags(String(c.payload.text)) : String(c.payload.text),
  );
}

/** The last message sent to `chatId` (undefined when none). */
export const lastTo = (src: CallSource, chatId: number): SentCall | undefined =>
  messagesTo(src, chatId).at(-1);

/** The last text sent to `chatId` (undefined when none). */
export const lastTextTo = (src: CallSource, chatId: number): string | undefined => {
  const last = lastTo(src, chatId);
  return last ? String(last.payload.text) : undefined;
};

/** The inline keyboard of a call (`reply_markup`), flattened to its buttons; [] when it has none. */
export function buttonsOf(call: SentCall | undefined): Button[] {
  const markup = call?.payload.reply_markup as Keyboard | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

/** The answers to callback queries, in order (optionally only those to `queryId`). */
export function callbackAnswers(src: CallSource, queryId?: string): SentCall[] {
  return src
    .callsTo('answerCallbackQuery')
    .filter((c) => queryId === undefined || String(c.payload.callback_query_id) === queryId);
}

/** Waits for a text to `chatId` matching `re` (HTML tags removed before matching); returns it. */
export function waitText(src: CallSource, chatId: number, re: RegExp, timeoutMs = 10_000): Promise<string> {
  return eventually(
    () => textsTo(src, chatId, { plain: true }).find((x) => re.test(x)),
    timeoutMs,
    String(re),
  );
}

export const stripTags = (html: string): string => html.replace(/<[^>]+>/g, '');
