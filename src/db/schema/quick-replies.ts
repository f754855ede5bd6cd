import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Quick replies: the team's saved answers, sent in a fan's topic through the bot's inline mode
 * (app/admin/quick-replies). `category` '' is none; (category, title) is unique whatever the case, so an
 * import can update a template by its name. `sort` orders a category's list; `uses` counts sends.
 */
export const quickReplies = pgTable(
  'quick_replies',
  {
    id: serial('id').primaryKey(),
    category: text('category').notNull().default(''),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The text's formatting as Telegram gave it (MessageEntity[]), null for plain text. */
    entities: jsonb('entities').$type<Array<Record<string, unknown>>>(),
    sort: integer('sort').notNull().default(0),
    uses: integer('uses').notNull().default(0),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quick_replies_name_idx').on(sql`lower(${t.category})`, sql`lower(${t.title})`),
    check('quick_replies_uses_valid', sql`${t.uses} >= 0`),
  ],
);
