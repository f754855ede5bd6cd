import { passRemaining } from '../domain/entitlement/index.ts';
import { isLowBalance } from '../domain/ledger/index.ts';
import { quoteMessage, type PricedType } from '../domain/pricing/index.ts';
import type { Clock } from '../domain/shared/index.ts';
import { receiptText, topicName } from './messages.ts';
import type { NewOutboxItem, UnitOfWork } from './ports.ts';
import { resolveSettings } from './settings.ts';

export interface RelayDeps {
  uow: UnitOfWork;
  clock: Clock;
  adminGroupId: number | null;
  /** Wakes the outbox sender after a commit that enqueued something. */
  outboxSignal: { notify(): void };
}

export interface FanMessage {
  userId: number;
  chatId: number;
  messageId: number;
  /** text, photo, voice… (anything else is refused with the price list). */
  type: string;
}

export type AcceptFanMessageResult =
  | { ok: true; duplicate: false; cost: number; free: boolean; balance: number }
  | { ok: true; duplicate: true }
  | { ok: false; code: 'not_open' }
  | { ok: false; code: 'banned' }
  | { ok: false; code: 'unsupported_type'; allowed: PricedType[] }
  | { ok: false; code: 'insufficient_credits'; cost: number; balance: number };

/**
 * A fan's message: priced, and if accepted charged, linked to the fan's topic and put in the outbox
 * with its receipt — all in ONE transaction, keyed on (chat id, message id) so a redelivered update
 * is charged once. Refusals change nothing.
 */
export async function acceptFanMessage(deps: RelayDeps, msg: FanMessage): Promise<AcceptFanMessageResult> {
  const groupId = deps.adminGroupId;
  if (groupId === null) return { ok: false, code: 'not_open' };
  const settings = resolveSettings(await deps.uow.repos.settings.all());
  const result = await deps.uow.run(async (r): Promise<AcceptFanMessageResult> => {
    const user = await r.users.getForUpdate(msg.userId);
    if (!user) throw new Error(`unknown user ${msg.userId}`);
    const quote = quoteMessage(
      {
        type: msg.type,
        costs: settings.message_costs,
        timePassUntil: user.timePassUntil,
        banned: user.isBanned,
        balance: user.creditBalance,
      },
      deps.clock,
    );
    if (!quote.ok) return quote;

    const charge = await r.ledger.apply({
      userId: user.id,
      delta: -quote.cost,
      reason: 'spend',
      idempotencyKey: `msg:${msg.chatId}:${msg.messageId}`,
      actor: `user:${user.id}`,
      metadata: { type: msg.type, messageId: msg.messageId, ...(quote.free ? { timePass: true } : {}) },
    });
    if (charge.status === 'duplicate') return { ok: true, duplicate: true };
    if (charge.status === 'insufficient') {
      return { ok: false, code: 'insufficient_credits', cost: charge.needed, balance: charge.balance };
    }
    const balance = charge.entry.balanceAfter;

    await r.topics.reserve(user.id, groupId, topicName(user));
    const items: NewOutboxItem[] = [
      {
        lane: `in:${user.id}`,
        chatId: groupId,
        sortKey: msg.messageId,
        idempotencyKey: `relay.in:${msg.chatId}:${msg.messageId}`,
        payload: {
          kind: 'relay.in',
          userId: user.id,
          fromChatId: msg.chatId,
          messageId: msg.messageId,
          cost: quote.cost,
          mode: settings.relay_mode,
        },
      },
    ];
    const low = isLowBalance(balance, settings.low_credit_threshold);
    const wantReceipt =
      settings.receipt_mode === 'every' || (settings.receipt_mode === 'low' && low && !quote.free);
    if (wantReceipt) {
      const html = receiptText({
        cost: quote.cost,
        free: quote.free,
        balance,
        lastTopUp: await r.ledger.lastTopUp(user.id),
        low,
        threshold: settings.low_credit_threshold,
        passLeftMs: passRemaining(user.timePassUntil, deps.clock),
      });
      items.push({
        lane: `out:${user.id}`,
        chatId: msg.chatId,
        sortKey: 0,
        idempotencyKey: `receipt:${msg.chatId}:${msg.messageId}`,
        payload: { kind: 'notice', chatId: msg.chatId, html, replyTo: msg.messageId, userId: user.id },
      });
    }
    await r.outbox.enqueue(items);
    return { ok: true, duplicate: false, cost: quote.cost, free: quote.free, balance };
  });
  if (result.ok && !result.duplicate) deps.outboxSignal.notify();
  return result;
}

export interface AdminMessage {
  groupId: number;
  threadId: number;
  messageId: number;
  adminId: number;
  replyToMessageId: number | null;
}

export type AcceptAdminMessageResult = { ok: true; userId: number } | { ok: false; code: 'not_a_fan_topic' };

/** An admin's message in a fan's topic goes to the fan, as a reply where it answers a relayed message. */
export async function acceptAdminMessage(
  deps: RelayDeps,
  msg: AdminMessage,
): Promise<AcceptAdminMessageResult> {
  const result = await deps.uow.run(async (r): Promise<AcceptAdminMessageResult> => {
    const topic = await r.topics.findByThread(msg.groupId, msg.threadId);
    if (!topic) return { ok: false, code: 'not_a_fan_topic' };
    const replied = msg.replyToMessageId
      ? await r.links.byGroupMessage(msg.groupId, msg.replyToMessageId)
      : null;
    const replyToFan = replied?.userId === topic.userId ? replied.fanMessageId : null;
    const answers =
      replied?.direction === 'in' && replied.userId === topic.userId
        ? replied.fanMessageId
        : ((await r.links.latestInbound(topic.userId))?.fanMessageId ?? null);
    await r.outbox.enqueue([
      {
        lane: `out:${topic.userId}`,
        chatId: topic.userId,
        sortKey: 0,
        idempotencyKey: `relay.out:${msg.groupId}:${msg.messageId}`,
        payload: {
          kind: 'relay.out',
          userId: topic.userId,
          groupId: msg.groupId,
          messageId: msg.messageId,
          replyToFanMessageId: replyToFan,
          answersFanMessageId: answers,
        },
      },
    ]);
    return { ok: true, userId: topic.userId };
  });
  if (result.ok) deps.outboxSignal.notify();
  return result;
}
