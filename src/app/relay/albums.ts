import { passRemaining } from '../../domain/entitlement/index.ts';
import { isLowBalance } from '../../domain/ledger/index.ts';
import type { Clock } from '../../domain/shared/index.ts';
import { receiptItem, responseTimeFor } from './receipt.ts';
import type { AlbumDirection, AlbumItem, NewOutboxItem, Repos, UnitOfWork } from '../ports/index.ts';
import { resolveSettings, type Settings } from '../system/settings.ts';
import { lanes } from '../outbox/lanes.ts';
import type { AdminGroupList } from '../admin/groups.ts';

/**
 * Telegram delivers an album as separate updates sharing a media_group_id, within about a second. An
 * album is complete once no item arrived for this long.
 */
export const ALBUM_WINDOW_MS = 1500;

export interface AlbumDeps {
  uow: UnitOfWork;
  clock: Clock;
  /** The admin groups now (configured and set up). */
  adminGroups: AdminGroupList;
  /** The quiet time that closes an album (default ALBUM_WINDOW_MS). */
  albumWindowMs?: number;
}

export interface AlbumFlushJob {
  mediaGroupId: string;
  direction: AlbumDirection;
}

export type FlushAlbumResult =
  { status: 'empty' } | { status: 'waiting'; inMs: number } | { status: 'flushed'; items: number };

const windowOf = (deps: { albumWindowMs?: number | undefined }) => deps.albumWindowMs ?? ALBUM_WINDOW_MS;

/**
 * Buffers one album item (a fan's is charged already, in the same transaction) and schedules the
 * album's check. Call inside `uow.run`: the item and its job commit together. A repeat does nothing.
 */
export async function bufferAlbumItem(
  r: Repos,
  deps: { clock: Clock; albumWindowMs?: number | undefined },
  item: Omit<AlbumItem, 'id' | 'createdAt'>,
): Promise<void> {
  if (!(await r.albums.add(item, deps.clock.now()))) return;
  await r.jobs.flushAlbumLater(
    { mediaGroupId: item.mediaGroupId, direction: item.direction },
    windowOf(deps),
  );
}

/**
 * The album-flush job: while items still arrive it waits for the rest of the window; once quiet, ONE
 * transaction marks the items flushed and puts the whole album in the outbox (plus, for a fan, one
 * receipt for all of it). Rows stay locked meanwhile, so two checks never send an album twice.
 */
export async function flushAlbum(deps: AlbumDeps, job: AlbumFlushJob): Promise<FlushAlbumResult> {
  const settings = resolveSettings(await deps.uow.repos.settings.all());
  const result = await deps.uow.run(async (r): Promise<FlushAlbumResult> => {
    const items = await r.albums.pendingForUpdate(job.direction, job.mediaGroupId);
    if (items.length === 0) return { status: 'empty' };
    const now = deps.clock.now();
    const newest = Math.max(...items.map((i) => i.createdAt.getTime()));
    const inMs = newest + windowOf(deps) - now.getTime();
    if (inMs > 0) {
      await r.jobs.flushAlbumLater(job, inMs);
      return { status: 'waiting', inMs };
    }
    await r.albums.markFlushed(
      items.map((i) => i.id),
      now,
    );
    // One sender per media group in practice; grouping by chat keeps a stray item from crossing chats.
    for (const batch of byChat(items)) {
      if (job.direction === 'in') await enqueueFanAlbum(r, deps, settings, job.mediaGroupId, batch);
      else await enqueueAdminAlbum(r, job.mediaGroupId, batch);
    }
    return { status: 'flushed', items: items.length };
  });
  return result;
}

function byChat(items: AlbumItem[]): AlbumItem[][] {
  const groups = new Map<number, AlbumItem[]>();
  for (const item of items) groups.set(item.chatId, [...(groups.get(item.chatId) ?? []), item]);
  return [...groups.values()];
}

/** The fan's album into their topic (ordered by its first message id in the fan's lane) and its receipt. */
async function enqueueFanAlbum(
  r: Repos,
  deps: AlbumDeps,
  settings: Settings,
  mediaGroupId: string,
  batch: AlbumItem[],
): Promise<void> {
  const { userId, chatId } = batch[0]!;
  const first = batch[0]!.messageId;
  const user = await r.users.get(userId);
  // The fan's group: their items were accepted into it (the topic row was placed then).
  const groupId = (await r.topics.get(userId))?.groupId ?? (await deps.adminGroups(r))[0] ?? null;
  // Accepted items were charged only with a group configured; without one now, retry later rather than drop.
  if (!user || groupId === null) throw new Error(`album ${mediaGroupId}: no fan or admin group to relay to`);
  const costs = batch.map((i) => i.cost);
  const items: NewOutboxItem[] = [
    {
      lane: lanes.topic(userId),
      chatId: groupId,
      sortKey: first,
      // Per batch: an item arriving after the flush makes a later batch of the same media group.
      idempotencyKey: `relay.album:${chatId}:${mediaGroupId}:${first}`,
      payload: {
        kind: 'relay.album',
        userId,
        fromChatId: chatId,
        messageIds: batch.map((i) => i.messageId),
        costs,
        mode: settings.relay_mode,
      },
    },
  ];
  const cost = costs.reduce((a, b) => a + b, 0);
  const passLeftMs = passRemaining(user.timePassUntil, deps.clock);
  const free = cost === 0 && passLeftMs > 0;
  const balance = user.creditBalance;
  const low = isLowBalance(balance, settings.low_credit_threshold);
  if (settings.receipt_mode === 'every' || (settings.receipt_mode === 'low' && low && !free)) {
    items.push(
      receiptItem(
        userId,
        chatId,
        batch.map((i) => i.messageId),
        first,
        {
          cost,
          free,
          balance,
          lastTopUp: await r.ledger.lastTopUp(userId),
          low,
          threshold: settings.low_credit_threshold,
          passLeftMs,
          ...responseTimeFor(settings, user),
        },
      ),
    );
  }
  await r.outbox.enqueue(items);
}

/** An admin's album to the fan, as one copyMessages (Telegram keeps the grouping). */
async function enqueueAdminAlbum(r: Repos, mediaGroupId: string, batch: AlbumItem[]): Promise<void> {
  const { userId, chatId: groupId } = batch[0]!;
  const first = batch[0]!.messageId;
  const messageIds = batch.map((i) => i.messageId);
  const answers = (await r.links.latestInbound(userId))?.fanMessageId ?? null;
  await r.outbox.enqueue([
    {
      lane: lanes.fan(userId),
      chatId: userId,
      sortKey: 0,
      idempotencyKey: `relay.album.out:${groupId}:${mediaGroupId}:${first}`,
      payload: {
        kind: 'call',
        method: 'copyMessages',
        params: { chat_id: userId, from_chat_id: groupId, message_ids: messageIds },
        userId,
        effect: {
          type: 'album.out',
          userId,
          groupId,
          groupMessageIds: messageIds,
          answersFanMessageId: answers,
        },
      },
    },
  ]);
}
