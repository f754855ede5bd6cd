import type { Clock } from '../../domain/shared/index.ts';
import { topicName } from '../messages.ts';
import type { Repos, UnitOfWork, User } from '../ports/index.ts';
import { lanes } from '../outbox/lanes.ts';
import { text } from '../texts.ts';

/**
 * What the admins should know about a fan beyond their messages: whether the bot can still reach them
 * (`users.blocked_bot`, which the outbox, broadcasts and auto-recharge read) and who they are now (the
 * topic's name follows the fan's Telegram name, at most once an hour: every rename posts a service
 * message and spends the group's flood budget).
 */

export interface FanStateDeps {
  uow: UnitOfWork;
  clock: Clock;
}

export const TOPIC_RENAME_INTERVAL_MS = 3600_000;

export interface FanBlockChange {
  userId: number;
  blocked: boolean;
  /** Unix seconds of the membership change (keys the note). */
  date: number;
}

/** The fan blocked or unblocked the bot (`my_chat_member`): record it and note it in their topic. */
export async function setFanBlocked(
  deps: FanStateDeps,
  change: FanBlockChange,
): Promise<{ changed: boolean }> {
  return deps.uow.run((r) => recordFanBlocked(r, change));
}

/**
 * Inside a transaction: the fan's blocked state is now `change.blocked`. On a change, record it and,
 * when the fan has a topic, note it there. Whoever learns it first calls this: the `my_chat_member`
 * update, or a send that Telegram refused with 403 (which often comes before that update), so the
 * admins hear of it once either way.
 */
export async function recordFanBlocked(r: Repos, change: FanBlockChange): Promise<{ changed: boolean }> {
  const user = await r.users.getForUpdate(change.userId);
  if (!user || user.blockedBot === change.blocked) return { changed: false };
  await r.users.setBlockedBot(user.id, change.blocked);
  const topic = await r.topics.get(user.id);
  // No topic yet: the admins have never heard of this fan, so there is nothing to tell them.
  if (!topic || topic.threadId === null) return { changed: true };
  const state = change.blocked ? 'blocked' : 'unblocked';
  await r.outbox.enqueue([
    {
      lane: lanes.topic(user.id),
      chatId: topic.groupId,
      sortKey: 0,
      idempotencyKey: `note:${state}:${user.id}:${change.date}`,
      payload: {
        kind: 'notice',
        chatId: topic.groupId,
        toTopicOf: user.id,
        text: text(change.blocked ? 'relay-fan-blocked' : 'relay-fan-unblocked'),
      },
    },
  ]);
  return { changed: true };
}

/**
 * Inside the transaction that refreshed the fan's profile: when the name their topic would get now
 * differs from the one it has, rename it (throttled; a change inside the hour waits for the next
 * update after it).
 */
export async function renameTopicIfNameChanged(
  r: Repos,
  user: User,
  now: Date,
  updateId: number,
): Promise<void> {
  const topic = await r.topics.get(user.id);
  // A topic still being created gets the current name when it is created.
  if (!topic || topic.threadId === null) return;
  const name = topicName(user);
  if (name === topic.name) return;
  if (!(await r.topics.claimRename(user.id, now, TOPIC_RENAME_INTERVAL_MS))) return;
  await r.outbox.enqueue([
    {
      lane: lanes.topic(user.id),
      chatId: topic.groupId,
      sortKey: 0,
      idempotencyKey: `topic.rename:${user.id}:${updateId}`,
      payload: {
        kind: 'call',
        method: 'editForumTopic',
        params: { chat_id: topic.groupId, name },
        toTopicOf: user.id,
        okErrors: ['TOPIC_NOT_MODIFIED'],
        effect: { type: 'topic.renamed', userId: user.id, name },
      },
    },
  ]);
}
