import { sql, type SQL } from 'drizzle-orm';
import type { MessageHit, MessageLogRepo, SearchesRepo } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';

type Row = Record<string, string | number | boolean | Date | null | undefined>;
const rows = async (db: DbOrTx, q: SQL): Promise<Row[]> => ((await db.execute(q)) as { rows: Row[] }).rows;
const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * The message log's texts (db/schema/search.ts). Search is PostgreSQL full text with the `simple`
 * configuration (words as written, any language, no stemming) on the partial GIN index
 * `message_log_text_fts`; the query goes through `websearch_to_tsquery`, which accepts any input (quotes
 * for a phrase, `-word` to exclude) without a syntax error. An inbound message's place in the topic is
 * its copy's, from message_links; an admin's message is in the topic itself.
 */
export function messageLogRepo(db: DbOrTx): MessageLogRepo {
  return {
    async search(query, offset, limit) {
      const list = await rows(
        db,
        sql`select m.id, m.user_id, m.direction, m.type, m.text, m.created_at,
                   trim(concat_ws(' ', u.first_name, u.last_name)) as fan_name, u.username,
                   coalesce(m.group_id, l.group_chat_id) as group_id,
                   coalesce(m.thread_id, l.group_thread_id) as thread_id,
                   case when m.direction = 'out' then m.message_id else l.group_message_id end as group_message_id
            from message_log m
            join users u on u.id = m.user_id
            left join message_links l
              on m.direction = 'in' and l.fan_chat_id = m.user_id and l.fan_message_id = m.message_id
            where m.text is not null
              and to_tsvector('simple', m.text) @@ websearch_to_tsquery('simple', ${query})
            order by m.id desc
            limit ${limit + 1} offset ${offset}`,
      );
      return list.map((r): MessageHit => ({
        id: num(r.id),
        userId: num(r.user_id),
        fanName: String(r.fan_name ?? ''),
        username: (r.username as string | null) ?? null,
        direction: r.direction === 'out' ? 'out' : 'in',
        type: String(r.type),
        text: String(r.text ?? ''),
        at: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
        groupId: numOrNull(r.group_id),
        threadId: numOrNull(r.thread_id),
        groupMessageId: numOrNull(r.group_message_id),
      }));
    },
    async forgetFan(userId) {
      const res = await rows(
        db,
        sql`with cleared as (
              update message_log set text = null where user_id = ${userId} and text is not null returning 1
            ) select count(*) as n from cleared`,
      );
      return num(res[0]?.n);
    },
    async pruneTexts(before) {
      const res = await rows(
        db,
        sql`with cleared as (
              update message_log set text = null
              where created_at < ${before.toISOString()}::timestamptz and text is not null returning 1
            ) select count(*) as n from cleared`,
      );
      return num(res[0]?.n);
    },
  };
}

export function searchesRepo(db: DbOrTx): SearchesRepo {
  return {
    async get(actorId, kind) {
      const [r] = await rows(
        db,
        sql`select criteria from admin_searches where actor_id = ${actorId} and kind = ${kind}`,
      );
      return (r?.criteria as Record<string, unknown> | undefined) ?? null;
    },
    async put(actorId, kind, criteria) {
      await db.execute(sql`
        insert into admin_searches (actor_id, kind, criteria, updated_at)
        values (${actorId}, ${kind}, ${JSON.stringify(criteria)}::jsonb, now())
        on conflict (actor_id, kind) do update set criteria = excluded.criteria, updated_at = now()`);
    },
  };
}
