/** The relay: fan topics, message links, albums, the live inbox. */

import type { InboxRow } from './outbox.ts';

export interface FanTopic {
  userId: number;
  groupId: number;
  threadId: number | null;
  status: 'creating' | 'open' | 'closed';
  name: string;
  cardMessageId: number | null;
  cardPinned: boolean;
  previousThreadId: number | null;
  /** The group of `previousThreadId` when it is not `groupId` (the fan moved out of a removed group). */
  previousGroupId: number | null;
  cardRenderedAt: Date | null;
  renamedAt: Date | null;
}

/**
 * How far the fans waiting for their topics are counted (`waitingForTopic`): a receipt only asks whether
 * more wait than the group gets topics a minute (`topic_creations_per_minute`, at most 20), so the count
 * stops one past that, and costs the same whatever the backlog (a burst of new fans at 3 topics a minute
 * is a queue of hundreds; counted in full, each of their messages cost 5.6 ms at 10,000 on PGlite).
 */
export const WAITING_COUNT_LIMIT = 21;

/** A fan's topic as noting their message answers it. */
export interface NotedTopic extends FanTopic {
  /**
   * While the topic is still to be created (no thread yet): the fans of its group waiting for theirs,
   * this one included (what `waitingForTopic` counts, up to WAITING_COUNT_LIMIT), read by the same
   * statement; null once it has one.
   */
  waitingForTopic: number | null;
}

export interface TopicsRepo {
  get(userId: number): Promise<FanTopic | null>;
  /** Inserts the 'creating' row unless the fan already has one; true when this call created it. */
  reserve(userId: number, groupId: number, name: string): Promise<boolean>;
  /**
   * The fan moves to another admin group (theirs was removed): a new topic there is to be created, the
   * old one kept as previous (with its group).
   */
  move(userId: number, groupId: number, name: string): Promise<void>;
  findByThread(groupId: number, threadId: number): Promise<FanTopic | null>;
  /**
   * Fans of the group whose topic is still to be created (their first messages wait for it), counted up
   * to WAITING_COUNT_LIMIT.
   */
  waitingForTopic(groupId: number): Promise<number>;
  /** Stores the topic's thread id (its own commit, as soon as Telegram answers) and ends the creation. */
  setThread(userId: number, threadId: number, name: string): Promise<void>;
  /**
   * Marks the fan's topic as being created since `at`, just before `createForumTopic`. Not started when
   * it has a thread, or a creation was marked before (`since`: when; it may have crashed after Telegram
   * made the topic).
   */
  beginCreate(userId: number, at: Date): Promise<{ started: true } | { started: false; since: Date | null }>;
  /** Takes over a creation marked at `since` (compare-and-set): true for exactly one caller. */
  restartCreate(userId: number, since: Date, at: Date): Promise<boolean>;
  setCard(userId: number, cardMessageId: number): Promise<void>;
  /** The card's pin is done (or cannot be done: no right to pin); it is not tried again. */
  setCardPinned(userId: number): Promise<void>;
  /** The topic is gone: forget the thread (kept as previous) so the next relay creates a new one. */
  markLost(userId: number, threadId: number): Promise<void>;
  setStatus(userId: number, status: 'open' | 'closed'): Promise<void>;
  /**
   * A fan message arrived (unread +1) or an admin answered (unread reset); feeds the live inbox. With
   * `logged`, the message goes into the message log (analytics by type, search) in the same statement.
   * Answers the topic row as `get` would after it (null: the fan has no topic row, nothing was noted),
   * with the group's count of fans waiting for a topic while this one waits too.
   */
  noteFanMessage(userId: number, at: Date, logged?: LoggedMessage): Promise<NotedTopic | null>;
  /**
   * An admin's message ends the fan's wait: unread reset and, when they were waiting, a first-response
   * time recorded (`first_responses`, see ConversationsRepo).
   */
  noteAdminMessage(userId: number, at: Date, adminId?: number | null, logged?: LoggedMessage): Promise<void>;
  /** The card was (re-)rendered now: the next render waits 10 minutes. */
  cardRendered(userId: number): Promise<void>;
  renamed(userId: number, name: string): Promise<void>;
  /** Takes the rename slot (renamed_at := now) unless a rename happened within `minIntervalMs`; atomic. */
  claimRename(userId: number, now: Date, minIntervalMs: number): Promise<boolean>;
  /** The most recently active conversations in the group, for the live inbox. */
  recent(groupId: number, limit: number): Promise<InboxRow[]>;
}

