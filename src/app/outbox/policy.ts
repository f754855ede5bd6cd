import type { Budget, FloodBudgets, OutboxPayload } from '../ports/index.ts';

/**
 * What a send costs in Telegram's flood budgets, and the budgets themselves: the outbox's policy, shared
 * by the claim (db), the worker (jobs/outbox) and direct answers (integrations/telegram/flood-guard).
 */

/**
 * The topic: what a relay into a fan's missing topic costs on top of the message itself. The info card and
 * its pin follow as a render of their own (class 4, `CARD_SETUP_COST`), so content goes first.
 */
export const TOPIC_SETUP_COST = 1;

/** The info card's first render: the card message and its pin. */
export const CARD_SETUP_COST = 2;

/**
 * Of a contested window of a group's budget (paying fans' content waiting), fans who never paid get at
 * most this share for their content; when no paying fan waits they take everything.
 */
export const UNPAID_SHARE = 0.25;

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

/** Whether sending this spends a flood budget (a reaction, or a call of a method not listed, does not). */
export function spendsBudget(p: OutboxPayload): boolean {
  if (p.kind === 'react') return false;
  if (p.kind === 'call') return BUDGETED_METHODS.has(p.method);
  return true;
}

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

/**
 * A budget's log of send times (epoch ms) as far as it still counts at `now`: sorted, without those
 * outside the window, and without all but the latest `limit` (whether `n` more sends fit, and when,
 * depends on the latest `limit` alone). Stored so, a log stays as small as its budget.
 */
export function sendLog(recent: readonly number[], budget: Budget, now: number): number[] {
  const kept = recent.filter((t) => t > now - budget.windowMs).sort((a, z) => a - z);
  return kept.length > budget.limit ? kept.slice(kept.length - budget.limit) : kept;
}

/**
 * Priority classes (docs/ARCHITECTURE.md, "The ordering rule"): the claim takes the lowest
 * class first, across lanes and inside a lane; first in, first out within a lane and class.
 */
export const OUTBOX_CLASS = {
  /** An admin's reply to a fan, a payment confirmation. */
  reply: 1,
  /** Fans' content into the group (a new fan's topic creation comes with it). */
  content: 2,
  /** Receipts, notices, reactions, notes and other calls. */
  notice: 3,
  /** The info card (its first render sends and pins it) and the live inbox. */
  render: 4,
  /** Broadcasts and mass gifts: what live traffic leaves. */
  bulk: 5,
} as const;
export type OutboxClass = (typeof OUTBOX_CLASS)[keyof typeof OUTBOX_CLASS];

/**
 * Of the bot's 30 sends a second, bulk sends leave this many to live traffic (see FloodBudgets). One: a
 * broadcast takes 29 of 30 (96.7 %) when nothing else is sent; live items are claimed before bulk ones
 * anyway, so the headroom only serves a live send queued between two claims.
 */
export const BULK_HEADROOM = 1;

/**
 * What can wait a moment (receipts, notices and renders: classes 3 and 4) wakes the sender on a grid of
 * this step, at the first step at or after the moment its budget frees (`relaxedWake`): one claim then
 * takes the sends of every chat that freed within the step (and a fan's receipts merge meanwhile), where
 * each chat's moment had a claim of its own. Replies and fans' content wake the sender at their moment,
 * and so do bulk sends (a broadcast's share of the budget needs every slot as it frees: relaxed, it fell
 * from 93.8 to 71.2 % in `bench:broadcast --fans 2000`). (A claim reads every lane's head: on a PGlite
 * relay-bench run 295 of 298 claims were such wakes, about 100 a run on the grid: docs/BENCHMARKS.md.)
 */
export const RELAXED_WAKE_MS = 200;

/** Whether a class may wait for the next step of `RELAXED_WAKE_MS` after its budget frees. */
export const relaxedClass = (c: number) => c === OUTBOX_CLASS.notice || c === OUTBOX_CLASS.render;

/** When a wake for what can wait a moment comes, for a budget that frees at `at` (epoch ms). */
export const relaxedWake = (at: number) => Math.ceil(at / RELAXED_WAKE_MS) * RELAXED_WAKE_MS;

/** The class an item gets when its producer names none. */
export function classOf(payload: OutboxPayload): OutboxClass {
  switch (payload.kind) {
    case 'relay.out':
      return OUTBOX_CLASS.reply;
    case 'relay.in':
    case 'relay.album':
      return OUTBOX_CLASS.content;
    case 'render':
      return OUTBOX_CLASS.render;
    case 'call':
      // An admin's album to the fan is a reply like any other.
      return payload.effect?.type === 'album.out' ? OUTBOX_CLASS.reply : OUTBOX_CLASS.notice;
    default:
      return OUTBOX_CLASS.notice;
  }
}

/**
 * A call to a chat that may not go now: a 429 (seen by this or another replica) runs until `until`, or
 * another replica holds the chat's send lease (epoch ms). Thrown by the flood guard.
 */
export class ChatHeld extends Error {
  override name = 'ChatHeld';
  constructor(readonly until: number) {
    super(`chat held until ${new Date(until).toISOString()}`);
  }
}
