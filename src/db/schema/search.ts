import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * Every relayed message, both ways: its type (analytics: messages in and out by type) and, while the
 * `search_retention_days` setting keeps it, its text or caption (the control center's message search).
 * Written by the statement that already notes the message on the fan's topic (db/repos/relay.ts), so the
 * ingest path makes no extra round trip. A daily job clears texts past the retention; a fan's "delete my
 * data" clears theirs (`forgetFan`). The row that stays holds no content: who, which way, what type, when.
 */
export const messageLog = pgTable(
  'message_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    /** `in`: fan → topic; `out`: admin → fan. */
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** text, photo, voice… (bot/helpers/message-type.ts). */
    type: text('type').notNull(),
    /** `in`: the message in the fan's chat; `out`: the admin's message in the group. */
    messageId: integer('message_id').notNull(),
    /** `out`: the group and topic the admin wrote in (`in` finds its copy through message_links). */
    groupId: bigint('group_id', { mode: 'number' }),
    threadId: integer('thread_id'),
    /** The text or caption, for search; null past the retention, after "delete my data", or none. */
    text: text('text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Written in time order: BRIN for analytics' day windows and the retention job (see ledger_entries).
    index('message_log_created_brin').using('brin', t.createdAt),
    index('message_log_text_fts')
      .using('gin', sql`to_tsvector('simple', ${t.text})`)
      .where(sql`${t.text} is not null`),
  ],
);

/**
 * A team member's current payment or message search in `/search` (the typed query, parsed), one row per
 * member and kind: buttons carry only a page or an id, so any replica shows the same next page.
 */
export const adminSearches = pgTable(
  'admin_searches',
  {
    actorId: bigint('actor_id', { mode: 'number' }).notNull(),
    /** `payments` or `messages`. */
    kind: text('kind').notNull(),
    criteria: jsonb('criteria').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.kind] })],
);
