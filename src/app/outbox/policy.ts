import type { FloodBudgets } from '../ports/index.ts';

/**
 * What a send costs in Telegram's flood budgets, and the budgets themselves: the outbox's policy, shared
 * by the claim (db), the worker (jobs/outbox) and direct answers (integrations/telegram/flood-guard).
 */

/** Topic, card and pin: what a relay into a fan's missing topic costs on top of the message itself. */
export const TOPIC_SETUP_COST = 3;

/** Bot API methods that spend a chat's flood budget (posting, editing, pinning, topic service messages). */
export const BUDGETED_METHODS: ReadonlySet<string> = new Set([
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
  'sendInvoice',
  'sendPaidMedia',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
  'forwardMessages',
  'editMessageText',
  'editMessageCaption',
  'editMessageMedia',
  'editMessageReplyMarkup',
  'pinChatMessage',
  'unpinChatMessage',
  'createForumTopic',
  'editForumTopic',
  'closeForumTopic',
  'reopenForumTopic',
]);

/**
 * Telegram's limits with a safety margin: a send is booked when claimed and reaches Telegram a little
 * later, so windows are stretched by 10 % plus 50 ms. `scale` shrinks windows for tests.
 */
export function defaultBudgets(scale = 1, marginRatio = 0.1, marginMs = 50): FloodBudgets {
  const w = (ms: number) => Math.ceil((ms / scale) * (1 + marginRatio) + marginMs);
  return {
    private: { limit: 1, windowMs: w(1000) },
    group: { limit: 20, windowMs: w(60_000) },
    global: { limit: 30, windowMs: w(1000) },
  };
}
