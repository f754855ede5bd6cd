import { passRemaining } from '../../domain/entitlement/index.ts';
import type { ClaimedItem, FanTopic, Recipient, User } from '../../app/ports/index.ts';
import { scheduleCardRender, scheduleCardSetup, scheduleInboxRender } from '../../app/relay/refresh.ts';
import { SendError, type SenderContext } from './context.ts';
import { ownerAlerts } from '../../app/system/notices.ts';
import { text } from '../../app/texts.ts';

/**
 * The fan's topic, created first if missing (content first: a new fan's topic comes with their message).
 * Their info card and its pin follow as a render of their own (class 4, see `renderCard`), queued in the
 * transaction that records the topic. Returns its group and thread id. The group is the fan's (their
 * topic row's): `queuedFor`, the group the item was queued for, differs only when the fan moved out of a
 * removed admin group meanwhile.
 */
export async function ensureTopic(
  ctx: SenderContext,
  queuedFor: number,
  userId: number,
  claimed?: ClaimedItem['topic'],
): Promise<{ groupId: number; threadId: number }> {
  const { api, views, clock, uow } = ctx.deps;
  const topic =
    claimed ??
    (await uow.repos.topics
      .get(userId)
      .then((t) => t && { ...t, cardOwed: t.cardMessageId === null || !t.cardPinned }));
  const groupId = topic?.groupId ?? queuedFor;
  if (topic && topic.threadId !== null) {
    // A card still owed (its render lost, or a topic made before cards followed content): queue it.
    if (topic.cardOwed) {
      if (askForCard(ctx, userId, clock.now().getTime()))
        await scheduleCardSetup(uow.repos, userId, groupId, topic.threadId, clock.now(), { expedite: false });
    } else ctx.cardsAsked.delete(userId);
    return { groupId, threadId: topic.threadId };
  }
  const user = await uow.repos.users.get(userId);
  if (!user) throw new SendError({ type: 'permanent', reason: 'unknown fan' }, null);
  const name = views.topicName(user);
  await beginCreation(ctx, groupId, user.id, name);
  const created = await ctx.call(groupId, null, () => api.createForumTopic(groupId, name));
  ctx.tally.topicCreated = true;
  const threadId = created.message_thread_id;
  // The thread id in its own commit, at once: every moment until then a crash leaves a topic unknown.
  await uow.run(async (r) => {
    await r.topics.reserve(userId, groupId, name);
    await r.topics.setThread(userId, threadId, name);
  });
  await uow.run(async (r) => {
    await scheduleCardSetup(r, userId, groupId, threadId, clock.now());
    // The live inbox lists conversations by their topic: one rendered before it existed left this fan out.
    await scheduleInboxRender(r, groupId, clock.now(), ctx.timings);
  });
  return { groupId, threadId };
}

/** How often one sender asks again for a fan's owed card. */
export const CARD_ASK_INTERVAL_MS = 60_000;

/**
 * Whether to ask for the fan's owed card now: at most once a `CARD_ASK_INTERVAL_MS` per fan. While a new
 * fan's card waits behind fans' content (class 4 after class 2), each of their messages found it owed
 * and asked again, for nothing (the setup is keyed on the thread): a statement per relayed message.
 */
export function askForCard(ctx: Pick<SenderContext, 'cardsAsked'>, userId: number, now: number): boolean {
  const last = ctx.cardsAsked.get(userId);
  if (last !== undefined && now - last < CARD_ASK_INTERVAL_MS) return false;
  ctx.cardsAsked.delete(userId);
  ctx.cardsAsked.set(userId, now);
  // Bounded: the oldest asks go first (a Map keeps insertion order).
  if (ctx.cardsAsked.size > 10_000) ctx.cardsAsked.delete(ctx.cardsAsked.keys().next().value!);
  return true;
}

/**
 * A creation marked longer ago than this with no thread id stored died between `createForumTopic` and
 * its commit (the call itself times out after 30 s, and a crashed sender's item waits out its lease).
 */
export const TOPIC_CREATION_STALE_MS = 2 * 60_000;

/**
 * Marks the fan's topic "creating since now" in its own commit, before `createForumTopic` is called. A
 * mark left by an earlier attempt: younger than `TOPIC_CREATION_STALE_MS`, that attempt may still be
 * under way (this send waits and retries); older, it crashed after Telegram may have made the topic,
 * which the Bot API cannot list: the group is told once, naming the topic to delete, in the same commit
 * that takes the creation over, and only then is a second topic created.
 */
