import { sql } from 'drizzle-orm';
import type { OutboxBacklog, StatsRepo, Windowed } from '../../app/ports/index.ts';
import type { DbOrTx } from '../client.ts';

type Row = Record<string, string | number | null>;

async function rows(db: DbOrTx, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as { rows: Row[] };
  return result.rows;
}

/** count(*) and sum() come back as strings from node-postgres (bigint): numbers here. */
const n = (v: string | number | null | undefined) => Number(v ?? 0);
const windowed = (r: Row, prefix: string): Windowed => ({
  today: n(r[`${prefix}_today`]),
  days7: n(r[`${prefix}_7`]),
  days30: n(r[`${prefix}_30`]),
});

/**
 * The dashboard's read model: each figure is one aggregate over the last 30 days of its table (or the
 * whole table for totals), the three windows counted in one pass with `filter`.
 */
export function statsRepo(db: DbOrTx): StatsRepo {
  const backlog = async (): Promise<OutboxBacklog[]> =>
    (
      await rows(
        db,
        sql`select priority, count(*) as pending, min(created_at) as oldest
            from outbox where status in ('pending', 'sending') group by priority order by priority`,
      )
    ).map((r) => ({
      priority: n(r.priority),
      pending: n(r.pending),
      oldestAt: r.oldest === null ? null : new Date(r.oldest as string),
    }));

  return {
    outboxBacklog: backlog,
    async outboxBacklogByChat() {
      // Open items only (the partial index outbox_open_idx): the cost follows the backlog, not the table.
      return (
        await rows(
          db,
          sql`select priority, chat_id < 0 as to_group, count(*) as pending,
                     extract(epoch from now() - min(created_at)) as oldest_s
              from outbox where status in ('pending', 'sending') group by 1, 2`,
        )
      ).map((r) => ({
        priority: n(r.priority),
        chatKind:
          (r.to_group as unknown) === true || r.to_group === 't' ? ('group' as const) : ('private' as const),
        pending: n(r.pending),
        oldestSeconds: n(r.oldest_s),
      }));
    },
    async dashboard(w) {
      const [t, d7, d30] = [w.today, w.days7, w.days30].map((d) => d.toISOString());
      const windows = (expr: ReturnType<typeof sql>, at: ReturnType<typeof sql>, name: string) => sql`
        coalesce(sum(${expr}) filter (where ${at} >= ${t}::timestamptz), 0) as ${sql.raw(`${name}_today`)},
        coalesce(sum(${expr}) filter (where ${at} >= ${d7}::timestamptz), 0) as ${sql.raw(`${name}_7`)},
        coalesce(sum(${expr}) filter (where ${at} >= ${d30}::timestamptz), 0) as ${sql.raw(`${name}_30`)}`;
      const [users] = await rows(
        db,
        sql`select count(*) as total,
              ${windows(sql`1`, sql`created_at`, 'new')},
              count(*) filter (where last_seen_at >= ${d7}::timestamptz) as active_7,
              (select count(distinct user_id) from payments where status in ('paid', 'refunded')) as paying
            from users`,
      );
      const [messages] = await rows(
        db,
        sql`select ${windows(sql`case when direction = 'in' then 1 else 0 end`, sql`created_at`, 'in')},
                   ${windows(sql`case when direction = 'out' then 1 else 0 end`, sql`created_at`, 'out')}
            from message_links where created_at >= ${d30}::timestamptz`,
      );
      const [credits] = await rows(
        db,
        sql`select ${windows(sql`case when reason in ('purchase', 'auto_recharge') and delta > 0 then delta else 0 end`, sql`created_at`, 'sold')},
                   ${windows(sql`case when reason in ('spend', 'unlock') and delta < 0 then -delta else 0 end`, sql`created_at`, 'spent')}
            from ledger_entries where created_at >= ${d30}::timestamptz`,
      );
      const revenue = await rows(
        db,
        sql`select rail, currency,
                   ${windows(sql`case when status = 'refunded' then 0 else amount - refunded_amount end`, sql`paid_at`, 'net')}
            from payments
            where status in ('paid', 'refunded') and paid_at >= ${d30}::timestamptz
            group by rail, currency order by rail, currency`,
      );
      const stars = revenue.find((r) => r.rail === 'stars');
      return {
        users: {
          total: n(users!.total),
          newUsers: windowed(users!, 'new'),
          active7: n(users!.active_7),
          paying: n(users!.paying),
        },
        revenue: {
          stars: stars ? windowed(stars, 'net') : { today: 0, days7: 0, days30: 0 },
          card: revenue
            .filter((r) => r.rail === 'stripe')
            .map((r) => ({ currency: String(r.currency), ...windowed(r, 'net') })),
        },
        messages: { in: windowed(messages!, 'in'), out: windowed(messages!, 'out') },
        credits: { sold: windowed(credits!, 'sold'), spent: windowed(credits!, 'spent') },
        outbox: await backlog(),
      };
    },
  };
}
