import { and, desc, eq, isNotNull, isNull, sql, type Placeholder } from 'drizzle-orm';
import type {
  FanTopic,
  LinksRepo,
  LoggedMessage,
  NotedTopic,
  RelayedInLink,
  TopicsRepo,
} from '../../app/ports/index.ts';
import { WAITING_COUNT_LIMIT } from '../../app/ports/relay.ts';
import { hourNow } from './groups.ts';
import type { DbOrTx } from '../client.ts';
import { ph, prepared, preparedSql } from '../prepared.ts';
import { fanTopics, messageLinks, users } from '../schema/index.ts';

const topicColumns = {
  userId: fanTopics.userId,
  groupId: fanTopics.groupId,
  threadId: fanTopics.threadId,
  status: fanTopics.status,
  name: fanTopics.name,
  cardMessageId: fanTopics.cardMessageId,
  cardPinned: fanTopics.cardPinned,
  previousThreadId: fanTopics.previousThreadId,
  previousGroupId: fanTopics.previousGroupId,
  cardRenderedAt: fanTopics.cardRenderedAt,
  renamedAt: fanTopics.renamedAt,
};

const topicOf = prepared('fb_topic_get', (db) =>
  db
    .select(topicColumns)
    .from(fanTopics)
    .where(eq(fanTopics.userId, sql.placeholder('userId'))),
);

/** The message log's row for a relayed message (db/schema/search.ts), as a statement to fold into another. */
type Slot<T> = T | Placeholder;

function logInsert(
  userId: Slot<number>,
  direction: 'in' | 'out',
  when: Slot<string>,
  m: { [K in keyof LoggedMessage]: Slot<LoggedMessage[K]> },
  /** Only when this CTE has a row. */
  onlyIf?: string,
) {
  return sql`insert into message_log (user_id, direction, type, message_id, group_id, thread_id, text, created_at)
    select ${userId}, ${direction}, ${m.type}, ${m.messageId}, ${m.groupId ?? null}::bigint,
           ${m.threadId ?? null}::integer, ${m.text}, ${when}::timestamptz
    ${onlyIf ? sql.raw(`where exists (select 1 from ${onlyIf})`) : sql``}`;
}

// A fan's message on their topic (unread count, waiting since), with its message-log row riding on the
// same statement (a data-modifying CTE) when it is logged; it answers the topic row, so the caller needs
// no read of its own. Built once (db/prepared.ts).
// While the topic waits for its creation, the statement also counts the group's fans waiting for theirs
// (`waitingForTopic`, the new-fan queue's length): no statement of its own for each of their messages.
/** The topic row a note answers; `t`: the table's name, to qualify its columns when the update has a `from`. */
export const topicReturningOf = (t?: string) => {
  const c = (name: string) => sql.raw(t ? `${t}.${name}` : name);
  return sql`returning ${c('user_id')}, ${c('group_id')}, ${c('thread_id')}, ${c('status')}, ${c('name')},
    ${c('card_message_id')}, ${c('card_pinned')}, ${c('previous_thread_id')}, ${c('previous_group_id')},
    ${c('card_rendered_at')}, ${c('renamed_at')},
    case when ${c('thread_id')} is null then (select count(*)::int from (select 1 from fan_topics w
      where w.group_id = fan_topics.group_id and w.thread_id is null limit ${sql.raw(String(WAITING_COUNT_LIMIT))}) w)
    end as waiting_for_topic`;
};
const topicReturning = topicReturningOf();
const unreadUpdateOf = (onlyIf?: string) => sql`update fan_topics
  set unread = unread + 1, last_fan_message_at = ${sql.placeholder('when')}::timestamptz,
      waiting_since = coalesce(waiting_since, ${sql.placeholder('when')}::timestamptz)
  where user_id = ${sql.placeholder('userId')}${onlyIf ? sql.raw(` and exists (select 1 from ${onlyIf})`) : sql``}
  ${topicReturning}`;
const unreadUpdate = unreadUpdateOf();

/**
 * A fan's message noted on their topic with its message-log row, as CTEs to fold into another statement
 * (the ledger's charge as read): `noted` answers the topic row (given `onlyIf`, only when that CTE has a
 * row). Placeholders: userId, when, type, messageId, groupId, threadId, text.
 */
