import { and, asc, desc, eq, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type {
  ConversationFlags,
  ConversationList,
  ConversationsRepo,
  ResponseTimes,
} from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';
import { conversationFlags, fanTopics, users } from '../schema/index.ts';

const columns = {
  userId: fanTopics.userId,
  firstName: users.firstName,
  lastName: users.lastName,
  username: users.username,
  groupId: fanTopics.groupId,
  threadId: sql<number>`${fanTopics.threadId}`,
  status: fanTopics.status,
  unread: fanTopics.unread,
  waitingSince: fanTopics.waitingSince,
  lastFanMessageAt: fanTopics.lastFanMessageAt,
  priority: sql<boolean>`coalesce(${conversationFlags.priority}, false)`,
  pinned: sql<boolean>`coalesce(${conversationFlags.pinned}, false)`,
  assigneeId: conversationFlags.assigneeId,
  assignedAt: conversationFlags.assignedAt,
};

const NO_FLAGS: ConversationFlags = { priority: false, pinned: false, assigneeId: null, assignedAt: null };

/** What each list holds (every list holds only fans whose topic exists). */
function listWhere(list: ConversationList, actorId: number): SQL {
  switch (list) {
    case 'open':
      return ne(fanTopics.status, 'closed');
    case 'unread':
      return sql`${fanTopics.unread} > 0`;
    case 'priority':
      return eq(conversationFlags.priority, true);
    case 'pinned':
      return eq(conversationFlags.pinned, true);
    case 'mine':
      return eq(conversationFlags.assigneeId, actorId);
  }
}

function listOrder(list: ConversationList): SQL[] {
  const latest = sql`${fanTopics.lastFanMessageAt} desc nulls last`;
  if (list === 'open')
    return [
      desc(sql`coalesce(${conversationFlags.pinned}, false)`),
      desc(sql`coalesce(${conversationFlags.priority}, false)`),
      latest,
      asc(fanTopics.userId),
    ];
  if (list === 'unread') return [asc(fanTopics.waitingSince), latest, asc(fanTopics.userId)];
  return [latest, asc(fanTopics.userId)];
}

/**
 * p50/p90 and count of the first responses answered in each range (from, to], one aggregate with a
 * `filter` per range over the union of the ranges: a range scan of `first_responses_answered_idx`
 * (answered_at, response_ms), index-only once the table is vacuumed (see docs/ARCHITECTURE.md).
 */
export function responseTimesQuery(ranges: ReadonlyArray<{ from: Date; to: Date }>): SQL {
  const iso = ranges.map((r) => ({ from: r.from.toISOString(), to: r.to.toISOString() }));
  const lo = iso.reduce((m, r) => (r.from < m ? r.from : m), iso[0]!.from);
  const hi = iso.reduce((m, r) => (r.to > m ? r.to : m), iso[0]!.to);
  const parts = iso.map((r, i) => {
    const inRange = sql`answered_at > ${r.from}::timestamptz and answered_at <= ${r.to}::timestamptz`;
    return sql`count(*) filter (where ${inRange}) as ${sql.raw(`n${i}`)},
      percentile_cont(0.5) within group (order by response_ms) filter (where ${inRange}) as ${sql.raw(`p50_${i}`)},
      percentile_cont(0.9) within group (order by response_ms) filter (where ${inRange}) as ${sql.raw(`p90_${i}`)}`;
  });
  return sql`select ${sql.join(parts, sql`, `)}
    from first_responses
    where answered_at > ${lo}::timestamptz and answered_at <= ${hi}::timestamptz`;
}

/** node-postgres returns bigint and numeric as strings, PGlite as numbers: numbers here. */
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function conversationsRepo(db: DbOrTx): ConversationsRepo {
  const base = () =>
    db
      .select(columns)
      .from(fanTopics)
      .innerJoin(users, eq(users.id, fanTopics.userId))
      .leftJoin(conversationFlags, eq(conversationFlags.userId, fanTopics.userId));
  return {
    async get(userId) {
      const [row] = await base().where(and(eq(fanTopics.userId, userId), isNotNull(fanTopics.threadId)));
      return row ?? null;
    },
    async assignee(userId) {
      const [row] = await db
        .select({ id: conversationFlags.assigneeId, firstName: users.firstName, lastName: users.lastName })
        .from(conversationFlags)
        .leftJoin(users, eq(users.id, conversationFlags.assigneeId))
        .where(and(eq(conversationFlags.userId, userId), isNotNull(conversationFlags.assigneeId)));
      if (!row || row.id === null) return null;
      const name = [row.firstName, row.lastName].filter(Boolean).join(' ');
      return { id: row.id, name: name || null };
    },
    async flagsForUpdate(userId) {
      await db.insert(conversationFlags).values({ userId }).onConflictDoNothing();
      const [row] = await db
        .select({
          priority: conversationFlags.priority,
          pinned: conversationFlags.pinned,
          assigneeId: conversationFlags.assigneeId,
          assignedAt: conversationFlags.assignedAt,
        })
        .from(conversationFlags)
        .where(eq(conversationFlags.userId, userId))
        .for('update');
      return row ?? NO_FLAGS;
    },
    async setFlag(userId, flag, value, at) {
      await db
        .update(conversationFlags)
        .set(flag === 'priority' ? { priority: value, updatedAt: at } : { pinned: value, updatedAt: at })
        .where(eq(conversationFlags.userId, userId));
    },
    async setAssignee(userId, a, at) {
      await db
        .update(conversationFlags)
        .set({
          assigneeId: a.assigneeId,
          assignedBy: a.assigneeId === null ? null : a.by,
          assignedAt: a.assigneeId === null ? null : at,
          updatedAt: at,
        })
        .where(eq(conversationFlags.userId, userId));
    },
    async unassignAll(assigneeId, at) {
      const rows = await db
        .update(conversationFlags)
        .set({ assigneeId: null, assignedBy: null, assignedAt: null, updatedAt: at })
        .where(eq(conversationFlags.assigneeId, assigneeId))
        .returning({ userId: conversationFlags.userId });
      return rows.map((r) => r.userId);
    },
    async list(list, opts) {
      const where = and(isNotNull(fanTopics.threadId), listWhere(list, opts.actorId));
      const [rows, [count]] = await Promise.all([
        base()
          .where(where)
          .orderBy(...listOrder(list))
          .limit(opts.limit)
          .offset(opts.offset),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(fanTopics)
          .leftJoin(conversationFlags, eq(conversationFlags.userId, fanTopics.userId))
          .where(where),
      ]);
      return { rows: rows, total: count?.n ?? 0 };
    },
    async counts(actorId) {
      const [row] = await db
        .select({
          open: sql<number>`count(*) filter (where ${fanTopics.status} <> 'closed')::int`,
          unread: sql<number>`count(*) filter (where ${fanTopics.unread} > 0)::int`,
          priority: sql<number>`count(*) filter (where ${conversationFlags.priority})::int`,
          pinned: sql<number>`count(*) filter (where ${conversationFlags.pinned})::int`,
          mine: sql<number>`count(*) filter (where ${conversationFlags.assigneeId} = ${actorId})::int`,
        })
        .from(fanTopics)
        .leftJoin(conversationFlags, eq(conversationFlags.userId, fanTopics.userId))
        .where(isNotNull(fanTopics.threadId));
      return row ?? { open: 0, unread: 0, priority: 0, pinned: 0, mine: 0 };
    },
    async responseTimes(ranges) {
      if (ranges.length === 0) return [];
      const result = (await db.execute(responseTimesQuery(ranges))) as {
        rows: Array<Record<string, unknown>>;
      };
      const row = result.rows[0] ?? {};
      return ranges.map((_, i): ResponseTimes => {
        const p50 = num(row[`p50_${i}`]);
        const p90 = num(row[`p90_${i}`]);
        return {
          count: num(row[`n${i}`]) ?? 0,
          p50Ms: p50 === null ? null : Math.round(p50),
          p90Ms: p90 === null ? null : Math.round(p90),
        };
      });
    },
  };
}
