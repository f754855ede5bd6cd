import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/** Who did what to whom: every admin action (gift, ban, note, close…) leaves a row. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: bigint('actor_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_user_idx').on(t.userId, t.id)],
);

/** Private notes about a fan, shown in the Info view only. */
export const userNotes = pgTable(
  'user_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    authorId: bigint('author_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_notes_user_idx').on(t.userId, t.id)],
);

/**
 * Album items waiting to be relayed together. Telegram sends an album as separate updates sharing a
 * media_group_id; items are stored (charged already) and flushed as one album once none arrived for
 * a moment.
 */
export const albumItems = pgTable(
  'album_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    /** `in`: a fan's album to the topic; `out`: an admin's album to the fan. */
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    mediaGroupId: text('media_group_id').notNull(),
    chatId: bigint('chat_id', { mode: 'number' }).notNull(),
    messageId: integer('message_id').notNull(),
    cost: integer('cost').notNull().default(0),
    /** Set when the album was handed to the outbox. */
    flushedAt: timestamp('flushed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('album_items_message_uq').on(t.chatId, t.messageId),
    index('album_items_group_idx').on(t.mediaGroupId, t.messageId),
  ],
);

/** The live inbox: one message in the group's General topic, edited on a debounce. */
export const adminInbox = pgTable('admin_inbox', {
  groupId: bigint('group_id', { mode: 'number' }).primaryKey(),
  messageId: integer('message_id'),
  renderedAt: timestamp('rendered_at', { withTimezone: true }),
  lastText: text('last_text'),
});

/** Payment-support messages relayed free of charge (`/paysupport`): at most a few a day per fan. */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    messageId: integer('message_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_requests_user_idx').on(t.userId, t.createdAt)],
);
