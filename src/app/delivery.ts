import type { OutboxEffect, OutboxPayload, Repos } from './ports.ts';
import { notDeliveredNote, refundText } from './messages.ts';

/**
 * What follows a send's outcome, run by the outbox sender inside the transaction that records it, so
 * the effect (a link, a refund, a follow-up) commits together with the item's new state.
 */

type RelayIn = Extract<OutboxPayload, { kind: 'relay.in' }>;
type RelayOut = Extract<OutboxPayload, { kind: 'relay.out' }>;

export async function relayInDelivered(
  r: Repos,
  p: RelayIn,
  at: { groupId: number; threadId: number; groupMessageId: number },
): Promise<void> {
  await r.links.add({
    userId: p.userId,
    direction: 'in',
    fanChatId: p.fromChatId,
    fanMessageId: p.messageId,
    groupChatId: at.groupId,
    groupThreadId: at.threadId,
    groupMessageId: at.groupMessageId,
    adminId: null,
  });
}

/** A paid message that can never be delivered is refunded (a reversing entry) and the fan told. */
export async function relayInUndeliverable(r: Repos, p: RelayIn, reason: string): Promise<void> {
  if (p.cost > 0) {
    await r.ledger.apply({
      userId: p.userId,
      delta: p.cost,
      reason: 'refund',
      idempotencyKey: `refund:msg:${p.fromChatId}:${p.messageId}`,
      actor: 'system',
      metadata: { messageId: p.messageId, why: reason },
    });
  }
  await r.outbox.enqueue([
    {
      lane: `out:${p.userId}`,
      chatId: p.fromChatId,
      sortKey: 0,
      idempotencyKey: `refund-notice:${p.fromChatId}:${p.messageId}`,
      payload: {
        kind: 'notice',
        chatId: p.fromChatId,
        html: refundText(p.cost, reason),
        replyTo: p.messageId,
        userId: p.userId,
      },
    },
  ]);
}

export async function relayOutDelivered(r: Repos, p: RelayOut, fanMessageId: number): Promise<void> {
  await r.links.add({
    userId: p.userId,
    direction: 'out',
    fanChatId: p.userId,
    fanMessageId,
    groupChatId: p.groupId,
    groupThreadId: null,
    groupMessageId: p.messageId,
    adminId: null,
  });
  const reactions = [
    {
      lane: `in:${p.userId}`,
      chatId: p.groupId,
      sortKey: 0,
      idempotencyKey: `react:delivered:${p.groupId}:${p.messageId}`,
      payload: { kind: 'react' as const, chatId: p.groupId, messageId: p.messageId, emoji: '👌' },
    },
  ];
  if (p.answersFanMessageId !== null) {
    reactions.push({
      lane: `out:${p.userId}`,
      chatId: p.userId,
      sortKey: 0,
      idempotencyKey: `react:seen:${p.userId}:${p.answersFanMessageId}`,
      payload: { kind: 'react' as const, chatId: p.userId, messageId: p.answersFanMessageId, emoji: '👀' },
    });
  }
  await r.outbox.enqueue(reactions);
}

/** One short note in the topic, replying to the admin's message, saying why it did not arrive. */
export async function relayOutFailed(r: Repos, p: RelayOut, reason: string): Promise<void> {
  await r.outbox.enqueue([
    {
      lane: `in:${p.userId}`,
      chatId: p.groupId,
      sortKey: 0,
      idempotencyKey: `note:undelivered:${p.groupId}:${p.messageId}`,
      payload: {
        kind: 'notice',
        chatId: p.groupId,
        toTopicOf: p.userId,
        html: notDeliveredNote(reason),
        replyTo: p.messageId,
      },
    },
  ]);
}

export async function fanBlockedBot(r: Repos, userId: number): Promise<void> {
  await r.users.setBlockedBot(userId, true);
}

/** Bookkeeping once a generic call went through. `result` is what Telegram answered (null when it was already so). */
export async function applyEffect(r: Repos, effect: OutboxEffect, result: unknown): Promise<void> {
  switch (effect.type) {
    case 'inbox.rendered': {
      const messageId = (result as { message_id?: number } | null)?.message_id;
      await r.inbox.rendered(
        effect.groupId,
        effect.text,
        typeof messageId === 'number' ? messageId : undefined,
      );
      return;
    }
    case 'card.rendered':
      await r.topics.cardRendered(effect.userId);
      return;
    case 'topic.renamed':
      await r.topics.renamed(effect.userId, effect.name);
      return;
    case 'link.in': {
      const ids = Array.isArray(result)
        ? (result as Array<{ message_id: number }>).map((m) => m.message_id)
        : [];
      for (const [i, fanMessageId] of effect.fanMessageIds.entries()) {
        const groupMessageId = ids[i];
        if (groupMessageId === undefined) continue;
        await r.links.add({
          userId: effect.userId,
          direction: 'in',
          fanChatId: effect.fanChatId,
          fanMessageId,
          groupChatId: effect.groupId,
          groupThreadId: effect.threadId,
          groupMessageId,
          adminId: null,
        });
      }
      return;
    }
    case 'link.out': {
      const ids = Array.isArray(result)
        ? (result as Array<{ message_id: number }>).map((m) => m.message_id)
        : [];
      for (const [i, groupMessageId] of effect.groupMessageIds.entries()) {
        const fanMessageId = ids[i];
        if (fanMessageId === undefined) continue;
        await r.links.add({
          userId: effect.userId,
          direction: 'out',
          fanChatId: effect.userId,
          fanMessageId,
          groupChatId: effect.groupId,
          groupThreadId: null,
          groupMessageId,
          adminId: null,
        });
      }
      return;
    }
  }
}