/**
 * A relayed message as the message log keeps it (db/schema/search.ts): its type for analytics, its text
 * or caption for search (null when there is none or the retention is 0), and for an admin's message the
 * group and topic it was written in.
 */
export interface LoggedMessage {
  type: string;
  messageId: number;
  text: string | null;
  groupId?: number;
  threadId?: number;
}

export interface InboxRepo {
  get(
    groupId: number,
  ): Promise<{ messageId: number | null; renderedAt: Date | null; lastText: string | null } | null>;
  rendered(groupId: number, text: string, messageId?: number): Promise<void>;
}

export interface MessageLink {
  id: number;
  userId: number;
  direction: 'in' | 'out';
  fanChatId: number;
  fanMessageId: number | null;
  groupChatId: number;
  groupThreadId: number | null;
  groupMessageId: number | null;
  adminId: number | null;
  /**
   * How the group side was made: `copy` (the bot's own message: edited in place, deletable) or
   * `forward` (the relay's forward mode: cannot be edited, an edit goes as a reply note). Null on links
   * from before it was recorded.
   */
  mode: 'copy' | 'forward' | null;
}

/** A fan's message relayed into their topic, as `LinksRepo.relayedIn` records it. */
export type RelayedInLink = {
  userId: number;
  fanChatId: number;
  fanMessageId: number;
  groupChatId: number;
  groupThreadId: number;
  groupMessageId: number;
  mode: 'copy' | 'forward';
};

export interface LinksRepo {
  /** Records a relayed pair; `mode` defaults to `copy` (everything but a forwarded fan message). */
  add(link: Omit<MessageLink, 'id' | 'mode'> & { mode?: 'copy' | 'forward' }): Promise<void>;
  /**
   * A fan's message relayed into their topic, all at once and atomically without a transaction: its link
   * (as `add`), one more message relayed into the group (`adminGroups.noteRelayed`), and its outbox item
   * done (`outbox.complete`).
   */
  relayedIn(link: RelayedInLink, done: { outboxItemId: number; at: Date }): Promise<void>;
  byGroupMessage(groupChatId: number, groupMessageId: number): Promise<MessageLink | null>;
  byFanMessage(fanChatId: number, fanMessageId: number): Promise<MessageLink | null>;
  /** The fan's latest message relayed into the topic, for the read receipt. */
  latestInbound(userId: number): Promise<MessageLink | null>;
}

export type AlbumDirection = 'in' | 'out';

/** One item of an album being buffered: `in` a fan's (charged already), `out` an admin's. */
export interface AlbumItem {
  id: number;
  userId: number;
  direction: AlbumDirection;
  mediaGroupId: string;
  chatId: number;
  messageId: number;
  cost: number;
  createdAt: Date;
}

export interface AlbumsRepo {
  /** Buffers an item (arrival time `at`); false when this message is already buffered. */
  add(item: Omit<AlbumItem, 'id' | 'createdAt'>, at: Date): Promise<boolean>;
  /** The group's items not yet flushed, by message id, locked until the transaction ends. */
  pendingForUpdate(direction: AlbumDirection, mediaGroupId: string): Promise<AlbumItem[]>;
  markFlushed(ids: number[], at: Date): Promise<void>;
  /** Deletes items flushed before `before` (their links live in message_links). */
  pruneFlushed(before: Date): Promise<number>;
}