export function fanMessageNoteCtes(onlyIf?: string) {
  return sql`noted as (${unreadUpdateOf(onlyIf)}), logged as (${logInsert(
    sql.placeholder('userId'),
    'in',
    sql.placeholder('when'),
    {
      type: sql.placeholder('type'),
      messageId: sql.placeholder('messageId'),
      groupId: sql.placeholder('groupId'),
      threadId: sql.placeholder('threadId'),
      text: sql.placeholder('text'),
    },
    'noted',
  )})`;
}
export interface TopicRow {
  user_id: number | string;
  group_id: number | string;
  thread_id: number | null;
  status: FanTopic['status'];
  name: string;
  card_message_id: number | null;
  card_pinned: boolean;
  previous_thread_id: number | null;
  previous_group_id: number | string | null;
  card_rendered_at: Date | string | null;
  renamed_at: Date | string | null;
  waiting_for_topic: number | null;
}
/** A raw topic row as drizzle maps it (int8 arrives as a string from node-postgres, timestamps as text). */
export const topicOfRow = (r: TopicRow): NotedTopic => ({
  userId: Number(r.user_id),
  groupId: Number(r.group_id),
  threadId: r.thread_id === null ? null : Number(r.thread_id),
  status: r.status,
  name: r.name,
  cardMessageId: r.card_message_id === null ? null : Number(r.card_message_id),
  cardPinned: r.card_pinned,
  previousThreadId: r.previous_thread_id === null ? null : Number(r.previous_thread_id),
  previousGroupId: r.previous_group_id === null ? null : Number(r.previous_group_id),
  cardRenderedAt: r.card_rendered_at === null ? null : new Date(r.card_rendered_at),
  renamedAt: r.renamed_at === null ? null : new Date(r.renamed_at),
  waitingForTopic: r.waiting_for_topic === null ? null : Number(r.waiting_for_topic),
});
const noteUnread = preparedSql<{ userId: number; when: string }, TopicRow>('fb_topic_unread', unreadUpdate);
/** The slots of `fanMessageNoteCtes` but the user's (from `fanMessageNoteSlots`). */
export type FanMessageNoteSlots = {
  when: string;
  type: string;
  messageId: number;
  groupId: number | null;
  threadId: number | null;
  text: string | null;
};
export const fanMessageNoteSlots = (at: Date, logged: LoggedMessage): FanMessageNoteSlots => ({
  when: at.toISOString(),
  type: logged.type,
  messageId: logged.messageId,
  groupId: logged.groupId ?? null,
  threadId: logged.threadId ?? null,
  text: logged.text,
});
const noteUnreadAndLog = preparedSql<{ userId: number } & FanMessageNoteSlots, TopicRow>(
  'fb_topic_unread_log',
  // Logged only with a topic row to note it on: a message that finds none is noted (and logged) again
  // once its row is reserved.
  sql`with ${fanMessageNoteCtes()} select * from noted`,
);

