import { sql } from 'drizzle-orm';
import {
  smallint,
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * One forum topic per fan. The row is inserted (thread_id null, status 'creating') by the transaction
 * that accepts the fan's first message, so concurrent first messages cannot start two creations.
 */
export const fanTopics = pgTable(
  'fan_topics',
  {
    userId: bigint('user_id', { mode: 'number' })
      .primaryKey()
      .references(() => users.id),
    groupId: bigint('group_id', { mode: 'number' }).notNull(),
    threadId: integer('thread_id'),
    status: text('status', { enum: ['creating', 'open', 'closed'] }).notNull(),
    /**
     * Set just before `createForumTopic` is called, cleared by the commit that stores its thread id. Set
     * with no thread id long after: the process died in between, so a topic may exist that we cannot
     * name by id (the Bot API cannot list topics): the team is told which one to delete before a second
     * is created.
     */
    creatingSince: timestamp('creating_since', { withTimezone: true }),
    name: text('name').notNull(),
    cardMessageId: integer('card_message_id'),
    /** The pin is its own step: a 429 between card and pin must not leave the card unpinned for good. */
    cardPinned: boolean('card_pinned').notNull().default(false),
    /** The topic this one replaced (deleted by an admin or lost): its history stays there. */
    previousThreadId: integer('previous_thread_id'),
    /**
     * The group of `previous_thread_id` when it differs from `group_id` (the fan moved out of a removed
     * admin group); null when the earlier topic is in the same group.
     */
    previousGroupId: bigint('previous_group_id', { mode: 'number' }),
    /** When the card was last rendered: the next render waits 10 minutes. */
    cardRenderedAt: timestamp('card_rendered_at', { withTimezone: true }),
    /** For the live inbox: fan messages since the last admin message, and when each side last wrote. */
    unread: integer('unread').notNull().default(0),
    lastFanMessageAt: timestamp('last_fan_message_at', { withTimezone: true }),
    lastAdminMessageAt: timestamp('last_admin_message_at', { withTimezone: true }),
    /** The first fan message nobody has answered yet (null: answered); first-response time starts here. */
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    /** Topic renames (after a fan's name change) are throttled. */
    renamedAt: timestamp('renamed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fan_topics_group_thread_uq').on(t.groupId, t.threadId),
    index('fan_topics_recent_idx').on(t.groupId, t.lastFanMessageAt),
  ],
);

/** The link between a fan's message and its counterpart in the topic, stored both ways. */
export const messageLinks = pgTable(
  'message_links',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    /** `in`: fan → topic; `out`: admin → fan. */
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    fanChatId: bigint('fan_chat_id', { mode: 'number' }).notNull(),
    fanMessageId: integer('fan_message_id'),
    groupChatId: bigint('group_chat_id', { mode: 'number' }).notNull(),
    groupThreadId: integer('group_thread_id'),
    groupMessageId: integer('group_message_id'),
    adminId: bigint('admin_id', { mode: 'number' }),
    /**
     * How the group side was made: `copy` (copyMessage: the bot's own message, editable and deletable
     * by it) or `forward` (forwardMessage, the relay's forward mode: an edit is a reply note instead).
     * Null on links made before it was recorded (they were copies unless forward mode was on).
     */
    mode: text('mode', { enum: ['copy', 'forward'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_links_fan_uq').on(t.fanChatId, t.fanMessageId),
    uniqueIndex('message_links_group_uq').on(t.groupChatId, t.groupMessageId),
    index('message_links_user_idx').on(t.userId, t.id),
    // Written in time order: BRIN for the dashboard's and analytics' day windows (see ledger_entries).
    index('message_links_created_brin').using('brin', t.createdAt),
  ],
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'done', 'dead'] as const;

/**
 * Every outbound Telegram call that may wait (relays both ways, receipts, notices, cards), written in
 * the transaction that decided it. The dispatcher sends each lane in `sort_key` order, one at a time.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Ordering unit: `in:<fan>` (into the fan's topic) or `out:<fan>` (into the fan's chat), `group`. */
    lane: text('lane').notNull(),
    /** Target chat, whose flood budget the send spends. */
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    sortKey: bigint('sort_key', { mode: 'number' }).notNull(),
    /** Priority class, 1 first (app/outbox/policy.ts): replies, content, notices, renders, bulk. */
    priority: smallint('priority').notNull().default(3),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /**
     * Items that supersede each other (the edits of one message): while one is still pending, the next
     * replaces its payload instead of queueing another send. Also counts what was queued per message.
     */
    coalesceKey: text('coalesce_key'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    check('outbox_status_valid', sql`${t.status} in ('pending', 'sending', 'done', 'dead')`),
    // Lane heads: a skip scan over lanes, then each lane's first item: replies first, then in order.
    index('outbox_open_idx')
      .on(t.lane, sql`(${t.priority} > 1)`, t.sortKey, t.id)
      .where(sql`${t.status} in ('pending', 'sending')`),
    // An item in flight holds its lane, whatever waits behind it.
    index('outbox_sending_idx')
      .on(t.lane)
      .where(sql`${t.status} = 'sending'`),
    // Fans' content (class 2) waiting in a lane: the claim asks this per head, one probe whatever the backlog.
    index('outbox_content_idx')
      .on(t.lane)
      .where(sql`${t.status} = 'pending' and ${t.priority} = 2`),
    // When the next waiting item falls due (the claim asks when it took nothing): one probe, whatever the
    // backlog (a scan of every open item was 13 ms at 100,000 on PostgreSQL).
    index('outbox_pending_due_idx')
      .on(t.notBefore)
      .where(sql`${t.status} = 'pending'`),
    index('outbox_done_at_idx').on(t.doneAt),
    index('outbox_coalesce_idx').on(t.coalesceKey),
    uniqueIndex('outbox_coalesce_pending_uq')
      .on(t.coalesceKey)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Round-robin state: the lane served longest ago goes first. */
export const outboxLanes = pgTable('outbox_lanes', {
  lane: text('lane').primaryKey(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull(),
});

/**
 * Flood budgets shared by every replica: `chat:<id>` and `global`. `recent` holds the send times inside
 * the current window (a sliding log); `blocked_until` is the end of a 429's retry_after.
 */
export const outboxBudgets = pgTable('outbox_budgets', {
  key: text('key').primaryKey(),
  recent: timestamp('recent', { withTimezone: true })
    .array()
    .notNull()
    .default(sql`'{}'`),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  /**
   * `chat:<id>` rows: a replica is sending to this chat until then (a lease, taken before each call on
   * PostgreSQL): sends to one chat are serialised across replicas, so a 429 is known before the next leaves.
   */
  sendingUntil: timestamp('sending_until', { withTimezone: true }),
});
