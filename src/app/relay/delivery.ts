import type { NewOutboxItem, OutboxEffect, OutboxPayload, Repos } from '../ports/index.ts';
import { recordFanBlocked } from '../accounts/fan-state.ts';
import { text } from '../texts.ts';
import { lanes } from '../outbox/lanes.ts';

/**
 * What follows a send's outcome, run by the outbox sender inside the transaction that records it, so
 * the effect (a link, a refund, a follow-up) commits together with the item's new state. A fan's message
 * into their topic (every paid message) is the exception: its record is one statement, item included.
 */

type RelayIn = Extract<OutboxPayload, { kind: 'relay.in' }>;
type RelayOut = Extract<OutboxPayload, { kind: 'relay.out' }>;
type RelayAlbum = Extract<OutboxPayload, { kind: 'relay.album' }>;
type AlbumOut = Extract<OutboxEffect, { type: 'album.out' }>;

/** A fan's message landed in their topic; `done`: its outbox item, marked done in the same statement. */
export async function relayInDelivered(
  r: Repos,
  p: RelayIn,
  at: { groupId: number; threadId: number; groupMessageId: number },
  done: { outboxItemId: number; at: Date },
): Promise<void> {
  // The link, the group's load (by which new fans are placed: app/relay/placement.ts) and the item done.
  await r.links.relayedIn(
    {
      userId: p.userId,
      fanChatId: p.fromChatId,
      fanMessageId: p.messageId,
      groupChatId: at.groupId,
      groupThreadId: at.threadId,
      groupMessageId: at.groupMessageId,
      // A support message is posted by the bot (a note, or a copy with its mark), whatever the mode.
      mode: p.mode === 'forward' && !p.support ? 'forward' : 'copy',
    },
    done,
  );
}

/**
 * A paid message that can never be delivered is refunded (a reversing entry) and the fan told. `reason`
 * is kept on the entry; `shown` goes in the notice (a failure code the catalogue words, or Telegram's).
 */
export async function relayInUndeliverable(
  r: Repos,
  p: RelayIn,
  reason: string,
  shown = reason,
): Promise<void> {
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
      lane: lanes.fan(p.userId),
      chatId: p.fromChatId,
      sortKey: 0,
      idempotencyKey: `refund-notice:${p.fromChatId}:${p.messageId}`,
      payload: {
        kind: 'notice',
        chatId: p.fromChatId,
        text: text('relay-refund', { cost: p.cost, reason: shown }),
        replyTo: p.messageId,
        userId: p.userId,
      },
    },
  ]);
}

/** A fan's album landed in the topic: one link per item, in order. */
export async function relayAlbumDelivered(
  r: Repos,
  p: RelayAlbum,
  at: { groupId: number; threadId: number; groupMessageIds: number[] },
): Promise<void> {
  await r.adminGroups.noteRelayed(at.groupId, at.groupMessageIds.length);
  // Telegram skips items the fan deleted meanwhile; then the pairs cannot be told apart, so none is linked.
  if (at.groupMessageIds.length !== p.messageIds.length) return;
  for (const [i, fanMessageId] of p.messageIds.entries()) {
    const groupMessageId = at.groupMessageIds[i];
    if (groupMessageId === undefined) continue;
    await r.links.add({
      userId: p.userId,
      direction: 'in',
      fanChatId: p.fromChatId,
      fanMessageId,
      groupChatId: at.groupId,
      groupThreadId: at.threadId,
      groupMessageId,
      adminId: null,
      mode: p.mode === 'forward' ? 'forward' : 'copy',
    });
  }
}