export function topicsRepo(db: DbOrTx): TopicsRepo {
  return {
    async get(userId) {
      const [row] = await topicOf(db, { userId });
      return row ?? null;
    },
    async reserve(userId, groupId, name) {
      const rows = await db
        .insert(fanTopics)
        .values({ userId, groupId, name, status: 'creating' })
        .onConflictDoNothing()
        .returning({ userId: fanTopics.userId });
      return rows.length === 1;
    },
    async move(userId, groupId, name) {
      // The earlier history: the current topic, or (when it was lost before) the one before it.
      await db
        .update(fanTopics)
        .set({
          previousGroupId: sql`case when ${fanTopics.threadId} is not null then ${fanTopics.groupId}
            when ${fanTopics.previousThreadId} is not null then coalesce(${fanTopics.previousGroupId}, ${fanTopics.groupId}) end`,
          previousThreadId: sql`coalesce(${fanTopics.threadId}, ${fanTopics.previousThreadId})`,
          groupId,
          threadId: null,
          name,
          status: 'creating',
          cardMessageId: null,
          cardPinned: false,
          creatingSince: null,
          updatedAt: sql`now()`,
        })
        .where(eq(fanTopics.userId, userId));
    },
    async waitingForTopic(groupId) {
      const waiting = db
        .select({ one: sql`1` })
        .from(fanTopics)
        .where(and(eq(fanTopics.groupId, groupId), isNull(fanTopics.threadId)))
        .limit(WAITING_COUNT_LIMIT)
        .as('waiting');
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(waiting);
      return row?.n ?? 0;
    },
    async findByThread(groupId, threadId) {
      const [row] = await db
        .select(topicColumns)
        .from(fanTopics)
        .where(and(eq(fanTopics.groupId, groupId), eq(fanTopics.threadId, threadId)));
      return row ?? null;
    },
    async setThread(userId, threadId, name) {
      await db
        .update(fanTopics)
        .set({
          threadId,
          name,
          status: 'open',
          cardMessageId: null,
          creatingSince: null,
          updatedAt: sql`now()`,
        })
        .where(eq(fanTopics.userId, userId));
    },
    async beginCreate(userId, at) {
      const [started] = await db
        .update(fanTopics)
        .set({ creatingSince: at, updatedAt: sql`now()` })
        .where(and(eq(fanTopics.userId, userId), isNull(fanTopics.threadId), isNull(fanTopics.creatingSince)))
        .returning({ userId: fanTopics.userId });
      if (started) return { started: true };
      const [row] = await db
        .select({ since: fanTopics.creatingSince, threadId: fanTopics.threadId })
        .from(fanTopics)
        .where(eq(fanTopics.userId, userId));
      if (!row || row.threadId !== null || row.since === null) return { started: false, since: null };
      return { started: false, since: row.since };
    },
    async restartCreate(userId, since, at) {
      const rows = await db
        .update(fanTopics)
        .set({ creatingSince: at, updatedAt: sql`now()` })
        .where(
          and(
            eq(fanTopics.userId, userId),
            isNull(fanTopics.threadId),
            // The mark as read back (JavaScript keeps milliseconds, PostgreSQL microseconds).
            sql`date_trunc('milliseconds', ${fanTopics.creatingSince}) = ${since.toISOString()}::timestamptz`,
          ),
        )
        .returning({ userId: fanTopics.userId });
      return rows.length === 1;
    },
    async setCard(userId, cardMessageId) {
      await db
        .update(fanTopics)
        .set({ cardMessageId, cardPinned: false, cardRenderedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(fanTopics.userId, userId));
    },
    async setCardPinned(userId) {
      await db.update(fanTopics).set({ cardPinned: true }).where(eq(fanTopics.userId, userId));
    },
    async setStatus(userId, status) {
      await db
        .update(fanTopics)
        .set({ status, updatedAt: sql`now()` })
        .where(eq(fanTopics.userId, userId));
    },
    async noteFanMessage(userId, at, logged) {
      const when = at.toISOString();
      // The log's insert rides on the topic's update (a data-modifying CTE): no extra round trip.
      const res = !logged
        ? await noteUnread(db, { userId, when })
        : await noteUnreadAndLog(db, { userId, ...fanMessageNoteSlots(at, logged) });
      const [row] = res.rows;
      return row ? topicOfRow(row) : null;
    },
    async noteAdminMessage(userId, at, adminId = null, logged) {
      // One statement: the wait ends (read under the row lock, so two admin messages at once record it
      // once) and, when there was one, its first-response time is recorded; the message is logged.
      const when = at.toISOString();
      await db.execute(sql`
        with waited as (
          select user_id, waiting_since from fan_topics where user_id = ${userId} for update
        ), ended as (
          update fan_topics t
          set unread = 0, last_admin_message_at = ${when}::timestamptz, waiting_since = null
          from waited where t.user_id = waited.user_id
          returning waited.user_id, waited.waiting_since
        )${logged ? sql`, logged as (${logInsert(userId, 'out', when, logged)})` : sql``}
        insert into first_responses (user_id, asked_at, answered_at, response_ms, admin_id)
        select user_id, waiting_since, ${when}::timestamptz,
               greatest(0, round(extract(epoch from (${when}::timestamptz - waiting_since)) * 1000))::bigint,
               ${adminId}::bigint
        from ended where waiting_since is not null`);
    },
    async cardRendered(userId) {
      await db
        .update(fanTopics)
        .set({ cardRenderedAt: sql`now()` })
        .where(eq(fanTopics.userId, userId));
    },
    async renamed(userId, name) {
      await db
        .update(fanTopics)
        .set({ name, renamedAt: sql`now()` })
        .where(eq(fanTopics.userId, userId));
    },
    async claimRename(userId, now, minIntervalMs) {
      const cutoff = new Date(now.getTime() - minIntervalMs);
      const rows = await db
        .update(fanTopics)
        .set({ renamedAt: now })
        .where(
          and(
            eq(fanTopics.userId, userId),
            sql`(${fanTopics.renamedAt} is null or ${fanTopics.renamedAt} <= ${cutoff})`,
          ),
        )
        .returning({ userId: fanTopics.userId });
      return rows.length === 1;
    },
    async recent(groupId, limit) {
      const rows = await db
        .select({
          ...topicColumns,
          unread: fanTopics.unread,
          lastFanMessageAt: fanTopics.lastFanMessageAt,
          firstName: users.firstName,
          username: users.username,
        })
        .from(fanTopics)
        .innerJoin(users, eq(users.id, fanTopics.userId))
        .where(
          and(
            eq(fanTopics.groupId, groupId),
            isNotNull(fanTopics.threadId),
            isNotNull(fanTopics.lastFanMessageAt),
          ),
        )
        .orderBy(desc(fanTopics.lastFanMessageAt))
        .limit(limit);
      return rows;
    },
    async markLost(userId, threadId) {
      await db
        .update(fanTopics)
        .set({
          threadId: null,
          previousThreadId: threadId,
          previousGroupId: null,
          status: 'creating',
          cardMessageId: null,
          creatingSince: null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(fanTopics.userId, userId), eq(fanTopics.threadId, threadId)));
    },
  };
}

const linkColumns = {
  id: messageLinks.id,
  userId: messageLinks.userId,
  direction: messageLinks.direction,
  fanChatId: messageLinks.fanChatId,
  fanMessageId: messageLinks.fanMessageId,
  groupChatId: messageLinks.groupChatId,
  groupThreadId: messageLinks.groupThreadId,
  groupMessageId: messageLinks.groupMessageId,
  adminId: messageLinks.adminId,
  mode: messageLinks.mode,
};

// Once per relayed message (db/prepared.ts: built once).
const addLink = prepared('fb_link_add', (db) =>
  db
    .insert(messageLinks)
    .values({
      userId: sql.placeholder('userId'),
      direction: sql.placeholder('direction'),
      fanChatId: sql.placeholder('fanChatId'),
      fanMessageId: sql.placeholder('fanMessageId'),
      groupChatId: sql.placeholder('groupChatId'),
      groupThreadId: sql.placeholder('groupThreadId'),
      groupMessageId: sql.placeholder('groupMessageId'),
      adminId: sql.placeholder('adminId'),
      mode: sql.placeholder('mode'),
    })
    .onConflictDoNothing(),
);

/**
 * A fan's message relayed into their topic, in one statement (data-modifying CTEs run whether or not the
 * query reads them, in the statement's own transaction): the outbox item done, its link, and one more
 * relayed message in the group's hourly load (app/relay/placement.ts). Three statements in a transaction
 * were five round trips for every fan message.
 */
const relayedInOnce = preparedSql<RelayedInLink & { itemId: number; doneAt: string }, never>(
  'fb_link_relayed_in',
  sql`with done as (
      update outbox set status = 'done', done_at = ${ph('doneAt')}::timestamptz, lease_until = null
      where id = ${ph('itemId')}
    ), linked as (
      insert into message_links (user_id, direction, fan_chat_id, fan_message_id, group_chat_id,
                                 group_thread_id, group_message_id, admin_id, mode)
      values (${ph('userId')}, 'in', ${ph('fanChatId')}, ${ph('fanMessageId')}, ${ph('groupChatId')},
              ${ph('groupThreadId')}, ${ph('groupMessageId')}, null, ${ph('mode')})
      on conflict do nothing
    )
    insert into admin_group_load (group_id, hour, relayed)
    values (${ph('groupChatId')}, ${hourNow}, 1)
    on conflict (group_id, hour) do update set relayed = admin_group_load.relayed + 1`,
);

export function linksRepo(db: DbOrTx): LinksRepo {
  return {
    async add(link) {
      await addLink(db, { ...link, mode: link.mode ?? 'copy' });
    },
    async relayedIn(link, done) {
      await relayedInOnce(db, { ...link, itemId: done.outboxItemId, doneAt: done.at.toISOString() });
    },
    async byGroupMessage(groupChatId, groupMessageId) {
      const [row] = await db
        .select(linkColumns)
        .from(messageLinks)
        .where(
          and(eq(messageLinks.groupChatId, groupChatId), eq(messageLinks.groupMessageId, groupMessageId)),
        );
      return row ?? null;
    },
    async byFanMessage(fanChatId, fanMessageId) {
      const [row] = await db
        .select(linkColumns)
        .from(messageLinks)
        .where(and(eq(messageLinks.fanChatId, fanChatId), eq(messageLinks.fanMessageId, fanMessageId)));
      return row ?? null;
    },
    async latestInbound(userId) {
      const [row] = await db
        .select(linkColumns)
        .from(messageLinks)
        .where(
          and(
            eq(messageLinks.userId, userId),
            eq(messageLinks.direction, 'in'),
            isNotNull(messageLinks.fanMessageId),
          ),
        )
        .orderBy(desc(messageLinks.id))
        .limit(1);
      return row ?? null;
    },
  };
}
