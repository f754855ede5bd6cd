import type { FanTopic, LoggedMessage, NotedTopic, Repos, User } from '../ports/index.ts';
import { topicName } from '../messages.ts';

/**
 * Which admin group a fan's conversation lives in (docs/ARCHITECTURE.md, "Several admin groups").
 *
 * A fan is placed once, in the transaction that accepts their first message (the one that reserves the
 * topic row, with the fan's row locked), in the least-loaded group: the fewest fan messages relayed into
 * it in the last 24 hours or waiting to be, ties to the fewer fans, then configuration order. `fan_topics.group_id` is
 * the placement, and it sticks. Only when that group is no longer usable (taken out of the config, or
 * the bot was removed from it) does the fan move, on their next message, to the least-loaded group
 * left, with a new topic whose card points at the earlier one.
 *
 * With one group configured this is the single-group path as it always was: reserve in that group.
 */

export interface Placement {
  groupId: number;
  /** True when the fan's topic is to be created (a new fan, or a move): the first message waits for it. */
  reserved: boolean;
  /** The fan's existing topic row in `groupId` (null when `reserved`). */
  topic: FanTopic | null;
  /** The fan's message was noted on the row (the row was there): not to note again. */
  noted: boolean;
  /**
   * Fans of `groupId` waiting for their topic, this one included, when the noting read it (the fan's
   * topic is there and still to be created); null: not known here (`topics.waitingForTopic` tells).
   */
  waitingForTopic: number | null;
}

/**
 * `note`: the fan's message, noted on their topic row (topics.noteFanMessage) as the read of the row: a
 * known fan's message (nearly every one) costs one statement here. A message that finds no row is not
 * noted (`noted` false: the caller notes it once the row is reserved).
 */
export async function placeFan(
  r: Repos,
  groupIds: readonly number[],
  user: User,
  /** `read`: the message was noted already (the charge's statement did it), with this answer. */
  note: { at: Date; logged?: LoggedMessage | undefined; read?: NotedTopic | null },
): Promise<Placement> {
  if (groupIds.length === 0) throw new Error('placeFan: no admin group configured');
  const read =
    note.read !== undefined ? note.read : await r.topics.noteFanMessage(user.id, note.at, note.logged);
  const placement = await placeAfterNoting(r, groupIds, user, read);
  // Only the row the noting answered carries the count (a reserved or moved topic's row is new).
  return { ...placement, waitingForTopic: read && placement.topic === read ? read.waitingForTopic : null };
}

async function placeAfterNoting(
  r: Repos,
  groupIds: readonly number[],
  user: User,
  read: NotedTopic | null,
): Promise<Omit<Placement, 'waitingForTopic'>> {
  const wasNoted = read !== null;
  if (groupIds.length === 1) {
    const groupId = groupIds[0]!;
    // Only a first message tries the reserving insert (callers hold the fan's row lock, so nobody
    // reserves in between).
    const topic =
      read ??
      ((await r.topics.reserve(user.id, groupId, topicName(user))) ? null : (await r.topics.get(user.id))!);
    if (!topic) return { groupId, reserved: true, topic: null, noted: wasNoted };
    if (topic.groupId === groupId) return { groupId, reserved: false, topic, noted: wasNoted };
    // The configured group changed: the old one is gone from the config.
    await r.topics.move(user.id, groupId, topicName(user));
    return { groupId, reserved: true, topic: null, noted: wasNoted };
  }
  const topic = read;
  const removed = await r.adminGroups.removed(groupIds);
  const usable = groupIds.filter((g) => !removed.includes(g));
  if (topic && (usable.includes(topic.groupId) || (usable.length === 0 && groupIds.includes(topic.groupId))))
    return { groupId: topic.groupId, reserved: false, topic, noted: wasNoted };
  // Every group removed: the fan still goes somewhere configured (the bot may be added back).
  const groupId = await leastLoaded(r, usable.length > 0 ? usable : groupIds);
  if (topic) await r.topics.move(user.id, groupId, topicName(user));
  else if (!(await r.topics.reserve(user.id, groupId, topicName(user)))) {
    // Callers hold the fan's row lock, so nobody reserves meanwhile; if the row is there anyway, keep it.
    const existing = (await r.topics.get(user.id))!;
    return { groupId: existing.groupId, reserved: false, topic: existing, noted: wasNoted };
  }
  return { groupId, reserved: true, topic: null, noted: wasNoted };
}

/**
 * Loads this close to the least count as equal: about a minute of one group's sends (Telegram takes ~20
 * messages a minute into a group), or, while a backlog is building, the messages waiting per group. In a
 * burst of new fans the loads are the burst's own messages, apart by whichever group's fans came first:
 * by the exact count, 11 and 9 of 20 fans went to two groups, 12, 10, 9 and 9 of 40 to four. Within the
 * band the fans decide. A group whose sends are stuck (its backlog far above the others') still loses.
 */
export const LOAD_TIE_BAND = 20;

/**
 * Fewest messages relayed in the last 24 h or waiting to be (loads within the tie band of the fewest
 * count as equal), then fewest fans, then configuration order.
 */
export async function leastLoaded(r: Repos, groupIds: readonly number[]): Promise<number> {
  if (groupIds.length === 1) return groupIds[0]!;
  // Placements in a burst run side by side: one at a time, each sees the fans placed before it.
  await r.adminGroups.lockPlacement();
  const load = await r.adminGroups.relayedLastDay(groupIds);
  const of = (g: number) => load.get(g) ?? { relayed: 0, waiting: 0 };
  const total = (g: number) => of(g).relayed + of(g).waiting;
  const waitingPerGroup = groupIds.reduce((n, g) => n + of(g).waiting, 0) / groupIds.length;
  const band = Math.max(LOAD_TIE_BAND, waitingPerGroup);
  const least = Math.min(...groupIds.map(total));
  const tied = groupIds.filter((g) => total(g) - least < band);
  if (tied.length === 1) return tied[0]!;
  const fans = await r.adminGroups.fans(tied);
  const count = (g: number) => fans.get(g) ?? 0;
  const fewest = Math.min(...tied.map(count));
  return tied.find((g) => count(g) === fewest)!;
}
