import type { Access, NewOutboxItem, ReceiptFacts, TeamRepo, TextRef } from '../ports/index.ts';
import { lanes } from '../outbox/lanes.ts';

/**
 * A catalogue text (rendered in the reader's language), HTML made by hand, or a receipt's facts (worded
 * at send time from them, since a merge changes them: app/relay/receipt.ts).
 */
type NoticeContent = TextRef | string | { receipt: ReceiptFacts };
const noticeContent = (content: NoticeContent) =>
  typeof content === 'string' ? { html: content } : 'receipt' in content ? content : { text: content };

type NoticePayload = Extract<NewOutboxItem['payload'], { kind: 'notice' }>;
export type NoticeKeyboard = NonNullable<NoticePayload['keyboard']>;

/**
 * A text to a fan through their lane (nothing is sent while they have the bot blocked), keyed so the
 * transaction that decides it can run again without a second message.
 */
export function fanNotice(
  userId: number,
  key: string,
  content: NoticeContent,
  opts: { keyboard?: NoticeKeyboard; replyTo?: number; priority?: number } = {},
): NewOutboxItem {
  return {
    lane: lanes.fan(userId),
    chatId: userId,
    sortKey: 0,
    idempotencyKey: key,
    ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
    payload: {
      kind: 'notice',
      chatId: userId,
      ...noticeContent(content),
      userId,
      ...(opts.keyboard ? { keyboard: opts.keyboard } : {}),
      ...(opts.replyTo !== undefined ? { replyTo: opts.replyTo } : {}),
    },
  };
}

/**
 * Who hears about money (disputes, refunds, failed payments): those who may refund, each privately —
 * never the whole admin group, where agents read along. Inside a transaction, pass its repos (`r`).
 */
export const moneyAlertTargets = (deps: { access: Access }, r?: { team: TeamRepo }): Promise<number[]> =>
  deps.access.holders('payments.refund', r);

/**
 * Where owners hear about money trouble: the (first configured) admin group's General topic, else each
 * owner privately.
 */
export const alertTargets = (deps: { adminGroupIds: readonly number[]; adminUserIds: number[] }): number[] =>
  deps.adminGroupIds.length > 0 ? [deps.adminGroupIds[0]!] : deps.adminUserIds;

/** One alert per target chat, each on its own lane and key. */
export function ownerAlerts(
  targets: number[],
  key: string,
  content: TextRef | string,
  keyboard?: NoticeKeyboard,
): NewOutboxItem[] {
  return targets.map((chatId) => ({
    lane: lanes.alert(chatId),
    chatId,
    sortKey: 0,
    idempotencyKey: `${key}:${chatId}`,
    payload: { kind: 'notice', chatId, ...noticeContent(content), ...(keyboard ? { keyboard } : {}) },
  }));
}