async function beginCreation(ctx: SenderContext, groupId: number, userId: number, name: string) {
  const { clock, uow } = ctx.deps;
  const now = clock.now();
  const go = await uow.run(async (r) => {
    await r.topics.reserve(userId, groupId, name);
    const begun = await r.topics.beginCreate(userId, now);
    if (begun.started) return true;
    const since = begun.since;
    if (since === null) return false; // its thread was stored meanwhile: the retry uses it
    if (now.getTime() - since.getTime() < ctx.topicCreationStaleMs) return false;
    if (!(await r.topics.restartCreate(userId, since, now))) return false;
    await r.outbox.enqueue(
      ownerAlerts(
        [groupId],
        `topic-orphan:${userId}:${since.getTime()}`,
        text('relay-admin-topic-orphan', {
          name,
          fan: String(userId),
          since,
        }),
      ),
    );
    return true;
  });
  if (!go)
    throw new SendError(
      { type: 'transient', reason: "the fan's topic is being created by another attempt" },
      null,
    );
}

/**
 * The fan's info card into their topic and its pin: the first render of a card (see app/relay/refresh.ts
 * `scheduleCardSetup`). A 429 on the pin waits and the retry pins the card it has; a missing right to pin
 * blocks nothing. A topic lost meanwhile gets its card when the fan's next message recreates it.
 */
export async function renderCard(
  ctx: SenderContext,
  item: ClaimedItem,
  groupId: number,
  topic: FanTopic & { threadId: number },
  user: User,
): Promise<void> {
  const { api, views, clock, uow } = ctx.deps;
  const userId = user.id;
  const threadId = topic.threadId;
  let cardId = topic.cardMessageId;
  const resent = cardId !== null;
  if (cardId === null) {
    const [{ spent }, assignee] = await Promise.all([
      uow.repos.ledger.totals(userId),
      uow.repos.conversations.assignee(userId),
    ]);
    const previous = topic.previousThreadId
      ? { groupId: topic.previousGroupId ?? groupId, threadId: topic.previousThreadId }
      : null;
    const card = views.infoCard(
      { user, spent, passLeftMs: passRemaining(user.timePassUntil, clock), previous, assignee },
      await views.localeFor(groupId),
    );
    let sent: { message_id: number };
    try {
      sent = await sendIntoTopic(ctx, groupId, threadId, () =>
        api.sendMessage(groupId, card.html, {
          message_thread_id: threadId,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: { inline_keyboard: card.keyboard },
        }),
      );
    } catch (err) {
      if (!(err instanceof SendError) || err.failure.type !== 'thread_lost') throw err;
      await uow.repos.outbox.complete(item.id, clock.now());
      return;
    }
    cardId = sent.message_id;
    await uow.repos.topics.setCard(userId, cardId);
  }
  try {
    const id = cardId;
    await ctx.call(groupId, threadId, () => api.pinChatMessage(groupId, id, { disable_notification: true }));
  } catch (err) {
    // A 429 must wait (the pin is retried with this render); a missing right must not block anything.
    if (err instanceof SendError && err.failure.type === 'retry_after') throw err;
    ctx.log.warn({ err, userId }, 'could not pin the info card');
  }
  await uow.run(async (r) => {
    await r.topics.setCardPinned(userId);
    await r.outbox.complete(item.id, clock.now());
    // A retry after a 429 only pinned: a change that joined this render meanwhile gets an edit of its own.
    if (resent) await scheduleCardRender(r, userId, clock.now(), ctx.timings);
  });
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

/**
 * Nothing goes to a fan who blocked the bot (their chat would answer 403 anyway). The fan as the claim
 * read them (`item.recipient`, the item's private chat), else read now.
 */
export async function refuseIfBlocked(
  ctx: SenderContext,
  userId: number,
  item: Pick<ClaimedItem, 'recipient'>,
): Promise<Recipient | null> {
  const user = item.recipient?.id === userId ? item.recipient : await ctx.deps.uow.repos.users.get(userId);
  if (user?.blockedBot)
    throw new SendError({ type: 'blocked', reason: 'the fan blocked the bot', code: 'fan-blocked' }, null);
  return user;
}
