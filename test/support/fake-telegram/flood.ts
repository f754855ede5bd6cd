/**
 * Telegram-like flood control: sliding windows per target chat (private or group budget, chosen by the
 * sign of the chat id) and one global window, plus detection of "early retries" (a call to a chat that
 * is still inside a retry_after the fake handed out).
 */

export interface FloodLimits {
  privatePerWindow: number;
  privateWindowMs: number;
  groupPerWindow: number;
  groupWindowMs: number;
  globalPerWindow: number;
  globalWindowMs: number;
}

/** Telegram's documented limits: 1 msg/s per private chat, 20 msg/min per group, 30 msg/s overall. */
export const REAL_FLOOD_LIMITS: FloodLimits = Object.freeze({
  privatePerWindow: 1,
  privateWindowMs: 1000,
  groupPerWindow: 20,
  groupWindowMs: 60_000,
  globalPerWindow: 30,
  globalWindowMs: 1000,
});

/** Same budgets, windows divided by `scale` (scale 10: 20 per 6 s in groups, 1 per 100 ms in private chats). */
export function scaledFloodLimits(scale: number): FloodLimits {
  if (!(scale > 0)) throw new RangeError(`scaledFloodLimits: scale must be > 0, got ${scale}`);
  return {
    ...REAL_FLOOD_LIMITS,
    privateWindowMs: REAL_FLOOD_LIMITS.privateWindowMs / scale,
    groupWindowMs: REAL_FLOOD_LIMITS.groupWindowMs / scale,
    globalWindowMs: REAL_FLOOD_LIMITS.globalWindowMs / scale,
  };
}

/**
 * Methods that consume flood budget: everything that posts, edits or pins a message, including the
 * topic methods that post a service message into the group (create/edit/close/reopen). Not counted:
 * getMe, getUpdates, answerCallbackQuery, sendChatAction, setMessageReaction, deleteMessage(s),
 * setMyCommands, setWebhook and other non-message calls.
 */
export const FLOOD_COUNTED_METHODS: ReadonlySet<string> = new Set([
  'sendMessage',
  'sendPhoto',
  'sendVideo',
  'sendDocument',
  'sendAudio',
  'sendVoice',
  'sendAnimation',
  'sendVideoNote',
  'sendSticker',
  'sendMediaGroup',
  'sendLocation',
  'sendVenue',
  'sendContact',
  'sendPoll',
  'sendDice',
  'sendChecklist',
  'sendInvoice',
  'sendPaidMedia',
  'sendGame',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
  'forwardMessages',
  'editMessageText',
  'editMessageCaption',
  'editMessageMedia',
  'editMessageReplyMarkup',
  'editMessageLiveLocation',
  'stopMessageLiveLocation',
  'pinChatMessage',
  'unpinChatMessage',
  'createForumTopic',
  'editForumTopic',
  'closeForumTopic',
  'reopenForumTopic',
]);

export interface FloodStats {
  /** Every 429 the fake produced for flood reasons (including the ones answering early retries). */
  tooManyRequests: number;
  /** Calls to a chat made while a previously given retry_after for that chat had not elapsed. */
  earlyRetries: number;
}

export type FloodVerdict =
  { ok: true } | { ok: false; retryAfter: number; reason: 'early_retry' | 'chat' | 'global' };

/** Tolerance for clock granularity when deciding whether a retry came early. */
const EARLY_RETRY_GRACE_MS = 50;

export class FloodGate {
  readonly stats: FloodStats = { tooManyRequests: 0, earlyRetries: 0 };
  private readonly perChat = new Map<number, number[]>();
  private global: number[] = [];
  private readonly retryUntil = new Map<number, number>();

  constructor(private limits: FloodLimits | false) {}

  setLimits(limits: FloodLimits | false): void {
    this.limits = limits;
  }

  /**
   * Early-retry detection: a counted call to a chat still inside a retry_after it was given is answered
   * 429 again (with the remaining time) and counted in `stats.earlyRetries`.
   */
  checkEarlyRetry(chatId: number | undefined, now: number): FloodVerdict {
    if (chatId === undefined) return { ok: true };
    const until = this.retryUntil.get(chatId);
    if (until === undefined) return { ok: true };
    if (now >= until - EARLY_RETRY_GRACE_MS) {
      this.retryUntil.delete(chatId);
      return { ok: true };
    }
    this.stats.earlyRetries++;
    this.stats.tooManyRequests++;
    return { ok: false, retryAfter: toRetryAfter(until - now), reason: 'early_retry' };
  }

  /**
   * Sliding-window budgets. Does not consume budget: call `commit` once the call succeeded. Over budget,
   * retry_after is the time until the blocking entry leaves its window, in whole seconds rounded up (>= 1).
   */
  checkWindows(chatId: number | undefined, now: number): FloodVerdict {
    if (!this.limits) return { ok: true };
    const limits = this.limits;
    let waitMs = 0;
    let reason: 'chat' | 'global' = 'chat';
    if (chatId !== undefined) {
      const [per, windowMs] =
        chatId > 0
          ? [limits.privatePerWindow, limits.privateWindowMs]
          : [limits.groupPerWindow, limits.groupWindowMs];
      const window = prune(this.perChat.get(chatId) ?? [], now - windowMs);
      this.perChat.set(chatId, window);
      waitMs = waitFor(window, per, windowMs, now);
    }
    this.global = prune(this.global, now - limits.globalWindowMs);
    const globalWait = waitFor(this.global, limits.globalPerWindow, limits.globalWindowMs, now);
    if (globalWait > waitMs) {
      waitMs = globalWait;
      reason = 'global';
    }
    if (waitMs <= 0) return { ok: true };
    const retryAfter = toRetryAfter(waitMs);
    this.stats.tooManyRequests++;
    if (chatId !== undefined) this.retryUntil.set(chatId, now + retryAfter * 1000);
    return { ok: false, retryAfter, reason };
  }

  commit(chatId: number | undefined, now: number): void {
    if (!this.limits) return;
    if (chatId !== undefined) {
      const window = this.perChat.get(chatId) ?? [];
      window.push(now);
      this.perChat.set(chatId, window);
    }
    this.global.push(now);
  }

  /** Remembers a retry_after handed out by an injected 429 so that early retries are detected too. */
  noteRetryAfter(chatId: number, retryAfter: number, now: number): void {
    this.retryUntil.set(chatId, now + retryAfter * 1000);
  }

  resetStats(): void {
    this.stats.tooManyRequests = 0;
    this.stats.earlyRetries = 0;
  }

  /** Forgets windows and pending retry_afters (stats are kept). */
  resetWindows(): void {
    this.perChat.clear();
    this.global = [];
    this.retryUntil.clear();
  }
}

function prune(window: number[], cutoff: number): number[] {
  let i = 0;
  while (i < window.length && (window[i] as number) <= cutoff) i++;
  return i === 0 ? window : window.slice(i);
}

/** Milliseconds until one more call fits: the entry that must leave the window is `window[len - per]`. */
function waitFor(window: number[], per: number, windowMs: number, now: number): number {
  if (per <= 0) return windowMs;
  if (window.length < per) return 0;
  const blocking = window[window.length - per] as number;
  return blocking + windowMs - now;
}

const toRetryAfter = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
