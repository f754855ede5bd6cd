import { passRemaining } from '../../domain/entitlement/index.ts';
import { scheduleInboxRender } from '../../app/relay/refresh.ts';
import { SendError, type SenderContext } from './context.ts';

/**
 * The fan's topic, creating what is missing first: topic → card → pin. Returns its group and thread id.
 * The group is the fan's (their topic row's): `queuedFor`, the group the item was queued for, differs
 * only when the fan moved out of a removed admin group meanwhile.
 */
export async function ensureTopic(
  ctx: SenderContext,
  queuedFor: number,
  userId: number,
): Promise<{ groupId: number; threadId: number }> {
  const { api, views, clock } = ctx.deps;
  const repos = ctx.deps.uow.repos;
  let topic = await repos.topics.get(userId);
  const user = await repos.users.get(userId);
  if (!user) throw new SendError({ type: 'permanent', reason: 'unknown fan' }, null);
  const groupId = topic?.groupId ?? queuedFor;
  if (!topic || topic.threadId === null) {
    const name = views.topicName(user);
    const created = await ctx.call(groupId, null, () => api.createForumTopic(groupId, name));
    const tally = ctx.tallies.getStore();
    if (tally) tally.topicCreated = true;
    await repos.topics.reserve(userId, groupId, name);
    await repos.topics.setThread(userId, created.message_thread_id, name);
    // The live inbox lists conversations by their topic: one rendered before it existed left this fan out.
    await scheduleInboxRender(repos, groupId, clock.now(), ctx.timings);
    topic = await repos.topics.get(userId);
  }
  const threadId = topic!.threadId!;
  if (topic!.cardMessageId === null) {
    const { spent } = await repos.ledger.totals(userId);
    const previous = topic!.previousThreadId
      ? { groupId: topic!.previousGroupId ?? groupId, threadId: topic!.previousThreadId }
      : null;
    const card = views.infoCard(
      { user, spent, passLeftMs: passRemaining(user.timePassUntil, clock), previous },
      await views.localeFor(groupId),
    );
    const sent = await ctx.call(groupId, threadId, () =>
      api.sendMessage(groupId, card.html, {
        message_thread_id: threadId,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: { inline_keyboard: card.keyboard },
      }),
    );
    await repos.topics.setCard(userId, sent.message_id);
    topic = { ...topic!, cardMessageId: sent.message_id, cardPinned: false };
  }
  if (!topic!.cardPinned) {
    const cardId = topic!.cardMessageId!;
    try {
      await ctx.call(groupId, threadId, () =>
        api.pinChatMessage(groupId, cardId, { disable_notification: true }),
      );
    } catch (err) {
      // A 429 must wait (the pin is retried with the relay); a missing right must not block the relay.
      if (err instanceof SendError && err.failure.type === 'retry_after') throw err;
      ctx.log.warn({ err, userId }, 'could not pin the info card');
    }
    await repos.topics.setCardPinned(userId);
  }
  return { groupId, threadId };
}

/** A send into the fan's topic; a topic an admin closed is reopened once and the send repeated. */
export async function sendIntoTopic<T>(
  ctx: SenderContext,
  groupId: number,
  threadId: number,
  send: () => Promise<T>,
): Promise<T> {
  try {
    return await ctx.call(groupId, threadId, send);
  } catch (err) {
    if (!(err instanceof SendError) || err.failure.type !== 'topic_closed') throw err;
    await ctx.call(groupId, threadId, () => ctx.deps.api.reopenForumTopic(groupId, threadId));
    return ctx.call(groupId, threadId, send);
  }
}

/**
 * The thread of the fan's current topic, for a send into `chatId` addressed "to the topic of" a fan.
 * Thread ids are per chat: a topic now in another admin group (the fan moved) is not this chat's.
 */
export async function topicThreadOf(ctx: SenderContext, userId: number, chatId: number): Promise<number> {
  const topic = await ctx.deps.uow.repos.topics.get(userId);
  if (topic?.threadId == null)
    throw new SendError({ type: 'permanent', reason: 'the fan has no topic' }, null);
  if (topic.groupId !== chatId)
    throw new SendError({ type: 'permanent', reason: 'the fan has moved to another admin group' }, null);
  return topic.threadId;
}

/** Nothing goes to a fan who blocked the bot (their chat would answer 403 anyway). */
export async function refuseIfBlocked(ctx: SenderContext, userId: number): Promise<void> {
  if ((await ctx.deps.uow.repos.users.get(userId))?.blockedBot)
    throw new SendError({ type: 'blocked', reason: 'the fan blocked the bot', code: 'fan-blocked' }, null);
}