/** An album that can never be delivered: each item's charge is reversed (keyed like a single message's). */
export async function relayAlbumUndeliverable(
  r: Repos,
  p: RelayAlbum,
  reason: string,
  shown = reason,
): Promise<void> {
  for (const [i, messageId] of p.messageIds.entries()) {
    const cost = p.costs[i] ?? 0;
    if (cost <= 0) continue;
    await r.ledger.apply({
      userId: p.userId,
      delta: cost,
      reason: 'refund',
      idempotencyKey: `refund:msg:${p.fromChatId}:${messageId}`,
      actor: 'system',
      metadata: { messageId, album: true, why: reason },
    });
  }
  const first = p.messageIds[0] ?? null;
  await r.outbox.enqueue([
    {
      lane: lanes.fan(p.userId),
      chatId: p.fromChatId,
      sortKey: 0,
      idempotencyKey: `refund-notice:${p.fromChatId}:${first ?? 0}`,
      payload: {
        kind: 'notice',
        chatId: p.fromChatId,
        text: text('relay-refund', { cost: p.costs.reduce((sum, c) => sum + c, 0), reason: shown }),
        replyTo: first,
        userId: p.userId,
      },
    },
  ]);
}

/** An admin's message reached the fan: 👌 on the admin's message, 👀 on the fan's message it answers. */
async function markAnswered(
  r: Repos,
  a: { userId: number; groupId: number; adminMessageId: number; answersFanMessageId: number | null },
): Promise<void> {
  const reactions: NewOutboxItem[] = [
    {
      lane: lanes.topic(a.userId),
      chatId: a.groupId,
      sortKey: 0,
      idempotencyKey: `react:delivered:${a.groupId}:${a.adminMessageId}`,
      payload: { kind: 'react', chatId: a.groupId, messageId: a.adminMessageId, emoji: '👌' },
    },
  ];
  if (a.answersFanMessageId !== null) {
    reactions.push({
      lane: lanes.fan(a.userId),
      chatId: a.userId,
      sortKey: 0,
      idempotencyKey: `react:seen:${a.userId}:${a.answersFanMessageId}`,
      payload: { kind: 'react', chatId: a.userId, messageId: a.answersFanMessageId, emoji: '👀' },
    });
  }
  await r.outbox.enqueue(reactions);
}

/** One short note in the topic, replying to the admin's message, saying why it did not arrive. */
async function noteUndelivered(
  r: Repos,
  a: { userId: number; groupId: number; adminMessageId: number },
  reason: string,
) {
  await r.outbox.enqueue([
    {
      lane: lanes.topic(a.userId),
      chatId: a.groupId,
      sortKey: 0,
      idempotencyKey: `note:undelivered:${a.groupId}:${a.adminMessageId}`,
      payload: {
        kind: 'notice',
        chatId: a.groupId,
        toTopicOf: a.userId,
        text: text('relay-not-delivered', { reason }),
        replyTo: a.adminMessageId,
      },
    },
  ]);
}

/** An admin's album reached the fan: marked like a single reply, on its first item. */
async function albumOutDelivered(r: Repos, e: AlbumOut): Promise<void> {
  const first = e.groupMessageIds[0];
  if (first === undefined) return;
  await markAnswered(r, {
    userId: e.userId,
    groupId: e.groupId,
    adminMessageId: first,
    answersFanMessageId: e.answersFanMessageId,
  });
}

export async function albumOutFailed(r: Repos, e: AlbumOut, reason: string): Promise<void> {
  const first = e.groupMessageIds[0];
  if (first === undefined) return;
  await noteUndelivered(r, { userId: e.userId, groupId: e.groupId, adminMessageId: first }, reason);
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
  await markAnswered(r, {
    userId: p.userId,
    groupId: p.groupId,
    adminMessageId: p.messageId,
    answersFanMessageId: p.answersFanMessageId,
  });
}

export async function relayOutFailed(r: Repos, p: RelayOut, reason: string): Promise<void> {
  await noteUndelivered(r, { userId: p.userId, groupId: p.groupId, adminMessageId: p.messageId }, reason);
}

/**
 * A send to the fan got 403: they blocked the bot. The admins' note goes out with the sender's next
 * claim (every finished item wakes it).
 */
export async function fanBlockedBot(r: Repos, userId: number, now: Date): Promise<void> {
  await recordFanBlocked(r, { userId, blocked: true, date: Math.floor(now.getTime() / 1000) });
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
    case 'album.out':
      await applyEffect(
        r,
        {
          type: 'link.out',
          userId: effect.userId,
          groupId: effect.groupId,
          groupMessageIds: effect.groupMessageIds,
        },
        result,
      );
      await albumOutDelivered(r, effect);
      return;
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
