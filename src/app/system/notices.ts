import type { NewOutboxItem } from '../ports/index.ts';

type NoticePayload = Extract<NewOutboxItem['payload'], { kind: 'notice' }>;
export type NoticeKeyboard = NonNullable<NoticePayload['keyboard']>;

/** The fan's private lane: everything the bot sends to them, in order. */
export const fanLane = (userId: number) => `out:${userId}`;

/**
 * A text to a fan through their lane (nothing is sent while they have the bot blocked), keyed so the
 * transaction that decides it can run again without a second message.
 */
export function fanNotice(
  userId: number,
  key: string,
  html: string,
  opts: { keyboard?: NoticeKeyboard; replyTo?: number } = {},
): NewOutboxItem {
  return {
    lane: fanLane(userId),
    chatId: userId,
    sortKey: 0,
    idempotencyKey: key,
    payload: {
      kind: 'notice',
      chatId: userId,
      html,
      userId,
      ...(opts.keyboard ? { keyboard: opts.keyboard } : {}),
      ...(opts.replyTo !== undefined ? { replyTo: opts.replyTo } : {}),
    },
  };
}

/** Where owners hear about money trouble: the admin group's General topic, else each owner privately. */
export const alertTargets = (deps: { adminGroupId: number | null; adminUserIds: number[] }): number[] =>
  deps.adminGroupId !== null ? [deps.adminGroupId] : deps.adminUserIds;

/** One alert per target chat, each on its own lane and key. */
export function ownerAlerts(
  targets: number[],
  key: string,
  html: string,
  keyboard?: NoticeKeyboard,
): NewOutboxItem[] {
  return targets.map((chatId) => ({
    lane: `alert:${chatId}`,
    chatId,
    sortKey: 0,
    idempotencyKey: `${key}:${chatId}`,
    payload: { kind: 'notice', chatId, html, ...(keyboard ? { keyboard } : {}) },
  }));
}
