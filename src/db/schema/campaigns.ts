import { sql } from 'drizzle-orm';
import {
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
} from 'drizzle-orm/pg-core';

export const CAMPAIGN_KINDS = ['broadcast', 'gift'] as const;
export const CAMPAIGN_STATUSES = ['draft', 'sending', 'paused', 'cancelled', 'done'] as const;

/**
 * Broadcasts and mass gifts (app/campaigns). A draft is composed in the hub; at confirmation its content
 * (text, entities, file ids, buttons) is frozen here and the audience resolved in batches into outbox
 * items keyed `campaign:<id>:<fan>` (class 5), so a restart resumes without sending anyone twice and
 * deleting the draft's messages breaks nothing. Counters are kept by the outbox sender in the transaction
 * that records each send.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: CAMPAIGN_KINDS }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    createdBy: bigint('created_by', { mode: 'number' }).notNull(),
    /** The message: `CampaignContent` (app/ports/campaigns.ts). */
    content: jsonb('content').$type<Record<string, unknown>>(),
    /** The audience: `AudienceFilters` and the segment it came from, if any. */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull().default({}),
    /** A mass gift: `{ credits }` or `{ seconds }`. */
    gift: jsonb('gift').$type<Record<string, unknown>>(),
    /** Where the live progress message goes (the sender's private chat) and its id once sent. */
    progressChatId: bigint('progress_chat_id', { mode: 'number' }),
    progressMessageId: integer('progress_message_id'),
    /** When the progress message was last sent or edited: the next edit waits 3 s from it (any replica). */
    progressAt: timestamp('progress_at', { withTimezone: true }),
    /** The count shown at confirmation. */
    confirmedCount: integer('confirmed_count'),
    /** Fans queued so far, and the last fan id queued (batches go in id order: the resume point). */
    queued: integer('queued').notNull().default(0),
    cursor: bigint('cursor', { mode: 'number' }).notNull().default(0),
    /** Every batch is queued: `queued` is the campaign's total. */
    queuedAll: boolean('queued_all').notNull().default(false),
    sent: integer('sent').notNull().default(0),
    blocked: integer('blocked').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Items dropped by a cancel. */
    skipped: integer('skipped').notNull().default(0),
    /** Gifts applied (one ledger entry each). */
    gifted: integer('gifted').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The ETA's base: when sending (re)started and how many were done then. */
    rateSince: timestamp('rate_since', { withTimezone: true }),
    rateBase: integer('rate_base').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('campaigns_kind_valid', sql`${t.kind} in ('broadcast', 'gift')`),
    check('campaigns_status_valid', sql`${t.status} in ('draft', 'sending', 'paused', 'cancelled', 'done')`),
    index('campaigns_kind_idx').on(t.kind, t.id),
    index('campaigns_creator_draft_idx')
      .on(t.createdBy)
      .where(sql`${t.status} = 'draft'`),
  ],
);

/** A saved audience: a named set of filters. */
export const campaignSegments = pgTable('campaign_segments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull().unique(),
  filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
  createdBy: bigint('created_by', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A saved message to broadcast again. */
export const campaignTemplates = pgTable('campaign_templates', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  name: text('name').notNull().unique(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  createdBy: bigint('created_by', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
