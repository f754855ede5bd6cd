import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * What the team marks on a conversation (one per fan, like their topic): priority, pinned (a flag the
 * bot keeps: the Bot API cannot pin a forum topic) and who it is assigned to. A fan without a row has
 * none of them.
 */
export const conversationFlags = pgTable(
  'conversation_flags',
  {
    userId: bigint('user_id', { mode: 'number' })
      .primaryKey()
      .references(() => users.id),
    priority: boolean('priority').notNull().default(false),
    pinned: boolean('pinned').notNull().default(false),
    /** A team member who can reply (`relay.reply`); null: nobody. */
    assigneeId: bigint('assignee_id', { mode: 'number' }),
    assignedBy: bigint('assigned_by', { mode: 'number' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conversation_flags_assignee_idx')
      .on(t.assigneeId)
      .where(sql`${t.assigneeId} is not null`),
  ],
);

/**
 * First-response times, one row per answered wait: from a fan's first message nobody had answered yet
 * (`fan_topics.waiting_since`) to the next admin message in their topic. Written by the statement that
 * records the admin message (db/repos/relay.ts `noteAdminMessage`); read by the Conversations screen and
 * analytics through one index-only range scan on (answered_at, response_ms).
 */
export const firstResponses = pgTable(
  'first_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    responseMs: bigint('response_ms', { mode: 'number' }).notNull(),
    adminId: bigint('admin_id', { mode: 'number' }),
  },
  (t) => [index('first_responses_answered_idx').on(t.answeredAt, t.responseMs)],
);
