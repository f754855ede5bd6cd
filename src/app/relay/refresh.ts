import type { FanTopic, NewOutboxItem, Repos } from '../ports/index.ts';
import { lanes } from '../outbox/lanes.ts';

export interface RenderTimings {
  /** The info card is edited at most this often per fan (the group's budget is precious). */
  cardIntervalMs: number;
  /** The live inbox is edited at most this often… */
  inboxIntervalMs: number;
  /** …and trails activity by this much, so a burst (a new fan: topic, message, card, pin) costs one edit. */
  inboxDebounceMs: number;
}

export const DEFAULT_RENDER_TIMINGS: RenderTimings = {
  cardIntervalMs: 10 * 60_000,
  inboxIntervalMs: 30_000,
  inboxDebounceMs: 10_000,
};

/**
 * Asks for the fan's card to be re-rendered: now if the last render is old enough, else when the
 * interval has passed. While a render is still pending, every new change joins it (one coalesce key per
 * card): it reads the numbers at send time. A render already being sent cannot see a change committed
 * after it read, so the change queues a render of its own (the sender then holds it to the interval).
 * Renders have their own lane so a waiting render never holds up the fan's messages.
 */
export async function scheduleCardRender(
  r: Repos,
  userId: number,
  now: Date,
  t = DEFAULT_RENDER_TIMINGS,
): Promise<void> {
  const item = cardRenderItem(await r.topics.get(userId), now, t);
  if (item) await r.outbox.enqueue([item]);
}

/** The card's render as an outbox item from the fan's topic row (null: no card yet), for a caller that
 * queues it with its own items (a fan's message: no second read of the row, one insert). */
export function cardRenderItem(
  topic: FanTopic | null,
  now: Date,
  t = DEFAULT_RENDER_TIMINGS,
): NewOutboxItem | null {
  if (!topic?.cardMessageId || topic.threadId === null) return null;
  const userId = topic.userId;
  const at = Math.max(now.getTime(), (topic.cardRenderedAt?.getTime() ?? 0) + t.cardIntervalMs);
  return {
    lane: lanes.card(userId),
    chatId: topic.groupId,
    sortKey: 0,
    idempotencyKey: `render:card:${userId}:${at}`,
    coalesceKey: `render:card:${userId}`,
    notBefore: new Date(at),
    payload: { kind: 'render', target: 'card', groupId: topic.groupId, userId },
  };
}

/**
 * The fan's info card for a topic just made (or one whose card is still owed): a render (class 4, after
 * fans' content) that sends the card and pins it, due now. A render already waiting for its interval
 * becomes this one (`expedite`; not for a card merely still owed: its render may be waiting out a
 * 429). Keyed on the thread, so asking again while it is owed queues nothing more.
 */
export async function scheduleCardSetup(
  r: Repos,
  userId: number,
  groupId: number,
  threadId: number,
  now: Date,
  opts: { expedite: boolean } = { expedite: true },
): Promise<void> {
  const payload = { kind: 'render', target: 'card', groupId, userId } as const;
  const coalesceKey = `render:card:${userId}`;
  if (opts.expedite && (await r.outbox.coalesce(coalesceKey, payload, { notBefore: now }))) return;
  await r.outbox.enqueue([
    {
      lane: lanes.card(userId),
      chatId: groupId,
      sortKey: 0,
      idempotencyKey: `render:card:${userId}:setup:${threadId}`,
      coalesceKey,
      notBefore: now,
      payload,
    },
  ]);
}

/** The same for the live inbox in the group's General topic (one message, edited on a debounce). */
export async function scheduleInboxRender(
  r: Repos,
  groupId: number,
  now: Date,
  t = DEFAULT_RENDER_TIMINGS,
): Promise<void> {
  await r.outbox.enqueue([inboxRenderItem(groupId, now, t)]);
}

/**
 * The live inbox's render as an outbox item, for a caller that queues it with its own items (one insert).
 * No read of the last render here (this runs for every fan message): the sender holds a render that comes
 * too soon until its interval is over (jobs/outbox/render.ts), and one pending render per group absorbs
 * the rest (its coalesce key).
 */
export function inboxRenderItem(groupId: number, now: Date, t = DEFAULT_RENDER_TIMINGS): NewOutboxItem {
  const at = now.getTime() + t.inboxDebounceMs;
  return {
    lane: lanes.inbox(),
    chatId: groupId,
    sortKey: 0,
    idempotencyKey: `render:inbox:${groupId}:${at}`,
    coalesceKey: `render:inbox:${groupId}`,
    notBefore: new Date(at),
    payload: { kind: 'render', target: 'inbox', groupId },
  };
}
