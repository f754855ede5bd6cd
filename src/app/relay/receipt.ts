import { balanceBar } from '../../domain/ledger/index.ts';
import { isLocale } from '../../domain/shared/index.ts';
import type { NewOutboxItem, OutboxPayload, ReceiptFacts, Repos, TextRef, User } from '../ports/index.ts';
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

/**
 * The receipt of the fan's messages `messageIds` (one, or an album's items), replying to `replyTo`: an
 * outbox item that carries its facts, so a later receipt can merge into it while it waits.
 */
export function receiptItem(
  userId: number,
  chatId: number,
  messageIds: number[],
  replyTo: number,
  facts: Omit<ReceiptFacts, 'messageIds'>,
): NewOutboxItem {
  const item = fanNotice(
    userId,
    `receipt:${chatId}:${messageIds[0]}`,
    receipt({ ...facts, count: messageIds.length }),
    {
      replyTo,
    },
  );
  return {
    ...item,
    coalesceKey: receiptKey(userId),
    payload: { ...(item.payload as NoticePayload), receipt: { ...facts, messageIds } },
  };
}

type NoticePayload = Extract<OutboxPayload, { kind: 'notice' }>;

/**
 * A pending receipt with a newer one merged in: it covers both's messages and their total cost, says
 * the newer balance, time pass, low-balance and queue state, and replies to the newer message. Null when the pending
 * receipt covers one of these messages already (merging again would count it twice).
 */
export function mergeReceipts(pending: OutboxPayload, next: NoticePayload): NoticePayload | null {
  const a = pending.kind === 'notice' ? pending.receipt : undefined;
  const b = next.receipt;
  if (!a || !b) return null;
  if (b.messageIds.some((id) => a.messageIds.includes(id))) return null;
  const facts: ReceiptFacts = {
    ...b,
    cost: a.cost + b.cost,
    free: a.free && b.free,
    // The warning speaks of now: a fan whose latest message a time pass covered is not running low.
    low: b.low && !b.free,
    messageIds: [...a.messageIds, ...b.messageIds],
  };
  return {
    ...next,
    text: receipt({ ...facts, count: facts.messageIds.length }),
    receipt: facts,
  };
}

/**
 * Queues `items` (with the fan's receipt among them): a receipt to a fan who has one still pending
 * merges into it instead, so a fan who writes faster than their chat's budget gets one receipt for the
 * lot. A receipt being sent is never merged into: the next one waits behind it. Effects once: the
 * transaction runs once per message (the ledger key), and a merge never counts a message twice.
 */
export async function enqueueWithReceipt(r: Repos, items: NewOutboxItem[]): Promise<void> {
  const queued = await r.outbox.enqueue(items);
  for (const item of items) {
    const p = item.payload;
    if (p.kind !== 'notice' || !p.receipt || queued.includes(item.idempotencyKey)) continue;
    const key = item.coalesceKey!;
    const pending = await r.outbox.pendingToMerge(key, item.idempotencyKey);
    if (pending === 'exists') continue;
    // Taken by the sender between the two statements: this receipt goes on its own.
    if (pending === null) await r.outbox.enqueue([item]);
    else {
      const merged = mergeReceipts(pending, p);
      if (merged) await r.outbox.coalesce(key, merged);
    }
  }
}
