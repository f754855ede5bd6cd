import { balanceBar } from '../../domain/ledger/index.ts';
import { isLocale } from '../../domain/shared/index.ts';
import type { NewOutboxItem, ReceiptFacts, TextRef, User } from '../ports/index.ts';
import { creatorTextFor, type Settings } from '../system/settings.ts';
import { fanNotice } from '../system/notices.ts';
import { text } from '../texts.ts';

/** The receipt of a fan's message (or album): rendered at send time in the fan's language. */
export function receipt(
  opts: Omit<ReceiptFacts, 'messageIds'> & {
    /** How many messages it covers (pending receipts merge into one); 1 by default. */
    count?: number;
  },
): TextRef {
  const bar = balanceBar(opts.balance, opts.lastTopUp);
  return text('relay-receipt', {
    status: opts.queued ? 'queued' : 'sent',
    count: opts.count ?? 1,
    charge: opts.free ? 'free' : 'paid',
    cost: opts.cost,
    left: { duration: opts.passLeftMs },
    low: opts.low && !opts.free ? 'yes' : 'no',
    threshold: opts.threshold,
    // The balance bar (balance-bar) inside the receipt.
    balance: bar.balance,
    max: bar.max,
    cells: bar.cells,
    percent: bar.percent,
    answers: opts.responseTime ? 'yes' : 'no',
    responseTime: opts.responseTime ?? '',
  });
}

/**
 * The creator's "usually answers within …" for this fan's receipt (`response_time_text`: theirs in the
 * fan's language, else in the default one), as a fact of the receipt; nothing when none is written.
 */
export function responseTimeFor(
  settings: Settings,
  user: Pick<User, 'locale'>,
): Pick<ReceiptFacts, 'responseTime'> {
  const locale = isLocale(user.locale) ? user.locale : settings.default_language;
  const own = creatorTextFor(settings, 'response_time_text', locale);
  return own ? { responseTime: own } : {};
}

/** One coalesce key per fan: while one of their receipts is still pending, the next merges into it. */
const receiptKey = (userId: number) => `receipt:${userId}`;

/** What a receipt says, from its facts (at send time: a merged receipt's facts cover all its messages). */
export const receiptText = (facts: ReceiptFacts): TextRef =>
  receipt({ ...facts, count: facts.messageIds.length });

/**
 * The receipt of the fan's messages `messageIds` (one, or an album's items), replying to `replyTo`: an
 * outbox item that carries its facts, worded from them at send time (`receiptText`). Queued with
 * `OutboxRepo.enqueue`, it merges into a receipt still pending to the fan instead, so a fan who writes
 * faster than their chat's budget gets one receipt for the lot: it covers both's messages and their
 * total cost (free only when all were), says the newer balance, time pass and queue state, and replies
 * to the newer message. A receipt being sent is never merged into (the next one waits behind it), and a
 * merge never counts a message twice.
 */
export function receiptItem(
  userId: number,
  chatId: number,
  messageIds: number[],
  replyTo: number,
  facts: Omit<ReceiptFacts, 'messageIds'>,
): NewOutboxItem {
  const key = `receipt:${chatId}:${messageIds[0]}`;
  const receiptFacts: ReceiptFacts = {
    ...facts,
    // The warning speaks of now: a fan whose latest message a time pass covered is not running low,
    // whatever a merge makes of the cost (so it is decided here, by the newest receipt alone).
    low: facts.low && !facts.free,
    messageIds,
  };
  return {
    ...fanNotice(userId, key, { receipt: receiptFacts }, { replyTo }),
    coalesceKey: receiptKey(userId),
  };
}
